//! The `Serialize` and `Deserialize` impls of a generated struct, through the runtime's
//! `Members` and `MemberWriter`.
//!
//! `#[derive(Serialize, Deserialize)]` with `#[serde(flatten)]` expands to a visitor, a
//! field enum and a buffering path per struct; over the whole corpus that made `cargo
//! check` of the generated crate take three times as long and twice the memory. These impls
//! are one call per member.

use super::models::{ADDITIONAL, FieldDef};
use super::text::{RustWriter, string_literal};
use super::wrap::{self, Arg};
use crate::naming::ident_text;

/// `impl Serialize` and `impl Deserialize` for the struct `name` with `fields` (and the
/// `additional` map).
pub fn write_member_impls(w: &mut RustWriter, name: &str, fields: &[FieldDef]) {
    let members: Vec<(&str, String)> = fields
        .iter()
        .map(|f| (ident_text(&f.rust), string_literal(&f.json)))
        .collect();
    write_serialize(w, name, &members);
    write_deserialize(w, name, &members);
}

/// Without fields, `members` is never changed (`unused_mut`).
fn binding(members: &[(&str, String)]) -> &'static str {
    if members.is_empty() {
        "members"
    } else {
        "mut members"
    }
}

/// `members.field("json", &self.rust)?;` per `(rust, json literal)`, then the rest.
fn write_serialize(w: &mut RustWriter, name: &str, members: &[(&str, String)]) {
    open_serialize(w, name);
    let init = " = crate::runtime::MemberWriter::new(serializer)?;";
    w.line(&["let ", binding(members), init]);
    for (rust, json) in members {
        let args = [Arg::Atom(json), Arg::SelfField(rust)];
        wrap::method_call_statement(w, "members", "field", &args, "?;");
    }
    w.line(&["members.end(&self.", ADDITIONAL, ")"]);
    w.close(&["}"]);
    w.close(&["}"]);
}

/// `rust: members.take("json")?,` per `(rust, json literal)`, then the rest.
fn write_deserialize(w: &mut RustWriter, name: &str, members: &[(&str, String)]) {
    open_deserialize(w, name);
    let init = " = crate::runtime::Members::read(deserializer)?;";
    w.line(&["let ", binding(members), init]);
    if members.is_empty() {
        // prettyplease keeps a struct literal this short on one line.
        w.line(&[
            "::std::result::Result::Ok(Self { ",
            ADDITIONAL,
            ": members.rest() })",
        ]);
    } else {
        w.open(&["::std::result::Result::Ok(Self {"]);
        for (rust, json) in members {
            let call = ("take", &[Arg::Atom(json)][..]);
            wrap::method_call_field(w, rust, "members", call, "?,");
        }
        w.line(&[ADDITIONAL, ": members.rest(),"]);
        w.close(&["})"]);
    }
    w.close(&["}"]);
    w.close(&["}"]);
}

/// `impl Serialize for name` up to the body of `serialize` (its signature always
/// outgrows a line).
pub fn open_serialize(w: &mut RustWriter, name: &str) {
    wrap::impl_header(w, "impl ::serde::Serialize", name);
    w.line(&["fn serialize<S: ::serde::Serializer>("]);
    w.indented(|w| {
        w.line(&["&self,"]);
        w.line(&["serializer: S,"]);
    });
    w.open(&[") -> ::std::result::Result<S::Ok, S::Error> {"]);
}

/// `impl Deserialize for name` up to the body of `deserialize`.
pub fn open_deserialize(w: &mut RustWriter, name: &str) {
    wrap::impl_header(w, "impl<'de> ::serde::Deserialize<'de>", name);
    w.line(&["fn deserialize<D: ::serde::Deserializer<'de>>("]);
    w.indented(|w| w.line(&["deserializer: D,"]));
    w.open(&[") -> ::std::result::Result<Self, D::Error> {"]);
}
