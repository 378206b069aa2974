//! The versions table: every version of a story aligned to one base version, one row
//! per sentence, with what each version made of it ("absent" included).
//!
//! A row holds a base sentence and its counterpart in each other version, or a
//! sentence only some other version has (added there), placed after the base sentence
//! it follows in that version. This is what a checker reads to see, for each sentence
//! of the wire, how the AFP version and the desk's copy treat it.

use super::{Alignment, RowKind};

/// A sentence of one other version in a table row.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct VersionCell {
    /// The sentence in that version (index into its alignment's `new_units`).
    pub unit: usize,
    /// What it is to the base sentence: `Same`, `Changed`, `Moved`, or `Inserted`
    /// for a sentence the base does not have.
    pub kind: RowKind,
    /// How alike it is to the base sentence, 0 to 1.
    pub similarity: f32,
    /// Its row in that version's alignment, for the words that changed
    /// (`WordDiff::row_spans`).
    pub alignment_row: usize,
}

/// One row of the versions table.
#[derive(Clone, Debug, PartialEq)]
pub struct VersionRow {
    /// The base sentence (index into `old_units`), or `None` for a sentence only other
    /// versions have.
    pub base: Option<usize>,
    /// For each other version, in order: its sentence, or `None` when it has none here.
    pub cells: Vec<Option<VersionCell>>,
}

impl VersionRow {
    /// Whether every version has this sentence as the base has it.
    pub fn is_same(&self) -> bool {
        self.base.is_some()
            && self
                .cells
                .iter()
                .all(|cell| cell.is_some_and(|cell| cell.kind == RowKind::Same))
    }
}

/// Builds the table from each other version's alignment with the base (the base as
/// the old text of each, as `align_versions` makes them).
pub fn version_rows(alignments: &[&Alignment]) -> Vec<VersionRow> {
    let versions = alignments.len();
    let base_units = alignments
        .first()
        .map_or(0, |alignment| alignment.old_units().len());
    // Sentences only a version has, by the base sentence they follow (`None`: before
    // the first one).
    let mut added_after: Vec<Vec<(usize, VersionCell)>> = vec![Vec::new(); base_units + 1];
    for (version, alignment) in alignments.iter().enumerate() {
        let mut last_base = None;
        for (alignment_row, row) in alignment.rows().iter().enumerate() {
            if let Some(old) = row.old
                && row.kind != RowKind::Moved
            {
                last_base = Some(old);
            }
            if let (RowKind::Inserted, Some(new)) = (row.kind, row.new) {
                let slot = last_base.map_or(0, |base| base + 1);
                added_after[slot].push((
                    version,
                    VersionCell {
                        unit: new,
                        kind: RowKind::Inserted,
                        similarity: 0.0,
                        alignment_row,
                    },
                ));
            }
        }
    }
    let mut rows = Vec::with_capacity(base_units + added_after.iter().map(Vec::len).sum::<usize>());
    for (slot, added) in added_after.into_iter().enumerate() {
        for (version, cell) in added {
            let mut cells = vec![None; versions];
            cells[version] = Some(cell);
            rows.push(VersionRow { base: None, cells });
        }
        if slot == base_units {
            break;
        }
        let cells = alignments
            .iter()
            .map(|alignment| {
                let counterpart = alignment.counterpart_in_new(slot)?;
                Some(VersionCell {
                    unit: counterpart.unit,
                    kind: counterpart.kind,
                    similarity: counterpart.similarity,
                    alignment_row: alignment.row_of_old(slot)?,
                })
            })
            .collect();
        rows.push(VersionRow {
            base: Some(slot),
            cells,
        });
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::align::align_versions;
    use crate::core::compare_options::CompareOptions;

    #[test]
    fn each_base_sentence_meets_its_counterparts() {
        let base = "Rescuers said 60,000 fled.\n\nThe army advanced.\n\nJets struck a hospital.";
        let afp = "Rescuers said 60,000 fled.\n\nJets struck a hospital.";
        let desk = "Rescuers said 50,000 people fled.\n\nThe army advanced.\n\nOfficials \
                    denied it.\n\nJets struck a hospital.";
        let alignments = align_versions(base, &[afp, desk], &CompareOptions::default());
        let alignments: Vec<&Alignment> = alignments.iter().collect();
        let rows = version_rows(&alignments);
        let kinds: Vec<(Option<usize>, Vec<Option<RowKind>>)> = rows
            .iter()
            .map(|row| {
                (
                    row.base,
                    row.cells.iter().map(|cell| cell.map(|c| c.kind)).collect(),
                )
            })
            .collect();
        assert_eq!(
            kinds,
            [
                (Some(0), vec![Some(RowKind::Same), Some(RowKind::Changed)]),
                (Some(1), vec![None, Some(RowKind::Same)]),
                (None, vec![None, Some(RowKind::Inserted)]),
                (Some(2), vec![Some(RowKind::Same), Some(RowKind::Same)]),
            ]
        );
        assert!(rows[3].is_same());
        assert!(!rows[0].is_same() && !rows[1].is_same() && !rows[2].is_same());
        let added = rows[2].cells[1].expect("the desk's added sentence");
        assert_eq!(
            alignments[1].rows()[added.alignment_row].new,
            Some(added.unit)
        );
    }

    #[test]
    fn no_versions_no_rows() {
        assert!(version_rows(&[]).is_empty());
    }
}
