//! A partner structure as the coordinator writes it (created or corrected
//! alike), and when two structures may be merged.

use super::sector::Sector;
use super::text::{check_city, check_new_structure_name};
use crate::error::Refusal;

/// A structure's checked details, ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StructureDetails {
    pub name: String,
    pub sector: Sector,
    pub city: Option<String>,
}

/// Checks a structure's name, sector code and optional city.
pub fn check_structure(name: &str, sector: &str, city: &str) -> Result<StructureDetails, Refusal> {
    let name = check_new_structure_name(name).map_err(|e| Refusal::new(e.message))?;
    let sector = Sector::from_code(sector.trim())
        .ok_or_else(|| Refusal::new("Choisissez le secteur de la structure dans la liste."))?;
    let city = check_city(city).map_err(|e| Refusal::new(e.message))?;
    Ok(StructureDetails { name, sector, city })
}

/// Whether the structure `from` may be merged into `into`, which is retired
/// when `into_retired`: two different structures, into one still offered.
pub fn check_merge(from: i32, into: i32, into_retired: bool) -> Result<(), Refusal> {
    if from == into {
        return Err(Refusal::new(
            "Choisissez deux structures différentes à fusionner.",
        ));
    }
    if into_retired {
        return Err(Refusal::new(
            "La structure qui reçoit la fusion est retirée : restaurez-la d’abord, ou choisissez-en une autre.",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn details_are_checked_like_at_creation() {
        assert_eq!(
            check_structure(" GEM L’Albatros ", "soutien_ecoute", " Metz "),
            Ok(StructureDetails {
                name: "GEM L’Albatros".to_owned(),
                sector: Sector::SupportListening,
                city: Some("Metz".to_owned()),
            })
        );
        assert_eq!(
            check_structure("X", "autre", ""),
            Err(Refusal::new(
                "Saisissez le nom de la structure (au moins 2 caractères)."
            ))
        );
        assert_eq!(
            check_structure("GEM", "finance", ""),
            Err(Refusal::new(
                "Choisissez le secteur de la structure dans la liste."
            ))
        );
        assert!(check_structure("GEM", "autre", &"a".repeat(121)).is_err());
        assert_eq!(
            check_structure("GEM", "autre", "").map(|d| d.city),
            Ok(None)
        );
    }

    #[test]
    fn a_structure_merges_only_into_another_offered_one() {
        assert_eq!(check_merge(1, 2, false), Ok(()));
        assert!(check_merge(2, 2, false).is_err());
        assert!(check_merge(1, 2, true).is_err());
    }
}
