//! What a programme may say: which years can still be changed, how many
//! sessions a module may plan, how long the note may be.

use crate::error::Refusal;
use crate::refusal;

/// How many sessions of one module a year may plan: more is a typing mistake.
pub const MAX_PLANNED: i32 = 60;
/// How far ahead a programme may be prepared.
pub const YEARS_AHEAD: i32 = 2;
/// The longest note.
pub const NOTE_MAX_CHARS: usize = 2000;

/// The years the programme page offers: three past years (read only), this
/// year and the years that can be prepared.
pub fn offered_years(this_year: i32) -> Vec<i32> {
    (this_year - 3..=this_year + YEARS_AHEAD).collect()
}

/// A year's programme can be changed until its 31 December, and prepared at
/// most [`YEARS_AHEAD`] years ahead. A past year is closed: its figures are
/// what the indicators compared the sessions held against.
pub fn editable(year: i32, this_year: i32) -> Result<(), Refusal> {
    if year < this_year {
        Err(refusal!(
            "Le programme {year} est clos : une année passée ne se modifie plus."
        ))
    } else if year > this_year + YEARS_AHEAD {
        Err(refusal!(
            "Le programme se prépare au plus {YEARS_AHEAD} ans à l’avance (jusqu’à {}).",
            this_year + YEARS_AHEAD
        ))
    } else {
        Ok(())
    }
}

/// The number of sessions planned for the module `title`, as typed: empty
/// means none.
pub fn planned(title: &str, raw: &str) -> Result<i32, Refusal> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(0);
    }
    let n: i64 = raw.parse().map_err(|_| {
        refusal!("« {title} » : indiquez un nombre entier de sessions (0 s’il n’y en a aucune).")
    })?;
    if n < 0 {
        return Err(refusal!(
            "« {title} » : le nombre de sessions ne peut pas être négatif."
        ));
    }
    if n > i64::from(MAX_PLANNED) {
        return Err(refusal!(
            "« {title} » : {n} sessions dans l’année, c’est plus que les {MAX_PLANNED} possibles ; vérifiez le nombre."
        ));
    }
    Ok(n as i32)
}

/// The note, trimmed and bounded.
pub fn note(raw: &str) -> Result<String, Refusal> {
    let note = raw.trim();
    if note.chars().count() > NOTE_MAX_CHARS {
        return Err(refusal!(
            "La note ne doit pas dépasser {NOTE_MAX_CHARS} caractères."
        ));
    }
    Ok(note.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn past_years_are_closed_and_the_future_is_bounded() {
        assert!(editable(2026, 2026).is_ok());
        assert!(editable(2028, 2026).is_ok());
        assert_eq!(
            editable(2025, 2026).expect_err("closed"),
            "Le programme 2025 est clos : une année passée ne se modifie plus."
        );
        assert!(
            editable(2029, 2026)
                .expect_err("too far")
                .message()
                .contains("jusqu’à 2028")
        );
        assert_eq!(
            offered_years(2026),
            vec![2023, 2024, 2025, 2026, 2027, 2028]
        );
    }

    #[test]
    fn counts_are_whole_bounded_and_named() {
        assert_eq!(planned("Crise", " 4 "), Ok(4));
        assert_eq!(planned("Crise", ""), Ok(0));
        assert_eq!(planned("Crise", "60"), Ok(60));
        assert_eq!(
            planned("Crise", "-1").expect_err("negative"),
            "« Crise » : le nombre de sessions ne peut pas être négatif."
        );
        assert!(
            planned("Crise", "61")
                .expect_err("absurd")
                .message()
                .contains("61 sessions")
        );
        assert!(
            planned("Crise", "99999999999")
                .expect_err("absurd")
                .message()
                .contains("vérifiez")
        );
        assert!(
            planned("Crise", "2,5")
                .expect_err("not whole")
                .message()
                .starts_with("« Crise » : indiquez un nombre entier")
        );
    }

    #[test]
    fn the_note_is_trimmed_and_bounded() {
        assert_eq!(
            note("  À revoir en juin. "),
            Ok("À revoir en juin.".to_owned())
        );
        assert!(note(&"é".repeat(NOTE_MAX_CHARS)).is_ok());
        assert!(note(&"é".repeat(NOTE_MAX_CHARS + 1)).is_err());
    }
}
