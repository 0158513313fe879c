//! Enums: documented enum tables, and enums inferred from "Possible values are" lists.

use super::hash::FastMap;
use std::collections::hash_map::Entry;
use std::mem::take;

use rayon::prelude::*;

use super::{Resolver, namespace_of, short_name};
use crate::diag::Diagnostics;
use crate::extract::{PageFragments, PropertyRow};
use crate::ir::{EnumDef, EnumMember};

/// Registers every enum table, moving its text into the IR; a second table for the same
/// name is merged with a note.
/// `qualified` holds, per page, its enums' qualified names.
pub(super) fn register_documented(
    r: &mut Resolver,
    pages: &mut [PageFragments],
    qualified: Vec<Vec<String>>,
    diags: &mut Diagnostics,
) {
    for (page, qualified) in pages.iter_mut().zip(qualified) {
        for (e, q) in page.enums.iter_mut().zip(qualified) {
            let name = r.enum_names.get(&q).unwrap_or(&q).to_string();
            match r.enums.get_mut(&name) {
                Some(existing) => {
                    if names_of(&existing.members) != names_of(&e.members) {
                        diags.warning(
                            "enum-defined-twice",
                            e.source.clone(),
                            format!("enum `{name}` is also defined at {} with other members; members are merged", existing.source),
                        );
                        for m in take(&mut e.members) {
                            if !existing.members.iter().any(|x| x.name == m.name) {
                                existing.members.push(m);
                            }
                        }
                    }
                }
                None => {
                    r.enums.insert(
                        name.clone(),
                        EnumDef {
                            name,
                            description: take(&mut e.description),
                            members: take(&mut e.members),
                            source: take(&mut e.source),
                        },
                    );
                }
            }
        }
    }
    // Indexed once all tables are merged: merging changes members. The keys (sorted
    // copies of the member names) are made on the rayon pool. The order they are filed
    // in (the map's) does not matter: a key ends as `None` whenever two enums share it.
    let keyed: Vec<(Vec<String>, &EnumDef)> = r
        .enums
        .par_iter()
        .map(|(_, e)| (member_key(e), e))
        .collect();
    r.enums_by_members.reserve(keyed.len());
    for (key, e) in keyed {
        index_members(&mut r.enums_by_members, key, e);
    }
}

/// `e`'s member names, sorted: its key in `Resolver::enums_by_members`.
fn member_key(e: &EnumDef) -> Vec<String> {
    sorted(names_of(&e.members))
}

/// Files `e` under `key`, its [`member_key`].
fn index_members(index: &mut FastMap<Vec<String>, Option<String>>, key: Vec<String>, e: &EnumDef) {
    match index.entry(key) {
        Entry::Vacant(v) => {
            v.insert(Some(e.name.clone()));
        }
        Entry::Occupied(mut o) => {
            o.insert(None);
        }
    }
}

fn sorted<'a>(names: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut v: Vec<String> = names.into_iter().map(str::to_string).collect();
    v.sort_unstable();
    v
}

fn names_of(members: &[EnumMember]) -> Vec<&str> {
    members.iter().map(|m| m.name.as_str()).collect()
}

/// The enum for a String property whose description lists its possible values.
///
/// Uses a documented enum of the property's name when there is one; otherwise creates
/// one named after the property (or after owner + property when that name is taken by
/// an enum with other members). The generated enum accepts unlisted values, so reading
/// the string as an enum loses nothing; a note says it was inferred.
pub(super) fn inferred(
    r: &mut Resolver,
    row: &PropertyRow,
    owner: &str,
    diags: &mut Diagnostics,
) -> String {
    let ns = namespace_of(owner);
    let by_property = format!("{ns}.{}", row.name);
    if let Some(documented) = r.enum_names.get(&by_property).map(str::to_string) {
        compare_documented(r, &documented, row, diags);
        return documented;
    }
    if let Some(same) = documented_with_members(r, &row.possible_values) {
        diags.note(
            "enum-inferred",
            row.source.clone(),
            format!("`{}` is documented as String with a list of possible values; read as enum `{same}`, which lists exactly those values", row.name),
        );
        return same;
    }
    let candidates = [
        by_property,
        format!(
            "{ns}.{}{}",
            short_name(owner),
            crate::naming::upper_camel(&row.name)
        ),
    ];
    // A name a type already has (`recipients`) is not free for an enum.
    for name in candidates
        .into_iter()
        .filter(|n| r.type_names.get(n).is_none())
    {
        match r.enums.get(&name) {
            Some(e) if same_members(e, &row.possible_values) => return name,
            Some(_) => continue,
            None => {
                diags.note(
                    "enum-inferred",
                    row.source.clone(),
                    format!("`{}` is documented as String with a list of possible values; generated as enum `{name}`, which also accepts values the list does not name", row.name),
                );
                r.enum_names.add(&name, None);
                let e = new_enum(&name, row);
                index_members(&mut r.enums_by_members, member_key(&e), &e);
                r.enums.insert(name.clone(), e);
                return name;
            }
        }
    }
    "Edm.String".to_string()
}

/// The one documented enum whose members are exactly `values` (in any order).
fn documented_with_members(r: &Resolver, values: &[String]) -> Option<String> {
    let want = sorted(values.iter().map(String::as_str));
    r.enums_by_members.get(&want)?.clone()
}

fn same_members(e: &EnumDef, values: &[String]) -> bool {
    e.members.len() == values.len() && e.members.iter().zip(values).all(|(m, v)| &m.name == v)
}

fn new_enum(name: &str, row: &PropertyRow) -> EnumDef {
    EnumDef {
        name: name.to_string(),
        description: format!(
            "Possible values of `{}`, as listed in its description.",
            row.name
        ),
        members: row
            .possible_values
            .iter()
            .enumerate()
            .map(|(i, v)| EnumMember {
                name: v.clone(),
                value: i as i64,
                description: String::new(),
            })
            .collect(),
        source: row.source.clone(),
    }
}

fn compare_documented(r: &Resolver, name: &str, row: &PropertyRow, diags: &mut Diagnostics) {
    let Some(e) = r.enums.get(name) else { return };
    let missing: Vec<&str> = row
        .possible_values
        .iter()
        .filter(|v| !e.members.iter().any(|m| &m.name == *v))
        .map(String::as_str)
        .collect();
    if !missing.is_empty() {
        diags.warning(
            "enum-value-undocumented",
            row.source.clone(),
            format!(
                "`{}` lists values that enum `{name}` (at {}) does not: {}",
                row.name,
                e.source,
                missing.join(", ")
            ),
        );
    }
}
