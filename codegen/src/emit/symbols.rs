//! The Rust name of every documented type, enum and operation, decided once up front.
//!
//! Everything is named in sorted order of qualified (or operation) name, so the same IR
//! always gets the same names, whatever order it came in.

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;

use crate::ir::{Api, Operation};
use crate::naming::{self, Case, UniqueNames, ident_text};

/// Where a generated type lives: `crate::<root>::<namespace>::<ident>`, defined in the file
/// `src/<root>/<namespace>/<module>.rs`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemPath {
    /// `models` or `enums`.
    pub root: &'static str,
    /// The namespace module, `None` for `microsoft.graph`.
    pub namespace: Option<String>,
    /// The file module that defines the item.
    pub module: String,
    /// The type's name (re-exported from the namespace module).
    pub ident: String,
}

impl ItemPath {
    /// The path of the item: `crate::models::call_records::Session`.
    pub fn text(&self) -> String {
        let root = ident_text(self.root);
        let name = ident_text(&self.ident);
        match &self.namespace {
            Some(ns) => format!("crate::{root}::{}::{name}", ident_text(ns)),
            None => format!("crate::{root}::{name}"),
        }
    }

    /// `src/models/call_records/session.rs`.
    pub fn file(&self) -> String {
        match &self.namespace {
            Some(ns) => format!("src/{}/{ns}/{}.rs", self.root, self.module),
            None => format!("src/{}/{}.rs", self.root, self.module),
        }
    }
}

/// Names for one operation's module and items.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpNames {
    /// Index into `Api::operations`.
    pub index: usize,
    /// `create_item_publication`.
    pub module: String,
    /// `CreateItemPublication`.
    pub endpoint: String,
    /// `CreateItemPublicationTarget`.
    pub target: String,
    /// `CreateItemPublicationBody` (used only when the body is described inline).
    pub body: String,
}

/// All names, by qualified name.
#[derive(Debug, Clone, Default)]
pub struct Symbols {
    /// Entity and complex types.
    pub types: BTreeMap<String, ItemPath>,
    /// Enumerations.
    pub enums: BTreeMap<String, ItemPath>,
    /// Operations that will be emitted, in name order.
    pub ops: Vec<OpNames>,
}

impl Symbols {
    /// Names everything in `api`; `emit_op` says which operations get emitted.
    pub fn new(api: &Api, emit_op: impl Fn(&Operation) -> bool) -> Self {
        let types = name_items("models", api.types.iter().map(|t| t.name.as_str()));
        let enums = name_items("enums", api.enums.iter().map(|e| e.name.as_str()));
        Symbols {
            types,
            enums,
            ops: name_ops(api, emit_op),
        }
    }

    /// The namespace modules of `models` or `enums`, with the OData namespaces in each.
    pub fn namespaces(items: &BTreeMap<String, ItemPath>) -> BTreeMap<String, BTreeSet<String>> {
        let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (qualified, path) in items {
            if let (Some(module), Some(ns)) = (&path.namespace, naming::namespace(qualified)) {
                out.entry(module.clone())
                    .or_default()
                    .insert(ns.to_string());
            }
        }
        out
    }
}

/// Names the items of one root (`models` or `enums`), namespace by namespace.
fn name_items<'a>(
    root: &'static str,
    names: impl Iterator<Item = &'a str>,
) -> BTreeMap<String, ItemPath> {
    let sorted: BTreeSet<&str> = names.collect();
    let namespaces = namespace_modules(root, &sorted);
    // One scope of module names and one of type names per namespace module. The root
    // scope starts with the namespace modules (a type module never shadows one) and the
    // root itself (never `models::models`, clippy's `module_inception`).
    let mut modules: BTreeMap<Option<String>, UniqueNames> = BTreeMap::new();
    let mut idents: BTreeMap<Option<String>, UniqueNames> = BTreeMap::new();
    let mut reserved: Vec<&str> = namespaces.values().map(String::as_str).collect();
    reserved.push(root);
    modules.insert(None, UniqueNames::with_reserved(Case::Snake, &reserved));
    let mut out = BTreeMap::new();
    // Casing is the costly part and independent per name; claiming must go in order.
    let cased: Vec<(&str, String, String)> = sorted
        .into_iter()
        .collect::<Vec<_>>()
        .into_par_iter()
        .map(|name| {
            let short = naming::short_name(name);
            (
                name,
                naming::snake(short, "unnamed"),
                naming::pascal(short, "Unnamed"),
            )
        })
        .collect();
    for (name, module, ident) in cased {
        let namespace = naming::namespace_module(name).and_then(|n| namespaces.get(&n).cloned());
        let module = modules
            .entry(namespace.clone())
            .or_insert_with(|| {
                // Never `call_records::call_records`.
                let own: Vec<&str> = namespace.as_deref().into_iter().collect();
                UniqueNames::with_reserved(Case::Snake, &own)
            })
            .claim(&module);
        let ident = idents
            .entry(namespace.clone())
            .or_insert_with(|| UniqueNames::new(Case::Pascal))
            .claim(&ident);
        let path = ItemPath {
            root,
            namespace,
            module,
            ident,
        };
        out.insert(name.to_string(), path);
    }
    out
}

/// The module of every namespace below `root`, by the module name its namespace would
/// get: namespaces whose names snake-case alike share one, and one that would be called
/// like `root` itself is renamed (`models::models` → `models::models_2`).
fn namespace_modules(root: &str, names: &BTreeSet<&str>) -> BTreeMap<String, String> {
    let raw: BTreeSet<String> = names
        .iter()
        .filter_map(|n| naming::namespace_module(n))
        .collect();
    let mut scope = UniqueNames::with_reserved(Case::Snake, &[root]);
    raw.into_iter()
        .map(|module| {
            let unique = scope.claim(&module);
            (module, unique)
        })
        .collect()
}

/// Names the emitted operations: modules first, then endpoint names, then the derived
/// `…Target` / `…Body` names, all in one scope so none can collide.
fn name_ops(api: &Api, emit_op: impl Fn(&Operation) -> bool) -> Vec<OpNames> {
    let mut order: Vec<(usize, &Operation)> = api
        .operations
        .iter()
        .enumerate()
        .filter(|(_, op)| emit_op(op))
        .collect();
    order.sort_by(|a, b| a.1.name.cmp(&b.1.name).then(a.0.cmp(&b.0)));
    // Never `operations::operations` (clippy's `module_inception`).
    let mut modules = UniqueNames::with_reserved(Case::Snake, &["operations"]);
    let mut types = UniqueNames::new(Case::Pascal);
    let cased: Vec<(String, String)> = order
        .par_iter()
        .map(|(_, op)| {
            (
                naming::snake(&op.name, "operation"),
                naming::pascal(&op.name, "Operation"),
            )
        })
        .collect();
    let firsts: Vec<(usize, String, String)> = order
        .iter()
        .zip(cased)
        .map(|((i, _), (module, endpoint))| (*i, modules.claim(&module), types.claim(&endpoint)))
        .collect();
    firsts
        .into_iter()
        .map(|(index, module, endpoint)| {
            // `Self_` → `SelfTarget`, not `Self_Target` (which is not upper camel case).
            let stem = endpoint.trim_end_matches('_');
            let target = types.claim(&format!("{stem}Target"));
            let body = types.claim(&format!("{stem}Body"));
            OpNames {
                index,
                module,
                endpoint,
                target,
                body,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn namespaces_get_their_own_modules() {
        let names = [
            "microsoft.graph.session",
            "microsoft.graph.callRecords.session",
            "microsoft.graph.callRecords",
            "microsoft.graph.Session",
        ];
        let items = name_items("models", names.into_iter());
        // Sorted by name, so `Session` comes before `session` and gets the plain name.
        let root = &items["microsoft.graph.Session"];
        assert_eq!(root.text(), "crate::models::Session");
        assert_eq!(items["microsoft.graph.session"].ident, "Session2");
        assert_eq!(items["microsoft.graph.session"].module, "session_2");
        let nested = &items["microsoft.graph.callRecords.session"];
        assert_eq!(nested.file(), "src/models/call_records/session.rs");
        assert_eq!(nested.text(), "crate::models::call_records::Session");
        // A type whose module would shadow the namespace module is renamed instead.
        assert_eq!(
            items["microsoft.graph.callRecords"].module,
            "call_records_2"
        );
    }

    #[test]
    fn operation_names_never_collide_with_derived_names() {
        let op = |name: &str| Operation {
            name: name.to_string(),
            title: String::new(),
            description: String::new(),
            method: "GET".to_string(),
            paths: vec!["/x".to_string()],
            request_body: None,
            response: None,
            permissions: Default::default(),
            examples: vec![],
            source: Default::default(),
        };
        let api = Api {
            operations: vec![op("getThing"), op("getThingTarget"), op("getThing")],
            ..Api::default()
        };
        let ops = name_ops(&api, |_| true);
        let endpoints: Vec<&str> = ops.iter().map(|o| o.endpoint.as_str()).collect();
        assert_eq!(endpoints, ["GetThing", "GetThing2", "GetThingTarget"]);
        assert_eq!(ops[0].target, "GetThingTarget2");
        assert_eq!(ops[1].module, "get_thing_2");
    }
}
