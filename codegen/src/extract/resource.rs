//! Resource pages → a [`TypeFragment`].

use super::properties::{self, PropertyRow};
use super::{TypeFragment, description};
use crate::ascii;
use crate::diag::{Diagnostics, Location};
use crate::page::starts_with_lower;
use crate::page::{Annotation, Block, BlockType, Page};
use crate::source::Source;
use crate::trim::Trim;

/// Extracts the type a resource page defines, if it defines one.
pub fn extract(source: &Source, page: &Page, diags: &mut Diagnostics) -> Option<TypeFragment> {
    let annotation = resource_annotation(page);
    let properties = rows_under(source, page, "properties", diags);
    let navigation = rows_under(source, page, "relationships", diags);
    if annotation.is_none() && properties.is_none() && navigation.is_none() {
        return None;
    }
    let title = page.title();
    let name = annotation
        .and_then(|a| a.odata_type.as_deref())
        .map(|t| t.trimmed().trim_start_matches('#').to_string())
        .filter(|t| !t.is_empty())
        .or_else(|| title.and_then(|t| name_from_title(&t.title)))
        .unwrap_or_else(|| file_stem(&source.path));
    let properties = properties.unwrap_or_default();
    let base = annotation
        .and_then(|a| a.base_type.as_deref())
        .map(|b| b.trimmed().trim_start_matches('#').to_string())
        .filter(|b| !b.is_empty())
        .or_else(|| inherits_from(page));
    let has_key = annotation.is_some_and(|a| a.has_key_property);
    Some(TypeFragment {
        name,
        base,
        description: description(page),
        has_key,
        properties,
        navigation: navigation.unwrap_or_default(),
        source: title.map_or_else(|| Location::file(&source.path), |t| source.at_line(t.line)),
    })
}

/// `itemPublication resource type` → `itemPublication`.
fn name_from_title(title: &str) -> Option<String> {
    let first = title.split_whitespace().next()?;
    let name = first.trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '_');
    (!name.is_empty()).then(|| name.to_string())
}

fn file_stem(path: &str) -> String {
    let file = path.rsplit('/').next().unwrap_or(path);
    file.strip_suffix(".md").unwrap_or(file).to_string()
}

/// The annotation with `"blockType": "resource"`, wherever it is on the page.
fn resource_annotation<'p>(page: &'p Page) -> Option<&'p Annotation> {
    let is_resource = |a: &&Annotation| a.block_type_is(BlockType::Resource);
    page.sections
        .iter()
        .flat_map(|s| &s.blocks)
        .find_map(|b| match b {
            Block::Code(c) => c.annotation.as_ref().filter(is_resource),
            Block::Annotation(a) => Some(a).filter(is_resource),
            _ => None,
        })
}

/// Rows of the property tables in sections titled `heading` (`Properties`,
/// `Relationships`); `Some(empty)` when such a section says `None`; `None` when there is
/// no such section with a table.
///
/// Sections such as `Properties of a token lifetime policy definition` describe JSON
/// kept in a string property, not the type, and are not read.
fn rows_under(
    source: &Source,
    page: &Page,
    heading: &str,
    diags: &mut Diagnostics,
) -> Option<Vec<PropertyRow>> {
    let sections = || page.sections_where(|t| is_heading(t, heading));
    let mut rows = Vec::new();
    let mut any_table = false;
    for table in sections().flat_map(|s| s.tables()) {
        any_table |= properties::read_table_into(source, table, &mut rows, diags);
    }
    if !any_table {
        let says_none = sections().flat_map(|s| s.paragraphs()).any(|p| {
            let t = p.text.trimmed().trim_end_matches('.');
            t.eq_ignore_ascii_case("none")
        });
        return says_none.then(Vec::new);
    }
    Some(rows)
}

fn is_heading(title: &str, word: &str) -> bool {
    // The word is letters, which trailing whitespace cannot match: most titles are
    // rejected before the end is trimmed.
    let t = title.trimmed_start();
    if !ascii::starts_with(t, word) {
        return false;
    }
    let t = t.trimmed_end();
    !starts_with_lower(t.get(word.len()..).unwrap_or(""), "of ")
}

/// `Inherits from [entity](entity.md).` (or `Derived from [x](x.md)`) anywhere in the
/// page's paragraphs.
fn inherits_from(page: &Page) -> Option<String> {
    page.sections
        .iter()
        .flat_map(|s| s.paragraphs())
        .find_map(|p| {
            // Each phrase by the `f` of `from`, rarer in prose than its first letter.
            let (at, len) = [("inherits from", 9), ("derived from", 8)]
                .iter()
                .find_map(|&(phrase, pivot)| {
                    let at = super::find_ignoring_case_by(&p.text, phrase, pivot)?;
                    Some((at, phrase.len()))
                })?;
            let after = p.text.get(at + len..)?.trimmed_start();
            let after = ["the ", "an ", "a "]
                .iter()
                .find_map(|article| after.strip_prefix(article))
                .unwrap_or(after);
            p.links
                .iter()
                .find(|l| !l.text.is_empty() && after.starts_with(&*l.text))
                .map(|l| l.text.to_string())
        })
}
