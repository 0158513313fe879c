//! The Type column: `String`, `Edm.boolean `, `[identitySet](../resources/identityset.md)`,
//! `X collection`, `Collection(X)`, namespaced names, qualifiers (`String (identifier)`,
//! `string, maximum size 20`), unions (`String or Int32`) and prose … → a [`TypeRef`].
//!
//! A cell that names one type is read as that type. A cell that names several types or
//! is not a type name at all is read as `Edm.Untyped` (any JSON value) rather than by
//! picking one side; the [`TypeIssue`] says so, and the caller turns it into a diagnostic.

use crate::trim::Trim;
use std::borrow::Cow;

use crate::ascii;
use crate::diag::{Diagnostic, Location, Severity};
use crate::page::Text;

/// The namespace the profile pages were written with before they were published.
pub const LEGACY_PROFILE_NAMESPACE: &str = "microsoft.fast.pi.viewgenerator.v2.profile.models.";

/// The type of values that may be any JSON.
pub const UNTYPED: &str = "Edm.Untyped";

/// A type as written in a table, before resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypeRef {
    /// `Edm.X` for primitives, else the name as written (possibly qualified).
    pub name: String,
    /// Collection of `name`.
    pub collection: bool,
    /// The link target, when the cell links to a page.
    pub link: Option<String>,
}

/// What reading a Type cell had to decide beyond a plain type name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TypeIssue {
    /// The cell names several types (`String or Int32`); read as `Edm.Untyped`.
    Union,
    /// The cell is not a type name (prose); read as `Edm.Untyped`.
    Prose,
    /// A qualifier next to the type (`(identifier)`, `maximum size 20`) was left out.
    Qualifier(String),
    /// A spelling that is no OData type (`number`, `Timestamp`, `Url`) was read as the
    /// primitive it describes.
    Vague,
}

/// A Type cell, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypeCell<'a> {
    /// The type it names.
    pub type_ref: TypeRef,
    /// What had to be decided, if anything.
    pub issue: Option<TypeIssue>,
    /// The cell text as written (trimmed); only diagnostics quote it.
    pub text: &'a str,
}

impl TypeCell<'_> {
    /// The diagnostic for [`TypeCell::issue`], located at `at`.
    ///
    /// Codes: `type-text-union` and `type-text-prose` (warnings: the value is read as
    /// any JSON), `type-text-qualified` and `type-text-vague` (notes).
    pub fn diagnostic(&self, at: &Location) -> Option<Diagnostic> {
        let (text, name) = (&self.text, &self.type_ref.name);
        let (severity, code, message, help) = match self.issue.as_ref()? {
            TypeIssue::Union => (
                Severity::Warning,
                "type-text-union",
                format!(
                    "Type cell `{text}` names several types; read as {UNTYPED} (any JSON value)"
                ),
                Some("document one type, or the common base type"),
            ),
            TypeIssue::Prose => (
                Severity::Warning,
                "type-text-prose",
                format!(
                    "Type cell `{text}` is not a type name; read as {UNTYPED} (any JSON value)"
                ),
                Some("put the type name in the Type column and the prose in the Description"),
            ),
            TypeIssue::Qualifier(q) => (
                Severity::Note,
                "type-text-qualified",
                format!("Type cell `{text}` read as `{name}`; `{q}` is not part of the type"),
                None,
            ),
            TypeIssue::Vague => (
                Severity::Note,
                "type-text-vague",
                format!("Type cell `{text}` is not an OData type name; read as `{name}`"),
                None,
            ),
        };
        let d = Diagnostic::new(severity, code, at.clone(), message);
        Some(match help {
            Some(h) => d.with_help(h),
            None => d,
        })
    }
}

/// Reads a Type cell. Returns `None` for an empty cell.
pub fn parse_cell<'c>(cell: &'c Text) -> Option<TypeCell<'c>> {
    let text = cell.text.trimmed();
    if text.is_empty() {
        return None;
    }
    // Most cells are one plain name without a link: such a text holds no space,
    // parenthesis, bracket or markup, so it is its own inner name, not a collection.
    if cell.links.is_empty() && is_type_name(text) && !text.eq_ignore_ascii_case("or") {
        let (name, issue) = named(text, None);
        let type_ref = TypeRef {
            name,
            collection: false,
            link: None,
        };
        return Some(TypeCell {
            type_ref,
            issue,
            text,
        });
    }
    Some(parse_marked_cell(cell, text))
}

/// [`parse_cell`] of any non-empty cell; `text` is the cell's trimmed text.
fn parse_marked_cell<'a>(cell: &Text, text: &'a str) -> TypeCell<'a> {
    let (inner, collection) = split_collection(text);
    let mut links = cell.links.iter().filter(|l| !l.text.trimmed().is_empty());
    let first = links.next();
    let (name, issue) = match first {
        None => read_name(inner),
        Some(first) if links.all(|l| same_name(&l.text, &first.text)) => {
            read_linked(inner, &first.text)
        }
        Some(_) => (UNTYPED.to_string(), Some(TypeIssue::Union)),
    };
    let link = match issue {
        Some(TypeIssue::Union | TypeIssue::Prose) => None,
        _ => first.map(|l| l.target.to_string()),
    };
    TypeCell {
        type_ref: TypeRef {
            name,
            collection,
            link,
        },
        issue,
        text,
    }
}

fn same_name(a: &str, b: &str) -> bool {
    a.trimmed().eq_ignore_ascii_case(b.trimmed())
}

/// `Collection(X)`, `X collection`, `X[]` → (`X`, true); anything else → (text, false).
fn split_collection(text: &str) -> (&str, bool) {
    let t = text.trimmed();
    if ascii::starts_with(t, "collection(") && t.ends_with(')') {
        return (t["collection(".len()..t.len() - 1].trimmed(), true);
    }
    if let Some(i) = ascii::rfind(t, " collection")
        && t[i + " collection".len()..]
            .trim_matches(|c: char| c == '.' || c.is_whitespace())
            .is_empty()
    {
        return (strip_parens(&t[..i]), true);
    }
    if let Some(s) = t.strip_suffix("[]") {
        return (s.trimmed(), true);
    }
    (t, false)
}

/// `(boolean or string)` → `boolean or string`.
fn strip_parens(t: &str) -> &str {
    let t = t.trimmed();
    match t.strip_prefix('(').and_then(|s| s.strip_suffix(')')) {
        Some(inner) if !inner.contains(['(', ')']) => inner.trimmed(),
        _ => t,
    }
}

/// A cell with one link: the link text is the type; other text must be a qualifier.
fn read_linked(inner: &str, link_text: &str) -> (String, Option<TypeIssue>) {
    let rest = without_first(inner, link_text);
    let rest = rest.trimmed();
    if is_union_text(rest) {
        return (UNTYPED.to_string(), Some(TypeIssue::Union));
    }
    let (name, issue) = read_name(link_text);
    if issue.is_some() {
        return (name, issue);
    }
    let rest = strip_noise_word(rest);
    if rest.is_empty() {
        (name, None)
    } else {
        (name, Some(TypeIssue::Qualifier(rest.to_string())))
    }
}

/// `text` without the first occurrence of `part` (`inner.replacen(part, "", 1)`),
/// borrowed when that leaves one side only, as it does for most cells.
fn without_first<'a>(text: &'a str, part: &str) -> Cow<'a, str> {
    let Some(at) = super::find_short(text, part) else {
        return Cow::Borrowed(text);
    };
    match (&text[..at], &text[at + part.len()..]) {
        ("", after) => Cow::Borrowed(after),
        (before, "") => Cow::Borrowed(before),
        (before, after) => Cow::Owned([before, after].concat()),
    }
}

/// A cell without links: a name, possibly with a qualifier, or a union, or prose.
fn read_name(raw: &str) -> (String, Option<TypeIssue>) {
    let t = super::trim_ascii_set(raw.trimmed(), b"`*").trimmed();
    // Most cells are one plain name: without spaces, parentheses or commas there is no
    // union, qualifier or noise word to look for (`or` alone is a union).
    if is_type_name(t) && !t.eq_ignore_ascii_case("or") {
        return named(t, None);
    }
    if is_union_text(t) {
        return (UNTYPED.to_string(), Some(TypeIssue::Union));
    }
    let (core, qualifier) = split_qualifier(t);
    let core = match strip_noise_word(core) {
        "" => core,
        stripped => stripped,
    };
    if !is_type_name(core) {
        return match untyped_spelling(core) {
            true => (UNTYPED.to_string(), qualifier.map(TypeIssue::Qualifier)),
            false => (UNTYPED.to_string(), Some(TypeIssue::Prose)),
        };
    }
    named(core, qualifier)
}

/// A type name (`is_type_name`) and the qualifier written next to it.
fn named(core: &str, qualifier: Option<String>) -> (String, Option<TypeIssue>) {
    // A type name holds no space, backtick or asterisk, so `normalise_name`'s trims
    // would leave it as it is: it is lower-cased once, for both spelling tables.
    let mut buf = [0u8; 24];
    let lower = spelling::lower_in(core, &mut buf);
    let (name, vague) = match lower.and_then(spelling::vague_lower) {
        Some(p) => (p.to_string(), true),
        None => match lower.and_then(spelling::primitive_lower) {
            Some(p) => (p.to_string(), false),
            None => (core.to_string(), false),
        },
    };
    let issue = match (qualifier, vague) {
        (_, true) => Some(TypeIssue::Vague),
        (Some(q), false) => Some(TypeIssue::Qualifier(q)),
        (None, false) => None,
    };
    (name, issue)
}

/// `String (identifier)`, `(Optional) String`, `string, maximum size 20` → the type and
/// the qualifier.
fn split_qualifier(t: &str) -> (&str, Option<String>) {
    if let Some(rest) = t.strip_prefix('(')
        && let Some((q, name)) = rest.split_once(')')
    {
        return (name.trimmed(), Some(format!("({q})")));
    }
    if let Some((name, q)) = t.split_once('(')
        && !name.trimmed().is_empty()
        && q.trimmed_end().ends_with(')')
    {
        return (name.trimmed(), Some(format!("({}", q.trimmed())));
    }
    if let Some((name, q)) = t.split_once(',') {
        return (name.trimmed(), Some(q.trimmed().to_string()));
    }
    (t, None)
}

/// `alertFeedback enum`, `error object`, `itemAnalytics resource` → the name.
fn strip_noise_word(t: &str) -> &str {
    let t = t.trimmed();
    // Each word once with and once without its space: `str::trim` on the constants
    // was not folded away and cost more than the comparisons.
    for (word, bare) in [
        (" enum", "enum"),
        (" object", "object"),
        (" resource", "resource"),
        (" type", "type"),
    ] {
        if t.eq_ignore_ascii_case(bare) {
            return "";
        }
        if t.len() > word.len() && ascii::ends_with(t, word) {
            return t[..t.len() - word.len()].trimmed();
        }
    }
    t
}

/// `String or Int32`, `string/number`, `A | B`.
fn is_union_text(t: &str) -> bool {
    // `words` splits as `split_whitespace` does, classifying bytes rather than chars.
    super::http::words(t).any(|w| w.eq_ignore_ascii_case("or") || w == "|")
        || (t.contains('/') && !t.contains(' '))
}

/// `Collection(microsoft.graph.x)` (any case) → (`microsoft.graph.x`, true); other text
/// → (text, false). The spelling of annotations' `@odata.type`.
pub fn odata_collection(t: &str) -> (&str, bool) {
    let t = t.trimmed();
    let opens = t
        .get(..11)
        .is_some_and(|p| p.eq_ignore_ascii_case("collection("));
    match t
        .get(11..)
        .filter(|_| opens)
        .and_then(|r| r.strip_suffix(')'))
    {
        Some(inner) => (inner.trimmed(), true),
        None => (t, false),
    }
}

/// A dotted identifier: `microsoft.graph.callRecords.session`, `Edm.String`, `user`.
pub fn is_type_name(t: &str) -> bool {
    // Every allowed character is ASCII, so bytes can be checked one by one, each by one
    // table load: what the byte is allowed as, and whether a segment starts after it.
    let mut need = NAME_START;
    for &b in t.as_bytes() {
        let class = NAME_CLASS[usize::from(b)];
        if class & need == 0 {
            return false;
        }
        need = if class & NAME_DOT != 0 {
            NAME_START
        } else {
            NAME_INNER
        };
    }
    // Not empty, and not ending with a dot.
    need == NAME_INNER
}

/// [`NAME_CLASS`] bits: allowed inside a segment, allowed first in one, a dot.
const NAME_INNER: u8 = 1;
const NAME_START: u8 = 2;
const NAME_DOT: u8 = 4;

/// What each byte may be in a type name: letters and `_` anywhere, digits inside a
/// segment, `.` after a segment (a dot has no [`NAME_START`] bit: no empty segments).
static NAME_CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0u8;
    loop {
        table[b as usize] = match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'_' => NAME_INNER | NAME_START,
            b'0'..=b'9' => NAME_INNER,
            b'.' => NAME_INNER | NAME_DOT,
            _ => 0,
        };
        if b == u8::MAX {
            break table;
        }
        b += 1;
    }
};

/// Spellings of "any JSON" that are not single identifiers (`Untyped JSON`).
fn untyped_spelling(t: &str) -> bool {
    let mut buf = [0u8; 16];
    matches!(
        spelling::lower_in(t, &mut buf),
        Some(b"untyped json" | b"json object")
    )
}

/// Maps primitive spellings to `Edm.X`; other names are returned trimmed.
pub fn normalise_name(raw: &str) -> String {
    // Two trims in turn, not one with both: `` *`x`* `` keeps its backticks.
    let name = super::trim_ascii_set(super::trim_ascii_set(raw.trimmed(), b"`"), b"*").trimmed();
    match spelling::primitive_spelled(name) {
        Some(p) => p.to_string(),
        None => name.to_string(),
    }
}

mod spelling;

#[cfg(test)]
mod tests;
