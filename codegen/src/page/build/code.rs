//! Code blocks, and fences that are not closed.
//!
//! A fenced block whose content holds an opening fence with an info string (```` ```http ````,
//! which cannot close a block) or, in an HTTP or JSON block, a markdown heading, was not
//! closed where its author meant: it is ended before that line, and the rest of the page
//! is parsed again from there.

use std::ops::Range;

use pulldown_cmark::CodeBlockKind;

use super::Builder;
use crate::page::{Block, CodeBlock};

impl Builder<'_, '_> {
    pub(super) fn code_start(&mut self, kind: CodeBlockKind<'_>, fence_line: u32) {
        let (info, line, fenced) = match kind {
            CodeBlockKind::Fenced(info) => (info.trim().to_ascii_lowercase(), fence_line + 1, true),
            CodeBlockKind::Indented => (String::new(), fence_line, false),
        };
        self.fenced = fenced;
        self.code = Some(CodeBlock {
            info,
            text: String::new(),
            line,
            annotation: self.pending.take(),
        });
    }

    /// Ends the open block; returns where to parse again when it was not closed.
    pub(super) fn code_end(&mut self, range: &Range<usize>) -> Option<usize> {
        let mut c = self.code.take()?;
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
    fn unclosed(&mut self, c: &mut CodeBlock, range: &Range<usize>) -> Option<usize> {
        let raw = self
            .source
            .text
            .get(self.base + range.start..self.base + range.end)?;
        let mut offset = 0;
        for (i, line) in raw.split_inclusive('\n').enumerate() {
            // Only lines starting with a fence or `#` can end a block: test that first.
            let t = line.trim_start();
            let candidate = t.starts_with(['`', '~', '#']);
            if i > 0 && candidate && ends_block(t, &c.info) {
                c.text = c.text.split_inclusive('\n').take(i - 1).collect();
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
                return Some(range.start + offset);
            }
            offset += line.len();
        }
        None
    }
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
    use crate::diag::Diagnostics;
    use crate::page::Page;
    use crate::source::Source;

    #[test]
    fn an_unclosed_fence_ends_before_the_next_heading_and_the_rest_is_parsed() {
        let md = "# X\n## Request\n```http\nGET /x\n### Response\n<!-- { \"blockType\": \"response\" } -->\n```http\nHTTP/1.1 200 OK\n```\n";
        let s = Source::new("api/x.md", md);
        let mut d = Diagnostics::default();
        let page = Page::parse(&s, &mut d);
        let blocks: Vec<_> = page.code_blocks().collect();
        assert_eq!(blocks.len(), 2);
        assert_eq!(blocks[0].text, "GET /x\n");
        assert_eq!(
            (blocks[1].text.as_str(), blocks[1].line),
            ("HTTP/1.1 200 OK\n", 8)
        );
        assert!(blocks[1].annotation.is_some());
        assert_eq!(
            page.sections.last().map(|s| s.title.as_str()),
            Some("Response")
        );
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
        let texts: Vec<_> = page.code_blocks().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, ["POST /x\n\n", "{\n  \"a\": 1\n}\n"]);
    }
}
