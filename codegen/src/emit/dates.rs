//! The date mapping: which Rust types `Edm.Date`, `Edm.TimeOfDay` and
//! `Edm.DateTimeOffset` become. Models always name `runtime::Date` (and so on); the mapping
//! decides what the runtime's `dates` module defines them as, and which crate the
//! generated code depends on.

/// How `Edm.Date`, `Edm.TimeOfDay` and `Edm.DateTimeOffset` are represented.
///
/// Every choice serializes a value back exactly as it was read.
///
/// ```
/// use codegen::emit::{DateMapping, EmitOptions};
///
/// let options = EmitOptions { dates: DateMapping::String, ..EmitOptions::default() };
/// assert_eq!(options.dates.dependency(), None);
/// assert_eq!(DateMapping::default(), DateMapping::Chrono);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum DateMapping {
    /// `chrono` values (`NaiveDate`, `NaiveTime`, `DateTime<FixedOffset>`) wrapped in
    /// `runtime::Lexical`, which keeps the text they were read from. Needs `chrono`.
    #[default]
    Chrono,
    /// `time` values (`Date`, `Time`, `OffsetDateTime`) wrapped in `runtime::Lexical`.
    /// Needs `time` with the `parsing`, `formatting` and `macros` features.
    Time,
    /// Plain `String`s: nothing is parsed and no date crate is needed.
    String,
}

impl DateMapping {
    /// The `[dependencies]` line the generated code needs for dates, if any.
    ///
    /// ```
    /// use codegen::emit::DateMapping;
    ///
    /// assert!(DateMapping::Time.dependency().is_some_and(|d| d.starts_with("time = ")));
    /// ```
    pub fn dependency(self) -> Option<&'static str> {
        match self {
            DateMapping::Chrono => Some(
                r#"chrono = { version = "0.4", default-features = false, features = ["std"] }"#,
            ),
            DateMapping::Time => Some(
                r#"time = { version = "0.3", features = ["parsing", "formatting", "macros"] }"#,
            ),
            DateMapping::String => None,
        }
    }

    /// The runtime's `dates.rs` for this mapping.
    pub(crate) fn runtime_source(self) -> &'static str {
        match self {
            DateMapping::Chrono => include_str!("runtime/dates.rs"),
            DateMapping::Time => include_str!("runtime/dates_time.rs"),
            DateMapping::String => include_str!("runtime/dates_string.rs"),
        }
    }
}
