//! Enum tables (`### allowedAudiences values` + `|Member|`, or `Member|Value|Description`).

use super::EnumFragment;
use crate::diag::Diagnostics;
use crate::ir::EnumMember;
use crate::page::{Page, Section, Table};
use crate::source::Source;
use crate::trim::Trim;

/// Every enum the page defines by table.
pub fn extract(source: &Source, page: &Page, diags: &mut Diagnostics) -> Vec<EnumFragment> {
    let page_title = page.title().map_or("", |t| &*t.title);
    // By its `u`: titles hold many spaces, few `u`s.
    let enum_page = super::find_ignoring_case_by(page_title, " enum", 3).is_some();
    let mut out = Vec::new();
    for section in &page.sections {
        let Some(name) = enum_name(section, page_title, enum_page) else {
            continue;
        };
        for table in section.tables() {
            let Some(members) = members(source, table, diags) else {
                continue;
            };
            out.push(EnumFragment {
                name: name.clone(),
                description: section
                    .paragraphs()
                    .next()
                    .map(|p| p.text.to_string())
                    .unwrap_or_default(),
                members,
                source: source.at_line(section.line),
            });
        }
    }
    out
}

/// `allowedAudiences values` → `allowedAudiences`; an `X enum type` page's member table → `X`.
fn enum_name(section: &Section, page_title: &str, enum_page: bool) -> Option<String> {
    // Most sections are neither: a title whose end is no ` values` is not one, and
    // trimming its start is not needed to know that.
    if !enum_page && !crate::ascii::ends_with(section.title.trimmed_end(), " values") {
        return None;
    }
    let title = section.title.trimmed();
    let cut = title.len().saturating_sub(" values".len());
    let values = cut > 0
        && title
            .get(cut..)
            .is_some_and(|t| t.eq_ignore_ascii_case(" values"));
    let from = if values {
        title.get(..cut)?.trimmed()
    } else if enum_page {
        page_title.split_whitespace().next()?
    } else {
        return None;
    };
    let name = from.trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '_');
    let single_word = !name.is_empty() && !name.contains(' ');
    single_word.then(|| name.to_string())
}

/// Members of a `Member` (or `Name`, or `Value` holding names) table; `None` if the
/// table is not an enum table.
fn members(source: &Source, table: &Table, diags: &mut Diagnostics) -> Option<Vec<EnumMember>> {
    let (member, value) = member_columns(table)?;
    let desc = table.column(|h| h.starts_with("description"));
    // At most one member a row: allocated once rather than grown.
    let mut out: Vec<EnumMember> = Vec::with_capacity(table.rows.len());
    for (i, row) in table.rows.iter().enumerate() {
        let name = row
            .cells
            .get(member)
            .map(|c| c.text.trimmed().trim_matches('`').trimmed())
            .unwrap_or("");
        if name.is_empty() || name.contains(' ') {
            diags.warning(
                "enum-member-invalid",
                source.at_line(row.line),
                format!("enum table row has no usable member name (`{name}`); row skipped"),
            );
            continue;
        }
        let number = value
            .and_then(|v| row.cells.get(v))
            .and_then(|c| c.text.trimmed().parse::<i64>().ok());
        out.push(EnumMember {
            name: name.to_string(),
            value: number.unwrap_or(i as i64),
            description: desc
                .and_then(|d| row.cells.get(d))
                .map(|c| c.text.to_string())
                .unwrap_or_default(),
        });
    }
    Some(out)
}

/// The member-name column and the numeric-value column. A table without a `Member`
/// column whose `Value` column holds names (`| Value | Description |`) uses that.
fn member_columns(table: &Table) -> Option<(usize, Option<usize>)> {
    let value = table.column(|h| matches!(h, "value" | "int value" | "intvalue" | "numeric value"));
    if let Some(member) = table.column(|h| h == "member" || h == "name" || h == "members") {
        return Some((member, value));
    }
    // `| Value |` tables also list plain string values (`JIS B4`): only names make an enum.
    let value = value?;
    let names = table.rows.iter().all(|r| {
        r.cells.get(value).is_some_and(|c| {
            let t = c.text.trimmed().trim_matches('`');
            !t.is_empty() && t.parse::<i64>().is_err() && !t.contains(char::is_whitespace)
        })
    });
    names.then_some((value, None))
}
