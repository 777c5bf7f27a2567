//! Stable ids for plans and items.
//!
//! Owns id generation: short random-looking strings from a seeded generator, so that two
//! colleagues adding items to copies of one plan do not produce the same id. Deliberately
//! does not own the seed: the browser seeds from `crypto`/time, tests seed with constants.

/// A small deterministic id generator (splitmix64), seeded by the caller.
#[derive(Debug, Clone)]
pub struct IdGen {
    state: u64,
}

impl IdGen {
    pub fn new(seed: u64) -> Self {
        Self {
            state: seed ^ 0x9E37_79B9_7F4A_7C15,
        }
    }

    /// Seed from the bytes of some input (e.g. the text being parsed) and a caller nonce.
    pub fn from_content(bytes: &[u8], nonce: u64) -> Self {
        Self::new(fnv1a(bytes) ^ nonce.rotate_left(17))
    }

    fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A new id: a one-letter prefix and ten base-32 characters (50 bits).
    pub fn next(&mut self, prefix: char) -> String {
        const ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";
        let mut v = self.next_u64();
        let mut s = String::with_capacity(11);
        s.push(prefix);
        for _ in 0..10 {
            s.push(ALPHABET[(v & 31) as usize] as char);
            v >>= 5;
        }
        s
    }
}

/// FNV-1a, 64 bit: a tiny stable hash for seeding and content fingerprints.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_distinct_and_shaped() {
        let mut g = IdGen::new(1);
        let ids: std::collections::BTreeSet<String> = (0..10_000).map(|_| g.next('t')).collect();
        assert_eq!(ids.len(), 10_000);
        assert!(ids.iter().all(|i| i.len() == 11 && i.starts_with('t')));
    }

    #[test]
    fn different_seeds_differ() {
        assert_ne!(IdGen::new(1).next('t'), IdGen::new(2).next('t'));
    }
}
