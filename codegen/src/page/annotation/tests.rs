use serde_json::Value;

use super::known::Known;
use super::{Annotation, BlockType};
use crate::json_repair;

/// The reading before the fast path: `json_repair::parse` into a `Value`, then
/// `get(key)` and `as_str()` / `as_bool()`.
fn old_reading(body: &str, line: u32) -> Result<(Annotation, Vec<String>), String> {
    let parsed = json_repair::parse(body).map_err(|e| e.to_string())?;
    let v = &parsed.value;
    let str_of = |key: &str| v.get(key).and_then(Value::as_str);
    let bool_of = |key: &str| v.get(key).and_then(Value::as_bool);
    let annotation = Annotation {
        block_type: str_of("blockType").map(BlockType::classify),
        name: str_of("name").map(Box::from),
        odata_type: str_of("@odata.type").map(Box::from),
        base_type: str_of("baseType").map(Box::from),
        has_key_property: str_of("keyProperty").is_some(),
        is_collection: bool_of("isCollection"),
        truncated: bool_of("truncated").unwrap_or(false),
        line,
    };
    Ok((annotation, parsed.repairs))
}

const CASES: &[&str] = &[
    "{}",
    "",
    "   ",
    "{",
    "}",
    "null",
    "true",
    "5",
    "1e400",
    "\"blockType\"",
    "[\"request\", \"x\"]",
    "[1, {\"blockType\": \"request\"}]",
    "{ \"blockType\": \"request\", \"name\": \"get_user\" }",
    "{ \"blockType\": \" Response \", \"@odata.type\": \"#microsoft.graph.user\", \"isCollection\": true, \"truncated\": true }",
    "{ \"blockType\": \"RESOURCE\", \"baseType\": \"microsoft.graph.entity\", \"keyProperty\": \"id\" }",
    "{ \"blockType\": \"ignored\" }",
    "{ \"blockType\": \"example\" }",
    "{ \"blockType\": 5, \"name\": 5, \"@odata.type\": null }",
    "{ \"isCollection\": \"true\", \"truncated\": \"true\", \"keyProperty\": 1 }",
    "{ \"isCollection\": false, \"truncated\": false, \"keyProperty\": \"\" }",
    "{ \"name\": [\"a\"], \"baseType\": {\"x\": 1}, \"keyProperty\": [] }",
    "{ \"blockType\": \"request\", \"blockType\": \"response\" }",
    "{ \"name\": \"a\", \"name\": 5 }",
    "{ \"name\": 5, \"name\": \"a\" }",
    "{ \"isCollection\": true, \"isCollection\": null }",
    "{ \"name\": \"say \\\"hi\\\"\", \"@odata.type\": \"caf\\u00e9\\n\" }",
    "{ \"block\\u0054ype\": \"request\", \"na\\u006de\": \"x\" }",
    "{ \"name\": \"bad \\ud800 surrogate\" }",
    "{ \"name\": \"bad \\x escape\" }",
    "{ \"name\": \"raw\ttab\" }",
    "{ \"name\": \"café ☕ 名前\", \"blockType\": \"request\" }",
    "{ \"blockType\": \"request\", }",
    "{ \"blockType\": \"request\" // a comment\n }",
    "{ /* c */ \"blockType\": \"response\", \"truncated\": true }",
    "{\u{a0}\"blockType\":\u{a0}\"request\" }",
    "{ \"blockType\": \"request\"\u{a0}}",
    "{ \"blockType\": \"request\" \n \"name\": \"x\" }",
    "{ blockType: \"request\" }",
    "{ 'blockType': 'request' }",
    "{ \u{201c}blockType\u{201d}: \u{201c}request\u{201d} }",
    "{ \"blockType\": \"request\" } trailing",
    "{ \"blockType\": \"request\" } }",
    "{ \"blockType\": \"request\" } \n ",
    "{ \"other\": { \"blockType\": \"request\", \"deep\": [1, 2.5, -3, true, null, {\"a\": []}] }, \"blockType\": \"response\" }",
    "{ \"other\": 1e400, \"blockType\": \"request\" }",
    "{ \"other\": 18446744073709551616, \"blockType\": \"request\" }",
    "{ \"other\": -0.0e-5, \"blockType\": \"request\" }",
    "{ \"other\": 01 }",
    "{ \"blockType\": \"request\", \"other\": [1, 2,] }",
    "{ \"blockType\": \"request\" \"name\": \"x\" }",
    "{ 5: 1 }",
    "{ \"a\" 1 }",
];

#[test]
fn reads_what_the_value_reading_read() {
    for &body in CASES {
        let new = Annotation::read(body, 7).map_err(|e| e.to_string());
        assert_eq!(new, old_reading(body, 7), "{body:?}");
    }
}

#[test]
fn what_serde_reads_directly_a_value_reads_the_same() {
    let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    let deep_obj = |n: usize| format!("{{\"a\": {}, \"name\": \"x\"}}", deep(n));
    let extra = [
        deep(63),
        deep(64),
        deep(65),
        deep(129),
        deep_obj(62),
        deep_obj(63),
    ];
    let mut read = 0;
    for body in CASES
        .iter()
        .copied()
        .chain(extra.iter().map(String::as_str))
    {
        let Some(known) = Known::parse(body) else {
            continue;
        };
        read += 1;
        let value = serde_json::from_str::<Value>(body);
        let value = value.unwrap_or_else(|e| panic!("{body:?} read but is not JSON: {e}"));
        assert_eq!(known, Known::from_value(&value), "{body:?}");
    }
    assert!(
        read > 20,
        "the direct reading should take the plain cases, took {read}"
    );
}

#[test]
fn escapes_repairs_and_non_objects_are_left_to_the_value_path() {
    let left = [
        "{ \"name\": \"a\\nb\" }",
        "{ \"x\": [\"\\u00e9\"] }",
        "{ \"x\": 1e400 }",
        "{ \"x\": [1e400] }",
        "{ \"x\": 01 }",
        "{ \"x\": - 1 }",
        "{ \"x\": 1, }",
        "[1, ]",
        "[\"request\"]",
        "\"request\"",
        "{\u{a0}}",
        "",
        "{ \"x\": tru }",
        "{ \"x\": 1 } x",
    ];
    for body in left {
        assert_eq!(Known::parse(body), None, "{body:?}");
    }
    // Floats and long integers are plain JSON: read directly.
    for body in [
        "{ \"x\": 1.5 }",
        "{ \"x\": 1e3 }",
        "{ \"x\": 12345678901234567890 }",
    ] {
        assert!(Known::parse(body).is_some(), "{body:?}");
    }
}

#[test]
fn block_types_are_trimmed_and_ignore_ascii_case() {
    assert_eq!(BlockType::classify(" Request\n"), BlockType::Request);
    assert_eq!(BlockType::classify("rESPONSE"), BlockType::Response);
    assert_eq!(BlockType::classify("resources"), BlockType::Other);
    assert_eq!(BlockType::classify(""), BlockType::Other);
}
