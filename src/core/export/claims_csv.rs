//! The claims as a CSV table, one row per claim in reading order, for spreadsheets and
//! scripts. The columns are fixed and documented in `docs/export-csv.md`; the `csv`
//! crate quotes the commas, quotes and line breaks newsroom text is full of.

use super::Export;
use crate::core::claims::{Claim, Stance};
use crate::core::project::Project;

/// The header row, in order. Adding a column goes at the end, so scripts that read
/// columns by position keep working.
pub const CSV_COLUMNS: [&str; 20] = [
    "id",
    "document_id",
    "document_label",
    "source",
    "start",
    "end",
    "exact",
    "statement",
    "kinds",
    "status",
    "rating",
    "conclusion",
    "note",
    "evidence_count",
    "supporting",
    "contradicting",
    "created",
    "created_by",
    "modified",
    "orphaned",
];

/// Every claim of `project` as a CSV row under [`CSV_COLUMNS`].
pub(super) fn export(project: &Project) -> Export {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut warnings = Vec::new();
    let rows = std::iter::once(CSV_COLUMNS.map(str::to_owned))
        .chain(project.claims.iter().map(|claim| row(project, claim)));
    for record in rows {
        if let Err(err) = writer.write_record(&record) {
            warnings.push(format!("a row could not be written: {err}"));
        }
    }
    let contents = match writer.into_inner() {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(err) => {
            warnings.push(format!("the table could not be finished: {}", err.error()));
            String::new()
        }
    };
    Export {
        contents,
        skipped: Vec::new(),
        warnings,
    }
}

/// One claim's row, in the order of [`CSV_COLUMNS`].
fn row(project: &Project, claim: &Claim) -> [String; CSV_COLUMNS.len()] {
    let document = project.document(&claim.document);
    let stance_count = |stance: Stance| {
        claim
            .evidence
            .iter()
            .filter(|evidence| evidence.stance == stance)
            .count()
            .to_string()
    };
    let kinds: Vec<&str> = claim.kinds.iter().map(|kind| kind.label()).collect();
    [
        claim.id.to_string(),
        claim.document.to_string(),
        document.map(|d| d.label.clone()).unwrap_or_default(),
        document
            .map(|d| d.source.label().to_owned())
            .unwrap_or_default(),
        claim.anchor.start.to_string(),
        claim.anchor.end.to_string(),
        claim.anchor.exact.clone(),
        claim.statement().to_owned(),
        kinds.join("; "),
        claim.status.label().to_owned(),
        claim.rating.clone().unwrap_or_default(),
        claim.conclusion.clone(),
        claim.note.clone(),
        claim.evidence.len().to_string(),
        stance_count(Stance::Supports),
        stance_count(Stance::Contradicts),
        claim.created.to_string(),
        claim.created_by.clone(),
        claim.modified.to_string(),
        claim.orphaned.to_string(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_note_with_commas_quotes_and_lines_reads_back_whole() {
        let mut project =
            Project::from_json(include_str!("../../../projects/idlib-2019.factdesk.json")).unwrap();
        let note = "Called UNHCR, then OCHA.\n“60,000” is theirs; \"at least\" is not.";
        project.claims[0].note = note.to_owned();
        let export = export(&project);
        let mut reader = csv::Reader::from_reader(export.contents.as_bytes());
        assert_eq!(reader.headers().unwrap(), &CSV_COLUMNS[..]);
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), project.claims.len());
        assert_eq!(&rows[0][12], note);
        assert_eq!(&rows[4][14], "1", "one supporting piece of evidence");
    }
}
