//! The sectors a learner's structure belongs to: the typology the coordinator reports on.

use serde::{Deserialize, Serialize};

/// The sector of activity of a structure (and so of the professionals who work there).
///
/// The variants are named in English like the rest of the code; the database codes
/// (and the serde form) are the French codes the network already uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Sector {
    #[serde(rename = "soin")]
    Care,
    #[serde(rename = "soutien_ecoute")]
    SupportListening,
    #[serde(rename = "action_sociale")]
    SocialAction,
    #[serde(rename = "protection_personnes")]
    ProtectionOfPersons,
    #[serde(rename = "formation_emploi")]
    TrainingEmployment,
    #[serde(rename = "institutions_collectivites")]
    InstitutionsAuthorities,
    #[serde(rename = "logement_hebergement")]
    HousingAccommodation,
    #[serde(rename = "police_securite")]
    PoliceSecurity,
    #[serde(rename = "culture_loisirs")]
    CultureLeisure,
    #[serde(rename = "education_jeunesse")]
    EducationYouth,
    #[serde(rename = "autre")]
    Other,
}

impl Sector {
    /// Every sector, in the order forms and reports list them ("Autre" last).
    pub const ALL: [Sector; 11] = [
        Sector::Care,
        Sector::SupportListening,
        Sector::SocialAction,
        Sector::ProtectionOfPersons,
        Sector::TrainingEmployment,
        Sector::InstitutionsAuthorities,
        Sector::HousingAccommodation,
        Sector::PoliceSecurity,
        Sector::CultureLeisure,
        Sector::EducationYouth,
        Sector::Other,
    ];

    /// The code stored in the database.
    pub fn code(self) -> &'static str {
        match self {
            Sector::Care => "soin",
            Sector::SupportListening => "soutien_ecoute",
            Sector::SocialAction => "action_sociale",
            Sector::ProtectionOfPersons => "protection_personnes",
            Sector::TrainingEmployment => "formation_emploi",
            Sector::InstitutionsAuthorities => "institutions_collectivites",
            Sector::HousingAccommodation => "logement_hebergement",
            Sector::PoliceSecurity => "police_securite",
            Sector::CultureLeisure => "culture_loisirs",
            Sector::EducationYouth => "education_jeunesse",
            Sector::Other => "autre",
        }
    }

    /// The sector stored under `code`, if there is one.
    pub fn from_code(code: &str) -> Option<Sector> {
        Sector::ALL.into_iter().find(|sector| sector.code() == code)
    }

    /// The French name shown to people.
    pub fn label(self) -> &'static str {
        match self {
            Sector::Care => "Soin",
            Sector::SupportListening => "Associations de soutien et d’écoute",
            Sector::SocialAction => "Action sociale",
            Sector::ProtectionOfPersons => "Protection des personnes (tutelle, curatelle)",
            Sector::TrainingEmployment => "Formation et emploi",
            Sector::InstitutionsAuthorities => "Institutions et collectivités",
            Sector::HousingAccommodation => "Logement et hébergement",
            Sector::PoliceSecurity => "Police et sécurité",
            Sector::CultureLeisure => "Culture et loisirs",
            Sector::EducationYouth => "Éducation et jeunesse",
            Sector::Other => "Autre",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_are_exactly_the_database_ones() {
        let codes: Vec<&str> = Sector::ALL.iter().map(|s| s.code()).collect();
        assert_eq!(
            codes,
            [
                "soin",
                "soutien_ecoute",
                "action_sociale",
                "protection_personnes",
                "formation_emploi",
                "institutions_collectivites",
                "logement_hebergement",
                "police_securite",
                "culture_loisirs",
                "education_jeunesse",
                "autre",
            ]
        );
    }

    #[test]
    fn codes_round_trip() {
        for sector in Sector::ALL {
            assert_eq!(Sector::from_code(sector.code()), Some(sector));
        }
    }

    #[test]
    fn unknown_or_differently_written_codes_are_refused() {
        for code in [
            "",
            "Soin",
            "SOIN",
            " soin",
            "soin ",
            "éducation_jeunesse",
            "other",
        ] {
            assert_eq!(Sector::from_code(code), None, "{code:?}");
        }
    }

    #[test]
    fn all_lists_each_sector_once() {
        let distinct: HashSet<Sector> = Sector::ALL.into_iter().collect();
        assert_eq!(distinct.len(), Sector::ALL.len());
        let labels: HashSet<&str> = Sector::ALL.iter().map(|s| s.label()).collect();
        assert_eq!(labels.len(), Sector::ALL.len());
    }

    #[test]
    fn labels_are_french_with_accents() {
        assert_eq!(Sector::Care.label(), "Soin");
        assert_eq!(
            Sector::SupportListening.label(),
            "Associations de soutien et d’écoute"
        );
        assert_eq!(
            Sector::ProtectionOfPersons.label(),
            "Protection des personnes (tutelle, curatelle)"
        );
        assert_eq!(
            Sector::InstitutionsAuthorities.label(),
            "Institutions et collectivités"
        );
        assert_eq!(Sector::EducationYouth.label(), "Éducation et jeunesse");
        assert_eq!(Sector::Other.label(), "Autre");
    }

    #[test]
    fn serde_form_is_the_database_code() {
        for sector in Sector::ALL {
            let json = serde_json::to_string(&sector).expect("serialise");
            assert_eq!(json, format!("\"{}\"", sector.code()));
            let back: Sector = serde_json::from_str(&json).expect("deserialise");
            assert_eq!(back, sector);
        }
        assert!(serde_json::from_str::<Sector>("\"Care\"").is_err());
    }
}
