//! API pages → an [`OperationFragment`].

use crate::page::starts_with_lower;
use crate::trim::Trim;
use std::collections::BTreeMap;

use super::description;
use super::examples::{self, ExampleFragment};
use super::http::RequestLine;
use super::properties::{self, PropertyRow};
use super::response::ResponseFragment;
use super::type_text::{self, TypeRef};
use crate::ascii;
use crate::diag::{Diagnostics, Location};
use crate::naming::lower_camel;
use crate::page::{Page, Text};
use crate::source::Source;

/// An operation as its page describes it, before resolution.
#[derive(Debug, Clone, PartialEq)]
pub struct OperationFragment {
    /// Page title, e.g. `Create itemPublication`.
    pub title: String,
    /// camelCase name from the title.
    pub name: String,
    /// Description paragraph.
    pub description: String,
    /// Method of the documented request lines.
    pub method: String,
    /// Documented request lines with that method.
    pub paths: Vec<RequestLine>,
    /// The type named by "supply a JSON representation of \[X\]".
    pub request_type: Option<TypeRef>,
    /// Request body (or parameters) table rows.
    pub request_rows: Vec<PropertyRow>,
    /// The response sentence.
    pub response: Option<ResponseFragment>,
    /// Permission type → permissions.
    pub permissions: BTreeMap<String, Vec<String>>,
    /// Annotated examples.
    pub examples: Vec<ExampleFragment>,
    /// Title line.
    pub source: Location,
}

/// Extracts the operation of an API page; `None` when the page has no HTTP request block.
pub fn extract(source: &Source, page: &Page, diags: &mut Diagnostics) -> Option<OperationFragment> {
    let lines = super::request::request_lines(source, page, diags)?;
    let title = page.title();
    let title_text = title.map(|t| t.title.to_string()).unwrap_or_default();
    let name = lower_camel(&title_text);
    let at = title.map_or_else(|| Location::file(&source.path), |t| source.at_line(t.line));
    let method = lines[0].method.clone();
    let (paths, others) = split_by_method(lines, &method);
    for other in others {
        diags.warning(
            "request-lines-mixed-methods",
            source.at_line(other.line),
            format!("request line uses {} but the block's first line uses {method}; line not part of this operation", other.method),
        );
    }
    let (request_type, request_rows) = request_body(source, page, diags);
    let examples = examples::extract(source, page, diags);
    Some(OperationFragment {
        name: if name.is_empty() {
            name_from_file(&source.path)
        } else {
            name
        },
        title: title_text,
        description: description(page),
        method,
        paths,
        request_type,
        request_rows,
        response: super::response::extract(source, page, &examples, diags),
        permissions: permissions(page),
        examples,
        source: at,
    })
}

/// The lines with `method` and the others. Nearly every block has one method: its
/// vector is kept as it is rather than copied into a new one.
fn split_by_method(lines: Vec<RequestLine>, method: &str) -> (Vec<RequestLine>, Vec<RequestLine>) {
    if lines.iter().all(|l| l.method == method) {
        return (lines, Vec::new());
    }
    lines.into_iter().partition(|l| l.method == method)
}

/// An operation name from the page's file name (`profile-post.md` → `profilePost`), used
/// when the title gives none or clashes with another page's.
pub(crate) fn name_from_file(path: &str) -> String {
    let file = path.rsplit('/').next().unwrap_or(path);
    lower_camel(file.strip_suffix(".md").unwrap_or(file))
}

fn request_body(
    source: &Source,
    page: &Page,
    diags: &mut Diagnostics,
) -> (Option<TypeRef>, Vec<PropertyRow>) {
    let mut ty = None;
    let mut rows = Vec::new();
    // Some update pages put the body table under a `## Properties` heading of its own.
    let is_body =
        |t: &str| starts_with_lower(t, "request body") || t.eq_ignore_ascii_case("properties");
    for s in page.sections_where(is_body) {
        ty = ty.or_else(|| s.paragraphs().find_map(representation_of));
        for table in s.tables() {
            properties::read_table_into(source, table, &mut rows, diags);
        }
    }
    (ty, rows)
}

/// "supply a JSON representation of the [itemPublication](...) object" → `itemPublication`.
fn representation_of(p: &Text) -> Option<TypeRef> {
    // By its `p`, far rarer in prose than the `r` it starts with.
    let at = super::find_ignoring_case_by(&p.text, "representation of", 2)?;
    let after = &p.text[at..];
    let link = p.links.iter().find(|l| {
        super::find_short(after, &l.text).is_some()
            && super::find_short(&l.target, "resources/").is_some()
    })?;
    let tail = &after[super::find_short(after, &link.text).unwrap_or(0) + link.text.len()..];
    let collection = ascii::starts_with(tail.trimmed_start(), "collection");
    Some(TypeRef {
        name: type_text::normalise_name(&link.text),
        collection,
        link: Some(link.target.to_string()),
    })
}

fn permissions(page: &Page) -> BTreeMap<String, Vec<String>> {
    let mut out = BTreeMap::new();
    for s in page.sections_where(|t| t.eq_ignore_ascii_case("permissions")) {
        for table in s.tables() {
            let (Some(kind), Some(perms)) = (
                table.column(|h| h.starts_with("permission type")),
                table.column(|h| h.starts_with("permissions")),
            ) else {
                continue;
            };
            for row in &table.rows {
                let (Some(k), Some(p)) = (row.cells.get(kind), row.cells.get(perms)) else {
                    continue;
                };
                out.insert(k.text.trimmed().to_string(), permission_list(&p.text));
            }
        }
    }
    out
}

/// `Mail.Read, Mail.ReadWrite` → the names, blanks left out.
fn permission_list(text: &str) -> Vec<String> {
    let names = || {
        split_commas(text)
            .map(|n| n.trimmed())
            .filter(|x| !x.is_empty())
    };
    // Counted first so that the vector is allocated once at its size: collecting a
    // filtered iterator starts at 4 and grows, and many cells list more.
    let mut list = Vec::with_capacity(names().count());
    list.extend(names().map(str::to_string));
    list
}

/// `text.split(',')`, found with `memchr` rather than the char searcher `split` sets up
/// for every cell. A comma is ASCII, so every slice bound is a char boundary.
fn split_commas(text: &str) -> impl Iterator<Item = &str> {
    let ends = memchr::memchr_iter(b',', text.as_bytes()).chain(std::iter::once(text.len()));
    let mut start = 0;
    ends.map(move |end| {
        let part = text.get(start..end).unwrap_or_default();
        start = end + 1;
        part
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn split_commas_splits_like_str_split() {
        for text in ["", ",", "a", "a,b", ",a,,b,", "é,ü", " Mail.Read , x "] {
            let got: Vec<_> = super::split_commas(text).collect();
            let want: Vec<_> = text.split(',').collect();
            assert_eq!(got, want, "{text:?}");
        }
    }
}
