//! A fast 64-bit hash for comparison keys: sentences, tokens and content words.
//!
//! Comparing two long texts hashes every sentence and every word of the changed ones;
//! the standard library's SipHash is built to resist crafted collisions, which nobody
//! crafts against a news story, and costs more per short string than the comparison
//! itself. This hash reads eight bytes at a time, mixes each in with a multiply and a
//! rotation, and finishes with MurmurHash3's avalanche step. Two different strings
//! collide with a chance of about one in 2^64, as with any good 64-bit hash; the
//! length is mixed in first, so zero padding cannot make two strings alike.

/// An odd constant with well-spread bits (2^64 divided by the golden ratio).
const MULTIPLIER: u64 = 0x9E37_79B9_7F4A_7C15;

/// The hash of `text`.
pub(crate) fn hash_str(text: &str) -> u64 {
    let bytes = text.as_bytes();
    let mut hash = u64::try_from(bytes.len())
        .unwrap_or(u64::MAX)
        .wrapping_mul(MULTIPLIER);
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0_u8; 8];
        word.copy_from_slice(chunk);
        hash = mix(hash, u64::from_le_bytes(word));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut word = [0_u8; 8];
        if let Some(start) = word.get_mut(..rest.len()) {
            start.copy_from_slice(rest);
        }
        hash = mix(hash, u64::from_le_bytes(word));
    }
    avalanche(hash)
}

/// Mixes eight bytes into the hash: a bijection of the hash for each word, so two
/// inputs that differ in one word never meet by that word alone.
fn mix(hash: u64, word: u64) -> u64 {
    (hash ^ word).wrapping_mul(MULTIPLIER).rotate_left(29)
}

/// MurmurHash3's `fmix64`: every input bit affects every output bit.
fn avalanche(mut hash: u64) -> u64 {
    hash ^= hash >> 33;
    hash = hash.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    hash ^= hash >> 33;
    hash = hash.wrapping_mul(0xC4CE_B9FE_1A85_EC53);
    hash ^ (hash >> 33)
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn near_identical_strings_hash_apart() {
        let mut texts = vec![String::new(), "\0".to_owned(), "\0\0".to_owned()];
        for word in [
            "Ten",
            "Tens",
            "ten",
            "Ten ",
            "60,000",
            "60000",
            "Syria’s",
            "Syria's",
        ] {
            texts.push(word.to_owned());
            texts.push(format!(
                "Rescuers said {word} people had fled in the last four days."
            ));
        }
        for n in 0..2000 {
            texts.push(format!("{n}"));
            texts.push(format!("About {n} people fled."));
        }
        let hashes: HashSet<u64> = texts.iter().map(|text| hash_str(text)).collect();
        assert_eq!(hashes.len(), texts.len());
        let owned = String::from("Ten") + "s";
        assert_eq!(hash_str("Tens"), hash_str(&owned));
    }
}
