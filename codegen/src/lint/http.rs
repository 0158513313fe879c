//! HTTP consistency: example requests against the documented request lines, example
//! responses against the documented status, and requests paired with responses.

use super::Index;
use crate::diag::{Diagnostics, Location};
use crate::extract::http::normalise_path;
use crate::ir::{Example, ExampleKind, Operation};

/// Runs every HTTP rule over one operation.
pub(super) fn check(op: &Operation, index: &Index<'_>, diags: &mut Diagnostics) {
    pairs(op, index, diags);
    for ex in &op.examples {
        match ex.kind {
            ExampleKind::Request => request(op, ex, diags),
            ExampleKind::Response => status(op, ex, diags),
        }
    }
}

/// `request-without-response`: a request with no response example anywhere after it (one
/// response may answer several requests written one after another).
/// `response-without-request`: a response with no request since the previous response,
/// neither annotated nor written as an unannotated (or `ignored`) HTTP block.
fn pairs(op: &Operation, index: &Index<'_>, diags: &mut Diagnostics) {
    let last_response = op
        .examples
        .iter()
        .rposition(|e| e.kind == ExampleKind::Response);
    let mut requested = false;
    let mut previous_line: Option<u32> = None;
    for (i, ex) in op.examples.iter().enumerate() {
        match ex.kind {
            ExampleKind::Request => {
                requested = true;
                if last_response.is_none_or(|r| r < i) {
                    unanswered(ex, diags);
                }
            }
            ExampleKind::Response => {
                if !requested && !request_written(index, &ex.source, previous_line) {
                    diags
                        .warning(
                            "response-without-request",
                            ex.source.clone(),
                            "response example has no request example before it",
                        )
                        .help = Some(
                        "add the request this response answers before it (annotated `\"blockType\": \"request\"`)".to_string(),
                    );
                }
                requested = false;
            }
        }
        previous_line = Some(ex.source.line);
    }
}

/// Whether a request line (`GET https://...`, `POST /me/...`) is written before the
/// response at `at`: after the previous example, or (for the first) after the examples
/// heading, so that the documented lines of the HTTP request section don't count.
fn request_written(index: &Index<'_>, at: &Location, previous: Option<u32>) -> bool {
    let Some(source) = index.source(&at.file) else {
        return false;
    };
    let from = previous.or_else(|| {
        (1..at.line).rev().find(|&l| {
            let heading = source.line_text(l).trim_start_matches('#');
            source.line_text(l).starts_with('#')
                && heading
                    .trim_start()
                    .to_ascii_lowercase()
                    .starts_with("example")
        })
    });
    let Some(from) = from else { return false };
    (from.saturating_add(1)..at.line).any(|l| {
        let text = source.line_text(l).trim_start();
        let mut words = text.split_whitespace();
        let method = words.next().unwrap_or("");
        let target = words.next().unwrap_or("");
        METHODS.contains(&method)
            && (target.starts_with('/') || target.to_ascii_lowercase().starts_with("http"))
    })
}

fn unanswered(req: &Example, diags: &mut Diagnostics) {
    diags
        .warning(
            "request-without-response",
            req.source.clone(),
            "request example is not followed by a response example",
        )
        .help =
        Some("add the response after it (annotated `\"blockType\": \"response\"`)".to_string());
}

/// Methods a request line starts with.
const METHODS: &[&str] = &["GET", "POST", "PATCH", "PUT", "DELETE", "HEAD", "OPTIONS"];

/// `request-example-mismatch`: the example's method and path must match a documented line.
fn request(op: &Operation, ex: &Example, diags: &mut Diagnostics) {
    if let Some(method) = &ex.method
        && !method.eq_ignore_ascii_case(&op.method)
    {
        diags
            .error(
                "request-example-mismatch",
                ex.source.clone(),
                format!(
                    "request example uses {method}, but the page documents {} requests",
                    op.method
                ),
            )
            .help = Some(format!(
            "use {} as the page documents, or move the example to the page of its own operation",
            op.method
        ));
        return;
    }
    let Some(url) = ex.url.as_deref().filter(|u| !u.trim().is_empty()) else {
        return;
    };
    if op.paths.is_empty() {
        return;
    }
    let path = example_path(url);
    if op.paths.iter().any(|t| template_matches(t, &path)) {
        return;
    }
    let documented: Vec<String> = op.paths.iter().map(|p| format!("`{p}`")).collect();
    diags
        .error(
            "request-example-mismatch",
            ex.source.clone(),
            format!("request example path `{path}` matches none of the documented request lines"),
        )
        .help = Some(format!(
        "the HTTP request section documents {}; make the example use one of them, or document this path",
        documented.join(", ")
    ));
}

/// `response-status-mismatch`: the example's status must be the documented one.
fn status(op: &Operation, ex: &Example, diags: &mut Diagnostics) {
    let (Some(documented), Some(shown)) = (op.response.as_ref().map(|r| r.status), ex.status)
    else {
        return;
    };
    if documented != shown {
        diags
            .error(
                "response-status-mismatch",
                ex.source.clone(),
                format!(
                    "response example has status {shown}, but the Response section documents {documented}"
                ),
            )
            .help = Some(format!(
            "make the status line `HTTP/1.1 {documented} ...` or correct the Response section"
        ));
    }
}

/// The path of an example URL relative to the service root, without query or fragment.
fn example_path(url: &str) -> String {
    let path = normalise_path(url);
    let path = path.split(['?', '#']).next().unwrap_or("");
    let trimmed = path.trim_end_matches('/');
    if trimmed.is_empty() {
        "/".to_string()
    } else {
        trimmed.to_string()
    }
}

/// A piece of a request-line template.
#[derive(Debug, PartialEq)]
enum Piece {
    /// Literal text, lower-cased.
    Text(String),
    /// A `{...}` parameter; `slashes` when it may span folders (`root:/{path}:`).
    Param { slashes: bool },
}

fn pieces(template: &str) -> Vec<Piece> {
    let template = template
        .split('?')
        .next()
        .unwrap_or("")
        .trim_end_matches('/');
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}').map(|c| open + c) else {
            break;
        };
        let before = rest[..open].to_ascii_lowercase();
        let slashes = before.ends_with(':') || before.ends_with(":/");
        out.push(Piece::Text(before));
        out.push(Piece::Param { slashes });
        rest = &rest[close + 1..];
    }
    out.push(Piece::Text(rest.to_ascii_lowercase()));
    out.retain(|p| !matches!(p, Piece::Text(t) if t.is_empty()));
    out
}

/// Whether a concrete path fits a template: literal text compares case-insensitively, a
/// parameter matches one or more characters (not `/`, except after `:`). O(len² × pieces).
pub(super) fn template_matches(template: &str, path: &str) -> bool {
    let path = path.to_ascii_lowercase();
    let bytes = path.as_bytes();
    let mut reach = vec![false; bytes.len() + 1];
    if let Some(first) = reach.first_mut() {
        *first = true;
    }
    for piece in pieces(template) {
        let mut next = vec![false; bytes.len() + 1];
        for start in (0..=bytes.len()).filter(|&j| reach.get(j) == Some(&true)) {
            match &piece {
                Piece::Text(t) => {
                    if path
                        .get(start..)
                        .is_some_and(|rest| rest.starts_with(t.as_str()))
                        && let Some(slot) = next.get_mut(start + t.len())
                    {
                        *slot = true;
                    }
                }
                Piece::Param { slashes } => {
                    for end in start + 1..=bytes.len() {
                        if !slashes && bytes.get(end - 1) == Some(&b'/') {
                            break;
                        }
                        if let Some(slot) = next.get_mut(end) {
                            *slot = true;
                        }
                    }
                }
            }
        }
        reach = next;
    }
    reach.last().copied().unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_match_concrete_paths() {
        let t = "/users/{id | userPrincipalName}/profile/publications";
        assert!(template_matches(
            t,
            "/users/48d31887-5fad/profile/publications"
        ));
        assert!(template_matches(t, "/Users/{id}/Profile/publications"));
        assert!(!template_matches(t, "/me/profile/publications"));
        assert!(!template_matches(t, "/users/a/b/profile/publications"));
        assert!(template_matches("/me/profile", "/me/profile"));
        assert!(!template_matches("/me/profile", "/me/profile/names"));
        assert!(template_matches(
            "/reports/getEmailActivityCounts(period='{period_value}')",
            "/reports/getEmailActivityCounts(period='D7')"
        ));
        assert!(template_matches(
            "/me/drive/root:/{item-path}:/content",
            "/me/drive/root:/folder/file.txt:/content"
        ));
        assert!(template_matches("/me/events?$select=subject", "/me/events"));
    }

    #[test]
    fn example_urls_lose_host_version_and_query() {
        assert_eq!(
            example_path("https://graph.microsoft.com/beta/me/profile/names?$select=x"),
            "/me/profile/names"
        );
        assert_eq!(example_path("https://graph.microsoft.com/v1.0/"), "/");
    }
}
