//! The documented success response of an API page.
//!
//! Read from the sentence in the `Response` section or its subsections ("returns a
//! `201 Created` response code and an [x](…) object", "the response is `204 No
//! Content`"). When no sentence gives a status, the status line of a response block
//! in that section, or else of the page's first response example, is used, with a note.

use super::ExampleFragment;
use super::type_text::{self, TypeRef};
use crate::ascii;
use crate::diag::{Diagnostics, Location};
use crate::ir::ExampleKind;
use crate::page::starts_with_lower;
use crate::page::{Page, Section, Text};
use crate::source::Source;
use crate::trim::Trim;

/// What the Response section says.
#[derive(Debug, Clone, PartialEq)]
pub struct ResponseFragment {
    /// Status code.
    pub status: u16,
    /// Returned type (link text), if any.
    pub type_ref: Option<TypeRef>,
    /// Where the sentence (or the status line used instead) is.
    pub source: Location,
}

/// The page's success response; `None` when neither the Response section nor an
/// example gives a status.
pub fn extract(
    source: &Source,
    page: &Page,
    examples: &[ExampleFragment],
    diags: &mut Diagnostics,
) -> Option<ResponseFragment> {
    let trees = page.section_trees(|t| starts_with_lower(t, "response"));
    let sections = || trees.clone().flat_map(|t| t.iter());
    let paragraphs = || sections().flat_map(Section::paragraphs);
    if let Some((p, status, end)) =
        paragraphs().find_map(|p| status_in(&p.text).map(|(s, e)| (p, s, e)))
    {
        let type_ref = (status != 204).then(|| returned_type(p, end)).flatten();
        return Some(ResponseFragment {
            status,
            type_ref,
            source: source.at_line(p.line),
        });
    }
    let (status, line) = status_block(sections()).or_else(|| status_example(examples))?;
    let example = examples
        .iter()
        .find(|e| e.kind == ExampleKind::Response && e.source.line == line);
    let at = source.at_line(line);
    // `response-status-from-example`: the status comes from a block, not a sentence.
    diags.note(
        "response-status-from-example",
        at.clone(),
        format!(
            "the Response section states no status code; {status} is taken from this response block"
        ),
    );
    let type_ref = paragraphs()
        .find_map(|p| ascii::find(&p.text, "return").and_then(|at| returned_type(p, at)))
        .or_else(|| example.and_then(annotated_type));
    Some(ResponseFragment {
        status,
        type_ref: if status == 204 { None } else { type_ref },
        source: at,
    })
}

/// The status and first line of the first code block in the Response sections that
/// starts with a status line.
fn status_block<'s, 'a: 's>(
    mut sections: impl Iterator<Item = &'s Section<'a>>,
) -> Option<(u16, u32)> {
    sections.find_map(|s| {
        s.code_blocks().find_map(|c| {
            let m = super::http::message(&c.text);
            Some((m.status?, c.line))
        })
    })
}

/// The status and first line of the first response example with a status line.
fn status_example(examples: &[ExampleFragment]) -> Option<(u16, u32)> {
    examples
        .iter()
        .filter(|e| e.kind == ExampleKind::Response)
        .find_map(|e| Some((e.message.status?, e.source.line)))
}

/// `@odata.type` of a response example: `microsoft.graph.x` or `Collection(microsoft.graph.x)`.
fn annotated_type(e: &ExampleFragment) -> Option<TypeRef> {
    let t = e.odata_type.as_deref()?.trimmed();
    let (inner, collection) = match type_text::odata_collection(t) {
        (inner, true) => (inner, true),
        (inner, false) => (inner, e.is_collection.unwrap_or(false)),
    };
    type_text::is_type_name(inner).then(|| TypeRef {
        name: type_text::normalise_name(inner),
        collection,
        link: None,
    })
}

/// The first link after byte `from` of the sentence that names a type page.
fn returned_type(p: &Text, from: usize) -> Option<TypeRef> {
    let after = p.text.get(from..)?;
    // `find_short`, not `str::contains`/`find`: these texts are short, and building a
    // two-way searcher for every link cost more than the searches.
    let link = p.links.iter().find(|l| {
        let page_link =
            super::find_short(&l.target, "resources/").is_some() || !l.target.contains(['/', '#']);
        page_link
            && type_text::is_type_name(l.text.trimmed())
            && super::find_short(after, &l.text).is_some()
    })?;
    let at = super::find_short(after, &link.text)?;
    let before = after.get(..at)?.trimmed_end();
    let tail = after.get(at + link.text.len()..)?.trimmed_start();
    let collection = ascii::starts_with(tail, "collection")
        || ["collection of", "list of", "array of"]
            .iter()
            .any(|w| ascii::ends_with(before, w));
    Some(TypeRef {
        name: type_text::normalise_name(&link.text),
        collection,
        link: Some(link.target.to_string()),
    })
}

/// The first 3-digit HTTP status in a sentence that mentions returning or the response,
/// and where it ends.
pub fn status_in(text: &str) -> Option<(u16, usize)> {
    // Each word is looked for by a letter rarer in prose than its first (`r`, `s`).
    let from = [("return", 3), ("respon", 3), ("success", 1)]
        .iter()
        .filter_map(|&(word, pivot)| super::find_ignoring_case_by(text, word, pivot))
        .min()?;
    let bytes = text.as_bytes();
    let end = bytes.len().saturating_sub(2);
    // Most bytes are no digit from 1 to 5: that is checked first, on its own.
    let mut starts =
        (from..end).filter(|&i| bytes.get(i).is_some_and(|b| (b'1'..=b'5').contains(b)));
    starts.find_map(|i| status_at(bytes, i))
}

/// The status whose three digits start at byte `i`, with no digit on either side, and
/// the offset just past it.
fn status_at(bytes: &[u8], i: usize) -> Option<(u16, usize)> {
    let three = bytes.get(i..i + 3)?;
    let boundary_before = i == 0 || bytes.get(i - 1).is_none_or(|b| !b.is_ascii_digit());
    let boundary_after = bytes.get(i + 3).is_none_or(|b| !b.is_ascii_digit());
    let digits = three.iter().all(u8::is_ascii_digit);
    (digits && boundary_before && boundary_after).then(|| {
        let status = three.iter().fold(0, |n, d| n * 10 + u16::from(d - b'0'));
        (status, i + 3)
    })
}

#[cfg(test)]
mod tests;
