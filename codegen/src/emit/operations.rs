//! One module per operation: a target enum, an optional inline body struct, and the
//! endpoint struct implementing `crate::runtime::Endpoint`.

use proc_macro2::TokenStream;
use quote::quote;

use super::models::{struct_fields, struct_tokens};
use super::paths::{self, Encoding, Piece, Target};
use super::symbols::OpNames;
use super::{Ctx, docs};
use crate::ir::Operation;
use crate::naming::ident;

/// The `http::Method` constant for a documented method, if it has one.
pub fn method_const(method: &str) -> Option<proc_macro2::Ident> {
    let name = method.trim().to_ascii_uppercase();
    let known = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];
    known.contains(&name.as_str()).then(|| ident(&name))
}

/// The contents of one operation file.
pub fn op_file(ctx: &mut Ctx<'_>, op: &Operation, names: &OpNames) -> TokenStream {
    let targets = paths::targets(&op.paths);
    let target = target_enum(op, names, &targets);
    let (body_def, body_ty) = body(ctx, op, names);
    let endpoint = endpoint(ctx, op, names, body_ty.as_ref());
    quote!(#target #body_def #endpoint)
}

/// The target enum and its `path()` method.
fn target_enum(op: &Operation, names: &OpNames, targets: &[Target]) -> TokenStream {
    let name = ident(&names.target);
    let variants: Vec<TokenStream> = targets.iter().map(variant_def).collect();
    let arms: Vec<TokenStream> = targets.iter().map(path_arm).collect();
    let from_path = from_path(targets);
    let docs = docs::outer(&[
        format!(
            "Which resource {} addresses: one variant per documented path.",
            docs::code(&op.name)
        ),
        "New variants are added when the docs add paths.".to_string(),
    ]);
    quote! {
        #docs
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub enum #name {
            #(#variants,)*
        }

        impl #name {
            /// The path of this target below the service root, parameters percent-encoded.
            pub fn path(&self) -> ::std::string::String {
                match self {
                    #(#arms,)*
                }
            }

            #from_path
        }
    }
}

/// `from_path`: the inverse of `path()`, matching the templates in documented order.
fn from_path(targets: &[Target]) -> TokenStream {
    let templates: Vec<String> = targets.iter().map(template_text).collect();
    let summary = from_path_summary(targets);
    // TEMPLATES has one template per variant, in variant (documented) order, so the index
    // `match_templates` returns is the variant's and the first documented match wins.
    let body = from_path_body(targets);
    quote! {
        /// The target whose documented path matches `path`, a path below the service root
        #[doc = #summary]
        ///
        /// The inverse of [`Self::path`]: literal text compares ASCII case-insensitively
        /// and parameters are percent-decoded; a query string is ignored and a trailing
        /// `/` tolerated (see [`crate::runtime::match_templates`]). `None` when no template
        /// matches or a parameter is not valid percent-encoded UTF-8. When several
        /// templates match, the first documented wins.
        pub fn from_path(path: &str) -> ::std::option::Option<Self> {
            const TEMPLATES: &[&str] = &[#(#templates),*];
            #body
        }
    }
}

/// After the match: the variant built from the index and the values. The last variant is
/// the `_` arm (the index is always in range), a single one needs no `match`, and
/// `values` is bound only when a variant reads it (else `unused_mut`, `unused_variables`).
fn from_path_body(targets: &[Target]) -> TokenStream {
    let values = if targets.iter().any(|t| params(t).next().is_some()) {
        quote!(mut values)
    } else {
        quote!(_)
    };
    let call = quote!(crate::runtime::match_templates(path, TEMPLATES)?);
    let last = targets.len().saturating_sub(1);
    let arms: Vec<TokenStream> = targets
        .iter()
        .enumerate()
        .map(|(index, target)| {
            let value = variant_from_values(target);
            if index == last {
                quote!(_ => #value)
            } else {
                let index = proc_macro2::Literal::usize_unsuffixed(index);
                quote!(#index => #value)
            }
        })
        .collect();
    match targets {
        [] => quote!(let _ = #call; ::std::option::Option::None),
        [single] => {
            let value = variant_from_values(single);
            quote!(let (_, #values) = #call; ::std::option::Option::Some(#value))
        }
        _ => quote! {
            let (variant, #values) = #call;
            ::std::option::Option::Some(match variant { #(#arms,)* })
        },
    }
}

/// `Self::Variant { field: values.next_value(), .. }`: values come in template order,
/// which is the order of the variant's fields.
fn variant_from_values(target: &Target) -> TokenStream {
    let name = ident(&target.variant);
    let fields: Vec<proc_macro2::Ident> = params(target).map(|p| ident(&p.field)).collect();
    if fields.is_empty() {
        quote!(Self::#name)
    } else {
        quote!(Self::#name { #(#fields: values.next_value()),* })
    }
}

/// The end of `from_path`'s first sentence, naming the first documented template.
fn from_path_summary(targets: &[Target]) -> String {
    let example = targets
        .first()
        .map(|t| t.template.split('?').next().unwrap_or_default().trim())
        .unwrap_or("/");
    let example = docs::code(&docs::clean(example));
    format!(" such as {example} with its parameters filled in.")
}

/// A template as `match_templates` reads it: the literal text, each parameter written
/// `{}`, `{'}` or `{/}` by its encoding (literal text never holds `{`: `uri_safe` escapes it).
fn template_text(target: &Target) -> String {
    target
        .pieces
        .iter()
        .map(|piece| match piece {
            Piece::Literal(text) => text.as_str(),
            Piece::Param(p) => match p.encoding {
                Encoding::Segment => "{}",
                Encoding::Literal => "{'}",
                Encoding::Path => "{/}",
            },
        })
        .collect()
}

fn params(target: &Target) -> impl Iterator<Item = &paths::Param> {
    target.pieces.iter().filter_map(|p| match p {
        Piece::Param(p) => Some(p),
        Piece::Literal(_) => None,
    })
}

fn variant_def(target: &Target) -> TokenStream {
    let name = ident(&target.variant);
    let docs = docs::outer(&[docs::code(&target.template)]);
    let fields: Vec<TokenStream> = params(target)
        .map(|p| {
            let field = ident(&p.field);
            let alternatives: Vec<String> = p.names.iter().map(|n| docs::code(n)).collect();
            let text = if alternatives.is_empty() {
                "The path parameter.".to_string()
            } else {
                format!("The path parameter: {}.", alternatives.join(" or "))
            };
            let docs = docs::outer(&[text]);
            quote!(#docs #field: ::std::string::String)
        })
        .collect();
    if fields.is_empty() {
        quote!(#docs #name)
    } else {
        quote!(#docs #name { #(#fields,)* })
    }
}

fn path_arm(target: &Target) -> TokenStream {
    let name = ident(&target.variant);
    let fields: Vec<proc_macro2::Ident> = params(target).map(|p| ident(&p.field)).collect();
    let pattern = if fields.is_empty() {
        quote!(Self::#name)
    } else {
        quote!(Self::#name { #(#fields),* })
    };
    let parts: Vec<TokenStream> = target
        .pieces
        .iter()
        .map(|piece| match piece {
            Piece::Literal(text) => quote!(#text),
            Piece::Param(p) => {
                let field = ident(&p.field);
                let encode = ident(match p.encoding {
                    Encoding::Segment => "encode_segment",
                    Encoding::Literal => "encode_literal",
                    Encoding::Path => "encode_path",
                });
                quote!(crate::runtime::#encode(#field).as_str())
            }
        })
        .collect();
    let value = match parts.as_slice() {
        [] => quote!(::std::string::String::new()),
        [single] if fields.is_empty() => quote!(::std::string::String::from(#single)),
        _ => quote!([#(#parts),*].concat()),
    };
    quote!(#pattern => #value)
}

/// Whether the operation's body is described only by a property table (no type), so it
/// gets a `…Body` struct of its own.
pub fn has_inline_body(op: &Operation) -> bool {
    op.request_body
        .as_ref()
        .is_some_and(|b| b.type_name.is_none() && !b.properties.is_empty())
}

/// The body struct (when described inline) and the body field's type, if any.
fn body(ctx: &mut Ctx<'_>, op: &Operation, names: &OpNames) -> (TokenStream, Option<TokenStream>) {
    let Some(request) = &op.request_body else {
        return (TokenStream::new(), None);
    };
    if let Some(type_name) = &request.type_name {
        let ty = ctx
            .mapper
            .map(type_name, request.collection, false, &op.source, ctx.diags);
        return (TokenStream::new(), Some(ty));
    }
    if !has_inline_body(op) {
        return (TokenStream::new(), None);
    }
    let props: Vec<&crate::ir::Property> = request.properties.iter().collect();
    let fields = struct_fields(ctx, None, &props);
    let name = ident(&names.body);
    let docs = docs::outer(&[format!("The request body of {}.", docs::code(&op.name))]);
    let def = struct_tokens(&docs, &name, &fields);
    let ty = if request.collection {
        quote!(::std::vec::Vec<#name>)
    } else {
        quote!(#name)
    };
    (def, Some(ty))
}

/// The endpoint struct, its constructor and its `Endpoint` impl.
fn endpoint(
    ctx: &mut Ctx<'_>,
    op: &Operation,
    names: &OpNames,
    body: Option<&TokenStream>,
) -> TokenStream {
    let name = ident(&names.endpoint);
    let target = ident(&names.target);
    let docs = docs::outer(&endpoint_docs(op));
    let (field, param, init, body_fn) = match body {
        Some(ty) => (
            quote!(/// The request body.
                pub body: #ty,),
            quote!(, body: #ty),
            quote!(target, body),
            quote! {
                fn body(&self) -> ::std::result::Result<::std::option::Option<::std::vec::Vec<u8>>, crate::runtime::Error> {
                    crate::runtime::json_body(&self.body)
                }
            },
        ),
        None => (quote!(), quote!(), quote!(target), quote!()),
    };
    let method = method_const(&op.method).unwrap_or_else(|| ident("GET"));
    let from_parts = from_parts(&name, &target, body.is_some());
    let output = output(ctx, op);
    let status =
        proc_macro2::Literal::u16_unsuffixed(op.response.as_ref().map_or(200, |r| r.status));
    quote! {
        #docs
        #[derive(Debug, Clone, PartialEq)]
        pub struct #name {
            /// Which resource the request addresses.
            pub target: #target,
            #field
        }

        impl #name {
            /// The endpoint for `target`.
            pub fn new(target: #target #param) -> Self {
                Self { #init }
            }
        }

        impl crate::runtime::Endpoint for #name {
            type Output = #output;
            const METHOD: ::http::Method = ::http::Method::#method;

            fn path(&self) -> ::std::string::String {
                self.target.path()
            }

            #body_fn

            fn expected_status(&self) -> ::http::StatusCode {
                crate::runtime::status(#status)
            }
        }

        #from_parts
    }
}

/// The `FromParts` impl: the target from the path, then the body (typed, or checked
/// absent). A runtime helper does the work, so each endpoint adds no closure of its own.
fn from_parts(
    name: &proc_macro2::Ident,
    target: &proc_macro2::Ident,
    has_body: bool,
) -> TokenStream {
    let helper = ident(if has_body {
        "with_body"
    } else {
        "without_body"
    });
    quote! {
        impl crate::runtime::FromParts for #name {
            fn from_parts(
                path: &str,
                body: ::std::option::Option<&::serde_json::Value>,
            ) -> ::std::option::Option<::std::result::Result<Self, crate::runtime::Error>> {
                crate::runtime::#helper(#target::from_path(path), body, Self::new)
            }
        }
    }
}

/// The endpoint's output type: `()`, the mapped type, a `Collection` of it, or a `Single`
/// for a primitive (OData wraps those in `{"value": ...}`).
fn output(ctx: &mut Ctx<'_>, op: &Operation) -> TokenStream {
    let Some(response) = &op.response else {
        return quote!(());
    };
    let Some(type_name) = &response.type_name else {
        return quote!(());
    };
    let (type_name, collection) = super::types::split_collection(type_name, response.collection);
    let ty = ctx
        .mapper
        .map(type_name, false, false, &op.source, ctx.diags);
    if collection {
        quote!(crate::runtime::Collection<#ty>)
    } else if crate::ir::is_primitive(type_name) && type_name != "Edm.Stream" {
        quote!(crate::runtime::Single<#ty>)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// `from_path` for `paths`, formatted.
    fn from_path_text(paths: &[&str]) -> String {
        let paths: Vec<String> = paths.iter().map(|p| p.to_string()).collect();
        let tokens = from_path(&paths::targets(&paths));
        syn::parse2::<syn::File>(quote!(impl X { #tokens }))
            .map(|file| prettyplease::unparse(&file))
            .unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn templates_mark_parameters_by_encoding() {
        let targets = paths::targets(&["/a b/{x}/}{y}/c{".to_string()]);
        let text: Vec<String> = targets.iter().map(template_text).collect();
        // Literal `{` and spaces are escaped, so a `{` always starts a marker.
        assert_eq!(text, ["/a%20b/{}/%7D{}/c%7B"]);
    }

    #[test]
    fn from_path_lists_templates_in_variant_order() {
        let text = from_path_text(&[
            "/me/x/{id}",
            "/drives/{d}/root:/{p}:/f(name='{n}')",
            "/me/x/{other}",
        ]);
        let at = |needle: &str| text.find(needle).unwrap_or(usize::MAX);
        assert!(
            text.contains(r#"&["/me/x/{}", "/drives/{}/root:/{/}:/f(name='{'}')"]"#),
            "{text}"
        );
        assert!(at("0 =>") < at("Self::MeX {"), "{text}");
        assert!(text.contains("id: values.next_value(),"), "{text}");
        // `/me/x/{other}` has the shape of `/me/x/{id}`: no third template or arm, and
        // the last variant is the catch-all.
        assert!(at("Self::MeX {") < at("_ =>"), "{text}");
        assert!(at("_ =>") < at("Self::DrivesRootF {"), "{text}");
        assert!(at("Self::DrivesRootF {") < usize::MAX, "{text}");
        assert_eq!(at("1 =>"), usize::MAX, "{text}");
    }

    #[test]
    fn from_path_without_parameters_binds_no_values() {
        let text = from_path_text(&["/me/flagged()", "/flagged"]);
        assert!(text.contains("let (variant, _) ="), "{text}");
        assert!(!text.contains("values"), "{text}");
        let single = from_path_text(&["/me/flagged()"]);
        assert!(single.contains("let (_, _) ="), "{single}");
        assert!(single.contains("Some(Self::"), "{single}");
        assert!(!single.contains("match variant"), "{single}");
        let none = from_path_text(&[]);
        assert!(none.contains("::std::option::Option::None"), "{none}");
    }
}
