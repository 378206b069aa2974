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
//!    0.5, or any shared content word when one sentence was replaced by one), best
//!    pairs first and without crossing: `Changed`;
//! 3. what is still left over is matched across the whole text with a sentence of the
//!    same key or at least 0.8 similar: `Moved`;
//! 4. the rest is `Deleted` or `Inserted`.
//!
//! Only the sentences that are not `Same` are ever compared word by word (by
//! `core::diff`), which keeps a 1 MB comparison in the tens of milliseconds.

mod matching;
mod stretches;
mod units;
pub mod versions;

#[cfg(test)]
mod tests;

use std::ops::Range;
use std::time::{Duration, Instant};

use crate::core::compare_options::CompareOptions;

use self::stretches::{Matching, Stretch};
use self::units::PreparedText;

/// Longest the sentence matching may search for the best alignment before settling for
/// a good one, so that two unrelated long texts cannot freeze the desk.
const ALIGN_TIMEOUT: Duration = Duration::from_secs(2);

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

impl RowKind {
    /// The kind as scripts read it: "same", "changed", "moved", "deleted", "inserted".
    pub fn key(self) -> &'static str {
        match self {
            Self::Same => "same",
            Self::Changed => "changed",
            Self::Moved => "moved",
            Self::Deleted => "deleted",
            Self::Inserted => "inserted",
        }
    }
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
    let (old, new) = PreparedText::pair(old, new, *options);
    align_prepared(&old, &new)
}

/// Aligns each of `others` with `base` (as the old version), cutting the base into
/// sentences only once: for a table of what each base sentence became in each version
/// (`Alignment::counterpart_in_new`).
pub fn align_versions(base: &str, others: &[&str], options: &CompareOptions) -> Vec<Alignment> {
    let base = PreparedText::new(base, *options);
    others
        .iter()
        .map(|other| align_prepared(&base, &PreparedText::new(other, *options)))
        .collect()
}

fn align_prepared(old: &PreparedText<'_>, new: &PreparedText<'_>) -> Alignment {
    let deadline = Instant::now() + ALIGN_TIMEOUT;
    let matching = Matching::of(old, new, deadline);
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
    for moved in &matching.moves {
        moved_old[moved.old] = true;
        moved_to[moved.new] = Some(*moved);
    }
    for stretch in &matching.stretches {
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
                    let arrivals = moved_to.get(new_next..new_end).unwrap_or_default();
                    for (new_unit, moved) in (new_next..new_end).zip(arrivals.iter().copied()) {
                        alignment.push(match moved {
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
