//! The code `build.rs` generated is usable: a model, an endpoint, the registry.

use profile_client::graph::enums::AllowedAudiences;
use profile_client::graph::models::ItemPublication;
use profile_client::graph::operations::{CreateItemPublication, CreateItemPublicationTarget};
use profile_client::graph::runtime::{Endpoint, Error, Field};
use profile_client::graph::{BASE_URL, registry};
use serde_json::json;

fn publication() -> ItemPublication {
    ItemPublication {
        display_name: Field::Value("Got Brands?".to_string()),
        published_date: Field::Value("2020-07-06".parse().expect("a date")),
        allowed_audiences: Field::Value(AllowedAudiences::Organization),
        description: Field::Null,
        ..ItemPublication::default()
    }
}

#[test]
fn the_endpoint_builds_the_documented_request() {
    let endpoint = CreateItemPublication::new(CreateItemPublicationTarget::Me, publication());
    let request = endpoint.to_request().expect("request builds");
    assert_eq!(request.method(), http::Method::POST);
    assert_eq!(
        request.uri(),
        &*format!("{BASE_URL}/me/profile/publications")
    );
    let body: serde_json::Value = serde_json::from_slice(request.body()).expect("JSON body");
    assert_eq!(
        body,
        json!({
            "allowedAudiences": "organization",
            "displayName": "Got Brands?",
            "publishedDate": "2020-07-06",
            "description": null
        })
    );
    let user = CreateItemPublicationTarget::Users {
        id: "adele@contoso.com".to_string(),
    };
    assert_eq!(
        user.path(),
        "/users/adele%40contoso.com/profile/publications"
    );
}

#[test]
fn the_endpoint_parses_a_created_response_and_a_graph_error() {
    let endpoint = CreateItemPublication::new(CreateItemPublicationTarget::Me, publication());
    let created = json!({
        "id": "1",
        "displayName": "Got Brands?",
        "publishedDate": "2020-07-06",
        "createdDateTime": "2020-07-06T06:34:12.2294868Z",
        "@odata.type": "#microsoft.graph.itemPublication"
    });
    let response = http::Response::builder()
        .status(201)
        .body(serde_json::to_vec(&created).expect("bytes"))
        .expect("response");
    let parsed = endpoint.parse_response(response).expect("parses");
    assert_eq!(parsed.id, Field::Value("1".to_string()));
    let date = parsed.published_date.value().map(|d| d.value().to_string());
    assert_eq!(date.as_deref(), Some("2020-07-06"));
    assert_eq!(serde_json::to_value(&parsed).expect("serializes"), created);
    let forbidden = http::Response::builder()
        .status(403)
        .body(br#"{"error": {"code": "Forbidden", "message": "no"}}"#.to_vec())
        .expect("response");
    let error = endpoint
        .parse_response(forbidden)
        .expect_err("403 is an error");
    assert!(matches!(error, Error::Graph { status, .. } if status == 403));
}

#[test]
fn the_registry_lists_only_what_was_kept() {
    assert!(registry::find("microsoft.graph.itemPublication").is_some());
    assert!(registry::find("microsoft.graph.itemFacet").is_some());
    assert!(registry::find("microsoft.graph.workPosition").is_none());
}

#[test]
fn the_readme_shows_exactly_this_build_script_and_include() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let read = |p: &str| std::fs::read_to_string(root.join(p)).expect("readable");
    let readme = read("../../README.md");
    for file in ["build.rs", "src/lib.rs"] {
        let block = format!("```rust\n{}```\n", read(file));
        assert!(
            readme.contains(&block),
            "README.md must show {file} as it is"
        );
    }
}
