//! One Rust enum per documented enumeration, open to values the docs don't list.

use std::collections::BTreeSet;

use proc_macro2::TokenStream;
use quote::quote;

use super::docs;
use super::symbols::ItemPath;
use crate::ir::{EnumDef, EnumMember};
use crate::naming::{Case, UniqueNames, ident};

/// The variant that holds values the docs don't list.
pub const OTHER: &str = "Other";

/// The contents of one enum file.
pub fn enum_file(e: &EnumDef, path: &ItemPath) -> TokenStream {
    let members = unique_members(e);
    let mut names = UniqueNames::with_reserved(Case::Pascal, &[OTHER]);
    let variants: Vec<proc_macro2::Ident> = members
        .iter()
        .map(|m| ident(&names.name(&m.name, "Value")))
        .collect();
    let wires: Vec<&str> = members.iter().map(|m| m.name.as_str()).collect();
    let member_docs: Vec<TokenStream> = members
        .iter()
        .map(|m| {
            docs::outer(&[docs::or(&m.description, || {
                format!("The {} value.", docs::code(&m.name))
            })])
        })
        .collect();
    let name = ident(&path.ident);
    let other = ident(OTHER);
    let docs = docs::outer(&enum_docs(e));
    let definition = quote! {
        #docs
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub enum #name {
            #(#member_docs #variants,)*
            /// A value the docs don't list, kept exactly as sent.
            #other(::std::string::String),
        }
    };
    let impls = enum_impls(&name, &variants, &wires);
    quote!(#definition #impls)
}

/// Members with distinct wire names, in documented order (the first of duplicates wins).
fn unique_members(e: &EnumDef) -> Vec<&EnumMember> {
    let mut seen = BTreeSet::new();
    e.members
        .iter()
        .filter(|m| seen.insert(m.name.as_str()))
        .collect()
}

fn enum_docs(e: &EnumDef) -> Vec<String> {
    vec![
        docs::or(&e.description, || format!("The {} enumeration.", docs::code(crate::naming::short_name(&e.name)))),
        "Serializes as its wire string; a value the docs don't list deserializes into `Other` and serializes back unchanged.".to_string(),
        format!("OData enum {}, documented in {}.", docs::code(&e.name), docs::code(&e.source.to_string())),
    ]
}

fn enum_impls(
    name: &proc_macro2::Ident,
    variants: &[proc_macro2::Ident],
    wires: &[&str],
) -> TokenStream {
    let other = ident(OTHER);
    // With no documented values a `match` would have one catch-all arm (clippy's
    // `match_single_binding`), so the body is the catch-all alone.
    let from_wire = if wires.is_empty() {
        quote!(Self::#other(::std::string::ToString::to_string(value)))
    } else {
        quote! {
            match value {
                #(#wires => Self::#variants,)*
                other => Self::#other(::std::string::ToString::to_string(other)),
            }
        }
    };
    let traits = trait_impls(name);
    quote! {
        impl #name {
            /// The wire string of this value.
            pub fn as_str(&self) -> &str {
                match self {
                    #(Self::#variants => #wires,)*
                    Self::#other(value) => value.as_str(),
                }
            }

            /// The value for a wire string; a string the docs don't list becomes `Other`.
            pub fn from_wire(value: &str) -> Self {
                #from_wire
            }
        }

        #traits
    }
}

/// `Display`, `FromStr` and serde's traits, through `as_str` and `from_wire`.
fn trait_impls(name: &proc_macro2::Ident) -> TokenStream {
    quote! {
        impl ::std::fmt::Display for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::std::str::FromStr for #name {
            type Err = ::std::convert::Infallible;

            fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
                ::std::result::Result::Ok(Self::from_wire(value))
            }
        }

        impl ::serde::Serialize for #name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                let value = <::std::string::String as ::serde::Deserialize>::deserialize(deserializer)?;
                ::std::result::Result::Ok(Self::from_wire(&value))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::emit::test_api::sample_api;
    use crate::emit::{EmitOptions, emit};

    #[test]
    fn members_are_unique_and_open() {
        let mut diags = crate::diag::Diagnostics::default();
        let files = emit(&sample_api(), &EmitOptions::default(), &mut diags);
        let odd = files
            .iter()
            .find(|f| f.path == "src/enums/odd_values.rs")
            .map(|f| f.contents.as_str())
            .unwrap_or_default();
        for variant in [
            "    None,",
            "    None2,",
            "    Other2,",
            "    N2fa,",
            "    Value,",
            "    Other(::std::string::String),",
        ] {
            assert!(odd.contains(variant), "{variant} missing in\n{odd}");
        }
        assert_eq!(odd.matches("\"none\" => Self::").count(), 1, "{odd}");
        let audiences = files
            .iter()
            .find(|f| f.path == "src/enums/allowed_audiences.rs")
            .map(|f| f.contents.as_str())
            .unwrap_or_default();
        assert!(audiences.contains("GroupMembers,"));
        assert!(audiences.contains("Self::GroupMembers => \"groupMembers\","));
    }
}
