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

/// A struct with `fields` and the `additional` catch-all.
pub fn struct_tokens(
    docs: &TokenStream,
    name: &proc_macro2::Ident,
    fields: &[TokenStream],
) -> TokenStream {
    let additional = ident(ADDITIONAL);
    quote! {
        #docs
        #[derive(Debug, Clone, Default, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
        pub struct #name {
            #(#fields,)*
            /// Members the docs don't list (`@odata.type`, newer properties), kept as received.
            #[serde(flatten)]
            pub #additional: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
        }
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

/// One `pub name: Field<T>` per property, with serde attributes and docs. `owner` names
/// the type whose recursive fields are boxed (none for inline request bodies).
pub fn struct_fields(
    ctx: &mut Ctx<'_>,
    owner: Option<&str>,
    props: &[&Property],
) -> Vec<TokenStream> {
    let mut names = UniqueNames::with_reserved(Case::Snake, &[ADDITIONAL]);
    props
        .iter()
        .map(|p| {
            let rust_name = names.name(&p.name, "field");
            let boxed = owner.is_some_and(|o| ctx.boxed.contains(&(o.to_string(), p.name.clone())));
            let ty = ctx
                .mapper
                .map(&p.type_name, p.collection, boxed, &p.source, ctx.diags);
            field_tokens(p, &rust_name, &ty)
        })
        .collect()
}

fn field_tokens(p: &Property, rust_name: &str, ty: &TokenStream) -> TokenStream {
    let json = &p.name;
    let serde = if rust_name == json {
        quote!(#[serde(default, skip_serializing_if = "crate::runtime::Field::is_absent")])
    } else {
        quote!(#[serde(rename = #json, default, skip_serializing_if = "crate::runtime::Field::is_absent")])
    };
    let docs = docs::outer(&[docs::or(&p.description, || {
        format!("The {} property.", docs::code(json))
    })]);
    let name = ident(rust_name);
    quote! {
        #docs
        #serde
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
        assert!(text.contains("rename = \"publishedDate\""));
        assert!(!text.contains("rename = \"id\""));
        assert!(text.contains("pub type_: crate::runtime::Field<::std::string::String>"));
        assert!(text.contains("rename = \"Type\""));
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
        assert!(text.contains("rename = \"additional\""), "{text}");
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
