//! Type definitions: own rows, then inherited rows attributed to their declaring type,
//! then request-table rows of API pages merged into the types they describe.

use super::{GRAPH, Resolver, qualify};
use crate::diag::{Diagnostics, Location};
use crate::extract::{PageFragments, PropertyRow, TypeFragment};
use crate::ir::{Property, TypeDef, TypeKind};

/// Builds every type into `r.types`.
pub(super) fn build(r: &mut Resolver, pages: &[PageFragments], diags: &mut Diagnostics) {
    for page in pages {
        for t in &page.types {
            define(r, t, page, diags);
        }
    }
    for page in pages {
        for t in &page.types {
            let owner = qualify(
                &t.name,
                &page.namespace,
                &t.source,
                &mut Diagnostics::default(),
            );
            for row in t.properties.iter().filter(|p| p.inherited_from.is_some()) {
                attribute(r, row, &owner, page, Origin::Inherited, diags);
            }
        }
    }
    set_kinds(r);
}

/// Where a row that is not the type's own comes from.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Origin {
    /// An `Inherited from` row on a derived type's page.
    Inherited,
    /// A row of an API page's Request body table.
    RequestTable,
}

fn define(r: &mut Resolver, t: &TypeFragment, page: &PageFragments, diags: &mut Diagnostics) {
    let name = qualify(
        &t.name,
        &page.namespace,
        &t.source,
        &mut Diagnostics::default(),
    );
    let name = r.type_names.get(&name).unwrap_or(&name).to_string();
    let base = t
        .base
        .as_ref()
        .map(|b| base_name(r, b, page, &t.source, diags));
    let own = |rows: &[PropertyRow], r: &mut Resolver, diags: &mut Diagnostics| -> Vec<Property> {
        rows.iter()
            .filter(|p| p.inherited_from.is_none())
            .map(|p| r.property(p, &name, page, diags))
            .collect()
    };
    let properties = own(&t.properties, r, diags);
    let navigation = own(&t.navigation, r, diags);
    match r.types.get_mut(&name) {
        Some(existing) => merge(existing, properties, navigation, t, diags),
        None => {
            r.types.insert(
                name.clone(),
                TypeDef {
                    name,
                    kind: if t.has_key {
                        TypeKind::Entity
                    } else {
                        TypeKind::Complex
                    },
                    base,
                    description: t.description.clone(),
                    source: t.source.clone(),
                    properties,
                    navigation,
                },
            );
        }
    }
}

fn base_name(
    r: &Resolver,
    base: &str,
    page: &PageFragments,
    at: &Location,
    diags: &mut Diagnostics,
) -> String {
    let q = qualify(base, &page.namespace, at, diags);
    match r.type_names.find(&q, None, &page.path) {
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
    a.type_name.eq_ignore_ascii_case(&b.type_name) && a.collection == b.collection
}

fn describe(p: &Property) -> String {
    if p.collection {
        format!("`{}` collection", p.type_name)
    } else {
        format!("`{}`", p.type_name)
    }
}

/// Files a row that belongs to another type (its base, or the type a request body
/// describes): compared with the declaration when there is one, else added to it.
pub(super) fn attribute(
    r: &mut Resolver,
    row: &PropertyRow,
    owner: &str,
    page: &PageFragments,
    origin: Origin,
    diags: &mut Diagnostics,
) {
    let declaring = row
        .inherited_from
        .as_ref()
        .map(|b| qualify(b, &page.namespace, &row.source, &mut Diagnostics::default()))
        .and_then(|q| r.type_names.find(&q, None, &page.path))
        .unwrap_or_else(|| owner.to_string());
    let incoming = r.property(row, &declaring, page, diags);
    if let Some(found) = find_in_chain(r, owner, &row.name) {
        if !compatible(&found, &incoming) && !enum_documented_as_string(r, &found, row) {
            diags.warning(
                "property-disagrees",
                row.source.clone(),
                format!(
                    "`{}` is documented here as {} but as {} at {}; the declaration is kept",
                    row.name,
                    describe(&incoming),
                    describe(&found),
                    found.source
                ),
            );
        }
        return;
    }
    let Some(target) = r.types.get_mut(&declaring) else {
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
    target.properties.push(incoming);
}

/// `allowedAudiences | String | … Possible values are …` against the enum declaration.
fn enum_documented_as_string(r: &Resolver, declared: &Property, row: &PropertyRow) -> bool {
    row.type_ref.name == "Edm.String" && r.enums.contains_key(&declared.type_name)
}

/// A property of `type_name` or of one of its bases.
fn find_in_chain(r: &Resolver, type_name: &str, prop: &str) -> Option<Property> {
    let mut next = Some(type_name.to_string());
    let mut seen = Vec::new();
    while let Some(n) = next {
        if seen.contains(&n) {
            return None;
        }
        let t = r.types.get(&n)?;
        if let Some(p) = t
            .properties
            .iter()
            .chain(&t.navigation)
            .find(|p| p.name == prop)
        {
            return Some(p.clone());
        }
        seen.push(n);
        next = t.base.clone();
    }
    None
}

/// A type whose base chain reaches `microsoft.graph.entity` is an entity.
fn set_kinds(r: &mut Resolver) {
    let entity = format!("{GRAPH}.entity");
    let names: Vec<String> = r.types.keys().cloned().collect();
    for name in names {
        let mut next = Some(name.clone());
        let mut steps = 0;
        let mut is_entity = false;
        while let Some(n) = next.take() {
            steps += 1;
            if n == entity || steps > 64 {
                is_entity = n == entity;
                break;
            }
            next = r.types.get(&n).and_then(|t| t.base.clone());
        }
        if let Some(t) = r.types.get_mut(&name)
            && is_entity
        {
            t.kind = TypeKind::Entity;
        }
    }
}
