use super::*;
use crate::page::Page;

fn rows(md: &str) -> (Vec<PropertyRow>, Vec<crate::diag::Diagnostic>) {
    let s = Source::new("r.md", md);
    let mut d = Diagnostics::default();
    let page = Page::parse(&s, &mut d);
    let table = page
        .sections
        .iter()
        .flat_map(|s| s.tables())
        .next()
        .unwrap()
        .clone();
    let r = read_table(&s, &table, &mut d);
    (r, d.into_sorted())
}

#[test]
fn padded_cells_links_inheritance_and_values() {
    let md = "|Property|Type|Description|\n|:---|:---|:---|\n\
|allowedAudiences|String|Audiences. Inherited from [itemFacet](../resources/itemfacet.md). Possible values are: `me`, `family`, `unknownFutureValue`.|\n\
|description    |String      |Description.   |\n";
    let (r, d) = rows(md);
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(r[0].name, "allowedAudiences");
    assert_eq!(r[0].inherited_from.as_deref(), Some("itemFacet"));
    assert_eq!(r[0].possible_values, ["me", "family", "unknownFutureValue"]);
    assert_eq!(r[1].name, "description");
    assert_eq!(r[1].type_ref.name, "Edm.String");
    assert_eq!(r[1].source.line, 4);
}

#[test]
fn columns_are_the_first_matching_headers() {
    let header = |cells: &[&str]| Table {
        header: cells
            .iter()
            .map(|c| Text {
                text: c.to_string().into(),
                ..Text::default()
            })
            .collect(),
        ..Table::default()
    };
    for cells in [
        &[][..],
        &["Property", "Type", "Description"],
        &[
            " NAME ",
            "Data Type",
            "Description (optional)",
            "Type",
            "name",
        ],
        &["Type", "Relationships", "description", "Description"],
        &["Property", "Description"],
        &["Value Type", "Navigation property"],
        &[
            "PROPERTY NAME WITH A HEADER FAR LONGER THAN SIXTY-FOUR BYTES, WHICH IS RARE",
            "type",
        ],
        &["Propérty", "Type"],
    ] {
        let t = header(cells);
        let by_column = t.column(is_name_header).and_then(|name| {
            let ty = t.column(|h| h == "type" || h == "data type" || h == "value type")?;
            Some((name, ty, t.column(|h| h.starts_with("description"))))
        });
        let got = columns(&t).map(|c| (c.name, c.ty, c.description));
        assert_eq!(got, by_column, "{cells:?}");
    }
}

#[test]
fn plain_names_are_cleaned_like_marked_ones() {
    for raw in [
        "",
        "id",
        "@odata.type",
        "a-b.c",
        "_id",
        "id_",
        "a_b",
        "**id**",
        "`id`",
        " id ",
        "id (deprecated)",
        "é",
        "idé",
        "a\u{a0}b",
        "a\tb",
        "x\u{1c}y",
        "*",
        "~!#$%^&()",
    ] {
        assert_eq!(clean_name(raw), clean_marked_name(raw), "{raw:?}");
    }
}

#[test]
fn values_offsets_match_the_phrases() {
    let offsets: Vec<usize> = VALUE_LIST_PHRASES
        .iter()
        .map(|p| p.find("values").unwrap())
        .collect();
    assert_eq!(offsets, VALUES_OFFSETS);
}

#[test]
fn the_earliest_value_list_phrase_is_found() {
    // What value_list_start replaces: each phrase searched for in a lower-cased copy.
    let slow = |text: &str| {
        let lower = text.to_ascii_lowercase();
        VALUE_LIST_PHRASES
            .iter()
            .filter_map(|p| lower.find(p))
            .min()
    };
    for text in [
        "",
        "values",
        "No values here. Possible values are: `a`.",
        "The possible values are `a`, `b`.",
        "Allowed values: `a`. Possible values include `b`.",
        "Valid VALUES ARE `x`; supported values are `y`.",
        "The values, the possible values, then Possible Values Are.",
        "valid values valid values are",
        "Übersicht: the possible values are `ä`",
    ] {
        assert_eq!(value_list_start(text), slow(text), "{text:?}");
    }
}

#[test]
fn a_row_without_a_type_cell_is_reported() {
    let md = "|Property|Type|Description|\n|:---|:---|:---|\n|orphan||Has a description.|\n";
    let (r, d) = rows(md);
    assert!(r.is_empty());
    assert_eq!(d[0].code, "table-row-no-type");
    assert_eq!(d[0].location.line, 3);
}

#[test]
fn a_row_with_only_a_label_is_a_group_label() {
    let md = "|Property|Type|Description|\n|:---|:---|:---|\n|**Device configuration**|\n|id|String|Id.|\n";
    let (r, d) = rows(md);
    assert_eq!(r.len(), 1);
    assert_eq!(
        (d[0].code.as_str(), d[0].location.line),
        ("table-row-label", 3)
    );
}

#[test]
fn is_member_name_reads_like_chars() {
    let reference =
        |v: &str| !v.is_empty() && v.chars().all(|c| c.is_alphanumeric() || "_-.".contains(c));
    for v in [
        "", "a", "a-b_c.d", "a b", "é", "aé", "a/b", "Ω1", "`a`", "1",
    ] {
        assert_eq!(is_member_name(v), reference(v), "{v:?}");
    }
}
