//! Re-anchoring: finding each claim's words again after its document's text was replaced
//! by a new version (a re-import, an edit).
//!
//! Each anchor is tried in four steps, the first that succeeds wins:
//!
//! 1. **Unchanged**: the new text holds the exact quote at the old offsets.
//! 2. **Moved** / **Context**: every occurrence of the exact quote in the new text is
//!    found. One occurrence is taken as it is (moved). Among several, the one whose
//!    surroundings are closest to the old prefix and suffix (edit distance) wins, then
//!    the one nearest to where the quote was expected (found by context). At most
//!    [`MAX_COMPARED_OCCURRENCES`] occurrences, the nearest to that place, are compared.
//! 3. **Fuzzy**: the quote itself was reworded, so the best approximate match is searched
//!    for, Hypothesis-style (bit-parallel edit distance, see `edit_distance.rs`). First
//!    in a window of [`FUZZY_WINDOW_CHARS`] characters (or the quote's length, if longer)
//!    either side of the expected place; only if that finds nothing, in the whole text
//!    around the places where a quarter of the quote (or half, for quotes under 32
//!    characters; quotes under 16 are not searched for there) survives word for word (at
//!    most [`MAX_SEED_REGIONS`] places, the nearest first). Matches are snapped outwards to
//!    word boundaries (when the old quote began or ended on one) and trimmed of
//!    whitespace, then scored like Hypothesis does: 50 × quote similarity + 20 × prefix
//!    similarity + 20 × suffix similarity + 2 × nearness. A match is accepted only if it
//!    keeps at least [`FUZZY_MIN_SIMILARITY_PERCENT`] % of the quote: at most a quarter
//!    of its characters inserted, deleted or replaced.
//! 4. **Orphaned**: nothing qualifies. The claim keeps its old anchor elsewhere and the
//!    editor re-attaches it by selecting new text.
//!
//! A found anchor's `exact` is the new text's words (the claim's own wording is kept on
//! the claim); its prefix and suffix are read afresh.
//!
//! "Expected place": for [`reanchor`], the old offset; for [`reanchor_all`], the old
//! offset shifted as much as the previous anchor (in text order) moved, so that after a
//! paragraph is inserted at the top every later quote is looked for where it now is.
//!
//! Cost, for a new text of n characters and a quote of m: the new text's char index is
//! built once per call (O(n)) and shared by every anchor of a [`reanchor_all`]. Step 1 is
//! O(m). Step 2 reads the text (O(n)) for the first 8 anchors that need it; then an
//! index of its 8-character runs is built (O(n), once) and a quote is found by checking
//! the places that hold its rarest run (quotes under 8 characters are still read for).
//! At most [`MAX_COMPARED_OCCURRENCES`] occurrences are collected, nearest first, and
//! compared by context at O(1) each, none when the quote sits at the expected place with
//! its context intact. Step 3 costs O((m + 2 × window) × ⌈m / 64⌉) for the window, then
//! four look-ups and at most [`MAX_SEED_REGIONS`] regions of O(m) characters for the
//! whole text, and refines a bounded number of candidates (fewer for long quotes).
//! Nothing is quadratic in the text's length, whatever the text repeats.
//!
//! Limitations: a quote longer than [`FUZZY_MAX_QUOTE_CHARS`] characters is only found if
//! it survives word for word; a reworded quote that also moved out of the window is found
//! only if a quarter of it survives word for word, and never if it is shorter than 16
//! characters; a quote found word for word anywhere is
//! taken there, even when its own passage was reworded and the words that survive belong
//! to another passage (the placement says "moved" or "found by context", so the editor
//! can check); similarity counts characters, so a curly quote turned straight costs one
//! edit each.

use std::fmt;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::TextAnchor;
use super::edit_distance::BitPattern;
use super::new_text::{GRAM_CHARS, NewText};

/// The least share of a quote, in percent, that a fuzzy match must keep: at most
/// `100 − 75` = 25 edits per 100 characters of the quote.
pub const FUZZY_MIN_SIMILARITY_PERCENT: usize = 75;

/// How far, in characters, either side of the expected place the fuzzy search looks
/// before it turns to the whole text.
pub const FUZZY_WINDOW_CHARS: usize = 2048;

/// The longest quote, in characters, that is searched for fuzzily; longer ones are
/// placed only if found word for word, which keeps a fuzzy search's cost bounded.
pub const FUZZY_MAX_QUOTE_CHARS: usize = 2048;

/// How many occurrences of a repeated quote, the nearest to the expected place, are
/// looked for and compared by context; a quote repeated more often than that (only in
/// text no editor writes) may be placed on one of those rather than on its own.
pub const MAX_COMPARED_OCCURRENCES: usize = 1024;

/// How many places in the whole text, the nearest to the expected place, the fuzzy
/// search examines once the window has failed.
pub const MAX_SEED_REGIONS: usize = 32;

/// Into how many pieces the quote is cut to find the places worth a whole-text fuzzy
/// search: a match keeping three quarters of the quote often keeps one piece intact.
const SEED_PIECES: usize = 4;

/// The shortest piece worth searching for: shorter ones are found everywhere, and would
/// be scanned for rather than looked up in the index. A quote needs two pieces, so only
/// quotes of 16 characters or more are searched for in the whole text.
const MIN_SEED_CHARS: usize = GRAM_CHARS;

/// How many approximate match ends, at most, are refined and scored per search stage.
const MAX_FUZZY_CANDIDATES: usize = 32;

/// How many match ends, at least, are refined and scored, however long the quote.
const MIN_FUZZY_CANDIDATES: usize = 4;

/// Scan steps (one 64-bit word operation set) that refining candidates may take per
/// search stage, about a millisecond: refining one costs about three scans of the quote,
/// so long quotes get fewer candidates (a 2,048-character one gets 9).
const FUZZY_REFINE_BUDGET_STEPS: usize = 2_000_000;

/// How far, in characters, a fuzzy match may be widened to reach a word boundary.
const MAX_SNAP_CHARS: usize = 40;

/// Hypothesis' weights for scoring a fuzzy match: the quote counts most, its context
/// next, nearness to the expected place only breaks near-ties.
const QUOTE_WEIGHT: f32 = 50.0;
/// Weight of each side's context similarity in a fuzzy match's score.
const CONTEXT_WEIGHT: f32 = 20.0;
/// Weight of nearness to the expected place in a fuzzy match's score.
const NEARNESS_WEIGHT: f32 = 2.0;

/// How an anchor was placed in the new text — shown to the editor ("moved", "found by
/// context", "fuzzy match 87%", "orphaned").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Placement {
    /// The exact quote is still at its old offsets.
    Unchanged,
    /// The exact quote occurs once in the new text, at other offsets.
    Moved,
    /// The exact quote occurs several times; its surroundings chose one.
    Context,
    /// The quote was reworded; the closest passage was taken.
    Fuzzy {
        /// How much of the quote the passage keeps, from 0 to 1 (1 − edits ÷ quote
        /// length), never below [`FUZZY_MIN_SIMILARITY_PERCENT`] %.
        similarity: f32,
    },
    /// Nothing in the new text is close enough: the claim waits to be re-attached.
    Orphaned,
}

impl fmt::Display for Placement {
    /// The placement as the editor reads it, in sentence case.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Unchanged => f.write_str("Unchanged"),
            Self::Moved => f.write_str("Moved"),
            Self::Context => f.write_str("Found by context"),
            Self::Fuzzy { similarity } => {
                write!(f, "Fuzzy match {:.0}%", (similarity * 100.0).floor())
            }
            Self::Orphaned => f.write_str("Orphaned"),
        }
    }
}

/// Where an anchor landed in the new text, and how it was found.
#[derive(Clone, Debug, PartialEq)]
pub struct Reanchored {
    /// The anchor in the new text; `None` when orphaned.
    pub anchor: Option<TextAnchor>,
    /// How the anchor was placed.
    pub placement: Placement,
}

impl Reanchored {
    /// A claim that could not be placed.
    fn orphaned() -> Self {
        Self {
            anchor: None,
            placement: Placement::Orphaned,
        }
    }

    /// A claim placed at `anchor`.
    fn placed(anchor: TextAnchor, placement: Placement) -> Self {
        Self {
            anchor: Some(anchor),
            placement,
        }
    }
}

/// Re-anchors one anchor in `new_text`.
pub fn reanchor(anchor: &TextAnchor, new_text: &str) -> Reanchored {
    let text = NewText::new(new_text);
    place(anchor, &text, anchor.start)
}

/// Re-anchors many anchors against one new text, sharing the work (the char and run
/// indexes of `new_text`, and each placed anchor's shift as the next one's expected
/// place) — this is
/// what the app calls when a document's text is replaced, for all its claims at once.
/// Results come back in the order of `anchors`.
pub fn reanchor_all(anchors: &[TextAnchor], new_text: &str) -> Vec<Reanchored> {
    let text = NewText::new(new_text);
    let mut in_text_order: Vec<(usize, &TextAnchor)> = anchors.iter().enumerate().collect();
    in_text_order.sort_by_key(|(_, anchor)| (anchor.start, anchor.end));
    let mut last_move = Move::default();
    let mut results: Vec<(usize, Reanchored)> = in_text_order
        .into_iter()
        .map(|(index, anchor)| {
            let result = place(anchor, &text, last_move.apply(anchor.start));
            if let Some(new_anchor) = &result.anchor {
                last_move = Move {
                    old_start: anchor.start,
                    new_start: new_anchor.start,
                };
            }
            (index, result)
        })
        .collect();
    results.sort_by_key(|(index, _)| *index);
    results.into_iter().map(|(_, result)| result).collect()
}

/// Where the last placed anchor went: later anchors are expected to have moved alike.
#[derive(Clone, Copy, Debug, Default)]
struct Move {
    /// Its offset in the old text.
    old_start: usize,
    /// Its offset in the new text.
    new_start: usize,
}

impl Move {
    /// Where a quote that was at `old_start` (at or after this move's old offset) is
    /// expected in the new text.
    fn apply(self, old_start: usize) -> usize {
        old_start
            .saturating_add(self.new_start)
            .saturating_sub(self.old_start)
    }
}

/// Runs the four steps for one anchor; `expected_start` is where its quote should now
/// begin if the text around it moved but it did not.
fn place(anchor: &TextAnchor, text: &NewText<'_>, expected_start: usize) -> Reanchored {
    if anchor.exact.is_empty() {
        return Reanchored::orphaned();
    }
    if text.slice(anchor.char_range()) == Some(anchor.exact.as_str()) {
        return Reanchored::placed(text.anchor_at(anchor.char_range()), Placement::Unchanged);
    }
    let expected_start = expected_start.min(text.char_count());
    let quote_chars = anchor.exact.chars().count();
    let occurrences =
        text.occurrences_near(&anchor.exact, expected_start, MAX_COMPARED_OCCURRENCES);
    match occurrences.as_slice() {
        [] => place_fuzzily(anchor, text, expected_start),
        [only] => Reanchored::placed(text.anchor_at(*only..*only + quote_chars), Placement::Moved),
        several => choose_by_context(anchor, text, several, expected_start).map_or_else(
            Reanchored::orphaned,
            |start| {
                Reanchored::placed(
                    text.anchor_at(start..start + quote_chars),
                    Placement::Context,
                )
            },
        ),
    }
}

/// The start, among the sorted `occurrences` of `anchor`'s quote, whose surroundings are
/// closest to the old context, the nearest to `expected_start` on a tie. When the quote
/// sits at the expected place with its context intact nothing can beat it, so the other
/// occurrences are not compared.
fn choose_by_context(
    anchor: &TextAnchor,
    text: &NewText<'_>,
    occurrences: &[usize],
    expected_start: usize,
) -> Option<usize> {
    let context = Context::new(anchor);
    let quote_chars = anchor.exact.chars().count();
    let context_edits = |start: usize| context.distance(text, start..start + quote_chars);
    if occurrences.binary_search(&expected_start).is_ok() && context_edits(expected_start) == 0 {
        return Some(expected_start);
    }
    occurrences
        .iter()
        .copied()
        .min_by_key(|&start| (context_edits(start), start.abs_diff(expected_start)))
}

/// The old anchor's prefix and suffix, prepared for comparison with the text around a
/// candidate place.
struct Context {
    /// The old prefix.
    prefix: BitPattern,
    /// The old suffix.
    suffix: BitPattern,
}

impl Context {
    /// Prepares the context of `anchor`.
    fn new(anchor: &TextAnchor) -> Self {
        let pattern = |text: &str| BitPattern::new(&text.chars().collect::<Vec<_>>());
        Self {
            prefix: pattern(&anchor.prefix),
            suffix: pattern(&anchor.suffix),
        }
    }

    /// Edits between the old context and as many characters either side of `range` in
    /// the new text.
    fn distance(&self, text: &NewText<'_>, range: Range<usize>) -> usize {
        let (before, after) = self.surroundings(text, range);
        self.prefix.distance(before.iter().copied()) + self.suffix.distance(after.iter().copied())
    }

    /// Similarity (0 to 1) of the old prefix and suffix to the new text either side of
    /// `range`.
    fn similarities(&self, text: &NewText<'_>, range: Range<usize>) -> (f32, f32) {
        let (before, after) = self.surroundings(text, range);
        let side = |pattern: &BitPattern, new: &[char]| {
            let longer = pattern.len().max(new.len());
            similarity(pattern.distance(new.iter().copied()), longer)
        };
        (side(&self.prefix, before), side(&self.suffix, after))
    }

    /// The new text's characters either side of `range`, as many as the old context has.
    fn surroundings<'a>(
        &self,
        text: &'a NewText<'_>,
        range: Range<usize>,
    ) -> (&'a [char], &'a [char]) {
        (
            text.chars_before(range.start, self.prefix.len()),
            text.chars_after(range.end, self.suffix.len()),
        )
    }
}

/// `1 − edits ÷ length`, 1 for two empty strings, never below 0.
fn similarity(edits: usize, length: usize) -> f32 {
    if length == 0 {
        return 1.0;
    }
    length.saturating_sub(edits) as f32 / length as f32
}

/// Step 3: the best approximate match of the quote, or an orphan.
fn place_fuzzily(anchor: &TextAnchor, text: &NewText<'_>, expected_start: usize) -> Reanchored {
    let quote: Vec<char> = anchor.exact.chars().collect();
    let max_edits = quote.len() * (100 - FUZZY_MIN_SIMILARITY_PERCENT) / 100;
    if max_edits == 0
        || quote.len() > FUZZY_MAX_QUOTE_CHARS
        || quote.len() > text.char_count() + max_edits
    {
        return Reanchored::orphaned();
    }
    let search = FuzzySearch::new(anchor, &quote, text, expected_start, max_edits);
    let window = search.window();
    search
        .best_in(std::iter::once(window.clone()))
        .or_else(|| search.best_in(search.seed_regions(&window)))
        .map_or_else(Reanchored::orphaned, |found| {
            Reanchored::placed(
                text.anchor_at(found.range),
                Placement::Fuzzy {
                    similarity: found.similarity,
                },
            )
        })
}

/// A fuzzy match, scored.
struct FuzzyMatch {
    /// Its character range in the new text.
    range: Range<usize>,
    /// How much of the quote it keeps, 0 to 1.
    similarity: f32,
    /// Quote, context and nearness together: the higher the better.
    score: f32,
}

/// Where an approximate match ends, before its start is known.
struct MatchEnd {
    /// Start of the region searched: the match begins no earlier.
    region_start: usize,
    /// One past the match's last character.
    end: usize,
    /// The fewest edits of any match ending there.
    edits: usize,
}

/// Everything one fuzzy search needs, prepared once per anchor.
struct FuzzySearch<'a, 't> {
    /// The text searched.
    text: &'a NewText<'t>,
    /// The old quote.
    quote: &'a [char],
    /// The old quote, for searching and measuring.
    pattern: BitPattern,
    /// The old quote backwards, for finding where a match begins.
    reversed: BitPattern,
    /// The old context, for scoring.
    context: Context,
    /// Whether the old quote began on a word boundary, so a match should too.
    snap_start: bool,
    /// Whether the old quote ended on a word boundary, so a match should too.
    snap_end: bool,
    /// Where the quote is expected to begin.
    expected_start: usize,
    /// The most edits an acceptable match may need.
    max_edits: usize,
    /// How many match ends to refine and score: [`MAX_FUZZY_CANDIDATES`], fewer for long
    /// quotes.
    max_candidates: usize,
}

impl<'a, 't> FuzzySearch<'a, 't> {
    /// Prepares the search for `anchor`'s `quote` (its characters).
    fn new(
        anchor: &TextAnchor,
        quote: &'a [char],
        text: &'a NewText<'t>,
        expected_start: usize,
        max_edits: usize,
    ) -> Self {
        let reversed: Vec<char> = quote.iter().rev().copied().collect();
        let pattern = BitPattern::new(quote);
        let refine_steps = 3 * quote.len() * pattern.blocks();
        Self {
            max_candidates: (FUZZY_REFINE_BUDGET_STEPS / refine_steps.max(1))
                .clamp(MIN_FUZZY_CANDIDATES, MAX_FUZZY_CANDIDATES),
            text,
            quote,
            pattern,
            reversed: BitPattern::new(&reversed),
            context: Context::new(anchor),
            snap_start: !(ends_in_word(&anchor.prefix) && starts_with_word(&anchor.exact)),
            snap_end: !(ends_in_word(&anchor.exact) && starts_with_word(&anchor.suffix)),
            expected_start,
            max_edits,
        }
    }

    /// The characters around the expected place searched first.
    fn window(&self) -> Range<usize> {
        let reach = FUZZY_WINDOW_CHARS.max(self.quote.len());
        let end = (self.expected_start + self.quote.len() + reach).min(self.text.char_count());
        self.expected_start.saturating_sub(reach).min(end)..end
    }

    /// The regions of the whole text (outside `window`) around occurrences of a piece of
    /// the quote, each wide enough for a match, the nearest [`MAX_SEED_REGIONS`] merged;
    /// none for a quote too short to cut into two pieces of [`MIN_SEED_CHARS`].
    fn seed_regions(&self, window: &Range<usize>) -> Vec<Range<usize>> {
        let quote_len = self.quote.len();
        let pieces = SEED_PIECES.min(quote_len / MIN_SEED_CHARS);
        if pieces < 2 {
            return Vec::new();
        }
        let piece_len = quote_len / pieces;
        let mut regions: Vec<Range<usize>> = (0..pieces)
            .flat_map(|piece| {
                let offset = piece * piece_len;
                let needle: String = self.quote[offset..offset + piece_len].iter().collect();
                self.text
                    .occurrences_near(&needle, self.expected_start + offset, MAX_SEED_REGIONS)
                    .into_iter()
                    .map(move |found| {
                        let start = found.saturating_sub(offset + self.max_edits);
                        let end = (found + quote_len + self.max_edits).saturating_sub(offset);
                        start..end.min(self.text.char_count())
                    })
            })
            .filter(|region| region.start < window.start || region.end > window.end)
            .collect();
        let distance = |region: &Range<usize>| region.start.abs_diff(self.expected_start);
        if regions.len() > MAX_SEED_REGIONS {
            regions.select_nth_unstable_by_key(MAX_SEED_REGIONS, distance);
            regions.truncate(MAX_SEED_REGIONS);
        }
        merge_overlapping(regions)
    }

    /// The best acceptable match within any of `regions`: the most promising match ends
    /// of all regions (fewest edits, then nearest), at most `max_candidates` of them,
    /// refined and scored.
    fn best_in(&self, regions: impl IntoIterator<Item = Range<usize>>) -> Option<FuzzyMatch> {
        let mut ends: Vec<MatchEnd> = regions
            .into_iter()
            .flat_map(|region| self.match_ends(&region))
            .collect();
        let expected_end = self.expected_start + self.quote.len();
        ends.sort_by_key(|end| (end.edits, end.end.abs_diff(expected_end)));
        ends.truncate(self.max_candidates);
        ends.into_iter()
            .filter_map(|end| {
                let start = self.start_of(end.region_start, end.end, end.edits);
                self.refine(start..end.end)
            })
            .max_by(|left, right| left.score.total_cmp(&right.score))
    }

    /// The ends of the approximate matches in `region` worth refining: local minima of
    /// the edits, within the edit budget.
    fn match_ends(&self, region: &Range<usize>) -> Vec<MatchEnd> {
        let Some(chars) = self.text.chars().get(region.clone()) else {
            return Vec::new();
        };
        let mut edits_at = Vec::with_capacity(chars.len());
        self.pattern
            .scan_search(chars.iter().copied(), |_, edits| edits_at.push(edits));
        edits_at
            .iter()
            .enumerate()
            .filter(|&(index, &edits)| {
                let before = index.checked_sub(1).and_then(|at| edits_at.get(at));
                edits <= self.max_edits
                    && before.is_none_or(|&other| edits <= other)
                    && edits_at.get(index + 1).is_none_or(|&other| edits <= other)
            })
            .map(|(index, &edits)| MatchEnd {
                region_start: region.start,
                end: region.start + index + 1,
                edits,
            })
            .collect()
    }

    /// Where the match ending at `end` with `edits` edits begins: the start, no earlier
    /// than `region_start`, that needs the fewest edits, the length closest to the quote's
    /// on a tie.
    fn start_of(&self, region_start: usize, end: usize, edits: usize) -> usize {
        let earliest = end
            .saturating_sub(self.quote.len() + edits)
            .max(region_start);
        let Some(before_end) = self.text.chars().get(earliest..end) else {
            return end;
        };
        let mut best = (usize::MAX, usize::MAX, end);
        self.reversed
            .scan_anchored(before_end.iter().rev().copied(), |index, edits| {
                let length = index + 1;
                let rank = (edits, length.abs_diff(self.quote.len()), end - length);
                best = best.min(rank);
            });
        best.2
    }

    /// The match over `range` widened to word boundaries and trimmed of whitespace,
    /// scored; `None` when it is no longer close enough to the quote.
    fn refine(&self, range: Range<usize>) -> Option<FuzzyMatch> {
        let range = self.trimmed(self.snapped(range));
        if range.is_empty() {
            return None;
        }
        let edits = self
            .pattern
            .distance(self.text.chars().get(range.clone())?.iter().copied());
        if edits > self.max_edits {
            return None;
        }
        let quote_similarity = similarity(edits, self.quote.len());
        let (prefix_similarity, suffix_similarity) =
            self.context.similarities(self.text, range.clone());
        let nearness = 1.0
            - range.start.abs_diff(self.expected_start) as f32
                / self.text.char_count().max(1) as f32;
        Some(FuzzyMatch {
            score: QUOTE_WEIGHT * quote_similarity
                + CONTEXT_WEIGHT * (prefix_similarity + suffix_similarity)
                + NEARNESS_WEIGHT * nearness,
            similarity: quote_similarity,
            range,
        })
    }

    /// `range` widened (by at most [`MAX_SNAP_CHARS`] each side) so that it does not cut
    /// a word, on the sides where the old quote did not.
    fn snapped(&self, range: Range<usize>) -> Range<usize> {
        let chars = self.text.chars();
        let inside_word = |at: usize| {
            at > 0
                && chars.get(at - 1).is_some_and(|&c| is_word_char(c))
                && chars.get(at).is_some_and(|&c| is_word_char(c))
        };
        let Range { mut start, mut end } = range;
        let (lowest_start, highest_end) = (
            start.saturating_sub(MAX_SNAP_CHARS),
            end.saturating_add(MAX_SNAP_CHARS),
        );
        while self.snap_start && start > lowest_start && inside_word(start) {
            start -= 1;
        }
        while self.snap_end && end < highest_end && inside_word(end) {
            end += 1;
        }
        start..end
    }

    /// `range` without whitespace at either end.
    fn trimmed(&self, range: Range<usize>) -> Range<usize> {
        let is_space = |at: usize| self.text.chars().get(at).is_some_and(|c| c.is_whitespace());
        let Range { mut start, mut end } = range;
        while start < end && is_space(start) {
            start += 1;
        }
        while end > start && is_space(end - 1) {
            end -= 1;
        }
        start..end
    }
}

/// Sorts `regions` and merges those that overlap or touch.
fn merge_overlapping(mut regions: Vec<Range<usize>>) -> Vec<Range<usize>> {
    regions.sort_by_key(|region| region.start);
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(regions.len());
    for region in regions {
        match merged.last_mut() {
            Some(last) if region.start <= last.end => last.end = last.end.max(region.end),
            _ => merged.push(region),
        }
    }
    merged
}

/// Whether `c` belongs to a word (letters and digits in any script).
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Whether `text` ends with a word character.
fn ends_in_word(text: &str) -> bool {
    text.chars().next_back().is_some_and(is_word_char)
}

/// Whether `text` starts with a word character.
fn starts_with_word(text: &str) -> bool {
    text.chars().next().is_some_and(is_word_char)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sample story, as a reporter filed it.
    const SEED: &str = include_str!("../../../tests/fixtures/seed-idlib-2019.txt");

    /// The anchor of the first occurrence of `quote` in `text`, as an editor's selection
    /// makes it.
    fn anchor_of(text: &str, quote: &str) -> TextAnchor {
        let byte = text.find(quote).unwrap();
        let start = text[..byte].chars().count();
        TextAnchor::from_selection(text, start..start + quote.chars().count()).unwrap()
    }

    /// Re-anchors `quote` of `old` in `new`, checking that any anchor found is sound.
    fn reanchored(old: &str, quote: &str, new: &str) -> Reanchored {
        let result = reanchor(&anchor_of(old, quote), new);
        if let Some(anchor) = &result.anchor {
            assert!(
                anchor.matches(new),
                "{anchor:?} does not match the new text"
            );
            assert_eq!(*anchor, anchor_of_range(new, anchor.char_range()));
        }
        result
    }

    /// The anchor an editor's selection of `range` in `text` makes.
    fn anchor_of_range(text: &str, range: Range<usize>) -> TextAnchor {
        TextAnchor::from_selection(text, range).unwrap()
    }

    fn similarity_of(placement: &Placement) -> f32 {
        match placement {
            Placement::Fuzzy { similarity } => *similarity,
            other => panic!("expected a fuzzy match, got {other:?}"),
        }
    }

    const FLED: &str =
        "Rescuers there said around 60,000 people had fled in the last four days alone.";

    #[test]
    fn text_appended_after_leaves_the_quote_unchanged() {
        let new = format!("{SEED}\n\nAdditional reporting by Suleiman al-Khalidi.");
        let result = reanchored(SEED, FLED, &new);
        assert_eq!(result.placement, Placement::Unchanged);
        assert_eq!(result.anchor, Some(anchor_of(SEED, FLED)));
    }

    #[test]
    fn insertion_before_the_quote_moves_it() {
        let inserted = "Aid groups warned of a new wave of displacement. ";
        let new = SEED.replacen("AMMAN:", &format!("{inserted}AMMAN:"), 1);
        let result = reanchored(SEED, FLED, &new);
        assert_eq!(result.placement, Placement::Moved);
        let anchor = result.anchor.unwrap();
        assert_eq!(anchor.exact, FLED);
        assert_eq!(
            anchor.start,
            anchor_of(SEED, FLED).start + inserted.chars().count()
        );
    }

    #[test]
    fn deletion_before_the_quote_moves_it() {
        let headline = "Tens of thousands flee Russia-led onslaught on opposition enclave\n\n";
        let new = SEED.replacen(headline, "", 1);
        let result = reanchored(SEED, FLED, &new);
        assert_eq!(result.placement, Placement::Moved);
        assert_eq!(
            result.anchor.unwrap().start,
            anchor_of(SEED, FLED).start - headline.chars().count()
        );
    }

    #[test]
    fn a_changed_number_inside_the_quote_is_a_close_fuzzy_match() {
        let new = SEED.replacen("around 60,000 people", "around 50,000 people", 1);
        let result = reanchored(SEED, "around 60,000 people", &new);
        assert!(similarity_of(&result.placement) >= 0.9);
        assert_eq!(result.anchor.unwrap().exact, "around 50,000 people");
        assert_eq!(result.placement.to_string(), "Fuzzy match 95%");
    }

    #[test]
    fn words_inserted_inside_the_quote_are_taken_in() {
        let old = SEED.replacen("400,000 people displaced", "400,000 displaced", 1);
        let quote = "killed and at least 400,000 displaced";
        let result = reanchored(&old, quote, SEED);
        assert!(similarity_of(&result.placement) >= 0.8);
        assert_eq!(
            result.anchor.unwrap().exact,
            "killed and at least 400,000 people displaced"
        );
    }

    #[test]
    fn a_word_added_just_after_the_quote_leaves_it_unchanged() {
        let old = SEED.replacen("400,000 people displaced", "400,000 displaced", 1);
        let result = reanchored(&old, "at least 400,000", SEED);
        assert_eq!(result.placement, Placement::Unchanged);
        assert!(
            result
                .anchor
                .unwrap()
                .suffix
                .starts_with(" people displaced")
        );
    }

    #[test]
    fn a_repeated_quote_is_told_apart_by_its_context() {
        let quote = "around 60,000 people";
        let echo = "Aid agencies put the number of families sheltering in camps at around 60,000 people last month.\n\n";
        let new = SEED.replacen("AMMAN:", &format!("{echo}AMMAN:"), 1);
        let result = reanchored(SEED, quote, &new);
        assert_eq!(result.placement, Placement::Context);
        let anchor = result.anchor.unwrap();
        assert_eq!(anchor.prefix, anchor_of(SEED, quote).prefix);
        assert!(anchor.start > echo.chars().count());
    }

    #[test]
    fn a_removed_paragraph_orphans_its_claims() {
        let paragraph_start = SEED.find("On Tuesday, Russian").unwrap();
        let paragraph_end = SEED.find("State media").unwrap();
        let new = format!("{}{}", &SEED[..paragraph_start], &SEED[paragraph_end..]);
        let quote = "There were 15 raids on Jarjanaz in less than five minutes";
        let result = reanchored(SEED, quote, &new);
        assert_eq!(result, Reanchored::orphaned());
        assert_eq!(result.placement.to_string(), "Orphaned");
    }

    #[test]
    fn a_quote_reworded_beyond_recognition_is_orphaned() {
        let new = SEED.replacen(
            FLED,
            "Aid workers estimate that tens of thousands left within the week.",
            1,
        );
        assert_eq!(reanchored(SEED, FLED, &new).placement, Placement::Orphaned);
    }

    #[test]
    fn curly_quotes_turned_straight_are_a_fuzzy_match() {
        let quote = "“The flow of cars and vehicles leaving is not stopping,”";
        let straight = "\"The flow of cars and vehicles leaving is not stopping,\"";
        let new = SEED.replacen(quote, straight, 1);
        let result = reanchored(SEED, quote, &new);
        assert!(similarity_of(&result.placement) > 0.95);
        assert_eq!(result.anchor.unwrap().exact, straight);
    }

    #[test]
    fn arabic_names_and_emoji_count_as_characters() {
        let old = "قال عبد الله يونس إن 60,000 شخص فروا 🚗 من المدينة";
        let quote = "60,000 شخص فروا 🚗";
        let moved = format!("عاجل 📰 {old}");
        assert_eq!(reanchored(old, quote, &moved).placement, Placement::Moved);
        let edited = old.replace("60,000", "50,000");
        let result = reanchored(old, quote, &edited);
        assert!(similarity_of(&result.placement) > 0.9);
        assert_eq!(result.anchor.unwrap().exact, "50,000 شخص فروا 🚗");
    }

    #[test]
    fn nothing_is_placed_in_an_empty_or_too_short_text() {
        assert_eq!(reanchored(SEED, FLED, ""), Reanchored::orphaned());
        assert_eq!(reanchored(SEED, FLED, "Rescuers"), Reanchored::orphaned());
        let empty = TextAnchor {
            exact: String::new(),
            prefix: String::new(),
            suffix: String::new(),
            start: 0,
            end: 0,
        };
        assert_eq!(reanchor(&empty, SEED), Reanchored::orphaned());
    }

    #[test]
    fn a_reworded_quote_moved_far_away_is_found_in_the_whole_text() {
        let filler = "Markets were calm and the weather mild across the region. ".repeat(200);
        let new = format!(
            "{filler}\n\n{}",
            SEED.replacen("60,000 people had fled", "60,000 people fled", 1)
        );
        let result = reanchored(SEED, FLED, &new);
        assert!(similarity_of(&result.placement) > 0.9);
        assert_eq!(
            result.anchor.unwrap().exact,
            "Rescuers there said around 60,000 people fled in the last four days alone."
        );
    }

    #[test]
    fn reanchor_all_keeps_the_order_and_follows_the_shift() {
        let quotes = [
            "scorched earth strategy",
            FLED,
            "the Syrian army",
            "at least 400,000 people displaced",
        ];
        let anchors: Vec<TextAnchor> = quotes.iter().map(|quote| anchor_of(SEED, quote)).collect();
        let new = SEED.replacen("AMMAN:", "AMMAN (Reuters) -", 1).replacen(
            "Syrian army pushed",
            "Syrian army has pushed",
            1,
        );
        let results = reanchor_all(&anchors, &new);
        let placements: Vec<&Placement> = results.iter().map(|result| &result.placement).collect();
        assert_eq!(
            placements,
            [
                &Placement::Moved,
                &Placement::Moved,
                &Placement::Context,
                &Placement::Moved
            ]
        );
        for (result, quote) in results.iter().zip(quotes) {
            let anchor = result.anchor.as_ref().unwrap();
            assert_eq!(anchor.exact, quote);
            assert!(anchor.matches(&new));
        }
        assert_eq!(
            results[2].anchor.as_ref().unwrap().start,
            anchor_of(&new, "the Syrian army").start
        );
    }

    #[test]
    fn every_sentence_follows_an_insertion_at_the_top() {
        let sentences: Vec<&str> = SEED
            .split(['.', '\n'])
            .map(str::trim)
            .filter(|sentence| sentence.len() >= 20)
            .collect();
        assert!(sentences.len() > 12, "enough searches to build the index");
        let anchors: Vec<TextAnchor> = sentences
            .iter()
            .map(|sentence| anchor_of(SEED, sentence))
            .collect();
        let inserted = "CORRECTION: an earlier version misspelt Maarat al-Numan.\n\n";
        let new = format!("{inserted}{SEED}");
        for (old, result) in anchors.iter().zip(reanchor_all(&anchors, &new)) {
            assert!(
                matches!(result.placement, Placement::Moved | Placement::Context),
                "{old:?} {result:?}"
            );
            let anchor = result.anchor.unwrap();
            assert_eq!(anchor.exact, old.exact);
            assert_eq!(anchor.start, old.start + inserted.chars().count());
        }
    }

    #[test]
    fn offsets_from_a_damaged_project_file_are_survived() {
        let mut far = anchor_of(SEED, FLED);
        (far.start, far.end) = (usize::MAX - 1, usize::MAX);
        let moved = format!("Updated. {SEED}");
        let results = reanchor_all(&[anchor_of(SEED, "scorched earth strategy"), far], &moved);
        assert_eq!(results[0].placement, Placement::Moved);
        assert_eq!(results[1].placement, Placement::Moved);
        assert_eq!(results[1].anchor.as_ref().unwrap().exact, FLED);
    }

    #[test]
    fn placements_read_as_the_editor_sees_them() {
        assert_eq!(Placement::Context.to_string(), "Found by context");
        assert_eq!(
            Placement::Fuzzy { similarity: 0.875 }.to_string(),
            "Fuzzy match 87%"
        );
        assert_eq!(
            Placement::Fuzzy { similarity: 0.999 }.to_string(),
            "Fuzzy match 99%"
        );
    }
}
