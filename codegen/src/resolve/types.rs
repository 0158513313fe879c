//! Type definitions: own rows, then inherited rows attributed to their declaring type,
//! then request-table rows of API pages merged into the types they describe.

use std::borrow::Cow;

use super::prepare::Prepared;
use super::{PageRef, Resolver, RowPlan, nullable};
use crate::diag::Diagnostics;
use crate::extract::{PageFragments, PropertyRow, TypeFragment};
use crate::ir::{Property, TypeDef};

/// Builds every type into `r.types`, moving the fragments' text into them.
pub(super) fn build(r: &mut Resolver, pages: &mut [PageFragments], diags: &mut Diagnostics) {
    let prepared = super::prepare::types(r, pages);
    // Per type in page order: its name as its page qualifies it (before the canonical
    // spelling: inherited rows are filed against it) and its inherited rows' plans.
    let mut inherited = Vec::new();
    for (page, (prepared, d)) in pages.iter_mut().zip(prepared) {
        diags.extend(d);
        let PageFragments {
            path,
            namespace,
            types,
            ..
        } = page;
        let at = PageRef { path, namespace };
        for (t, p) in types.iter_mut().zip(prepared) {
            inherited.push(define(r, t, at, p, diags));
        }
    }
    super::chains::index_bases(r);
    attribute_inherited(r, pages, &inherited, diags);
    // The plans' strings are freed beside the rest, on the rayon pool.
    rayon::join(move || drop(inherited), || super::chains::set_kinds(r));
}

/// Files every type's inherited rows against the type that declares them, in page order
/// (`inherited` holds, per type in page order, its name as its page qualifies it and its
/// inherited rows' plans).
fn attribute_inherited(
    r: &mut Resolver,
    pages: &[PageFragments],
    inherited: &[(String, Vec<RowPlan>)],
    diags: &mut Diagnostics,
) {
    let mut inherited = inherited.iter();
    for page in pages.iter() {
        let at = PageRef {
            path: &page.path,
            namespace: &page.namespace,
        };
        for t in &page.types {
            let Some((owner, plans)) = inherited.next() else {
                break;
            };
            if plans.is_empty() {
                continue;
            }
            let owner = Owner {
                at: r.type_index(owner),
                name: owner,
            };
            let rows = t.properties.iter().filter(|p| p.inherited_from.is_some());
            for (row, plan) in rows.zip(plans) {
                attribute(r, row, owner, at, Origin::Inherited, plan, diags);
            }
        }
    }
}

/// Where a row that is not the type's own comes from.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Origin {
    /// An `Inherited from` row on a derived type's page.
    Inherited,
    /// A row of an API page's Request body table.
    RequestTable,
}

/// Defines (or merges) the type `t` describes, prepared on the pool: only its pending
/// rows are resolved here, in order (they may infer enums). Returns its name as the page
/// qualifies it, with its inherited rows' plans.
fn define(
    r: &mut Resolver,
    t: &mut TypeFragment,
    page: PageRef,
    prepared: Prepared,
    diags: &mut Diagnostics,
) -> (String, Vec<RowPlan>) {
    let Prepared {
        mut def,
        pending,
        owner,
        inherited,
    } = prepared;
    for p in pending {
        let (rows, props) = if p.navigation {
            (&mut t.navigation, &mut def.navigation)
        } else {
            (&mut t.properties, &mut def.properties)
        };
        if let (Some(row), Some(slot)) = (rows.get_mut(p.row), props.get_mut(p.at)) {
            *slot = r.planned_property(row, &def.name, page, RowPlan::default(), diags);
        }
    }
    match r.type_index(&def.name).and_then(|i| r.types.get_mut(i)) {
        Some(existing) => merge(existing, def, diags),
        None => {
            r.type_at.insert(def.name.clone(), r.types.len());
            r.types.push(def);
        }
    }
    (owner, inherited)
}

/// A second page defining the same type: add what is new, report what disagrees.
fn merge(existing: &mut TypeDef, other: TypeDef, diags: &mut Diagnostics) {
    diags.note(
        "type-defined-twice",
        other.source,
        format!(
            "`{}` is also defined at {}; the definitions are merged",
            existing.name, existing.source
        ),
    );
    for p in other.properties {
        add_or_compare(&mut existing.properties, p, &existing.name, diags);
    }
    for p in other.navigation {
        add_or_compare(&mut existing.navigation, p, &existing.name, diags);
    }
}

fn add_or_compare(list: &mut Vec<Property>, p: Property, owner: &str, diags: &mut Diagnostics) {
    match list.iter().find(|q| q.name == p.name) {
        Some(q) if !compatible(q, &p) => {
            diags.warning(
                "property-disagrees",
                p.source.clone(),
                format!(
                    "`{owner}.{}` is documented here as {} but as {} at {}; the first is kept",
                    p.name,
                    describe(&p),
                    describe(q),
                    q.source
                ),
            );
        }
        Some(_) => {}
        None => list.push(p),
    }
}

fn compatible(a: &Property, b: &Property) -> bool {
    same_type(&a.type_name, a.collection, &b.type_name, b.collection)
}

fn same_type(a: &str, a_collection: bool, b: &str, b_collection: bool) -> bool {
    // Most rows agree exactly: a plain comparison (a length check and a memcmp) settles
    // them without folding the case of every byte.
    a_collection == b_collection && (a == b || a.eq_ignore_ascii_case(b))
}

fn describe(p: &Property) -> String {
    describe_type(&p.type_name, p.collection)
}

fn describe_type(type_name: &str, collection: bool) -> String {
    if collection {
        format!("`{type_name}` collection")
    } else {
        format!("`{type_name}`")
    }
}

/// Files a row that belongs to another type (its base, or the type a request body
/// describes): compared with the declaration when there is one, else added to it.
///
/// The row is only read: a request-table row is also the request body's property. Its
/// text is copied in the rare case that it is added to the type.
/// The type rows are attributed to: its name, and its index in `Resolver::types` when it
/// is defined (looked up once for all its rows).
#[derive(Clone, Copy)]
pub(super) struct Owner<'a> {
    pub(super) name: &'a str,
    pub(super) at: Option<usize>,
}

pub(super) fn attribute(
    r: &mut Resolver,
    row: &PropertyRow,
    owner: Owner,
    page: PageRef,
    origin: Origin,
    plan: &RowPlan,
    diags: &mut Diagnostics,
) {
    let declaring = plan.declaring.as_deref().unwrap_or(owner.name);
    // Borrowed when planned: most rows agree with a declaration and are only compared,
    // and a copy per row cost an allocation and its free in the in-order pass.
    let type_name: Cow<str> = match &plan.type_name {
        Some(t) => Cow::Borrowed(t),
        None => Cow::Owned(r.type_name_of(row, declaring, page, diags)),
    };
    let collection = row.type_ref.collection;
    if let Some(found) = super::chains::find_in_chain(r, owner.at, &row.name) {
        let agrees = same_type(&found.type_name, found.collection, &type_name, collection);
        if !agrees && !enum_documented_as_string(r, found, row) {
            diags.warning(
                "property-disagrees",
                row.source.clone(),
                format!(
                    "`{}` is documented here as {} but as {} at {}; the declaration is kept",
                    row.name,
                    describe_type(&type_name, collection),
                    describe(found),
                    found.source
                ),
            );
        }
        return;
    }
    let Some(target) = r.type_index(declaring).and_then(|i| r.types.get_mut(i)) else {
        return;
    };
    let code = match origin {
        Origin::Inherited => "inherited-property-undeclared",
        Origin::RequestTable => "property-only-in-request-table",
    };
    diags.warning(
        code,
        row.source.clone(),
        format!(
            "property `{}` is not documented on `{}`'s own page; added to it from here",
            row.name, target.name
        ),
    );
    target.properties.push(Property {
        name: row.name.clone(),
        type_name: type_name.into_owned(),
        collection,
        nullable: nullable(&row.description),
        description: row.description.clone(),
        source: row.source.clone(),
    });
}

/// `allowedAudiences | String | … Possible values are …` against the enum declaration.
fn enum_documented_as_string(r: &Resolver, declared: &Property, row: &PropertyRow) -> bool {
    row.type_ref.name == "Edm.String" && r.enums.contains_key(&declared.type_name)
}
