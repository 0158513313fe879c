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

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip<T: serde::Serialize + serde::de::DeserializeOwned>(text: &str) -> String {
        let value: T = serde_json::from_value(serde_json::json!(text))
            .unwrap_or_else(|e| panic!("deserialize {text}: {e}"));
        serde_json::to_value(value)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    }

    #[test]
    fn dates_keep_their_text() {
        for text in ["2020-07-06T06:34:12.2294868Z", "2021-01-01T00:00:00+02:00"] {
            assert_eq!(round_trip::<DateTimeOffset>(text), text);
        }
        assert_eq!(round_trip::<Date>("2020-07-06"), "2020-07-06");
        assert_eq!(round_trip::<TimeOfDay>("08:30:00.0000000"), "08:30:00.0000000");
    }

    #[test]
    fn dates_parse_compare_and_reject() {
        let a: TimeOfDay = "08:30:00".parse().unwrap_or_else(|e| panic!("{e}"));
        let b: TimeOfDay = "08:30:00.000".parse().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(a, b);
        assert_eq!(TimeOfDay::new(*b.value()).as_str(), "08:30:00");
        let date = time::Date::from_calendar_date(2020, time::Month::July, 6);
        let date = date.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(Date::from(date).as_str(), "2020-07-06");
        let no_offset: DateTimeOffset = "2021-01-01T00:00:00"
            .parse()
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(no_offset.value().unix_timestamp(), 1_609_459_200);
        let error = "yesterday".parse::<DateTimeOffset>().err().unwrap_or_default();
        assert!(error.contains("RFC 3339"), "{error}");
        assert!("2020-13-01".parse::<Date>().is_err());
        assert!("25:00:00".parse::<TimeOfDay>().is_err());
    }
}
