//! Sentence alignment of two versions of a story: which sentence of the new version is
//! which sentence of the old one, kept as it was, reworded, moved, or neither.
//!
//! The desk reorders, trims and rewords wire copy; a plain word diff of two such texts
//! turns a moved caption into a deleted block at the top and an inserted one at the
//! bottom, and spends most of its time comparing words that were never touched. So the
//! texts are first cut into sentences (`claims::sentences`, which also sets datelines
//! and credits aside), and the sentences aligned:
//! 1. sentences equal under the comparison options (their *keys*) are matched by a
//!    longest common subsequence, in order: these are `Same`;
//! 2. between two matched sentences, the old ones left over are paired with the new
//!    ones left over that say nearly the same (content-word similarity of at least
//!    0.5), best pairs first and without crossing: `Changed`;
//! 3. what is still left over is matched across the whole text with a sentence of the
//!    same key or at least 0.8 similar: `Moved`;
//! 4. the rest is `Deleted` or `Inserted`.
//!
//! Only the sentences that are not `Same` are ever compared word by word (by
//! `core::diff`), which keeps a 1 MB comparison in the tens of milliseconds.

mod matching;
mod units;

#[cfg(test)]
mod tests;

use std::collections::{HashMap, VecDeque};
use std::ops::Range;
use std::time::{Duration, Instant};

use similar::{Algorithm, DiffTag, capture_diff_slices_deadline};

use crate::core::compare_options::CompareOptions;
use crate::core::similarity::Profile;

use self::matching::{Candidate, pair_freely, pair_in_order, similar_pairs};
use self::units::PreparedText;

/// Longest the sentence matching may search for the best alignment before settling for
/// a good one, so that two unrelated long texts cannot freeze the desk.
const ALIGN_TIMEOUT: Duration = Duration::from_secs(2);

/// How alike (content-word Dice similarity) an old and a new sentence between the same
/// two kept sentences must be to count as one sentence reworded.
const CHANGED_SIMILARITY: f32 = 0.5;

/// How alike a deleted and an inserted sentence elsewhere must be to count as one
/// sentence moved. Higher than for rewording in place: two sentences far apart are
/// more often merely on the same subject.
const MOVED_SIMILARITY: f32 = 0.8;

/// A sentence of one version: the unit alignment works on.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Unit {
    /// Where it is, in code points.
    pub chars: Range<usize>,
    /// Where it is, in bytes.
    pub bytes: Range<usize>,
    /// Which paragraph it is in: the index, among the text's lines that hold a
    /// sentence, of its line (headlines and captions are paragraphs too).
    pub paragraph: usize,
}

/// What became of a sentence between the old and the new version.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RowKind {
    /// In both versions, equal under the comparison options.
    Same,
    /// Reworded in place: the new sentence stands where the old one stood and says
    /// nearly the same.
    Changed,
    /// Taken to another place in the text, possibly lightly edited.
    Moved,
    /// Only in the old version.
    Deleted,
    /// Only in the new version.
    Inserted,
}

/// One line of the alignment: an old sentence, a new sentence, or a pair of them.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// What happened to the sentence.
    pub kind: RowKind,
    /// The old unit (index into `Alignment::old_units`), unless the row is `Inserted`.
    pub old: Option<usize>,
    /// The new unit (index into `Alignment::new_units`), unless the row is `Deleted`.
    pub new: Option<usize>,
    /// How alike the two sentences are in content words, 0 to 1: 1 for `Same`, the
    /// Dice similarity for `Changed` and `Moved`, 0 for a sentence on one side only.
    pub similarity: f32,
}

/// What an old sentence became in the new version (or the other way round).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Counterpart {
    /// The unit in the other version.
    pub unit: usize,
    /// How it got there: `Same`, `Changed` or `Moved`.
    pub kind: RowKind,
    /// How alike the two sentences are, 0 to 1.
    pub similarity: f32,
}

/// A paragraph whose sentences were all moved, together, into one paragraph of the new
/// version: what an editor calls a moved paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct MovedParagraph {
    /// The paragraph in the old version (see `Unit::paragraph`).
    pub old_paragraph: usize,
    /// The paragraph of the new version it went to.
    pub new_paragraph: usize,
}

/// The sentence alignment of an old and a new version of a text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Alignment {
    /// The old version's sentences, in reading order.
    old_units: Vec<Unit>,
    /// The new version's sentences, in reading order.
    new_units: Vec<Unit>,
    /// The rows, in reading order of the new version (see `rows`).
    rows: Vec<Row>,
    /// For each old unit, its row.
    old_rows: Vec<usize>,
    /// For each new unit, its row.
    new_rows: Vec<usize>,
    /// The number of words in each old unit.
    old_words: Vec<usize>,
    /// The number of words in each new unit.
    new_words: Vec<usize>,
}

impl Alignment {
    /// The old version's sentences, in reading order.
    pub fn old_units(&self) -> &[Unit] {
        &self.old_units
    }

    /// The new version's sentences, in reading order.
    pub fn new_units(&self) -> &[Unit] {
        &self.new_units
    }

    /// Every sentence of both versions, once: in reading order of the new version, with
    /// each deleted sentence where it stood (just before what followed it, as in a
    /// unified diff) and each moved one at its new place.
    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    /// The row (index into `rows`) of old unit `old_unit`.
    pub fn row_of_old(&self, old_unit: usize) -> Option<usize> {
        self.old_rows.get(old_unit).copied()
    }

    /// The row (index into `rows`) of new unit `new_unit`.
    pub fn row_of_new(&self, new_unit: usize) -> Option<usize> {
        self.new_rows.get(new_unit).copied()
    }

    /// What old unit `old_unit` became in the new version; `None` when it was deleted
    /// (or there is no such unit). The per-version cells of a versions table.
    pub fn counterpart_in_new(&self, old_unit: usize) -> Option<Counterpart> {
        let row = self.rows.get(self.row_of_old(old_unit)?)?;
        Some(Counterpart {
            unit: row.new?,
            kind: row.kind,
            similarity: row.similarity,
        })
    }

    /// Where new unit `new_unit` came from in the old version; `None` when it was
    /// inserted (or there is no such unit).
    pub fn counterpart_in_old(&self, new_unit: usize) -> Option<Counterpart> {
        let row = self.rows.get(self.row_of_new(new_unit)?)?;
        Some(Counterpart {
            unit: row.old?,
            kind: row.kind,
            similarity: row.similarity,
        })
    }

    /// The old paragraphs whose sentences were all moved into one paragraph of the new
    /// version, in the old version's order. A paragraph moved and then reworded past
    /// recognition, or split over several paragraphs, is not among them.
    pub fn moved_paragraphs(&self) -> Vec<MovedParagraph> {
        let mut moved = Vec::new();
        let mut start = 0;
        while let Some(first) = self.old_units.get(start) {
            let end = self.old_units[start..]
                .iter()
                .position(|unit| unit.paragraph != first.paragraph)
                .map_or(self.old_units.len(), |length| start + length);
            let mut new_paragraphs = (start..end).map(|old_unit| {
                self.counterpart_in_new(old_unit)
                    .filter(|counterpart| counterpart.kind == RowKind::Moved)
                    .and_then(|counterpart| self.new_units.get(counterpart.unit))
                    .map(|unit| unit.paragraph)
            });
            if let Some(Some(new_paragraph)) = new_paragraphs.next()
                && new_paragraphs.all(|paragraph| paragraph == Some(new_paragraph))
            {
                moved.push(MovedParagraph {
                    old_paragraph: first.paragraph,
                    new_paragraph,
                });
            }
            start = end;
        }
        moved
    }

    /// The number of words in old unit `old_unit` (0 when there is none).
    pub(crate) fn old_unit_words(&self, old_unit: usize) -> usize {
        self.old_words.get(old_unit).copied().unwrap_or_default()
    }

    /// The number of words in new unit `new_unit` (0 when there is none).
    pub(crate) fn new_unit_words(&self, new_unit: usize) -> usize {
        self.new_words.get(new_unit).copied().unwrap_or_default()
    }
}

/// Aligns the sentences of `old` and `new`, comparing them as `options` say
/// (the granularity does not matter here, only what counts as equal).
pub fn align(old: &str, new: &str, options: &CompareOptions) -> Alignment {
    align_prepared(
        &PreparedText::new(old, options),
        &PreparedText::new(new, options),
    )
}

/// Aligns each of `others` with `base` (as the old version), cutting the base into
/// sentences only once: for a table of what each base sentence became in each version
/// (`Alignment::counterpart_in_new`).
pub fn align_versions(base: &str, others: &[&str], options: &CompareOptions) -> Vec<Alignment> {
    let base = PreparedText::new(base, options);
    others
        .iter()
        .map(|other| align_prepared(&base, &PreparedText::new(other, options)))
        .collect()
}

/// A stretch of the two texts between sentences that matched by key, where the old
/// sentences left over are paired with the new ones left over.
struct Gap {
    /// The old units in it.
    old: Range<usize>,
    /// The new units in it.
    new: Range<usize>,
    /// Pairs of a reworded old and new sentence, in reading order.
    pairs: Vec<Candidate>,
}

/// A part of the alignment, in order.
enum Stretch {
    /// `length` units equal by key, from `old_start` and `new_start`.
    Same {
        old_start: usize,
        new_start: usize,
        length: usize,
    },
    /// Units that are not.
    Gap(Gap),
}

fn align_prepared(old: &PreparedText<'_>, new: &PreparedText<'_>) -> Alignment {
    let deadline = Instant::now() + ALIGN_TIMEOUT;
    let ops =
        capture_diff_slices_deadline(Algorithm::Patience, &old.keys, &new.keys, Some(deadline));
    let mut stretches: Vec<Stretch> = ops
        .iter()
        .map(|op| {
            let (tag, old_range, new_range) = op.as_tag_tuple();
            if tag == DiffTag::Equal {
                Stretch::Same {
                    old_start: old_range.start,
                    new_start: new_range.start,
                    length: old_range.len(),
                }
            } else {
                Stretch::Gap(Gap {
                    old: old_range,
                    new: new_range,
                    pairs: Vec::new(),
                })
            }
        })
        .collect();

    let gaps = || {
        stretches.iter().filter_map(|stretch| match stretch {
            Stretch::Gap(gap) => Some(gap),
            Stretch::Same { .. } => None,
        })
    };
    let old_profiles = old.profiles_for(&gaps().map(|gap| gap.old.clone()).collect::<Vec<_>>());
    let new_profiles = new.profiles_for(&gaps().map(|gap| gap.new.clone()).collect::<Vec<_>>());

    let mut old_taken = vec![false; old.units.len()];
    let mut new_taken = vec![false; new.units.len()];
    for stretch in &mut stretches {
        let Stretch::Gap(gap) = stretch else {
            continue;
        };
        if gap.old.is_empty() || gap.new.is_empty() {
            continue;
        }
        let olds: Vec<usize> = gap.old.clone().collect();
        let news: Vec<usize> = gap.new.clone().collect();
        gap.pairs = pair_in_order(similar_pairs(
            &olds,
            &news,
            &old_profiles,
            &new_profiles,
            CHANGED_SIMILARITY,
        ));
        for pair in &gap.pairs {
            old_taken[pair.old] = true;
            new_taken[pair.new] = true;
        }
    }

    let leftover = |taken: &[bool], range: fn(&Gap) -> Range<usize>| -> Vec<usize> {
        stretches
            .iter()
            .filter_map(|stretch| match stretch {
                Stretch::Gap(gap) => Some(range(gap)),
                Stretch::Same { .. } => None,
            })
            .flatten()
            .filter(|&unit| !taken[unit])
            .collect()
    };
    let old_left = leftover(&old_taken, |gap| gap.old.clone());
    let new_left = leftover(&new_taken, |gap| gap.new.clone());
    let moves = find_moves(
        MovesInput {
            old,
            new,
            old_left: &old_left,
            new_left: &new_left,
            old_profiles: &old_profiles,
            new_profiles: &new_profiles,
        },
        &mut old_taken,
        &mut new_taken,
    );

    let mut alignment = Alignment {
        old_units: old.units.clone(),
        new_units: new.units.clone(),
        rows: Vec::with_capacity(old.units.len().max(new.units.len())),
        old_rows: vec![0; old.units.len()],
        new_rows: vec![0; new.units.len()],
        old_words: old.words.clone(),
        new_words: new.words.clone(),
    };
    let mut moved_old = vec![false; old.units.len()];
    let mut moved_to = vec![None; new.units.len()];
    for moved in &moves {
        moved_old[moved.old] = true;
        moved_to[moved.new] = Some(*moved);
    }
    for stretch in &stretches {
        match stretch {
            Stretch::Same {
                old_start,
                new_start,
                length,
            } => {
                for offset in 0..*length {
                    alignment.push(Row {
                        kind: RowKind::Same,
                        old: Some(old_start + offset),
                        new: Some(new_start + offset),
                        similarity: 1.0,
                    });
                }
            }
            Stretch::Gap(gap) => {
                let mut old_next = gap.old.start;
                let mut new_next = gap.new.start;
                for pair in gap.pairs.iter().map(Some).chain([None]) {
                    let (old_end, new_end) =
                        pair.map_or((gap.old.end, gap.new.end), |pair| (pair.old, pair.new));
                    for old_unit in (old_next..old_end).filter(|&unit| !moved_old[unit]) {
                        alignment.push(Row {
                            kind: RowKind::Deleted,
                            old: Some(old_unit),
                            new: None,
                            similarity: 0.0,
                        });
                    }
                    for new_unit in new_next..new_end {
                        alignment.push(match moved_to[new_unit] {
                            Some(moved) => Row {
                                kind: RowKind::Moved,
                                old: Some(moved.old),
                                new: Some(new_unit),
                                similarity: moved.similarity,
                            },
                            None => Row {
                                kind: RowKind::Inserted,
                                old: None,
                                new: Some(new_unit),
                                similarity: 0.0,
                            },
                        });
                    }
                    if let Some(pair) = pair {
                        let same_key = old.keys.get(pair.old) == new.keys.get(pair.new);
                        alignment.push(Row {
                            kind: if same_key {
                                RowKind::Same
                            } else {
                                RowKind::Changed
                            },
                            old: Some(pair.old),
                            new: Some(pair.new),
                            similarity: pair.similarity,
                        });
                        old_next = pair.old + 1;
                        new_next = pair.new + 1;
                    }
                }
            }
        }
    }
    alignment
}

impl Alignment {
    /// Appends a row and notes it as the row of its units.
    fn push(&mut self, row: Row) {
        let index = self.rows.len();
        if let Some(slot) = row.old.and_then(|unit| self.old_rows.get_mut(unit)) {
            *slot = index;
        }
        if let Some(slot) = row.new.and_then(|unit| self.new_rows.get_mut(unit)) {
            *slot = index;
        }
        self.rows.push(row);
    }
}

/// What `find_moves` looks through.
struct MovesInput<'a> {
    old: &'a PreparedText<'a>,
    new: &'a PreparedText<'a>,
    /// The old units not matched in place, in reading order.
    old_left: &'a [usize],
    /// The new units not matched in place, in reading order.
    new_left: &'a [usize],
    old_profiles: &'a [Option<Profile>],
    new_profiles: &'a [Option<Profile>],
}

/// Pairs old and new sentences left over after matching in place that are the same
/// sentence elsewhere in the text: first those with equal keys (the n-th copy of a
/// repeated sentence with the n-th), then those at least `MOVED_SIMILARITY` alike.
fn find_moves(
    input: MovesInput<'_>,
    old_taken: &mut [bool],
    new_taken: &mut [bool],
) -> Vec<Candidate> {
    let mut moves = Vec::new();
    let mut new_by_key: HashMap<u64, VecDeque<usize>> = HashMap::new();
    for &new_unit in input.new_left {
        if let Some(&key) = input.new.keys.get(new_unit) {
            new_by_key.entry(key).or_default().push_back(new_unit);
        }
    }
    for &old_unit in input.old_left {
        let Some(copies) = input
            .old
            .keys
            .get(old_unit)
            .and_then(|key| new_by_key.get_mut(key))
        else {
            continue;
        };
        let Some(new_unit) = copies.pop_front() else {
            continue;
        };
        old_taken[old_unit] = true;
        new_taken[new_unit] = true;
        moves.push(Candidate {
            old: old_unit,
            new: new_unit,
            similarity: 1.0,
        });
    }

    let still_left = |units: &[usize], taken: &[bool]| -> Vec<usize> {
        units.iter().copied().filter(|&unit| !taken[unit]).collect()
    };
    let olds = still_left(input.old_left, old_taken);
    let news = still_left(input.new_left, new_taken);
    let candidates = similar_pairs(
        &olds,
        &news,
        input.old_profiles,
        input.new_profiles,
        MOVED_SIMILARITY,
    );
    moves.extend(pair_freely(candidates, old_taken, new_taken));
    moves
}
