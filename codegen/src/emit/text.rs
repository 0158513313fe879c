//! Formatted Rust source written directly as text, line by line.
//!
//! Every generated file used to be built as a token stream, parsed by syn and printed by
//! prettyplease; that round trip was most of the emitter's time. They are now
//! written here in the exact shape prettyplease gives them (a test checks that every
//! such file is a fixed point of `spaced(prettyplease::unparse(..))`), so the output did
//! not change. [`super::wrap`] holds prettyplease's line-breaking rules for the few
//! constructs that can get long.

use super::HEADER;

/// prettyplease's target width: a line breaks when its text up to the next possible
/// break would end past this column (measured in bytes, as prettyplease measures).
pub const MARGIN: usize = 89;

/// Spaces per indentation level.
const INDENT: usize = 4;

/// Which doc comment a paragraph list becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocStyle {
    /// `///`, documenting the next item.
    Outer,
    /// `//!`, documenting the enclosing module.
    Inner,
}

/// What the previous line was, as far as `spaced` (`layout/render.rs`)'s blank-line rule cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Previous {
    /// Nothing yet (or an empty line): no blank line before what follows.
    Start,
    /// An unindented `}`.
    CloseBrace,
    /// An unindented `//!` line.
    InnerDoc,
    /// An unindented `///` line.
    OuterDoc,
    /// An unindented attribute line.
    Attribute,
    /// Anything else.
    Other,
}

/// Writes one generated `.rs` file: the header, then lines at the current indentation,
/// with blank lines between top-level items exactly where `spaced` (`layout/render.rs`) puts them.
pub struct RustWriter {
    out: String,
    depth: usize,
    /// Where the current line's text starts (after its indentation).
    line_start: usize,
    previous: Previous,
}

impl RustWriter {
    /// A file that starts with [`HEADER`] and a blank line.
    pub fn file(capacity: usize) -> Self {
        let mut out = String::with_capacity(capacity.max(HEADER.len() + 2));
        out.push_str(HEADER);
        out.push_str("\n\n");
        RustWriter {
            out,
            depth: 0,
            line_start: 0,
            previous: Previous::Start,
        }
    }

    /// Source without the header (a fragment, for tests).
    #[cfg(test)]
    pub fn fragment() -> Self {
        RustWriter {
            out: String::new(),
            depth: 0,
            line_start: 0,
            previous: Previous::Start,
        }
    }

    /// The column at which the next line starts.
    pub fn column(&self) -> usize {
        self.depth * INDENT
    }

    /// Whether a line of `width` bytes fits at the current indentation.
    pub fn fits(&self, width: usize) -> bool {
        self.column() + width <= MARGIN
    }

    /// One line made of `parts`, at the current indentation.
    pub fn line(&mut self, parts: &[&str]) {
        self.start_line();
        for part in parts {
            self.push(part);
        }
        self.end_line();
    }

    /// Starts a line at the current indentation; [`Self::push`] adds to it and
    /// [`Self::end_line`] ends it.
    pub fn start_line(&mut self) {
        for _ in 0..self.depth {
            self.out.push_str("    ");
        }
        self.line_start = self.out.len();
    }

    /// Adds `text` to the current line.
    pub fn push(&mut self, text: &str) {
        self.out.push_str(text);
    }

    /// Ends the current line.
    pub fn end_line(&mut self) {
        if self.depth == 0 {
            self.space_top_level_line();
        } else {
            self.previous = Previous::Other;
        }
        self.out.push('\n');
    }

    /// A line (typically ending in `{`) after which the indentation grows by one level.
    pub fn open(&mut self, parts: &[&str]) {
        self.line(parts);
        self.depth += 1;
    }

    /// Ends one level of indentation, then writes a line (typically starting with `}`).
    pub fn close(&mut self, parts: &[&str]) {
        self.depth = self.depth.saturating_sub(1);
        self.line(parts);
    }

    /// Runs `f` one indentation level deeper.
    pub fn indented(&mut self, f: impl FnOnce(&mut Self)) {
        self.depth += 1;
        f(self);
        self.depth = self.depth.saturating_sub(1);
    }

    /// Doc comment lines for `paragraphs` (see [`super::docs::each_line`]), as
    /// prettyplease prints `#[doc = " text"]`: the marker, then the text.
    pub fn docs(&mut self, style: DocStyle, paragraphs: &[String]) {
        let marker = match style {
            DocStyle::Outer => "///",
            DocStyle::Inner => "//!",
        };
        super::docs::each_line(paragraphs, |text| {
            if text.is_empty() {
                self.line(&[marker]);
            } else {
                self.line(&[marker, " ", text]);
            }
        });
    }

    /// The text written so far. Capacity estimates are generous (growing a big file copies
    /// it); the slack is given back, as every file is held until all are written.
    pub fn finish(mut self) -> String {
        if self.out.capacity() - self.out.len() > self.out.len() / 4 {
            self.out.shrink_to_fit();
        }
        self.out
    }

    /// Puts a blank line before the unindented line just written where `spaced` (`layout/render.rs`)
    /// adds one: after an item's closing brace and after the inner docs, and before outer
    /// docs that do not follow an attribute.
    fn space_top_level_line(&mut self) {
        let start = self.line_start.min(self.out.len());
        let line = self.out.get(start..).unwrap_or_default();
        let current = classify(line);
        let blank = !line.is_empty()
            && match self.previous {
                Previous::CloseBrace => true,
                Previous::InnerDoc => current != Previous::InnerDoc,
                Previous::Start | Previous::Attribute | Previous::OuterDoc => false,
                Previous::Other => current == Previous::OuterDoc,
            };
        if blank {
            self.out.insert(start, '\n');
        }
        self.previous = current;
    }
}

/// What kind of unindented line `line` is.
fn classify(line: &str) -> Previous {
    if line.is_empty() {
        Previous::Start
    } else if line == "}" {
        Previous::CloseBrace
    } else if line.starts_with("//!") {
        Previous::InnerDoc
    } else if line.starts_with("///") {
        Previous::OuterDoc
    } else if line.starts_with('#') {
        Previous::Attribute
    } else {
        Previous::Other
    }
}

/// A string literal as `proc_macro2::Literal::string` spells it (and so as prettyplease
/// prints it): `char::escape_debug` for every character except `'`, which stays bare, and
/// NUL, which is `\0` (or `\x00` before a digit that would make it an octal-looking escape).
pub fn string_literal(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    if value
        .bytes()
        .all(|b| (b' '..=b'~').contains(&b) && b != b'"' && b != b'\\')
    {
        out.push_str(value);
    } else {
        escape_into(value, &mut out);
    }
    out.push('"');
    out
}

fn escape_into(value: &str, out: &mut String) {
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        match c {
            '\0' if chars
                .as_str()
                .starts_with(|next: char| ('0'..='7').contains(&next)) =>
            {
                out.push_str("\\x00");
            }
            '\0' => out.push_str("\\0"),
            '\'' => out.push('\''),
            _ => out.extend(c.escape_debug()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_are_escaped_like_proc_macro2() {
        for value in [
            "plain",
            "",
            "quote\" back\\slash",
            "it's",
            "nul\0 and\x007",
            "tab\tnew\nline\r",
            "bidi\u{202e}x",
            "combining\u{301}",
            "\u{301}first",
            "é ü 中 🙂",
            "\u{7f}\u{1}\u{85}\u{a0}\u{2028}",
            "\u{feff}",
        ] {
            assert_eq!(
                string_literal(value),
                proc_macro2::Literal::string(value).to_string(),
                "{value:?}"
            );
        }
    }

    #[test]
    fn blank_lines_follow_spaced() {
        let mut w = RustWriter::fragment();
        w.docs(DocStyle::Inner, &["module".to_string()]);
        w.line(&["mod a;"]);
        w.docs(DocStyle::Outer, &["item".to_string()]);
        w.line(&["#[derive(Debug)]"]);
        w.open(&["pub struct A {"]);
        w.docs(DocStyle::Outer, &["field".to_string()]);
        w.line(&["pub x: u8,"]);
        w.close(&["}"]);
        w.line(&["#[derive(Debug)]"]);
        w.line(&["pub struct B;"]);
        w.docs(DocStyle::Outer, &["c".to_string(), "d".to_string()]);
        w.line(&["pub struct C;"]);
        let text = w.finish();
        assert_eq!(text, super::super::spaced(&text));
        assert!(text.starts_with("//! module\n\nmod a;\n\n/// item\n#[derive"));
    }
}
