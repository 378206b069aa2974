//! Bit-parallel edit distance: how many single-character insertions, deletions and
//! substitutions turn one string into another.
//!
//! This is Myers' algorithm ("A fast bit-vector algorithm for approximate string matching
//! based on dynamic programming", J. ACM 1999) with the block layout of Hyyrö, the same
//! algorithm the Hypothesis annotator uses (the `approx-string-match` library) to find
//! reworded quotes. It keeps one column of the classic dynamic-programming table as bit
//! vectors, so each character of the text costs a handful of word operations per 64
//! characters of the pattern: O(text × ⌈pattern / 64⌉) instead of O(text × pattern).
//!
//! Two modes share the code:
//! - *search* ([`BitPattern::scan_search`]): the match may start anywhere in the text, so
//!   for every end position it reports the fewest edits of any substring ending there;
//! - *anchored* ([`BitPattern::scan_anchored`], [`BitPattern::distance`]): the match
//!   starts at the first character, so it reports the plain edit distance between the
//!   pattern and each prefix of the text.

/// Bits in one block of the bit vectors.
const WORD_BITS: usize = 64;

/// The highest bit of a block: the last pattern row that block covers when it is full.
const HIGH_BIT: u64 = 1 << (WORD_BITS - 1);

/// A pattern prepared for bit-parallel edit-distance scans: for every character it holds,
/// the bit mask of the positions where it occurs ("Peq" in Myers' paper).
pub(crate) struct BitPattern {
    /// Pattern length in characters.
    len: usize,
    /// Number of 64-bit blocks per mask (`len / 64`, rounded up).
    blocks: usize,
    /// The masks, one row of `blocks` words per distinct character; row 0 is all zeros,
    /// the row of every character the pattern does not contain.
    masks: Vec<u64>,
    /// Mask row of each ASCII character (0 when the pattern lacks it): a table lookup for
    /// the common case.
    ascii_rows: [usize; 128],
    /// Mask row of each non-ASCII character the pattern holds, sorted by character for a
    /// binary search (Arabic names, curly quotes, dashes).
    other_rows: Vec<(char, usize)>,
}

impl BitPattern {
    /// Prepares `pattern` for scanning.
    pub(crate) fn new(pattern: &[char]) -> Self {
        let blocks = pattern.len().div_ceil(WORD_BITS);
        let mut prepared = Self {
            len: pattern.len(),
            blocks,
            masks: vec![0; blocks],
            ascii_rows: [0; 128],
            other_rows: Vec::new(),
        };
        for (position, &character) in pattern.iter().enumerate() {
            let row = prepared.row_or_insert(character);
            prepared.masks[row * blocks + position / WORD_BITS] |= 1 << (position % WORD_BITS);
        }
        prepared
    }

    /// Pattern length in characters.
    pub(super) fn len(&self) -> usize {
        self.len
    }

    /// Words per bit vector (the pattern's length ÷ 64, rounded up): what scanning one
    /// text character costs, in word operation sets.
    pub(super) fn blocks(&self) -> usize {
        self.blocks
    }

    /// Calls `visit(index, edits)` after each character of `text`, with the fewest edits
    /// that turn the pattern into some substring of `text` ending at that character.
    pub(super) fn scan_search(
        &self,
        text: impl IntoIterator<Item = char>,
        visit: impl FnMut(usize, usize),
    ) {
        self.scan(text, false, visit);
    }

    /// Calls `visit(index, edits)` after each character of `text`, with the edit distance
    /// between the pattern and the text up to and including that character.
    pub(super) fn scan_anchored(
        &self,
        text: impl IntoIterator<Item = char>,
        visit: impl FnMut(usize, usize),
    ) {
        self.scan(text, true, visit);
    }

    /// The edit distance between the pattern and the whole of `text`.
    pub(crate) fn distance(&self, text: impl IntoIterator<Item = char>) -> usize {
        let mut distance = self.len;
        self.scan_anchored(text, |_, edits| distance = edits);
        distance
    }

    /// The mask row of `character`, added (empty) if the pattern has not used it yet.
    fn row_or_insert(&mut self, character: char) -> usize {
        let existing = self.row(character);
        if existing != 0 {
            return existing;
        }
        let row = self.masks.len() / self.blocks.max(1);
        self.masks.extend(std::iter::repeat_n(0, self.blocks));
        match u8::try_from(character) {
            Ok(byte) if byte.is_ascii() => self.ascii_rows[usize::from(byte)] = row,
            _ => {
                let at = self
                    .other_rows
                    .partition_point(|&(other, _)| other < character);
                self.other_rows.insert(at, (character, row));
            }
        }
        row
    }

    /// The mask row of `character`, 0 (all zeros) when the pattern does not contain it.
    fn row(&self, character: char) -> usize {
        match u8::try_from(character) {
            Ok(byte) if byte.is_ascii() => self.ascii_rows[usize::from(byte)],
            _ => self
                .other_rows
                .binary_search_by_key(&character, |&(other, _)| other)
                .map_or(0, |at| self.other_rows[at].1),
        }
    }

    /// The masks of `character`, one word per block.
    fn masks_of(&self, character: char) -> &[u64] {
        let row = self.row(character);
        &self.masks[row * self.blocks..(row + 1) * self.blocks]
    }

    /// Runs the automaton over `text`. `anchored` decides the top row of the table: 0
    /// everywhere when a match may start anywhere, the column number when it must start
    /// at the first character.
    fn scan(
        &self,
        text: impl IntoIterator<Item = char>,
        anchored: bool,
        mut visit: impl FnMut(usize, usize),
    ) {
        let Some(last_block) = self.blocks.checked_sub(1) else {
            for (index, _) in text.into_iter().enumerate() {
                visit(index, if anchored { index + 1 } else { 0 });
            }
            return;
        };
        let last_row_bit = 1 << ((self.len - 1) % WORD_BITS);
        let mut vertical = vec![BlockColumn::START; self.blocks];
        let mut edits = self.len;
        for (index, character) in text.into_iter().enumerate() {
            let mut carry = i8::from(anchored);
            for (block, (column, &equal)) in vertical
                .iter_mut()
                .zip(self.masks_of(character))
                .enumerate()
            {
                let row_bit = if block == last_block {
                    last_row_bit
                } else {
                    HIGH_BIT
                };
                carry = column.advance(equal, carry, row_bit);
            }
            edits = edits.saturating_add_signed(isize::from(carry));
            visit(index, edits);
        }
    }
}

/// One 64-row block of the current table column, as Myers' vertical delta vectors.
#[derive(Clone, Copy)]
struct BlockColumn {
    /// Rows where the value is one more than the row above.
    plus: u64,
    /// Rows where the value is one less than the row above.
    minus: u64,
}

impl BlockColumn {
    /// The first column: each row one more than the row above (deleting every pattern
    /// character).
    const START: Self = Self {
        plus: u64::MAX,
        minus: 0,
    };

    /// Moves the block one text character on. `equal` marks the pattern rows holding that
    /// character, `carry_in` is the horizontal delta (-1, 0 or +1) entering the block's
    /// top row and `row_bit` selects the block's last row; returns the horizontal delta
    /// leaving that row.
    fn advance(&mut self, equal: u64, carry_in: i8, row_bit: u64) -> i8 {
        let carry_negative = u64::from(carry_in < 0);
        let equal = equal | carry_negative;
        let vertical = equal | self.minus;
        let horizontal = ((equal & self.plus).wrapping_add(self.plus) ^ self.plus) | equal;
        let mut plus_horizontal = self.minus | !(horizontal | self.plus);
        let mut minus_horizontal = self.plus & horizontal;
        let carry_out =
            i8::from(plus_horizontal & row_bit != 0) - i8::from(minus_horizontal & row_bit != 0);
        plus_horizontal = (plus_horizontal << 1) | u64::from(carry_in > 0);
        minus_horizontal = (minus_horizontal << 1) | carry_negative;
        self.plus = minus_horizontal | !(vertical | plus_horizontal);
        self.minus = plus_horizontal & vertical;
        carry_out
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// The textbook dynamic programme, as the reference. `anchored` as in `scan`.
    fn naive(pattern: &[char], text: &[char], anchored: bool) -> Vec<usize> {
        let mut column: Vec<usize> = (0..=pattern.len()).collect();
        let mut results = Vec::new();
        for (index, &character) in text.iter().enumerate() {
            let mut next = vec![if anchored { index + 1 } else { 0 }];
            for (row, &expected) in pattern.iter().enumerate() {
                let substitution = column[row] + usize::from(expected != character);
                next.push(substitution.min(column[row + 1] + 1).min(next[row] + 1));
            }
            results.push(next[pattern.len()]);
            column = next;
        }
        results
    }

    fn collect(pattern: &[char], text: &[char], anchored: bool) -> Vec<usize> {
        let prepared = BitPattern::new(pattern);
        let mut results = Vec::new();
        let record = |_, edits| results.push(edits);
        if anchored {
            prepared.scan_anchored(text.iter().copied(), record);
        } else {
            prepared.scan_search(text.iter().copied(), record);
        }
        results
    }

    fn chars(text: &str) -> Vec<char> {
        text.chars().collect()
    }

    #[test]
    fn distance_counts_edits() {
        let pattern = BitPattern::new(&chars("around 60,000 people"));
        assert_eq!(pattern.distance("around 50,000 people".chars()), 1);
        assert_eq!(pattern.distance("around 60,000 people".chars()), 0);
        assert_eq!(pattern.distance("".chars()), 20);
        assert_eq!(BitPattern::new(&[]).distance("abc".chars()), 3);
        let curly = BitPattern::new(&chars("“ok”"));
        assert_eq!(curly.distance("\"ok\"".chars()), 2);
    }

    #[test]
    fn search_finds_the_quote_inside_a_longer_text() {
        let found = collect(&chars("60,000"), &chars("said around 60,001 people"), false);
        assert_eq!(found.iter().min(), Some(&1));
        assert_eq!(found.iter().position(|&edits| edits == 1), Some(16));
    }

    proptest! {
        #[test]
        fn matches_the_textbook_programme(
            pattern in "[abcé ]{0,150}",
            text in "[abcé ]{0,80}",
        ) {
            let (pattern, text) = (chars(&pattern), chars(&text));
            prop_assert_eq!(collect(&pattern, &text, false), naive(&pattern, &text, false));
            prop_assert_eq!(collect(&pattern, &text, true), naive(&pattern, &text, true));
        }
    }
}
