use std::collections::BTreeMap;

use serde::Serialize;

use super::*;

/// `Writer::write_pretty` with a new writer.
fn write_pretty<T: Serialize + ?Sized>(out: &mut Vec<u8>, value: &T, depth: usize) -> Res {
    Writer::default().write_pretty(out, value, depth, &[])
}

/// Ours at depth 0 must be serde_json's pretty printing.
fn assert_like_serde_json<T: Serialize + ?Sized>(value: &T) {
    let mut ours = Vec::new();
    write_pretty(&mut ours, value, 0).unwrap_or_else(|e| panic!("{e}"));
    let theirs = serde_json::to_string_pretty(value).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(String::from_utf8_lossy(&ours), theirs);
}

/// Strings with everything that is escaped, at every offset within an eight-byte word.
fn tricky_strings() -> Vec<String> {
    let mut all: String = (0u8..0x80).map(char::from).collect();
    all.push_str("é\u{a0}\u{2028}\u{2029}\u{7f}\u{80}\u{ffff}😀 \"q\" \\b\\ / \r\n");
    let mut strings = vec![String::new(), all.clone(), "a\r\nb\rc".into()];
    for c in (0u8..0x20).chain([b'"', b'\\', b'/', 0x7f]).map(char::from) {
        for prefix in 0..34 {
            strings.push(format!(
                "{}{c}{}",
                "x".repeat(prefix),
                "é".repeat(prefix % 5)
            ));
            strings.push(format!("{c}{}", "y".repeat(prefix)));
            strings.push(format!(
                "{}{c}{}",
                "z".repeat(prefix % 9),
                "w".repeat(prefix)
            ));
        }
    }
    strings.extend(
        all.char_indices()
            .map(|(i, _)| all.get(i..).unwrap_or("").into()),
    );
    strings
}

#[test]
fn strings_are_escaped_like_serde_json() {
    for s in tricky_strings() {
        assert_like_serde_json(&s);
    }
    assert_like_serde_json(&tricky_strings());
}

#[test]
fn the_word_test_is_the_byte_test() {
    let fillers = [0x20u8, b'a', 0x7f, 0x80, 0xff, b'!', b'#', b'[', b']'];
    for b in 0..=255u8 {
        for &filler in &fillers {
            for at in 0..8 {
                let mut word = [filler; 8];
                if let Some(slot) = word.get_mut(at) {
                    *slot = b;
                }
                let expected = word.iter().any(|&b| is_special(b));
                assert_eq!(
                    word_is_special(u64::from_le_bytes(word)),
                    expected,
                    "{word:?}"
                );
            }
        }
    }
}

#[test]
fn clean_len_stops_before_the_first_special_byte() {
    for s in tricky_strings() {
        let bytes = s.as_bytes();
        let first = bytes.iter().position(|&b| is_special(b));
        let clean = clean_len(bytes);
        assert!(clean <= first.unwrap_or(bytes.len()), "{s:?}");
        if first.is_none() {
            assert_eq!(clean, bytes.len(), "{s:?}");
        }
        match first {
            // Whole words are skipped, pairs of words included, up to the one with the byte.
            Some(first) if bytes.len() >= 8 => assert_eq!(clean, first / 8 * 8, "{s:?}"),
            Some(_) => assert_eq!(clean, 0, "{s:?}"),
            None => {}
        }
    }
}

#[derive(Serialize)]
struct Unit;

#[derive(Serialize)]
struct Newtype(String);

#[derive(Serialize)]
struct Pair(i8, Option<u8>);

#[derive(Serialize)]
enum Kind {
    Plain,
    Wrapped(Vec<u32>),
}

#[derive(Serialize)]
struct Everything {
    unit: (),
    unit_struct: Unit,
    newtype: Newtype,
    pair: Pair,
    kinds: Vec<Kind>,
    chars: Vec<char>,
    floats: Vec<f64>,
    small_floats: Vec<f32>,
    ints: (i64, u64, i128, u128, i16, u16),
    flags: [bool; 2],
    empty_list: Vec<u8>,
    empty_map: BTreeMap<String, u8>,
    map: BTreeMap<String, Vec<Option<String>>>,
    #[serde(with = "serde_bytes_like")]
    bytes: Vec<u8>,
    display: Shown,
}

/// Bytes through `serialize_bytes`.
mod serde_bytes_like {
    pub fn serialize<S: serde::Serializer>(v: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(v)
    }
}

/// A `Display` value through `collect_str`, with and without characters to escape.
struct Shown(&'static str);

impl Serialize for Shown {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self.0)
    }
}

#[test]
fn every_shape_prints_like_serde_json() {
    let floats = vec![
        0.0,
        -0.0,
        1.0,
        0.1,
        1e300,
        -2.5e-308,
        f64::MAX,
        f64::MIN_POSITIVE,
        f64::NAN,
        f64::INFINITY,
        123456789.0,
    ];
    let value = Everything {
        unit: (),
        unit_struct: Unit,
        newtype: Newtype("n\"t".into()),
        pair: Pair(-8, None),
        kinds: vec![
            Kind::Plain,
            Kind::Wrapped(vec![1, 2]),
            Kind::Wrapped(vec![]),
        ],
        chars: vec!['a', '"', '\u{1}', '\u{2028}'],
        floats,
        small_floats: vec![0.1, f32::NEG_INFINITY, 3.0],
        ints: (i64::MIN, u64::MAX, i128::MIN, u128::MAX, -1, 0),
        flags: [true, false],
        empty_list: vec![],
        empty_map: BTreeMap::new(),
        map: BTreeMap::from([
            ("k\n".into(), vec![Some("v".into()), None]),
            (String::new(), vec![]),
        ]),
        bytes: vec![0, 255],
        display: Shown("a:1:2"),
    };
    assert_like_serde_json(&value);
    for s in ["", "tab\there", "é\u{1f}\"\\"] {
        assert_like_serde_json(&Shown(s));
    }
}

#[test]
fn json_values_print_like_serde_json() {
    let text = r#"{"a": [1, -2, 3.5, 1e-7, 12345678901234567890, null, true, "x\u0000y"],
        "nested": {"deep": [[[{"k": {}}]], []], "": "\u2028"}, "f": 0.30000000000000004}"#;
    let value: serde_json::Value = serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}"));
    assert_like_serde_json(&value);
}

#[test]
fn deep_values_indent_past_the_prepared_slice() {
    let mut value = serde_json::json!("leaf");
    for _ in 0..40 {
        value = serde_json::json!([{ "k": value }]);
    }
    assert_like_serde_json(&value);
}

#[test]
fn what_serde_json_would_print_differently_is_refused() {
    #[derive(Serialize)]
    enum Variants {
        Tuple(u8, u8),
        Struct { a: u8 },
    }
    let mut out = Vec::new();
    assert!(write_pretty(&mut out, &Variants::Tuple(1, 2), 0).is_err());
    assert!(write_pretty(&mut out, &Variants::Struct { a: 1 }, 0).is_err());
    assert!(write_pretty(&mut out, &BTreeMap::from([(1, 2)]), 0).is_err());
}

/// Field names are written without escaping when they need none; the others still are.
#[test]
fn field_names_print_like_serde_json() {
    #[derive(Serialize)]
    struct Keys {
        a: u8,
        ab: u8,
        abc: u8,
        four: u8,
        seven_7: u8,
        eight_88: u8,
        sixteen_sixteen_: u8,
        #[serde(rename = "")]
        empty: u8,
        #[serde(rename = "q\"")]
        quote: u8,
        #[serde(rename = "\\back")]
        backslash: u8,
        #[serde(rename = "tab\tin a long field name")]
        tab: u8,
        #[serde(rename = "é\u{1}")]
        control: u8,
        #[serde(rename = "\u{2028}ü")]
        separator: u8,
    }
    let keys = Keys {
        a: 1,
        ab: 2,
        abc: 3,
        four: 4,
        seven_7: 7,
        eight_88: 8,
        sixteen_sixteen_: 16,
        empty: 0,
        quote: 0,
        backslash: 0,
        tab: 0,
        control: 0,
        separator: 0,
    };
    assert_like_serde_json(&keys);
    assert_like_serde_json(&[&keys, &keys]);
}

/// Strings of every length up to twenty with one special byte at every position.
#[test]
fn short_strings_print_like_serde_json() {
    for len in 0..20 {
        assert_like_serde_json(&"x".repeat(len));
        for at in 0..len {
            for special in ['"', '\\', '\n', '\u{0}', '\u{1f}'] {
                let s: String = (0..len)
                    .map(|i| if i == at { special } else { 'é' })
                    .collect();
                assert_like_serde_json(&s);
                let s: String = (0..len)
                    .map(|i| if i == at { special } else { ' ' })
                    .collect();
                assert_like_serde_json(&s);
            }
        }
    }
}

/// Named like the IR's examples, so that its `body` is printed from the bodies handed over.
#[derive(Serialize)]
struct Example {
    body: Option<serde_json::Value>,
    after: u8,
}

/// Ours at depth 0, with the bodies of `examples` handed over, must be serde_json's.
fn assert_bodies_like_serde_json(examples: &[Example]) {
    let bodies: Vec<_> = examples.iter().map(|e| e.body.as_ref()).collect();
    let mut ours = Vec::new();
    Writer::default()
        .write_pretty(&mut ours, examples, 0, &bodies)
        .unwrap_or_else(|e| panic!("{e}"));
    let theirs = serde_json::to_string_pretty(examples).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(String::from_utf8_lossy(&ours), theirs);
}

#[test]
fn bodies_handed_over_print_like_serde_json() {
    use serde_json::json;
    let mut deep = json!({ "leaf": [] });
    for _ in 0..40 {
        deep = json!([{ "k": deep, "e": {} }]);
    }
    let values = [
        json!(null),
        json!(true),
        json!(false),
        json!(1.0),
        json!(-0.0),
        json!(1e300),
        json!(0.1),
        json!(u64::MAX),
        json!(i64::MIN),
        json!(0),
        json!(""),
        json!("tab\t \"quoted\" \\ \u{1f} é \u{2028}"),
        json!([]),
        json!({}),
        json!([[], {}, [[]], { "a": {} }]),
        json!({ "": "", "k\"e\ny": [1, "two", null, { "x": false }], "b": { "c": [] } }),
        deep,
    ];
    let mut examples: Vec<Example> = values
        .into_iter()
        .map(|body| Example {
            body: Some(body),
            after: 1,
        })
        .collect();
    examples.push(Example {
        body: None,
        after: 2,
    });
    assert_bodies_like_serde_json(&examples);
    assert_bodies_like_serde_json(&[]);
}

#[test]
fn bodies_handed_over_are_what_is_printed() {
    let example = Example {
        body: None,
        after: 0,
    };
    let handed = serde_json::json!({ "handed": "over" });
    let mut out = Vec::new();
    Writer::default()
        .write_pretty(&mut out, &[&example, &example], 0, &[Some(&handed)])
        .unwrap_or_else(|e| panic!("{e}"));
    // The first body is the one handed over; the second, with none left, the field's own.
    let expected = "[\n  {\n    \"body\": {\n      \"handed\": \"over\"\n    },\n    \"after\": 0\n  },\n  {\n    \"body\": null,\n    \"after\": 0\n  }\n]";
    assert_eq!(String::from_utf8_lossy(&out), expected);
}

#[test]
fn strings_of_every_length_print_like_serde_json() {
    let clean: String = ('a'..='z').cycle().take(140).collect();
    for len in 0..140 {
        let s = clean.get(..len).unwrap_or_default();
        assert_like_serde_json(s);
        for at in 0..len {
            for c in ['"', '\\', '\n', '\u{1f}', 'é'] {
                let mut s = s.to_string();
                s.replace_range(at..=at, c.encode_utf8(&mut [0; 4]));
                assert_like_serde_json(&s);
            }
        }
    }
}
