//! The hash maps of resolution's and the example check's name tables.
//!
//! Names are hashed for every row, property and example value; SipHash (the standard
//! hasher, built to resist chosen keys) cost more than the rest of many lookups. The
//! keys here come from the docs being read, and a bad spread only slows a lookup, so
//! rustc's `FxHasher` is enough. The hasher never decides an output order: the one map
//! iterated, of the enums, is read where order does not matter (indexing their members)
//! and sorted by name for the IR.

/// A hash map keyed with rustc's `FxHasher`.
pub(crate) type FastMap<K, V> = rustc_hash::FxHashMap<K, V>;

/// An empty [`FastMap`] with room for `capacity` entries.
pub(crate) fn fast_map<K, V>(capacity: usize) -> FastMap<K, V> {
    FastMap::with_capacity_and_hasher(capacity, rustc_hash::FxBuildHasher)
}
