//! Enums and their members.

use super::{Change, Item};
use crate::ir::{Api, EnumDef};

/// Enums added or removed, and members added or removed.
///
/// A removed member is breaking (its variant disappears). An added member is not: the
/// generated enums are open, so the value already read as `Other("name")`; only an
/// exhaustive `match` without a wildcard arm notices the new variant.
pub(super) fn diff(old: &Api, new: &Api, out: &mut Vec<Change>) {
    for e in &old.enums {
        match new.enum_def(&e.name) {
            None => out.push(Change::removed(
                Item::Enum,
                e.name.clone(),
                "enum removed".into(),
                &e.source,
            )),
            Some(n) => members(e, n, out),
        }
    }
    for e in new.enums.iter().filter(|e| old.enum_def(&e.name).is_none()) {
        out.push(Change::added(
            Item::Enum,
            e.name.clone(),
            "enum added".into(),
            &e.source,
            false,
        ));
    }
}

fn members(old: &EnumDef, new: &EnumDef, out: &mut Vec<Change>) {
    let has = |e: &EnumDef, name: &str| e.members.iter().any(|m| m.name == name);
    for m in old.members.iter().filter(|m| !has(new, &m.name)) {
        out.push(Change::removed(
            Item::EnumMember,
            format!("{}.{}", old.name, m.name),
            "enum member removed".into(),
            &old.source,
        ));
    }
    for m in new.members.iter().filter(|m| !has(old, &m.name)) {
        out.push(Change::added(
            Item::EnumMember,
            format!("{}.{}", new.name, m.name),
            "enum member added (enums are open: it used to read as `Other`)".into(),
            &new.source,
            false,
        ));
    }
}
