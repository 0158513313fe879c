//! Resolution: page fragments → the [`Api`] IR.
//!
//! One registry of names (types and enums, case-insensitive), type references resolved
//! against it, inherited rows attributed to the declaring type, request-table rows merged
//! into the types they describe, and examples paired with the type of their body.

mod chains;
mod enums;
pub(crate) mod hash;
mod names;
mod operations;
mod plan;
mod prepare;
mod types;

use hash::{FastMap, fast_map};

use rayon::prelude::*;

use crate::diag::{Diagnostics, Location};
use crate::extract::{PageFragments, PropertyRow};
use crate::ir::{Api, EnumDef, Operation, Property, TypeDef};

pub use names::{
    GRAPH, canonical_namespaces, join, namespace_of, normalise_namespace, qualify, short_name,
};

/// Builds the IR from every page's fragments.
///
/// The text of the fragments (names, descriptions, locations, example bodies …) is moved
/// into the IR rather than copied, so the fragments are left partly emptied: they are
/// meant to be dropped afterwards. Copying made most of resolution's time the allocation
/// and first touch of memory that the fragments already held.
pub fn resolve(pages: &mut [PageFragments], diags: &mut Diagnostics) -> Api {
    let mut r = Resolver::new(pages, diags);
    types::build(&mut r, pages, diags);
    let operations = operations::build(&mut r, pages, diags);
    let Resolver {
        types,
        enums,
        type_names,
        enum_names,
        type_at,
        enums_by_members,
        bases: _,
    } = r;
    let tables = (type_names, enum_names, type_at, enums_by_members);
    // The orderings are independent: side by side on the rayon pool, rather than one
    // after the other with their first steps on this (otherwise idle) thread. The name
    // tables are freed there too: their ~10,000 strings cost this thread 1.6 M
    // instructions.
    let ((types, enums), operations) = rayon::join(
        || rayon::join(|| in_name_order(types), || enums_in_name_order(enums)),
        || {
            drop(tables);
            by_name_and_source(operations)
        },
    );
    Api {
        types,
        enums,
        operations,
    }
}

/// The operations (in slots, see [`operations::build`]) sorted by name, then source, as
/// the IR lists them (stable, as `sort_by` is). Indices are sorted and each operation
/// moved once, out of its slot: sorting the large operations themselves spent most of its
/// time copying them. The sort runs on the rayon pool.
fn by_name_and_source(mut slots: Vec<Option<Operation>>) -> Vec<Operation> {
    let mut keyed: Vec<(&Operation, usize)> = slots
        .iter()
        .zip(0..)
        .filter_map(|(op, i)| Some((op.as_ref()?, i)))
        .collect();
    keyed.par_sort_by(|(a, _), (b, _)| a.name.cmp(&b.name).then(a.source.cmp(&b.source)));
    let order: Vec<usize> = keyed.into_iter().map(|(_, i)| i).collect();
    let mut sorted = Vec::with_capacity(order.len());
    sorted.extend(
        order
            .into_iter()
            .filter_map(|i| slots.get_mut(i).and_then(Option::take)),
    );
    sorted
}

/// The enums sorted by name (the map's keys, so each name once), as the IR lists them.
fn enums_in_name_order(enums: FastMap<String, EnumDef>) -> Vec<EnumDef> {
    let mut enums: Vec<EnumDef> = enums.into_values().collect();
    enums.par_sort_unstable_by(|a, b| a.name.cmp(&b.name));
    enums
}

/// The types sorted by name (each is defined once), as the IR lists them; sorted on
/// the rayon pool.
fn in_name_order(mut types: Vec<TypeDef>) -> Vec<TypeDef> {
    types.par_sort_unstable_by(|a, b| a.name.cmp(&b.name));
    types
}

/// The page a fragment is on, as far as resolving its names needs it.
#[derive(Clone, Copy)]
pub(crate) struct PageRef<'a> {
    path: &'a str,
    namespace: &'a str,
}

/// A page's type and enum names, qualified, each with its lower-case spelling (the key
/// of [`names::Names`]).
struct PageNames {
    types: Vec<(String, String)>,
    enums: Vec<(String, String)>,
    page_lower: Option<String>,
    diags: Diagnostics,
}

impl PageNames {
    fn of(page: &PageFragments) -> Self {
        let mut diags = Diagnostics::default();
        let mut named = |name: &str, at: &Location| {
            let q = qualify(name, &page.namespace, at, &mut diags);
            let lower = q.to_ascii_lowercase();
            (q, lower)
        };
        let types = page
            .types
            .iter()
            .map(|t| named(&t.name, &t.source))
            .collect();
        let enums = page
            .enums
            .iter()
            .map(|e| named(&e.name, &e.source))
            .collect();
        // Links to a page mean its first type: most pages (API pages) define none, and
        // need no lowered path.
        let page_lower = (!page.types.is_empty()).then(|| page.path.to_ascii_lowercase());
        PageNames {
            types,
            enums,
            page_lower,
            diags,
        }
    }
}

/// What of a row's resolution was worked out ahead (see [`Resolver::plan`]); `None`
/// parts are done in order.
#[derive(Default)]
pub(crate) struct RowPlan {
    type_name: Option<String>,
    nullable: Option<bool>,
    /// The type an `Inherited from` row names, when it is found.
    declaring: Option<String>,
}

/// Shared state while resolving.
pub(crate) struct Resolver {
    type_names: names::Names,
    enum_names: names::Names,
    /// Every type, in the order first defined; `type_at` finds one by name (hashed
    /// because resolving looks types up often, and only the IR needs them in order).
    types: Vec<TypeDef>,
    type_at: FastMap<String, usize>,
    /// Per type (as in `types`), its base's index, set once every type is defined: the
    /// base chains of every attributed row are walked without looking names up.
    bases: Vec<Option<usize>>,
    /// Every enum by name; hashed, as `type_at` (the IR sorts them at the end).
    enums: FastMap<String, EnumDef>,
    /// Every enum's member names, sorted → its name, or `None` when several enums have
    /// those members. Kept beside `enums` so that matching a list of possible values
    /// does not sort every enum's members again for each list.
    enums_by_members: FastMap<Vec<String>, Option<String>>,
}

impl Resolver {
    fn new(pages: &mut [PageFragments], diags: &mut Diagnostics) -> Self {
        // Qualifying and lowering every name only reads the pages: on the rayon pool.
        let named: Vec<PageNames> = pages.par_iter().map(PageNames::of).collect();
        let type_count = named.iter().map(|n| n.types.len()).sum();
        let enum_count = named.iter().map(|n| n.enums.len()).sum();
        let mut r = Resolver {
            type_names: names::Names::with_capacity(type_count, pages.len()),
            enum_names: names::Names::with_capacity(enum_count, 0),
            types: Vec::with_capacity(type_count),
            type_at: fast_map(type_count),
            bases: Vec::new(),
            enums: fast_map(enum_count),
            enums_by_members: fast_map(0),
        };
        let mut enum_names = Vec::with_capacity(named.len());
        for n in named {
            diags.extend(n.diags);
            let mut page = n.page_lower;
            for (q, lower) in n.types {
                // Only a page's first type can be what links to the page mean.
                r.type_names.add_lowered(lower, q, page.take());
            }
            let mut qualified = Vec::with_capacity(n.enums.len());
            for (q, lower) in n.enums {
                r.enum_names.add_lowered(lower, q.clone(), None);
                qualified.push(q);
            }
            enum_names.push(qualified);
        }
        enums::register_documented(&mut r, pages, enum_names, diags);
        r
    }

    /// The index in `types` of the type named `name`.
    fn type_index(&self, name: &str) -> Option<usize> {
        self.type_at.get(name).copied()
    }

    /// Works out what of a row's resolution cannot depend on the enums inferred while
    /// resolving in order, so that it can run on the rayon pool beforehand.
    fn plan(&self, row: &PropertyRow, page: PageRef, diags: &mut Diagnostics) -> RowPlan {
        let declaring = row.inherited_from.as_ref().and_then(|b| {
            let q = qualify(b, page.namespace, &row.source, &mut Diagnostics::default());
            self.type_names.find(&q, None, page.path)
        });
        RowPlan {
            type_name: self.settled_type_name(row, page, diags),
            nullable: Some(nullable(&row.description)),
            declaring,
        }
    }

    /// The type of a row when no enum inferred later can change it (see
    /// [`Resolver::settled_lookup`]); `None` leaves the row to
    /// [`Resolver::type_name_of`], in order.
    fn settled_type_name(
        &self,
        row: &PropertyRow,
        page: PageRef,
        diags: &mut Diagnostics,
    ) -> Option<String> {
        if row.type_ref.name == "Edm.String" && row.possible_values.len() >= 2 {
            return None;
        }
        self.settled_lookup(&row.type_ref, page, &row.source, diags)
    }

    /// Resolves a table row into a property of `owner` (a qualified type name), moving
    /// the row's text into it; the parts `plan` worked out ahead are taken from it.
    fn planned_property(
        &mut self,
        row: &mut PropertyRow,
        owner: &str,
        page: PageRef,
        plan: RowPlan,
        diags: &mut Diagnostics,
    ) -> Property {
        let type_name = match plan.type_name {
            Some(t) => t,
            None => self.type_name_of(row, owner, page, diags),
        };
        let nullable = plan.nullable.unwrap_or_else(|| nullable(&row.description));
        property_of(row, type_name, nullable)
    }

    /// The type of a row: a primitive, an enum its possible values make, or a lookup.
    fn type_name_of(
        &mut self,
        row: &PropertyRow,
        owner: &str,
        page: PageRef,
        diags: &mut Diagnostics,
    ) -> String {
        let r = &row.type_ref;
        if r.name == "Edm.String" && row.possible_values.len() >= 2 {
            return enums::inferred(self, row, owner, diags);
        }
        if crate::ir::is_primitive(&r.name) {
            return r.name.clone();
        }
        self.lookup(r, page, &row.source, diags)
    }

    /// Resolves a type reference to a type or enum, reporting names nobody defines.
    fn lookup(
        &self,
        r: &crate::extract::type_text::TypeRef,
        page: PageRef,
        at: &Location,
        diags: &mut Diagnostics,
    ) -> String {
        if crate::ir::is_primitive(&r.name) {
            return r.name.clone();
        }
        let q = qualify(&r.name, page.namespace, at, diags);
        // Names first (a type or an enum), then the page a link points to.
        let by_name = self
            .type_names
            .find_name(&q)
            .or_else(|| self.enum_names.find_name(&q));
        let by_link = || {
            let link = r.link.as_deref()?;
            let found = self
                .type_names
                .by_link(page.path, link)
                .or_else(|| self.enum_names.by_link(page.path, link));
            found.map(str::to_string)
        };
        if let Some(found) = by_name.or_else(by_link) {
            return found;
        }
        diags
            .warning(
                "unresolved-type",
                at.clone(),
                format!("type `{}` is not defined by any page", r.name),
            )
            .help = Some("add its resource page to the docs folder, or fix the name".to_string());
        q
    }
}

/// The property of a table row whose type is `type_name`, the row's text moved into it.
fn property_of(row: &mut PropertyRow, type_name: String, nullable: bool) -> Property {
    Property {
        name: std::mem::take(&mut row.name),
        type_name,
        collection: row.type_ref.collection,
        nullable,
        description: std::mem::take(&mut row.description),
        source: std::mem::take(&mut row.source),
    }
}

/// Graph properties may be null unless the description says "not nullable" (in any case).
fn nullable(description: &str) -> bool {
    const NOT_NULLABLE: &[u8] = b"not nullable";
    // Where its `b` is. Searched from that rare letter with memchr, in place: lowering a
    // copy of every description (or comparing at every position) cost more than the rest
    // of resolving a property.
    const B_AT: usize = 9;
    let text = description.as_bytes();
    !memchr::memchr2_iter(b'b', b'B', text).any(|b| {
        b >= B_AT
            && text
                .get(b - B_AT..b - B_AT + NOT_NULLABLE.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(NOT_NULLABLE))
    })
}

#[cfg(test)]
mod tests {
    use super::nullable;

    #[test]
    fn not_nullable_in_any_case_anywhere() {
        for text in [
            "Not nullable.",
            "Read-only. NOT NULLABLE",
            "x not nUllable",
            "not nullable",
        ] {
            assert!(!nullable(text), "{text}");
        }
        for text in [
            "",
            "b",
            "Nullable.",
            "not  nullable",
            "not nullabl",
            "ot nullable",
            "Not null. bbb",
        ] {
            assert!(nullable(text), "{text}");
        }
    }
}
