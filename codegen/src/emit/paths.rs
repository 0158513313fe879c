//! Path templates (`/users/{id | userPrincipalName}/profile`) → target enum variants.
//!
//! Each distinct alternative of an operation becomes one variant, named after the part of
//! the path that differs from the other alternatives: with `/me/profile/publications` and
//! `/users/{id}/profile/publications`, the shared tail is `profile/publications`, so the
//! variants are `Me` and `Users { id }`.

use std::collections::BTreeSet;

use crate::naming::{self, Case, UniqueNames};

/// How a parameter value is encoded into the path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// A whole segment: everything but unreserved characters is percent-encoded.
    Segment,
    /// Inside an OData string literal (`f(x='{value}')`): quotes doubled, then as a segment.
    Literal,
    /// A path of its own (`root:/{path}:/`): like a segment but `/` is kept.
    Path,
}

/// One `{...}` parameter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Param {
    /// The alternatives as written: `{id | userPrincipalName}` → `["id", "userPrincipalName"]`.
    pub names: Vec<String>,
    /// The Rust field name, unique within its variant.
    pub field: String,
    /// How the value is encoded.
    pub encoding: Encoding,
}

/// A piece of a path template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Literal text, made URI-safe.
    Literal(String),
    /// A parameter.
    Param(Param),
}

/// One path alternative, parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// The template as documented (including any query string).
    pub template: String,
    /// The path without the query string, as pieces.
    pub pieces: Vec<Piece>,
    /// The variant name.
    pub variant: String,
}

/// Parses an operation's path alternatives into uniquely named targets. Alternatives that
/// differ only in parameter names or the query string are dropped after the first.
pub fn targets(paths: &[String]) -> Vec<Target> {
    let mut seen = BTreeSet::new();
    let parsed: Vec<(String, Vec<Piece>)> = paths
        .iter()
        .filter_map(|raw| {
            let pieces = parse(raw);
            seen.insert(shape(&pieces))
                .then(|| (raw.trim().to_string(), pieces))
        })
        .collect();
    let shapes: Vec<String> = parsed.iter().map(|(_, pieces)| shape(pieces)).collect();
    let segments: Vec<Vec<&str>> = shapes.iter().map(|s| segments(s)).collect();
    let names = variant_names(&segments);
    parsed
        .into_iter()
        .zip(names)
        .map(|((template, pieces), variant)| Target {
            template,
            pieces,
            variant,
        })
        .collect()
}

/// Splits a template into literal text and parameters; the query string is dropped.
pub fn parse(raw: &str) -> Vec<Piece> {
    let path = raw.trim().split('?').next().unwrap_or_default().trim();
    let mut pieces = Vec::new();
    let mut fields = UniqueNames::new(Case::Snake);
    let mut literal = String::new();
    if !path.starts_with('/') {
        literal.push('/');
    }
    let mut rest = path;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}').map(|c| open + c) else {
            break;
        };
        literal.push_str(&rest[..open]);
        let names: Vec<String> = rest[open + 1..close]
            .split('|')
            .map(|n| n.trim().to_string())
            .filter(|n| !n.is_empty())
            .collect();
        let encoding = encoding_after(&literal);
        let field = fields.name(names.first().map_or("param", String::as_str), "param");
        pieces.push(Piece::Literal(uri_safe(&std::mem::take(&mut literal))));
        pieces.push(Piece::Param(Param {
            names,
            field,
            encoding,
        }));
        rest = &rest[close + 1..];
    }
    literal.push_str(rest);
    pieces.push(Piece::Literal(uri_safe(&literal)));
    pieces.retain(|p| !matches!(p, Piece::Literal(l) if l.is_empty()));
    pieces
}

/// How a parameter that follows `before` is encoded.
fn encoding_after(before: &str) -> Encoding {
    if before.ends_with('\'') {
        Encoding::Literal
    } else if before.ends_with(":/") || before.ends_with(':') {
        Encoding::Path
    } else {
        Encoding::Segment
    }
}

/// Percent-encodes characters that may not appear in a URI path as written (spaces, quotes,
/// non-ASCII); reserved characters and existing escapes are kept.
fn uri_safe(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~:/@!$&'()*+,;=%".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The template with every parameter written `{}`: equal shapes mean the same URL form.
fn shape(pieces: &[Piece]) -> String {
    pieces
        .iter()
        .map(|p| match p {
            Piece::Literal(l) => l.as_str(),
            Piece::Param(_) => "{}",
        })
        .collect()
}

/// The `/`-separated segments of a shape, ignoring `/` inside parentheses.
fn segments(shape: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (i, b) in shape.bytes().enumerate() {
        match b {
            b'(' => depth += 1,
            b')' => depth = depth.saturating_sub(1),
            b'/' if depth == 0 => {
                out.push(&shape[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&shape[start..]);
    out.retain(|s| !s.is_empty());
    out
}

/// Variant names from the part of each path before the tail all paths share.
fn variant_names(paths: &[Vec<&str>]) -> Vec<String> {
    let shortest = paths.iter().map(Vec::len).min().unwrap_or(0);
    let shared = (0..shortest)
        .take_while(|&k| {
            let first = paths.first().and_then(|p| from_end(p, k));
            paths.iter().all(|p| from_end(p, k) == first)
        })
        .count();
    let shared = if paths.len() > 1 { shared } else { shortest };
    let mut names = UniqueNames::new(Case::Pascal);
    paths
        .iter()
        .map(|segments| {
            let prefix = &segments[..segments.len() - shared];
            let words = words(if prefix.is_empty() {
                &segments[..segments.len().min(1)]
            } else {
                prefix
            });
            names.name(&words, "Root")
        })
        .collect()
}

/// The `k`-th segment from the end (0 is the last).
fn from_end<'a>(segments: &[&'a str], k: usize) -> Option<&'a str> {
    let i = segments.len().checked_sub(k + 1)?;
    segments.get(i).copied()
}

/// The words of literal segments: parameters dropped, function names without arguments,
/// `$ref` → `ref`, the namespace of `microsoft.graph.act` dropped.
fn words(segments: &[&str]) -> String {
    segments
        .iter()
        .map(|s| {
            let name = s.split('(').next().unwrap_or_default().replace("{}", " ");
            let name = name.strip_prefix("microsoft.graph.").unwrap_or(&name);
            if name.chars().any(|c| c.is_ascii_alphanumeric()) {
                naming::snake(name, "")
            } else {
                String::new()
            }
        })
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn variants(paths: &[&str]) -> Vec<String> {
        let paths: Vec<String> = paths.iter().map(|p| p.to_string()).collect();
        targets(&paths).into_iter().map(|t| t.variant).collect()
    }

    #[test]
    fn variants_are_named_from_the_differing_prefix() {
        assert_eq!(
            variants(&[
                "/me/profile/publications",
                "/users/{id | userPrincipalName}/profile/publications"
            ]),
            ["Me", "Users"]
        );
        assert_eq!(
            variants(&[
                "/me/drive/root/children",
                "/drives/{id}/root/children",
                "/groups/{id}/drive/root/children"
            ]),
            ["MeDrive", "Drives", "GroupsDrive"]
        );
        assert_eq!(variants(&["/users/{id}/profile"]), ["Users"]);
        assert_eq!(variants(&["/me/events", "/events"]), ["Me", "Events"]);
        assert_eq!(variants(&["/"]), ["Root"]);
        assert_eq!(variants(&["{id}/x", "/a/{id}/x"]), ["Root", "A"]);
    }

    #[test]
    fn duplicates_and_query_strings_are_dropped() {
        assert_eq!(
            variants(&[
                "/me/x",
                "/me/x?$filter=a eq 'b'",
                "/users/{a}/x",
                "/users/{b}/x"
            ]),
            ["Me", "Users"]
        );
        let paths = ["/me/x?$top=2".to_string()];
        assert_eq!(
            targets(&paths)[0].pieces,
            [Piece::Literal("/me/x".to_string())]
        );
        assert_eq!(targets(&paths)[0].template, "/me/x?$top=2");
    }

    #[test]
    fn colliding_variant_names_are_numbered() {
        assert_eq!(
            variants(&["/users/{id}/x", "/users/{id}/y/{id}/x"]),
            ["Users", "UsersY"]
        );
        assert_eq!(variants(&["/a/b", "/a/c"]), ["AB", "AC"]);
        assert_eq!(variants(&["/a-b/x", "/a_b/x"]), ["AB", "AB2"]);
    }

    #[test]
    fn parameters_are_parsed_with_their_encoding() {
        let pieces = parse("/drives/{drive-id}/root:/{path}:/f(name='{name}',x={id})/$ref");
        let params: Vec<(&str, Encoding)> = pieces
            .iter()
            .filter_map(|p| match p {
                Piece::Param(p) => Some((p.field.as_str(), p.encoding)),
                Piece::Literal(_) => None,
            })
            .collect();
        let want = [
            ("drive_id", Encoding::Segment),
            ("path", Encoding::Path),
            ("name", Encoding::Literal),
            ("id", Encoding::Segment),
        ];
        assert_eq!(params, want);
        assert_eq!(
            variants(&[
                "/drives/{drive-id}/root:/{path}:/act(name='{n}')",
                "/me/items/{item-id}/$ref"
            ]),
            ["DrivesRootAct", "MeItemsRef"]
        );
    }

    #[test]
    fn odd_templates_never_panic() {
        for raw in [
            "",
            "?",
            "{",
            "}",
            "{}",
            "{|}",
            "/a/{b",
            "/a/b}",
            "/ä ö/{x}",
            "//",
            "/{a}{a}{a}",
            "(((/",
            "/f(a='/{x}')",
        ] {
            let t = targets(&[raw.to_string()]);
            assert_eq!(t.len(), 1, "{raw:?}");
        }
        let pieces = parse("/{a}{a | b}{}");
        let fields: Vec<&str> = pieces
            .iter()
            .filter_map(|p| {
                if let Piece::Param(p) = p {
                    Some(p.field.as_str())
                } else {
                    None
                }
            })
            .collect();
        assert_eq!(fields, ["a", "a_2", "param"]);
        assert_eq!(parse("/ä b"), [Piece::Literal("/%C3%A4%20b".to_string())]);
        assert!(targets(&[]).is_empty());
    }
}
