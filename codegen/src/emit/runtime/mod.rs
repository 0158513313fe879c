//! Support code that every generated model and endpoint uses.
//!
//! - [`Field`] keeps a member's three states apart: absent, explicit `null`, or a value.
//! - [`Guid`] and [`Duration`] parse their text but re-serialize it unchanged, so a round
//!   trip never rewrites a value; so do [`DateTimeOffset`], [`Date`] and [`TimeOfDay`] under
//!   the `chrono` and `time` date mappings (under the `String` mapping they are strings).
//! - [`Members`] and [`MemberWriter`] read and write a model's members through [`Field`].
//! - [`Collection`] is the `{"value": [...], "@odata.nextLink": ...}` list envelope, and
//!   [`Single`] the `{"value": ...}` envelope of a primitive result.
//! - [`Endpoint`] turns an operation into an [`http::Request`] and parses the
//!   [`http::Response`] into its typed output or an [`Error`]; no HTTP client is included.
//! - [`FromParts`] and [`match_templates`] go the other way: from a path and a JSON body
//!   as written down (a documented example) to the endpoint.

mod collection;
mod dates;
mod duration;
mod endpoint;
mod error;
mod field;
mod lexical;
mod members;
mod path_match;
#[cfg(test)]
mod path_match_tests;
#[cfg(test)]
mod tests;

pub use collection::{Collection, Single};
pub use dates::{Date, DateTimeOffset, TimeOfDay};
pub use duration::IsoDuration;
pub use endpoint::{
    Endpoint, FromParts, encode_literal, encode_path, encode_segment, json_body, parse_response,
    status, with_body, without_body,
};
pub use error::{Error, GraphError};
pub use field::Field;
pub use lexical::{Duration, Guid, Lexical, LexicalValue};
pub use members::{MemberWriter, Members};
pub use path_match::{PathValues, match_templates};
