//! Text that is not JSON at all: comments, `...` elisions, odd spaces.

use std::borrow::Cow;

use super::{Edits, Found, Repair, char_at, string_end};

/// Removes comments and `...` elisions, and turns odd whitespace into spaces; string
/// literals are left as they are.
pub(super) fn strip<'a>(text: &'a str, found: &mut Found) -> Cow<'a, str> {
    let bytes = text.as_bytes();
    let mut edits = Edits::new(text);
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let next = bytes.get(i + 1).copied();
        i = match (b, next) {
            (b'"', _) => string_end(text, i),
            (b'/', Some(b'/')) => {
                found.add(Repair::Comments);
                let rest = bytes.get(i..).unwrap_or_default();
                let end = memchr::memchr(b'\n', rest).map_or(bytes.len(), |n| i + n);
                edits.replace(i, end, "");
                end
            }
            (b'/', Some(b'*')) => {
                found.add(Repair::Comments);
                let body = bytes.get(i + 2..).unwrap_or_default();
                let close = body.windows(2).position(|w| w == b"*/");
                let end = close.map_or(bytes.len(), |n| i + n + 4);
                edits.replace(i, end, "");
                end
            }
            (b'.', Some(b'.')) => ellipsis(text, i, &mut edits, found),
            _ if b.is_ascii() => i + 1,
            _ => match char_at(text, i) {
                Some(('…', _)) => ellipsis(text, i, &mut edits, found),
                Some((c, len)) if is_odd_space(c) => {
                    found.add(Repair::OddSpaces);
                    edits.replace(i, i + len, " ");
                    i + len
                }
                Some((_, len)) => i + len,
                None => bytes.len(),
            },
        };
    }
    edits.finish()
}

/// Drops the run of `.` and `…` starting at `start`; returns where it ends.
fn ellipsis(text: &str, start: usize, edits: &mut Edits, found: &mut Found) -> usize {
    found.add(Repair::Ellipsis);
    let mut end = start;
    loop {
        let rest = text.get(end..).unwrap_or_default();
        if rest.starts_with('.') {
            end += 1;
        } else if rest.starts_with('…') {
            end += '…'.len_utf8();
        } else {
            break;
        }
    }
    edits.replace(start, end, "");
    end
}

/// Non-ASCII spaces (NBSP, narrow NBSP, en/em spaces …) and zero-width characters.
fn is_odd_space(c: char) -> bool {
    (c.is_whitespace() && !c.is_ascii())
        || matches!(
            c,
            '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}'
        )
}
