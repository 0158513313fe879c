//! Matching a request path against documented path templates: the inverse of the
//! generated targets' `path()`, used by their `from_path`.
//!
//! A template is the documented path with each parameter written as a marker: `{}` for a
//! parameter within one segment (it never contains `/`), `{'}` for one inside an OData
//! string literal (`f(x='{'}')`: it ends at the first unpaired `'`, and `''` in it is one
//! quote) and `{/}` for one that is a path of its own (`root:/{/}:/`: it may contain `/`).
//! The generator percent-encodes `{` in literal text, so a `{` always starts a marker.
//!
//! Generated code calls this rather than matching inline, with templates as string
//! constants, and takes the values with [`PathValues::next_value`] rather than `?` per
//! field: thousands of operations each pay for their own `from_path` when the crate is
//! type-checked.
//!
//! Matching never backtracks: a parameter ends at the first place where what follows it
//! in the template can start, so the result is deterministic and linear in the templates.
//! For every path that `path()` builds this finds the same values back, because `path()`
//! percent-encodes everything in a value that could be mistaken for template text.

use std::borrow::Cow;

/// One piece of a template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Piece<'a> {
    /// Literal text, compared ASCII case-insensitively.
    Text(&'a str),
    /// `{}`: a parameter within one segment.
    Segment,
    /// `{'}`: a parameter inside an OData string literal.
    Quoted,
    /// `{/}`: a parameter that is a path of its own.
    Path,
}

/// The pieces of a template; `None` for an unknown or unclosed marker.
fn pieces(template: &str) -> Option<Vec<Piece<'_>>> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let (text, marker) = rest.split_at(open);
        let close = marker.find('}')?;
        out.extend((!text.is_empty()).then_some(Piece::Text(text)));
        out.push(match marker.get(..=close)? {
            "{}" => Piece::Segment,
            "{'}" => Piece::Quoted,
            "{/}" => Piece::Path,
            _ => return None,
        });
        rest = marker.get(close + 1..)?;
    }
    out.extend((!rest.is_empty()).then_some(Piece::Text(rest)));
    Some(out)
}

/// The parameter values of a matched template, percent-decoded, in template order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PathValues {
    values: Vec<String>,
    taken: usize,
}

impl PathValues {
    /// The next value. The generated `from_path` functions take exactly one value per
    /// parameter of the matched template, so this never runs out for them; past the end
    /// it is empty rather than a panic.
    pub fn next_value(&mut self) -> String {
        let value = self.values.get_mut(self.taken).map(std::mem::take);
        self.taken += 1;
        value.unwrap_or_default()
    }

    /// The values not taken yet.
    pub fn remaining(&self) -> &[String] {
        self.values.get(self.taken..).unwrap_or_default()
    }
}

/// The index of the first template in `templates` (see the module docs for their markers)
/// that matches `path`, and its parameter values.
///
/// `path` is a path below the service root: the leading `/` is optional, anything from a
/// `?` or `#` on (query string, fragment) is ignored, and when the path matches no
/// template as given, it is tried again without one trailing `/`. `None` when nothing
/// matches or a value is not valid percent-encoded UTF-8.
pub fn match_templates(path: &str, templates: &[&str]) -> Option<(usize, PathValues)> {
    let path = normalise(path);
    let (index, values) = first_match(&path, templates).or_else(|| {
        let trimmed = path.strip_suffix('/').filter(|p| !p.is_empty())?;
        first_match(trimmed, templates)
    })?;
    Some((index, PathValues { values, taken: 0 }))
}

/// The path without query string or fragment, starting with `/`.
fn normalise(path: &str) -> Cow<'_, str> {
    let end = path.find(['?', '#']).unwrap_or(path.len());
    let path = path.get(..end).unwrap_or(path);
    if path.starts_with('/') {
        Cow::Borrowed(path)
    } else {
        Cow::Owned(format!("/{path}"))
    }
}

fn first_match(path: &str, templates: &[&str]) -> Option<(usize, Vec<String>)> {
    templates.iter().enumerate().find_map(|(index, template)| {
        let values = match_pieces(path.as_bytes(), &pieces(template)?)?;
        Some((index, values))
    })
}

/// The decoded parameter values when the whole of `path` matches `pieces`.
fn match_pieces(path: &[u8], pieces: &[Piece<'_>]) -> Option<Vec<String>> {
    let mut rest = path;
    let mut values = Vec::new();
    for (index, piece) in pieces.iter().enumerate() {
        let next = match pieces.get(index + 1) {
            Some(Piece::Text(text)) => Some(text.as_bytes()),
            _ => None,
        };
        rest = match *piece {
            Piece::Text(text) => strip_prefix_ci(rest, text.as_bytes())?,
            param => {
                let (raw, after) = rest.split_at_checked(param_len(rest, param, next)?)?;
                values.push(decode(raw, param)?);
                after
            }
        };
    }
    rest.is_empty().then_some(values)
}

/// How many bytes at the start of `rest` a parameter of kind `param` takes, given the
/// template text that follows it (`None`: the parameter ends its segment or the template).
fn param_len(rest: &[u8], param: Piece<'_>, next: Option<&[u8]>) -> Option<usize> {
    let segment_end = rest.iter().position(|&b| b == b'/').unwrap_or(rest.len());
    match param {
        Piece::Quoted => quoted_len(rest),
        Piece::Path => next.map_or(Some(rest.len()), |text| find_ci(rest, text)),
        Piece::Segment | Piece::Text(_) => match next {
            // `{id}/profile`: the segment ends at the `/`, where the text must start.
            Some(text) if !text.starts_with(b"/") => {
                find_ci(rest, text).filter(|&at| at <= segment_end)
            }
            _ => Some(segment_end),
        },
    }
}

/// The length of a quoted value: up to the last quote of the first run of an odd number
/// of quotes (an even run is that many escaped quotes inside the value).
fn quoted_len(rest: &[u8]) -> Option<usize> {
    let mut at = 0;
    while let Some(offset) = rest.get(at..)?.iter().position(|&b| b == b'\'') {
        let start = at + offset;
        let run = rest
            .get(start..)?
            .iter()
            .take_while(|&&b| b == b'\'')
            .count();
        if run % 2 == 1 {
            return Some(start + run - 1);
        }
        at = start + run;
    }
    None
}

/// `rest` without `prefix`, compared ASCII case-insensitively.
fn strip_prefix_ci<'a>(rest: &'a [u8], prefix: &[u8]) -> Option<&'a [u8]> {
    let (head, tail) = rest.split_at_checked(prefix.len())?;
    head.eq_ignore_ascii_case(prefix).then_some(tail)
}

/// Where `needle` first occurs in `haystack`, compared ASCII case-insensitively.
fn find_ci(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    haystack
        .windows(needle.len())
        .position(|window| window.eq_ignore_ascii_case(needle))
}

/// A parameter's value: percent-decoded, valid UTF-8, and for a quoted value with `''`
/// read as one quote (the inverse of `encode_literal`).
fn decode(raw: &[u8], param: Piece<'_>) -> Option<String> {
    let text = String::from_utf8(percent_decode(raw)?).ok()?;
    Some(if param == Piece::Quoted {
        text.replace("''", "'")
    } else {
        text
    })
}

/// `%XX` escapes decoded; `None` when a `%` is not followed by two hex digits.
fn percent_decode(raw: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(raw.len());
    let mut bytes = raw.iter();
    while let Some(&b) = bytes.next() {
        if b == b'%' {
            let high = hex(*bytes.next()?)?;
            let low = hex(*bytes.next()?)?;
            out.push((high << 4) | low);
        } else {
            out.push(b);
        }
    }
    Some(out)
}

fn hex(b: u8) -> Option<u8> {
    char::from(b)
        .to_digit(16)
        .and_then(|d| u8::try_from(d).ok())
}
