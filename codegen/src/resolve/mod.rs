//! Resolution: page fragments → the [`Api`] IR.
//!
//! One registry of names (types and enums, case-insensitive), type references resolved
//! against it, inherited rows attributed to the declaring type, request-table rows merged
//! into the types they describe, and examples paired with the type of their body.

mod camel;
mod enums;
mod names;
mod operations;
mod types;

use std::collections::BTreeMap;

use crate::diag::{Diagnostics, Location};
use crate::extract::{PageFragments, PropertyRow};
use crate::ir::{Api, EnumDef, Property, TypeDef};

pub use names::{
    GRAPH, canonical_namespaces, join, namespace_of, normalise_namespace, qualify, short_name,
};

/// Builds the IR from every page's fragments. Example bodies are moved out of the fragments
/// into the IR (the rest of the fragments is left as it was).
pub fn resolve(pages: &mut [PageFragments], diags: &mut Diagnostics) -> Api {
    let mut r = Resolver::new(pages, diags);
    types::build(&mut r, pages, diags);
    let mut operations = operations::build(&mut r, pages, diags);
    operations::move_bodies(&mut operations, pages);
    let Resolver { types, enums, .. } = r;
    let mut api = Api {
        types: types.into_values().collect(),
        enums: enums.into_values().collect(),
        operations,
    };
    api.operations
        .sort_by(|a, b| a.name.cmp(&b.name).then(a.source.cmp(&b.source)));
    api
}

/// Shared state while resolving.
pub(crate) struct Resolver {
    type_names: names::Names,
    enum_names: names::Names,
    types: BTreeMap<String, TypeDef>,
    enums: BTreeMap<String, EnumDef>,
}

impl Resolver {
    fn new(pages: &[PageFragments], diags: &mut Diagnostics) -> Self {
        let mut r = Resolver {
            type_names: names::Names::default(),
            enum_names: names::Names::default(),
            types: BTreeMap::new(),
            enums: BTreeMap::new(),
        };
        for page in pages {
            for t in &page.types {
                let q = qualify(&t.name, &page.namespace, &t.source, diags);
                r.type_names.add(&q, Some(&page.path));
            }
            for e in &page.enums {
                let q = qualify(&e.name, &page.namespace, &e.source, diags);
                r.enum_names.add(&q, None);
            }
        }
        enums::register_documented(&mut r, pages, diags);
        r
    }

    /// Resolves a table row into a property of `owner` (a qualified type name).
    fn property(
        &mut self,
        row: &PropertyRow,
        owner: &str,
        page: &PageFragments,
        diags: &mut Diagnostics,
    ) -> Property {
        let type_name = self.type_name_of(row, owner, page, diags);
        Property {
            name: row.name.clone(),
            type_name,
            collection: row.type_ref.collection,
            nullable: !row
                .description
                .to_ascii_lowercase()
                .contains("not nullable"),
            description: row.description.clone(),
            source: row.source.clone(),
        }
    }

    fn type_name_of(
        &mut self,
        row: &PropertyRow,
        owner: &str,
        page: &PageFragments,
        diags: &mut Diagnostics,
    ) -> String {
        let r = &row.type_ref;
        if r.name == "Edm.String" && row.possible_values.len() >= 2 {
            return enums::inferred(self, row, owner, diags);
        }
        if crate::ir::is_primitive(&r.name) {
            return r.name.clone();
        }
        self.lookup(r, &page.path, &page.namespace, &row.source, diags)
    }

    /// Resolves a type reference to a type or enum, reporting names nobody defines.
    fn lookup(
        &self,
        r: &crate::extract::type_text::TypeRef,
        page: &str,
        namespace: &str,
        at: &Location,
        diags: &mut Diagnostics,
    ) -> String {
        if crate::ir::is_primitive(&r.name) {
            return r.name.clone();
        }
        let q = qualify(&r.name, namespace, at, diags);
        // Names first (a type or an enum), then the page a link points to.
        let by_name = self
            .type_names
            .find_name(&q)
            .or_else(|| self.enum_names.find_name(&q));
        let by_link = || {
            let link = r.link.as_deref()?;
            let found = self
                .type_names
                .by_link(page, link)
                .or_else(|| self.enum_names.by_link(page, link));
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
