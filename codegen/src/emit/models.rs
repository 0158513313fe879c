//! One struct per documented entity or complex type.

use std::collections::BTreeSet;

use super::symbols::ItemPath;
use super::text::{DocStyle, RustWriter};
use super::types::flattened;
use super::{Ctx, docs, wrap};
use crate::ir::{Property, TypeDef, TypeKind};
use crate::naming::{Case, UniqueNames, ident_text};

/// The name of the catch-all member map that every generated struct has.
pub const ADDITIONAL: &str = "additional";

/// The contents of one model file: the struct for `t`.
pub fn type_file(ctx: &mut Ctx<'_>, t: &TypeDef, path: &ItemPath) -> String {
    let props = flattened(ctx.api, &t.name);
    let fields = struct_fields(ctx, Some(&t.name), &props);
    let mut w = RustWriter::file(2048 + 700 * fields.len());
    w.docs(DocStyle::Outer, &type_docs(ctx, t));
    write_struct(&mut w, ident_text(&path.ident), &fields);
    w.finish()
}

/// One generated field: its Rust and JSON names, its docs and its type.
pub struct FieldDef {
    /// The Rust field name.
    pub rust: String,
    /// The JSON member name.
    pub json: String,
    /// The doc paragraph.
    pub doc: String,
    /// The `T` of `crate::runtime::Field<T>`.
    pub ty: String,
}

/// The struct `name` (below its docs) and its serde impls.
pub fn write_struct(w: &mut RustWriter, name: &str, fields: &[FieldDef]) {
    w.line(&["#[derive(Debug, Clone, Default, PartialEq)]"]);
    w.open(&["pub struct ", name, " {"]);
    for f in fields {
        w.docs(DocStyle::Outer, std::slice::from_ref(&f.doc));
        let head = ["pub ", ident_text(&f.rust), ": "].concat();
        wrap::typed(
            w,
            &head,
            &["crate::runtime::Field<", &f.ty, ">"].concat(),
            ",",
        );
    }
    w.line(&[
        "/// Members the docs don't list (`@odata.type`, newer properties), kept as received.",
    ]);
    w.line(&[
        "pub ",
        ADDITIONAL,
        ": ::serde_json::Map<::std::string::String, ::serde_json::Value>,",
    ]);
    w.close(&["}"]);
    super::members::write_member_impls(w, name, fields);
}

/// The doc paragraphs of a type: description, base type, where it is documented.
fn type_docs(ctx: &Ctx<'_>, t: &TypeDef) -> Vec<String> {
    let kind = match t.kind {
        TypeKind::Entity => "entity type",
        TypeKind::Complex => "complex type",
    };
    let mut paragraphs = vec![docs::or(&t.description, || {
        format!(
            "The {} {kind}.",
            docs::code(crate::naming::short_name(&t.name))
        )
    })];
    if let Some(base) = &t.base {
        let link = match ctx.symbols.types.get(base) {
            Some(path) => format!(", see [`{}`]", path.text()),
            None => String::new(),
        };
        paragraphs.push(format!(
            "Base type: {}{link}; its properties are included.",
            docs::code(base)
        ));
    }
    paragraphs.push(format!(
        "OData {kind} {}, documented in {}.",
        docs::code(&t.name),
        docs::code(&t.source.to_string())
    ));
    paragraphs
}

/// One `pub name: Field<T>` per property, with docs. `owner` names the type whose
/// recursive fields are boxed (none for inline request bodies).
pub fn struct_fields(ctx: &mut Ctx<'_>, owner: Option<&str>, props: &[&Property]) -> Vec<FieldDef> {
    let mut names = UniqueNames::with_reserved(Case::Snake, &[ADDITIONAL]);
    let boxed = owner.map_or_else(Vec::new, |o| boxed_properties(ctx.boxed, o));
    props
        .iter()
        .map(|p| {
            let rust = names.name(&p.name, "field");
            let boxed = boxed.contains(&p.name.as_str());
            let ty = ctx
                .mapper
                .map_text(&p.type_name, p.collection, boxed, &p.source, ctx.diags);
            let doc = docs::or(&p.description, || {
                format!("The {} property.", docs::code(&p.name))
            });
            FieldDef {
                rust,
                json: p.name.clone(),
                doc,
                ty,
            }
        })
        .collect()
}

/// The properties of `owner` whose fields are boxed (looked up once per struct rather
/// than with two allocated keys per field).
fn boxed_properties<'b>(boxed: &'b BTreeSet<(String, String)>, owner: &str) -> Vec<&'b str> {
    boxed
        .range((owner.to_string(), String::new())..)
        .take_while(|(o, _)| o == owner)
        .map(|(_, p)| p.as_str())
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::emit::test_api::sample_api;
    use crate::emit::{EmitOptions, emit};

    fn file(path: &str) -> String {
        let mut diags = crate::diag::Diagnostics::default();
        let files = emit(&sample_api(), &EmitOptions::default(), &mut diags);
        files
            .into_iter()
            .find(|f| f.path == path)
            .map(|f| f.contents)
            .unwrap_or_default()
    }

    #[test]
    fn derived_types_flatten_base_properties_first() {
        let text = file("src/models/item_publication.rs");
        let order = [
            "allowed_audiences",
            "created_date_time",
            "pub id:",
            "published_date",
            "pub additional",
        ];
        let positions: Vec<usize> = order.iter().filter_map(|s| text.find(s)).collect();
        assert_eq!(positions.len(), order.len(), "{text}");
        assert!(positions.windows(2).all(|w| w[0] < w[1]), "{text}");
        assert!(text.contains("published_date: members.take(\"publishedDate\")?,"));
        assert!(text.contains("members.field(\"publishedDate\", &self.published_date)?;"));
        assert!(text.contains("id: members.take(\"id\")?,"));
        assert!(text.contains("pub type_: crate::runtime::Field<::std::string::String>"));
        assert!(text.contains("type_2: members.take(\"Type\")?,"));
        assert!(text.contains("pub type_2:"));
        assert!(text.contains("crate::runtime::Field<crate::runtime::Date>"));
        assert!(text.contains(
            "/// Base type: `microsoft.graph.itemFacet`, see [`crate::models::ItemFacet`]"
        ));
        assert!(text.starts_with("// @generated by codegen"));
    }

    #[test]
    fn recursive_fields_are_boxed_but_vectors_are_not() {
        let text = file("src/models/tree_node.rs");
        assert!(
            text.contains(
                "pub parent: crate::runtime::Field<::std::boxed::Box<crate::models::TreeNode>>"
            ),
            "{text}"
        );
        assert!(text.contains(
            "pub children: crate::runtime::Field<::std::vec::Vec<crate::models::TreeNode>>"
        ));
        assert!(text.contains("pub self_: crate::runtime::Field<crate::runtime::Guid>"));
    }

    #[test]
    fn generated_names_do_not_clash_with_documented_ones() {
        let text = file("src/models/session.rs");
        assert!(
            text.contains("additional_2: members.take(\"additional\")?,"),
            "{text}"
        );
        assert!(text.contains("additional: members.rest(),"));
        assert!(text.contains("pub additional_2: crate::runtime::Field<i32>"));
        let nested = file("src/models/call_records/session.rs");
        assert!(nested.contains("pub n2fa:"), "{nested}");
        let hostile = file("src/models/string.rs");
        for field in [
            "self_",
            "super_",
            "field",
            "n123",
            "odata_type",
            "crate_",
            "string",
            "vec",
            "option",
        ] {
            assert!(
                hostile.contains(&format!(
                    "pub {field}: crate::runtime::Field<::std::string::String>"
                )),
                "{field}: {hostile}"
            );
        }
        assert!(hostile.contains("pub struct String {"));
        let nested = file("src/models/crate_/self_.rs");
        assert!(nested.contains("pub struct Self_ {"), "{nested}");
        assert!(
            nested.contains("Field<::std::vec::Vec<crate::models::crate_::Self_>>"),
            "{nested}"
        );
        let option = file("src/models/option.rs");
        assert!(option.contains("pub struct Option"), "{option}");
        assert!(option.contains("Field<crate::models::Result>"));
    }
}
