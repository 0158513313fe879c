//! The graph of generated types: which fields must be boxed to break recursion, and how
//! deeply types nest (which decides the generated crate's `recursion_limit`).

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;

use super::symbols::Symbols;
use super::types::{flattened, split_collection};
use crate::ir::Api;

/// rustc's default `recursion_limit`.
const DEFAULT_RECURSION_LIMIT: usize = 128;

/// One property that names another generated type.
struct Edge<'a> {
    to: usize,
    property: &'a str,
    collection: bool,
}

/// Generated types (in `Symbols::types` order) and their type-valued properties, base
/// properties included.
pub struct TypeGraph<'a> {
    names: Vec<&'a str>,
    edges: Vec<Vec<Edge<'a>>>,
}

impl<'a> TypeGraph<'a> {
    /// The graph of `api`'s types, built once for [`boxed_fields`] and [`nesting_depth`]
    /// (flattening every type's properties is the costly part; it runs on the pool).
    pub fn new(api: &'a Api, symbols: &'a Symbols) -> Self {
        let names: Vec<&str> = symbols.types.keys().map(String::as_str).collect();
        let index: BTreeMap<&str, usize> = names.iter().enumerate().map(|(i, n)| (*n, i)).collect();
        let edges = names
            .par_iter()
            .map(|name| {
                flattened(api, name)
                    .into_iter()
                    .filter_map(|p| {
                        let (target, collection) = split_collection(&p.type_name, p.collection);
                        let to = *index.get(target)?;
                        let property = p.name.as_str();
                        Some(Edge {
                            to,
                            property,
                            collection,
                        })
                    })
                    .collect()
            })
            .collect();
        TypeGraph { names, edges }
    }

    /// Adjacency lists over the edges `keep` accepts.
    fn adjacency(&self, keep: impl Fn(&Edge<'_>) -> bool) -> Vec<Vec<usize>> {
        self.edges
            .iter()
            .map(|out| out.iter().filter(|e| keep(e)).map(|e| e.to).collect())
            .collect()
    }
}

/// The (owner type, property name) pairs whose field must be boxed: the by-value edges
/// that stay inside one strongly connected component of the by-value type graph. This
/// covers self-reference, mutual recursion through any number of types, and recursion
/// through base types (whose properties every derived type includes).
pub fn boxed_fields(graph: &TypeGraph<'_>) -> BTreeSet<(String, String)> {
    let component = strongly_connected(&graph.adjacency(|e| !e.collection));
    let mut boxed = BTreeSet::new();
    for (from, out) in graph.edges.iter().enumerate() {
        for edge in out.iter().filter(|e| !e.collection) {
            if component.get(from) == component.get(edge.to)
                && let Some(owner) = graph.names.get(from)
            {
                boxed.insert((owner.to_string(), edge.property.to_string()));
            }
        }
    }
    boxed
}

/// The longest chain of types nested in one another (through values, boxes and vectors
/// alike), counting every type of a recursive group once.
///
/// rustc follows such chains when it checks what dropping a value does, and gives up past
/// its `recursion_limit` ("overflow while adding drop-check rules"), so a deep chain needs
/// a higher limit: see [`recursion_limit`].
pub fn nesting_depth(graph: &TypeGraph<'_>) -> usize {
    let adjacency = graph.adjacency(|_| true);
    let component = strongly_connected(&adjacency);
    let count = component.iter().map(|c| c + 1).max().unwrap_or(0);
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); count];
    for (node, c) in component.iter().enumerate() {
        if let Some(m) = members.get_mut(*c) {
            m.push(node);
        }
    }
    // Tarjan numbers components in reverse topological order: every edge between two
    // components leads to a lower number, so one pass in increasing order suffices.
    let mut depth = vec![0usize; count];
    for (c, nodes) in members.iter().enumerate() {
        let below = nodes
            .iter()
            .flat_map(|n| adjacency.get(*n).into_iter().flatten())
            .filter_map(|to| component.get(*to).filter(|t| **t != c))
            .filter_map(|t| depth.get(*t).copied())
            .max()
            .unwrap_or(0);
        if let Some(d) = depth.get_mut(c) {
            *d = nodes.len() + below;
        }
    }
    depth.into_iter().max().unwrap_or(0)
}

/// The `recursion_limit` the generated crate needs for types nested `depth` deep, when
/// rustc's default is not enough: each level costs rustc about two steps (the type and the
/// `Field`, `Box` or `Vec` around it), so twice the depth plus headroom for serde's
/// wrappers, doubled again for safety.
pub fn recursion_limit(depth: usize) -> Option<usize> {
    let needed = depth.saturating_mul(4).saturating_add(64);
    (needed > DEFAULT_RECURSION_LIMIT).then_some(needed)
}

/// Tarjan's algorithm, iterative: the component number of every node.
fn strongly_connected(adjacency: &[Vec<usize>]) -> Vec<usize> {
    const UNSET: usize = usize::MAX;
    let n = adjacency.len();
    let (mut index, mut low, mut component) = (vec![UNSET; n], vec![0; n], vec![UNSET; n]);
    let mut on_stack = vec![false; n];
    let (mut stack, mut next_index, mut next_component) = (Vec::new(), 0, 0);
    for root in 0..n {
        if index[root] != UNSET {
            continue;
        }
        let mut work = vec![(root, 0usize)];
        index[root] = next_index;
        low[root] = next_index;
        next_index += 1;
        stack.push(root);
        on_stack[root] = true;
        while let Some(top) = work.last_mut() {
            let v = top.0;
            if let Some(&w) = adjacency[v].get(top.1) {
                top.1 += 1;
                if index[w] == UNSET {
                    index[w] = next_index;
                    low[w] = next_index;
                    next_index += 1;
                    stack.push(w);
                    on_stack[w] = true;
                    work.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            work.pop();
            if let Some(parent) = work.last() {
                low[parent.0] = low[parent.0].min(low[v]);
            }
            if low[v] == index[v] {
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    component[w] = next_component;
                    if w == v {
                        break;
                    }
                }
                next_component += 1;
            }
        }
    }
    component
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::emit::test_api::{prop, type_def};

    /// `api` sorted by name, as `emit` hands it over (lookups are binary searches).
    fn sorted(mut api: Api) -> Api {
        api.types.sort_by(|a, b| a.name.cmp(&b.name));
        api
    }

    fn boxed(api: Api) -> Vec<(String, String)> {
        let api = sorted(api);
        let symbols = Symbols::new(&api, |_| true);
        boxed_fields(&TypeGraph::new(&api, &symbols))
            .into_iter()
            .collect()
    }

    fn pairs(want: &[(&str, &str)]) -> Vec<(String, String)> {
        want.iter()
            .map(|(t, p)| (t.to_string(), p.to_string()))
            .collect()
    }

    #[test]
    fn only_cycles_are_boxed() {
        let api = Api {
            types: vec![
                type_def(
                    "ns.a",
                    None,
                    vec![prop("b", "ns.b", false), prop("c", "ns.c", false)],
                ),
                type_def(
                    "ns.b",
                    None,
                    vec![prop("a", "ns.a", false), prop("all", "ns.a", true)],
                ),
                type_def(
                    "ns.c",
                    None,
                    vec![prop("me", "ns.c", false), prop("b", "ns.b", true)],
                ),
                type_def("ns.d", Some("ns.c"), vec![]),
            ],
            ..Api::default()
        };
        let want = [("ns.a", "b"), ("ns.b", "a"), ("ns.c", "me")];
        assert_eq!(boxed(api), pairs(&want));
    }

    #[test]
    fn mutual_recursion_through_several_types_and_base_chains_is_boxed() {
        // `a` inherits `d` from its base `root`; `d` inherits `a` from its base `c`.
        let api = Api {
            types: vec![
                type_def("ns.root", None, vec![prop("d", "ns.d", false)]),
                type_def("ns.a", Some("ns.root"), vec![prop("b", "ns.b", false)]),
                type_def("ns.b", None, vec![prop("c", "Collection(ns.c)", false)]),
                type_def("ns.b2", None, vec![prop("c", "ns.c", false)]),
                type_def("ns.c", None, vec![prop("a", "ns.a", false)]),
                type_def("ns.d", Some("ns.c"), vec![prop("b2", "ns.b2", false)]),
            ],
            ..Api::default()
        };
        // b → c is a collection, so the by-value cycles are a → d → a (both through base
        // properties) and d → b2 → c → a → d; `root` and `b` are outside them.
        let want = [
            ("ns.a", "d"),
            ("ns.b2", "c"),
            ("ns.c", "a"),
            ("ns.d", "a"),
            ("ns.d", "b2"),
        ];
        assert_eq!(boxed(api), pairs(&want));
    }

    fn chain(n: usize) -> Api {
        let types = (0..n)
            .map(|i| {
                let next = format!("ns.t{}", i + 1);
                let props = if i + 1 < n {
                    vec![prop("next", &next, i % 2 == 0)]
                } else {
                    vec![prop("last", "ns.t0", true)]
                };
                type_def(&format!("ns.t{i}"), None, props)
            })
            .collect();
        Api {
            types,
            ..Api::default()
        }
    }

    #[test]
    fn deep_chains_raise_the_recursion_limit() {
        let shallow = sorted(chain(3));
        let symbols = Symbols::new(&shallow, |_| true);
        // The last type points back at the first: one recursive group of three.
        assert_eq!(nesting_depth(&TypeGraph::new(&shallow, &symbols)), 3);
        let mut deep = chain(200);
        deep.types
            .push(type_def("ns.head", None, vec![prop("x", "ns.t0", false)]));
        if let Some(last) = deep.types.get_mut(199) {
            last.properties.clear();
        }
        let deep = sorted(deep);
        let symbols = Symbols::new(&deep, |_| true);
        assert_eq!(nesting_depth(&TypeGraph::new(&deep, &symbols)), 201);
        assert_eq!(recursion_limit(3), None);
        assert_eq!(recursion_limit(16), None);
        assert_eq!(recursion_limit(201), Some(868));
        assert_eq!(recursion_limit(usize::MAX), Some(usize::MAX));
        assert_eq!(
            nesting_depth(&TypeGraph::new(&Api::default(), &Symbols::default())),
            0
        );
    }
}
