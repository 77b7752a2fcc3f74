//! The stable hash behind feature keys.
//!
//! A trained model stores its features as 64-bit keys, so the function that
//! makes them is part of the model format: it must give the same value on
//! every machine, in every build, for as long as the format version holds.
//! General-purpose hashers promise none of that (`FxHash` may change between
//! releases, `SipHash` is seeded), which is why these few lines are ours.

/// FNV-1a over bytes, finished by a multiply-xorshift so that short keys
/// spread over all 64 bits.
#[inline]
pub fn bytes(b: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &x in b {
        h ^= u64::from(x);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    finish(h)
}

/// A checksum of bytes taken eight at a time (little-endian words, the
/// tail zero-padded, the length mixed in): the model file's checksum, about
/// eight times faster than [`bytes`] over tens of megabytes. It guards
/// against truncation and damage, not against an adversary.
pub fn words(b: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes(c.try_into().expect("8 bytes"));
        h = (h ^ w).wrapping_mul(0x9e37_79b9_7f4a_7c15).rotate_left(31);
    }
    let mut tail = [0u8; 8];
    tail[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    h = (h ^ u64::from_le_bytes(tail)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    finish(h ^ b.len() as u64)
}

/// Combines a hash with another value.
#[inline]
pub fn mix(h: u64, v: u64) -> u64 {
    finish(
        h ^ v
            .wrapping_add(0x9e37_79b9_7f4a_7c15)
            .wrapping_add(h << 6)
            .wrapping_add(h >> 2),
    )
}

/// A strong final mix (the `splitmix64` finaliser).
#[inline]
pub fn finish(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// These values are part of the model format: if this test fails, the
    /// format version must change and the model be retrained.
    #[test]
    fn values_never_change() {
        assert_eq!(bytes(b""), 0xf52a_15e9_a9b5_e89b);
        assert_eq!(bytes(b"syria"), 0x103b_0aba_19df_ffa0);
        assert_eq!(mix(1, 2), 0x3706_970b_052f_16b1);
        assert_eq!(words(b""), 0x0803_5f29_acc1_08b3);
        assert_eq!(words(b"syria"), 0x5c9c_5558_d4aa_ba32);
        let twenty: Vec<u8> = (0..20).collect();
        assert_eq!(words(&twenty), 0x41d3_e5ea_6f66_857a);
        assert_ne!(bytes(b"syria"), bytes(b"Syria"));
        assert_ne!(mix(1, 2), mix(2, 1));
    }
}
