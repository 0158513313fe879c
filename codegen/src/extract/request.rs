//! The documented request lines of an API page: every code block under `HTTP request`
//! and its subsections (`### Get the photo`), one or more `METHOD /path` lines each,
//! with blank lines, `or` separators, headers and a body tolerated around them.

use super::http::{self, RequestLine};
use crate::ascii;
use crate::diag::Diagnostics;
use crate::page::starts_with_lower;
use crate::page::{BlockType, CodeBlock, Page, Section};
use crate::source::Source;
use crate::trim::Trim;

/// Request lines under the `HTTP request` heading(s); `None` if the page has no such
/// heading, or it holds no request line (reported).
///
/// A page without the heading but with a `Permissions` section (an API page that lost
/// its heading) has its request lines read from the blocks before its examples, with a
/// `request-section-missing` note.
pub fn request_lines(
    source: &Source,
    page: &Page,
    diags: &mut Diagnostics,
) -> Option<Vec<RequestLine>> {
    let mut trees = page.section_trees(|t| starts_with_lower(t, "http request"));
    let Some(tree) = trees.next() else {
        return without_heading(source, page, diags);
    };
    let first = tree.first()?;
    let sections = std::iter::once(tree).chain(trees).flat_map(|t| t.iter());
    let mut lines = Vec::new();
    for block in sections.flat_map(Section::code_blocks) {
        read_block(source, block, &mut lines, diags);
    }
    if lines.is_empty() {
        diags.warning(
            "request-block-empty",
            source.at_line(first.line),
            "the HTTP request section has no request line; no operation generated",
        );
        return None;
    }
    Some(lines)
}

fn without_heading(
    source: &Source,
    page: &Page,
    diags: &mut Diagnostics,
) -> Option<Vec<RequestLine>> {
    if !page
        .sections
        .iter()
        .any(|s| s.title.eq_ignore_ascii_case("permissions"))
    {
        return None;
    }
    let before_examples = page
        .sections
        .iter()
        .take_while(|s| !starts_with_lower(&s.title, "example"));
    let mut lines = Vec::new();
    let mut quiet = Diagnostics::default();
    for block in before_examples.flat_map(Section::code_blocks) {
        let documented = block
            .annotation
            .as_ref()
            .is_none_or(|a| a.block_type.is_none_or(|t| t == BlockType::Ignored));
        if documented {
            read_block(source, block, &mut lines, &mut quiet);
        }
    }
    let first = lines.first()?;
    diags.note(
        "request-section-missing",
        source.at_line(first.line),
        "the page has no `HTTP request` heading; its request lines are read from the blocks before its examples",
    );
    diags.extend(quiet);
    Some(lines)
}

/// Reads the request lines of one block. After a request line, header lines are skipped
/// and a line opening a JSON body ends the block. Response blocks are not read.
fn read_block(
    source: &Source,
    block: &CodeBlock,
    out: &mut Vec<RequestLine>,
    diags: &mut Diagnostics,
) {
    let response = block
        .annotation
        .as_ref()
        .is_some_and(|a| a.block_type_is(BlockType::Response))
        || ascii::starts_with(block.text.trimmed_start(), "http/");
    if !is_http_info(&block.info) || response {
        return;
    }
    let mut after_request = false;
    for (i, text) in lines(&block.text).enumerate() {
        let line = block.line + i as u32;
        let trimmed = text.trimmed();
        if trimmed.is_empty()
            || trimmed.starts_with("//")
            || trimmed.starts_with('#')
            || trimmed.eq_ignore_ascii_case("or")
        {
            continue;
        }
        if let Some(r) = http::request_line(trimmed, line) {
            report(source, &r, diags);
            out.push(r);
            after_request = true;
            continue;
        }
        if after_request && is_header(trimmed) {
            continue;
        }
        if after_request && trimmed.starts_with(['{', '[']) {
            return;
        }
        diags.warning(
            "request-line-invalid",
            source.at_line(line),
            format!(
                "expected `METHOD /path` in the HTTP request block, found `{trimmed}`; line skipped"
            ),
        );
    }
}

/// The lines of `text` split at `\n`, as [`str::lines`] gives them but with any `\r`
/// left at their ends, which the caller trims anyway. Found with one `memchr` call a
/// line, without the char searcher `str::lines` sets up.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let r = rest?;
        match memchr::memchr(b'\n', r.as_bytes()) {
            Some(n) => {
                rest = r.get(n + 1..);
                r.get(..n)
            }
            None => {
                rest = None;
                (!r.is_empty()).then_some(r)
            }
        }
    })
}

/// Notes what was left out of, or repaired in, a request line.
///
/// Codes: `request-line-query` (note: the query is not part of the path template),
/// `request-line-repaired` (warning: a space was missing after the method) and
/// `request-path-brace-unbalanced` (warning: a `{` or `}` without its partner).
fn report(source: &Source, r: &RequestLine, diags: &mut Diagnostics) {
    // Most lines need no diagnostic: the location is made only for those that do.
    let at = || source.at_line(r.line);
    if !braces_balanced(&r.path) {
        diags.warning(
            "request-path-brace-unbalanced",
            at(),
            format!(
                "the path `{}` has a `{{` or `}}` without its partner; the braces are read as literal text, not as a parameter",
                r.path
            ),
        );
    }
    if let Some(q) = &r.query {
        diags.note(
            "request-line-query",
            at(),
            format!("the query `{q}` is not part of the path template `{}`; it is left out of the operation's paths", r.path),
        );
    }
    if r.glued {
        diags
            .warning(
                "request-line-repaired",
                at(),
                format!(
                    "request line has no space between `{}` and the path; read as `{} {}`",
                    r.method, r.method, r.path
                ),
            )
            .help = Some(format!("write `{} {}`", r.method, r.path));
    }
}

/// Whether every `{` in a path closes before the next one opens, and every `}` closes one.
fn braces_balanced(path: &str) -> bool {
    // Only the braces matter: `memchr2` jumps from one to the next instead of matching
    // every byte of the path. Both are ASCII, which never occurs inside a longer char.
    let mut open = false;
    for i in memchr::memchr2_iter(b'{', b'}', path.as_bytes()) {
        let opening = path.as_bytes().get(i) == Some(&b'{');
        // A `{` while one is open, or a `}` while none is.
        if opening == open {
            return false;
        }
        open = opening;
    }
    !open
}

/// Blocks that may hold request lines: `http`, `msgraph-interactive`, no info string;
/// not code samples in other languages.
fn is_http_info(info: &str) -> bool {
    matches!(
        info,
        "" | "http" | "https" | "msgraph-interactive" | "rest" | "text"
    )
}

/// `Content-Type: application/json`, `workbook-session-id: {session-id}`.
fn is_header(line: &str) -> bool {
    super::http::split_header(line).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_trim_like_str_lines() {
        for text in [
            "",
            "\n",
            "a",
            "a\n",
            "a\r\nb\r\n",
            "\n\na\n\n",
            "a\nb",
            "é\n\r\n",
        ] {
            let got: Vec<_> = super::lines(text).map(str::trim).collect();
            let want: Vec<_> = text.lines().map(str::trim).collect();
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn braces_pair_up_one_level_deep() {
        for ok in ["/a", "/a/{id}/b/{x | y}", "/f(a='{v}')", "/root:/{path}:/"] {
            assert!(braces_balanced(ok), "{ok}");
        }
        for bad in ["/a/{id", "/a/id}", "/}{", "/{{id}}", "/a/{b/{c}"] {
            assert!(!braces_balanced(bad), "{bad}");
        }
    }

    fn lines(md: &str) -> (Option<Vec<RequestLine>>, Vec<crate::diag::Diagnostic>) {
        let s = Source::new("api/x.md", md);
        let mut d = Diagnostics::default();
        let page = Page::parse(&s, &mut d);
        (request_lines(&s, &page, &mut d), d.into_sorted())
    }

    #[test]
    fn blocks_in_subsections_separators_headers_and_bodies() {
        let md = "# X\n## HTTP request\n### Get the photo\n```http\nGET /me/photo/$value\nor\nGET /users/{id}/photo/$value\n```\n\
### Update\n```http\nGET /me/photo\nworkbook-session-id: {session-id}\n\n{\n  \"a\": 1\n}\n```\n## Response\n";
        let (got, d) = lines(md);
        let paths: Vec<_> = got.unwrap().into_iter().map(|r| r.path).collect();
        assert_eq!(
            paths,
            ["/me/photo/$value", "/users/{id}/photo/$value", "/me/photo"]
        );
        assert!(d.is_empty(), "{d:?}");
    }

    #[test]
    fn a_page_without_the_heading_uses_the_block_before_its_examples() {
        let md = "# Add member\n## Permissions\n<!-- { \"blockType\": \"ignored\"} -->\n```http\nPOST /chats/{chat-id}/members\n```\n\
## Examples\n<!-- { \"blockType\": \"request\"} -->\n```http\nPOST /chats/1/members\n```\n";
        let (got, d) = lines(md);
        let got = got.unwrap();
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].path, "/chats/{chat-id}/members");
        assert_eq!(d[0].code, "request-section-missing");
    }

    #[test]
    fn code_samples_in_other_languages_are_not_request_lines() {
        let md = "# X\n## HTTP request\n```http\nGET /shares/{id}\n```\n```csharp\nstring a = \"b\";\n```\n";
        let (got, d) = lines(md);
        assert_eq!(got.unwrap().len(), 1);
        assert!(d.is_empty(), "{d:?}");
    }

    #[test]
    fn response_blocks_under_the_heading_are_not_request_lines() {
        let md = "# X\n## HTTP request\n```http\nGET /x\n```\n### Response\n```http\nHTTP/1.1 200 OK\n\n{}\n```\n";
        let (got, d) = lines(md);
        assert_eq!(got.unwrap().len(), 1);
        assert!(d.is_empty(), "{d:?}");
    }

    #[test]
    fn junk_lines_are_reported_and_an_empty_section_yields_nothing() {
        let (got, d) =
            lines("# X\n## HTTP request\n```http\nGET ** Entity URI for x not found\n```\n");
        assert!(got.is_none());
        let codes: Vec<_> = d.iter().map(|d| d.code.as_str()).collect();
        assert_eq!(codes, ["request-block-empty", "request-line-invalid"]);
    }
}
