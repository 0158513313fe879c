use super::*;
use crate::page::Link;

fn cell(text: &str) -> Text<'static> {
    Text {
        text: text.to_string().into(),
        ..Text::default()
    }
}

fn linked(text: &str, links: &[&str]) -> Text<'static> {
    let mut c = cell(text);
    for l in links {
        c.links.push(Link {
            text: l.to_string().into(),
            target: format!("../resources/{}.md", l.to_ascii_lowercase()).into(),
        });
    }
    c
}

fn read(text: &str) -> (String, bool, Option<TypeIssue>) {
    let cell = cell(text);
    let c = parse_cell(&cell).unwrap();
    (c.type_ref.name, c.type_ref.collection, c.issue)
}

#[test]
fn primitives_are_normalised() {
    for (text, want) in [
        ("String", "Edm.String"),
        ("Edm.boolean ", "Edm.Boolean"),
        ("DateTimeOffSet", "Edm.DateTimeOffset"),
        ("Date", "Edm.Date"),
        ("GUID", "Edm.Guid"),
        ("microsoft.graph.Json", "Edm.Untyped"),
    ] {
        assert_eq!(read(text), (want.to_string(), false, None), "{text}");
    }
}

#[test]
fn collections_in_every_spelling() {
    for text in [
        "String collection",
        "Collection(String)",
        "collection(string)",
        "String Collection",
        "String[]",
    ] {
        assert_eq!(read(text), ("Edm.String".to_string(), true, None), "{text}");
    }
    let (name, coll, _) = read("Collection(microsoft.graph.columnDefinition)");
    assert_eq!(
        (name.as_str(), coll),
        ("microsoft.graph.columnDefinition", true)
    );
}

#[test]
fn linked_types_use_the_link_text() {
    let cell = linked("relatedPerson collection", &["relatedPerson"]);
    let t = parse_cell(&cell).unwrap();
    assert_eq!(t.type_ref.name, "relatedPerson");
    assert!(t.type_ref.collection);
    assert_eq!(
        t.type_ref.link.as_deref(),
        Some("../resources/relatedperson.md")
    );
    assert_eq!(t.issue, None);
    let cell = linked("itemAnalytics resource", &["itemAnalytics"]);
    let t = parse_cell(&cell).unwrap();
    assert_eq!((t.type_ref.name.as_str(), t.issue), ("itemAnalytics", None));
}

#[test]
fn qualifiers_are_left_out_with_a_note() {
    for (text, q) in [
        ("String (identifier)", "(identifier)"),
        ("string, maximum size 20", "maximum size 20"),
        ("(Optional) String", "(Optional)"),
        ("string (url)", "(url)"),
    ] {
        assert_eq!(
            read(text),
            (
                "Edm.String".into(),
                false,
                Some(TypeIssue::Qualifier(q.into()))
            ),
            "{text}"
        );
    }
    assert_eq!(
        read("alertFeedback enum"),
        ("alertFeedback".into(), false, None)
    );
}

#[test]
fn unions_and_prose_are_untyped() {
    assert_eq!(
        read("String or Int32"),
        (UNTYPED.into(), false, Some(TypeIssue::Union))
    );
    assert_eq!(
        read("string/number"),
        (UNTYPED.into(), false, Some(TypeIssue::Union))
    );
    assert_eq!(
        read("(boolean or string or number) collection"),
        (UNTYPED.into(), true, Some(TypeIssue::Union))
    );
    let cell = linked(
        "a or b",
        &["appHostedMediaConfig", "serviceHostedMediaConfig"],
    );
    let two = parse_cell(&cell).unwrap();
    assert_eq!(
        (two.type_ref.name.as_str(), two.issue),
        (UNTYPED, Some(TypeIssue::Union))
    );
    assert_eq!(two.type_ref.link, None);
    let prose = "Moment in time when the resource was created.  DateTimeOffset";
    assert_eq!(read(prose), (UNTYPED.into(), false, Some(TypeIssue::Prose)));
    assert_eq!(read("Untyped JSON object"), (UNTYPED.into(), false, None));
    // A single word that is a name all the same.
    assert_eq!(read("OR"), (UNTYPED.into(), false, Some(TypeIssue::Union)));
}

#[test]
fn single_words_read_as_before_the_plain_name_shortcut() {
    for (text, want) in [
        ("Enum", ("Enum", None)),
        ("object", (UNTYPED, None)),
        ("**Edm.Int64**", ("Edm.Int64", None)),
        ("`Url`", ("Edm.String", Some(TypeIssue::Vague))),
        (
            "microsoft.graph.itemFacet",
            ("microsoft.graph.itemFacet", None),
        ),
    ] {
        let (name, collection, issue) = read(text);
        assert_eq!(
            (name.as_str(), collection, issue),
            (want.0, false, want.1),
            "{text}"
        );
    }
}

#[test]
fn vague_spellings_are_read_as_the_primitive_they_describe() {
    assert_eq!(
        read("number"),
        ("Edm.Double".into(), false, Some(TypeIssue::Vague))
    );
    assert_eq!(
        read("Timestamp"),
        ("Edm.DateTimeOffset".into(), false, Some(TypeIssue::Vague))
    );
    assert_eq!(
        read("Url"),
        ("Edm.String".into(), false, Some(TypeIssue::Vague))
    );
}

#[test]
fn issues_become_located_diagnostics() {
    let union = cell("String or Int32");
    let c = parse_cell(&union).unwrap();
    let d = c.diagnostic(&Location::line("r.md", 7)).unwrap();
    assert_eq!((d.code.as_str(), d.location.line), ("type-text-union", 7));
    assert!(
        parse_cell(&cell("String"))
            .unwrap()
            .diagnostic(&Location::default())
            .is_none()
    );
}

#[test]
fn empty_cells_have_no_type() {
    assert!(parse_cell(&cell("  ")).is_none());
}

#[test]
fn plain_cells_read_as_the_general_reading_reads_them() {
    for text in [
        "String",
        "edm.string",
        "Edm.Int64",
        "number",
        "URL",
        "or",
        "OR",
        "microsoft.graph.identitySet",
        "Int32Value",
        "a.b.c.d.e.f.g.h.i.j.k.l.m.n",
        "edm.microsoft.graph.json",
        "timestampTimestampTimestamp",
        "x_y",
        "json",
        "Untyped",
        " Boolean ",
        "é",
    ] {
        let c = cell(text);
        let fast = parse_cell(&c);
        let general = Some(parse_marked_cell(&c, c.text.trim()));
        assert_eq!(fast, general, "{text:?}");
    }
}

/// What `named` replaces: the name normalised as any written name, the vague spelling
/// matched on its own copy.
#[test]
fn named_types_match_normalise_name() {
    for core in [
        "String",
        "EDM.STRING",
        "number",
        "Numeric",
        "uri",
        "Timestamp",
        "user",
        "microsoft.graph.json",
        "edm.microsoft.graph.json",
        "abcdefghijklmnopqrstuvwxyz",
    ] {
        let (name, issue) = named(core, None);
        let vague = matches!(
            core.to_ascii_lowercase().as_str(),
            "number" | "numeric" | "timestamp" | "url" | "uri"
        );
        assert_eq!(issue.is_some(), vague, "{core:?}");
        if !vague {
            assert_eq!(name, normalise_name(core), "{core:?}");
        }
    }
}

/// The byte-by-byte reading [`is_type_name`] replaced, as a reference.
fn is_type_name_reference(t: &str) -> bool {
    let mut segment_start = true;
    for &b in t.as_bytes() {
        let ok = match b {
            b'.' => !segment_start,
            b'_' => true,
            _ if segment_start => b.is_ascii_alphabetic(),
            _ => b.is_ascii_alphanumeric(),
        };
        if !ok {
            return false;
        }
        segment_start = b == b'.';
    }
    !segment_start
}

#[test]
fn is_type_name_reads_like_the_reference() {
    for t in [
        "",
        ".",
        "a",
        "_",
        "1",
        "a1",
        "a.b",
        "a..b",
        "a.",
        ".a",
        "a.1",
        "a._1",
        "Edm.String",
        "microsoft.graph.x",
        "a b",
        "é",
        "a-b",
        "Collection(x)",
        "x[]",
    ] {
        assert_eq!(is_type_name(t), is_type_name_reference(t), "{t:?}");
    }
}
