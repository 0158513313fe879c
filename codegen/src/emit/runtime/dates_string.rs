//! `Edm.Date`, `Edm.TimeOfDay` and `Edm.DateTimeOffset` as plain strings (the `String`
//! date mapping): no date library is needed, and the text is kept exactly as sent.

/// `Edm.DateTimeOffset`: an RFC 3339 date-time such as `2020-07-06T06:34:12.2294868Z`.
pub type DateTimeOffset = String;
/// `Edm.Date`: a calendar date such as `2020-07-06`.
pub type Date = String;
/// `Edm.TimeOfDay`: a time such as `08:30:00` or `08:30:00.0000000`.
pub type TimeOfDay = String;
