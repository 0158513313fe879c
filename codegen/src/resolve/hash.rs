//! A fast hasher for the name tables of resolution and of the example check.
//!
//! Names are hashed for every row, property and example value; SipHash (the standard
//! hasher, built to resist chosen keys) cost more than the rest of many lookups. The
//! keys here come from the docs being read, and a bad spread only slows a lookup, so
//! the multiply-rotate hash of rustc's `FxHasher` is enough.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A hash map keyed with [`FxHasher`].
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// An empty [`FastMap`] with room for `capacity` entries.
pub(crate) fn fast_map<K, V>(capacity: usize) -> FastMap<K, V> {
    FastMap::with_capacity_and_hasher(capacity, BuildHasherDefault::default())
}

/// The multiply-rotate hash of rustc's `FxHasher`, eight bytes at a time.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for word in &mut words {
            let mut w = [0u8; 8];
            w.copy_from_slice(word);
            self.add(u64::from_le_bytes(w));
        }
        let rest = words.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            if let Some(head) = w.get_mut(..rest.len()) {
                head.copy_from_slice(rest);
            }
            // The length keeps `ab` and `ab\0` apart.
            self.add(u64::from_le_bytes(w) ^ ((rest.len() as u64) << 56));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hash(s: &str) -> u64 {
        let mut h = FxHasher::default();
        std::hash::Hash::hash(s, &mut h);
        h.finish()
    }

    #[test]
    fn maps_find_what_was_put_in() {
        let keys = [
            "",
            "a",
            "ab",
            "ab\0",
            "microsoft.graph.itemFacet",
            "microsoft.graph.itemfacet",
            "é\u{a0}\r\n",
            "12345678",
            "123456789",
        ];
        let mut map: FastMap<&str, usize> = fast_map(0);
        for (i, k) in keys.iter().enumerate() {
            map.insert(k, i);
        }
        for (i, k) in keys.iter().enumerate() {
            assert_eq!(map.get(k), Some(&i));
        }
        assert_eq!(map.len(), keys.len());
        assert_ne!(hash("ab"), hash("ab\0"));
        assert_ne!(hash("itemFacet"), hash("itemfacet"));
    }
}
