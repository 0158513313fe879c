//! Types and their properties.

use std::collections::BTreeMap;

use super::{Change, Item};
use crate::ir::{Api, Property, TypeDef};

/// Types added, removed or changed (base, kind, properties).
pub(super) fn diff(old: &Api, new: &Api, out: &mut Vec<Change>) {
    for t in &old.types {
        match new.type_def(&t.name) {
            None => out.push(Change::removed(
                Item::Type,
                t.name.clone(),
                "type removed".into(),
                &t.source,
            )),
            Some(n) => changed(old, new, t, n, out),
        }
    }
    for t in new.types.iter().filter(|t| old.type_def(&t.name).is_none()) {
        out.push(Change::added(
            Item::Type,
            t.name.clone(),
            "type added".into(),
            &t.source,
            false,
        ));
    }
}

fn changed(old_api: &Api, new_api: &Api, old: &TypeDef, new: &TypeDef, out: &mut Vec<Change>) {
    let places = (&old.source, &new.source);
    if old.base != new.base {
        let lost = lost_inherited(old_api, new_api, &old.name);
        let detail = format!(
            "base type {} → {}{}",
            shown(old.base.as_deref()),
            shown(new.base.as_deref()),
            if lost.is_empty() {
                String::new()
            } else {
                format!("; inherited properties lost: {}", lost.join(", "))
            }
        );
        let change = Change::changed(Item::Type, old.name.clone(), detail, places);
        out.push(if lost.is_empty() {
            change.not_breaking()
        } else {
            change
        });
    }
    if old.kind != new.kind {
        let detail = format!("kind {:?} → {:?}", old.kind, new.kind).to_lowercase();
        out.push(Change::changed(Item::Type, old.name.clone(), detail, places).not_breaking());
    }
    let own = |t: &'_ TypeDef| -> Vec<Property> {
        t.properties.iter().chain(&t.navigation).cloned().collect()
    };
    properties(&old.name, Item::Property, &own(old), &own(new), out);
}

/// Names of properties a type had through its bases that it no longer has at all.
fn lost_inherited(old: &Api, new: &Api, name: &str) -> Vec<String> {
    let now: Vec<&str> = new
        .all_properties(name)
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    let mut lost: Vec<String> = old
        .all_properties(name)
        .iter()
        .map(|p| p.name.as_str())
        .filter(|n| !now.contains(n))
        .map(|n| format!("`{n}`"))
        .collect();
    lost.sort();
    lost.dedup();
    lost
}

fn shown(base: Option<&str>) -> String {
    base.map_or_else(|| "(none)".to_string(), |b| format!("`{b}`"))
}

/// Compares two property lists of `owner` by name: removed and retyped properties are
/// breaking, added ones are not (every generated field is optional).
pub(super) fn properties(
    owner: &str,
    item: Item,
    old: &[Property],
    new: &[Property],
    out: &mut Vec<Change>,
) {
    let by_name = |list: &[Property]| -> BTreeMap<String, Property> {
        list.iter().map(|p| (p.name.clone(), p.clone())).collect()
    };
    let (old, new) = (by_name(old), by_name(new));
    for (name, o) in &old {
        let full = format!("{owner}.{name}");
        match new.get(name) {
            None => out.push(Change::removed(
                item,
                full,
                format!("{} removed", item.label()),
                &o.source,
            )),
            Some(n) => {
                if let Some(detail) = retyped(o, n) {
                    out.push(Change::changed(item, full, detail, (&o.source, &n.source)));
                }
            }
        }
    }
    for (name, n) in new.iter().filter(|(name, _)| !old.contains_key(*name)) {
        out.push(Change::added(
            item,
            format!("{owner}.{name}"),
            format!("{} added, of type {}", item.label(), type_text(n)),
            &n.source,
            false,
        ));
    }
}

/// What changed in a property's Rust type, if anything.
fn retyped(old: &Property, new: &Property) -> Option<String> {
    let same_type = old.type_name.eq_ignore_ascii_case(&new.type_name);
    let detail = match (same_type, old.collection == new.collection) {
        (true, true) => return None,
        (false, true) => format!("type `{}` → `{}`", old.type_name, new.type_name),
        (true, false) => format!("{} → {}", many(old), many(new)),
        (false, false) => format!("type {} → {}", type_text(old), type_text(new)),
    };
    Some(detail)
}

fn many(p: &Property) -> &'static str {
    if p.collection {
        "a collection"
    } else {
        "a single value"
    }
}

/// `` `Edm.String` `` or `` `Edm.String` collection ``.
pub(super) fn type_text(p: &Property) -> String {
    if p.collection {
        format!("`{}` collection", p.type_name)
    } else {
        format!("`{}`", p.type_name)
    }
}
