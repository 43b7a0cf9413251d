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

/// A set of short words behind a 65,536-bit filter: a word whose bit is
/// clear is in no set, and most words stop there without being hashed in
/// full (a set bit only says "maybe"). For the look-ups run on every token.
pub(crate) struct FilteredSet {
    forms: FxHashSet<String>,
    filter: Box<[u64]>,
}

impl FilteredSet {
    /// An empty set with room for `n` words.
    pub(crate) fn with_capacity(n: usize) -> Self {
        Self {
            forms: FxHashSet::with_capacity_and_hasher(n, Default::default()),
            filter: vec![0u64; 1024].into_boxed_slice(),
        }
    }

    /// Adds a word.
    pub(crate) fn insert(&mut self, form: String) {
        let k = filter_key(form.as_bytes());
        self.filter[k / 64] |= 1 << (k % 64);
        self.forms.insert(form);
    }

    /// The filter alone: false when `word` (its bytes) is surely not in
    /// the set.
    #[inline]
    pub(crate) fn may_contain(&self, word: &[u8]) -> bool {
        let k = filter_key(word);
        self.filter[k / 64] & (1 << (k % 64)) != 0
    }

    /// True when `word` is in the set.
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.may_contain(word.as_bytes()) && self.forms.contains(word)
    }
}

/// The bit of a word in the filter of [`FilteredSet`]: a multiplicative
/// hash of its byte length, its first two bytes and its last four (its
/// first letter and its last two Arabic letters).
#[inline]
fn filter_key(b: &[u8]) -> usize {
    let tail = match b {
        [.., w, x, y, z] => u32::from_le_bytes([*w, *x, *y, *z]),
        _ => b.iter().fold(0, |h, &c| (h << 8) | u32::from(c)),
    };
    let head = match b {
        [x, y, ..] => u64::from(u16::from_le_bytes([*x, *y])),
        _ => 0,
    };
    let x = u64::from(tail) ^ (head << 32) ^ ((b.len() as u64) << 48);
    // The top 16 bits of the product: 0..65536.
    (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 48) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filtered_sets_find_their_words_only() {
        let mut s = FilteredSet::with_capacity(3);
        for w in ["اجتماع", "لقاء", "a"] {
            s.insert(w.to_string());
        }
        assert!(s.contains("اجتماع") && s.contains("لقاء") && s.contains("a"));
        assert!(s.may_contain("اجتماع".as_bytes()));
        assert!(!s.contains("مباحثات") && !s.contains(""));
    }

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
