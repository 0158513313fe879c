//! API pages → an [`OperationFragment`].

use std::collections::BTreeMap;

use heck::ToLowerCamelCase;

use super::description;
use super::examples::{self, ExampleFragment};
use super::http::{self, RequestLine};
use super::properties::{self, PropertyRow};
use super::type_text::{self, TypeRef};
use crate::diag::{Diagnostics, Location};
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
    /// The type named by "supply a JSON representation of [X]".
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

/// What the Response section's sentence says.
#[derive(Debug, Clone, PartialEq)]
pub struct ResponseFragment {
    /// Status code.
    pub status: u16,
    /// Returned type (link text), if any.
    pub type_ref: Option<TypeRef>,
    /// Where the sentence is.
    pub source: Location,
}

/// Extracts the operation of an API page; `None` when the page has no HTTP request block.
pub fn extract(source: &Source, page: &Page, diags: &mut Diagnostics) -> Option<OperationFragment> {
    let lines = request_lines(source, page, diags)?;
    let title = page.title();
    let title_text = title.map(|t| t.title.clone()).unwrap_or_default();
    let name = title_text.to_lower_camel_case();
    let at = title.map_or_else(|| Location::file(&source.path), |t| source.at_line(t.line));
    let method = lines[0].method.clone();
    let (paths, others): (Vec<_>, Vec<_>) = lines.into_iter().partition(|l| l.method == method);
    for other in others {
        diags.warning(
            "request-lines-mixed-methods",
            source.at_line(other.line),
            format!("request line uses {} but the block's first line uses {method}; line not part of this operation", other.method),
        );
    }
    let (request_type, request_rows) = request_body(source, page, diags);
    Some(OperationFragment {
        name: if name.is_empty() {
            fallback_name(&source.path)
        } else {
            name
        },
        title: title_text,
        description: description(page),
        method,
        paths,
        request_type,
        request_rows,
        response: response(source, page),
        permissions: permissions(page),
        examples: examples::extract(source, page, diags),
        source: at,
    })
}

fn fallback_name(path: &str) -> String {
    let file = path.rsplit('/').next().unwrap_or(path);
    file.strip_suffix(".md")
        .unwrap_or(file)
        .to_lower_camel_case()
}

/// Request lines of the code blocks under `HTTP request`; `None` if there is no such block.
fn request_lines(
    source: &Source,
    page: &Page,
    diags: &mut Diagnostics,
) -> Option<Vec<RequestLine>> {
    let section = page
        .sections
        .iter()
        .find(|s| s.title.to_ascii_lowercase().starts_with("http request"))?;
    let mut lines = Vec::new();
    for block in section.code_blocks() {
        for (i, text) in block.text.lines().enumerate() {
            let line = block.line + i as u32;
            let trimmed = text.trim();
            if trimmed.is_empty() || trimmed.starts_with("//") || trimmed.starts_with('#') {
                continue;
            }
            match http::request_line(trimmed, line) {
                Some(r) => lines.push(r),
                None => {
                    diags.warning(
                        "request-line-invalid",
                        source.at_line(line),
                        format!(
                            "expected `METHOD /path` in the HTTP request block, found `{trimmed}`"
                        ),
                    );
                }
            }
        }
    }
    if lines.is_empty() {
        diags.warning(
            "request-block-empty",
            source.at_line(section.line),
            "the HTTP request section has no request line; no operation generated",
        );
        return None;
    }
    Some(lines)
}

fn request_body(
    source: &Source,
    page: &Page,
    diags: &mut Diagnostics,
) -> (Option<TypeRef>, Vec<PropertyRow>) {
    let mut ty = None;
    let mut rows = Vec::new();
    for s in page.sections_where(|t| t.to_ascii_lowercase().starts_with("request body")) {
        ty = ty.or_else(|| s.paragraphs().find_map(representation_of));
        for table in s.tables().filter(|t| properties::is_property_table(t)) {
            rows.extend(properties::read_table(source, table, diags));
        }
    }
    (ty, rows)
}

/// "supply a JSON representation of the [itemPublication](...) object" → `itemPublication`.
fn representation_of(p: &Text) -> Option<TypeRef> {
    let lower = p.text.to_ascii_lowercase();
    let at = lower.find("representation of")?;
    let after = &p.text[at..];
    let link = p
        .links
        .iter()
        .find(|l| after.contains(l.text.as_str()) && l.target.contains("resources/"))?;
    let tail = &after[after.find(link.text.as_str()).unwrap_or(0) + link.text.len()..];
    let collection = tail
        .trim_start()
        .to_ascii_lowercase()
        .starts_with("collection");
    Some(TypeRef {
        name: type_text::normalise_name(&link.text),
        collection,
        link: Some(link.target.clone()),
    })
}

/// "returns a `201 Created` response code and an [itemPublication](...) object".
fn response(source: &Source, page: &Page) -> Option<ResponseFragment> {
    let section = page
        .sections
        .iter()
        .find(|s| s.title.eq_ignore_ascii_case("response"))?;
    let p = section
        .paragraphs()
        .find(|p| status_in(&p.text).is_some())?;
    let (status, end) = status_in(&p.text)?;
    let after = &p.text[end..];
    let type_ref = p
        .links
        .iter()
        .filter(|l| l.target.contains("resources/") || !l.target.contains('/'))
        .find(|l| after.contains(l.text.as_str()))
        .map(|l| {
            let tail = &after[after.find(l.text.as_str()).unwrap_or(0) + l.text.len()..];
            TypeRef {
                name: type_text::normalise_name(&l.text),
                collection: tail
                    .trim_start()
                    .to_ascii_lowercase()
                    .starts_with("collection"),
                link: Some(l.target.clone()),
            }
        });
    Some(ResponseFragment {
        status,
        type_ref: if status == 204 { None } else { type_ref },
        source: source.at_line(p.line),
    })
}

/// The first 3-digit HTTP status in a sentence that mentions returning, and where it ends.
fn status_in(text: &str) -> Option<(u16, usize)> {
    let lower = text.to_ascii_lowercase();
    let from = lower.find("return")?;
    let bytes = text.as_bytes();
    (from..bytes.len().saturating_sub(2)).find_map(|i| {
        let three = bytes.get(i..i + 3)?;
        let boundary_before = i == 0 || !bytes[i - 1].is_ascii_digit();
        let boundary_after = bytes.get(i + 3).is_none_or(|b| !b.is_ascii_digit());
        let digits = three.iter().all(u8::is_ascii_digit) && (b'1'..=b'5').contains(&three[0]);
        let status: u16 = std::str::from_utf8(three).ok()?.parse().ok()?;
        (digits && boundary_before && boundary_after).then_some((status, i + 3))
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
                let list = p
                    .text
                    .split(',')
                    .map(|x| x.trim().to_string())
                    .filter(|x| !x.is_empty())
                    .collect();
                out.insert(k.text.trim().to_string(), list);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_codes_in_response_sentences() {
        assert_eq!(
            status_in("this method returns a `201 Created` response").map(|s| s.0),
            Some(201)
        );
        assert_eq!(
            status_in("returns `201, Created` response code").map(|s| s.0),
            Some(201)
        );
        assert_eq!(status_in("If successful, returns 2040 things"), None);
        assert_eq!(status_in("no verb 200 here"), None);
    }
}
