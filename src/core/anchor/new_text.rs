//! The new text of a document, indexed once so that re-anchoring many claims against it
//! does not read it once per claim.

use std::cell::{Cell, OnceCell};
use std::ops::Range;

use super::{CONTEXT_CHARS, TextAnchor};

/// Length, in characters, of the runs the gram index records. Quotes shorter than this are
/// searched for by scanning the text.
pub(super) const GRAM_CHARS: usize = 8;

/// How many searches read the whole text before the gram index is built instead. Building
/// it costs about as much as a hundred such reads, so re-anchoring a few claims never
/// pays for it and re-anchoring a thousand pays for it once.
const SCANS_BEFORE_INDEX: usize = 8;

/// The gram index has between 2^10 and 2^16 buckets, about one per gram up to 64 K
/// characters and one per 16 grams at 1 MB: the bucket counts stay in the processor's
/// cache while the index is built, and a lookup checks a few strangers at most.
const MIN_BUCKET_BITS: u32 = 10;
/// See [`MIN_BUCKET_BITS`].
const MAX_BUCKET_BITS: u32 = 16;

/// The text as the searches need it: its characters, where each one starts in bytes, and
/// (once enough searches have read the whole text) an index of its 8-character runs.
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
    /// Searches that could have used the index and read the text instead.
    scans: Cell<usize>,
    /// How many such searches are made before the index is built.
    scans_before_index: usize,
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
            scans: Cell::new(0),
            scans_before_index: SCANS_BEFORE_INDEX,
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

    /// Character offsets, ascending, of the at most `limit` occurrences of `needle`
    /// (overlapping ones included) nearest to character offset `around`; on a tie the
    /// later one. Reading stops once `limit` are found, so a needle found everywhere costs
    /// no more than one found rarely.
    pub(super) fn occurrences_near(&self, needle: &str, around: usize, limit: usize) -> Vec<usize> {
        let needle_chars: Vec<char> = needle.chars().collect();
        if needle_chars.is_empty() {
            return Vec::new();
        }
        let around = around.min(self.chars.len());
        let grams = if needle_chars.len() >= GRAM_CHARS {
            self.grams()
        } else {
            None
        };
        match grams {
            Some(grams) => grams.occurrences_near(&self.chars, &needle_chars, around, limit),
            None => nearest_first(
                self.scan_backward(needle, around),
                self.scan_forward(needle, around),
                around,
                limit,
                Some,
            ),
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

    /// The gram index, built if enough searches have read the whole text; `None` while
    /// reading it is cheaper, or for a text that cannot be indexed.
    fn grams(&self) -> Option<&GramIndex> {
        if self.grams.get().is_none() {
            let scans = self.scans.get() + 1;
            self.scans.set(scans);
            if scans <= self.scans_before_index {
                return None;
            }
        }
        self.grams
            .get_or_init(|| GramIndex::new(&self.chars))
            .as_ref()
    }

    /// Occurrences of `needle` starting at or after character offset `from`, in text
    /// order, found by reading the text (for needles too short to look up).
    fn scan_forward<'s>(
        &'s self,
        needle: &'s str,
        from: usize,
    ) -> impl Iterator<Item = usize> + 's {
        let step = needle.chars().next().map_or(1, char::len_utf8);
        let mut from_byte = self.byte_offsets.get(from).copied();
        std::iter::from_fn(move || {
            let start_byte = from_byte?;
            let byte = start_byte + self.text.get(start_byte..)?.find(needle)?;
            from_byte = Some(byte + step);
            Some(self.char_offset(byte))
        })
    }

    /// Occurrences of `needle` starting before character offset `before`, nearest first,
    /// found by reading the text backwards.
    fn scan_backward<'s>(
        &'s self,
        needle: &'s str,
        before: usize,
    ) -> impl Iterator<Item = usize> + 's {
        let needle_chars = needle.chars().count();
        let mut end = (before + needle_chars).checked_sub(1);
        std::iter::from_fn(move || {
            let end_byte = *self.byte_offsets.get(end?.min(self.chars.len()))?;
            let start = self.char_offset(self.text.get(..end_byte)?.rfind(needle)?);
            end = (start + needle_chars).checked_sub(1);
            Some(start)
        })
    }

    /// Character offset of the character that starts at byte `byte`.
    fn char_offset(&self, byte: usize) -> usize {
        self.byte_offsets.partition_point(|&offset| offset < byte)
    }
}

/// The first `limit` values that `keep` turns into an occurrence, taking `before`
/// (descending, all below `around`) and `after` (ascending, none below) nearest to
/// `around` first, the later on a tie; returned ascending.
fn nearest_first(
    before: impl Iterator<Item = usize>,
    after: impl Iterator<Item = usize>,
    around: usize,
    limit: usize,
    mut keep: impl FnMut(usize) -> Option<usize>,
) -> Vec<usize> {
    let (mut before, mut after) = (before.peekable(), after.peekable());
    let mut found = Vec::new();
    while found.len() < limit {
        let take_after = match (before.peek(), after.peek()) {
            (None, None) => break,
            (Some(&lower), Some(&higher)) => higher.abs_diff(around) <= lower.abs_diff(around),
            (lower, _) => lower.is_none(),
        };
        let next = if take_after {
            after.next()
        } else {
            before.next()
        };
        found.extend(next.and_then(&mut keep));
    }
    found.sort_unstable();
    found
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
        let buckets = rolling_buckets(chars, bucket_bits);
        let mut bucket_starts = vec![0_u32; (1 << bucket_bits) + 1];
        for &bucket in &buckets {
            bucket_starts[bucket as usize + 1] += 1;
        }
        for bucket in 1..bucket_starts.len() {
            bucket_starts[bucket] += bucket_starts[bucket - 1];
        }
        let mut next_slots = bucket_starts.clone();
        let mut positions = vec![0_u32; gram_count];
        for (position, &bucket) in (0_u32..).zip(&buckets) {
            let slot = &mut next_slots[bucket as usize];
            positions[*slot as usize] = position;
            *slot += 1;
        }
        Some(Self {
            bucket_bits,
            bucket_starts,
            positions,
        })
    }

    /// [`NewText::occurrences_near`] for a `needle` of at least [`GRAM_CHARS`]
    /// characters in `chars`, the text this index was built from: the places holding the
    /// needle's rarest run are checked, nearest to `around` first.
    fn occurrences_near(
        &self,
        chars: &[char],
        needle: &[char],
        around: usize,
        limit: usize,
    ) -> Vec<usize> {
        let rarest = needle
            .windows(GRAM_CHARS)
            .enumerate()
            .map(|(offset, gram)| (offset, self.positions_of(gram)))
            .min_by_key(|(_, positions)| positions.len());
        let Some((offset, positions)) = rarest else {
            return Vec::new();
        };
        let start_of = |position: &u32| (*position as usize).checked_sub(offset);
        let pivot = positions.partition_point(|&position| (position as usize) < around + offset);
        nearest_first(
            positions[..pivot].iter().rev().filter_map(start_of),
            positions[pivot..].iter().filter_map(start_of),
            around,
            limit,
            |start| (chars.get(start..start + needle.len())? == needle).then_some(start),
        )
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

/// Base of the polynomial hash of a run: a large odd constant, so that every character
/// stirs all the bits.
const HASH_BASE: u64 = 0x9e37_79b9_7f4a_7c15;

/// The bucket of a run of characters: the top `bucket_bits` bits of its polynomial hash
/// (the same value [`rolling_buckets`] computes incrementally).
fn bucket_of(gram: &[char], bucket_bits: u32) -> usize {
    let hash = gram.iter().fold(0, |hash: u64, &character| {
        hash.wrapping_mul(HASH_BASE)
            .wrapping_add(u64::from(character))
    });
    usize::try_from(top_bits(hash, bucket_bits)).unwrap_or_default()
}

/// The bucket of every run of [`GRAM_CHARS`] characters of `chars`, in order, the hash
/// rolled one character at a time (one multiplication per character, not eight).
fn rolling_buckets(chars: &[char], bucket_bits: u32) -> Vec<u32> {
    let leaving_weight = (1..GRAM_CHARS).fold(1, |weight: u64, _| weight.wrapping_mul(HASH_BASE));
    let mut buckets = Vec::with_capacity(chars.len().saturating_sub(GRAM_CHARS) + 1);
    let mut hash: u64 = 0;
    for (index, &character) in chars.iter().enumerate() {
        if let Some(leaving) = index.checked_sub(GRAM_CHARS).and_then(|at| chars.get(at)) {
            hash = hash.wrapping_sub(u64::from(*leaving).wrapping_mul(leaving_weight));
        }
        hash = hash
            .wrapping_mul(HASH_BASE)
            .wrapping_add(u64::from(character));
        if index + 1 >= GRAM_CHARS {
            buckets.push(u32::try_from(top_bits(hash, bucket_bits)).unwrap_or_default());
        }
    }
    buckets
}

/// The top `bits` bits of `hash`, mixed first so that runs differing only in their last
/// characters land far apart.
fn top_bits(hash: u64, bits: u32) -> u64 {
    hash.wrapping_mul(0xff51_afd7_ed55_8ccd) >> (u64::BITS - bits)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// `text` prepared to use its gram index from the first search.
    fn indexed(text: &str) -> NewText<'_> {
        NewText {
            scans_before_index: 0,
            ..NewText::new(text)
        }
    }

    /// Every occurrence, as the index (or, for short needles, a scan) finds them.
    fn all(text: &NewText<'_>, needle: &str) -> Vec<usize> {
        text.occurrences_near(needle, 0, usize::MAX)
    }

    /// Every occurrence, found by reading the text forwards.
    fn scanned(text: &NewText<'_>, needle: &str) -> Vec<usize> {
        text.scan_forward(needle, 0).collect()
    }

    #[test]
    fn occurrences_are_found_with_and_without_the_index() {
        let text = indexed("“Ha ha ha,” said Younis. 🚗 ha ha ha ha");
        assert_eq!(all(&text, "ha ha ha"), [27, 30]);
        assert_eq!(all(&text, "ha"), [4, 7, 27, 30, 33, 36]);
        assert_eq!(all(&text, "said Younis"), [12]);
        assert_eq!(all(&text, "said Younes"), [] as [usize; 0]);
        assert_eq!(all(&text, ""), [] as [usize; 0]);
        assert_eq!(all(&indexed("short"), "short text"), [] as [usize; 0]);
    }

    #[test]
    fn only_the_nearest_occurrences_are_kept() {
        let repeated = "ab ".repeat(1000);
        let text = indexed(&repeated);
        assert_eq!(
            text.occurrences_near("ab", 1500, 4),
            [1497, 1500, 1503, 1506]
        );
        assert_eq!(
            text.occurrences_near("ab ab ab ab", 1500, 3),
            [1497, 1500, 1503]
        );
        assert_eq!(text.occurrences_near("ab", 9999, 2), [2994, 2997]);
        assert_eq!(text.occurrences_near("ab ab ab ab", 0, 2), [0, 3]);
    }

    proptest! {
        #[test]
        fn the_index_finds_what_a_scan_finds(
            text in "[ab é]{0,300}",
            needle in "[ab é]{1,12}",
            around in 0..320_usize,
            limit in 1..6_usize,
        ) {
            let (text, scanning) = (indexed(&text), NewText::new(&text));
            prop_assert_eq!(scanning.occurrences_near(&needle, around, limit), text.occurrences_near(&needle, around, limit));
            let everywhere = scanned(&text, &needle);
            prop_assert_eq!(all(&text, &needle), everywhere.clone());
            let mut nearest = everywhere;
            let around = around.min(text.char_count());
            nearest.sort_by_key(|&start| (start.abs_diff(around), std::cmp::Reverse(start)));
            nearest.truncate(limit);
            nearest.sort_unstable();
            prop_assert_eq!(text.occurrences_near(&needle, around, limit), nearest);
        }
    }
}
