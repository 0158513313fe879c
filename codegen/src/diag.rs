//! Diagnostics: values that flow out of every stage, never prints or panics.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A place in a docs page: path relative to the docs root (with `/`), 1-based line and column.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Location {
    /// Path relative to the docs root, e.g. `resources/itempublication.md`.
    pub file: String,
    /// 1-based line; 0 when the whole file is meant.
    pub line: u32,
    /// 1-based column; 0 when the whole line is meant.
    pub col: u32,
}

impl Location {
    /// A location at the start of `line`.
    pub fn line(file: &str, line: u32) -> Self {
        Location {
            file: file.to_string(),
            line,
            col: 0,
        }
    }

    /// A location naming a whole file.
    pub fn file(file: &str) -> Self {
        Location::line(file, 0)
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.col) {
            (0, _) => write!(f, "{}", self.file),
            (l, 0) => write!(f, "{}:{l}", self.file),
            (l, c) => write!(f, "{}:{l}:{c}", self.file),
        }
    }
}

impl Serialize for Location {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // The same text as `Display`, built without `core::fmt` and, for the usual short
        // path, without a String: the IR of the corpus holds ~145k locations, and
        // formatting them cost more than printing the rest of them.
        let mut suffix = [0u8; 22];
        let mut suffix_len = 0;
        if self.line != 0 {
            suffix_len = push_number(&mut suffix, suffix_len, self.line);
            if self.col != 0 {
                suffix_len = push_number(&mut suffix, suffix_len, self.col);
            }
        }
        let suffix = suffix.get(..suffix_len).unwrap_or_default();
        let mut buf = [0u8; 192];
        let len = self.file.len() + suffix.len();
        if let Some(out) = buf.get_mut(..len) {
            let (head, tail) = out.split_at_mut(self.file.len());
            head.copy_from_slice(self.file.as_bytes());
            tail.copy_from_slice(suffix);
            if let Ok(text) = std::str::from_utf8(out) {
                return s.serialize_str(text);
            }
        }
        let mut text = self.file.clone();
        text.extend(suffix.iter().map(|&b| char::from(b)));
        s.serialize_str(&text)
    }
}

/// Writes `:` and `n` in decimal into `out` at `at` (at most 11 bytes); returns the new
/// end.
fn push_number(out: &mut [u8; 22], at: usize, mut n: u32) -> usize {
    let mut digits = [0u8; 10];
    let mut start = digits.len();
    for slot in digits.iter_mut().rev() {
        *slot = b'0' + (n % 10) as u8;
        start -= 1;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let number = digits.get(start..).unwrap_or_default();
    let end = at + 1 + number.len();
    match out.get_mut(at..end).and_then(<[u8]>::split_first_mut) {
        Some((colon, slot)) => {
            *colon = b':';
            slot.copy_from_slice(number);
            end
        }
        None => at,
    }
}

impl<'de> Deserialize<'de> for Location {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        let mut parts = text.rsplitn(3, ':').collect::<Vec<_>>();
        parts.reverse();
        let num = |s: &str| s.parse::<u32>().ok();
        Ok(match parts.as_slice() {
            [f, l, c] if num(l).is_some() && num(c).is_some() => Location {
                file: f.to_string(),
                line: num(l).unwrap_or(0),
                col: num(c).unwrap_or(0),
            },
            [f, l, c] if num(c).is_some() => {
                Location::line(&format!("{f}:{l}"), num(c).unwrap_or(0))
            }
            [f, l] if num(l).is_some() => Location::line(f, num(l).unwrap_or(0)),
            _ => Location::file(&text),
        })
    }
}

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The input could not be used as written; output is missing something.
    Error,
    /// The docs are probably wrong, but generation went on.
    Warning,
    /// Something the generator decided that a reader may want to know.
    Note,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        })
    }
}

/// One finding, with a stable code and a place.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Diagnostic {
    /// Where it applies.
    pub location: Location,
    /// Stable rule code, e.g. `placeholder-value`.
    pub code: String,
    /// Error, warning or note.
    pub severity: Severity,
    /// What is wrong, in one sentence.
    pub message: String,
    /// How to fix it, when known.
    pub help: Option<String>,
}

impl Diagnostic {
    /// A diagnostic without help text.
    pub fn new(
        severity: Severity,
        code: &str,
        location: Location,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            location,
            code: code.to_string(),
            severity,
            message: message.into(),
            help: None,
        }
    }

    /// Adds a help line.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}[{}]: {}",
            self.location, self.severity, self.code, self.message
        )?;
        if let Some(help) = &self.help {
            write!(f, "\n  help: {help}")?;
        }
        Ok(())
    }
}

/// A collector that stages push diagnostics into.
#[derive(Debug, Clone, Default)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// Records an error.
    pub fn error(
        &mut self,
        code: &str,
        at: Location,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        self.push(Diagnostic::new(Severity::Error, code, at, message))
    }

    /// Records a warning.
    pub fn warning(
        &mut self,
        code: &str,
        at: Location,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        self.push(Diagnostic::new(Severity::Warning, code, at, message))
    }

    /// Records a note.
    pub fn note(
        &mut self,
        code: &str,
        at: Location,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        self.push(Diagnostic::new(Severity::Note, code, at, message))
    }

    /// Records a ready-made diagnostic and returns it for adding help.
    pub fn push(&mut self, d: Diagnostic) -> &mut Diagnostic {
        self.items.push(d);
        let last = self.items.len() - 1;
        &mut self.items[last]
    }

    /// Appends all of `other`.
    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
    }

    /// Sorted, deduplicated diagnostics.
    pub fn into_sorted(mut self) -> Vec<Diagnostic> {
        // Ordered by every field, so equal diagnostics are identical: an unstable sort gives
        // the same list, and on the pool it is not a single-threaded step of its own.
        rayon::slice::ParallelSliceMut::par_sort_unstable(&mut self.items[..]);
        self.items.dedup();
        self.items
    }

    /// Whether any error was recorded.
    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_location_serialises_as_its_display_text() {
        let numbers = [0, 1, 9, 10, 99, 100, 12_345, 999_999_999, u32::MAX];
        // Short paths are built on the stack, long ones (past 192 bytes with the
        // numbers) in a String: both sides of the edge, and nothing.
        let files = [
            "api/ä b.md",
            "",
            &"é".repeat(85),
            &"x".repeat(170),
            &"y".repeat(300),
        ];
        for file in files {
            for line in numbers {
                for col in numbers {
                    let loc = Location {
                        file: file.to_string(),
                        line,
                        col,
                    };
                    let json = serde_json::to_value(&loc).unwrap();
                    assert_eq!(json, serde_json::Value::String(loc.to_string()));
                }
            }
        }
    }

    #[test]
    fn location_round_trips_through_its_string_form() {
        for text in ["a/b.md", "a/b.md:3", "a/b.md:3:7"] {
            let loc: Location = serde_json::from_value(serde_json::json!(text)).unwrap();
            assert_eq!(loc.to_string(), text);
        }
    }

    #[test]
    fn diagnostics_sort_by_place_then_code() {
        let mut d = Diagnostics::default();
        d.warning("b", Location::line("x.md", 9), "later");
        d.error("a", Location::line("x.md", 2), "earlier");
        let sorted = d.into_sorted();
        assert_eq!(sorted[0].location.line, 2);
        assert_eq!(sorted[1].code, "b");
    }
}
