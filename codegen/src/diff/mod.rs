//! `codegen diff`: what changed between two versions of the docs, as seen through the IR,
//! and whether each change breaks a Rust user of the generated crate.
//!
//! The generated crate has one struct per type whose fields are all `Field<T>` (absent,
//! null or a value), with the base type's properties included; one open enum per enum
//! (unlisted values read as `Other(String)`); and one endpoint per operation with a typed
//! target per path alternative. The rules follow from that:
//!
//! | change | breaking? | why |
//! |---|---|---|
//! | type, property, enum, enum member, operation removed | yes | code naming it no longer compiles |
//! | property type or collection-ness changed | yes | the field's Rust type changes |
//! | base type changed so that inherited properties are lost | yes | those fields disappear |
//! | operation renamed, method changed | yes | the endpoint's name or request changes |
//! | path alternative removed, or a kept one's target variant renamed | yes | the target variant disappears |
//! | request body or success response: type, collection-ness or status changed, or added/removed | yes | the endpoint's body or result type changes |
//! | type, enum, operation, path alternative added | no | new items; nothing existing changes |
//! | property added | no | every field is optional (`Field<T>`, `Default`) |
//! | enum member added | no | enums are open: the value used to read as `Other`; only an exhaustive `match` without a wildcard arm notices |
//! | type kind (entity/complex), nullability, descriptions | no | not part of the Rust API (null is always representable) |

mod enums;
mod operations;
mod render;
#[cfg(test)]
mod tests;
mod types;

use serde::Serialize;

use crate::diag::Location;
use crate::ir::Api;

pub use render::{human, json, summary};

/// Added, removed or changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    /// Only in the new version.
    Added,
    /// Only in the old version.
    Removed,
    /// In both, different.
    Changed,
}

/// What kind of thing changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Item {
    /// An entity or complex type.
    Type,
    /// A property (structural or navigation) of a type.
    Property,
    /// An enumeration.
    Enum,
    /// A member of an enumeration.
    EnumMember,
    /// An operation (an API page).
    Operation,
    /// A path alternative of an operation.
    Path,
    /// An operation's request body.
    RequestBody,
    /// A row of an operation's Request body table.
    RequestProperty,
    /// An operation's documented success response.
    Response,
}

impl Item {
    /// The lower-case label used in output.
    pub fn label(self) -> &'static str {
        match self {
            Item::Type => "type",
            Item::Property => "property",
            Item::Enum => "enum",
            Item::EnumMember => "enum member",
            Item::Operation => "operation",
            Item::Path => "path",
            Item::RequestBody => "request body",
            Item::RequestProperty => "request property",
            Item::Response => "response",
        }
    }
}

/// One difference between the two versions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// Added, removed or changed.
    pub change: ChangeKind,
    /// What kind of thing.
    pub item: Item,
    /// Which one: `microsoft.graph.workPosition.source`, `createWorkPosition`, ...
    pub name: String,
    /// What changed, in words (`type \`A\` → \`B\``).
    pub detail: String,
    /// Whether code written against the old generated crate may stop compiling or
    /// behave differently.
    pub breaking: bool,
    /// Where it is documented in the old version.
    pub old: Option<Location>,
    /// Where it is documented in the new version.
    pub new: Option<Location>,
}

impl Change {
    fn added(item: Item, name: String, detail: String, at: &Location, breaking: bool) -> Self {
        Change {
            change: ChangeKind::Added,
            item,
            name,
            detail,
            breaking,
            old: None,
            new: Some(at.clone()),
        }
    }

    fn removed(item: Item, name: String, detail: String, at: &Location) -> Self {
        Change {
            change: ChangeKind::Removed,
            item,
            name,
            detail,
            breaking: true,
            old: Some(at.clone()),
            new: None,
        }
    }

    fn changed(item: Item, name: String, detail: String, places: (&Location, &Location)) -> Self {
        Change {
            change: ChangeKind::Changed,
            item,
            name,
            detail,
            breaking: true,
            old: Some(places.0.clone()),
            new: Some(places.1.clone()),
        }
    }

    fn not_breaking(mut self) -> Self {
        self.breaking = false;
        self
    }
}

/// How the two sides were loaded.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// The sides are single pages, not whole trees: the types a page names are defined on
    /// other pages, so a type or enum that one side defines (an enum inferred from a
    /// "Possible values" list) and the other only names is not a removal.
    pub pages: bool,
}

/// Every change from `old` to `new` (two docs trees): breaking ones first, then by name.
pub fn diff(old: &Api, new: &Api) -> Vec<Change> {
    diff_with(old, new, Options::default())
}

/// [`diff`] with options.
pub fn diff_with(old: &Api, new: &Api, options: Options) -> Vec<Change> {
    let mut out = Vec::new();
    types::diff(old, new, &mut out);
    enums::diff(old, new, &mut out);
    if options.pages {
        out = out.into_iter().map(|c| defined_elsewhere(c, new)).collect();
    }
    operations::diff(old, new, &mut out);
    out.sort_by(|a, b| {
        (!a.breaking, &a.name, a.item, a.change, &a.detail).cmp(&(
            !b.breaking,
            &b.name,
            b.item,
            b.change,
            &b.detail,
        ))
    });
    out.dedup();
    out
}

/// In page mode, a type or enum removed from a page that still names it is only defined
/// elsewhere now: reported, but not breaking.
fn defined_elsewhere(c: Change, new: &Api) -> Change {
    let definition = matches!(c.item, Item::Type | Item::Enum);
    if c.change != ChangeKind::Removed || !definition || !names(new, &c.name) {
        return c;
    }
    Change {
        detail: format!(
            "{} no longer defined on the page, which still names it (it is defined elsewhere)",
            c.item.label()
        ),
        breaking: false,
        ..c
    }
}

/// Whether any property, request body or response of `api` has the type `name`.
fn names(api: &Api, name: &str) -> bool {
    let is = |t: &str| t.eq_ignore_ascii_case(name);
    let in_types = api.types.iter().any(|t| {
        t.properties
            .iter()
            .chain(&t.navigation)
            .any(|p| is(&p.type_name))
    });
    in_types
        || api.operations.iter().any(|op| {
            let body = op.request_body.as_ref();
            body.and_then(|b| b.type_name.as_deref()).is_some_and(is)
                || body.is_some_and(|b| b.properties.iter().any(|p| is(&p.type_name)))
                || op
                    .response
                    .as_ref()
                    .and_then(|r| r.type_name.as_deref())
                    .is_some_and(is)
        })
}

/// Whether any change is breaking.
pub fn has_breaking(changes: &[Change]) -> bool {
    changes.iter().any(|c| c.breaking)
}
