//! A markdown page folded into what extraction needs: front matter, sections, tables,
//! paragraphs with their links, and fenced blocks with the annotation before them.

mod annotation;
mod build;
mod front_matter;

pub use annotation::{Annotation, BlockType};
pub use front_matter::FrontMatter;

use std::borrow::Cow;

use crate::diag::Diagnostics;
use crate::source::Source;
use crate::trim::Trim;

/// A parsed documentation page. Its texts borrow from the [`Source`] it was parsed from
/// where the markdown holds them as they are (most do), and are owned where they were
/// put together (several pieces, escapes, line breaks read as spaces).
#[derive(Debug, Clone, Default)]
pub struct Page<'a> {
    /// Path relative to the docs root.
    pub path: &'a str,
    /// The string entries of the YAML front matter, if the page has valid front matter.
    pub front_matter: Option<FrontMatter<'a>>,
    /// Sections in page order; the first has level 0 and holds what precedes any heading.
    pub sections: Vec<Section<'a>>,
}

/// A heading and the blocks up to the next heading of any level.
#[derive(Debug, Clone, Default)]
pub struct Section<'a> {
    /// 1..=6, or 0 for the preamble.
    pub level: u8,
    /// Heading text, trimmed.
    pub title: Cow<'a, str>,
    /// Line of the heading.
    pub line: u32,
    /// Content blocks in order.
    pub blocks: Vec<Block<'a>>,
}

/// A content block.
#[derive(Debug, Clone)]
pub enum Block<'a> {
    /// A paragraph (or list item / quote text) with its inline links and code spans.
    Paragraph(Text<'a>),
    /// A pipe table.
    Table(Table<'a>),
    /// A fenced or indented code block.
    Code(CodeBlock<'a>),
    /// An annotation comment not followed directly by a code block.
    Annotation(Annotation),
}

/// Inline content flattened to text, keeping links and code spans.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Text<'a> {
    /// Plain text (link text and code span contents included, without markup).
    pub text: Cow<'a, str>,
    /// Links in order.
    pub links: Vec<Link<'a>>,
    /// Contents of inline code spans, in order.
    pub code: Vec<Cow<'a, str>>,
    /// Line where the text starts.
    pub line: u32,
    /// 1-based column where the text starts.
    pub col: u32,
}

/// A markdown link.
#[derive(Debug, Clone, PartialEq)]
pub struct Link<'a> {
    /// Link text.
    pub text: Cow<'a, str>,
    /// Destination as written.
    pub target: Cow<'a, str>,
}

/// A pipe table.
#[derive(Debug, Clone, Default)]
pub struct Table<'a> {
    /// Header cells.
    pub header: Vec<Text<'a>>,
    /// Body rows.
    pub rows: Vec<Row<'a>>,
    /// Line of the header row.
    pub line: u32,
}

/// A table body row.
#[derive(Debug, Clone, Default)]
pub struct Row<'a> {
    /// Cells as written (may be fewer or more than the header has).
    pub cells: Vec<Text<'a>>,
    /// Line of the row.
    pub line: u32,
}

/// A code block.
#[derive(Debug, Clone, Default)]
pub struct CodeBlock<'a> {
    /// The info string (`http`, `json`), lower-cased and trimmed.
    pub info: Cow<'a, str>,
    /// The block's content.
    pub text: Cow<'a, str>,
    /// Line of the first content line.
    pub line: u32,
    /// The annotation comment directly before the block.
    pub annotation: Option<Annotation>,
}

impl<'a> Page<'a> {
    /// Parses a source into a page; problems become diagnostics.
    pub fn parse(source: &'a Source, diags: &mut Diagnostics) -> Page<'a> {
        build::build(source, diags)
    }

    /// The first level-1 heading: the page title.
    pub fn title(&self) -> Option<&Section<'a>> {
        self.sections.iter().find(|s| s.level == 1)
    }

    /// A front matter string value.
    pub fn meta(&self, key: &str) -> Option<&str> {
        self.front_matter.as_ref()?.get(key)
    }

    /// Sections whose title matches `pred` (case-insensitive comparison is up to `pred`).
    pub fn sections_where<'p>(
        &'p self,
        pred: impl Fn(&str) -> bool + 'p,
    ) -> impl Iterator<Item = &'p Section<'a>> + 'p {
        self.sections.iter().filter(move |s| pred(&s.title))
    }

    /// Each section whose title matches `pred`, with the subsections under it (the
    /// following sections of a deeper level), in page order. A matching section inside
    /// an earlier match's subtree is not repeated. The iterator is cheap to clone (to go
    /// over the trees again) when `pred` is.
    pub fn section_trees<F: Fn(&str) -> bool>(&self, pred: F) -> SectionTrees<'_, 'a, F> {
        SectionTrees {
            rest: &self.sections,
            pred,
        }
    }

    /// All code blocks in page order.
    pub fn code_blocks(&self) -> impl Iterator<Item = &CodeBlock<'a>> {
        self.sections.iter().flat_map(|s| {
            s.blocks.iter().filter_map(|b| match b {
                Block::Code(c) => Some(c),
                _ => None,
            })
        })
    }
}

/// The iterator of [`Page::section_trees`]: no vector of the trees is made.
#[derive(Clone)]
pub struct SectionTrees<'p, 'a, F> {
    /// The sections after the last tree.
    rest: &'p [Section<'a>],
    pred: F,
}

impl<'p, 'a, F: Fn(&str) -> bool> Iterator for SectionTrees<'p, 'a, F> {
    type Item = &'p [Section<'a>];

    fn next(&mut self) -> Option<Self::Item> {
        let start = self.rest.iter().position(|s| (self.pred)(&s.title))?;
        let tree = self.rest.get(start..)?;
        let (head, under) = tree.split_first()?;
        let len = under
            .iter()
            .position(|t| t.level <= head.level)
            .map_or(tree.len(), |n| n + 1);
        let (tree, rest) = tree.split_at(len);
        self.rest = rest;
        Some(tree)
    }
}

impl<'a> Section<'a> {
    /// Tables in this section.
    pub fn tables(&self) -> impl Iterator<Item = &Table<'a>> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
    }

    /// Paragraphs in this section.
    pub fn paragraphs(&self) -> impl Iterator<Item = &Text<'a>> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Paragraph(t) => Some(t),
            _ => None,
        })
    }

    /// Code blocks in this section.
    pub fn code_blocks(&self) -> impl Iterator<Item = &CodeBlock<'a>> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Code(c) => Some(c),
            _ => None,
        })
    }
}

impl Table<'_> {
    /// Index of the header cell whose lower-cased, trimmed text satisfies `pred`.
    pub fn column(&self, pred: impl Fn(&str) -> bool) -> Option<usize> {
        // Headers are short: lower-case them on the stack rather than in a copy each.
        let mut buf = [0u8; 64];
        self.header.iter().position(|h| {
            let t = h.text.trim();
            match crate::ascii::lower_in(t, &mut buf) {
                Some(lower) => pred(lower),
                None => pred(&t.to_ascii_lowercase()),
            }
        })
    }
}

/// Whether `text` (leading whitespace ignored) starts with `prefix`, ASCII case
/// ignored; `prefix` is lower-case. Titles are compared this way, without allocating.
pub fn starts_with_lower(text: &str, prefix: &str) -> bool {
    crate::ascii::starts_with(text.trimmed_start(), prefix)
}

/// The text of an HTML comment if it holds a JSON annotation (`<!-- { ... } -->`).
/// Text after the comment's `-->` (`}-->s`) is not part of it.
pub fn annotation_body(html: &str) -> Option<&str> {
    let inner = html.trim().strip_prefix("<!--")?;
    // The first `-->` ends at the first `>` after `--`; `>` is rare in annotations, and
    // a byte search costs less than setting up a substring searcher.
    let bytes = inner.as_bytes();
    let inner = memchr::memchr_iter(b'>', bytes)
        .find(|&i| i >= 2 && &bytes[i - 2..i] == b"--")
        .map_or(inner, |i| &inner[..i - 2])
        .trim();
    inner.starts_with('{').then_some(inner)
}

#[cfg(test)]
mod tests {
    use super::{Page, Section, annotation_body};

    /// The trees are what the loop that collected them into a vector found.
    #[test]
    fn section_trees_are_each_match_with_the_deeper_sections_after_it() {
        fn by_loop<'p>(page: &'p Page<'_>, pred: impl Fn(&str) -> bool) -> Vec<&'p [Section<'p>]> {
            let mut out = Vec::new();
            let mut i = 0;
            while let Some(s) = page.sections.get(i) {
                if !pred(&s.title) {
                    i += 1;
                    continue;
                }
                let end = page.sections[i + 1..]
                    .iter()
                    .position(|t| t.level <= s.level)
                    .map_or(page.sections.len(), |n| i + 1 + n);
                out.push(&page.sections[i..end]);
                i = end;
            }
            out
        }
        let levels = [[0, 1, 2, 3, 2, 1, 2], [0, 2, 2, 3, 1, 3, 2]];
        for levels in levels {
            for matching in 0u32..128 {
                let page = Page {
                    sections: levels
                        .iter()
                        .enumerate()
                        .map(|(i, &level)| Section {
                            level,
                            title: if matching >> i & 1 == 1 { "x" } else { "y" }.into(),
                            ..Section::default()
                        })
                        .collect(),
                    ..Page::default()
                };
                let got: Vec<_> = page.section_trees(|t| t == "x").collect();
                assert_eq!(got.len(), by_loop(&page, |t| t == "x").len());
                for (a, b) in got.iter().zip(by_loop(&page, |t| t == "x")) {
                    assert!(std::ptr::eq(*a, b), "{levels:?} {matching:b}");
                }
            }
        }
    }

    #[test]
    fn annotation_bodies_end_at_the_first_comment_end() {
        for (html, want) in [
            ("<!-- { \"a\": 1 } -->", Some("{ \"a\": 1 }")),
            ("  <!--{\"a\": \"x>y\"}-->s\n", Some("{\"a\": \"x>y\"}")),
            ("<!-- {a} -> --> -->", Some("{a} ->")),
            ("<!-- {a>", Some("{a>")),
            ("<!-->{a}-->", None),
            ("<!-- text -->", None),
            ("<p>{</p>", None),
        ] {
            assert_eq!(annotation_body(html), want, "{html:?}");
        }
    }
}
