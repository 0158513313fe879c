//! A small hand-built [`Api`] shared by the emitter's tests.

use std::collections::BTreeMap;

use crate::diag::Location;
use crate::ir::{
    Api, EnumDef, EnumMember, Operation, Property, RequestBody, Response, TypeDef, TypeKind,
};

/// A property at `types.md:1`.
pub fn prop(name: &str, type_name: &str, collection: bool) -> Property {
    Property {
        name: name.to_string(),
        type_name: type_name.to_string(),
        collection,
        nullable: true,
        description: format!("The {name}."),
        source: Location::line("resources/types.md", 1),
    }
}

/// A complex type with `properties`.
pub fn type_def(name: &str, base: Option<&str>, properties: Vec<Property>) -> TypeDef {
    TypeDef {
        name: name.to_string(),
        kind: TypeKind::Complex,
        base: base.map(str::to_string),
        description: String::new(),
        source: Location::line("resources/types.md", 1),
        properties,
        navigation: vec![],
    }
}

fn member(name: &str, value: i64) -> EnumMember {
    EnumMember {
        name: name.to_string(),
        value,
        description: String::new(),
    }
}

/// An operation with no body or response.
pub fn operation(name: &str, method: &str, paths: &[&str]) -> Operation {
    Operation {
        name: name.to_string(),
        title: name.to_string(),
        description: String::new(),
        method: method.to_string(),
        paths: paths.iter().map(|p| p.to_string()).collect(),
        request_body: None,
        response: None,
        permissions: BTreeMap::new(),
        examples: vec![],
        source: Location::line(&format!("api/{name}.md"), 1),
    }
}

fn types() -> Vec<TypeDef> {
    let mut facet = type_def(
        "microsoft.graph.itemFacet",
        None,
        vec![
            prop(
                "allowedAudiences",
                "microsoft.graph.allowedAudiences",
                false,
            ),
            prop("createdDateTime", "Edm.DateTimeOffset", false),
            prop("id", "Edm.String", false),
        ],
    );
    facet.kind = TypeKind::Entity;
    facet.description = "The base type of profile facets.".to_string();
    let mut publication = type_def(
        "microsoft.graph.itemPublication",
        Some("microsoft.graph.itemFacet"),
        vec![
            prop("publishedDate", "Edm.Date", false),
            prop("displayName", "Edm.String", false),
            prop("type", "Edm.String", false),
            prop("Type", "Edm.String", false),
            prop("tags", "Edm.String", true),
            prop("durationLimit", "Edm.Duration", false),
            prop("mystery", "microsoft.graph.undocumented", false),
        ],
    );
    publication.kind = TypeKind::Entity;
    publication.description = "A publication on a user's profile.".to_string();
    let mut types = vec![facet, publication];
    types.extend(odd_types());
    types
}

/// Recursion, namespaces and names that collide with Rust's or the generator's own.
fn odd_types() -> Vec<TypeDef> {
    let node = type_def(
        "microsoft.graph.treeNode",
        None,
        vec![
            prop("parent", "microsoft.graph.treeNode", false),
            prop("children", "microsoft.graph.treeNode", true),
            prop("self", "Edm.Guid", false),
        ],
    );
    let session = type_def(
        "microsoft.graph.callRecords.session",
        None,
        vec![
            prop("2fa", "Edm.Boolean", false),
            prop("startTime", "Edm.TimeOfDay", false),
        ],
    );
    let plain = type_def(
        "microsoft.graph.session",
        None,
        vec![prop("additional", "Edm.Int32", false)],
    );
    let option = type_def(
        "microsoft.graph.option",
        None,
        vec![prop("value", "microsoft.graph.result", false)],
    );
    let result = type_def(
        "microsoft.graph.result",
        None,
        vec![prop("ok", "Edm.Boolean", false)],
    );
    vec![
        session,
        option,
        result,
        plain,
        node,
        hostile(),
        vec_type(),
        nested_keyword(),
    ]
}

/// A type whose name and property names are all things Rust or the generator uses.
fn hostile() -> TypeDef {
    let names = [
        "self",
        "super",
        "_",
        "123",
        "@odata.type",
        "crate",
        "String",
        "Vec",
        "Option",
    ];
    let properties = names.iter().map(|n| prop(n, "Edm.String", false)).collect();
    type_def("microsoft.graph.string", None, properties)
}

fn vec_type() -> TypeDef {
    type_def(
        "microsoft.graph.vec",
        None,
        vec![
            prop("box", "microsoft.graph.string", false),
            prop("kind", "microsoft.graph.box", true),
        ],
    )
}

fn nested_keyword() -> TypeDef {
    type_def(
        "microsoft.graph.crate.self",
        None,
        vec![prop("mod", "microsoft.graph.crate.self", true)],
    )
}

fn enums() -> Vec<EnumDef> {
    vec![
        EnumDef {
            name: "microsoft.graph.allowedAudiences".to_string(),
            description: "Who can see a facet.".to_string(),
            members: [
                "me",
                "family",
                "contacts",
                "groupMembers",
                "organization",
                "federatedOrganizations",
                "everyone",
                "unknownFutureValue",
            ]
            .iter()
            .enumerate()
            .map(|(i, n)| member(n, i as i64))
            .collect(),
            source: Location::line("resources/enums.md", 5),
        },
        EnumDef {
            name: "microsoft.graph.box".to_string(),
            description: String::new(),
            members: ["Self", "self", "_", "3", "Other", "other", "as_str"]
                .iter()
                .map(|n| member(n, 0))
                .collect(),
            source: Location::line("resources/enums.md", 30),
        },
        EnumDef {
            name: "microsoft.graph.oddValues".to_string(),
            description: String::new(),
            members: ["none", "None", "other", "2fa", "", "none"]
                .iter()
                .map(|n| member(n, 0))
                .collect(),
            source: Location::line("resources/enums.md", 20),
        },
    ]
}

fn operations() -> Vec<Operation> {
    let publication = Some("microsoft.graph.itemPublication".to_string());
    let mut create = operation(
        "createItemPublication",
        "POST",
        &[
            "/me/profile/publications",
            "/users/{id | userPrincipalName}/profile/publications",
        ],
    );
    create.request_body = Some(RequestBody {
        type_name: publication.clone(),
        collection: false,
        properties: vec![],
    });
    create.response = Some(Response {
        status: 201,
        type_name: publication.clone(),
        collection: false,
    });
    let mut list = operation(
        "listPublications",
        "GET",
        &[
            "/me/profile/publications?$filter=startswith(displayName,'a')",
            "/users/{id}/profile/publications",
        ],
    );
    list.response = Some(Response {
        status: 200,
        type_name: publication,
        collection: true,
    });
    let mut delete = operation(
        "deleteItemPublication",
        "DELETE",
        &[
            "/me/profile/publications/{id}",
            "/users/{id | userPrincipalName}/profile/publications/{id}",
        ],
    );
    delete.response = Some(Response {
        status: 204,
        type_name: None,
        collection: false,
    });
    let mut ops = vec![create, list, delete];
    ops.extend(odd_operations());
    ops
}

/// Operations with function segments, keywords, odd methods and primitive results.
fn odd_operations() -> Vec<Operation> {
    let mut action = operation(
        "getByPath",
        "POST",
        &[
            "/drives/{drive-id}/root:/{path}:/microsoft.graph.act(name='{name}')",
            "/drives/{drive-id}/root:/{path}:/microsoft.graph.act(name='{name}')",
            "/me/drive/items/{item-id}/$ref",
        ],
    );
    action.request_body = Some(RequestBody {
        type_name: None,
        collection: false,
        properties: vec![
            prop("comment", "Edm.String", false),
            prop("type", "Edm.String", false),
        ],
    });
    let strange = operation("weird", "TRACE", &["/x"]);
    let mut keyword = operation("self", "patch", &["/me/{self}/x('{crate}')", "/{Self}"]);
    keyword.request_body = Some(RequestBody {
        type_name: Some("microsoft.graph.vec".to_string()),
        collection: true,
        properties: vec![],
    });
    keyword.response = Some(Response {
        status: 200,
        type_name: Some("Edm.String".to_string()),
        collection: true,
    });
    let mut flag = operation("isFlagged", "GET", &["/me/flagged()"]);
    flag.response = Some(Response {
        status: 200,
        type_name: Some("Edm.Boolean".to_string()),
        collection: false,
    });
    vec![action, strange, keyword, flag]
}

/// The sample API: profile facets, a recursive type, two namespaces, colliding names and
/// operations with path alternatives.
pub fn sample_api() -> Api {
    let mut api = Api {
        types: types(),
        enums: enums(),
        operations: operations(),
    };
    api.types.sort_by(|a, b| a.name.cmp(&b.name));
    api.enums.sort_by(|a, b| a.name.cmp(&b.name));
    api.operations.sort_by(|a, b| a.name.cmp(&b.name));
    api
}
