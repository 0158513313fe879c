//! The `Serialize` and `Deserialize` impls of a generated struct, through the runtime's
//! `Members` and `MemberWriter`.
//!
//! `#[derive(Serialize, Deserialize)]` with `#[serde(flatten)]` expands to a visitor, a
//! field enum and a buffering path per struct; over the whole corpus that made `cargo
//! check` of the generated crate take three times as long and twice the memory. These impls
//! are one call per member.

use proc_macro2::TokenStream;
use quote::quote;

use super::models::{ADDITIONAL, FieldDef};
use crate::naming::ident;

/// `impl Serialize` and `impl Deserialize` for the struct `name` with `fields` (and the
/// `additional` map).
pub fn member_impls(name: &proc_macro2::Ident, fields: &[FieldDef]) -> TokenStream {
    let rust: Vec<proc_macro2::Ident> = fields.iter().map(|f| ident(&f.rust)).collect();
    let json: Vec<&str> = fields.iter().map(|f| f.json.as_str()).collect();
    let additional = ident(ADDITIONAL);
    // Without fields, `members` is never changed (`unused_mut`).
    let binding = if fields.is_empty() {
        quote!(members)
    } else {
        quote!(mut members)
    };
    quote! {
        impl ::serde::Serialize for #name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                let #binding = crate::runtime::MemberWriter::new(serializer)?;
                #(members.field(#json, &self.#rust)?;)*
                members.end(&self.#additional)
            }
        }

        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                let #binding = crate::runtime::Members::read(deserializer)?;
                ::std::result::Result::Ok(Self {
                    #(#rust: members.take(#json)?,)*
                    #additional: members.rest(),
                })
            }
        }
    }
}
