//! The breaking rules, one change at a time on a small API.

use serde_json::{Value, json};

use super::*;

fn base() -> Value {
    json!({
        "types": [
            { "name": "microsoft.graph.entity", "kind": "entity", "base": null, "description": "",
              "source": "resources/entity.md:1", "navigation": [],
              "properties": [ { "name": "id", "type": "Edm.String", "collection": false,
                  "nullable": false, "description": "", "source": "resources/entity.md:9" } ] },
            { "name": "microsoft.graph.widget", "kind": "entity", "base": "microsoft.graph.entity",
              "description": "", "source": "resources/widget.md:1", "navigation": [],
              "properties": [
                { "name": "size", "type": "Edm.Int32", "collection": false, "nullable": true,
                  "description": "", "source": "resources/widget.md:9" },
                { "name": "tags", "type": "Edm.String", "collection": true, "nullable": true,
                  "description": "", "source": "resources/widget.md:10" } ] } ],
        "enums": [ { "name": "microsoft.graph.color", "description": "", "source": "resources/enums.md:3",
            "members": [ { "name": "red", "value": 0, "description": "" } ] } ],
        "operations": [ { "name": "createWidget", "title": "Create widget", "description": "",
            "method": "POST", "paths": ["/me/widgets", "/users/{id}/widgets"],
            "request_body": { "type": "microsoft.graph.widget", "collection": false, "properties": [] },
            "response": { "status": 201, "type": "microsoft.graph.widget", "collection": false },
            "permissions": {}, "examples": [], "source": "api/widget-post.md:1" } ]
    })
}

fn api(v: &Value) -> Api {
    serde_json::from_value(v.clone()).expect("a valid IR")
}

/// The one change between `base()` and `base()` edited by `edit`.
fn one_change(edit: impl FnOnce(&mut Value)) -> Change {
    let old = base();
    let mut new = base();
    edit(&mut new);
    let changes = diff(&api(&old), &api(&new));
    assert_eq!(changes.len(), 1, "{}", human(&changes));
    changes.into_iter().next().expect("one change")
}

fn widget(v: &mut Value) -> &mut Value {
    &mut v["types"][1]
}

#[test]
fn removals_are_breaking_additions_are_not() {
    let c = one_change(|v| {
        if let Some(p) = widget(v)["properties"].as_array_mut() {
            p.remove(0);
        }
    });
    assert_eq!(
        (c.change, c.item, c.breaking),
        (ChangeKind::Removed, Item::Property, true)
    );
    assert_eq!(c.name, "microsoft.graph.widget.size");
    let c = one_change(|v| {
        let extra = json!({ "name": "weight", "type": "Edm.Double", "collection": false,
            "nullable": true, "description": "", "source": "resources/widget.md:11" });
        if let Some(p) = widget(v)["properties"].as_array_mut() {
            p.push(extra);
        }
    });
    assert_eq!((c.change, c.breaking), (ChangeKind::Added, false));
    let c = one_change(|v| {
        if let Some(m) = v["enums"][0]["members"].as_array_mut() {
            m.push(json!({ "name": "blue", "value": 1, "description": "" }));
        }
    });
    assert_eq!(
        (c.item, c.change, c.breaking),
        (Item::EnumMember, ChangeKind::Added, false)
    );
    let c = one_change(|v| v["enums"][0]["members"] = json!([]));
    assert_eq!(
        (c.item, c.change, c.breaking),
        (Item::EnumMember, ChangeKind::Removed, true)
    );
    let c = one_change(|v| v["operations"] = json!([]));
    assert_eq!((c.item, c.breaking), (Item::Operation, true));
}

#[test]
fn retyping_a_property_is_breaking_nullability_is_not() {
    let c = one_change(|v| widget(v)["properties"][0]["type"] = json!("Edm.Int64"));
    assert_eq!((c.change, c.breaking), (ChangeKind::Changed, true));
    assert_eq!(c.detail, "type `Edm.Int32` → `Edm.Int64`");
    let c = one_change(|v| widget(v)["properties"][1]["collection"] = json!(false));
    assert_eq!(c.detail, "a collection → a single value");
    let mut new = base();
    widget(&mut new)["properties"][0]["nullable"] = json!(false);
    widget(&mut new)["kind"] = json!("complex");
    let changes = diff(&api(&base()), &api(&new));
    assert!(changes.iter().all(|c| !c.breaking), "{}", human(&changes));
}

#[test]
fn a_base_change_is_breaking_only_when_inherited_properties_are_lost() {
    let c = one_change(|v| widget(v)["base"] = Value::Null);
    assert!(c.breaking && c.detail.contains("`id`"), "{}", c.detail);
}

#[test]
fn operation_rules() {
    let c = one_change(|v| v["operations"][0]["method"] = json!("PUT"));
    assert_eq!(
        (c.item, c.breaking, c.detail.as_str()),
        (Item::Operation, true, "method POST → PUT")
    );
    let c = one_change(|v| v["operations"][0]["response"]["status"] = json!(200));
    assert_eq!((c.item, c.breaking), (Item::Response, true));
    let c = one_change(|v| v["operations"][0]["response"]["collection"] = json!(true));
    assert!(
        c.breaking && c.detail.contains("collection"),
        "{}",
        c.detail
    );
    let c = one_change(|v| v["operations"][0]["request_body"] = Value::Null);
    assert_eq!((c.item, c.breaking), (Item::RequestBody, true));
    let c = one_change(|v| v["operations"][0]["paths"] = json!(["/me/widgets"]));
    assert_eq!(
        (c.item, c.change, c.breaking),
        (Item::Path, ChangeKind::Removed, true)
    );
}

#[test]
fn an_added_path_is_breaking_only_when_it_renames_a_target() {
    let old = base();
    let mut new = base();
    new["operations"][0]["paths"] =
        json!(["/me/widgets", "/users/{id}/widgets", "/groups/{id}/widgets"]);
    let changes = diff(&api(&old), &api(&new));
    assert_eq!(changes.len(), 1, "{}", human(&changes));
    assert!(!changes[0].breaking);
    let mut one = base();
    one["operations"][0]["paths"] = json!(["/me/widgets"]);
    let mut two = base();
    two["operations"][0]["paths"] = json!(["/me/widgets", "/me/widgets/all"]);
    let changes = diff(&api(&one), &api(&two));
    // One alternative is named after its first segment (`Me`); two that share no tail
    // are named after their whole paths (`MeWidgets`, `MeWidgetsAll`).
    let renamed = changes
        .iter()
        .find(|c| c.detail.contains("renamed"))
        .unwrap_or_else(|| panic!("a rename: {}", human(&changes)));
    assert!(renamed.breaking);
    assert_eq!(
        renamed.detail,
        "target variant of /me/widgets renamed `Me` → `MeWidgets`"
    );
}

#[test]
fn operations_pair_by_page_so_a_new_title_is_a_rename() {
    let c = one_change(|v| {
        v["operations"][0]["name"] = json!("addWidget");
        v["operations"][0]["title"] = json!("Add widget");
    });
    assert_eq!(
        (c.item, c.change, c.breaking),
        (Item::Operation, ChangeKind::Changed, true)
    );
    assert!(
        c.detail.starts_with("renamed `createWidget` → `addWidget`"),
        "{}",
        c.detail
    );
}

#[test]
fn output_formats() {
    let mut new = base();
    widget(&mut new)["properties"][0]["type"] = json!("Edm.Int64");
    let changes = diff(&api(&base()), &api(&new));
    assert!(
        human(&changes).starts_with("BREAKING changed  property"),
        "{}",
        human(&changes)
    );
    assert_eq!(
        summary(&changes),
        "1 change (1 breaking): 0 added, 0 removed, 1 changed"
    );
    let j = json(&changes);
    assert_eq!(j["summary"]["breaking"], 1);
    assert_eq!(j["changes"][0]["item"], "property");
    assert_eq!(j["changes"][0]["old"], "resources/widget.md:9");
}
