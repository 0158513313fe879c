//! Types built on the rayon pool from their own rows, before they are defined in page
//! order: planning and moving the rows' text only read the name tables.

use std::mem::take;

use rayon::prelude::*;

use super::{PageRef, Resolver, RowPlan, nullable, qualify};
use crate::diag::{Diagnostics, Location};
use crate::extract::{PageFragments, PropertyRow, TypeFragment};
use crate::ir::{Property, TypeDef, TypeKind};

/// A type as its own page describes it, built ahead but for the rows whose type only the
/// in-order pass can tell (see [`Resolver::settled_type_name`]).
pub(super) struct Prepared {
    /// The type, with a placeholder at each pending row's property.
    pub(super) def: TypeDef,
    /// The rows left to the in-order pass, in row order (properties, then navigation).
    pub(super) pending: Vec<Pending>,
    /// Its name as its page qualifies it (inherited rows are filed against it).
    pub(super) owner: String,
    /// Plans of its `Inherited from` rows, in order.
    pub(super) inherited: Vec<RowPlan>,
}

/// A row whose property is made in order: which table, the row's index in it, and the
/// index of its placeholder in the type's list.
#[derive(Clone, Copy)]
pub(super) struct Pending {
    pub(super) navigation: bool,
    pub(super) row: usize,
    pub(super) at: usize,
}

/// Per page and type, its [`Prepared`] type, with the diagnostics made planning them;
/// the results are in page order. The fragments' own rows' text moves into the types.
pub(super) fn types(
    r: &Resolver,
    pages: &mut [PageFragments],
) -> Vec<(Vec<Prepared>, Diagnostics)> {
    pages
        .par_iter_mut()
        .map(|page| {
            let mut d = Diagnostics::default();
            let at = PageRef {
                path: &page.path,
                namespace: &page.namespace,
            };
            let prepared = page
                .types
                .iter_mut()
                .map(|t| prepare(r, t, at, &mut d))
                .collect();
            (prepared, d)
        })
        .collect()
}

fn prepare(r: &Resolver, t: &mut TypeFragment, at: PageRef, d: &mut Diagnostics) -> Prepared {
    let owner = qualify(
        &t.name,
        at.namespace,
        &t.source,
        &mut Diagnostics::default(),
    );
    let name = r.type_names.get(&owner).unwrap_or(&owner).to_string();
    let base = t.base.as_ref().map(|b| base_name(r, b, at, &t.source, d));
    let mut own = own_rows(&t.properties)
        .chain(own_rows(&t.navigation))
        .map(|row| r.plan(row, at, d))
        .collect::<Vec<_>>()
        .into_iter();
    let inherited = t
        .properties
        .iter()
        .filter(|p| p.inherited_from.is_some())
        .map(|row| r.plan(row, at, d))
        .collect();
    let mut pending = Vec::new();
    let properties = own_properties(&mut t.properties, false, &mut own, &mut pending);
    let navigation = own_properties(&mut t.navigation, true, &mut own, &mut pending);
    let def = TypeDef {
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
    };
    Prepared {
        def,
        pending,
        owner,
        inherited,
    }
}

/// The properties of a type's own rows among `rows` (its `navigation` table or not),
/// with their plans taken from `plans`; a row with no settled type gets a placeholder and
/// is noted in `pending`.
fn own_properties(
    rows: &mut [PropertyRow],
    navigation: bool,
    plans: &mut impl Iterator<Item = RowPlan>,
    pending: &mut Vec<Pending>,
) -> Vec<Property> {
    // Sized for every row: a filtered iterator would grow the vector step by step.
    let mut props = Vec::with_capacity(rows.len());
    let own = rows.iter_mut().enumerate();
    for (i, row) in own.filter(|(_, p)| p.inherited_from.is_none()) {
        let plan = plans.next().unwrap_or_default();
        match plan.type_name {
            Some(type_name) => {
                let nullable = plan.nullable.unwrap_or_else(|| nullable(&row.description));
                props.push(super::property_of(row, type_name, nullable));
            }
            None => {
                pending.push(Pending {
                    navigation,
                    row: i,
                    at: props.len(),
                });
                props.push(placeholder());
            }
        }
    }
    props
}

/// Stands for a pending row's property until the in-order pass makes it.
fn placeholder() -> Property {
    Property {
        name: String::new(),
        type_name: String::new(),
        collection: false,
        nullable: false,
        description: String::new(),
        source: Location::default(),
    }
}

/// The rows a type declares itself (not inherited).
fn own_rows(rows: &[PropertyRow]) -> impl Iterator<Item = &PropertyRow> {
    rows.iter().filter(|p| p.inherited_from.is_none())
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
