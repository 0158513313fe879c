//! From IR type names to Rust types, and which fields must be boxed to break recursion.

use std::collections::{BTreeMap, BTreeSet};

use super::symbols::Symbols;
use crate::diag::{Diagnostics, Location};
use crate::ir::{Api, Property};

/// A type's properties with its base chain flattened in: base-most first, then its own;
/// a property redeclared further down the chain keeps its first position but takes the
/// most derived declaration.
pub fn flattened<'a>(api: &'a Api, name: &str) -> Vec<&'a Property> {
    let mut out: Vec<&Property> = Vec::new();
    let mut position: BTreeMap<&str, usize> = BTreeMap::new();
    for p in api.all_properties(name) {
        match position.get(p.name.as_str()) {
            Some(&i) => out[i] = p,
            None => {
                position.insert(p.name.as_str(), out.len());
                out.push(p);
            }
        }
    }
    out
}

/// The Rust type of an OData primitive, or `None` if `name` is not a known primitive.
fn primitive(name: &str) -> Option<&'static str> {
    Some(match name {
        "Edm.String" | "Edm.Binary" => "::std::string::String",
        "Edm.Boolean" => "bool",
        "Edm.Byte" => "u8",
        "Edm.SByte" => "i8",
        "Edm.Int16" => "i16",
        "Edm.Int32" => "i32",
        "Edm.Int64" => "i64",
        "Edm.Single" => "f32",
        "Edm.Double" | "Edm.Decimal" => "f64",
        "Edm.Date" => "crate::runtime::Date",
        "Edm.TimeOfDay" => "crate::runtime::TimeOfDay",
        "Edm.DateTimeOffset" => "crate::runtime::DateTimeOffset",
        "Edm.Duration" => "crate::runtime::Duration",
        "Edm.Guid" => "crate::runtime::Guid",
        "Edm.Stream" | "Edm.Untyped" => VALUE,
        _ => return None,
    })
}

/// What unknown names map to.
const VALUE: &str = "::serde_json::Value";

/// Maps IR type names to Rust types, reporting each unresolved name once per place.
pub struct TypeMapper<'a> {
    symbols: &'a Symbols,
    reported: BTreeSet<(Location, String)>,
}

impl<'a> TypeMapper<'a> {
    /// A mapper over `api`'s names.
    pub fn new(symbols: &'a Symbols) -> Self {
        TypeMapper {
            symbols,
            reported: BTreeSet::new(),
        }
    }

    /// The Rust type for `type_name` (a `Vec` when `collection`), boxed when `boxed` and not
    /// a collection, e.g. `::std::vec::Vec<crate::models::ItemFacet>`. Unknown names become
    /// `serde_json::Value` with an `unresolved-type` warning at `at`.
    pub fn map_text(
        &mut self,
        type_name: &str,
        collection: bool,
        boxed: bool,
        at: &Location,
        diags: &mut Diagnostics,
    ) -> String {
        let (inner_name, collection) = split_collection(type_name, collection);
        let inner = self.single(inner_name, at, diags);
        if collection {
            format!("::std::vec::Vec<{inner}>")
        } else if boxed {
            format!("::std::boxed::Box<{inner}>")
        } else {
            inner
        }
    }

    /// The Rust type of one (non-collection) type name.
    fn single(&mut self, name: &str, at: &Location, diags: &mut Diagnostics) -> String {
        if let Some(t) = primitive(name) {
            return t.to_string();
        }
        if let Some(path) = self.symbols.types.get(name) {
            return path.text();
        }
        if let Some(path) = self.symbols.enums.get(name) {
            return path.text();
        }
        if self.reported.insert((at.clone(), name.to_string())) {
            let what = if name.is_empty() {
                "an empty type name"
            } else {
                name
            };
            diags
                .warning(
                    "unresolved-type",
                    at.clone(),
                    format!("type `{what}` is neither a primitive nor a documented type or enum; using `serde_json::Value`"),
                )
                .help = Some("document the type, or fix the type name in the property table".to_string());
        }
        VALUE.to_string()
    }
}

/// `Collection(X)` → (`X`, true); anything else as given.
pub fn split_collection(type_name: &str, collection: bool) -> (&str, bool) {
    let trimmed = type_name.trim();
    match trimmed
        .strip_prefix("Collection(")
        .and_then(|r| r.strip_suffix(')'))
    {
        Some(inner) => (inner.trim(), true),
        None => (trimmed, collection),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::emit::test_api::{prop, sample_api, type_def};

    fn mapped(api: &Api, name: &str, collection: bool, boxed: bool) -> (String, usize) {
        let symbols = Symbols::new(api, |_| true);
        let mut mapper = TypeMapper::new(&symbols);
        let mut diags = Diagnostics::default();
        let text = mapper.map_text(
            name,
            collection,
            boxed,
            &Location::line("x.md", 3),
            &mut diags,
        );
        (text, diags.into_sorted().len())
    }

    #[test]
    fn primitives_map_to_rust_types() {
        let api = Api::default();
        for (edm, rust) in [
            ("Edm.String", "::std::string::String"),
            ("Edm.Boolean", "bool"),
            ("Edm.Int64", "i64"),
            ("Edm.Byte", "u8"),
            ("Edm.Single", "f32"),
            ("Edm.Decimal", "f64"),
            ("Edm.Date", "crate::runtime::Date"),
            ("Edm.Duration", "crate::runtime::Duration"),
            ("Edm.Guid", "crate::runtime::Guid"),
            ("Edm.Binary", "::std::string::String"),
            ("Edm.Stream", "::serde_json::Value"),
        ] {
            assert_eq!(
                mapped(&api, edm, false, false),
                (rust.to_string(), 0),
                "{edm}"
            );
        }
        assert_eq!(
            mapped(&api, "Edm.Int32", true, false).0,
            "::std::vec::Vec<i32>"
        );
        assert_eq!(
            mapped(&api, "Collection(Edm.Int32)", false, false).0,
            "::std::vec::Vec<i32>"
        );
    }

    #[test]
    fn documented_and_unknown_names() {
        let api = sample_api();
        assert_eq!(
            mapped(&api, "microsoft.graph.itemFacet", false, true).0,
            "::std::boxed::Box<crate::models::ItemFacet>"
        );
        assert_eq!(
            mapped(&api, "microsoft.graph.allowedAudiences", false, false).0,
            "crate::enums::AllowedAudiences"
        );
        assert_eq!(
            mapped(&api, "microsoft.graph.nowhere", false, false),
            ("::serde_json::Value".to_string(), 1)
        );
        assert_eq!(
            mapped(&api, "Edm.Geography", false, false),
            ("::serde_json::Value".to_string(), 1)
        );
    }

    #[test]
    fn redeclared_properties_appear_once() {
        let api = Api {
            types: vec![
                type_def(
                    "ns.base",
                    None,
                    vec![
                        prop("id", "Edm.String", false),
                        prop("x", "Edm.Int32", false),
                    ],
                ),
                type_def(
                    "ns.derived",
                    Some("ns.base"),
                    vec![prop("x", "Edm.Int64", false), prop("y", "Edm.Int32", false)],
                ),
            ],
            ..Api::default()
        };
        let props = flattened(&api, "ns.derived");
        let names: Vec<(&str, &str)> = props
            .iter()
            .map(|p| (p.name.as_str(), p.type_name.as_str()))
            .collect();
        assert_eq!(
            names,
            [("id", "Edm.String"), ("x", "Edm.Int64"), ("y", "Edm.Int32")]
        );
    }
}
