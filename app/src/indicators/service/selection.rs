//! The one way a selection is read, for the dashboard's server function and
//! for every export route alike: the raw filters checked against the current
//! year, a bad value refused with its French message (422).

use chrono::Datelike;

use crate::calendar::to_local;
use crate::error::AppError;
use crate::indicators::rules::selection::{RawFilters, parse};
use crate::indicators::types::Filters;

/// The filters of `raw` and the current year (the default year, and the
/// last one the trend shows).
pub fn read(raw: &RawFilters) -> Result<(Filters, i32), AppError> {
    let this_year = to_local(chrono::Utc::now()).year();
    let filters = parse(raw, this_year)?;
    Ok((filters, this_year))
}
