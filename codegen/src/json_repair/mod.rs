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
    let text = structure::insert_missing_commas(&text, &mut found);
    found.0.sort();
    (text, found.0.iter().map(Repair::to_string).collect())
}

/// Calls `f` for every character outside string literals (with its index in `chars`),
/// copying string literals (`"…"`, with escapes) through unchanged. `f` returns how many
/// characters it consumed (at least 1) and pushes its output itself.
fn outside_strings(
    chars: &[char],
    out: &mut String,
    mut f: impl FnMut(usize, &mut String) -> usize,
) {
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        if c == '"' {
            let end = string_end(chars, i);
            out.extend(chars.get(i..end).unwrap_or_default());
            i = end;
            continue;
        }
        i += f(i, out).max(1);
    }
}

/// Index just past the string literal that starts at `start` (a `"`), or the end.
fn string_end(chars: &[char], start: usize) -> usize {
    let mut i = start + 1;
    while let Some(&c) = chars.get(i) {
        match c {
            '\\' => i += 2,
            '"' => return i + 1,
            _ => i += 1,
        }
    }
    chars.len()
}

#[cfg(test)]
mod tests;
