//! Folds pulldown-cmark events into a [`Page`].

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

mod code;
mod table;

use table::TableState;

use super::{Annotation, Block, CodeBlock, Link, Page, Section, Table, Text, annotation_body};
use crate::diag::Diagnostics;
use crate::json_repair;
use crate::source::{LineCursor, Source};

pub(super) fn build(source: &Source, diags: &mut Diagnostics) -> Page {
    let (front_matter, body_start) = super::front_matter::split(source, diags);
    let mut b = Builder {
        source,
        lines: source.cursor(),
        base: body_start,
        sections: vec![Section::default()],
        inline: None,
        links: Vec::new(),
        table: None,
        code: None,
        fenced: false,
        html: None,
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
    Page {
        path: source.path.clone(),
        front_matter,
        sections: b.sections,
    }
}

struct Builder<'a, 'd> {
    source: &'a Source,
    /// Lines of event offsets, which arrive in (nearly) increasing order.
    lines: LineCursor<'a>,
    base: usize,
    sections: Vec<Section>,
    inline: Option<Text>,
    /// Start offsets (in `inline.text`) and targets of open links.
    links: Vec<(usize, String)>,
    table: Option<TableState>,
    code: Option<CodeBlock>,
    /// Whether the open code block is fenced (not indented).
    fenced: bool,
    html: Option<(String, u32)>,
    pending: Option<Annotation>,
    diags: &'d mut Diagnostics,
}

impl Builder<'_, '_> {
    fn line_col(&mut self, range: &Range<usize>) -> (u32, u32) {
        self.lines.line_col(self.base + range.start)
    }

    fn line(&mut self, range: &Range<usize>) -> u32 {
        self.lines.line_of(self.base + range.start)
    }

    /// Folds one event in; returns the offset (in the parsed text) to parse again from
    /// when a code block turned out not to be closed.
    fn event(&mut self, event: Event<'_>, range: Range<usize>) -> Option<usize> {
        match event {
            Event::Start(tag) => self.start(tag, &range),
            Event::End(TagEnd::CodeBlock) => return self.code_end(&range),
            Event::End(tag) => self.end(tag),
            Event::Text(t) => self.text(&t),
            Event::Code(t) => {
                if let Some(i) = self.inline.as_mut() {
                    i.text.push_str(&t);
                    i.code.push(t.to_string());
                }
            }
            Event::SoftBreak | Event::HardBreak => self.push_text(" "),
            Event::Html(h) => self.html_text(&h, &range),
            Event::InlineHtml(h) => self.inline_html(&h, &range),
            _ => {}
        }
        None
    }

    fn start(&mut self, tag: Tag<'_>, range: &Range<usize>) {
        // Lines are looked up only for tags that keep one (most tags are inline).
        match tag {
            Tag::Heading { .. } | Tag::Paragraph | Tag::Item | Tag::TableCell
                if self.inline.is_none() =>
            {
                let (line, col) = self.line_col(range);
                self.inline = Some(Text {
                    // The text is at most as long as its markdown.
                    text: String::with_capacity(range.len()),
                    line,
                    col,
                    ..Text::default()
                });
            }
            Tag::Link { dest_url, .. } => {
                let at = self.inline.as_ref().map_or(0, |i| i.text.len());
                self.links.push((at, dest_url.to_string()));
            }
            Tag::Table(_) => {
                let line = self.line(range);
                self.flush_pending();
                let piped = self.source.line_text(line).trim_start().starts_with('|');
                self.table = Some(TableState {
                    table: Table {
                        line,
                        ..Table::default()
                    },
                    piped,
                    ..TableState::default()
                });
            }
            Tag::TableHead => {
                let line = self.line(range);
                self.table_row_start(line, true);
            }
            Tag::TableRow => {
                let line = self.line(range);
                self.table_row_start(line, false);
            }
            Tag::CodeBlock(kind) => {
                let line = self.line(range);
                self.code_start(kind, line);
            }
            Tag::HtmlBlock => self.html = Some((String::new(), self.line(range))),
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(level) => {
                if let Some(t) = self.inline.take() {
                    self.heading(level as u8, t);
                }
            }
            TagEnd::Paragraph | TagEnd::Item => {
                if let Some(t) = self.inline.take() {
                    self.paragraph(t);
                }
            }
            TagEnd::Link => self.link_end(),
            TagEnd::TableCell => {
                let cell = self.inline.take().unwrap_or_default();
                if let Some(t) = self.table.as_mut() {
                    t.row.push(trimmed(cell));
                }
            }
            TagEnd::TableHead | TagEnd::TableRow => self.table_row_end(),
            TagEnd::Table => {
                if let Some(t) = self.table.take() {
                    self.push_block(Block::Table(t.table));
                }
            }
            TagEnd::HtmlBlock => self.html_end(),
            _ => {}
        }
    }

    fn text(&mut self, t: &str) {
        if let Some(code) = self.code.as_mut() {
            code.text.push_str(t);
        } else if let Some((html, _)) = self.html.as_mut() {
            html.push_str(t);
        } else {
            self.push_text(t);
        }
    }

    fn push_text(&mut self, t: &str) {
        if let Some(i) = self.inline.as_mut() {
            i.text.push_str(t);
        }
    }

    fn link_end(&mut self) {
        let Some((at, target)) = self.links.pop() else {
            return;
        };
        if let Some(i) = self.inline.as_mut() {
            let text = i.text.get(at..).unwrap_or("").trim().to_string();
            i.links.push(Link { text, target });
        }
    }

    fn heading(&mut self, level: u8, t: Text) {
        let title = t.text.trim().to_string();
        // DocFX tab markers (`# [HTTP](#tab/http)`) and includes are not sections.
        let is_tab = t.links.iter().any(|l| l.target.starts_with("#tab/"));
        if is_tab || is_directive(&title) {
            return;
        }
        self.flush_pending();
        self.sections.push(Section {
            level,
            title,
            line: t.line,
            blocks: Vec::new(),
        });
    }

    fn paragraph(&mut self, t: Text) {
        let t = trimmed(t);
        if t.text.is_empty() || is_directive(&t.text) {
            return;
        }
        self.push_block(Block::Paragraph(t));
    }

    fn html_text(&mut self, h: &str, range: &Range<usize>) {
        match self.html.as_mut() {
            Some((html, _)) => html.push_str(h),
            None => self.html = Some((h.to_string(), self.line(range))),
        }
    }

    fn inline_html(&mut self, h: &str, range: &Range<usize>) {
        if annotation_body(h).is_some() {
            let line = self.line(range);
            self.annotation(h, line);
        } else {
            // `<br>` and friends inside table cells read as spaces.
            self.push_text(" ");
        }
    }

    fn html_end(&mut self) {
        if let Some((html, line)) = self.html.take() {
            self.annotation(&html, line);
        }
    }

    fn annotation(&mut self, html: &str, line: u32) {
        let Some(body) = annotation_body(html) else {
            return;
        };
        let at = self.source.at_line(line);
        match json_repair::parse(body) {
            Ok(parsed) => {
                if !parsed.repairs.is_empty() {
                    self.diags.warning(
                        "annotation-repaired",
                        at,
                        format!(
                            "annotation comment is not valid JSON; read it after repair ({})",
                            parsed.repairs.join(", ")
                        ),
                    );
                }
                self.flush_pending();
                self.pending = Some(Annotation {
                    value: parsed.value,
                    line,
                });
            }
            Err(e) => {
                self.diags.warning(
                    "annotation-invalid",
                    at,
                    format!("annotation comment is not valid JSON and was ignored: {e}"),
                );
            }
        }
    }

    fn push_block(&mut self, block: Block) {
        if !matches!(block, Block::Code(_)) {
            self.flush_pending();
        }
        if let Some(s) = self.sections.last_mut() {
            s.blocks.push(block);
        }
    }

    fn flush_pending(&mut self) {
        if let Some(a) = self.pending.take()
            && let Some(s) = self.sections.last_mut()
        {
            s.blocks.push(Block::Annotation(a));
        }
    }
}

fn trimmed(mut t: Text) -> Text {
    let end = t.text.trim_end().len();
    t.text.truncate(end);
    let lead = t.text.len() - t.text.trim_start().len();
    if lead > 0 {
        t.col += t.text.get(..lead).map_or(0, |s| s.chars().count()) as u32;
        t.text.drain(..lead);
    }
    t
}

/// DocFX directives such as `[!INCLUDE [x](y)]` or `[!div ...]` carry no content here.
fn is_directive(text: &str) -> bool {
    let t = text.trim_start();
    ["[!INCLUDE", "[!DIV", "[!VIDEO"].iter().any(|d| {
        t.get(..d.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(d))
    })
}
