use super::*;
use serde_json::json;

#[test]
fn valid_json_needs_no_repair() {
    let p = parse(r#"{"a": "x, ]"}"#).unwrap();
    assert_eq!(p.value, json!({"a": "x, ]"}));
    assert!(p.repairs.is_empty());
}

#[test]
fn trailing_commas_comments_and_ellipses_are_repaired_and_named() {
    let text = "{\n  \"a\": 1, // one\n  \"b\": [1, 2,],\n  ...\n}";
    let p = parse(text).unwrap();
    assert_eq!(p.value, json!({"a": 1, "b": [1, 2]}));
    assert_eq!(
        p.repairs,
        [
            "removed comments",
            "removed `...` elisions",
            "removed trailing commas"
        ]
    );
}

#[test]
fn strings_with_slashes_and_dots_are_left_alone() {
    let p = parse("{\"u\": \"https://x/y...z\", }").unwrap();
    assert_eq!(p.value, json!({"u": "https://x/y...z"}));
}

#[test]
fn odd_spaces_are_whitespace_after_repair() {
    let p = parse("{\u{a0}\"a\": true}").unwrap();
    assert_eq!(p.repairs, ["replaced non-breaking spaces"]);
    // U+202F (narrow no-break space) after a comma, as in cloudpcauditevent-get.md.
    let p = parse("{\"a\": \"x\",\u{202f}\n\"b\": 1}").unwrap();
    assert_eq!(p.value, json!({"a": "x", "b": 1}));
}

#[test]
fn commas_missing_at_line_ends_are_inserted() {
    let text = "{\n  \"a\": \"\"\n  \"b\": {\n    \"c\": true\n  }\n  \"d\": [{}\n{}]\n}";
    let p = parse(text).unwrap();
    assert_eq!(p.value, json!({"a": "", "b": {"c": true}, "d": [{}, {}]}));
    assert_eq!(p.repairs, ["inserted commas missing between members"]);
}

#[test]
fn bare_names_and_single_quotes_are_quoted() {
    let p = parse("{ credentials: [ { key: \"UserName\", value: \"u\" } ] }").unwrap();
    assert_eq!(
        p.value,
        json!({"credentials": [{"key": "UserName", "value": "u"}]})
    );
    assert_eq!(p.repairs, ["quoted bare member names"]);
    let p = parse("[{'target':'#p', 'content':'<img src=\"x\" />', 'n': 'don\\'t'}]").unwrap();
    assert_eq!(
        p.value,
        json!([{"target": "#p", "content": "<img src=\"x\" />", "n": "don't"}])
    );
    assert_eq!(p.repairs, ["replaced single-quoted strings"]);
}

#[test]
fn curly_quotes_and_strings_broken_across_lines() {
    let p = parse("{\"method\": \"GET\u{201d},\n\"uri\": \u{201c}x\u{201d}}").unwrap();
    assert_eq!(p.value, json!({"method": "GET", "uri": "x"}));
    assert_eq!(p.repairs, ["replaced curly quotes"]);
    let p = parse("{\"id\": \"users('a\n    ('b')\", \"ok\": 1}").unwrap();
    assert_eq!(p.value, json!({"id": "users('a('b')", "ok": 1}));
    assert_eq!(p.repairs, ["joined strings broken across lines"]);
}

#[test]
fn apostrophes_in_comments_are_not_strings() {
    let p = parse("{\n  \"a\": 1, // the user's id\n  \"b\": 2\n}").unwrap();
    assert_eq!(p.value, json!({"a": 1, "b": 2}));
}

#[test]
fn unrepairable_text_reports_the_strict_position() {
    let e = parse("{\n  \"a\": [1 2]\n}").unwrap_err();
    assert_eq!(e.line, 2);
    assert!(e.message.contains("expected"), "{}", e.message);
    assert!(parse("{\n  \"audioDuration\": 00:00:00\n}").is_err());
}
