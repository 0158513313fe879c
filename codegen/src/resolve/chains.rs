//! Walks up base-type chains: properties a type inherits, and which types are entities.

use std::collections::HashMap;

use rayon::prelude::*;

use super::{GRAPH, Resolver};
use crate::ir::{Property, TypeDef, TypeKind};

/// A property of `type_name` or of one of its bases.
pub(super) fn find_in_chain<'r>(
    r: &'r Resolver,
    type_name: &str,
    prop: &str,
) -> Option<&'r Property> {
    let mut next = r.types.get_key_value(type_name);
    let mut seen = Seen::default();
    while let Some((n, t)) = next {
        if seen.contains(n) {
            return None;
        }
        if let Some(p) = t
            .properties
            .iter()
            .chain(&t.navigation)
            .find(|p| p.name == prop)
        {
            return Some(p);
        }
        seen.push(n);
        next = r.types.get_key_value(t.base.as_deref()?);
    }
    None
}

/// The names a walk up a base chain has passed, to stop on a cycle. Chains are short,
/// so the first few live on the stack: a vector per walk cost an allocation for every
/// attributed row.
#[derive(Default)]
struct Seen<'a> {
    near: [&'a str; 8],
    len: usize,
    far: Vec<&'a str>,
}

impl<'a> Seen<'a> {
    fn contains(&self, name: &str) -> bool {
        self.near.iter().take(self.len).any(|n| *n == name) || self.far.iter().any(|n| *n == name)
    }

    fn push(&mut self, name: &'a str) {
        match self.near.get_mut(self.len) {
            Some(slot) => {
                *slot = name;
                self.len += 1;
            }
            None => self.far.push(name),
        }
    }
}

/// A type whose base chain reaches `microsoft.graph.entity` is an entity. The chains
/// are walked on the rayon pool (they only read the types); marking is in order.
pub(super) fn set_kinds(r: &mut Resolver) {
    let entity = format!("{GRAPH}.entity");
    let types = &r.types;
    let entities: Vec<String> = types
        .par_iter()
        .filter(|(name, _)| reaches(types, name, &entity))
        .map(|(name, _)| name.clone())
        .collect();
    for name in entities {
        if let Some(t) = r.types.get_mut(&name) {
            t.kind = TypeKind::Entity;
        }
    }
}

/// Whether the base chain from `name` reaches `target` within 64 steps.
fn reaches(types: &HashMap<String, TypeDef>, name: &str, target: &str) -> bool {
    let mut next = Some(name);
    let mut steps = 0;
    while let Some(n) = next {
        steps += 1;
        if n == target || steps > 64 {
            return n == target;
        }
        next = types.get(n).and_then(|t| t.base.as_deref());
    }
    false
}

#[cfg(test)]
mod tests {
    use super::Seen;

    #[test]
    fn seen_holds_names_past_the_stack_slots() {
        let names: Vec<String> = (0..20).map(|i| format!("t{i}")).collect();
        let mut seen = Seen::default();
        for n in &names {
            assert!(!seen.contains(n));
            seen.push(n);
            assert!(seen.contains(n));
        }
        assert!(names.iter().all(|n| seen.contains(n)));
        assert!(!seen.contains("t20"));
    }
}
