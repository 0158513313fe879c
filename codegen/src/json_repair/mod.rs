//! Lenient JSON for example bodies and annotations written by hand.
//!
//! Strict parsing is tried first. Only when it fails are the common hand-written
//! mistakes repaired, and every repair is named so that the caller can report it:
//! comments, `...` elisions, odd spaces (NBSP, narrow NBSP, zero-width), curly quotes,
//! single-quoted strings, strings broken across lines, bare member names, trailing
//! commas, and commas missing between members written on separate lines. What still
//! does not parse is an error at the position strict parsing gave.

mod noise;
mod strings;
mod structure;

use std::borrow::Cow;
use std::fmt;

use serde_json::Value;

/// A parsed value and the repairs that were needed (empty when the text was valid JSON).
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    /// The JSON value.
    pub value: Value,
    /// Human-readable names of the repairs applied, in a fixed order.
    pub repairs: Vec<String>,
}

/// Why a text is not JSON even after repair. Line and column are 1-based, relative to the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    /// serde_json's message without its position suffix.
    pub message: String,
    /// Line in the text.
    pub line: u32,
    /// Column in the text.
    pub col: u32,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} (line {}, column {})",
            self.message, self.line, self.col
        )
    }
}

/// One kind of repair; the order of the variants is the order they are reported in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Repair {
    Comments,
    Ellipsis,
    TrailingCommas,
    OddSpaces,
    CurlyQuotes,
    SingleQuotes,
    BrokenStrings,
    BareNames,
    MissingCommas,
}

impl fmt::Display for Repair {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Repair::Comments => "removed comments",
            Repair::Ellipsis => "removed `...` elisions",
            Repair::TrailingCommas => "removed trailing commas",
            Repair::OddSpaces => "replaced non-breaking spaces",
            Repair::CurlyQuotes => "replaced curly quotes",
            Repair::SingleQuotes => "replaced single-quoted strings",
            Repair::BrokenStrings => "joined strings broken across lines",
            Repair::BareNames => "quoted bare member names",
            Repair::MissingCommas => "inserted commas missing between members",
        })
    }
}

/// The repairs a pass applied.
#[derive(Debug, Default)]
struct Found(Vec<Repair>);

impl Found {
    fn add(&mut self, r: Repair) {
        if !self.0.contains(&r) {
            self.0.push(r);
        }
    }
}

/// Parses `text` as JSON, repairing common mistakes when strict parsing fails.
pub fn parse(text: &str) -> Result<Parsed, JsonError> {
    let strict = match serde_json::from_str::<Value>(text) {
        Ok(value) => {
            return Ok(Parsed {
                value,
                repairs: Vec::new(),
            });
        }
        Err(e) => e,
    };
    let (fixed, repairs) = repair(text);
    match serde_json::from_str::<Value>(&fixed) {
        Ok(value) if !repairs.is_empty() => Ok(Parsed { value, repairs }),
        _ => Err(to_error(&strict)),
    }
}

fn to_error(e: &serde_json::Error) -> JsonError {
    let full = e.to_string();
    let message = full
        .rsplit_once(" at line ")
        .map_or(full.as_str(), |(m, _)| m)
        .to_string();
    JsonError {
        message,
        line: e.line() as u32,
        col: e.column() as u32,
    }
}

/// Applies every repair; returns the new text and the names of what changed.
fn repair(text: &str) -> (String, Vec<String>) {
    let mut found = Found::default();
    let text = noise::strip(text, &mut found);
    let text = strings::normalise(&text, &mut found);
    let text = structure::quote_bare_names(&text, &mut found);
    let text = structure::drop_trailing_commas(&text, &mut found);
    let text = structure::insert_missing_commas(&text, &mut found).into_owned();
    found.0.sort();
    (text, found.0.iter().map(Repair::to_string).collect())
}

/// Byte index just past the string literal that starts at byte `start` (a `"`), or the
/// text's end. An escape skips the byte after the backslash; when that byte starts a
/// longer char the search resumes inside it, which is harmless: `"` and `\` never occur
/// inside a multi-byte char.
fn string_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = start + 1;
    while let Some(n) = bytes.get(i..).and_then(|r| memchr::memchr2(b'"', b'\\', r)) {
        let at = i + n;
        if bytes.get(at) == Some(&b'"') {
            return at + 1;
        }
        i = at + 2;
    }
    bytes.len()
}

/// The char starting at byte `i` (a char boundary) and its length in bytes; ASCII is
/// read from the byte without decoding.
#[inline]
fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    match text.as_bytes().get(i)? {
        &b if b.is_ascii() => Some((b as char, 1)),
        _ => text.get(i..)?.chars().next().map(|c| (c, c.len_utf8())),
    }
}

/// The first char at or after byte `from` that is not whitespace.
fn next_non_space(text: &str, from: usize) -> Option<char> {
    text.get(from..)?.chars().find(|c| !c.is_whitespace())
}

/// A pass's output: the input with some byte ranges replaced. Unchanged spans are copied
/// in one piece when the next edit (or the end) needs them, and a pass that changes
/// nothing returns its input without copying it.
struct Edits<'a> {
    text: &'a str,
    out: String,
    /// Bytes of `text` before this are in `out` (or replaced).
    kept: usize,
    edited: bool,
}

impl<'a> Edits<'a> {
    fn new(text: &'a str) -> Self {
        Edits {
            text,
            out: String::new(),
            kept: 0,
            edited: false,
        }
    }

    /// Replaces `text[from..to]` with `with`; edits come in text order.
    fn replace(&mut self, from: usize, to: usize, with: &str) {
        if !self.edited {
            self.edited = true;
            self.out.reserve(self.text.len() + 16);
        }
        self.out
            .push_str(self.text.get(self.kept..from).unwrap_or_default());
        self.out.push_str(with);
        self.kept = to;
    }

    fn finish(mut self) -> Cow<'a, str> {
        if !self.edited {
            return Cow::Borrowed(self.text);
        }
        self.out
            .push_str(self.text.get(self.kept..).unwrap_or_default());
        Cow::Owned(self.out)
    }
}

#[cfg(test)]
mod reference;
#[cfg(test)]
mod tests;
