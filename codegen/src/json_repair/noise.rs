//! Text that is not JSON at all: comments, `...` elisions, odd spaces.

use super::{Found, Repair, outside_strings};

/// Removes comments and `...` elisions, and turns odd whitespace into spaces.
pub(super) fn strip(text: &str, found: &mut Found) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    outside_strings(&chars, &mut out, |i, out| {
        let c = chars.get(i).copied().unwrap_or(' ');
        let next = chars.get(i + 1).copied();
        match (c, next) {
            ('/', Some('/')) => {
                found.add(Repair::Comments);
                rest(&chars, i).iter().take_while(|&&c| c != '\n').count()
            }
            ('/', Some('*')) => {
                found.add(Repair::Comments);
                let body = chars.get(i + 2..).unwrap_or_default();
                let close = body.windows(2).position(|w| w == ['*', '/']);
                close.map_or(chars.len() - i, |n| n + 4)
            }
            ('.', Some('.')) | ('…', _) => {
                found.add(Repair::Ellipsis);
                rest(&chars, i)
                    .iter()
                    .take_while(|&&c| c == '.' || c == '…')
                    .count()
            }
            (c, _) if is_odd_space(c) => {
                found.add(Repair::OddSpaces);
                out.push(' ');
                1
            }
            (c, _) => {
                out.push(c);
                1
            }
        }
    });
    out
}

/// Non-ASCII spaces (NBSP, narrow NBSP, en/em spaces …) and zero-width characters.
fn is_odd_space(c: char) -> bool {
    (c.is_whitespace() && !c.is_ascii())
        || matches!(
            c,
            '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}'
        )
}

fn rest(chars: &[char], i: usize) -> &[char] {
    chars.get(i..).unwrap_or_default()
}
