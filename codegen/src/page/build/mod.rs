//! Folds pulldown-cmark events into a [`Page`].

use std::borrow::Cow;
use std::cell::Cell;
use std::ops::Range;

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};

mod code;
mod html;
mod joined;
mod pieces;
mod table;

use joined::Joined;
use pieces::{cow, discard, is_directive, take_exact, trim};
use table::TableState;

use super::{Annotation, Block, CodeBlock, Link, Page, Row, Section, Table, Text};
use crate::diag::Diagnostics;
use crate::source::{LineCursor, Source};

pub(super) fn build<'a>(source: &'a Source, diags: &mut Diagnostics) -> Page<'a> {
    let (front_matter, body_start) = super::front_matter::split(source, diags);
    let mut b = Builder {
        source,
        lines: source.cursor(),
        base: body_start,
        sections: first_section(),
        blocks: Vec::with_capacity(32),
        open: None,
        inline_links: Vec::new(),
        inline_code: Vec::new(),
        // The copy buffers come from the previous page on this thread (see `BUFFERS`).
        buf: Joined::with_buffer(&source.text, BUFFERS.take()),
        links: Vec::new(),
        table: None,
        rows: Vec::new(),
        code: None,
        code_text: Joined::with_buffer(&source.text, CODE_BUFFERS.take()),
        fenced: false,
        html: None,
        html_text: Joined::new(&source.text, 0),
        pending: None,
        diags,
    };
    // An unclosed fence swallows the rest of the page: the builder ends the block where
    // it must have ended and asks for the rest to be parsed again from there.
    let mut start = body_start;
    loop {
        b.base = start;
        let segment = source.text.get(start..).unwrap_or("");
        let restart = Parser::new_ext(segment, Options::ENABLE_TABLES)
            .into_offset_iter()
            .find_map(|(event, range)| b.event(event, range));
        match restart {
            Some(offset) if offset > 0 => start += offset,
            _ => break,
        }
    }
    b.flush_pending();
    b.close_section();
    BUFFERS.set(b.buf.into_buffer());
    CODE_BUFFERS.set(b.code_text.into_buffer());
    Page {
        path: &source.path,
        front_matter,
        sections: b.sections,
    }
}

thread_local! {
    /// The buffers of the texts and code blocks that are copies, kept from one page to
    /// the next on each thread: they are allocated (and grown) once, not on every page.
    static BUFFERS: Cell<String> = const { Cell::new(String::new()) };
    static CODE_BUFFERS: Cell<String> = const { Cell::new(String::new()) };
}

struct Builder<'a, 'd> {
    source: &'a Source,
    /// Lines of event offsets, which arrive in (nearly) increasing order.
    lines: LineCursor<'a>,
    base: usize,
    sections: Vec<Section<'a>>,
    /// Blocks of the last section, moved into it when it ends (see [`take_exact`]).
    blocks: Vec<Block<'a>>,
    /// Line and column of the open paragraph, heading, item or cell; its text is
    /// collected in `buf`, its links and code spans in `inline_links` and `inline_code`
    /// (the [`Text`] is made once, when it closes, rather than moved around while open;
    /// it gets exact-size copies of them, see [`take_exact`]).
    open: Option<(u32, u32)>,
    inline_links: Vec<Link<'a>>,
    inline_code: Vec<Cow<'a, str>>,
    /// Text of `inline` while it is open. One buffer serves the whole page, and each
    /// closed text that is not a slice of the source gets an exact-size copy of its
    /// trimmed part: no buffer sized for the worst case (an item's markdown spans its
    /// nested lists) is kept per text.
    buf: Joined<'a>,
    /// Start offsets (in `buf`) and targets of open links.
    links: Vec<(usize, Cow<'a, str>)>,
    table: Option<TableState<'a>>,
    /// The rows buffer, lent to each table while it is open (see [`take_exact`]).
    rows: Vec<Row<'a>>,
    /// The open code block, its text in `code_text` until it closes.
    code: Option<CodeBlock<'a>>,
    code_text: Joined<'a>,
    /// Whether the open code block is fenced (not indented).
    fenced: bool,
    /// Line of the open HTML block, its text in `html_text`.
    html: Option<u32>,
    html_text: Joined<'a>,
    pending: Option<Annotation>,
    diags: &'d mut Diagnostics,
}

impl<'a> Builder<'a, '_> {
    fn line_col(&mut self, range: &Range<usize>) -> (u32, u32) {
        self.lines.line_col(self.base + range.start)
    }

    fn line(&mut self, range: &Range<usize>) -> u32 {
        self.lines.line_of(self.base + range.start)
    }

    /// Folds one event in; returns the offset (in the parsed text) to parse again from
    /// when a code block turned out not to be closed.
    ///
    /// The arms that keep nothing of an event that owns nothing forget it: dropping it
    /// would call the drop glue, which does not know the variant (2 calls in 3 events).
    fn event(&mut self, event: Event<'a>, range: Range<usize>) -> Option<usize> {
        match event {
            Event::Text(t) => self.text(&t),
            Event::End(tag) => {
                std::mem::forget(event);
                return self.end(tag, &range);
            }
            Event::Start(tag) => self.start(tag, &range),
            Event::SoftBreak | Event::HardBreak => {
                std::mem::forget(event);
                self.push_text(" ");
            }
            Event::Code(t) if self.open.is_some() => {
                self.buf.push_cow(&t);
                self.inline_code.push(cow(t));
            }
            Event::Html(h) => self.html_text(&h, &range),
            Event::InlineHtml(h) => self.inline_html(&h, &range),
            _ => {}
        }
        None
    }

    fn start(&mut self, tag: Tag<'a>, range: &Range<usize>) {
        match tag {
            Tag::Link { dest_url, .. } => {
                let at = if self.open.is_some() {
                    self.buf.len()
                } else {
                    0
                };
                self.links.push((at, cow(dest_url)));
            }
            Tag::CodeBlock(kind) => {
                let line = self.line(range);
                self.code_start(kind, line);
            }
            tag => {
                self.start_other(&tag, range);
                discard(tag);
            }
        }
    }

    /// Opens the tags that keep nothing of theirs.
    fn start_other(&mut self, tag: &Tag<'_>, range: &Range<usize>) {
        // Lines are looked up only for tags that keep one (most tags are inline).
        match tag {
            Tag::Heading { .. } | Tag::Paragraph | Tag::Item | Tag::TableCell
                if self.open.is_none() =>
            {
                self.open = Some(self.line_col(range));
                self.buf.clear();
            }
            Tag::Table(columns) => {
                let line = self.line(range);
                self.flush_pending();
                let header = self.lines.line_text(self.base + range.start);
                let piped = header.trim_start().starts_with('|');
                self.table = Some(TableState {
                    table: Table {
                        line,
                        ..Table::default()
                    },
                    rows: std::mem::take(&mut self.rows),
                    piped,
                    width: columns.len(),
                    ..TableState::default()
                });
            }
            Tag::TableHead => self.table_row_start(range, true),
            Tag::TableRow => self.table_row_start(range, false),
            Tag::HtmlBlock => {
                self.html = Some(self.line(range));
                self.html_text.clear();
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd, range: &Range<usize>) -> Option<usize> {
        match tag {
            TagEnd::CodeBlock => return self.code_end(range),
            TagEnd::Heading(level) => {
                if let Some(t) = self.take_inline() {
                    self.heading(level as u8, t);
                }
            }
            TagEnd::Paragraph | TagEnd::Item => {
                if let Some(t) = self.take_inline() {
                    self.paragraph(t);
                }
            }
            TagEnd::Link => self.link_end(range),
            TagEnd::TableCell => {
                let cell = self.take_inline().unwrap_or_default();
                if let Some(t) = self.table.as_mut() {
                    t.row.push(cell);
                }
            }
            TagEnd::TableHead | TagEnd::TableRow => self.table_row_end(),
            TagEnd::Table => self.table_end(),
            TagEnd::HtmlBlock => self.html_end(),
            _ => {}
        }
        None
    }

    fn text(&mut self, t: &CowStr<'a>) {
        if self.code.is_some() {
            self.code_text.push_cow(t);
        } else if self.html.is_some() {
            self.html_text.push_cow(t);
        } else if self.open.is_some() {
            self.buf.push_cow(t);
        }
    }

    fn push_text(&mut self, t: &str) {
        if self.open.is_some() {
            self.buf.push_str(t);
        }
    }

    /// Closes the open text: its text is `buf` trimmed, its column moved past the
    /// leading whitespace.
    #[inline]
    fn take_inline(&mut self) -> Option<Text<'a>> {
        let (line, col) = self.open.take()?;
        let (text, lead) = self.buf.take_trimmed();
        Some(Text {
            text,
            links: take_exact(&mut self.inline_links),
            code: take_exact(&mut self.inline_code),
            line,
            col: col + lead,
        })
    }

    /// Ends a link; `range` is its markdown, from its `[` (or `<`) on.
    fn link_end(&mut self, range: &Range<usize>) {
        let Some((at, target)) = self.links.pop() else {
            return;
        };
        if self.open.is_some() {
            // The link text is written after the link's first character.
            let written = self
                .source
                .text
                .get(self.base + range.start + 1..self.base + range.end)
                .unwrap_or("");
            let text = self.buf.trimmed_from(at, written);
            self.inline_links.push(Link { text, target });
        }
    }

    /// `t` is trimmed already (see [`Self::take_inline`]).
    fn heading(&mut self, level: u8, t: Text<'a>) {
        let title = t.text;
        // DocFX tab markers (`# [HTTP](#tab/http)`) and includes are not sections.
        let is_tab = t.links.iter().any(|l| l.target.starts_with("#tab/"));
        if is_tab || is_directive(&title) {
            return;
        }
        self.flush_pending();
        self.close_section();
        self.sections.push(Section {
            level,
            title,
            line: t.line,
            blocks: Vec::new(),
        });
    }

    /// `t` is trimmed already (see [`Self::take_inline`]).
    fn paragraph(&mut self, t: Text<'a>) {
        if t.text.is_empty() || is_directive(&t.text) {
            return;
        }
        self.push_block(Block::Paragraph(t));
    }

    #[inline]
    fn push_block(&mut self, block: Block<'a>) {
        if !matches!(block, Block::Code(_)) {
            self.flush_pending();
        }
        self.blocks.push(block);
    }

    fn flush_pending(&mut self) {
        if let Some(a) = self.pending.take() {
            self.blocks.push(Block::Annotation(a));
        }
    }

    /// Gives the last section its blocks.
    fn close_section(&mut self) {
        if let Some(s) = self.sections.last_mut() {
            s.blocks = take_exact(&mut self.blocks);
        }
    }
}

/// The sections vector with the preamble; pages have about ten sections, so most
/// vectors are not reallocated as headings come.
fn first_section<'a>() -> Vec<Section<'a>> {
    let mut sections = Vec::with_capacity(16);
    sections.push(Section::default());
    sections
}

#[cfg(test)]
mod tests;
