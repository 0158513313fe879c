//! One Rust enum per documented enumeration, open to values the docs don't list.

use std::collections::BTreeSet;

use super::symbols::ItemPath;
use super::text::{DocStyle, RustWriter, string_literal};
use super::{docs, members, wrap};
use crate::ir::{EnumDef, EnumMember};
use crate::naming::{Case, UniqueNames, ident_text};

/// The variant that holds values the docs don't list.
pub const OTHER: &str = "Other";

/// One documented value: its variant, as `Self::Variant`, and its wire string as a literal.
struct Variant {
    path: String,
    wire: String,
}

impl Variant {
    fn ident(&self) -> &str {
        self.path.trim_start_matches("Self::")
    }
}

/// The contents of one enum file.
pub fn enum_file(e: &EnumDef, path: &ItemPath) -> String {
    let members = unique_members(e);
    let mut names = UniqueNames::with_reserved(Case::Pascal, &[OTHER]);
    let variants: Vec<Variant> = members
        .iter()
        .map(|m| Variant {
            path: format!("Self::{}", ident_text(&names.name(&m.name, "Value"))),
            wire: string_literal(&m.name),
        })
        .collect();
    let name = ident_text(&path.ident);
    let mut w = RustWriter::file(4096 + 300 * variants.len());
    w.docs(DocStyle::Outer, &enum_docs(e));
    w.line(&["#[derive(Debug, Clone, PartialEq, Eq, Hash)]"]);
    w.line(&["#[non_exhaustive]"]);
    w.open(&["pub enum ", name, " {"]);
    for (m, v) in members.iter().zip(&variants) {
        let doc = docs::or(&m.description, || {
            format!("The {} value.", docs::code(&m.name))
        });
        w.docs(DocStyle::Outer, &[doc]);
        w.line(&[v.ident(), ","]);
    }
    w.line(&["/// A value the docs don't list, kept exactly as sent."]);
    w.line(&[OTHER, "(::std::string::String),"]);
    w.close(&["}"]);
    write_inherent_impl(&mut w, name, &variants);
    write_trait_impls(&mut w, name);
    w.finish()
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
        "Serializes as its wire string; a value the docs don't list deserializes into `Other` and serializes back unchanged. Non-exhaustive: the docs add values over time, and a new variant must not break your `match`.".to_string(),
        format!("OData enum {}, documented in {}.", docs::code(&e.name), docs::code(&e.source.to_string())),
    ]
}

/// `as_str` and `from_wire`.
fn write_inherent_impl(w: &mut RustWriter, name: &str, variants: &[Variant]) {
    w.open(&["impl ", name, " {"]);
    w.line(&["/// The wire string of this value."]);
    w.open(&["pub fn as_str(&self) -> &str {"]);
    w.open(&["match self {"]);
    for v in variants {
        wrap::match_arm(w, &v.path, &v.wire);
    }
    w.line(&["Self::", OTHER, "(value) => value.as_str(),"]);
    w.close(&["}"]);
    w.close(&["}"]);
    w.line(&["/// The value for a wire string; a string the docs don't list becomes `Other`."]);
    w.open(&["pub fn from_wire(value: &str) -> Self {"]);
    if variants.is_empty() {
        // With no documented values a `match` would have one catch-all arm (clippy's
        // `match_single_binding`), so the body is the catch-all alone.
        w.line(&[
            "Self::",
            OTHER,
            "(::std::string::ToString::to_string(value))",
        ]);
    } else {
        w.open(&["match value {"]);
        for v in variants {
            wrap::match_arm(w, &v.wire, &v.path);
        }
        w.line(&[
            "other => Self::",
            OTHER,
            "(::std::string::ToString::to_string(other)),",
        ]);
        w.close(&["}"]);
    }
    w.close(&["}"]);
    w.close(&["}"]);
}

/// `Display`, `FromStr` and serde's traits, through `as_str` and `from_wire`.
fn write_trait_impls(w: &mut RustWriter, name: &str) {
    wrap::impl_header(w, "impl ::std::fmt::Display", name);
    w.open(&["fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {"]);
    w.line(&["f.write_str(self.as_str())"]);
    w.close(&["}"]);
    w.close(&["}"]);

    wrap::impl_header(w, "impl ::std::str::FromStr", name);
    w.line(&["type Err = ::std::convert::Infallible;"]);
    w.open(&["fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {"]);
    w.line(&["::std::result::Result::Ok(Self::from_wire(value))"]);
    w.close(&["}"]);
    w.close(&["}"]);

    members::open_serialize(w, name);
    w.line(&["serializer.serialize_str(self.as_str())"]);
    w.close(&["}"]);
    w.close(&["}"]);

    members::open_deserialize(w, name);
    w.line(&["let value = <::std::string::String as ::serde::Deserialize>::deserialize("]);
    w.indented(|w| w.line(&["deserializer,"]));
    w.line(&[")?;"]);
    w.line(&["::std::result::Result::Ok(Self::from_wire(&value))"]);
    w.close(&["}"]);
    w.close(&["}"]);
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
