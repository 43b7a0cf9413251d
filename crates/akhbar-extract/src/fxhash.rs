//! A fast non-cryptographic hasher (the Fx hash of rustc) for the look-up
//! tables of extraction: keys are short words, and these maps are only
//! queried, never iterated into output.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// The Fx hasher: a multiply-rotate over machine words.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, w: u64) {
        self.hash = (self.hash.rotate_left(5) ^ w).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, mut bytes: &[u8]) {
        while bytes.len() >= 8 {
            let (w, rest) = bytes.split_at(8);
            let mut b = [0u8; 8];
            b.copy_from_slice(w);
            self.add(u64::from_le_bytes(b));
            bytes = rest;
        }
        // The last one to seven bytes in one step: two overlapping loads of
        // four bytes, or the bytes one by one below four.
        let n = bytes.len();
        if n >= 4 {
            let load = |w: &[u8]| {
                let mut b = [0u8; 4];
                b.copy_from_slice(w);
                u64::from(u32::from_le_bytes(b))
            };
            self.add(load(&bytes[..4]) | (load(&bytes[n - 4..]) << 32));
        } else if n > 0 {
            self.add(bytes.iter().fold(0, |acc, &b| (acc << 8) | u64::from(b)));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// A `HashMap` with the Fx hasher.
pub(crate) type FxHashMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
/// A `HashSet` with the Fx hasher.
pub(crate) type FxHashSet<T> = HashSet<T, BuildHasherDefault<FxHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_keys_hash_equally_and_maps_find_them() {
        let mut m: FxHashMap<String, usize> = FxHashMap::default();
        for (i, w) in ["محمد", "ابن", "a", "", "عبد الله الثاني"]
            .iter()
            .enumerate()
        {
            m.insert((*w).to_string(), i);
        }
        assert_eq!(m.get("عبد الله الثاني"), Some(&4));
        assert_eq!(m.get(""), Some(&3));
        assert_eq!(m.get("محمد"), Some(&0));
        assert_eq!(m.get("محمود"), None);
    }
}
