//! Keeping part of an API: the types, enums and operations whose names match patterns, plus
//! everything they reference (base types, property and navigation types, request and
//! response types), followed until nothing new is added. The rest is dropped from the IR
//! before emit, so the generated registry lists only what was kept.

use std::collections::BTreeSet;

use crate::ir::{Api, Operation, TypeDef};

mod glob;

pub use glob::glob_match;

/// Which types and operations to keep, as names or `*`/`?` patterns.
///
/// A type pattern that contains a `.` is matched against the qualified name
/// (`microsoft.graph.item*`); one without is matched against the name after the last dot
/// (`itemPublication`). Operation patterns match operation names (`createItemPublication`).
/// With both lists empty everything is kept; otherwise only what a pattern matches, and
/// what that references.
///
/// ```
/// use codegen::select::Selection;
///
/// let selection = Selection {
///     types: vec!["microsoft.graph.item*".to_string()],
///     operations: vec!["createItemPublication".to_string()],
/// };
/// assert!(!selection.keeps_all());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// Patterns for entity, complex and enum types.
    pub types: Vec<String>,
    /// Patterns for operations.
    pub operations: Vec<String>,
}

/// What [`select`] kept, and which patterns matched nothing.
///
/// ```
/// use codegen::select::{Selection, select};
///
/// let typo = Selection { operations: vec!["createItemPublicaton".to_string()], ..Selection::default() };
/// let selected = select(&codegen::ir::Api::default(), &typo);
/// assert_eq!(selected.unmatched_operations, ["createItemPublicaton"]);
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Selected {
    /// The API with only the kept items.
    pub api: Api,
    /// Type patterns that matched no type or enum.
    pub unmatched_types: Vec<String>,
    /// Operation patterns that matched no operation.
    pub unmatched_operations: Vec<String>,
}

impl Selection {
    /// Whether this selection keeps everything (no patterns at all).
    ///
    /// ```
    /// assert!(codegen::select::Selection::default().keeps_all());
    /// ```
    pub fn keeps_all(&self) -> bool {
        self.types.is_empty() && self.operations.is_empty()
    }
}

/// Keeps the items `selection` matches and everything they reference.
///
/// ```
/// use codegen::ir::{Api, TypeDef, TypeKind};
/// use codegen::select::{Selection, select};
///
/// let t = |name: &str, base: Option<&str>| TypeDef {
///     name: name.to_string(), kind: TypeKind::Entity, base: base.map(str::to_string),
///     description: String::new(), source: Default::default(),
///     properties: vec![], navigation: vec![],
/// };
/// let api = Api {
///     types: vec![t("ns.base", None), t("ns.kept", Some("ns.base")), t("ns.other", None)],
///     ..Api::default()
/// };
/// let selection = Selection { types: vec!["kept".to_string()], ..Selection::default() };
/// let names: Vec<String> = select(&api, &selection).api.types.into_iter().map(|t| t.name).collect();
/// assert_eq!(names, ["ns.base", "ns.kept"]);
/// ```
pub fn select(api: &Api, selection: &Selection) -> Selected {
    if selection.keeps_all() {
        return Selected {
            api: api.clone(),
            ..Selected::default()
        };
    }
    let type_names = api
        .types
        .iter()
        .map(|t| t.name.as_str())
        .chain(api.enums.iter().map(|e| e.name.as_str()));
    let (seeds, unmatched_types) = matching(type_names, &selection.types, type_matches);
    let op_names = api.operations.iter().map(|o| o.name.as_str());
    let (ops, unmatched_operations) = matching(op_names, &selection.operations, glob_match);
    let operations: Vec<Operation> = api
        .operations
        .iter()
        .filter(|o| ops.contains(o.name.as_str()))
        .cloned()
        .collect();
    let mut wanted: Vec<String> = seeds.iter().map(|s| s.to_string()).collect();
    wanted.extend(operations.iter().flat_map(operation_references));
    let kept = closure(api, wanted);
    let api = Api {
        types: keep(&api.types, &kept, |t| &t.name),
        enums: keep(&api.enums, &kept, |e| &e.name),
        operations,
    };
    Selected {
        api,
        unmatched_types,
        unmatched_operations,
    }
}

/// The names any pattern matches, and the patterns that matched nothing.
fn matching<'a>(
    names: impl Iterator<Item = &'a str>,
    patterns: &[String],
    matches: fn(&str, &str) -> bool,
) -> (BTreeSet<&'a str>, Vec<String>) {
    let names: Vec<&str> = names.collect();
    let mut hit = BTreeSet::new();
    let mut unmatched = Vec::new();
    for pattern in patterns {
        let mut any = false;
        for name in names.iter().filter(|n| matches(pattern, n)) {
            hit.insert(*name);
            any = true;
        }
        if !any {
            unmatched.push(pattern.clone());
        }
    }
    (hit, unmatched)
}

/// A type pattern with a `.` matches the qualified name, one without the short name.
fn type_matches(pattern: &str, name: &str) -> bool {
    if pattern.contains('.') {
        glob_match(pattern, name)
    } else {
        glob_match(pattern, name.rsplit('.').next().unwrap_or(name))
    }
}

/// Every type name in `wanted`, and everything those reference, transitively.
fn closure(api: &Api, mut wanted: Vec<String>) -> BTreeSet<String> {
    let mut kept = BTreeSet::new();
    while let Some(name) = wanted.pop() {
        let name = element_type(&name).to_string();
        if !kept.insert(name.clone()) {
            continue;
        }
        if let Some(t) = api.type_def(&name).or_else(|| find(&api.types, &name)) {
            wanted.extend(type_references(t));
        }
    }
    kept
}

/// A linear lookup, for an API whose types are not sorted.
fn find<'a>(types: &'a [TypeDef], name: &str) -> Option<&'a TypeDef> {
    types.iter().find(|t| t.name == name)
}

fn type_references(t: &TypeDef) -> Vec<String> {
    let properties = t.properties.iter().chain(&t.navigation);
    t.base
        .iter()
        .cloned()
        .chain(properties.map(|p| p.type_name.clone()))
        .collect()
}

fn operation_references(op: &Operation) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(body) = &op.request_body {
        out.extend(body.type_name.iter().cloned());
        out.extend(body.properties.iter().map(|p| p.type_name.clone()));
    }
    if let Some(response) = &op.response {
        out.extend(response.type_name.iter().cloned());
    }
    out
}

/// `Collection(X)` → `X`.
fn element_type(name: &str) -> &str {
    let trimmed = name.trim();
    trimmed
        .strip_prefix("Collection(")
        .and_then(|r| r.strip_suffix(')'))
        .map_or(trimmed, str::trim)
}

fn keep<T: Clone>(items: &[T], kept: &BTreeSet<String>, name: impl Fn(&T) -> &String) -> Vec<T> {
    items
        .iter()
        .filter(|i| kept.contains(name(i)))
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests;
