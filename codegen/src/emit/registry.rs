//! `src/registry.rs`: every generated type and enum by qualified OData name, and every
//! operation by its documented name.
//!
//! Fixed code is written line by line; the two tables go through [`syntax`], which breaks
//! their entries as prettyplease would.

use std::collections::BTreeMap;

use super::operations::method_const;
use super::symbols::Symbols;
use super::syntax::{self, Expr};
use super::text::{RustWriter, string_literal};
use crate::ir::Api;
use crate::naming::ident_text;

/// The registry module: `TypeInfo`, the sorted `TYPES` table and `find`, and
/// `OperationInfo`, the sorted `OPERATIONS` table and `find_operation`.
pub fn registry(api: &Api, symbols: &Symbols) -> String {
    // Enums first, then types, so a type wins if a (broken) IR uses one name for both.
    let mut entries: BTreeMap<&str, String> = BTreeMap::new();
    for (name, path) in symbols.enums.iter().chain(&symbols.types) {
        entries.insert(name, path.text());
    }
    let mut w = RustWriter::file(256 * (entries.len() + symbols.ops.len()) + 8192);
    lines(&mut w, TYPE_INFO);
    // Without entries nothing would call the helpers (`dead_code`).
    if !entries.is_empty() {
        lines(&mut w, HELPERS);
    }
    let names: Vec<String> = entries.keys().map(|n| string_literal(n)).collect();
    let rows = names
        .iter()
        .zip(entries.values())
        .map(|(name, path)| {
            Expr::Struct(
                "TypeInfo",
                vec![
                    ("name", Some(Expr::Word(name))),
                    ("reserialize", Some(Expr::Turbofish("reserialize", path))),
                    (
                        "reserialize_collection",
                        Some(Expr::Turbofish("reserialize_collection", path)),
                    ),
                ],
            )
        })
        .collect();
    w.line(&["/// All generated types and enums, sorted by name."]);
    table(&mut w, "pub static TYPES: ", "&[TypeInfo]", rows);
    lines(&mut w, FIND);
    operations(&mut w, api, symbols);
    w.finish()
}

/// `OperationInfo`, the `OPERATIONS` table (sorted by operation name, then by the order
/// `Symbols` gave them) and `find_operation`.
fn operations(w: &mut RustWriter, api: &Api, symbols: &Symbols) {
    let entries: Vec<(String, String, String)> = symbols
        .ops
        .iter()
        .filter_map(|names| {
            let op = api.operations.get(names.index)?;
            let method = method_const(&op.method)?;
            let module = ident_text(&names.module);
            let endpoint = ident_text(&names.endpoint);
            Some((
                string_literal(&op.name),
                format!("::http::Method::{method}"),
                format!("crate::operations::{module}::{endpoint}"),
            ))
        })
        .collect();
    lines(w, OPERATION_INFO);
    // Without entries nothing would call `build` (`dead_code`).
    if !entries.is_empty() {
        lines(w, BUILD);
    }
    let rows = entries
        .iter()
        .map(|(name, method, endpoint)| {
            Expr::Struct(
                "OperationInfo",
                vec![
                    ("name", Some(Expr::Word(name))),
                    ("method", Some(Expr::Word(method))),
                    ("build", Some(Expr::Turbofish("build", endpoint))),
                ],
            )
        })
        .collect();
    w.line(&["/// All generated operations, sorted by name."]);
    table(w, "pub static OPERATIONS: ", "&[OperationInfo]", rows);
    lines(w, FIND_OPERATION);
}

/// `head ty = &[rows];`.
fn table(w: &mut RustWriter, head: &str, ty: &str, rows: Vec<Expr<'_>>) {
    let value = Expr::Reference(Box::new(Expr::Array(rows)));
    syntax::write(w, |p| syntax::item_value(p, head, ty, &value));
}

/// Fixed source, one line at a time (so that blank lines fall between its items).
fn lines(w: &mut RustWriter, text: &str) {
    for line in text.lines() {
        w.line(&[line]);
    }
}

const TYPE_INFO: &str = r#"//! Every generated type and enum by qualified OData name, and every operation by its
//! documented name, for tools that start from a name (for example a round-trip test
//! of documented examples, or one that rebuilds documented requests).
/// A JSON → JSON conversion through a generated type.
pub type Reserialize = fn(
    ::serde_json::Value,
) -> ::std::result::Result<::serde_json::Value, ::serde_json::Error>;
/// One generated type or enum.
#[derive(Debug, Clone, Copy)]
pub struct TypeInfo {
    /// The qualified OData name, e.g. `microsoft.graph.itemPublication`.
    pub name: &'static str,
    /// Deserializes a value into the type and serializes it back.
    pub reserialize: Reserialize,
    /// The same for a `{"value": [...]}` page of the type (via `Collection`).
    pub reserialize_collection: Reserialize,
}"#;

/// The generic conversions the `TYPES` entries point at.
const HELPERS: &str = r#"fn reserialize<T>(
    value: ::serde_json::Value,
) -> ::std::result::Result<::serde_json::Value, ::serde_json::Error>
where
    T: ::serde::Serialize + ::serde::de::DeserializeOwned,
{
    let typed: T = ::serde_json::from_value(value)?;
    ::serde_json::to_value(&typed)
}
fn reserialize_collection<T>(
    value: ::serde_json::Value,
) -> ::std::result::Result<::serde_json::Value, ::serde_json::Error>
where
    T: ::serde::Serialize + ::serde::de::DeserializeOwned,
{
    reserialize::<crate::runtime::Collection<T>>(value)
}"#;

const FIND: &str = r#"/// Looks a type or enum up by its qualified OData name.
pub fn find(name: &str) -> ::std::option::Option<&'static TypeInfo> {
    TYPES
        .binary_search_by(|info| info.name.cmp(name))
        .ok()
        .and_then(|index| TYPES.get(index))
}"#;

const OPERATION_INFO: &str = r#"/// Builds an operation's request from a path below the service root and a JSON
/// body; see [`OperationInfo::build`].
pub type Build = fn(
    &str,
    ::std::option::Option<&::serde_json::Value>,
) -> ::std::option::Option<
    ::std::result::Result<::http::Request<::std::vec::Vec<u8>>, crate::runtime::Error>,
>;
/// One generated operation.
#[derive(Debug, Clone)]
pub struct OperationInfo {
    /// The operation's documented name, e.g. `createItemPublication`.
    pub name: &'static str,
    /// Its HTTP method.
    pub method: ::http::Method,
    /// The request for a path below the service root (e.g.
    /// `/me/profile/publications`, matched as the target's `from_path` does) and a
    /// JSON body, against [`crate::BASE_URL`]: `None` when the path matches none of
    /// the operation's documented paths; an error when the body is missing but
    /// required, given but not taken, or not of the body type (see
    /// [`crate::runtime::FromParts`]).
    pub build: Build,
}"#;

/// The generic request builder the `OPERATIONS` entries point at.
const BUILD: &str = r#"fn build<E>(
    path: &str,
    body: ::std::option::Option<&::serde_json::Value>,
) -> ::std::option::Option<
    ::std::result::Result<::http::Request<::std::vec::Vec<u8>>, crate::runtime::Error>,
>
where
    E: crate::runtime::Endpoint + crate::runtime::FromParts,
{
    ::std::option::Option::Some(
        E::from_parts(path, body)?.and_then(|endpoint| endpoint.to_request()),
    )
}"#;

const FIND_OPERATION: &str = r#"/// Looks an operation up by its documented name (case-sensitive).
pub fn find_operation(name: &str) -> ::std::option::Option<&'static OperationInfo> {
    OPERATIONS
        .binary_search_by(|info| info.name.cmp(name))
        .ok()
        .and_then(|index| OPERATIONS.get(index))
}"#;

#[cfg(test)]
mod tests {
    use super::super::test_api::{operation, sample_api, type_def};
    use super::super::{EmitOptions, emit};
    use crate::diag::Diagnostics;
    use crate::ir::Api;

    fn registry(api: &Api) -> String {
        let mut diags = Diagnostics::default();
        let files = emit(api, &EmitOptions::default(), &mut diags);
        files
            .into_iter()
            .find(|f| f.path == "src/registry.rs")
            .map(|f| f.contents)
            .unwrap_or_default()
    }

    #[test]
    fn operations_are_listed_by_documented_name_with_their_endpoint() {
        let text = registry(&sample_api());
        let at = |needle: &str| text.find(needle).unwrap_or(usize::MAX);
        let create = at("name: \"createItemPublication\"");
        let delete = at("name: \"deleteItemPublication\"");
        let list = at("name: \"listPublications\"");
        assert!(
            create < delete && delete < list && list < usize::MAX,
            "{text}"
        );
        assert!(text.contains("method: ::http::Method::POST"));
        assert!(text.contains(
            "build: build::<crate::operations::create_item_publication::CreateItemPublication>"
        ));
        // An unsupported method (`TRACE`) gets no endpoint, so no entry either.
        assert!(!text.contains("\"weird\""), "{text}");
    }

    #[test]
    fn an_api_without_operations_has_no_unused_build_helper() {
        let api = Api {
            types: vec![type_def("microsoft.graph.a", None, vec![])],
            ..Api::default()
        };
        let text = registry(&api);
        assert!(!text.contains("fn build"), "{text}");
        assert!(text.contains("pub static OPERATIONS: &[OperationInfo] = &[];"));
        let with_op = Api {
            operations: vec![operation("x", "GET", &["/x"])],
            ..api
        };
        assert!(registry(&with_op).contains("fn build<E>"));
    }
}
