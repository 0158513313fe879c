//! One struct per documented entity or complex type.

use proc_macro2::TokenStream;
use quote::quote;

use super::symbols::ItemPath;
use super::types::flattened;
use super::{Ctx, docs};
use crate::ir::{Property, TypeDef, TypeKind};
use crate::naming::{Case, UniqueNames, ident};

/// The name of the catch-all member map that every generated struct has.
pub const ADDITIONAL: &str = "additional";

/// The contents of one model file: the struct for `t`.
pub fn type_file(ctx: &mut Ctx<'_>, t: &TypeDef, path: &ItemPath) -> TokenStream {
    let props = flattened(ctx.api, &t.name);
    let fields = struct_fields(ctx, Some(&t.name), &props);
    let docs = docs::outer(&type_docs(ctx, t));
    let name = ident(&path.ident);
    struct_tokens(&docs, &name, &fields)
}

/// One generated field: its Rust and JSON names and its definition with docs.
pub struct FieldDef {
    /// The Rust field name.
    pub rust: String,
    /// The JSON member name.
    pub json: String,
    /// `/// docs` and `pub name: crate::runtime::Field<T>`.
    pub tokens: TokenStream,
}

/// A struct with `fields` and the `additional` catch-all, and its serde impls.
pub fn struct_tokens(
    docs: &TokenStream,
    name: &proc_macro2::Ident,
    fields: &[FieldDef],
) -> TokenStream {
    let additional = ident(ADDITIONAL);
    let definitions = fields.iter().map(|f| &f.tokens);
    let impls = super::members::member_impls(name, fields);
    quote! {
        #docs
        #[derive(Debug, Clone, Default, PartialEq)]
        pub struct #name {
            #(#definitions,)*
            /// Members the docs don't list (`@odata.type`, newer properties), kept as received.
            pub #additional: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
        }

        #impls
    }
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
            Some(path) => format!(", see [`{}`]", path.tokens().to_string().replace(' ', "")),
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
    props
        .iter()
        .map(|p| {
            let rust = names.name(&p.name, "field");
            let boxed = owner.is_some_and(|o| ctx.boxed.contains(&(o.to_string(), p.name.clone())));
            let ty = ctx
                .mapper
                .map(&p.type_name, p.collection, boxed, &p.source, ctx.diags);
            let tokens = field_tokens(p, &rust, &ty);
            FieldDef {
                rust,
                json: p.name.clone(),
                tokens,
            }
        })
        .collect()
}

fn field_tokens(p: &Property, rust_name: &str, ty: &TokenStream) -> TokenStream {
    let docs = docs::outer(&[docs::or(&p.description, || {
        format!("The {} property.", docs::code(&p.name))
    })]);
    let name = ident(rust_name);
    quote! {
        #docs
        pub #name: crate::runtime::Field<#ty>
    }
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
