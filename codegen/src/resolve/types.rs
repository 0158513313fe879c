//! Type definitions: own rows, then inherited rows attributed to their declaring type,
//! then request-table rows of API pages merged into the types they describe.

use std::borrow::Cow;
use std::mem::take;

use rayon::prelude::*;

use super::{PageRef, Resolver, RowPlan, nullable, qualify};
use crate::diag::{Diagnostics, Location};
use crate::extract::{PageFragments, PropertyRow, TypeFragment};
use crate::ir::{Property, TypeDef, TypeKind};

/// Builds every type into `r.types`, moving the fragments' text into them.
pub(super) fn build(r: &mut Resolver, pages: &mut [PageFragments], diags: &mut Diagnostics) {
    let plans = plan_types(r, pages);
    // Per type in page order: its name as its page qualifies it (before the canonical
    // spelling: inherited rows are filed against it) and its inherited rows' plans.
    let mut inherited = Vec::new();
    for (page, (plans, d)) in pages.iter_mut().zip(plans) {
        diags.extend(d);
        let PageFragments {
            path,
            namespace,
            types,
            ..
        } = page;
        let at = PageRef { path, namespace };
        for (t, plan) in types.iter_mut().zip(plans) {
            inherited.push(define(r, t, at, plan, diags));
        }
    }
    super::chains::index_bases(r);
    let mut inherited = inherited.into_iter();
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
                at: r.type_index(&owner),
                name: &owner,
            };
            let rows = t.properties.iter().filter(|p| p.inherited_from.is_some());
            for (row, plan) in rows.zip(&plans) {
                attribute(r, row, owner, at, Origin::Inherited, plan, diags);
            }
        }
    }
    super::chains::set_kinds(r);
}

/// What of a type's definition only reads the name tables, worked out on the rayon pool.
struct TypePlan {
    /// Its name as its page qualifies it.
    owner: String,
    /// The canonical spelling of that name.
    name: String,
    base: Option<String>,
    /// Plans of the rows it declares itself (properties, then navigation).
    own: Vec<RowPlan>,
    /// Plans of its `Inherited from` rows, in order.
    inherited: Vec<RowPlan>,
}

/// Per page and type, its plan, with the diagnostics made planning them. Planning only
/// reads the name tables, so it runs on the rayon pool; the results are in page order.
fn plan_types(r: &Resolver, pages: &[PageFragments]) -> Vec<(Vec<TypePlan>, Diagnostics)> {
    pages
        .par_iter()
        .map(|page| {
            let mut d = Diagnostics::default();
            let at = PageRef {
                path: &page.path,
                namespace: &page.namespace,
            };
            let plans = page
                .types
                .iter()
                .map(|t| plan_type(r, t, at, &mut d))
                .collect();
            (plans, d)
        })
        .collect()
}

fn plan_type(r: &Resolver, t: &TypeFragment, at: PageRef, d: &mut Diagnostics) -> TypePlan {
    let owner = qualify(
        &t.name,
        at.namespace,
        &t.source,
        &mut Diagnostics::default(),
    );
    let name = r.type_names.get(&owner).unwrap_or(&owner).to_string();
    let base = t.base.as_ref().map(|b| base_name(r, b, at, &t.source, d));
    let own = own_rows(&t.properties)
        .chain(own_rows(&t.navigation))
        .map(|row| r.plan(row, at, d))
        .collect();
    let inherited = t
        .properties
        .iter()
        .filter(|p| p.inherited_from.is_some())
        .map(|row| r.plan(row, at, d))
        .collect();
    TypePlan {
        owner,
        name,
        base,
        own,
        inherited,
    }
}

/// The rows a type declares itself (not inherited).
fn own_rows(rows: &[PropertyRow]) -> impl Iterator<Item = &PropertyRow> {
    rows.iter().filter(|p| p.inherited_from.is_none())
}

/// Where a row that is not the type's own comes from.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Origin {
    /// An `Inherited from` row on a derived type's page.
    Inherited,
    /// A row of an API page's Request body table.
    RequestTable,
}

/// Defines (or merges) the type `t` describes from its own rows; returns its name as
/// the page qualifies it, with its inherited rows' plans.
fn define(
    r: &mut Resolver,
    t: &mut TypeFragment,
    page: PageRef,
    plan: TypePlan,
    diags: &mut Diagnostics,
) -> (String, Vec<RowPlan>) {
    let TypePlan {
        owner,
        name,
        base,
        own,
        inherited,
    } = plan;
    let mut plans = own.into_iter();
    let mut own = |rows: &mut [PropertyRow], r: &mut Resolver| -> Vec<Property> {
        // Sized for every row: a filtered iterator would grow the vector step by step.
        let mut props = Vec::with_capacity(rows.len());
        props.extend(
            rows.iter_mut()
                .filter(|p| p.inherited_from.is_none())
                .map(|p| {
                    let plan = plans.next().unwrap_or_default();
                    r.planned_property(p, &name, page, plan, diags)
                }),
        );
        props
    };
    let properties = own(&mut t.properties, r);
    let navigation = own(&mut t.navigation, r);
    match r.type_index(&name).and_then(|i| r.types.get_mut(i)) {
        Some(existing) => merge(existing, properties, navigation, t, diags),
        None => {
            r.type_at.insert(name.clone(), r.types.len());
            r.types.push(TypeDef {
                name,
                kind: if t.has_key {
                    TypeKind::Entity
                } else {
                    TypeKind::Complex
                },
                base,
                description: take(&mut t.description),
                source: take(&mut t.source),
                properties,
                navigation,
            });
        }
    }
    (owner, inherited)
}

fn base_name(
    r: &Resolver,
    base: &str,
    page: PageRef,
    at: &Location,
    diags: &mut Diagnostics,
) -> String {
    let q = qualify(base, page.namespace, at, diags);
    match r.type_names.find(&q, None, page.path) {
        Some(found) => found,
        None => {
            diags.warning(
                "unresolved-type",
                at.clone(),
                format!("base type `{base}` is not defined by any page"),
            );
            q
        }
    }
}

/// A second page defining the same type: add what is new, report what disagrees.
fn merge(
    existing: &mut TypeDef,
    props: Vec<Property>,
    nav: Vec<Property>,
    t: &TypeFragment,
    diags: &mut Diagnostics,
) {
    diags.note(
        "type-defined-twice",
        t.source.clone(),
        format!(
            "`{}` is also defined at {}; the definitions are merged",
            existing.name, existing.source
        ),
    );
    for p in props {
        add_or_compare(&mut existing.properties, p, &existing.name, diags);
    }
    for p in nav {
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
    a.eq_ignore_ascii_case(b) && a_collection == b_collection
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
