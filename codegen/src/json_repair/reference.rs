//! The char-by-char passes these modules replaced, kept to check that the byte-based
//! ones give the same text and the same repairs.

use super::{Found, Repair};

/// All passes, as `repair` ran them.
pub(super) fn repair(text: &str) -> (String, Vec<Repair>) {
    let mut found = Found::default();
    let text = strip(text, &mut found);
    let text = normalise(&text, &mut found);
    let text = quote_bare_names(&text, &mut found);
    let text = drop_trailing_commas(&text, &mut found);
    let text = insert_missing_commas(&text, &mut found);
    (text, found.0)
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
