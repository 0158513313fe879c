//! Values that parse their JSON text but re-serialize it unchanged.
//!
//! A date library would print `2020-07-06T06:34:12.2294868Z` as
//! `2020-07-06T06:34:12.229486800Z`, so a model that stored only the parsed value would
//! rewrite the documents it round-trips. [`Lexical`] keeps the text it was given next to the
//! parsed value. The date types themselves live in `dates.rs`, which the date mapping picks.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::duration::IsoDuration;

/// A value type with a text form: how to parse it and how to print it canonically.
pub trait LexicalValue: Sized {
    /// What the text should look like, for error messages (`an RFC 3339 date-time`).
    const EXPECTING: &'static str;

    /// Parses the text form, or says why it is not one.
    fn parse_text(text: &str) -> Result<Self, String>;

    /// The canonical text form of the value.
    fn to_text(&self) -> String;
}

/// A parsed value together with the exact text it came from.
///
/// Serializes as the original text; compares by parsed value.
#[derive(Debug, Clone)]
pub struct Lexical<T> {
    text: String,
    value: T,
}

/// `Edm.Guid`: a UUID such as `b7b35e6f-2b63-4c2f-8cd1-0b2b0c1f2a60`.
pub type Guid = Lexical<uuid::Uuid>;
/// `Edm.Duration`: an ISO 8601 duration such as `PT1H30M`.
pub type Duration = Lexical<IsoDuration>;

impl<T> Lexical<T> {
    /// The parsed value.
    pub fn value(&self) -> &T {
        &self.value
    }

    /// The text exactly as it was read (or formatted, for a value made in code).
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The parsed value, dropping the text.
    pub fn into_value(self) -> T {
        self.value
    }
}

impl<T: LexicalValue> Lexical<T> {
    /// Parses `text`, keeping it as it is.
    pub fn parse(text: &str) -> Result<Self, String> {
        let value = T::parse_text(text)
            .map_err(|why| format!("invalid value {text:?}: expected {}: {why}", T::EXPECTING))?;
        Ok(Lexical {
            text: text.to_string(),
            value,
        })
    }

    /// Wraps a value, formatting it canonically.
    pub fn new(value: T) -> Self {
        Lexical {
            text: value.to_text(),
            value,
        }
    }
}

impl<T: LexicalValue> From<T> for Lexical<T> {
    /// Same as [`Lexical::new`].
    fn from(value: T) -> Self {
        Lexical::new(value)
    }
}

impl<T: LexicalValue> FromStr for Lexical<T> {
    type Err = String;

    /// Same as [`Lexical::parse`].
    fn from_str(text: &str) -> Result<Self, String> {
        Lexical::parse(text)
    }
}

impl<T: PartialEq> PartialEq for Lexical<T> {
    /// Compares the parsed values, so `08:30:00` equals `08:30:00.000`.
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
    }
}

impl<T: Eq> Eq for Lexical<T> {}

impl<T> fmt::Display for Lexical<T> {
    /// Writes the original text.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl<T> Serialize for Lexical<T> {
    /// Serializes the original text.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text)
    }
}

impl<'de, T: LexicalValue> Deserialize<'de> for Lexical<T> {
    /// Reads a string and parses it; text that does not parse is an error.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Lexical::parse(&text).map_err(serde::de::Error::custom)
    }
}

impl LexicalValue for uuid::Uuid {
    const EXPECTING: &'static str = "a GUID";

    fn parse_text(text: &str) -> Result<Self, String> {
        uuid::Uuid::parse_str(text).map_err(|e| e.to_string())
    }

    fn to_text(&self) -> String {
        self.hyphenated().to_string()
    }
}

impl LexicalValue for IsoDuration {
    const EXPECTING: &'static str = "an ISO 8601 duration (for example PT1H30M)";

    fn parse_text(text: &str) -> Result<Self, String> {
        text.parse()
    }

    fn to_text(&self) -> String {
        self.to_string()
    }
}
