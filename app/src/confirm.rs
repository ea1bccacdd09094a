//! Irreversible actions (erasing an account, merging two structures, deleting
//! content from the workshop) need the person to tick a box saying so; the
//! server checks it, so a stray click or a replayed request without it
//! changes nothing. Shared kernel: accounts and authoring use it.

use crate::error::Refusal;

/// What the box of an irreversible action posts when ticked.
pub const CONFIRMED: &str = "on";

/// Accepts the action only when its confirmation box was ticked.
pub fn check_confirmed(ticked: Option<&str>) -> Result<(), Refusal> {
    match ticked {
        Some(CONFIRMED) => Ok(()),
        _ => Err(Refusal::new(
            "Cochez la case de confirmation : cette action est définitive.",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_ticked_box_confirms() {
        assert_eq!(check_confirmed(Some("on")), Ok(()));
        for unticked in [None, Some(""), Some("off"), Some("true")] {
            assert_eq!(
                check_confirmed(unticked),
                Err(Refusal::new(
                    "Cochez la case de confirmation : cette action est définitive."
                ))
            );
        }
    }
}
