//! `Edm.Date`, `Edm.TimeOfDay` and `Edm.DateTimeOffset` as `time` values that keep the
//! text they were read from (the `time` date mapping).

use time::format_description::well_known::Rfc3339;
use time::macros::format_description;

use super::lexical::{Lexical, LexicalValue};

/// `Edm.DateTimeOffset`: an RFC 3339 date-time such as `2020-07-06T06:34:12.2294868Z`.
///
/// A date-time without an offset (`2020-07-06T06:34:12`) is read as UTC.
pub type DateTimeOffset = Lexical<time::OffsetDateTime>;
/// `Edm.Date`: a calendar date such as `2020-07-06`.
pub type Date = Lexical<time::Date>;
/// `Edm.TimeOfDay`: a time such as `08:30:00` or `08:30:00.0000000`.
pub type TimeOfDay = Lexical<time::Time>;

impl LexicalValue for time::OffsetDateTime {
    const EXPECTING: &'static str = "an RFC 3339 date-time";

    fn parse_text(text: &str) -> Result<Self, String> {
        time::OffsetDateTime::parse(text, &Rfc3339).or_else(|offset_error| {
            let local = format_description!(
                "[year]-[month]-[day]T[hour]:[minute]:[second][optional [.[subsecond]]]"
            );
            time::PrimitiveDateTime::parse(text, local)
                .map(time::PrimitiveDateTime::assume_utc)
                .map_err(|_| offset_error.to_string())
        })
    }

    fn to_text(&self) -> String {
        self.format(&Rfc3339).unwrap_or_default()
    }
}

impl LexicalValue for time::Date {
    const EXPECTING: &'static str = "a date (YYYY-MM-DD)";

    fn parse_text(text: &str) -> Result<Self, String> {
        time::Date::parse(text, format_description!("[year]-[month]-[day]"))
            .map_err(|e| e.to_string())
    }

    fn to_text(&self) -> String {
        self.format(format_description!("[year]-[month]-[day]"))
            .unwrap_or_default()
    }
}

impl LexicalValue for time::Time {
    const EXPECTING: &'static str = "a time of day (hh:mm:ss[.fffffff])";

    fn parse_text(text: &str) -> Result<Self, String> {
        let format = format_description!("[hour]:[minute]:[second][optional [.[subsecond]]]");
        time::Time::parse(text, format).map_err(|e| e.to_string())
    }

    fn to_text(&self) -> String {
        let formatted = if self.nanosecond() == 0 {
            self.format(format_description!("[hour]:[minute]:[second]"))
        } else {
            self.format(format_description!("[hour]:[minute]:[second].[subsecond]"))
        };
        formatted.unwrap_or_default()
    }
}

