//! The parameters of a page's route, read the same way by every page: an id
//! that is not a number is « not found », as an unknown id is.

use crate::error::AppError;

/// The id in the route's `:id`, or `NotFound` when it is not a number.
pub fn route_id(raw: Option<String>) -> Result<i32, AppError> {
    raw.and_then(|id| id.parse::<i32>().ok())
        .ok_or(AppError::NotFound)
}
