//! `Edm.Date`, `Edm.TimeOfDay` and `Edm.DateTimeOffset` as `chrono` values that keep the
//! text they were read from (the default date mapping).

use super::lexical::{Lexical, LexicalValue};

/// `Edm.DateTimeOffset`: an RFC 3339 date-time such as `2020-07-06T06:34:12.2294868Z`.
///
/// A date-time without an offset (`2020-07-06T06:34:12`) is read as UTC.
pub type DateTimeOffset = Lexical<chrono::DateTime<chrono::FixedOffset>>;
/// `Edm.Date`: a calendar date such as `2020-07-06`.
pub type Date = Lexical<chrono::NaiveDate>;
/// `Edm.TimeOfDay`: a time such as `08:30:00` or `08:30:00.0000000`.
pub type TimeOfDay = Lexical<chrono::NaiveTime>;

impl LexicalValue for chrono::DateTime<chrono::FixedOffset> {
    const EXPECTING: &'static str = "an RFC 3339 date-time";

    fn parse_text(text: &str) -> Result<Self, String> {
        chrono::DateTime::parse_from_rfc3339(text).or_else(|offset_error| {
            chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f")
                .map(|naive| naive.and_utc().fixed_offset())
                .map_err(|_| offset_error.to_string())
        })
    }

    fn to_text(&self) -> String {
        self.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true)
    }
}

impl LexicalValue for chrono::NaiveDate {
    const EXPECTING: &'static str = "a date (YYYY-MM-DD)";

    fn parse_text(text: &str) -> Result<Self, String> {
        chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|e| e.to_string())
    }

    fn to_text(&self) -> String {
        self.format("%Y-%m-%d").to_string()
    }
}

impl LexicalValue for chrono::NaiveTime {
    const EXPECTING: &'static str = "a time of day (hh:mm:ss[.fffffff])";

    fn parse_text(text: &str) -> Result<Self, String> {
        chrono::NaiveTime::parse_from_str(text, "%H:%M:%S%.f").map_err(|e| e.to_string())
    }

    fn to_text(&self) -> String {
        self.format("%H:%M:%S%.f").to_string()
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
        assert_eq!(b.to_string(), "08:30:00.000");
        let date = chrono::NaiveDate::from_ymd_opt(2020, 7, 6).unwrap_or_default();
        assert_eq!(Date::from(date).as_str(), "2020-07-06");
        let no_offset: DateTimeOffset = "2021-01-01T00:00:00"
            .parse()
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(no_offset.value().timestamp(), 1_609_459_200);
        let error = "yesterday".parse::<DateTimeOffset>().err().unwrap_or_default();
        assert!(error.contains("RFC 3339"), "{error}");
        assert!("2020-13-01".parse::<Date>().is_err());
        assert!("25:00:00".parse::<TimeOfDay>().is_err());
    }
}
