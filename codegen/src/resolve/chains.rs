//! Walks up base-type chains: properties a type inherits, and which types are entities.

use rayon::prelude::*;

use super::{GRAPH, Resolver};
use crate::ir::{Property, TypeDef, TypeKind};

/// Sets `Resolver::bases` once every type is defined (bases do not change after).
pub(super) fn index_bases(r: &mut Resolver) {
    let (types, type_at) = (&r.types, &r.type_at);
    r.bases = types
        .par_iter()
        .map(|t| t.base.as_deref().and_then(|b| type_at.get(b).copied()))
        .collect();
}

/// A property of the type at `type_at` (in `Resolver::types`) or of one of its bases.
pub(super) fn find_in_chain<'r>(
    r: &'r Resolver,
    type_at: Option<usize>,
    prop: &str,
) -> Option<&'r Property> {
    let mut next = type_at;
    let mut seen = Seen::default();
    while let Some(i) = next {
        if seen.contains(i) {
            return None;
        }
        let t = r.types.get(i)?;
        if let Some(p) = t
            .properties
            .iter()
            .chain(&t.navigation)
            .find(|p| p.name == prop)
        {
            return Some(p);
        }
        seen.push(i);
        next = r.bases.get(i).copied().flatten();
    }
    None
}

/// The types a walk up a base chain has passed, to stop on a cycle. Chains are short,
/// so the first few live on the stack: a vector per walk cost an allocation for every
/// attributed row.
#[derive(Default)]
struct Seen {
    near: [usize; 8],
    len: usize,
    far: Vec<usize>,
}

impl Seen {
    fn contains(&self, at: usize) -> bool {
        self.near.iter().take(self.len).any(|n| *n == at) || self.far.contains(&at)
    }

    fn push(&mut self, at: usize) {
        match self.near.get_mut(self.len) {
            Some(slot) => {
                *slot = at;
                self.len += 1;
            }
            None => self.far.push(at),
        }
    }
}

/// A type whose base chain reaches `microsoft.graph.entity` is an entity. The chains
/// are walked on the rayon pool (they only read the types); marking is in order.
pub(super) fn set_kinds(r: &mut Resolver) {
    let entity = format!("{GRAPH}.entity");
    let by_name = |n: &str| r.type_at.get(n).and_then(|&i| r.types.get(i));
    let entities: Vec<usize> = (0..r.types.len())
        .into_par_iter()
        .filter(|&i| {
            r.types
                .get(i)
                .is_some_and(|t| reaches(by_name, &t.name, &entity))
        })
        .collect();
    for i in entities {
        if let Some(t) = r.types.get_mut(i) {
            t.kind = TypeKind::Entity;
        }
    }
}

/// Whether the base chain from `name` reaches `target` within 64 steps.
fn reaches<'t>(by_name: impl Fn(&str) -> Option<&'t TypeDef>, name: &'t str, target: &str) -> bool {
    let mut next = Some(name);
    let mut steps = 0;
    while let Some(n) = next {
        steps += 1;
        if n == target || steps > 64 {
            return n == target;
        }
        next = by_name(n).and_then(|t| t.base.as_deref());
    }
    false
}

#[cfg(test)]
mod tests {
    use super::Seen;

    #[test]
    fn seen_holds_names_past_the_stack_slots() {
        let mut seen = Seen::default();
        for i in 0..20 {
            assert!(!seen.contains(i));
            seen.push(i);
            assert!(seen.contains(i));
        }
        assert!((0..20).all(|i| seen.contains(i)));
        assert!(!seen.contains(20));
    }
}
