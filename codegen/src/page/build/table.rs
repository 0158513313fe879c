//! Table rows, with the repairs real tables need.
//!
//! A line break inside a cell makes the next line a row of its own (GFM ends a row at
//! the line end): such a continuation row, with no leading `|` in a table written with
//! them, is joined to the cell above (`table-row-continued` note). An unescaped `|`
//! inside a cell makes more cells than the header has, and pulldown-cmark drops the
//! extra ones: their text is added back to the last cell (`table-row-extra-cells`
//! warning).

use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::Builder;
use crate::page::{Block, Link, Row, Table, Text};

/// The table being built.
#[derive(Default)]
pub(super) struct TableState<'a> {
    pub(super) table: Table<'a>,
    /// The body rows so far: the builder's buffer, lent (see [`Builder::table_end`]).
    pub(super) rows: Vec<Row<'a>>,
    pub(super) row: Vec<Text<'a>>,
    pub(super) row_line: u32,
    /// Offset of the row's first event, for its line's text.
    pub(super) row_offset: usize,
    pub(super) in_head: bool,
    /// Whether the header line starts with `|` (then rows without one continue a cell).
    pub(super) piped: bool,
    /// Number of columns (of alignments in the delimiter row).
    pub(super) width: usize,
}

impl<'a> Builder<'a, '_> {
    pub(super) fn table_row_start(&mut self, range: &Range<usize>, head: bool) {
        let offset = self.base + range.start;
        let line = self.lines.line_of(offset);
        if let Some(t) = self.table.as_mut() {
            t.row.clear();
            // Rows have as many cells as the delimiter row has columns (pulldown-cmark
            // pads and cuts).
            t.row.reserve_exact(t.width);
            t.row_line = line;
            t.row_offset = offset;
            t.in_head = head;
        }
    }

    pub(super) fn table_row_end(&mut self) {
        let Some(t) = self.table.as_mut() else { return };
        let mut cells = std::mem::take(&mut t.row);
        if t.in_head {
            t.table.header = cells;
            return;
        }
        // The row's cells are on its line: the cursor is still there.
        let raw = self.lines.line_text(t.row_offset);
        let only_first = cells.iter().skip(1).all(|c| c.text.is_empty());
        if t.piped
            && only_first
            && !raw.trim_start().starts_with('|')
            && let (Some(prev), Some(first)) = (t.rows.last_mut(), cells.first())
        {
            join_cell(prev, first);
            self.diags.note(
                "table-row-continued",
                self.source.at_line(t.row_line),
                "this line continues the table cell above (a line break inside a cell); joined to it",
            );
            return;
        }
        let extra = extra_cells(raw, t.table.header.len());
        if let (Some(extra), Some(last)) = (extra, cells.last_mut()) {
            last.text.to_mut().push_str(" |");
            join_text(last, &inline_text(&extra));
            self.diags
                .warning(
                    "table-row-extra-cells",
                    self.source.at_line(t.row_line),
                    format!(
                        "table row has more cells than the header's {}; the extra text `{extra}` is added to the last cell",
                        t.table.header.len()
                    ),
                )
                .help = Some("escape `|` inside a cell as `\\|`".to_string());
        }
        t.rows.push(Row {
            cells,
            line: t.row_line,
        });
    }

    /// Ends the table: its rows are copied out of the buffer, which goes back to the
    /// builder for the next table.
    pub(super) fn table_end(&mut self) {
        if let Some(mut t) = self.table.take() {
            t.table.rows = super::take_exact(&mut t.rows);
            self.rows = t.rows;
            self.push_block(Block::Table(t.table));
        }
    }
}

/// Appends a continuation line to the last non-empty cell of `row`.
fn join_cell<'a>(row: &mut Row<'a>, more: &Text<'a>) {
    if let Some(cell) = row.cells.iter_mut().rev().find(|c| !c.text.is_empty()) {
        join_text(cell, more);
    }
}

fn join_text<'a>(cell: &mut Text<'a>, more: &Text<'a>) {
    let text = cell.text.to_mut();
    text.push(' ');
    text.push_str(&more.text);
    cell.links.extend(more.links.iter().cloned());
    cell.code.extend(more.code.iter().cloned());
}

/// Inline markdown (the raw text of dropped cells) as a [`Text`] with its code spans
/// and links, owning its texts.
fn inline_text(raw: &str) -> Text<'static> {
    let mut t = Text::default();
    let mut text = String::new();
    let mut link: Option<(usize, String)> = None;
    for event in Parser::new(raw) {
        match event {
            Event::Text(s) => text.push_str(&s),
            Event::Code(s) => {
                text.push_str(&s);
                t.code.push(s.to_string().into());
            }
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::Start(Tag::Link { dest_url, .. }) => {
                link = Some((text.len(), dest_url.to_string()))
            }
            Event::End(TagEnd::Link) => {
                if let Some((at, target)) = link.take() {
                    let text = text.get(at..).unwrap_or("").trim().to_string();
                    t.links.push(Link {
                        text: text.into(),
                        target: target.into(),
                    });
                }
            }
            _ => {}
        }
    }
    t.text = text.trim().to_string().into();
    t
}

/// The raw text of the cells past the header's `width`, joined with ` | `.
fn extra_cells(raw: &str, width: usize) -> Option<String> {
    // n cells have at most n + 1 pipes: most rows are ruled out without splitting.
    if width == 0 || count_pipes(raw) <= width + 1 {
        return None;
    }
    let cells = split_cells(raw);
    if cells.len() <= width {
        return None;
    }
    let extra: Vec<&str> = cells.get(width..)?.iter().map(|c| c.trim()).collect();
    Some(extra.join(" | ")).filter(|e| !e.trim_matches([' ', '|']).is_empty())
}

/// Number of `|` bytes in `raw`. Counted in blocks of at most 255 bytes into a `u8`,
/// a loop the compiler vectorises (a `usize` count or a search per pipe costs 3-5 times
/// more on table rows).
fn count_pipes(raw: &str) -> usize {
    raw.as_bytes()
        .chunks(255)
        .map(|block| block.iter().map(|&b| u8::from(b == b'|')).sum::<u8>())
        .map(usize::from)
        .sum()
}

/// A table line split at unescaped `|`, without the leading and trailing pipe.
fn split_cells(raw: &str) -> Vec<&str> {
    let t = raw.trim();
    let t = t.strip_prefix('|').unwrap_or(t);
    let t = match t.strip_suffix('|') {
        Some(s) if !s.ends_with('\\') => s,
        _ => t,
    };
    let mut cells = Vec::new();
    let mut start = 0;
    let mut escaped = false;
    for (i, c) in t.char_indices() {
        match c {
            '\\' => escaped = !escaped,
            '|' if !escaped => {
                cells.push(&t[start..i]);
                start = i + 1;
            }
            _ => escaped = false,
        }
    }
    cells.push(&t[start..]);
    cells
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_split_at_unescaped_pipes() {
        assert_eq!(split_cells("|a|b \\| c|d|"), ["a", "b \\| c", "d"]);
        assert_eq!(split_cells("a | b"), ["a ", " b"]);
        assert_eq!(
            extra_cells("|x|String|Name (*.plist | *.xml).|", 3).as_deref(),
            Some("*.xml).")
        );
        assert_eq!(extra_cells("|x|String|Name.|", 3), None);
    }

    #[test]
    fn pipes_are_counted_across_blocks() {
        for len in [0, 1, 254, 255, 256, 600] {
            let raw = "|".repeat(len) + "é|x";
            assert_eq!(count_pipes(&raw), len + 1, "{len}");
        }
    }

    #[test]
    fn dropped_cells_keep_their_code_spans() {
        let t = inline_text("~. Possible values are: `notAllow`, `requireAtLeastOne`.");
        assert_eq!(t.code, ["notAllow", "requireAtLeastOne"]);
        assert!(t.text.starts_with("~. Possible values are: notAllow"));
    }
}
