//! The hash maps of resolution's and the example check's name tables.
//!
//! Names are hashed for every row, property and example value; SipHash (the standard
//! hasher, built to resist chosen keys) cost more than the rest of many lookups. The
//! keys here come from the docs being read, and a bad spread only slows a lookup, so
//! rustc's `FxHasher` is enough. None of these maps is iterated, so the hasher never
//! decides an output order.

/// A hash map keyed with rustc's `FxHasher`.
pub(crate) type FastMap<K, V> = rustc_hash::FxHashMap<K, V>;

/// An empty [`FastMap`] with room for `capacity` entries.
pub(crate) fn fast_map<K, V>(capacity: usize) -> FastMap<K, V> {
    FastMap::with_capacity_and_hasher(capacity, rustc_hash::FxBuildHasher)
}
