//! Punctuation: bare member names, trailing commas, commas missing between lines.

use super::{Found, Repair, outside_strings, string_end};

/// `{ key: "x" }` → `{ "key": "x" }`: an identifier right after `{` or `,` and followed
/// by `:` is a member name.
pub(super) fn quote_bare_names(text: &str, found: &mut Found) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 16);
    let mut last = ' ';
    outside_strings(&chars, &mut out, |i, out| {
        let c = chars.get(i).copied().unwrap_or(' ');
        let starts_name = c.is_ascii_alphabetic() || c == '_' || c == '$' || c == '@';
        let before = last;
        if !c.is_whitespace() {
            last = c;
        }
        if !(starts_name && matches!(before, '{' | ',')) {
            out.push(c);
            return 1;
        }
        let rest = chars.get(i..).unwrap_or_default();
        let len = rest.iter().take_while(|&&c| is_name_char(c)).count();
        let after = rest
            .get(len..)
            .unwrap_or_default()
            .iter()
            .find(|c| !c.is_whitespace());
        let name: String = rest.get(..len).unwrap_or_default().iter().collect();
        if after == Some(&':') {
            found.add(Repair::BareNames);
            out.push('"');
            out.push_str(&name);
            out.push('"');
            last = '"';
        } else {
            out.push_str(&name);
        }
        len
    });
    out
}

fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '$' | '@' | '.' | '-')
}

/// Removes commas that are followed (after whitespace) by `}` or `]`, or that follow `{`/`[`/`,`.
pub(super) fn drop_trailing_commas(text: &str, found: &mut Found) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut last = ' ';
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        if c == '"' {
            let end = string_end(&chars, i);
            out.extend(chars.get(i..end).unwrap_or_default());
            last = '"';
            i = end;
            continue;
        }
        if c == ',' {
            let next = chars
                .get(i + 1..)
                .unwrap_or_default()
                .iter()
                .find(|c| !c.is_whitespace());
            if matches!(next, Some('}' | ']') | None) || matches!(last, '{' | '[' | ',') {
                found.add(Repair::TrailingCommas);
                i += 1;
                continue;
            }
        }
        if !c.is_whitespace() {
            last = c;
        }
        out.push(c);
        i += 1;
    }
    out
}

/// Inserts a comma where a value ends a line and the next line starts another member
/// or element (`"a": ""⏎ "b": 1`, `}⏎ {`): nothing else can be meant there.
pub(super) fn insert_missing_commas(text: &str, found: &mut Found) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    let mut last = ' ';
    let mut newline = false;
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        let value_end = last == '"'
            || last == '}'
            || last == ']'
            || last.is_ascii_digit()
            || last == 'e'
            || last == 'l';
        if matches!(c, '"' | '{' | '[') && newline && value_end {
            found.add(Repair::MissingCommas);
            out.push(',');
        }
        if c == '"' {
            let end = string_end(&chars, i);
            out.extend(chars.get(i..end).unwrap_or_default());
            (last, newline, i) = ('"', false, end);
            continue;
        }
        if c == '\n' {
            newline = true;
        } else if !c.is_whitespace() {
            (last, newline) = (c, false);
        }
        out.push(c);
        i += 1;
    }
    out
}
