//! Annotated example blocks (`<!-- { "blockType": "request" } -->` + fenced HTTP).

use super::http::{self, Message};
use crate::diag::{Diagnostics, Location};
use crate::ir::ExampleKind;
use crate::json_repair;
use crate::page::{BlockType, CodeBlock, Page};
use crate::source::Source;
use crate::trim::Trim;

/// One example block, parsed but not yet typed.
#[derive(Debug, Clone, PartialEq)]
pub struct ExampleFragment {
    /// Request or response.
    pub kind: ExampleKind,
    /// Annotation `name`.
    pub name: Option<String>,
    /// Start line, headers and body text.
    pub message: Message,
    /// The parsed JSON body, if any.
    pub body: Option<serde_json::Value>,
    /// Annotation `@odata.type` as written.
    pub odata_type: Option<String>,
    /// Annotation `isCollection`.
    pub is_collection: Option<bool>,
    /// Annotation `truncated`.
    pub truncated: bool,
    /// First content line of the block.
    pub source: Location,
    /// First line of the body, when there is one.
    pub body_source: Option<Location>,
}

/// Every annotated request or response block of the page, in order.
pub fn extract(source: &Source, page: &Page, diags: &mut Diagnostics) -> Vec<ExampleFragment> {
    page.code_blocks()
        .filter_map(|c| example(source, c, diags))
        .collect()
}

fn example(source: &Source, code: &CodeBlock, diags: &mut Diagnostics) -> Option<ExampleFragment> {
    let a = code.annotation.as_ref()?;
    let kind = match a.block_type? {
        BlockType::Request => ExampleKind::Request,
        BlockType::Response => ExampleKind::Response,
        _ => return None,
    };
    let message = http::message(&code.text);
    let body_line = code.line + message.body_offset;
    let body_source = (!message.body.trimmed().is_empty()).then(|| source.at_line(body_line));
    let body = body_source
        .as_ref()
        .and_then(|at| parse_body(&message, at, diags));
    Some(ExampleFragment {
        kind,
        name: a.name.as_deref().map(str::to_string),
        odata_type: a
            .odata_type
            .as_deref()
            .map(|t| t.trimmed().trim_start_matches('#').to_string()),
        is_collection: a.is_collection,
        truncated: a.truncated,
        source: source.at_line(code.line),
        body_source,
        message,
        body,
    })
}

/// Whether an example message has a body that should be JSON: a non-empty body with a
/// JSON content type, or, without a content type, starting with `{` or `[`.
pub fn looks_like_json(m: &Message) -> bool {
    let body = m.body.trimmed_start();
    if body.is_empty() {
        return false;
    }
    let content_type = m
        .headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("content-type"))
        .map(|(_, v)| v);
    match content_type {
        Some(ct) => crate::ascii::contains(ct, "json"),
        None => body.starts_with(['{', '[']),
    }
}

fn parse_body(m: &Message, at: &Location, diags: &mut Diagnostics) -> Option<serde_json::Value> {
    if !looks_like_json(m) {
        return None;
    }
    match json_repair::parse(&m.body) {
        Ok(p) => {
            if !p.repairs.is_empty() {
                diags
                    .warning(
                        "example-json-repaired",
                        at.clone(),
                        "example body is not valid JSON; it was read after repair",
                    )
                    .help = Some(format!(
                    "the body parses after these fixes: {}",
                    p.repairs.join(", ")
                ));
            }
            Some(p.value)
        }
        Err(e) => {
            let mut place = at.clone();
            place.line += e.line.saturating_sub(1);
            place.col = e.col;
            diags.error(
                "example-json-invalid",
                place,
                format!(
                    "example body is not valid JSON: {}; the body is skipped",
                    e.message
                ),
            );
            None
        }
    }
}
