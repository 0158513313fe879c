//! String literals as people write them: curly quotes, single quotes, line breaks.
//!
//! Runs first, so that later passes can rely on every string being `"…"` on one line.
//! `//` comments are copied through untouched (an apostrophe in a comment is not a
//! string).

use std::borrow::Cow;

use super::{Edits, Found, Repair, char_at};

/// Rewrites string literals into strict JSON strings.
pub(super) fn normalise<'a>(text: &'a str, found: &mut Found) -> Cow<'a, str> {
    let bytes = text.as_bytes();
    let mut edits = Edits::new(text);
    // The last char written so far, as of the last char read that was not whitespace.
    let mut last = ' ';
    let mut i = 0;
    while let Some((c, len)) = char_at(text, i) {
        let (end, written) = match c {
            '/' if bytes.get(i + 1) == Some(&b'/') => {
                let rest = bytes.get(i..).unwrap_or_default();
                let end = memchr::memchr(b'\n', rest).map_or(bytes.len(), |n| i + n);
                let line = text.get(i..end).unwrap_or_default();
                (end, line.chars().next_back().unwrap_or(c))
            }
            '"' => double_quoted(text, i, &mut edits, found),
            '\u{201c}' | '\u{201d}' => {
                found.add(Repair::CurlyQuotes);
                double_quoted(text, i, &mut edits, found)
            }
            '\'' if matches!(last, '{' | '[' | ',' | ':' | ' ') => match single_quoted(text, i) {
                Some((end, body)) => {
                    found.add(Repair::SingleQuotes);
                    edits.replace(i, end, &format!("\"{body}\""));
                    (end, '"')
                }
                None => (i + 1, c),
            },
            _ => (i + len, c),
        };
        if !c.is_whitespace() {
            last = written;
        }
        i = end;
    }
    edits.finish()
}

/// Reads a `"…"` (or curly-quoted) string starting at byte `start`, joining lines broken
/// inside it and closing it at a curly quote that ends the value. Returns the index past
/// it and the last char it writes.
fn double_quoted(text: &str, start: usize, edits: &mut Edits, found: &mut Found) -> (usize, char) {
    let bytes = text.as_bytes();
    let open = char_at(text, start).map_or(1, |(_, len)| len);
    if open > 1 {
        edits.replace(start, start + open, "\"");
    }
    let mut last = '"';
    let mut i = start + open;
    while let Some((c, len)) = char_at(text, i) {
        match c {
            '\\' => match char_at(text, i + 1) {
                Some((n, n_len)) => (last, i) = (n, i + 1 + n_len),
                None => (last, i) = (c, i + 1),
            },
            '"' => return (i + 1, '"'),
            '\u{201c}' | '\u{201d}' if ends_value(bytes, i + len) => {
                found.add(Repair::CurlyQuotes);
                edits.replace(i, i + len, "\"");
                return (i + len, '"');
            }
            '\r' | '\n' => {
                found.add(Repair::BrokenStrings);
                let mut end = i + 1;
                while let Some((_, n)) = char_at(text, end).filter(|(s, _)| s.is_whitespace()) {
                    end += n;
                }
                edits.replace(i, end, "");
                i = end;
            }
            _ => (last, i) = (c, i + len),
        }
    }
    (bytes.len(), last)
}

/// Whether what follows a quote (after spaces) ends a value or a name.
fn ends_value(bytes: &[u8], from: usize) -> bool {
    let rest = bytes.get(from..).unwrap_or_default();
    let next = rest.iter().find(|&&b| b != b' ' && b != b'\t');
    matches!(next, None | Some(b',' | b'}' | b']' | b':' | b'\n' | b'\r'))
}

/// The body of a `'…'` string (on one line) starting at byte `start`, as a `"…"` string's
/// body, and the index past its closing quote; `None` when the quote does not close.
fn single_quoted(text: &str, start: usize) -> Option<(usize, String)> {
    let mut body = String::new();
    let mut chars = text.get(start + 1..)?.char_indices();
    while let Some((k, c)) = chars.next() {
        match c {
            '\n' => return None,
            '\\' => match chars.next()? {
                (_, '\'') => body.push('\''),
                (_, n) => {
                    body.push('\\');
                    body.push(n);
                }
            },
            '\'' => return Some((start + 1 + k + 1, body)),
            '"' => body.push_str("\\\""),
            c => body.push(c),
        }
    }
    None
}
