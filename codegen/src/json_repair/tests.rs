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

/// The byte-based passes against the char-based ones they replaced: the same text and
/// the same repairs, on hand-picked texts and on many generated from tricky pieces.
#[test]
fn passes_match_the_char_by_char_reference() {
    let pieces = [
        "\"", "'", "\\", "/", "*", ".", "…", "\u{a0}", "\u{202f}", "\u{200b}", "\u{feff}", "“",
        "”", "{", "}", "[", "]", ",", ":", "\n", "\r\n", " ", "\t", "\x0b", "\u{85}", "a", "key",
        "1", "e", "l", "$x", "@a.b", "é", "日本", "//", "/*", "*/", "...", "\"a\"", "'b'", "\\'",
        "\\\"",
    ];
    let mut texts: Vec<String> = [
        "",
        "{\"a\": 1, // c\n \"b\": 'x', c: [1,2,],\n ...\n}",
        "{ “a”: “b”, 'c': 'd\\'e' }",
        "{\"a\": \"broken\n   line\", \"b\": 1\n \"c\": 2}",
        "{\"u\": \"https://x/y...z\" /* c */ }\u{a0}",
        "\"unterminated \\",
        "{'a\"b': '日本'}",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    for _ in 0..20_000 {
        let mut text = String::new();
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        for k in 0..(seed % 24) {
            let pick = (seed >> (k % 7 * 8)) as usize + k as usize * 31;
            text.push_str(pieces[pick % pieces.len()]);
        }
        texts.push(text);
    }
    for text in &texts {
        let (want, want_found) = super::reference::repair(text);
        let mut found = Found::default();
        let got = noise::strip(text, &mut found);
        let got = strings::normalise(&got, &mut found);
        let got = structure::quote_bare_names(&got, &mut found);
        let got = structure::drop_trailing_commas(&got, &mut found);
        let got = structure::insert_missing_commas(&got, &mut found);
        assert_eq!(
            (got.as_ref(), &found.0),
            (want.as_str(), &want_found),
            "{text:?}"
        );
    }
}
