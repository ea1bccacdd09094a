//! The parameters of a page's route, read the same way by every page: an id
//! that is not a number is « not found », as an unknown id is; an optional
//! number in the query (a year, the id a page of a list starts after) that is
//! not one is refused with the page's own message.

use crate::error::AppError;

/// The id in the route's `:id`, or `NotFound` when it is not a number.
pub fn route_id(raw: Option<String>) -> Result<i32, AppError> {
    raw.and_then(|id| id.parse::<i32>().ok())
        .ok_or(AppError::NotFound)
}

/// An optional number of the query: `None` when absent or blank, `refused`
/// (422) when it is not a number.
pub fn optional_number(raw: Option<&str>, refused: &'static str) -> Result<Option<i32>, AppError> {
    match raw.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) => v
            .parse::<i32>()
            .map(Some)
            .map_err(|_| AppError::invalid(refused)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_optional_number_is_absent_blank_a_number_or_refused() {
        let refused = "Cette page n’existe pas.";
        assert_eq!(optional_number(None, refused).ok(), Some(None));
        assert_eq!(optional_number(Some("  "), refused).ok(), Some(None));
        assert_eq!(
            optional_number(Some(" 2031 "), refused).ok(),
            Some(Some(2031))
        );
        for bad in ["abc", "1_2", "12.5", "99999999999"] {
            assert!(
                matches!(optional_number(Some(bad), refused), Err(AppError::Invalid(m)) if m == refused),
                "{bad}"
            );
        }
    }
}
