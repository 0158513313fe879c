//! Lenient JSON for example bodies and annotations written by hand.
//!
//! Strict parsing is tried first. Only when it fails are the common hand-written
//! mistakes repaired (comments, `...` elisions, trailing commas, non-breaking spaces),
//! and every repair is named so that the caller can report it.

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

impl std::fmt::Display for JsonError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} (line {}, column {})",
            self.message, self.line, self.col
        )
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

#[derive(Default)]
struct Found {
    comments: bool,
    ellipsis: bool,
    trailing_commas: bool,
    odd_spaces: bool,
}

/// Applies every repair outside string literals; returns the new text and what changed.
fn repair(text: &str) -> (String, Vec<String>) {
    let mut found = Found::default();
    let cleaned = strip_noise(text, &mut found);
    let fixed = drop_trailing_commas(&cleaned, &mut found);
    let mut names = Vec::new();
    if found.comments {
        names.push("removed comments".to_string());
    }
    if found.ellipsis {
        names.push("removed `...` elisions".to_string());
    }
    if found.trailing_commas {
        names.push("removed trailing commas".to_string());
    }
    if found.odd_spaces {
        names.push("replaced non-breaking spaces".to_string());
    }
    (fixed, names)
}

/// Removes comments and `...` elisions, and turns odd whitespace into spaces.
fn strip_noise(text: &str, found: &mut Found) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let mut in_string = false;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if in_string {
            out.push(c);
            if c == '\\' {
                if let Some(n) = next {
                    out.push(n);
                }
                i += 2;
                continue;
            }
            in_string = c != '"';
            i += 1;
            continue;
        }
        match (c, next) {
            ('"', _) => {
                in_string = true;
                out.push(c);
            }
            ('/', Some('/')) => {
                found.comments = true;
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
                continue;
            }
            ('/', Some('*')) => {
                found.comments = true;
                i += 2;
                while i < chars.len() && !(chars[i] == '*' && chars.get(i + 1) == Some(&'/')) {
                    i += 1;
                }
                i += 2;
                continue;
            }
            ('.', Some('.')) | ('…', _) => {
                found.ellipsis = true;
                while i < chars.len() && (chars[i] == '.' || chars[i] == '…') {
                    i += 1;
                }
                continue;
            }
            ('\u{a0}' | '\u{200b}' | '\u{feff}' | '\u{2002}' | '\u{2003}', _) => {
                found.odd_spaces = true;
                out.push(' ');
            }
            _ => out.push(c),
        }
        i += 1;
    }
    out
}

/// Removes commas that are followed (after whitespace) by `}` or `]`, or that follow `{`/`[`/`,`.
fn drop_trailing_commas(text: &str, found: &mut Found) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut in_string = false;
    let mut escaped = false;
    let mut last_significant = ' ';
    for (i, &c) in chars.iter().enumerate() {
        if in_string {
            out.push(c);
            in_string = escaped || c != '"';
            escaped = !escaped && c == '\\';
            if !in_string {
                last_significant = '"';
            }
            continue;
        }
        if c == ',' {
            let next = chars[i + 1..].iter().find(|c| !c.is_whitespace());
            let dangling = matches!(next, Some('}' | ']') | None)
                || matches!(last_significant, '{' | '[' | ',');
            if dangling {
                found.trailing_commas = true;
                continue;
            }
        }
        if c == '"' {
            in_string = true;
        }
        if !c.is_whitespace() {
            last_significant = c;
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn valid_json_needs_no_repair() {
        let p = parse(r#"{"a": "x, ]"}"#).unwrap();
        assert_eq!(p.value, json!({"a": "x, ]"}));
        assert!(p.repairs.is_empty());
    }

    #[test]
    fn trailing_commas_comments_and_ellipses_are_repaired_and_named() {
        let text = "{\n  \"a\": 1, // one\n  \"b\": [1, 2,],\n  ...\n}";
        let p = parse(text).unwrap();
        assert_eq!(p.value, json!({"a": 1, "b": [1, 2]}));
        assert_eq!(
            p.repairs,
            [
                "removed comments",
                "removed `...` elisions",
                "removed trailing commas"
            ]
        );
    }

    #[test]
    fn strings_with_slashes_and_dots_are_left_alone() {
        let p = parse("{\"u\": \"https://x/y...z\", }").unwrap();
        assert_eq!(p.value, json!({"u": "https://x/y...z"}));
    }

    #[test]
    fn nbsp_is_whitespace_after_repair() {
        let p = parse("{\u{a0}\"a\": true}").unwrap();
        assert_eq!(p.repairs, ["replaced non-breaking spaces"]);
    }

    #[test]
    fn unrepairable_text_reports_the_strict_position() {
        let e = parse("{\n  \"a\": [1 2]\n}").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.message.contains("expected"), "{}", e.message);
    }
}
