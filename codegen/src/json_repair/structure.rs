//! Punctuation: bare member names, trailing commas, commas missing between lines.

use std::borrow::Cow;

use super::{Edits, Found, Repair, char_at, next_non_space, string_end};

/// `{ key: "x" }` → `{ "key": "x" }`: an identifier right after `{` or `,` and followed
/// by `:` is a member name.
pub(super) fn quote_bare_names<'a>(text: &'a str, found: &mut Found) -> Cow<'a, str> {
    let bytes = text.as_bytes();
    let mut edits = Edits::new(text);
    // The last char outside strings that is not whitespace.
    let mut last = ' ';
    let mut i = 0;
    while let Some((c, len)) = char_at(text, i) {
        if c == '"' {
            i = string_end(text, i);
            continue;
        }
        let starts_name = c.is_ascii_alphabetic() || c == '_' || c == '$' || c == '@';
        let before = last;
        if !c.is_whitespace() {
            last = c;
        }
        if !(starts_name && matches!(before, '{' | ',')) {
            i += len;
            continue;
        }
        let rest = bytes.get(i..).unwrap_or_default();
        let name_len = rest.iter().take_while(|&&b| is_name_char(b)).count();
        if next_non_space(text, i + name_len) == Some(':') {
            found.add(Repair::BareNames);
            let name = text.get(i..i + name_len).unwrap_or_default();
            edits.replace(i, i + name_len, &format!("\"{name}\""));
            last = '"';
        }
        i += name_len;
    }
    edits.finish()
}

fn is_name_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'$' | b'@' | b'.' | b'-')
}

/// Removes commas that are followed (after whitespace) by `}` or `]`, or that follow `{`/`[`/`,`.
pub(super) fn drop_trailing_commas<'a>(text: &'a str, found: &mut Found) -> Cow<'a, str> {
    let mut edits = Edits::new(text);
    let mut last = ' ';
    let mut i = 0;
    while let Some((c, len)) = char_at(text, i) {
        if c == '"' {
            (last, i) = ('"', string_end(text, i));
            continue;
        }
        if c == ',' {
            let next = next_non_space(text, i + 1);
            if matches!(next, Some('}' | ']') | None) || matches!(last, '{' | '[' | ',') {
                found.add(Repair::TrailingCommas);
                edits.replace(i, i + 1, "");
                i += 1;
                continue;
            }
        }
        if !c.is_whitespace() {
            last = c;
        }
        i += len;
    }
    edits.finish()
}

/// Inserts a comma where a value ends a line and the next line starts another member
/// or element (`"a": ""⏎ "b": 1`, `}⏎ {`): nothing else can be meant there.
pub(super) fn insert_missing_commas<'a>(text: &'a str, found: &mut Found) -> Cow<'a, str> {
    let mut edits = Edits::new(text);
    let mut last = ' ';
    let mut newline = false;
    let mut i = 0;
    while let Some((c, len)) = char_at(text, i) {
        let value_end = last == '"'
            || last == '}'
            || last == ']'
            || last.is_ascii_digit()
            || last == 'e'
            || last == 'l';
        if matches!(c, '"' | '{' | '[') && newline && value_end {
            found.add(Repair::MissingCommas);
            edits.replace(i, i, ",");
        }
        if c == '"' {
            (last, newline, i) = ('"', false, string_end(text, i));
            continue;
        }
        if c == '\n' {
            newline = true;
        } else if !c.is_whitespace() {
            (last, newline) = (c, false);
        }
        i += len;
    }
    edits.finish()
}
