//! Word-level comparison of two versions of a story, as a view model the UI only has to
//! paint: which stretches of each text were kept, deleted, inserted or moved, how much
//! of the old text survives, and which place in one text matches a place in the other.
//!
//! Built on the sentence alignment (`core::align`): sentences kept as they were are
//! never compared word by word, reworded ones are, and moved ones are marked as moved
//! on both sides rather than as a deletion here and an insertion there. The alignment
//! itself comes with the diff, for views that list sentences.

mod build;
mod tokens;

#[cfg(test)]
mod tests;

use std::ops::Range;
use std::time::{Duration, Instant};

use crate::core::align::{Alignment, align};
use crate::core::compare_options::CompareOptions;

/// Longest the word comparisons of one diff may search for the best alignment before
/// settling for a good one; keeps pathological inputs (two unrelated 1 MB texts) from
/// freezing the desk.
pub(crate) const DIFF_TIMEOUT: Duration = Duration::from_secs(2);

/// What happened to a stretch of text between the old and the new version.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SpanKind {
    /// Present in both versions, in the same place.
    Equal,
    /// Only in the old version.
    Deleted,
    /// Only in the new version.
    Inserted,
    /// Present in both versions, in a sentence that was moved elsewhere (on both
    /// sides: where it was and where it went).
    Moved,
}

/// A stretch of one version's text and what happened to it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Span {
    /// What happened to the stretch.
    pub kind: SpanKind,
    /// Byte range in that version's text.
    pub bytes: Range<usize>,
}

/// Which of the two compared texts an offset belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiffSide {
    /// The text compared from (the left pane).
    Old,
    /// The text compared to (the right pane).
    New,
}

/// Word counts of a comparison, the numbers an editor reads in the summary line. The
/// old text's words are each kept, moved or deleted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DiffStats {
    /// Words of the old text that the new text keeps in place.
    pub words_kept: usize,
    /// Words of the old text that the new text drops or replaces.
    pub words_deleted: usize,
    /// Words of the new text that the old text does not have.
    pub words_inserted: usize,
    /// Words of the old text that the new text keeps in a sentence it moved elsewhere.
    pub words_moved: usize,
}

impl DiffStats {
    /// Share of the old text's words that survive in the new one (kept in place or
    /// moved), in percent; `None` when the old text has no words.
    pub fn retained_percent(&self) -> Option<f64> {
        let retained = self.words_kept + self.words_moved;
        let old_words = retained + self.words_deleted;
        (old_words > 0).then(|| 100.0 * retained as f64 / old_words as f64)
    }
}

/// Corresponding stretches of the two texts, in code points; the basis for mapping a
/// place in one text to the matching place in the other. A diff's hunks cover both
/// texts, in order on both sides.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Hunk {
    /// The stretch of the old text.
    old_chars: Range<usize>,
    /// The stretch of the new text.
    new_chars: Range<usize>,
    /// Whether the two stretches are the same text (places map one to one) rather than
    /// a change (places map proportionally).
    equal: bool,
}

/// The word-level comparison of an old and a new text.
#[derive(Clone, Debug, PartialEq)]
pub struct WordDiff {
    /// The old text, cut into kept, deleted and moved stretches, in order, covering all
    /// of it.
    pub old_spans: Vec<Span>,
    /// The new text, cut into kept, inserted and moved stretches, in order, covering
    /// all of it.
    pub new_spans: Vec<Span>,
    /// Word counts.
    pub stats: DiffStats,
    /// The sentence alignment the diff was built on: for a list of changes or a
    /// versions view without aligning the texts again.
    pub alignment: Alignment,
    hunks: Vec<Hunk>,
}

impl WordDiff {
    /// Compares `old` with `new` with the default options: word marks, typography and
    /// spacing ignored (Unicode word boundaries, so punctuation and spaces are tokens
    /// of their own and "60,000" is one word).
    pub fn compute(old: &str, new: &str) -> Self {
        Self::compute_with(old, new, &CompareOptions::default())
    }

    /// Compares `old` with `new` as `options` say: sentences aligned first, then the
    /// reworded and moved ones compared word by word (or letter by letter, or not at
    /// all, by the granularity), and the text between sentences (datelines, credits)
    /// word by word.
    pub fn compute_with(old: &str, new: &str, options: &CompareOptions) -> Self {
        let deadline = Instant::now() + DIFF_TIMEOUT;
        let alignment = align(old, new, options);
        let built = build::build(old, new, &alignment, *options, deadline);
        Self {
            old_spans: built.old_spans,
            new_spans: built.new_spans,
            stats: built.stats,
            alignment,
            hunks: built.hunks,
        }
    }

    /// The code-point offset in the other text that corresponds to `offset` in the
    /// `from` text: exact inside kept stretches, proportional inside changed ones.
    /// Used to keep the two panes scrolled to the same passage, so it follows the text
    /// in order: a moved sentence maps to where it would have stood, not to where it
    /// went (`alignment` says that).
    pub fn counterpart(&self, from: DiffSide, offset: usize) -> usize {
        let ranges = |hunk: &Hunk| match from {
            DiffSide::Old => (hunk.old_chars.clone(), hunk.new_chars.clone()),
            DiffSide::New => (hunk.new_chars.clone(), hunk.old_chars.clone()),
        };
        let index = self
            .hunks
            .partition_point(|hunk| ranges(hunk).0.start <= offset)
            .saturating_sub(1);
        let Some(hunk) = self.hunks.get(index) else {
            return 0;
        };
        let (this_range, other_range) = ranges(hunk);
        let into = offset
            .saturating_sub(this_range.start)
            .min(this_range.len());
        let mapped = if hunk.equal || this_range.is_empty() {
            into.min(other_range.len())
        } else {
            into * other_range.len() / this_range.len()
        };
        other_range.start + mapped
    }

    /// The spans inside the sentences of alignment row `row` (old side, new side), cut
    /// to the sentences' byte ranges: for a reworded or moved pair, which of its words
    /// changed. Empty for a side the row has no sentence on, or a row that does not
    /// exist.
    pub fn row_spans(&self, row: usize) -> (Vec<Span>, Vec<Span>) {
        let Some(row) = self.alignment.rows().get(row) else {
            return (Vec::new(), Vec::new());
        };
        let old_unit = row
            .old
            .and_then(|unit| self.alignment.old_units().get(unit));
        let new_unit = row
            .new
            .and_then(|unit| self.alignment.new_units().get(unit));
        (
            old_unit.map_or_else(Vec::new, |unit| spans_within(&self.old_spans, &unit.bytes)),
            new_unit.map_or_else(Vec::new, |unit| spans_within(&self.new_spans, &unit.bytes)),
        )
    }
}

/// The parts of `spans` (in order, covering a text) inside the byte range `bytes`.
fn spans_within(spans: &[Span], bytes: &Range<usize>) -> Vec<Span> {
    let first = spans.partition_point(|span| span.bytes.end <= bytes.start);
    spans
        .get(first..)
        .unwrap_or_default()
        .iter()
        .take_while(|span| span.bytes.start < bytes.end)
        .map(|span| Span {
            kind: span.kind,
            bytes: span.bytes.start.max(bytes.start)..span.bytes.end.min(bytes.end),
        })
        .filter(|span| !span.bytes.is_empty())
        .collect()
}

/// Appends a stretch, merging it into the previous one when both are of the same kind.
fn push_span(spans: &mut Vec<Span>, kind: SpanKind, bytes: Range<usize>) {
    if bytes.is_empty() {
        return;
    }
    match spans.last_mut() {
        Some(last) if last.kind == kind && last.bytes.end == bytes.start => {
            last.bytes.end = bytes.end;
        }
        _ => spans.push(Span { kind, bytes }),
    }
}

/// Folds a kept stretch that holds no word (a space, a comma) into the marked stretches
/// on both sides of it when they are of one kind, so that "A B" → "X Y" reads as one
/// struck-through phrase rather than two struck words with an unmarked space between
/// them, and a moved paragraph as one moved block.
fn absorb_blank_gaps(spans: Vec<Span>, text: &str) -> Vec<Span> {
    let mut merged: Vec<Span> = Vec::with_capacity(spans.len());
    let mut rest = spans.into_iter().peekable();
    while let Some(span) = rest.next() {
        let between = merged
            .last()
            .map(|previous| previous.kind)
            .filter(|&previous| {
                previous != SpanKind::Equal && rest.peek().is_some_and(|next| next.kind == previous)
            });
        let kind = match between {
            Some(kind)
                if span.kind == SpanKind::Equal
                    && !text.get(span.bytes.clone()).is_some_and(has_word) =>
            {
                kind
            }
            _ => span.kind,
        };
        push_span(&mut merged, kind, span.bytes);
    }
    merged
}

/// Whether a stretch of text holds a word (a letter or a digit).
fn has_word(text: &str) -> bool {
    text.chars().any(char::is_alphanumeric)
}
