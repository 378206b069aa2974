//! Where two versions of a sentence differ, word by word, and which part of one is
//! which part of the other.
//!
//! The sentences are compared as Unicode words (spaces and punctuation marks are tokens
//! of their own, "60,000" is one word; see `parts::word_tokens`) with `similar`. Neighbouring changes with
//! nothing but spaces between them are one [`Edit`], the way an editor reads "Defense
//! Ministry" → "Defence ministry" as one change. A part of the old sentence (a figure, a
//! quote, a name) is paired with the part of the new one that its words became, so the
//! classifier compares "60,000 people" with "50,000 people" rather than with whatever
//! sits at the same offset.

use std::ops::Range;
use std::time::Instant;

use similar::{Algorithm, DiffTag, capture_diff_slices_deadline};

use crate::core::diff::DIFF_TIMEOUT;

/// One contiguous change: the old words at `old` became the new words at `new`. Either
/// side may be empty (words added or removed), never both.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Edit {
    /// Byte range in the old sentence.
    pub old: Range<usize>,
    /// Byte range in the new sentence.
    pub new: Range<usize>,
}

/// The edits between two sentences, in order, with the words between them unchanged.
pub(super) struct Alignment {
    /// The edits, in order on both sides, never touching each other.
    edits: Vec<Edit>,
}

/// One of the two sentences compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Side {
    /// The sentence compared from.
    Old,
    /// The sentence compared to.
    New,
}

impl Side {
    /// The other sentence.
    fn other(self) -> Self {
        match self {
            Self::Old => Self::New,
            Self::New => Self::Old,
        }
    }

    /// The bytes `edit` changed in this sentence.
    fn of(self, edit: &Edit) -> &Range<usize> {
        match self {
            Self::Old => &edit.old,
            Self::New => &edit.new,
        }
    }
}

/// Which part of the old sentence became which part of the new one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Pairing {
    /// Old part `.0` became new part `.1`.
    Both(usize, usize),
    /// Old part `.0` has no counterpart: it was removed.
    Removed(usize),
    /// New part `.0` has no counterpart: it was added.
    Added(usize),
}

impl Alignment {
    /// Compares `old` with `new` word by word, given their tokens (byte ranges that
    /// cover each sentence in order).
    pub fn new(
        old: &str,
        new: &str,
        old_tokens: &[Range<usize>],
        new_tokens: &[Range<usize>],
    ) -> Self {
        let old_words: Vec<&str> = old_tokens.iter().map(|t| &old[t.clone()]).collect();
        let new_words: Vec<&str> = new_tokens.iter().map(|t| &new[t.clone()]).collect();
        let ops = capture_diff_slices_deadline(
            Algorithm::Myers,
            &old_words,
            &new_words,
            Instant::now().checked_add(DIFF_TIMEOUT),
        );
        let mut edits: Vec<Edit> = Vec::new();
        for op in ops {
            let (tag, old_indices, new_indices) = op.as_tag_tuple();
            if tag == DiffTag::Equal {
                continue;
            }
            let edit = Edit {
                old: bytes_of(old_tokens, &old_indices, old.len()),
                new: bytes_of(new_tokens, &new_indices, new.len()),
            };
            match edits.last_mut() {
                Some(last) if only_spaces_between(old, last, &edit) => {
                    last.old.end = edit.old.end;
                    last.new.end = edit.new.end;
                }
                _ => edits.push(edit),
            }
        }
        Self { edits }
    }

    /// The edits, in order.
    pub fn edits(&self) -> &[Edit] {
        &self.edits
    }

    /// Where the words at `range` of the `from` sentence are in the other one: exact
    /// through unchanged words; a boundary inside an edit moves to that edit's edge, so
    /// a part the edit rewrote maps onto what it was rewritten as.
    pub fn image(&self, range: &Range<usize>, from: Side) -> Range<usize> {
        let start = match self
            .edits
            .iter()
            .find(|e| from.of(e).contains(&range.start))
        {
            Some(edit) => from.other().of(edit).start,
            None => {
                self.unchanged_image(range.start, from, |edit| from.of(edit).end <= range.start)
            }
        };
        let end = match self.edits.iter().find(|e| {
            let edited = from.of(e);
            edited.start < range.end && range.end <= edited.end
        }) {
            Some(edit) => from.other().of(edit).end,
            None => self.unchanged_image(range.end, from, |edit| from.of(edit).end < range.end),
        };
        start..end.max(start)
    }

    /// The other sentence's offset for the unchanged offset `at` of the `from`
    /// sentence, counting the edits `before` it.
    fn unchanged_image(&self, at: usize, from: Side, before: impl Fn(&Edit) -> bool) -> usize {
        let count = self.edits.partition_point(before);
        match count.checked_sub(1).and_then(|last| self.edits.get(last)) {
            Some(edit) => at - from.of(edit).end + from.other().of(edit).end,
            None => at,
        }
    }

    /// Whether an edit changed any of the old words at `old`.
    pub fn touches_old(&self, old: &Range<usize>) -> bool {
        self.edits.iter().any(|edit| touches(&edit.old, old))
    }

    /// Whether an edit changed any of the new words at `new`.
    pub fn touches_new(&self, new: &Range<usize>) -> bool {
        self.edits.iter().any(|edit| touches(&edit.new, new))
    }

    /// Pairs the old parts at `old` with the new parts at `new` (each list in order):
    /// an old part goes with the unpaired new part that overlaps most of where its words
    /// went, or else with a new part that says the `same` (by index in `old` and `new`)
    /// elsewhere: it moved ("residents said on Tuesday" → "on Tuesday, residents said").
    /// A part left without a counterpart counts as removed or added only when an edit
    /// touched it; otherwise the finder merely read the same words differently in their
    /// new surroundings.
    pub fn pair(
        &self,
        old: &[Range<usize>],
        new: &[Range<usize>],
        same: impl Fn(usize, usize) -> bool,
    ) -> Vec<Pairing> {
        let mut taken = vec![false; new.len()];
        let mut pairings = Vec::new();
        let mut unpaired = Vec::new();
        for (old_index, old_part) in old.iter().enumerate() {
            let image = self.image(old_part, Side::Old);
            let best = new
                .iter()
                .enumerate()
                .filter(|(new_index, _)| !taken[*new_index])
                .map(|(new_index, new_part)| (new_index, overlap(&image, new_part)))
                .filter(|(_, shared)| *shared > 0)
                .max_by_key(|(new_index, shared)| (*shared, std::cmp::Reverse(*new_index)));
            match best {
                Some((new_index, _)) => {
                    taken[new_index] = true;
                    pairings.push(Pairing::Both(old_index, new_index));
                }
                None if self.touches_old(old_part) => unpaired.push(old_index),
                None => {}
            }
        }
        for old_index in unpaired {
            let moved = (0..new.len()).find(|&new_index| {
                !taken[new_index] && self.touches_new(&new[new_index]) && same(old_index, new_index)
            });
            match moved {
                Some(new_index) => {
                    taken[new_index] = true;
                    pairings.push(Pairing::Both(old_index, new_index));
                }
                None => pairings.push(Pairing::Removed(old_index)),
            }
        }
        for (new_index, new_part) in new.iter().enumerate() {
            if !taken[new_index] && self.touches_new(new_part) {
                pairings.push(Pairing::Added(new_index));
            }
        }
        pairings
    }
}

/// The bytes of the tokens at `indices` of `tokens` (which cover a text of `length`
/// bytes); where the next token starts when there are none.
fn bytes_of(tokens: &[Range<usize>], indices: &Range<usize>, length: usize) -> Range<usize> {
    let start = tokens
        .get(indices.start)
        .map_or(length, |token| token.start);
    let end = indices
        .end
        .checked_sub(1)
        .and_then(|last| tokens.get(last))
        .map_or(start, |token| token.end);
    start..end.max(start)
}

/// Whether the edited bytes `edit` change anything of `part`: they overlap it, or words
/// were put inside it.
fn touches(edit: &Range<usize>, part: &Range<usize>) -> bool {
    if edit.is_empty() {
        part.start < edit.start && edit.start < part.end
    } else {
        edit.start < part.end && part.start < edit.end
    }
}

/// How many bytes two ranges share.
fn overlap(left: &Range<usize>, right: &Range<usize>) -> usize {
    left.end
        .min(right.end)
        .saturating_sub(left.start.max(right.start))
}

/// Whether nothing but spaces (or nothing at all) lies between the edits `first` and
/// `second` of the old sentence `old`.
fn only_spaces_between(old: &str, first: &Edit, second: &Edit) -> bool {
    old.get(first.old.end..second.old.start)
        .is_some_and(|between| between.chars().all(char::is_whitespace))
}

#[cfg(test)]
mod tests {
    use super::super::parts::word_tokens;
    use super::*;

    /// The alignment of `old` with `new`.
    fn align(old: &str, new: &str) -> Alignment {
        Alignment::new(old, new, &word_tokens(old), &word_tokens(new))
    }

    /// The edits of `old` → `new`, as text.
    fn edits<'t>(old: &'t str, new: &'t str) -> Vec<(&'t str, &'t str)> {
        align(old, new)
            .edits()
            .iter()
            .map(|edit| (&old[edit.old.clone()], &new[edit.new.clone()]))
            .collect()
    }

    #[test]
    fn changes_with_only_spaces_between_are_one_edit() {
        assert_eq!(
            edits("the Defense Ministry said", "the Defence ministry said"),
            [("Defense Ministry", "Defence ministry")]
        );
        assert_eq!(
            edits("were killed on Tuesday", "were reportedly killed yesterday"),
            [("", "reportedly "), ("on Tuesday", "yesterday")]
        );
        assert!(edits("Same words.", "Same words.").is_empty());
    }

    #[test]
    fn parts_map_to_what_they_became() {
        let old = "Rescuers said at least 60,000 people had fled.";
        let new = "Rescuers said 50,000 people had fled.";
        let alignment = align(old, new);
        let figure = old.find("at least").unwrap()..old.find(" had").unwrap();
        let image = alignment.image(&figure, Side::Old);
        assert_eq!(&new[image.clone()], "50,000 people");
        assert_eq!(
            &old[alignment.image(&image, Side::New)],
            "at least 60,000 people"
        );
        let new_figure = new.find("50,000").unwrap()..new.find(" had").unwrap();
        assert_eq!(
            alignment.pair(std::slice::from_ref(&figure), &[new_figure], |_, _| false),
            [Pairing::Both(0, 0)]
        );
        let untouched = 0..8;
        assert_eq!(
            alignment.pair(
                std::slice::from_ref(&untouched),
                std::slice::from_ref(&untouched),
                |_, _| false
            ),
            [Pairing::Both(0, 0)]
        );
        assert!(
            alignment
                .pair(std::slice::from_ref(&untouched), &[], |_, _| false)
                .is_empty()
        );
    }

    #[test]
    fn parts_with_no_counterpart_are_added_or_removed() {
        let old = "They fled, a doctor told Reuters.";
        let new = "They fled on Tuesday.";
        let alignment = align(old, new);
        let told = old.find("a doctor").unwrap()..old.len() - 1;
        let tuesday = new.find("on Tuesday").unwrap()..new.len() - 1;
        assert_eq!(
            alignment.pair(&[told], &[tuesday], |_, _| false),
            [Pairing::Both(0, 0)],
            "a replaced stretch pairs what replaced it"
        );
        let old = "They fled, a doctor told Reuters.";
        let new = "They fled.";
        let alignment = align(old, new);
        let told = old.find("a doctor").unwrap()..old.len() - 1;
        assert_eq!(
            alignment.pair(&[told], &[], |_, _| false),
            [Pairing::Removed(0)]
        );
    }
}
