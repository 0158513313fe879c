//! Code blocks, and fences that are not closed.
//!
//! A fenced block whose content holds an opening fence with an info string (```` ```http ````,
//! which cannot close a block) or, in an HTTP or JSON block, a markdown heading, was not
//! closed where its author meant: it is ended before that line, and the rest of the page
//! is parsed again from there.

use std::borrow::Cow;
use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, CowStr};

use super::Builder;
use crate::page::{Block, CodeBlock};

impl<'a> Builder<'a, '_> {
    /// Opens a block.
    pub(super) fn code_start(&mut self, kind: CodeBlockKind<'a>, fence_line: u32) {
        let (info, line, fenced) = match kind {
            CodeBlockKind::Fenced(info) => (lower_trimmed(info), fence_line + 1, true),
            CodeBlockKind::Indented => (Cow::Borrowed(""), fence_line, false),
        };
        self.fenced = fenced;
        self.code_text.clear();
        self.code = Some(CodeBlock {
            info,
            text: Cow::Borrowed(""),
            line,
            annotation: self.pending.take(),
        });
    }

    /// Ends the open block; returns where to parse again when it was not closed.
    pub(super) fn code_end(&mut self, range: &Range<usize>) -> Option<usize> {
        let mut c = self.code.take()?;
        // The content lines of a fenced block usually follow each other in the markdown:
        // then the text is a slice of it.
        c.text = self.code_text.take();
        let restart = if self.fenced {
            self.unclosed(&mut c, range)
        } else {
            None
        };
        self.push_block(Block::Code(c));
        restart
    }

    /// Cuts the block before the first line that shows it was not closed, with a
    /// `fence-unclosed` warning; returns that line's offset in the parsed text.
    fn unclosed(&mut self, c: &mut CodeBlock<'a>, range: &Range<usize>) -> Option<usize> {
        let raw = self
            .source
            .text
            .get(self.base + range.start..self.base + range.end)?;
        let (start, line) = first_block_ender(raw, &c.info)?;
        // Line 0 is the opening fence, so the content lines before this one are i - 1.
        let i = memchr::memchr_iter(b'\n', &raw.as_bytes()[..start]).count();
        first_lines(&mut c.text, i.saturating_sub(1));
        let fence = c.line.saturating_sub(1);
        let shown = line.trim();
        self.diags
            .warning(
                "fence-unclosed",
                self.source.at_line(fence),
                format!(
                    "the code block opened here is not closed; it is read as ending before line {} (`{shown}`)",
                    c.line + i as u32 - 1
                ),
            )
            .help = Some("close the block with a ``` line".to_string());
        Some(range.start + start)
    }
}

/// The info string trimmed and lower-cased; borrowed when it has no upper-case letter.
fn lower_trimmed(info: CowStr<'_>) -> Cow<'_, str> {
    match info {
        CowStr::Borrowed(b) if !b.bytes().any(|c| c.is_ascii_uppercase()) => {
            Cow::Borrowed(b.trim())
        }
        other => Cow::Owned(other.trim().to_ascii_lowercase()),
    }
}

/// Cuts `text` after its first `n` lines (each with its `\n`, the last one maybe
/// without), as `split_inclusive('\n').take(n)` would.
fn first_lines(text: &mut Cow<'_, str>, n: usize) {
    let end = match n.checked_sub(1) {
        None => 0,
        Some(last) => memchr::memchr_iter(b'\n', text.as_bytes())
            .nth(last)
            .map_or(text.len(), |i| i + 1),
    };
    match text {
        Cow::Borrowed(s) => *s = s.get(..end).unwrap_or(s),
        Cow::Owned(s) => s.truncate(end),
    }
}

/// The first line after the opening fence in `raw` (a fenced block's markdown) that
/// shows the block was not closed: its offset and text (with its `\n`).
///
/// Only lines whose first non-blank character is a fence or `#` can do that, and those
/// characters are rare in code: they are found with one SIMD search instead of looking
/// at every line.
fn first_block_ender<'r>(raw: &'r str, info: &str) -> Option<(usize, &'r str)> {
    let bytes = raw.as_bytes();
    let first_end = memchr::memchr(b'\n', bytes)? + 1;
    // End of the last line looked at: later hits on it are not its first character.
    let mut seen = first_end;
    for at in memchr::memchr3_iter(b'`', b'~', b'#', &bytes[first_end..]) {
        let at = first_end + at;
        if at < seen {
            continue;
        }
        let start = memchr::memrchr(b'\n', &bytes[..at]).map_or(0, |n| n + 1);
        let end = memchr::memchr(b'\n', &bytes[at..]).map_or(raw.len(), |n| at + n + 1);
        seen = end;
        // The line's first character after blanks (as `trim_start` sees them) counts.
        if raw[start..at].trim_start().is_empty() && ends_block(&raw[at..end], info) {
            return Some((start, &raw[start..end]));
        }
    }
    None
}

/// A line that cannot be inside the block: an opening fence with an info string, or a
/// heading inside HTTP or JSON.
fn ends_block(line: &str, info: &str) -> bool {
    let ticks = line.chars().take_while(|&c| c == '`').count();
    let tildes = line.chars().take_while(|&c| c == '~').count();
    if ticks >= 3 || tildes >= 3 {
        let rest = line.get(ticks.max(tildes)..).unwrap_or("").trim();
        return !rest.is_empty() && !rest.contains('`');
    }
    let code_like = matches!(info, "" | "http" | "json" | "msgraph-interactive");
    let hashes = line.chars().take_while(|&c| c == '#').count();
    code_like
        && (1..=6).contains(&hashes)
        && line
            .get(hashes..)
            .is_some_and(|r| r.starts_with(' ') && !r.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::{ends_block, first_block_ender, first_lines, lower_trimmed};
    use crate::diag::Diagnostics;
    use crate::page::Page;
    use crate::source::Source;
    use std::borrow::Cow;

    #[test]
    fn an_unclosed_fence_ends_before_the_next_heading_and_the_rest_is_parsed() {
        let md = "# X\n## Request\n```http\nGET /x\n### Response\n<!-- { \"blockType\": \"response\" } -->\n```http\nHTTP/1.1 200 OK\n```\n";
        let s = Source::new("api/x.md", md);
        let mut d = Diagnostics::default();
        let page = Page::parse(&s, &mut d);
        let blocks: Vec<_> = page.code_blocks().collect();
        assert_eq!(blocks.len(), 2);
        assert_eq!(blocks[0].text, "GET /x\n");
        assert_eq!((&*blocks[1].text, blocks[1].line), ("HTTP/1.1 200 OK\n", 8));
        assert!(blocks[1].annotation.is_some());
        assert_eq!(page.sections.last().map(|s| &*s.title), Some("Response"));
        let d = d.into_sorted();
        assert_eq!(
            (d[0].code.as_str(), d[0].location.line),
            ("fence-unclosed", 3)
        );
    }

    #[test]
    fn a_fence_line_with_an_info_string_inside_a_block_ends_it() {
        let md = "```http\nPOST /x\n\n```http\n{\n  \"a\": 1\n}\n```\n";
        let s = Source::new("api/x.md", md);
        let mut d = Diagnostics::default();
        let page = Page::parse(&s, &mut d);
        let texts: Vec<_> = page.code_blocks().map(|c| &*c.text).collect();
        assert_eq!(texts, ["POST /x\n\n", "{\n  \"a\": 1\n}\n"]);
    }

    #[test]
    fn first_lines_cut_as_split_inclusive_does() {
        for text in ["", "a", "a\n", "a\nb", "a\r\nb\n\n", "\n\n", "é\u{a0}\nx"] {
            for n in 0..5 {
                let want: String = text.split_inclusive('\n').take(n).collect();
                let mut borrowed = Cow::Borrowed(text);
                first_lines(&mut borrowed, n);
                let mut owned = Cow::Owned(text.to_string());
                first_lines(&mut owned, n);
                assert_eq!((&*borrowed, &*owned), (want.as_str(), want.as_str()));
            }
        }
    }

    #[test]
    fn info_strings_are_lower_cased_and_trimmed() {
        for info in ["", " http ", "JSON", "Http\u{a0}", "\tÉ json", "c#"] {
            let want = info.trim().to_ascii_lowercase();
            assert_eq!(lower_trimmed(info.into()), want, "{info:?}");
            assert_eq!(lower_trimmed(info.to_string().into()), want, "{info:?}");
        }
    }

    /// The search must find what looking at every line finds.
    #[test]
    fn the_block_ender_search_agrees_with_a_line_by_line_scan() {
        fn by_lines<'r>(raw: &'r str, info: &str) -> Option<(usize, &'r str)> {
            let mut offset = 0;
            for (i, line) in raw.split_inclusive('\n').enumerate() {
                let t = line.trim_start();
                if i > 0 && t.starts_with(['`', '~', '#']) && ends_block(t, info) {
                    return Some((offset, line));
                }
                offset += line.len();
            }
            None
        }
        let lines = [
            "```http",
            "GET /x",
            "  # not a heading",
            "## Heading",
            "\u{a0}### nbsp heading",
            "a `tick` # and ~",
            "```json",
            "~~~",
            "````",
            "``` `x`",
            "#",
            "#no space",
            "",
            " ",
            "x ## y",
            "\t~~~ yaml",
            "é#",
            "###### six",
            "####### seven",
        ];
        // Every pair and triple of lines after an opening fence, with and without a
        // final newline, for a code-like and a plain info string.
        for a in &lines {
            for b in &lines {
                for c in ["", "\n", "\n## last", "\n```"] {
                    let raw = format!("```x\n{a}\n{b}{c}");
                    for info in ["json", "text"] {
                        assert_eq!(
                            first_block_ender(&raw, info),
                            by_lines(&raw, info),
                            "{raw:?} {info}"
                        );
                    }
                }
            }
        }
        assert_eq!(first_block_ender("## only line", "json"), None);
    }
}
