//! The types and enums of the IR by name, and the pages examples are on by path.

use crate::resolve::hash::FastMap;

use crate::ir::{Api, EnumDef, Property, TypeDef};
use crate::source::Source;

/// What a type name in the IR names.
#[derive(Clone, Copy)]
pub(super) enum Named<'a> {
    Type(&'a TypeDef),
    Enum(&'a EnumDef),
}

/// Every type and enum by name: one hash lookup per value rather than a binary search
/// of the types and then of the enums.
pub(super) struct Index<'a> {
    /// A name that is both is the type, as when `Api::type_def` is asked first.
    by_name: FastMap<&'a str, Named<'a>>,
    /// Whether some type or enum has an `Edm.` name. When none has (always, in
    /// practice), a primitive type name is known to be in neither list without hashing
    /// it: most values are primitives.
    edm_named: bool,
}

impl<'a> Index<'a> {
    /// Indexes the types and enums of `api`.
    pub(super) fn of(api: &'a Api) -> Self {
        let enums = api.enums.iter().map(|e| (e.name.as_str(), Named::Enum(e)));
        let types = api.types.iter().map(|t| (t.name.as_str(), Named::Type(t)));
        let by_name: FastMap<&str, Named> = enums.chain(types).collect();
        let edm_named = by_name.keys().any(|n| crate::ir::is_primitive(n));
        Index { by_name, edm_named }
    }

    /// What `ty` names; `None` for a primitive or an unknown name.
    pub(super) fn get(&self, ty: &str) -> Option<Named<'a>> {
        if !self.edm_named && crate::ir::is_primitive(ty) {
            return None;
        }
        self.by_name.get(ty).copied()
    }

    /// The type named `name`.
    pub(super) fn type_def(&self, name: &str) -> Option<&'a TypeDef> {
        match self.get(name) {
            Some(Named::Type(t)) => Some(t),
            _ => None,
        }
    }

    /// The type `name` and its bases, derived first; stops on a cycle or an unknown
    /// base, as `Api::all_properties` does.
    pub(super) fn chain(&self, name: &'a str) -> Vec<&'a TypeDef> {
        let mut chain: Vec<&TypeDef> = Vec::with_capacity(4);
        let mut next = Some(name);
        while let Some(t) = next.and_then(|n| self.type_def(n)) {
            if chain.iter().any(|c| c.name == t.name) {
                break;
            }
            chain.push(t);
            next = t.base.as_deref();
        }
        chain
    }
}

/// The property `key` among the properties of a base chain, in the order
/// `Api::all_properties` lists them (base-most first), without listing them.
pub(super) fn property<'a>(chain: &[&'a TypeDef], key: &str) -> Option<&'a Property> {
    chain
        .iter()
        .rev()
        .flat_map(|t| t.properties.iter().chain(&t.navigation))
        .find(|p| p.name == key)
}

/// The pages by path. The sources come sorted by path (then a binary search finds one
/// without hashing every path first); a hash map otherwise.
pub(super) enum Pages<'a> {
    Sorted(&'a [Source]),
    Hashed(FastMap<&'a str, &'a Source>),
}

impl<'a> Pages<'a> {
    /// Indexes `sources` by path.
    pub(super) fn of(sources: &'a [Source]) -> Self {
        if sources
            .windows(2)
            .all(|w| matches!(w, [a, b] if a.path < b.path))
        {
            return Pages::Sorted(sources);
        }
        Pages::Hashed(sources.iter().map(|s| (s.path.as_str(), s)).collect())
    }

    /// The page at `path`.
    pub(super) fn get(&self, path: &str) -> Option<&'a Source> {
        match self {
            Pages::Sorted(sources) => sources
                .binary_search_by(|s| s.path.as_str().cmp(path))
                .ok()
                .and_then(|i| sources.get(i)),
            Pages::Hashed(by_path) => by_path.get(path).copied(),
        }
    }
}
