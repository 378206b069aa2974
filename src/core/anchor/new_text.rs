//! The new text of a document, indexed once so that re-anchoring many claims against it
//! does not read it once per claim.

use std::cell::OnceCell;
use std::ops::Range;

use super::{CONTEXT_CHARS, TextAnchor};

/// Length, in characters, of the runs the gram index records. Quotes shorter than this are
/// searched for by scanning the text.
const GRAM_CHARS: usize = 8;

/// The gram index has between 2^10 and 2^20 buckets, about one per gram: small enough to
/// build in a few milliseconds for 1 MB, large enough that a bucket holds few strangers.
const MIN_BUCKET_BITS: u32 = 10;
/// See [`MIN_BUCKET_BITS`].
const MAX_BUCKET_BITS: u32 = 20;

/// The text as the searches need it: its characters, where each one starts in bytes, and
/// (built on the first search that needs it) an index of its 8-character runs.
pub(super) struct NewText<'t> {
    /// The text itself.
    text: &'t str,
    /// Its characters, for the edit-distance scans and the context windows.
    chars: Vec<char>,
    /// Byte offset of every character, plus the text's length: the char ↔ byte index.
    byte_offsets: Vec<usize>,
    /// Where every run of [`GRAM_CHARS`] characters occurs; `None` for texts too short
    /// (or, beyond 4 G characters, too long) to index.
    grams: OnceCell<Option<GramIndex>>,
}

impl<'t> NewText<'t> {
    /// Prepares `text` for searching.
    pub(super) fn new(text: &'t str) -> Self {
        Self {
            text,
            chars: text.chars().collect(),
            byte_offsets: text
                .char_indices()
                .map(|(byte, _)| byte)
                .chain(std::iter::once(text.len()))
                .collect(),
            grams: OnceCell::new(),
        }
    }

    /// The text's characters.
    pub(super) fn chars(&self) -> &[char] {
        &self.chars
    }

    /// Length in characters.
    pub(super) fn char_count(&self) -> usize {
        self.chars.len()
    }

    /// The text in the character range `range`, `None` if it lies outside.
    pub(super) fn slice(&self, range: Range<usize>) -> Option<&'t str> {
        let start = *self.byte_offsets.get(range.start)?;
        let end = *self.byte_offsets.get(range.end)?;
        self.text.get(start..end)
    }

    /// Character offsets of every occurrence of `needle`, overlapping ones included, in
    /// text order.
    pub(super) fn occurrences(&self, needle: &str) -> Vec<usize> {
        let needle_chars: Vec<char> = needle.chars().collect();
        let grams = self.grams.get_or_init(|| GramIndex::new(&self.chars));
        match grams {
            Some(grams) if needle_chars.len() >= GRAM_CHARS => {
                grams.occurrences(&self.chars, &needle_chars)
            }
            _ => self.scanned_occurrences(needle),
        }
    }

    /// Up to `count` characters just before character offset `at`.
    pub(super) fn chars_before(&self, at: usize, count: usize) -> &[char] {
        let end = at.min(self.chars.len());
        &self.chars[end.saturating_sub(count)..end]
    }

    /// Up to `count` characters from character offset `at` on.
    pub(super) fn chars_after(&self, at: usize, count: usize) -> &[char] {
        let start = at.min(self.chars.len());
        &self.chars[start..start.saturating_add(count).min(self.chars.len())]
    }

    /// The anchor of the character range `range`, with its context read from this text.
    pub(super) fn anchor_at(&self, range: Range<usize>) -> TextAnchor {
        let text_of = |chars: &[char]| chars.iter().collect::<String>();
        TextAnchor {
            exact: text_of(self.chars.get(range.clone()).unwrap_or_default()),
            prefix: text_of(self.chars_before(range.start, CONTEXT_CHARS)),
            suffix: text_of(self.chars_after(range.end, CONTEXT_CHARS)),
            start: range.start,
            end: range.end,
        }
    }

    /// [`Self::occurrences`] by scanning the whole text, for needles too short to index.
    fn scanned_occurrences(&self, needle: &str) -> Vec<usize> {
        let step = needle.chars().next().map_or(1, char::len_utf8);
        let mut found = Vec::new();
        let mut from_byte = 0;
        while let Some(at) = self
            .text
            .get(from_byte..)
            .and_then(|rest| rest.find(needle))
        {
            let byte = from_byte + at;
            found.push(self.byte_offsets.partition_point(|&offset| offset < byte));
            from_byte = byte + step;
        }
        found
    }
}

/// Where every run of [`GRAM_CHARS`] characters of a text begins, grouped by a hash of the
/// run (a counting sort into buckets). Finding a quote then means looking up its rarest
/// run and checking the few places that hold it, instead of reading the whole text.
struct GramIndex {
    /// Number of hash bits that choose a bucket.
    bucket_bits: u32,
    /// Where each bucket's positions begin in `positions`, plus the total at the end.
    bucket_starts: Vec<u32>,
    /// Start offsets of the runs, bucket by bucket, ascending within a bucket.
    positions: Vec<u32>,
}

impl GramIndex {
    /// Indexes `chars`; `None` when the text is shorter than one run or too long for
    /// 32-bit offsets.
    fn new(chars: &[char]) -> Option<Self> {
        u32::try_from(chars.len()).ok()?;
        let gram_count = chars.len().checked_sub(GRAM_CHARS)? + 1;
        let bucket_bits = gram_count.ilog2().clamp(MIN_BUCKET_BITS, MAX_BUCKET_BITS);
        let buckets = || {
            chars
                .windows(GRAM_CHARS)
                .map(move |gram| bucket_of(gram, bucket_bits))
        };
        let mut bucket_starts = vec![0_u32; (1 << bucket_bits) + 1];
        for bucket in buckets() {
            bucket_starts[bucket + 1] += 1;
        }
        for bucket in 1..bucket_starts.len() {
            bucket_starts[bucket] += bucket_starts[bucket - 1];
        }
        let mut next_slots = bucket_starts.clone();
        let mut positions = vec![0_u32; gram_count];
        for (position, bucket) in (0_u32..).zip(buckets()) {
            let slot = &mut next_slots[bucket];
            positions[*slot as usize] = position;
            *slot += 1;
        }
        Some(Self {
            bucket_bits,
            bucket_starts,
            positions,
        })
    }

    /// Start offsets, ascending, of every occurrence of `needle` (at least [`GRAM_CHARS`]
    /// characters) in `chars`, the text this index was built from.
    fn occurrences(&self, chars: &[char], needle: &[char]) -> Vec<usize> {
        let rarest = needle
            .windows(GRAM_CHARS)
            .enumerate()
            .map(|(offset, gram)| (offset, self.positions_of(gram)))
            .min_by_key(|(_, positions)| positions.len());
        let Some((offset, positions)) = rarest else {
            return Vec::new();
        };
        positions
            .iter()
            .filter_map(|&position| {
                let start = (position as usize).checked_sub(offset)?;
                (chars.get(start..start + needle.len())? == needle).then_some(start)
            })
            .collect()
    }

    /// Start offsets of the runs that share `gram`'s bucket (a superset of its
    /// occurrences).
    fn positions_of(&self, gram: &[char]) -> &[u32] {
        let bucket = bucket_of(gram, self.bucket_bits);
        let (Some(&start), Some(&end)) = (
            self.bucket_starts.get(bucket),
            self.bucket_starts.get(bucket + 1),
        ) else {
            return &[];
        };
        self.positions
            .get(start as usize..end as usize)
            .unwrap_or_default()
    }
}

/// The bucket of a run of characters: the top `bucket_bits` bits of its FNV-1a hash.
fn bucket_of(gram: &[char], bucket_bits: u32) -> usize {
    const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;
    let hash = gram.iter().fold(FNV_OFFSET, |hash, &character| {
        (hash ^ u64::from(character)).wrapping_mul(FNV_PRIME)
    });
    usize::try_from(hash >> (u64::BITS - bucket_bits)).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn occurrences_are_found_with_and_without_the_index() {
        let text = NewText::new("“Ha ha ha,” said Younis. 🚗 ha ha ha ha");
        assert_eq!(text.occurrences("ha ha ha"), [27, 30]);
        assert_eq!(text.occurrences("ha"), [4, 7, 27, 30, 33, 36]);
        assert_eq!(text.occurrences("said Younis"), [12]);
        assert_eq!(text.occurrences("said Younes"), [] as [usize; 0]);
        assert_eq!(
            NewText::new("short").occurrences("short text"),
            [] as [usize; 0]
        );
    }

    proptest! {
        #[test]
        fn the_index_finds_what_a_scan_finds(text in "[ab é]{0,300}", needle in "[ab é]{8,12}") {
            let text = NewText::new(&text);
            prop_assert_eq!(text.occurrences(&needle), text.scanned_occurrences(&needle));
        }
    }
}
