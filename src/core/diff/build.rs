//! The word diff worked out from a sentence alignment.
//!
//! Walks the alignment in reading order. Sentences kept as they were (`Same`) are one
//! kept stretch each, without looking at their words; only reworded and moved
//! sentences are compared token by token. What lies between two kept or reworded
//! sentences on each side (spacing, datelines, credits, and the deleted, inserted and
//! moved sentences) is a *region*: its sentences are marked whole, and its text outside
//! sentences (a dateline "AMMAN:" becoming "AMMAN (Reuters) -") is compared word by
//! word, so nothing is left unmarked.

use std::time::Instant;

use crate::core::align::{Alignment, Row, RowKind, Unit};
use crate::core::compare_options::{CompareOptions, Granularity};
use crate::core::word_bounds::count_words;

use super::tokens::{Marks, Piece, TokenDiff, TokenSize, TokenStats, tokenise};
use super::{DiffStats, Hunk, Span, SpanKind, absorb_blank_gaps, push_span};

/// Marks for text kept in place.
const IN_PLACE: Marks = Marks {
    kept: SpanKind::Equal,
    deleted: SpanKind::Deleted,
    inserted: SpanKind::Inserted,
};

/// Marks for a moved sentence: its words kept are marked as moved, its edits as usual.
const MOVED: Marks = Marks {
    kept: SpanKind::Moved,
    deleted: SpanKind::Deleted,
    inserted: SpanKind::Inserted,
};

/// The parts of a `WordDiff` worked out from an alignment.
pub(super) struct Built {
    /// The old text's spans, covering it.
    pub old_spans: Vec<Span>,
    /// The new text's spans, covering it.
    pub new_spans: Vec<Span>,
    /// Word counts.
    pub stats: DiffStats,
    /// Corresponding stretches, covering both texts in order.
    pub hunks: Vec<Hunk>,
}

/// The spans, word counts and corresponding stretches of `old` and `new`, from their
/// `alignment` (made with the same `options`). Token comparisons settle for a rougher
/// answer after `deadline`.
pub(super) fn build(
    old: &str,
    new: &str,
    alignment: &Alignment,
    options: CompareOptions,
    deadline: Instant,
) -> Built {
    let mut builder = Builder {
        old,
        new,
        alignment,
        options,
        deadline,
        old_spans: Vec::with_capacity(alignment.old_units().len() * 2 + 1),
        new_spans: Vec::with_capacity(alignment.new_units().len() * 2 + 1),
        stats: DiffStats::default(),
        hunks: Vec::with_capacity(alignment.rows().len() * 2 + 1),
    };
    let mut old_at = Place::default();
    let mut new_at = Place::default();
    for row in alignment.rows() {
        if !matches!(row.kind, RowKind::Same | RowKind::Changed) {
            continue;
        }
        let (Some(old_unit), Some(new_unit)) = (
            row.old.and_then(|unit| alignment.old_units().get(unit)),
            row.new.and_then(|unit| alignment.new_units().get(unit)),
        ) else {
            continue;
        };
        let (Some(old_index), Some(new_index)) = (row.old, row.new) else {
            continue;
        };
        builder.region(
            old_at..Place::before(old_index, old_unit),
            new_at..Place::before(new_index, new_unit),
        );
        builder.anchor(row);
        old_at = Place::after(old_index, old_unit);
        new_at = Place::after(new_index, new_unit);
    }
    builder.region(
        old_at..Place::end_of(old, alignment.old_units().len()),
        new_at..Place::end_of(new, alignment.new_units().len()),
    );
    for row in alignment.rows() {
        if row.kind == RowKind::Moved {
            builder.pair(row, MOVED);
        }
    }
    Built {
        old_spans: in_order(builder.old_spans, old),
        new_spans: in_order(builder.new_spans, new),
        stats: builder.stats,
        hunks: builder.hunks,
    }
}

/// A place in one text, between units.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Place {
    /// The next unit.
    unit: usize,
    /// Byte offset.
    byte: usize,
    /// Code-point offset.
    char: usize,
}

impl Place {
    /// Just before unit `index`.
    fn before(index: usize, unit: &Unit) -> Self {
        Self {
            unit: index,
            byte: unit.bytes.start,
            char: unit.chars.start,
        }
    }

    /// Just after unit `index`.
    fn after(index: usize, unit: &Unit) -> Self {
        Self {
            unit: index + 1,
            byte: unit.bytes.end,
            char: unit.chars.end,
        }
    }

    /// The end of `text`, which has `units` units.
    fn end_of(text: &str, units: usize) -> Self {
        Self {
            unit: units,
            byte: text.len(),
            char: text.chars().count(),
        }
    }
}

/// Works out the diff piece by piece; see `build`.
struct Builder<'a> {
    /// The old text.
    old: &'a str,
    /// The new text.
    new: &'a str,
    /// Their sentence alignment.
    alignment: &'a Alignment,
    /// What counts as a difference, and how finely to mark.
    options: CompareOptions,
    /// When token comparisons settle for a rougher answer.
    deadline: Instant,
    /// Old spans found so far, in no particular order (moved sentences come last).
    old_spans: Vec<Span>,
    /// New spans found so far, in no particular order.
    new_spans: Vec<Span>,
    /// Word counts so far.
    stats: DiffStats,
    /// Corresponding stretches, in order.
    hunks: Vec<Hunk>,
}

impl<'a> Builder<'a> {
    /// The old and new sentences of a row that has both, with the old one's index.
    fn units_of(&self, row: &Row) -> Option<(usize, &'a Unit, &'a Unit)> {
        let old_index = row.old?;
        Some((
            old_index,
            self.alignment.old_units().get(old_index)?,
            self.alignment.new_units().get(row.new?)?,
        ))
    }

    /// A kept or reworded pair of sentences.
    fn anchor(&mut self, row: &Row) {
        if row.kind == RowKind::Changed {
            self.pair(row, IN_PLACE);
            return;
        }
        let Some((old_index, old_unit, new_unit)) = self.units_of(row) else {
            return;
        };
        self.old_spans.push(Span {
            kind: SpanKind::Equal,
            bytes: old_unit.bytes.clone(),
        });
        self.new_spans.push(Span {
            kind: SpanKind::Equal,
            bytes: new_unit.bytes.clone(),
        });
        self.stats.words_kept += self.alignment.old_unit_words(old_index);
        self.hunks.push(Hunk {
            old_chars: old_unit.chars.clone(),
            new_chars: new_unit.chars.clone(),
            equal: true,
        });
    }

    /// A reworded (`IN_PLACE`) or moved (`MOVED`) pair of sentences, compared token by
    /// token. Word counts and places come from a word comparison whatever the
    /// granularity, so the summary does not change with it.
    fn pair(&mut self, row: &Row, marks: Marks) {
        let Some((_, old_unit, new_unit)) = self.units_of(row) else {
            return;
        };
        let old_pieces = [Piece {
            bytes: old_unit.bytes.clone(),
            char_start: old_unit.chars.start,
        }];
        let new_pieces = [Piece {
            bytes: new_unit.bytes.clone(),
            char_start: new_unit.chars.start,
        }];
        let old_words = tokenise(self.old, &old_pieces, TokenSize::Word, self.options);
        let new_words = tokenise(self.new, &new_pieces, TokenSize::Word, self.options);
        let words = TokenDiff::compute(&old_words, &new_words, self.deadline);
        let moved = marks.kept == SpanKind::Moved;
        self.count(words.stats(), moved);
        if !moved {
            self.hunks
                .extend(words.hunks(old_unit.chars.start, new_unit.chars.start));
        }
        match self.options.granularity {
            Granularity::Word => words.mark(marks, &mut self.old_spans, &mut self.new_spans),
            Granularity::Character => words.mark_letters(
                (self.old, self.new),
                self.options,
                marks,
                (&mut self.old_spans, &mut self.new_spans),
                self.deadline,
            ),
            Granularity::Sentence => {
                self.old_spans.push(Span {
                    kind: if moved { marks.kept } else { marks.deleted },
                    bytes: old_unit.bytes.clone(),
                });
                self.new_spans.push(Span {
                    kind: if moved { marks.kept } else { marks.inserted },
                    bytes: new_unit.bytes.clone(),
                });
            }
        }
    }

    /// The stretch between two anchors (or a text's start or end) on each side.
    fn region(&mut self, old: std::ops::Range<Place>, new: std::ops::Range<Place>) {
        let alignment = self.alignment;
        let old_units = alignment
            .old_units()
            .get(old.start.unit..old.end.unit)
            .unwrap_or_default();
        let new_units = alignment
            .new_units()
            .get(new.start.unit..new.end.unit)
            .unwrap_or_default();
        self.stats.words_deleted += mark_whole_units(
            old_units,
            old.start.unit,
            |index| alignment.row_of_old(index),
            |index| alignment.old_unit_words(index),
            alignment,
            (RowKind::Deleted, SpanKind::Deleted),
            &mut self.old_spans,
        );
        self.stats.words_inserted += mark_whole_units(
            new_units,
            new.start.unit,
            |index| alignment.row_of_new(index),
            |index| alignment.new_unit_words(index),
            alignment,
            (RowKind::Inserted, SpanKind::Inserted),
            &mut self.new_spans,
        );

        let old_pieces = pieces_between(old.start, old.end, old_units);
        let new_pieces = pieces_between(new.start, new.end, new_units);
        let has_units = !old_units.is_empty() || !new_units.is_empty();
        self.compare_pieces(&old_pieces, &new_pieces, (old.start, new.start), !has_units);
        let old_chars = old.start.char..old.end.char.max(old.start.char);
        let new_chars = new.start.char..new.end.char.max(new.start.char);
        if has_units && !(old_chars.is_empty() && new_chars.is_empty()) {
            self.hunks.push(Hunk {
                old_chars,
                new_chars,
                equal: false,
            });
        }
    }

    /// Compares the text outside sentences of a region; adds places when asked (when
    /// each side is at most one piece).
    fn compare_pieces(
        &mut self,
        old_pieces: &[Piece],
        new_pieces: &[Piece],
        (old_start, new_start): (Place, Place),
        with_hunks: bool,
    ) {
        if old_pieces.is_empty() && new_pieces.is_empty() {
            return;
        }
        if let ([old_piece], [new_piece]) = (old_pieces, new_pieces)
            && let (Some(old_text), Some(new_text)) = (
                self.old.get(old_piece.bytes.clone()),
                self.new.get(new_piece.bytes.clone()),
            )
            && old_text == new_text
        {
            // The common case: the same space or dateline between two sentences.
            self.old_spans.push(Span {
                kind: SpanKind::Equal,
                bytes: old_piece.bytes.clone(),
            });
            self.new_spans.push(Span {
                kind: SpanKind::Equal,
                bytes: new_piece.bytes.clone(),
            });
            self.stats.words_kept += count_words(old_text);
            if with_hunks {
                let length = old_text.chars().count();
                self.hunks.push(Hunk {
                    old_chars: old_piece.char_start..old_piece.char_start + length,
                    new_chars: new_piece.char_start..new_piece.char_start + length,
                    equal: true,
                });
            }
            return;
        }
        let old_words = tokenise(self.old, old_pieces, TokenSize::Word, self.options);
        let new_words = tokenise(self.new, new_pieces, TokenSize::Word, self.options);
        let words = TokenDiff::compute(&old_words, &new_words, self.deadline);
        self.count(words.stats(), false);
        if with_hunks {
            self.hunks
                .extend(words.hunks(old_start.char, new_start.char));
        }
        if self.options.granularity == Granularity::Character {
            words.mark_letters(
                (self.old, self.new),
                self.options,
                IN_PLACE,
                (&mut self.old_spans, &mut self.new_spans),
                self.deadline,
            );
        } else {
            // Text outside sentences has no sentence to mark whole: words it is.
            words.mark(IN_PLACE, &mut self.old_spans, &mut self.new_spans);
        }
    }

    /// Adds the word counts of a token comparison.
    fn count(&mut self, stats: TokenStats, moved: bool) {
        if moved {
            self.stats.words_moved += stats.kept;
        } else {
            self.stats.words_kept += stats.kept;
        }
        self.stats.words_deleted += stats.deleted;
        self.stats.words_inserted += stats.inserted;
    }
}

/// The stretches from `start` to `end` of one text that are in none of `units` (the
/// units between them, in order).
fn pieces_between(start: Place, end: Place, units: &[Unit]) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut at = (start.byte, start.char);
    for (bytes, chars) in units
        .iter()
        .map(|unit| (unit.bytes.clone(), unit.chars.clone()))
        .chain([(end.byte..end.byte, end.char..end.char)])
    {
        if at.0 < bytes.start {
            pieces.push(Piece {
                bytes: at.0..bytes.start,
                char_start: at.1,
            });
        }
        at = (bytes.end, chars.end);
    }
    pieces
}

/// The spans of one text in reading order, neighbours of one kind merged and blank
/// gaps between changes absorbed.
fn in_order(mut spans: Vec<Span>, text: &str) -> Vec<Span> {
    // Mostly in order already (moved sentences come last): a stable sort finds the runs.
    spans.sort_by_key(|span| span.bytes.start);
    let mut merged = Vec::with_capacity(spans.len());
    for span in spans {
        push_span(&mut merged, span.kind, span.bytes);
    }
    absorb_blank_gaps(merged, text)
}

/// Marks the units of one side (`units`, the first being unit `first`) that are only
/// on that side (rows of kind `only_here`: `Deleted` on the old side, `Inserted` on the
/// new) as `kind`, whole; returns how many words they hold.
fn mark_whole_units(
    units: &[Unit],
    first: usize,
    row_of: impl Fn(usize) -> Option<usize>,
    words_of: impl Fn(usize) -> usize,
    alignment: &Alignment,
    (only_here, kind): (RowKind, SpanKind),
    spans: &mut Vec<Span>,
) -> usize {
    let mut words = 0;
    for (index, unit) in (first..).zip(units) {
        let alone = row_of(index)
            .and_then(|row| alignment.rows().get(row))
            .is_some_and(|row| row.kind == only_here);
        if alone {
            spans.push(Span {
                kind,
                bytes: unit.bytes.clone(),
            });
            words += words_of(index);
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_are_what_lies_between_units() {
        let unit = |bytes: std::ops::Range<usize>| Unit {
            chars: bytes.clone(),
            bytes,
            paragraph: 0,
        };
        let start = Place {
            unit: 0,
            byte: 0,
            char: 0,
        };
        let end = Place {
            unit: 2,
            byte: 20,
            char: 20,
        };
        let pieces = pieces_between(start, end, &[unit(0..5), unit(8..12)]);
        assert_eq!(
            pieces,
            [
                Piece {
                    bytes: 5..8,
                    char_start: 5
                },
                Piece {
                    bytes: 12..20,
                    char_start: 12
                }
            ]
        );
        assert!(pieces_between(start, start, &[]).is_empty());
    }
}
