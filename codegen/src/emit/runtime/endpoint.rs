//! The sans-IO [`Endpoint`] trait and the helpers generated endpoints use.

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::error::{Error, ErrorEnvelope};

/// One operation, ready to be sent by any HTTP client.
///
/// A generated endpoint only says its method, path, body and expected status; the default
/// methods build the [`http::Request`] and parse the [`http::Response`].
pub trait Endpoint {
    /// What a successful response parses into (`()` when there is no content).
    type Output: DeserializeOwned;

    /// The HTTP method.
    const METHOD: http::Method;

    /// The path below the service root, with parameters percent-encoded.
    fn path(&self) -> String;

    /// The JSON request body, if the operation sends one.
    fn body(&self) -> Result<Option<Vec<u8>>, Error> {
        Ok(None)
    }

    /// The status the docs give for success.
    fn expected_status(&self) -> http::StatusCode {
        http::StatusCode::OK
    }

    /// The request against [`crate::BASE_URL`].
    fn to_request(&self) -> Result<http::Request<Vec<u8>>, Error> {
        self.to_request_with_base(crate::BASE_URL)
    }

    /// The request against another service root, e.g. `https://graph.microsoft.com/v1.0`.
    fn to_request_with_base(&self, base: &str) -> Result<http::Request<Vec<u8>>, Error> {
        let uri = format!("{}{}", base.trim_end_matches('/'), self.path());
        let builder = http::Request::builder().method(Self::METHOD).uri(uri);
        let request = match self.body()? {
            Some(body) => builder
                .header(http::header::CONTENT_TYPE, "application/json")
                .body(body),
            None => builder.body(Vec::new()),
        };
        Ok(request?)
    }

    /// Parses a response: success → [`Self::Output`], otherwise an [`Error`].
    fn parse_response(&self, response: http::Response<Vec<u8>>) -> Result<Self::Output, Error> {
        parse_response(self.expected_status(), response)
    }
}

/// An endpoint built from the parts of a request as written down, e.g. a documented
/// example: the path below the service root and the JSON body.
pub trait FromParts: Sized {
    /// The endpoint for `path` (see the target's `from_path`) and `body`: `None` when the
    /// path matches none of the operation's templates. An operation that takes a body
    /// needs one: without it the result is [`Error::MissingBody`] (the body is never
    /// guessed, so a request is never sent with a body nobody wrote). A body for an
    /// operation that takes none is [`Error::UnexpectedBody`] rather than dropped, and a
    /// body that does not deserialize into the operation's body type is [`Error::Json`].
    fn from_parts(path: &str, body: Option<&serde_json::Value>) -> Option<Result<Self, Error>>;
}

/// [`FromParts`] for an operation with a request body: `new` applied to the target (when
/// the path matched one) and the body deserialized into its type.
pub fn with_body<T, B: DeserializeOwned, E>(
    target: Option<T>,
    body: Option<&serde_json::Value>,
    new: fn(T, B) -> E,
) -> Option<Result<E, Error>> {
    let target = target?;
    let body = match body {
        Some(body) => B::deserialize(body),
        None => return Some(Err(Error::MissingBody)),
    };
    Some(body.map(|body| new(target, body)).map_err(Error::Json))
}

/// [`FromParts`] for an operation without a request body: `new` applied to the target
/// (when the path matched one), unless a body was given.
pub fn without_body<T, E>(
    target: Option<T>,
    body: Option<&serde_json::Value>,
    new: fn(T) -> E,
) -> Option<Result<E, Error>> {
    let target = target?;
    Some(match body {
        Some(_) => Err(Error::UnexpectedBody),
        None => Ok(new(target)),
    })
}

/// Parses a response: the expected status (or any 2xx) deserializes `T` from the body (an
/// empty body reads as `null`, which suits `()`); a 4xx/5xx with a `{"error": {...}}` body
/// is [`Error::Graph`]; anything else is [`Error::UnexpectedStatus`].
pub fn parse_response<T: DeserializeOwned>(
    expected: http::StatusCode,
    response: http::Response<Vec<u8>>,
) -> Result<T, Error> {
    let status = response.status();
    let body = response.into_body();
    if status == expected || status.is_success() {
        let bytes: &[u8] = if body.iter().all(u8::is_ascii_whitespace) {
            b"null"
        } else {
            &body
        };
        return Ok(serde_json::from_slice(bytes)?);
    }
    let is_error = status.is_client_error() || status.is_server_error();
    match serde_json::from_slice::<ErrorEnvelope>(&body) {
        Ok(envelope) if is_error => Err(Error::Graph {
            status,
            error: Box::new(envelope.error),
        }),
        _ => Err(Error::UnexpectedStatus { status, body }),
    }
}

/// Serializes a request body as JSON.
pub fn json_body<T: Serialize + ?Sized>(body: &T) -> Result<Option<Vec<u8>>, Error> {
    Ok(Some(serde_json::to_vec(body)?))
}

/// A status code from its number, falling back to 200 for a number out of range.
pub fn status(code: u16) -> http::StatusCode {
    http::StatusCode::from_u16(code).unwrap_or(http::StatusCode::OK)
}

/// Percent-encodes everything but `keep` and the RFC 3986 unreserved characters.
fn encode(text: &str, keep: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(text.len());
    for &b in text.as_bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) || keep.contains(&b) {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0xF)]));
        }
    }
    out
}

/// Encodes a value for one path segment: `a b/c` → `a%20b%2Fc`.
pub fn encode_segment(value: &str) -> String {
    encode(value, b"")
}

/// Encodes a value inside an OData string literal (`f(x='{value}')`): quotes are doubled,
/// then the result is encoded like a segment.
pub fn encode_literal(value: &str) -> String {
    encode(&value.replace('\'', "''"), b"")
}

/// Encodes a value that is itself a path (`root:/{path}:/`): like a segment, but `/` kept.
pub fn encode_path(value: &str) -> String {
    encode(value, b"/")
}
