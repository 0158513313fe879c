//! Property tables (Properties, Relationships, Request body, Parameters) → [`PropertyRow`]s.

use super::type_text::{self, TypeRef};
use crate::ascii;
use crate::diag::{Diagnostics, Location};
use crate::page::{Table, Text};
use crate::source::Source;
use crate::trim::Trim;
use memchr::memmem::Finder;
use std::sync::LazyLock;

/// One row of a property table, before resolution.
#[derive(Debug, Clone, PartialEq)]
pub struct PropertyRow {
    /// JSON member name.
    pub name: String,
    /// The Type cell.
    pub type_ref: TypeRef,
    /// The Description cell.
    pub description: String,
    /// `Inherited from [x](...)`: the name of the declaring type.
    pub inherited_from: Option<String>,
    /// Values listed after "Possible values are" (or similar) in the description.
    pub possible_values: Vec<String>,
    /// Where the row is.
    pub source: Location,
}

/// Column positions of a property table.
struct Columns {
    name: usize,
    ty: usize,
    description: Option<usize>,
}

fn columns(table: &Table) -> Option<Columns> {
    // One pass over the header, each cell lower-cased once, rather than one
    // `Table::column` search per column: the same first matches.
    let (mut name, mut ty, mut description) = (None, None, None);
    let mut buf = [0u8; 64];
    for (i, h) in table.header.iter().enumerate() {
        let t = h.text.trimmed();
        let owned;
        let lower = match ascii::lower_in(t, &mut buf) {
            Some(lower) => lower,
            None => {
                owned = t.to_ascii_lowercase();
                owned.as_str()
            }
        };
        if name.is_none() && is_name_header(lower) {
            name = Some(i);
        }
        if ty.is_none() && matches!(lower, "type" | "data type" | "value type") {
            ty = Some(i);
        }
        if description.is_none() && lower.starts_with("description") {
            description = Some(i);
        }
    }
    Some(Columns {
        name: name?,
        ty: ty?,
        description,
    })
}

fn is_name_header(h: &str) -> bool {
    matches!(
        h,
        "property"
            | "name"
            | "parameter"
            | "property name"
            | "properties"
            | "relationship"
            | "relationships"
            | "navigation property"
    )
}

/// Reads every row of a property table; malformed rows become diagnostics.
pub fn read_table(source: &Source, table: &Table, diags: &mut Diagnostics) -> Vec<PropertyRow> {
    let mut rows = Vec::new();
    read_table_into(source, table, &mut rows, diags);
    rows
}

/// [`read_table`], appending to `rows`; a table that is no property table (has no name
/// and type columns) adds nothing and gives `false`. Lets callers gather several
/// tables' rows in one vector.
pub(super) fn read_table_into(
    source: &Source,
    table: &Table,
    rows: &mut Vec<PropertyRow>,
    diags: &mut Diagnostics,
) -> bool {
    let Some(cols) = columns(table) else {
        return false;
    };
    rows.reserve(table.rows.len());
    let no_description = Text::default();
    for row in &table.rows {
        let at = source.at_line(row.line);
        let cell = |i: usize| row.cells.get(i);
        let name = cell(cols.name)
            .map(|c| clean_name(&c.text))
            .unwrap_or_default();
        if name.is_empty() {
            diags.warning(
                "table-row-no-name",
                at,
                "property table row has no name; row skipped",
            );
            continue;
        }
        if row.cells.iter().skip(1).all(|c| c.text.is_empty()) {
            // `|**Device configuration**|`: a group label inside the table (note
            // `table-row-label`), not a property without a type.
            diags.note(
                "table-row-label",
                at,
                format!(
                    "table row `{}` has no other cells; read as a group label",
                    row.cells.first().map_or("", |c| &*c.text)
                ),
            );
            continue;
        }
        let Some(type_cell) = cell(cols.ty).and_then(type_text::parse_cell) else {
            diags.warning(
                "table-row-no-type",
                at,
                format!("property `{name}` has an empty or missing Type cell; row skipped"),
            );
            continue;
        };
        if let Some(d) = type_cell.diagnostic(&at) {
            diags.push(d);
        }
        let desc = cols.description.and_then(cell).unwrap_or(&no_description);
        rows.push(PropertyRow {
            name,
            type_ref: type_cell.type_ref,
            inherited_from: inherited_from(desc),
            possible_values: possible_values(desc),
            description: desc.text.to_string(),
            source: at,
        });
    }
    true
}

/// Strips markup people put around names (`**id**`, `` `id` ``, `id (deprecated)`).
fn clean_name(raw: &str) -> String {
    // Most names are one word of letters (`displayName`, `@odata.type`): nothing to
    // strip, since only whitespace and `*`, `` ` ``, `_` are removed.
    if raw.bytes().all(|b| PLAIN_NAME_BYTE[usize::from(b)]) {
        return raw.to_string();
    }
    clean_marked_name(raw)
}

/// The bytes [`clean_name`] keeps as they are: printable ASCII but `*`, `` ` `` and `_`.
/// A table rather than comparisons: one load a byte, for every row's name.
static PLAIN_NAME_BYTE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = b'!';
    while b <= b'~' {
        table[b as usize] = !matches!(b, b'*' | b'`' | b'_');
        b += 1;
    }
    table
};

/// [`clean_name`] of any text.
fn clean_marked_name(raw: &str) -> String {
    let t = super::trim_ascii_set(raw.trimmed(), b"*`_").trimmed();
    let word = super::http::words(t).next().unwrap_or("");
    super::trim_ascii_set(word, b"`").to_string()
}

/// `Inherited from [itemFacet](../resources/itemfacet.md)` → `itemFacet`.
fn inherited_from(desc: &Text) -> Option<String> {
    // One searcher for every row: building one per call cost more than the search.
    static INHERITED: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("nherited"));
    INHERITED.find(desc.text.as_bytes())?;
    let at = super::find_ignoring_case_by(&desc.text, "inherited from", 10)?;
    let after = &desc.text[at + "inherited from".len()..];
    desc.links
        .iter()
        .find(|l| after.trimmed_start().starts_with(&*l.text))
        .map(|l| l.text.to_string())
        .or_else(|| {
            let word = after.split_whitespace().next()?;
            let word = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '.');
            (!word.is_empty()).then(|| word.to_string())
        })
}

const VALUE_LIST_PHRASES: &[&str] = &[
    "possible values are",
    "possible values include",
    "the possible values are",
    "allowed values",
    "supported values are",
    "valid values are",
];

/// Byte offset of `values` in each of [`VALUE_LIST_PHRASES`], in the same order, so that
/// [`value_list_start`] need not search the phrases for it on every occurrence
/// (checked by a test).
const VALUES_OFFSETS: [usize; 6] = [9, 9, 13, 8, 10, 6];

/// The code spans that follow a "Possible values are" phrase.
pub fn possible_values(desc: &Text) -> Vec<String> {
    // Most descriptions have no code span.
    if desc.code.is_empty() {
        return Vec::new();
    }
    let Some(start) = value_list_start(&desc.text) else {
        return Vec::new();
    };
    let mut values: Vec<String> = Vec::new();
    let mut from = start;
    for (i, code) in desc.code.iter().enumerate() {
        let rest = desc.text.get(from..).unwrap_or_default();
        if let Some(pos) = super::find_short(rest, code) {
            from += pos + code.len();
            let v = code.trimmed();
            if is_member_name(v) && !values.iter().any(|x| x == v) {
                if values.is_empty() {
                    // No more values than spans are left: room for them all at once,
                    // rather than growing by doubling (lists are often longer than 4).
                    values.reserve_exact(desc.code.len() - i);
                }
                values.push(v.to_string());
            }
        }
    }
    values
}

/// Where the earliest of the [`VALUE_LIST_PHRASES`] starts in `text` (any case).
///
/// Every phrase contains `values`, a word rarer than the phrases' first letters, so the
/// text is searched once for it and the phrases are matched around each occurrence. The
/// first occurrence with a phrase around it holds the earliest phrase: no phrase's
/// words before `values` contain `values`, so a later phrase cannot start earlier.
fn value_list_start(text: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = ascii::find(text.get(from..)?, "values") {
        let at = from + i;
        let phrases = VALUE_LIST_PHRASES.iter().zip(VALUES_OFFSETS);
        let starts = phrases.filter_map(|(phrase, offset)| {
            let start = at.checked_sub(offset)?;
            let written = text.as_bytes().get(start..start + phrase.len())?;
            written
                .eq_ignore_ascii_case(phrase.as_bytes())
                .then_some(start)
        });
        if let Some(start) = starts.min() {
            return Some(start);
        }
        from = at + "values".len();
    }
    None
}

fn is_member_name(v: &str) -> bool {
    // Nearly every value is ASCII: its bytes are checked by table, without decoding
    // chars; only a value with another char is read char by char.
    if v.bytes().all(|b| MEMBER_BYTE[usize::from(b)]) {
        return !v.is_empty();
    }
    let member_char = |c: char| c.is_alphanumeric() || c == '_' || c == '-' || c == '.';
    !v.is_ascii() && v.chars().all(member_char)
}

/// The ASCII bytes [`is_member_name`] allows: letters, digits, `_`, `-` and `.`.
static MEMBER_BYTE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0u8;
    while b < 0x80 {
        table[b as usize] = b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.');
        b += 1;
    }
    table
};

#[cfg(test)]
mod tests;
