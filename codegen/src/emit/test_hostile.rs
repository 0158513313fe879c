//! The smallest IRs that show each naming or structure problem the real docs have, one per
//! category, and all of them together (compiled by the ignored end-to-end test).

use crate::diag::Location;
use crate::ir::{Api, EnumDef, EnumMember, Operation, Property, RequestBody, Response, TypeDef};

use super::test_api::{operation, prop, type_def};

/// An enum with `members`.
pub fn enum_def(name: &str, members: &[&str]) -> EnumDef {
    EnumDef {
        name: name.to_string(),
        description: String::new(),
        members: members
            .iter()
            .zip(0..)
            .map(|(m, value)| EnumMember {
                name: m.to_string(),
                value,
                description: String::new(),
            })
            .collect(),
        source: Location::line("resources/enums.md", 1),
    }
}

/// A sorted API of `types`, `enums` and `operations`.
pub fn api(types: Vec<TypeDef>, enums: Vec<EnumDef>, operations: Vec<Operation>) -> Api {
    let mut api = Api {
        types,
        enums,
        operations,
    };
    api.types.sort_by(|a, b| a.name.cmp(&b.name));
    api.enums.sort_by(|a, b| a.name.cmp(&b.name));
    api.operations.sort_by(|a, b| a.name.cmp(&b.name));
    api
}

fn strings(names: &[&str]) -> Vec<Property> {
    names.iter().map(|n| prop(n, "Edm.String", false)).collect()
}

/// Keywords, leading digits and names with no identifier characters, as type, property,
/// enum, member and operation names.
pub fn keywords_and_non_identifiers() -> Api {
    let props = strings(&["type", "2fa", "self", "", "@odata.type", "é", "a b-c", "_"]);
    let types = vec![
        type_def("microsoft.graph.type", None, props),
        type_def("microsoft.graph.3dModel", None, vec![]),
        type_def("microsoft.graph.", None, vec![]),
        type_def("", None, vec![]),
        type_def("microsoft.graph.@@", None, vec![]),
    ];
    let enums = vec![enum_def("microsoft.graph.match", &["fn", "Self", "1x"])];
    let ops = vec![
        operation("type", "GET", &["/type"]),
        operation("2fa", "GET", &["/x"]),
        operation("", "GET", &["/y"]),
    ];
    api(types, enums, ops)
}

/// The same qualified name on two pages, two types differing only in case, a type and an
/// enum sharing a name.
pub fn clashes() -> Api {
    let mut again = type_def("microsoft.graph.thing", None, strings(&["second"]));
    again.description = "The second page.".to_string();
    let types = vec![
        type_def("microsoft.graph.thing", None, strings(&["first"])),
        again,
        type_def("microsoft.graph.Session", None, vec![]),
        type_def("microsoft.graph.session", None, vec![]),
        type_def("microsoft.graph.SESSION", None, vec![]),
        type_def("microsoft.graph.both", None, vec![]),
    ];
    let enums = vec![enum_def("microsoft.graph.both", &["a"])];
    api(types, enums, vec![])
}

/// Operations whose names collide with each other and with derived names.
pub fn colliding_operations() -> Api {
    let ops = [
        "getThing",
        "getThing",
        "GetThing",
        "getThingTarget",
        "get_thing",
    ]
    .iter()
    .map(|n| operation(n, "GET", &["/things"]))
    .collect();
    api(vec![], vec![], ops)
}

/// Namespaced types, including namespaces whose modules would repeat their parent's name.
pub fn namespaces() -> Api {
    let types = [
        "microsoft.graph.callRecords.session",
        "microsoft.graph.termStore.set",
        "microsoft.graph.externalConnectors.external",
        "microsoft.graph.models.thing",
        "microsoft.graph.models",
        "microsoft.graph.a.b.c",
        "other.ns.x",
    ]
    .iter()
    .map(|n| type_def(n, None, vec![prop("self", n, true)]))
    .collect();
    let enums = vec![
        enum_def("microsoft.graph.enums.kind", &["a"]),
        enum_def("microsoft.graph.enums", &["b"]),
        enum_def("microsoft.graph.callRecords.modality", &["audio"]),
    ];
    let ops = vec![operation("operations", "GET", &["/operations"])];
    api(types, enums, ops)
}

/// Enum members that are digits, punctuation, empty, duplicated, differing only in case,
/// or named like the generated `Other`; and an enum with no members at all.
pub fn odd_enum_members() -> Api {
    let enums = vec![
        enum_def(
            "microsoft.graph.odd",
            &[
                "0", "-", "", "none", "None", "NONE", "none", "Other", "other", "as_str", "",
            ],
        ),
        enum_def("microsoft.graph.empty", &[]),
    ];
    api(vec![], enums, vec![])
}

/// Types named like std, serde and runtime items, used as field types.
pub fn std_and_runtime_names() -> Api {
    let names = [
        "Option",
        "Result",
        "String",
        "Vec",
        "Box",
        "Field",
        "Endpoint",
        "Error",
        "TypeInfo",
        "Self",
        "Value",
        "Map",
        "Default",
        "Serialize",
    ];
    let mut types: Vec<TypeDef> = names
        .iter()
        .map(|n| type_def(&format!("microsoft.graph.{n}"), None, vec![]))
        .collect();
    let all = names
        .iter()
        .map(|n| prop(n, &format!("microsoft.graph.{n}"), false))
        .collect();
    types.push(type_def("microsoft.graph.user", None, all));
    // `S` and `D` are also the generic parameters of the serde impls.
    let enums = ["Ordering", "S", "D", "De", "Str"]
        .iter()
        .map(|n| enum_def(&format!("microsoft.graph.{n}"), &["Less"]))
        .collect();
    let mut op = operation("Endpoint", "POST", &["/x"]);
    op.request_body = Some(RequestBody {
        type_name: Some("microsoft.graph.Option".to_string()),
        collection: false,
        properties: vec![],
    });
    op.response = Some(Response {
        status: 200,
        type_name: Some("microsoft.graph.Result".to_string()),
        collection: false,
    });
    api(types, enums, vec![op])
}

/// Properties that collide once snake-cased, and a documented `additional`.
pub fn colliding_properties() -> Api {
    let props = strings(&[
        "id",
        "Id",
        "ID",
        "displayName",
        "display_name",
        "DisplayName",
        "additional",
        "additional_2",
    ]);
    let base = type_def("microsoft.graph.base", None, strings(&["id", "additional"]));
    let derived = type_def(
        "microsoft.graph.derived",
        Some("microsoft.graph.base"),
        props,
    );
    api(vec![base, derived], vec![], vec![])
}

/// Operation paths with function segments, `$ref`, `$value`, `root:/{path}:/`, a parameter
/// inside a segment, a query string, and many parameters.
pub fn odd_paths() -> Api {
    let op = operation(
        "odd",
        "GET",
        &[
            "/reports/getEmailActivity(period='{period_value}')",
            "/drives/{drive-id}/root:/{item-path}:/content",
            "/me/messages/{id}/$value",
            "/groups/{id}/members/$ref",
            "/users/{id}/photos/{size}x{size}/$value",
            "/sites/{hostname}:/{server-relative-path}?$select=id",
            "/a/{p1}/b/{p2}/c/{p3}/d/{p4}/e/{p5}/f/{p6}/g/{p7}/h/{p8}/i/{p9}/j/{p10}/k/{p11}/l/{p12}",
        ],
    );
    api(vec![], vec![], vec![op])
}

/// A chain of `n` types, each holding the next (by value, boxed or in a vector).
pub fn deep_chain(n: usize) -> Api {
    let types = (0..n)
        .map(|i| {
            let props = if i + 1 < n {
                vec![prop("next", &format!("ns.t{:03}", i + 1), i % 3 == 0)]
            } else {
                vec![]
            };
            type_def(&format!("ns.t{i:03}"), None, props)
        })
        .collect();
    api(types, vec![], vec![])
}

/// Docs text with control and bidirectional-override characters.
pub fn hostile_docs() -> Api {
    let mut t = type_def("microsoft.graph.doc", None, strings(&["x"]));
    t.description = "Before\u{202e}after\u{0}\u{7} end */ /* [link](x) <b>".to_string();
    if let Some(p) = t.properties.first_mut() {
        p.description = "tab\there\r\nnew line \u{2066}isolate\u{2069} \u{feff}".to_string();
    }
    let e = EnumDef {
        description: "\u{202a}embedded".to_string(),
        ..enum_def("microsoft.graph.docEnum", &["a\u{202e}b", "c\"d\\e"])
    };
    api(vec![t], vec![e], vec![])
}

/// Every category at once, as one crate (namespaces and operations merged by name).
pub fn everything() -> Api {
    let mut all = Api::default();
    for part in [
        keywords_and_non_identifiers(),
        clashes(),
        colliding_operations(),
        namespaces(),
        odd_enum_members(),
        std_and_runtime_names(),
        colliding_properties(),
        odd_paths(),
        deep_chain(120),
        hostile_docs(),
    ] {
        all.types.extend(part.types);
        all.enums.extend(part.enums);
        all.operations.extend(part.operations);
    }
    api(all.types, all.enums, all.operations)
}
