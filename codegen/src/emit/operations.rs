//! One module per operation: its target enum (see [`targets`]), an optional inline body
//! struct, and the endpoint struct implementing `crate::runtime::Endpoint`.
//!
//! Written as text: fixed lines through [`RustWriter`], and the expressions and signatures
//! that can outgrow a line through [`syntax`], which breaks them as prettyplease would.

use super::models::{struct_fields, write_struct};
use super::paths;
use super::symbols::OpNames;
use super::syntax::{self, Expr};
use super::text::{DocStyle, RustWriter};
use super::{Ctx, docs, targets, wrap};
use crate::ir::Operation;
use crate::naming::ident_text;

/// The `http::Method` constant for a documented method, if it has one.
pub fn method_const(method: &str) -> Option<&'static str> {
    let name = method.trim().to_ascii_uppercase();
    let known = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];
    known.into_iter().find(|k| *k == name)
}

/// The contents of one operation file.
pub fn op_file(ctx: &mut Ctx<'_>, op: &Operation, names: &OpNames) -> String {
    let targets = paths::targets(&op.paths);
    let mut w = RustWriter::file(4096 + 1024 * targets.len());
    targets::target_enum(&mut w, op, names, &targets);
    targets::target_impl(&mut w, names, &targets);
    let body_ty = body(&mut w, ctx, op, names);
    endpoint(&mut w, ctx, op, names, body_ty.as_deref());
    w.finish()
}

/// Whether the operation's body is described only by a property table (no type), so it
/// gets a `…Body` struct of its own.
pub fn has_inline_body(op: &Operation) -> bool {
    op.request_body
        .as_ref()
        .is_some_and(|b| b.type_name.is_none() && !b.properties.is_empty())
}

/// Writes the body struct (when described inline); returns the body field's type, if any.
fn body(w: &mut RustWriter, ctx: &mut Ctx<'_>, op: &Operation, names: &OpNames) -> Option<String> {
    let request = op.request_body.as_ref()?;
    if let Some(type_name) = &request.type_name {
        let ty = ctx
            .mapper
            .map_text(type_name, request.collection, false, &op.source, ctx.diags);
        return Some(ty);
    }
    if !has_inline_body(op) {
        return None;
    }
    let props: Vec<&crate::ir::Property> = request.properties.iter().collect();
    let fields = struct_fields(ctx, None, &props);
    let name = ident_text(&names.body);
    w.docs(
        DocStyle::Outer,
        &[format!("The request body of {}.", docs::code(&op.name))],
    );
    write_struct(w, name, &fields);
    Some(if request.collection {
        format!("::std::vec::Vec<{name}>")
    } else {
        name.to_string()
    })
}

/// The endpoint struct, its constructor, its `Endpoint` and `FromParts` impls.
fn endpoint(
    w: &mut RustWriter,
    ctx: &mut Ctx<'_>,
    op: &Operation,
    names: &OpNames,
    body: Option<&str>,
) {
    let name = ident_text(&names.endpoint);
    let target = ident_text(&names.target);
    w.docs(DocStyle::Outer, &endpoint_docs(op));
    w.line(&["#[derive(Debug, Clone, PartialEq)]"]);
    w.open(&["pub struct ", name, " {"]);
    w.line(&["/// Which resource the request addresses."]);
    w.line(&["pub target: ", target, ","]);
    if let Some(ty) = body {
        w.line(&["/// The request body."]);
        wrap::typed(w, "pub body: ", ty, ",");
    }
    w.close(&["}"]);
    constructor(w, name, target, body);
    endpoint_impl(w, ctx, op, name, body.is_some());
    from_parts(w, name, target, body.is_some());
}

/// `impl Name { pub fn new(..) }`.
fn constructor(w: &mut RustWriter, name: &str, target: &str, body: Option<&str>) {
    w.open(&["impl ", name, " {"]);
    w.line(&["/// The endpoint for `target`."]);
    let mut args = vec![("target", target)];
    args.extend(body.map(|ty| ("body", ty)));
    syntax::write(w, |p| syntax::fn_header(p, "pub fn new", &args, "Self"));
    let init = if body.is_some() {
        "Self { target, body }"
    } else {
        "Self { target }"
    };
    w.indented(|w| w.line(&[init]));
    w.line(&["}"]);
    w.close(&["}"]);
}

/// The body method of an endpoint with a body (fixed text, as prettyplease breaks it).
const BODY_FN: &[&str] = &[
    "fn body(",
    "    &self,",
    ") -> ::std::result::Result<",
    "    ::std::option::Option<::std::vec::Vec<u8>>,",
    "    crate::runtime::Error,",
    "> {",
    "    crate::runtime::json_body(&self.body)",
    "}",
];

fn endpoint_impl(
    w: &mut RustWriter,
    ctx: &mut Ctx<'_>,
    op: &Operation,
    name: &str,
    has_body: bool,
) {
    wrap::impl_header(w, "impl crate::runtime::Endpoint", name);
    let output = output(ctx, op);
    syntax::write(w, |p| syntax::impl_type(p, "Output", &output));
    let method = method_const(&op.method).unwrap_or("GET");
    w.line(&[
        "const METHOD: ::http::Method = ::http::Method::",
        method,
        ";",
    ]);
    w.open(&["fn path(&self) -> ::std::string::String {"]);
    w.line(&["self.target.path()"]);
    w.close(&["}"]);
    if has_body {
        for line in BODY_FN {
            w.line(&[line]);
        }
    }
    let status = op.response.as_ref().map_or(200, |r| r.status).to_string();
    w.open(&["fn expected_status(&self) -> ::http::StatusCode {"]);
    w.line(&["crate::runtime::status(", &status, ")"]);
    w.close(&["}"]);
    w.close(&["}"]);
}

/// The `FromParts` impl: the target from the path, then the body (typed, or checked
/// absent). A runtime helper does the work, so each endpoint adds no closure of its own.
fn from_parts(w: &mut RustWriter, name: &str, target: &str, has_body: bool) {
    wrap::impl_header(w, "impl crate::runtime::FromParts", name);
    w.open(&["fn from_parts("]);
    w.line(&["path: &str,"]);
    w.line(&["body: ::std::option::Option<&::serde_json::Value>,"]);
    w.close(&[") -> ::std::option::Option<::std::result::Result<Self, crate::runtime::Error>> {"]);
    let helper = if has_body {
        "crate::runtime::with_body"
    } else {
        "crate::runtime::without_body"
    };
    let from_path = format!("{target}::from_path");
    let call = Expr::Call(
        helper,
        vec![
            Expr::Call(&from_path, vec![Expr::Word("path")]),
            Expr::Word("body"),
            Expr::Word("Self::new"),
        ],
    );
    w.indented(|w| syntax::write(w, |p| syntax::tail(p, &call)));
    w.line(&["}"]);
    w.close(&["}"]);
}

/// The endpoint's output type: `()`, the mapped type, a `Collection` of it, or a `Single`
/// for a primitive (OData wraps those in `{"value": ...}`).
fn output(ctx: &mut Ctx<'_>, op: &Operation) -> String {
    let Some(type_name) = op
        .response
        .as_ref()
        .and_then(|r| Some((r.type_name.as_ref()?, r.collection)))
    else {
        return "()".to_string();
    };
    let (type_name, collection) = super::types::split_collection(type_name.0, type_name.1);
    let ty = ctx
        .mapper
        .map_text(type_name, false, false, &op.source, ctx.diags);
    if collection {
        format!("crate::runtime::Collection<{ty}>")
    } else if crate::ir::is_primitive(type_name) && type_name != "Edm.Stream" {
        format!("crate::runtime::Single<{ty}>")
    } else {
        ty
    }
}

fn endpoint_docs(op: &Operation) -> Vec<String> {
    let title = docs::or(&op.title, || {
        format!("The {} operation.", docs::code(&op.name))
    });
    let mut paragraphs = vec![title, docs::text(&op.description)];
    let method = op.method.trim().to_ascii_uppercase();
    for path in &op.paths {
        paragraphs.push(docs::code(&format!("{method} {}", path.trim())));
    }
    for (kind, permissions) in op.permissions.iter().filter(|(_, p)| !p.is_empty()) {
        let list = docs::text(&permissions.join(", "));
        let stop = if list.ends_with('.') { "" } else { "." };
        paragraphs.push(format!("Permissions ({}): {list}{stop}", docs::text(kind)));
    }
    if let Some(response) = &op.response {
        paragraphs.push(format!("Success status: {}.", response.status));
    }
    paragraphs.push(format!(
        "Documented in {}.",
        docs::code(&op.source.to_string())
    ));
    paragraphs
}
