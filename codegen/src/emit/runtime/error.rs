//! [`Error`] and the Graph error body, [`GraphError`].

use std::fmt;

use serde::{Deserialize, Serialize};

/// The `error` object of a Graph error response: `{"error": {"code": …, "message": …}}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GraphError {
    /// Machine-readable error code, e.g. `Request_ResourceNotFound`.
    #[serde(default)]
    pub code: String,
    /// Human-readable message.
    #[serde(default)]
    pub message: String,
    /// Service diagnostics (`request-id`, `date`, nested errors), when sent.
    #[serde(
        rename = "innerError",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub inner_error: Option<serde_json::Value>,
    /// Further errors, when sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<Vec<serde_json::Value>>,
    /// Any other members of the error object.
    #[serde(flatten)]
    pub additional: serde_json::Map<String, serde_json::Value>,
}

/// The `{"error": {...}}` wrapper around a [`GraphError`].
#[derive(Deserialize)]
pub(crate) struct ErrorEnvelope {
    pub(crate) error: GraphError,
}

impl fmt::Display for GraphError {
    /// `code: message`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code, self.message)
    }
}

/// Why building a request or reading a response failed.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The service answered with an error status and a Graph error body.
    Graph {
        /// The response status.
        status: http::StatusCode,
        /// The parsed error body (boxed: it is large and errors are rare).
        error: Box<GraphError>,
    },
    /// The service answered with a status that is neither a success nor a Graph error.
    UnexpectedStatus {
        /// The response status.
        status: http::StatusCode,
        /// The raw response body.
        body: Vec<u8>,
    },
    /// A body could not be serialized, or a response body did not match its type.
    Json(serde_json::Error),
    /// The request could not be built (for example an invalid base URL).
    Http(http::Error),
    /// An operation that takes a request body was built without one
    /// ([`crate::runtime::FromParts`]).
    MissingBody,
    /// An operation that takes no request body was given one
    /// ([`crate::runtime::FromParts`]).
    UnexpectedBody,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Graph { status, error } => write!(f, "Graph error ({status}): {error}"),
            Error::UnexpectedStatus { status, body } => write!(
                f,
                "unexpected status {status} with a {}-byte body",
                body.len()
            ),
            Error::Json(e) => write!(f, "JSON error: {e}"),
            Error::Http(e) => write!(f, "cannot build the request: {e}"),
            Error::MissingBody => write!(f, "the operation needs a request body"),
            Error::UnexpectedBody => write!(f, "the operation takes no request body"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Json(e) => Some(e),
            Error::Http(e) => Some(e),
            Error::Graph { .. }
            | Error::UnexpectedStatus { .. }
            | Error::MissingBody
            | Error::UnexpectedBody => None,
        }
    }
}

impl From<serde_json::Error> for Error {
    fn from(e: serde_json::Error) -> Self {
        Error::Json(e)
    }
}

impl From<http::Error> for Error {
    fn from(e: http::Error) -> Self {
        Error::Http(e)
    }
}
