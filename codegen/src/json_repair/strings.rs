//! String literals as people write them: curly quotes, single quotes, line breaks.
//!
//! Runs first, so that later passes can rely on every string being `"…"` on one line.
//! `//` comments are copied through untouched (an apostrophe in a comment is not a
//! string).

use super::{Found, Repair};

/// Rewrites string literals into strict JSON strings.
pub(super) fn normalise(text: &str, found: &mut Found) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut last = ' ';
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        let next = chars.get(i + 1).copied();
        i = match (c, next) {
            ('/', Some('/')) => copy_line(&chars, i, &mut out),
            ('"', _) => double_quoted(&chars, i, &mut out, found),
            ('\u{201c}' | '\u{201d}', _) => {
                found.add(Repair::CurlyQuotes);
                double_quoted(&chars, i, &mut out, found)
            }
            ('\'', _) if matches!(last, '{' | '[' | ',' | ':' | ' ') => {
                match single_quoted(&chars, i, &mut out) {
                    Some(end) => {
                        found.add(Repair::SingleQuotes);
                        end
                    }
                    None => {
                        out.push(c);
                        i + 1
                    }
                }
            }
            _ => {
                out.push(c);
                i + 1
            }
        };
        if !c.is_whitespace() {
            last = out.chars().next_back().unwrap_or(' ');
        }
    }
    out
}

fn copy_line(chars: &[char], start: usize, out: &mut String) -> usize {
    let rest = chars.get(start..).unwrap_or_default();
    let end = rest
        .iter()
        .position(|&c| c == '\n')
        .map_or(chars.len(), |n| start + n);
    out.extend(chars.get(start..end).unwrap_or_default());
    end
}

/// Copies a `"…"` (or curly-quoted) string, joining lines broken inside it and
/// closing it at a curly quote that ends the value. Returns the index past it.
fn double_quoted(chars: &[char], start: usize, out: &mut String, found: &mut Found) -> usize {
    out.push('"');
    let mut i = start + 1;
    while let Some(&c) = chars.get(i) {
        match c {
            '\\' => {
                out.push(c);
                if let Some(&n) = chars.get(i + 1) {
                    out.push(n);
                }
                i += 2;
            }
            '"' => {
                out.push('"');
                return i + 1;
            }
            '\u{201c}' | '\u{201d}' if ends_value(chars, i + 1) => {
                found.add(Repair::CurlyQuotes);
                out.push('"');
                return i + 1;
            }
            '\r' | '\n' => {
                found.add(Repair::BrokenStrings);
                i += 1;
                while chars.get(i).is_some_and(|c| c.is_whitespace()) {
                    i += 1;
                }
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    chars.len()
}

/// Whether what follows a quote (after spaces) ends a value or a name.
fn ends_value(chars: &[char], from: usize) -> bool {
    let rest = chars.get(from..).unwrap_or_default();
    let next = rest.iter().find(|c| **c != ' ' && **c != '\t');
    matches!(next, None | Some(',' | '}' | ']' | ':' | '\n' | '\r'))
}

/// Converts `'…'` (on one line) to `"…"`; `None` when the quote does not close.
fn single_quoted(chars: &[char], start: usize, out: &mut String) -> Option<usize> {
    let mut body = String::new();
    let mut i = start + 1;
    loop {
        match chars.get(i)? {
            '\n' => return None,
            '\\' if chars.get(i + 1) == Some(&'\'') => {
                body.push('\'');
                i += 2;
            }
            '\\' => {
                body.push('\\');
                body.push(*chars.get(i + 1)?);
                i += 2;
            }
            '\'' => break,
            '"' => {
                body.push_str("\\\"");
                i += 1;
            }
            &c => {
                body.push(c);
                i += 1;
            }
        }
    }
    out.push('"');
    out.push_str(&body);
    out.push('"');
    Some(i + 1)
}
