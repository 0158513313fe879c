//! `src/registry.rs`: every generated type and enum by qualified OData name.

use std::collections::BTreeMap;

use proc_macro2::TokenStream;
use quote::quote;

use super::symbols::Symbols;

/// The registry module: `TypeInfo`, the sorted `TYPES` table and `find`.
pub fn registry(symbols: &Symbols) -> TokenStream {
    // Enums first, then types, so a type wins if a (broken) IR uses one name for both.
    let mut entries: BTreeMap<&str, TokenStream> = BTreeMap::new();
    for (name, path) in symbols.enums.iter().chain(&symbols.types) {
        entries.insert(name, path.tokens());
    }
    let names: Vec<&str> = entries.keys().copied().collect();
    let paths: Vec<&TokenStream> = entries.values().collect();
    // Without entries nothing would call the helpers (`dead_code`).
    let helpers = if entries.is_empty() {
        TokenStream::new()
    } else {
        helpers()
    };
    quote! {
        #![doc = " Every generated type and enum by qualified OData name, for tools that start from"]
        #![doc = " a name (for example a round-trip test of documented examples)."]

        /// A JSON → JSON conversion through a generated type.
        pub type Reserialize = fn(::serde_json::Value) -> ::std::result::Result<::serde_json::Value, ::serde_json::Error>;

        /// One generated type or enum.
        #[derive(Debug, Clone, Copy)]
        pub struct TypeInfo {
            /// The qualified OData name, e.g. `microsoft.graph.itemPublication`.
            pub name: &'static str,
            /// Deserializes a value into the type and serializes it back.
            pub reserialize: Reserialize,
            /// The same for a `{"value": [...]}` page of the type (via `Collection`).
            pub reserialize_collection: Reserialize,
        }

        #helpers

        /// All generated types and enums, sorted by name.
        pub static TYPES: &[TypeInfo] = &[
            #(TypeInfo {
                name: #names,
                reserialize: reserialize::<#paths>,
                reserialize_collection: reserialize_collection::<#paths>,
            },)*
        ];

        /// Looks a type or enum up by its qualified OData name.
        pub fn find(name: &str) -> ::std::option::Option<&'static TypeInfo> {
            TYPES
                .binary_search_by(|info| info.name.cmp(name))
                .ok()
                .and_then(|index| TYPES.get(index))
        }
    }
}

/// The generic conversions the `TYPES` entries point at.
fn helpers() -> TokenStream {
    quote! {
        fn reserialize<T>(value: ::serde_json::Value) -> ::std::result::Result<::serde_json::Value, ::serde_json::Error>
        where
            T: ::serde::Serialize + ::serde::de::DeserializeOwned,
        {
            let typed: T = ::serde_json::from_value(value)?;
            ::serde_json::to_value(&typed)
        }

        fn reserialize_collection<T>(value: ::serde_json::Value) -> ::std::result::Result<::serde_json::Value, ::serde_json::Error>
        where
            T: ::serde::Serialize + ::serde::de::DeserializeOwned,
        {
            reserialize::<crate::runtime::Collection<T>>(value)
        }
    }
}
