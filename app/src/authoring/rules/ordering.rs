//! Moving an item up or down among its siblings (modules in the catalogue,
//! lessons and resources in a module, questions in a quiz), and the names of
//! what can be moved or published, as the forms send them.

/// What a « publier » or « monter / descendre » button acts on (its code is
/// the form's `target` value).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Target {
    Module,
    Lesson,
    Resource,
    Quiz,
    Question,
}

impl Target {
    pub fn code(self) -> &'static str {
        match self {
            Target::Module => "module",
            Target::Lesson => "lesson",
            Target::Resource => "resource",
            Target::Quiz => "quiz",
            Target::Question => "question",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Up,
    Down,
}

/// The sibling ids (in their current order) after moving `id` one place in
/// `direction`; `None` when `id` is not among them or is already at that end.
///
/// The whole order is returned so that positions can be renumbered 1, 2, 3…:
/// stored positions may have gaps or ties, and a plain swap would keep a tie.
pub fn reorder(ids: &[i32], id: i32, direction: Direction) -> Option<Vec<i32>> {
    let index = ids.iter().position(|i| *i == id)?;
    let other = match direction {
        Direction::Up => index.checked_sub(1)?,
        Direction::Down => Some(index + 1).filter(|i| *i < ids.len())?,
    };
    let mut order = ids.to_vec();
    order.swap(index, other);
    Some(order)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moving_swaps_with_the_neighbour() {
        assert_eq!(reorder(&[4, 7, 9], 7, Direction::Up), Some(vec![7, 4, 9]));
        assert_eq!(reorder(&[4, 7, 9], 7, Direction::Down), Some(vec![4, 9, 7]));
    }

    #[test]
    fn the_ends_do_not_move_further() {
        assert_eq!(reorder(&[4, 7, 9], 4, Direction::Up), None);
        assert_eq!(reorder(&[4, 7, 9], 9, Direction::Down), None);
        assert_eq!(reorder(&[4], 4, Direction::Down), None);
    }

    #[test]
    fn an_unknown_id_does_not_move() {
        assert_eq!(reorder(&[4, 7], 5, Direction::Up), None);
    }

    #[test]
    fn wire_names_are_the_form_codes() {
        for code in ["module", "lesson", "resource", "quiz", "question"] {
            let target: Target = serde_json::from_value(serde_json::json!(code)).expect(code);
            assert_eq!(target.code(), code);
            assert_eq!(serde_json::json!(target), code);
        }
        assert!(serde_json::from_value::<Target>(serde_json::json!("user")).is_err());
        let up: Direction = serde_json::from_value(serde_json::json!("up")).expect("up");
        assert_eq!(up, Direction::Up);
        assert!(serde_json::from_value::<Direction>(serde_json::json!("left")).is_err());
    }
}
