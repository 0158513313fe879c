use super::*;
use crate::ir::{EnumDef, Property, RequestBody, Response, TypeKind};

fn prop(name: &str, type_name: &str) -> Property {
    Property {
        name: name.to_string(),
        type_name: type_name.to_string(),
        collection: false,
        nullable: true,
        description: String::new(),
        source: Default::default(),
    }
}

fn type_def(name: &str, base: Option<&str>, properties: Vec<Property>) -> TypeDef {
    TypeDef {
        name: name.to_string(),
        kind: TypeKind::Complex,
        base: base.map(str::to_string),
        description: String::new(),
        source: Default::default(),
        properties,
        navigation: vec![],
    }
}

fn op(name: &str, body: Option<&str>, response: Option<&str>) -> Operation {
    Operation {
        name: name.to_string(),
        title: String::new(),
        description: String::new(),
        method: "POST".to_string(),
        paths: vec!["/x".to_string()],
        request_body: body.map(|b| RequestBody {
            type_name: Some(b.to_string()),
            collection: false,
            properties: vec![prop("extra", "ns.extra")],
        }),
        response: response.map(|r| Response {
            status: 201,
            type_name: Some(r.to_string()),
            collection: false,
        }),
        permissions: Default::default(),
        examples: vec![],
        source: Default::default(),
    }
}

fn sample() -> Api {
    let mut nav = type_def(
        "ns.publication",
        Some("ns.facet"),
        vec![prop("when", "Edm.Date")],
    );
    nav.navigation = vec![prop("author", "Collection(ns.person)")];
    Api {
        types: vec![
            type_def("ns.entity", None, vec![prop("id", "Edm.String")]),
            type_def("ns.extra", None, vec![]),
            type_def(
                "ns.facet",
                Some("ns.entity"),
                vec![prop("audience", "ns.audience")],
            ),
            type_def("ns.person", None, vec![prop("name", "ns.name")]),
            type_def("ns.name", None, vec![]),
            nav,
            type_def("ns.unrelated", None, vec![prop("x", "ns.color")]),
            type_def("other.publication", None, vec![]),
        ],
        enums: vec![enum_def("ns.audience"), enum_def("ns.color")],
        operations: vec![
            op(
                "createPublication",
                Some("ns.publication"),
                Some("ns.publication"),
            ),
            op("deleteThing", None, None),
        ],
    }
}

fn enum_def(name: &str) -> EnumDef {
    EnumDef {
        name: name.to_string(),
        description: String::new(),
        members: vec![],
        source: Default::default(),
    }
}

fn names(selected: &Selected) -> (Vec<&str>, Vec<&str>, Vec<&str>) {
    let api = &selected.api;
    (
        api.types.iter().map(|t| t.name.as_str()).collect(),
        api.enums.iter().map(|e| e.name.as_str()).collect(),
        api.operations.iter().map(|o| o.name.as_str()).collect(),
    )
}

#[test]
fn no_patterns_keep_everything() {
    let api = sample();
    assert_eq!(select(&api, &Selection::default()).api, api);
}

#[test]
fn an_operation_pulls_in_its_body_response_bases_and_properties() {
    let selection = Selection {
        operations: vec!["create*".to_string()],
        ..Selection::default()
    };
    let selected = select(&sample(), &selection);
    let (types, enums, ops) = names(&selected);
    assert_eq!(
        types,
        [
            "ns.entity",
            "ns.extra",
            "ns.facet",
            "ns.person",
            "ns.name",
            "ns.publication"
        ]
    );
    assert_eq!(enums, ["ns.audience"]);
    assert_eq!(ops, ["createPublication"]);
    assert!(selected.unmatched_operations.is_empty());
}

#[test]
fn short_and_qualified_type_patterns() {
    let short = Selection {
        types: vec!["publication".to_string()],
        ..Selection::default()
    };
    let selected = select(&sample(), &short);
    let (types, _, ops) = names(&selected);
    assert!(types.contains(&"other.publication") && types.contains(&"ns.publication"));
    assert!(ops.is_empty(), "type patterns keep no operations");
    let qualified = Selection {
        types: vec!["ns.unrel*".to_string(), "ns.col?r".to_string()],
        ..Selection::default()
    };
    let selected = select(&sample(), &qualified);
    let (types, enums, _) = names(&selected);
    assert_eq!((types, enums), (vec!["ns.unrelated"], vec!["ns.color"]));
}

#[test]
fn patterns_that_match_nothing_are_reported() {
    let selection = Selection {
        types: vec!["ns.nothing*".to_string(), "entity".to_string()],
        operations: vec!["createPublicaton".to_string()],
    };
    let selected = select(&sample(), &selection);
    assert_eq!(selected.unmatched_types, ["ns.nothing*"]);
    assert_eq!(selected.unmatched_operations, ["createPublicaton"]);
    assert_eq!(names(&selected).0, ["ns.entity"]);
}
