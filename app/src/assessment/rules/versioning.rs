//! Whether an edit of a questionnaire's items changes them in place or makes
//! a new version: once anyone has answered the current version, its items
//! are frozen (old answers stay tied to the items they answered).

/// What an edit does to the current version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditPlan {
    /// Nobody answered yet: the items are changed where they are.
    InPlace,
    /// Answers exist: copy the items into version + 1, make it current, edit the copy.
    NewVersion { next: i32 },
}

pub fn edit_plan(current_version: i32, answers_on_current: u64) -> EditPlan {
    if answers_on_current == 0 {
        EditPlan::InPlace
    } else {
        EditPlan::NewVersion {
            next: current_version + 1,
        }
    }
}

/// The edits trainers make to items, named on the wire as the editor's
/// buttons send them (`add`, `update`, `remove`, `up`, `down`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Edit {
    Add,
    Update,
    Remove,
    Up,
    Down,
}

impl Edit {
    pub const ALL: [Edit; 5] = [Edit::Add, Edit::Update, Edit::Remove, Edit::Up, Edit::Down];

    /// The wire name (what the editor's button sends).
    pub fn code(self) -> &'static str {
        match self {
            Edit::Add => "add",
            Edit::Update => "update",
            Edit::Remove => "remove",
            Edit::Up => "up",
            Edit::Down => "down",
        }
    }

    pub fn from_code(code: &str) -> Option<Edit> {
        Edit::ALL.into_iter().find(|e| e.code() == code)
    }

    /// What the editor says once the edit is saved.
    pub fn done(self) -> &'static str {
        match self {
            Edit::Add => "Affirmation ajoutée.",
            Edit::Update => "Affirmation enregistrée.",
            Edit::Remove => "Affirmation retirée.",
            Edit::Up | Edit::Down => "Ordre des affirmations enregistré.",
        }
    }
}

/// The new order of item ids after moving `id` one place up or down (unchanged at the ends).
pub fn reorder(ids: &[i32], id: i32, up: bool) -> Vec<i32> {
    let mut out = ids.to_vec();
    if let Some(i) = out.iter().position(|x| *x == id) {
        let j = if up { i.checked_sub(1) } else { Some(i + 1) };
        if let Some(j) = j.filter(|j| *j < out.len()) {
            out.swap(i, j);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_before_any_answer_stay_in_place() {
        assert_eq!(edit_plan(1, 0), EditPlan::InPlace);
    }

    #[test]
    fn edits_after_answers_make_the_next_version() {
        assert_eq!(edit_plan(1, 4), EditPlan::NewVersion { next: 2 });
        assert_eq!(edit_plan(3, 1), EditPlan::NewVersion { next: 4 });
    }

    #[test]
    fn moving_swaps_with_the_neighbour_and_stops_at_the_ends() {
        assert_eq!(reorder(&[1, 2, 3], 2, true), vec![2, 1, 3]);
        assert_eq!(reorder(&[1, 2, 3], 2, false), vec![1, 3, 2]);
        assert_eq!(reorder(&[1, 2, 3], 1, true), vec![1, 2, 3]);
        assert_eq!(reorder(&[1, 2, 3], 3, false), vec![1, 2, 3]);
        assert_eq!(reorder(&[1, 2, 3], 9, false), vec![1, 2, 3]);
    }

    #[test]
    fn edits_travel_as_the_editor_buttons_name_them() {
        let remove: Edit = serde_json::from_value(serde_json::json!("remove")).expect("remove");
        assert_eq!(remove, Edit::Remove);
        assert!(serde_json::from_value::<Edit>(serde_json::json!("drop")).is_err());
        for e in Edit::ALL {
            assert_eq!(serde_json::json!(e), e.code());
            assert_eq!(Edit::from_code(e.code()), Some(e));
        }
        assert_eq!(Edit::from_code("drop"), None);
    }

    #[test]
    fn every_edit_says_it_was_saved() {
        for e in Edit::ALL {
            assert!(e.done().ends_with('.'), "{e:?}");
        }
        assert_eq!(Edit::Add.done(), "Affirmation ajoutée.");
    }
}
