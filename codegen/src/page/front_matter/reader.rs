//! A reader for the front matter real pages have: top-level `key: value` lines whose
//! values are plain words or quoted strings without escapes. It answers `None` for
//! anything else (comments, lists, block scalars, escapes, tabs, CR, control characters,
//! repeated keys, values that YAML reads as numbers, booleans or null …), and the YAML
//! parser reads that: where the reader answers, its entries are the ones the parser gives.

use std::borrow::Cow;

use super::{FrontMatter, Span};

/// Front matter of simple `key: value` lines, or `None` when the YAML parser must read it.
pub(super) fn read(yaml: &str) -> Option<FrontMatter<'_>> {
    if !printable(yaml) {
        return None;
    }
    let mut fm = FrontMatter {
        text: Cow::Borrowed(yaml),
        // Most pages have fewer than 8 keys: the entries are not reallocated.
        entries: Vec::with_capacity(8),
    };
    let mut at = 0;
    while at < yaml.len() {
        let end = memchr::memchr(b'\n', yaml.as_bytes().get(at..)?).map_or(yaml.len(), |n| at + n);
        let line = yaml.get(at..end)?;
        if !line.bytes().all(|c| c == b' ') {
            let ((key_end, value_start), value_end) = entry(line)?;
            let key = line.get(..key_end)?;
            if fm.iter().any(|(k, _)| k == key) {
                return None;
            }
            let value = self::value(&mut fm, (at + value_start, at + value_end))?;
            fm.entries.push(((at, at + key_end), value));
        }
        at = end + 1;
    }
    (!fm.entries.is_empty()).then_some(fm)
}

/// Where a line's plain key ends and where its value, trimmed of spaces, starts and ends.
/// `key:value` is one plain scalar, and `key:` a null or a nested block: `None` for both.
fn entry(line: &str) -> Option<((usize, usize), usize)> {
    let b = line.as_bytes();
    let colon = b.iter().position(|&c| !key_byte(c))?;
    if b.get(colon) != Some(&b':') || b.get(colon + 1) != Some(&b' ') {
        return None;
    }
    if !plain_key(line.get(..colon)?) {
        return None;
    }
    let start = colon + 2 + b.get(colon + 2..)?.iter().position(|&c| c != b' ')?;
    let end = 1 + b.iter().rposition(|&c| c != b' ')?;
    Some(((colon, start), end))
}

/// A byte of a plain key: letters, digits, `_.-`.
fn key_byte(c: u8) -> bool {
    KEY_BYTES.get(usize::from(c)) == Some(&true)
}

/// [`key_byte`] as a table: one load a byte, where the ranges cost a few compares.
static KEY_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        table[c] = b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-');
        c += 1;
    }
    table
};

/// Whether the text holds only characters YAML takes as they are: printable ASCII, `\n`
/// and the printable non-ASCII characters that are not line breaks or a BOM. (Tabs and
/// CR are left to the parser.) The pass over the bytes has no early exit, so that it is
/// vectorized; the characters are only looked at when some bytes are not ASCII.
fn printable(yaml: &str) -> bool {
    let odd = yaml.as_bytes().iter().fold(false, |odd, &c| {
        odd | ((c < b' ') & (c != b'\n')) | (c >= 0x7f)
    });
    !odd || yaml.chars().all(|c| {
        matches!(c, '\n' | ' '..='~')
            || (c >= '\u{a0}'
                && !matches!(
                    c,
                    '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}'
                ))
    })
}

/// Whether [`key_byte`]s make a key YAML reads as the same plain string: a letter or `_`
/// first; not a word YAML reads as a boolean or null, and short (the parser gives up on
/// long keys).
fn plain_key(key: &str) -> bool {
    let b = key.as_bytes();
    b.first()
        .is_some_and(|&c| c.is_ascii_alphabetic() || c == b'_')
        && b.len() <= 256
        && !keyword(key)
}

/// Words that YAML (in one schema or another) may read as a boolean or null.
fn keyword(v: &str) -> bool {
    v.len() <= 5
        && ["true", "false", "null", "yes", "no", "on", "off", "y", "n"]
            .iter()
            .any(|k| v.eq_ignore_ascii_case(k))
}

/// The span of the string a value (a span of `fm.text`, trimmed of spaces) stands for:
/// a span of the value itself, or of its unescaped text appended to `fm.text`. `None` if it
/// is not a one-line quoted string without escapes or plain words YAML reads as a string.
fn value(fm: &mut FrontMatter, (start, end): Span) -> Option<Span> {
    let v = fm.text.get(start..end)?;
    let inner = (start + 1, end.saturating_sub(1));
    match quoted(v, b'"') {
        Some(text) if memchr::memchr2(b'"', b'\\', text.as_bytes()).is_none() => Some(inner),
        Some(_) => None,
        None => match quoted(v, b'\'') {
            Some(text) if memchr::memchr(b'\'', text.as_bytes()).is_none() => Some(inner),
            Some(text) => {
                let unescaped = single_quoted(text)?;
                Some(fm.push(&unescaped))
            }
            None => plain(v).map(|_| (start, end)),
        },
    }
}

/// The text between `quote` and `quote`, if `v` starts and ends with it.
fn quoted(v: &str, quote: u8) -> Option<&str> {
    let b = v.as_bytes();
    let quoted = b.len() >= 2 && b.first() == Some(&quote) && b.last() == Some(&quote);
    quoted.then(|| v.get(1..v.len() - 1)).flatten()
}

/// A single-quoted string's text: `''` stands for one quote; a lone quote would end the
/// string early, so it is left to the parser.
fn single_quoted(mut inner: &str) -> Option<String> {
    let mut out = String::with_capacity(inner.len());
    while let Some(at) = memchr::memchr(b'\'', inner.as_bytes()) {
        if inner.as_bytes().get(at + 1) != Some(&b'\'') {
            return None;
        }
        out.push_str(inner.get(..=at)?);
        inner = inner.get(at + 2..)?;
    }
    out.push_str(inner);
    Some(out)
}

/// Plain words that YAML reads as a string.
fn plain(v: &str) -> Option<&str> {
    let first = *v.as_bytes().first()?;
    // A digit may start a number, but not with a `/` in it: dates like `08/30/2020`.
    let special_start = (first.is_ascii_digit() && memchr::memchr(b'/', v.as_bytes()).is_none())
        || matches!(
            first,
            b'-' | b'?'
                | b':'
                | b','
                | b'['
                | b']'
                | b'{'
                | b'}'
                | b'#'
                | b'&'
                | b'*'
                | b'!'
                | b'|'
                | b'>'
                | b'\''
                | b'"'
                | b'%'
                | b'@'
                | b'`'
                | b'+'
                | b'.'
                | b'~'
        );
    (!special_start && !keyword(v) && !special(v)).then_some(v)
}

/// Whether plain text holds what YAML reads as structure: `: `, ` #` (a comment), a
/// final `:` or a tab. One pass over the bytes. (Quotes only count at the start, which
/// [`plain`] rules out: `group's` is plain text.)
pub(super) fn special(v: &str) -> bool {
    let b = v.as_bytes();
    v.ends_with(':')
        || b.iter().enumerate().any(|(i, &c)| match c {
            b'\t' => true,
            b':' => b.get(i + 1) == Some(&b' '),
            b'#' => i > 0 && b.get(i - 1) == Some(&b' '),
            _ => false,
        })
}
