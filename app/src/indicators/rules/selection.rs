//! Reading the dashboard's filters from the address (`?annee=2026&module=2
//! &modalite=distanciel&formateur=7`), with a French message for each bad
//! value; and writing them back into links (exports keep the selection).

use crate::error::Refusal;
use crate::indicators::types::Filters;
use crate::refusal;
use crate::sessions::rules::Mode;

/// The raw query values, as the page and the export routes receive them
/// (empty: no filter). Plain strings, always sent, so that a selection with
/// no filter still posts a complete argument to the server function.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RawFilters {
    #[serde(default)]
    pub annee: String,
    #[serde(default)]
    pub module: String,
    #[serde(default)]
    pub modalite: String,
    #[serde(default)]
    pub formateur: String,
}

fn present(value: &str) -> Option<&str> {
    Some(value.trim()).filter(|v| !v.is_empty())
}

fn id(value: &str, what: &str) -> Result<Option<i32>, Refusal> {
    present(value)
        .map(|v| {
            v.parse::<i32>()
                .ok()
                .filter(|n| *n > 0)
                .ok_or_else(|| refusal!("{what} choisi n’existe pas."))
        })
        .transpose()
}

/// The filters, or the French reason they are refused. No year: `this_year`.
pub fn parse(raw: &RawFilters, this_year: i32) -> Result<Filters, Refusal> {
    let year = match present(&raw.annee) {
        None => this_year,
        Some(v) => v
            .parse::<i32>()
            .ok()
            .filter(|y| (2000..=2100).contains(y))
            .ok_or("L’année doit être une année à quatre chiffres, par exemple 2026.")?,
    };
    let mode = match present(&raw.modalite) {
        None => None,
        Some(code) => Some(
            Mode::from_code(code)
                .ok_or("La modalité choisie n’existe pas.")?
                .code()
                .to_owned(),
        ),
    };
    Ok(Filters {
        year,
        module_id: id(&raw.module, "Le module")?,
        mode,
        trainer_id: id(&raw.formateur, "Le formateur ou la formatrice")?,
    })
}

/// The query string of the module, mode and trainer filters (the year goes in the path).
pub fn query(filters: &Filters) -> String {
    let mut parts = Vec::new();
    if let Some(m) = filters.module_id {
        parts.push(format!("module={m}"));
    }
    if let Some(m) = &filters.mode {
        parts.push(format!("modalite={m}"));
    }
    if let Some(t) = filters.trainer_id {
        parts.push(format!("formateur={t}"));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(annee: &str, module: &str, modalite: &str, formateur: &str) -> RawFilters {
        let v = |s: &str| s.to_owned();
        RawFilters {
            annee: v(annee),
            module: v(module),
            modalite: v(modalite),
            formateur: v(formateur),
        }
    }

    #[test]
    fn empty_values_mean_no_filter_and_this_year() {
        let f = parse(&raw("", "", "", ""), 2026).expect("valid");
        assert_eq!(
            f,
            Filters {
                year: 2026,
                ..Default::default()
            }
        );
        assert_eq!(query(&f), "");
    }

    #[test]
    fn every_filter_is_read_and_written_back() {
        let f = parse(&raw("2024", "2", "distanciel", "7"), 2026).expect("valid");
        assert_eq!(f.year, 2024);
        assert_eq!(f.module_id, Some(2));
        assert_eq!(f.mode.as_deref(), Some("distanciel"));
        assert_eq!(f.trainer_id, Some(7));
        assert_eq!(query(&f), "?module=2&modalite=distanciel&formateur=7");
    }

    #[test]
    fn bad_values_are_refused_in_french() {
        assert!(
            parse(&raw("26", "", "", ""), 2026)
                .expect_err("year")
                .message()
                .contains("quatre chiffres")
        );
        assert!(
            parse(&raw("", "x", "", ""), 2026)
                .expect_err("module")
                .message()
                .contains("module")
        );
        assert!(
            parse(&raw("", "", "avion", ""), 2026)
                .expect_err("mode")
                .message()
                .contains("modalité")
        );
        assert!(
            parse(&raw("", "", "", "-3",), 2026)
                .expect_err("trainer")
                .message()
                .contains("format")
        );
    }
}
