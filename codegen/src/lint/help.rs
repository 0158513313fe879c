//! Help lines for diagnostics the pipeline records without one, where lint knows a fix.

use crate::diag::Diagnostic;

/// Adds a help line to `d` when it has none and its code has a known fix.
pub(super) fn add(d: &mut Diagnostic) {
    if d.help.is_some() {
        return;
    }
    d.help = match d.code.as_str() {
        "example-json-invalid" | "annotation-invalid" => Some(json_fix(&d.message)),
        "front-matter-invalid" => Some(
            "quote values that contain `: ` or start with `*`, `[` or `{` (YAML reads them as syntax)"
                .to_string(),
        ),
        "front-matter-unclosed" => Some("add a `---` line after the front matter".to_string()),
        "request-line-invalid" => Some(
            "keep only `METHOD /path` lines in the HTTP request block; move prose and headers out"
                .to_string(),
        ),
        "table-row-no-type" => Some("fill in the Type cell of the row".to_string()),
        "table-row-no-name" => Some("fill in the Property cell of the row".to_string()),
        "page-yields-nothing" => Some(
            "give the page an HTTP request block, a Properties table or an enum table, or keep it out of the docs folder"
                .to_string(),
        ),
        _ => None,
    };
}

/// What most likely makes a JSON text parse, from serde_json's message.
fn json_fix(message: &str) -> String {
    let fix = if message.contains("expected `,` or `}`") || message.contains("expected `,` or `]`")
    {
        "a `,` is missing between two members or items (usually at the end of the line before)"
    } else if message.contains("key must be a string") {
        "member names need double quotes (`\"name\": ...`), and a `,` must not end the object"
    } else if message.contains("EOF while parsing") {
        "the text ends early: close every `{` and `[`"
    } else if message.contains("trailing comma") {
        "remove the `,` before the closing `}` or `]`"
    } else if message.contains("expected value") {
        "a value is missing or is not JSON: strings need double quotes, and `...` elisions are not JSON (mark a shortened example `\"truncated\": true` instead)"
    } else if message.contains("trailing characters") {
        "something follows the end of the JSON value: remove it, or wrap several values in `[...]`"
    } else if message.contains("control character") {
        "escape line breaks and tabs inside strings (`\\n`, `\\t`)"
    } else {
        "fix the JSON at this position"
    };
    fix.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::{Location, Severity};

    #[test]
    fn missing_commas_get_a_precise_help() {
        let mut d = Diagnostic::new(
            Severity::Error,
            "example-json-invalid",
            Location::line("a.md", 3),
            "example body is not valid JSON: expected `,` or `}`; the body is skipped",
        );
        add(&mut d);
        assert!(
            d.help
                .as_deref()
                .is_some_and(|h| h.contains("`,` is missing"))
        );
        let mut kept = d.clone().with_help("mine");
        add(&mut kept);
        assert_eq!(kept.help.as_deref(), Some("mine"));
    }
}
