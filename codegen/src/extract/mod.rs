//! Extraction: a [`Page`] → the fragments it contributes (types, enums, an operation).
//!
//! A page's kind is decided from its content (an HTTP request block, a Properties
//! table, an enum table), not from `doc_type` or its folder.

pub mod enums;
pub mod examples;
pub mod http;
pub mod operation;
pub mod properties;
pub mod request;
pub mod resource;
pub mod response;
pub mod type_text;

use crate::diag::{Diagnostics, Location};
use crate::ir::EnumMember;
use crate::page::Page;
use crate::source::Source;
use crate::trim::Trim;

pub use examples::ExampleFragment;
pub use operation::OperationFragment;
pub use properties::PropertyRow;
pub use response::ResponseFragment;

/// Everything one page contributes.
#[derive(Debug, Clone, Default)]
pub struct PageFragments {
    /// Path of the page.
    pub path: String,
    /// The page's `Namespace:` line as written, each segment starting lower-case
    /// (default `microsoft.graph`).
    pub namespace: String,
    /// Line of the `Namespace:` line; 0 when the page has none.
    pub namespace_line: u32,
    /// Types defined on the page.
    pub types: Vec<TypeFragment>,
    /// Enums defined on the page.
    pub enums: Vec<EnumFragment>,
    /// The page's operation, if it is an API page.
    pub operation: Option<OperationFragment>,
}

/// A type as one page describes it.
#[derive(Debug, Clone, PartialEq)]
pub struct TypeFragment {
    /// Name as the page gives it (qualified when the annotation says so).
    pub name: String,
    /// Base type name as written.
    pub base: Option<String>,
    /// Description paragraph.
    pub description: String,
    /// Whether the resource annotation names a `keyProperty`.
    pub has_key: bool,
    /// Properties table rows.
    pub properties: Vec<PropertyRow>,
    /// Relationships table rows.
    pub navigation: Vec<PropertyRow>,
    /// Title line.
    pub source: Location,
}

/// An enum as one page describes it.
#[derive(Debug, Clone, PartialEq)]
pub struct EnumFragment {
    /// Name as written.
    pub name: String,
    /// Description, if any.
    pub description: String,
    /// Members in order.
    pub members: Vec<EnumMember>,
    /// Where the enum's table or heading is.
    pub source: Location,
}

/// Extracts every fragment a page contributes.
pub fn extract(source: &Source, page: &Page, diags: &mut Diagnostics) -> PageFragments {
    let (namespace, namespace_line) =
        namespace(page).unwrap_or_else(|| ("microsoft.graph".to_string(), 0));
    let operation = operation::extract(source, page, diags);
    let types = if operation.is_none() {
        resource::extract(source, page, diags).into_iter().collect()
    } else {
        Vec::new()
    };
    let enums = enums::extract(source, page, diags);
    if operation.is_none() && types.is_empty() && enums.is_empty() {
        diags.note(
            "page-yields-nothing",
            Location::file(&source.path),
            "page has no HTTP request block, no property table and no enum table; nothing generated from it",
        );
    }
    PageFragments {
        path: source.path.clone(),
        namespace,
        namespace_line,
        types,
        enums,
        operation,
    }
}

/// The `Namespace: x` line near the top of a page, and its line.
fn namespace(page: &Page) -> Option<(String, u32)> {
    page.sections
        .iter()
        .take(3)
        .flat_map(|s| s.paragraphs())
        .find_map(|p| {
            let rest = p.text.trimmed().strip_prefix("Namespace:")?;
            let ns = rest.split_whitespace().next()?;
            Some((
                crate::resolve::normalise_namespace(ns.trim_end_matches('.')),
                p.line,
            ))
        })
}

/// The first paragraph after the title that is not the namespace line or a note.
pub fn description(page: &Page) -> String {
    let Some(i) = page.sections.iter().position(|s| s.level == 1) else {
        return String::new();
    };
    page.sections[i]
        .paragraphs()
        .map(|p| without_namespace(p.text.trimmed()))
        .find(|t| !t.starts_with("**Note") && !t.is_empty())
        .unwrap_or("")
        .to_string()
}

/// A paragraph without its leading `Namespace: x` (the description may follow it on the
/// next line of the same paragraph).
fn without_namespace(text: &str) -> &str {
    let Some(rest) = text.strip_prefix("Namespace:") else {
        return text;
    };
    let rest = rest.trimmed_start();
    rest.find(char::is_whitespace)
        .map_or("", |i| rest[i..].trimmed_start())
}

/// `text` without the ASCII bytes in `set` at either end, as `str::trim_matches` with a
/// char set would give it, but comparing bytes instead of decoding chars. Only ASCII
/// bytes are removed, and an ASCII byte is always a char boundary, so the slice is valid.
#[inline]
fn trim_ascii_set<'a>(text: &'a str, set: &[u8]) -> &'a str {
    // `any` rather than `contains`, which would call memchr for every byte.
    let kept = |b: &u8| !set.iter().any(|s| s == b);
    let bytes = text.as_bytes();
    let start = bytes.iter().position(kept).unwrap_or(bytes.len());
    let end = bytes.iter().rposition(kept).map_or(start, |i| i + 1);
    text.get(start..end.max(start)).unwrap_or_default()
}

/// Where `needle` first occurs in `hay`, as [`str::find`] finds it. Table cells,
/// descriptions and code spans are short: looking for the needle's first byte and
/// comparing the rest is cheaper than building the two-way searcher `str::find` builds
/// on every call.
fn find_short(hay: &str, needle: &str) -> Option<usize> {
    let (hay, needle) = (hay.as_bytes(), needle.as_bytes());
    let Some((&first, tail)) = needle.split_first() else {
        return Some(0);
    };
    let mut from = 0;
    while let Some(i) = memchr::memchr(first, hay.get(from..)?) {
        let at = from + i;
        if hay.get(at + 1..at + needle.len()) == Some(tail) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// Where `needle` (lower-case ASCII) first occurs in `hay`, ASCII case ignored, as
/// [`crate::ascii::find`] finds it, but looking for the needle's byte at `pivot` rather than
/// its first: for `inherited from`, the `f` occurs far less often in descriptions than
/// the `i`. Candidates come in text order, so the first match is the leftmost.
fn find_ignoring_case_by(hay: &str, needle: &str, pivot: usize) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let &key = n.get(pivot)?;
    let mut from = pivot;
    while let Some(i) = memchr::memchr2(key, key.to_ascii_uppercase(), h.get(from..)?) {
        let start = from + i - pivot;
        if h.get(start..start + n.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(n))
        {
            return Some(start);
        }
        from += i + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_ignoring_case_by_finds_like_ascii_find() {
        for hay in [
            "",
            "f",
            "from",
            "Inherited from [a](b)",
            "inherited FROM x; INHERITED from y",
            "inherited  from, inherited from",
            "é inherited from",
            "inheritedfrom inherited fro",
            "ffff inherited from",
            "a Representation OF the [x](y); representation of",
            "Derived from x, inherits From y",
        ] {
            for pivot in [0, 4, 10, 13] {
                assert_eq!(
                    find_ignoring_case_by(hay, "inherited from", pivot),
                    crate::ascii::find(hay, "inherited from"),
                    "{hay:?} {pivot}"
                );
            }
            for (needle, pivot) in [
                ("representation of", 2),
                ("inherits from", 9),
                ("derived from", 8),
            ] {
                assert_eq!(
                    find_ignoring_case_by(hay, needle, pivot),
                    crate::ascii::find(hay, needle),
                    "{hay:?} {needle:?}"
                );
            }
        }
    }

    #[test]
    fn find_short_finds_like_str_find() {
        for (hay, needle) in [
            ("", ""),
            ("abc", ""),
            ("", "a"),
            ("abc", "c"),
            ("abcabd", "abd"),
            ("aaab", "aab"),
            ("ab", "abc"),
            ("Possible values are `ä` and `äb`", "äb"),
        ] {
            assert_eq!(
                find_short(hay, needle),
                hay.find(needle),
                "{hay:?} {needle:?}"
            );
        }
    }

    #[test]
    fn trim_ascii_set_trims_like_trim_matches() {
        let set = |c: char| c == '*' || c == '`' || c == '_';
        for text in [
            "", "*", "**`_", "**id**", "`a`b`", "_x y_ ", "*é*", "é", " *a* ",
        ] {
            assert_eq!(
                trim_ascii_set(text, b"*`_"),
                text.trim_matches(set),
                "{text:?}"
            );
        }
    }
}
