//! Word-level comparison of two versions of a story, as a view model the UI only has to
//! paint: which stretches of each text were kept, deleted or inserted, how much of the
//! old text survives, and which place in one text matches a place in the other.

use std::ops::Range;
use std::time::Duration;

use similar::{Algorithm, DiffTag, TextDiff};

/// Longest the diff algorithm may search for the best alignment before settling for a
/// good one; keeps pathological inputs (two unrelated 1 MB texts) from freezing the desk.
pub(crate) const DIFF_TIMEOUT: Duration = Duration::from_secs(2);

/// What happened to a stretch of text between the old and the new version.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SpanKind {
    /// Present in both versions.
    Equal,
    /// Only in the old version.
    Deleted,
    /// Only in the new version.
    Inserted,
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

/// Word counts of a comparison, the numbers an editor reads in the summary line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DiffStats {
    /// Words of the old text that the new text keeps.
    pub words_kept: usize,
    /// Words of the old text that the new text drops or replaces.
    pub words_deleted: usize,
    /// Words of the new text that the old text does not have.
    pub words_inserted: usize,
}

impl DiffStats {
    /// Share of the old text's words that survive in the new one, in percent;
    /// `None` when the old text has no words.
    pub fn retained_percent(&self) -> Option<f64> {
        let old_words = self.words_kept + self.words_deleted;
        (old_words > 0).then(|| 100.0 * self.words_kept as f64 / old_words as f64)
    }
}

/// Corresponding stretches of the two texts, in code points; the basis for mapping a
/// place in one text to the matching place in the other.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Hunk {
    old_chars: Range<usize>,
    new_chars: Range<usize>,
    equal: bool,
}

/// The word-level comparison of an old and a new text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WordDiff {
    /// The old text, cut into kept and deleted stretches, in order, covering all of it.
    pub old_spans: Vec<Span>,
    /// The new text, cut into kept and inserted stretches, in order, covering all of it.
    pub new_spans: Vec<Span>,
    /// Word counts.
    pub stats: DiffStats,
    hunks: Vec<Hunk>,
}

/// Prefix sums of token lengths: where each token of a text starts, in bytes and chars.
struct TokenOffsets {
    bytes: Vec<usize>,
    chars: Vec<usize>,
}

impl TokenOffsets {
    fn new(tokens: &[&str]) -> Self {
        let mut bytes = Vec::with_capacity(tokens.len() + 1);
        let mut chars = Vec::with_capacity(tokens.len() + 1);
        let (mut byte, mut char) = (0, 0);
        bytes.push(0);
        chars.push(0);
        for token in tokens {
            byte += token.len();
            char += token.chars().count();
            bytes.push(byte);
            chars.push(char);
        }
        Self { bytes, chars }
    }

    fn bytes(&self, tokens: &Range<usize>) -> Range<usize> {
        self.bytes[tokens.start]..self.bytes[tokens.end]
    }

    fn chars(&self, tokens: &Range<usize>) -> Range<usize> {
        self.chars[tokens.start]..self.chars[tokens.end]
    }
}

impl WordDiff {
    /// Compares `old` with `new` word by word (Unicode word boundaries, so punctuation
    /// and spaces are tokens of their own and "60,000" is one word).
    pub fn compute(old: &str, new: &str) -> Self {
        let diff = TextDiff::configure()
            .algorithm(Algorithm::Patience)
            .timeout(DIFF_TIMEOUT)
            .diff_unicode_words(old, new);
        let old_tokens: Vec<&str> = diff.iter_old_slices().collect();
        let new_tokens: Vec<&str> = diff.iter_new_slices().collect();
        let old_offsets = TokenOffsets::new(&old_tokens);
        let new_offsets = TokenOffsets::new(&new_tokens);

        let mut old_spans = Vec::new();
        let mut new_spans = Vec::new();
        let mut stats = DiffStats::default();
        let mut hunks = Vec::with_capacity(diff.ops().len());
        for op in diff.ops() {
            let (tag, old_range, new_range) = op.as_tag_tuple();
            let old_words = count_word_tokens(&old_tokens[old_range.clone()]);
            let new_words = count_word_tokens(&new_tokens[new_range.clone()]);
            let equal = tag == DiffTag::Equal;
            if equal {
                stats.words_kept += old_words;
            } else {
                stats.words_deleted += old_words;
                stats.words_inserted += new_words;
            }
            let old_bytes = old_offsets.bytes(&old_range);
            let new_bytes = new_offsets.bytes(&new_range);
            let marked = |text: &str, bytes: &Range<usize>, kind| {
                if equal || is_blank(&text[bytes.clone()]) {
                    SpanKind::Equal
                } else {
                    kind
                }
            };
            let old_kind = marked(old, &old_bytes, SpanKind::Deleted);
            let new_kind = marked(new, &new_bytes, SpanKind::Inserted);
            push_span(&mut old_spans, old_kind, old_bytes);
            push_span(&mut new_spans, new_kind, new_bytes);
            hunks.push(Hunk {
                old_chars: old_offsets.chars(&old_range),
                new_chars: new_offsets.chars(&new_range),
                equal,
            });
        }
        Self {
            old_spans: absorb_blank_gaps(old_spans, old),
            new_spans: absorb_blank_gaps(new_spans, new),
            stats,
            hunks,
        }
    }

    /// The code-point offset in the other text that corresponds to `offset` in the
    /// `from` text: exact inside kept stretches, proportional inside changed ones.
    /// Used to keep the two panes scrolled to the same passage.
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
}

/// Whether a stretch is only spaces and line breaks. Changes of nothing but spacing are
/// left unmarked: they are layout, not copy, and a struck-through space reads like a
/// hyphen.
fn is_blank(text: &str) -> bool {
    text.chars().all(char::is_whitespace)
}

/// Whether a token is a word (rather than a space or a punctuation mark).
fn is_word(token: &str) -> bool {
    token.chars().any(char::is_alphanumeric)
}

fn count_word_tokens(tokens: &[&str]) -> usize {
    tokens.iter().filter(|token| is_word(token)).count()
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

/// Folds a kept stretch that holds no word (a space, a comma) into the changes on both
/// sides of it, so that "A B" → "X Y" reads as one struck-through phrase rather than
/// two struck words with an unmarked space between them.
fn absorb_blank_gaps(spans: Vec<Span>, text: &str) -> Vec<Span> {
    let mut merged: Vec<Span> = Vec::with_capacity(spans.len());
    let mut rest = spans.into_iter().peekable();
    while let Some(span) = rest.next() {
        let between_changes = span.kind == SpanKind::Equal
            && !is_word(&text[span.bytes.clone()])
            && merged
                .last()
                .is_some_and(|previous| previous.kind != SpanKind::Equal)
            && rest.peek().is_some_and(|next| next.kind != SpanKind::Equal);
        let kind = if between_changes {
            merged.last().map_or(span.kind, |previous| previous.kind)
        } else {
            span.kind
        };
        push_span(&mut merged, kind, span.bytes);
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(text: &str, spans: &[Span]) -> String {
        spans
            .iter()
            .map(|span| {
                let words = &text[span.bytes.clone()];
                match span.kind {
                    SpanKind::Equal => words.to_owned(),
                    SpanKind::Deleted => format!("[-{words}-]"),
                    SpanKind::Inserted => format!("{{+{words}+}}"),
                }
            })
            .collect()
    }

    #[test]
    fn changed_words_are_marked_on_their_side() {
        let old = "Ten of thousands of people have fled.";
        let new = "Tens of thousands of people fled.";
        let diff = WordDiff::compute(old, new);
        assert_eq!(
            marked(old, &diff.old_spans),
            "[-Ten-] of thousands of people [-have -]fled."
        );
        assert_eq!(
            marked(new, &diff.new_spans),
            "{+Tens+} of thousands of people fled."
        );
        assert_eq!(
            diff.stats,
            DiffStats {
                words_kept: 5,
                words_deleted: 2,
                words_inserted: 1
            }
        );
        let retained = diff.stats.retained_percent().unwrap();
        assert!((retained - 500.0 / 7.0).abs() < 1e-9, "{retained}");
    }

    #[test]
    fn segments_cover_each_text_exactly() {
        let old = "Middle EastTop StoriesWorld\n\nAMMAN: Ten of thousands fled.";
        let new = "AMMAN (Reuters) - Tens of thousands fled.";
        let diff = WordDiff::compute(old, new);
        for (text, spans) in [(old, &diff.old_spans), (new, &diff.new_spans)] {
            let joined: String = spans.iter().map(|s| &text[s.bytes.clone()]).collect();
            assert_eq!(joined, text);
            assert!(spans.windows(2).all(|w| w[0].kind != w[1].kind));
        }
    }

    #[test]
    fn blank_gap_between_changes_is_one_change() {
        let diff = WordDiff::compute("said Abdullah Younis", "said Abdul Rahman");
        assert_eq!(
            marked("said Abdullah Younis", &diff.old_spans),
            "said [-Abdullah Younis-]"
        );
    }

    #[test]
    fn spacing_changes_are_not_marked() {
        let old = "said yesterday. They left";
        let new = "said yesterday.\n\nThey left";
        let diff = WordDiff::compute(old, new);
        assert_eq!(marked(old, &diff.old_spans), old);
        assert_eq!(marked(new, &diff.new_spans), new);
    }

    #[test]
    fn identical_texts_retain_everything() {
        let diff = WordDiff::compute("Same words.", "Same words.");
        assert_eq!(diff.stats.retained_percent(), Some(100.0));
        assert_eq!(diff.stats.words_deleted + diff.stats.words_inserted, 0);
        assert_eq!(WordDiff::compute("", "new").stats.retained_percent(), None);
    }

    #[test]
    fn places_map_to_the_matching_place_in_the_other_text() {
        let old = "Site debris. Rescuers said 60,000 fled.";
        let new = "Rescuers said 60,000 fled.";
        let diff = WordDiff::compute(old, new);
        let old_at = old.find("60,000").unwrap();
        let new_at = new.find("60,000").unwrap();
        assert_eq!(diff.counterpart(DiffSide::Old, old_at), new_at);
        assert_eq!(diff.counterpart(DiffSide::New, new_at), old_at);
        assert_eq!(diff.counterpart(DiffSide::Old, 3), 0);
        assert_eq!(diff.counterpart(DiffSide::Old, 10_000), new.chars().count());
    }
}
