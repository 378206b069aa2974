//! The verification report: what a standards editor reads before the story runs, and
//! signs. Built once as a [`Page`] and rendered as Markdown or HTML.
//!
//! It gives the project and its documents, what changed between the chosen versions
//! (word and sentence counts, and the changes that matter), every claim with its
//! status, verdict, evidence and history, the counts by status and the conflicts a
//! merge left open, and ends with lines to sign.

use crate::core::article::{Document, DocumentId, count_words};
use crate::core::changes::events;
use crate::core::claims::{Claim, Evidence, HistoryEntry};
use crate::core::diff::WordDiff;
use crate::core::project::{Conflict, Project, Subject};

use super::diff_page::{changes_count, changes_table, summary_table};
use super::page::{Block, Inline, Page, Rich, plain};
use super::{Export, ExportOptions, shorten, verdict};

/// Longest a claim's heading quotes its statement.
const HEADING_MAX_CHARS: usize = 90;

/// The report of `project`, rendered by `render`.
pub(super) fn export(
    project: &Project,
    options: &ExportOptions,
    render: fn(&Page) -> String,
) -> Export {
    let mut warnings = Vec::new();
    let page = report(project, options, &mut warnings);
    Export {
        contents: render(&page),
        skipped: Vec::new(),
        warnings,
    }
}

/// The report as a page; `warnings` gets the pairs it could not compare.
fn report(project: &Project, options: &ExportOptions, warnings: &mut Vec<String>) -> Page {
    let mut page = Page::new(format!("Verification report: {}", project.title));
    let desk = project.settings.desk.trim();
    page.blocks.push(Block::Fields(vec![
        ("Project".into(), plain(project.title.clone())),
        (
            "Desk".into(),
            plain(if desk.is_empty() { "(not set)" } else { desk }),
        ),
        (
            "Report date".into(),
            plain(options.now.strftime("%Y-%m-%d %H:%M UTC").to_string()),
        ),
        (
            "Project last changed".into(),
            plain(project.modified.strftime("%Y-%m-%d %H:%M UTC").to_string()),
        ),
        (
            "Verdict scale".into(),
            plain(project.verdict_scale.name.clone()),
        ),
    ]));
    summary_section(&mut page, project);
    documents_section(&mut page, project);
    for (old_id, new_id) in pairs(project, options) {
        match (project.document(&old_id), project.document(&new_id)) {
            (Some(old), Some(new)) => comparison_section(&mut page, project, old, new),
            _ => warnings.push(format!(
                "the documents {old_id} and {new_id} are not both in the project, so they were not compared"
            )),
        }
    }
    claims_section(&mut page, project);
    page.heading(2, "Sign-off");
    page.blocks.push(Block::SignOff(vec![
        "Checked by".to_owned(),
        "Date".to_owned(),
    ]));
    page
}

/// The pairs asked for, or the project's base version (see [`Project::base_version`])
/// against each other version.
fn pairs(project: &Project, options: &ExportOptions) -> Vec<(DocumentId, DocumentId)> {
    if let Some(pairs) = &options.pairs {
        return pairs.clone();
    }
    let Some(base) = project.base_version() else {
        return Vec::new();
    };
    project
        .documents
        .iter()
        .filter(|document| document.id != base.id)
        .map(|document| (base.id.clone(), document.id.clone()))
        .collect()
}

/// Claims by status, how many have a verdict, and the conflicts still open.
fn summary_section(page: &mut Page, project: &Project) {
    page.heading(2, "Summary");
    let rows = project
        .status_counts()
        .iter()
        .map(|(status, count)| vec![plain(status.label()), plain(count.to_string())])
        .collect();
    page.blocks.push(Block::Table {
        header: vec!["Status".into(), "Claims".into()],
        rows,
    });
    let with_verdict = project
        .claims
        .iter()
        .filter(|claim| verdict(project, claim).is_some())
        .count();
    page.paragraph(format!(
        "{with_verdict} of {} claim(s) have a verdict.",
        project.claims.len()
    ));
    if project.conflicts.is_empty() {
        page.paragraph("No conflicts from a merge are open.");
    } else {
        page.blocks
            .push(Block::Paragraph(vec![Inline::Strong(format!(
                "{} conflict(s) from a merge are still open:",
                project.conflicts.len()
            ))]));
        let items = project
            .conflicts
            .iter()
            .map(|conflict| plain(describe_conflict(project, conflict)))
            .collect();
        page.blocks.push(Block::List(items));
    }
}

/// "Verdict of “…”: Correct here, Misleading in the other copy".
fn describe_conflict(project: &Project, conflict: &Conflict) -> String {
    let subject = match &conflict.subject {
        Subject::Project => "the project".to_owned(),
        Subject::Document(id) => project.document(id).map_or_else(
            || format!("document {id}"),
            |document| format!("document “{}”", document.label),
        ),
        Subject::Claim(id) => project.claim(id).map_or_else(
            || format!("claim {id}"),
            |claim| format!("claim “{}”", shorten(claim.statement(), 60)),
        ),
    };
    format!(
        "{} of {subject}: “{}” here, “{}” in the other copy",
        conflict.field.label(),
        conflict.describe(&conflict.ours),
        conflict.describe(&conflict.theirs)
    )
}

/// Each document: source, kind, size, claims and what its source said about it.
fn documents_section(page: &mut Page, project: &Project) {
    page.heading(2, "Documents");
    let rows = project
        .documents
        .iter()
        .map(|document| {
            vec![
                plain(document.label.clone()),
                plain(document.source.label()),
                plain(document.kind.label()),
                plain(count_words(&document.text).to_string()),
                plain(project.claims_on(&document.id).count().to_string()),
                plain(version_details(document)),
            ]
        })
        .collect();
    page.blocks.push(Block::Table {
        header: ["Document", "Source", "Kind", "Words", "Claims", "Version"]
            .map(str::to_owned)
            .to_vec(),
        rows,
    });
}

/// What the source said about the version, or "—" when it said nothing.
fn version_details(document: &Document) -> String {
    let metadata = &document.metadata;
    let details: Vec<String> = [
        ("version", &metadata.version),
        ("created", &metadata.version_created),
        ("first created", &metadata.first_created),
        ("item", &metadata.item_id),
        ("credit", &metadata.credit_line),
    ]
    .into_iter()
    .filter_map(|(label, value)| value.as_ref().map(|value| format!("{label} {value}")))
    .collect();
    if details.is_empty() {
        "—".to_owned()
    } else {
        details.join("; ")
    }
}

/// What changed from `old` to `new`: the counts and the changes that matter, an added
/// passage traced to the project's other versions.
fn comparison_section(page: &mut Page, project: &Project, old: &Document, new: &Document) {
    page.heading(2, format!("Compared: {} → {}", old.label, new.label));
    let diff = WordDiff::compute(&old.text, &new.text);
    page.blocks.push(summary_table(&diff));
    page.heading(3, "Changes that matter");
    let others: Vec<&Document> = project
        .documents
        .iter()
        .filter(|document| document.id != old.id && document.id != new.id)
        .collect();
    let changes = events(old, new, &diff, &others);
    page.paragraph(changes_count(&changes));
    page.blocks.extend(changes_table(&changes));
}

/// Every claim, in reading order.
fn claims_section(page: &mut Page, project: &Project) {
    page.heading(2, format!("Claims ({})", project.claims.len()));
    if project.claims.is_empty() {
        page.paragraph("The project has no claims.");
    }
    for (number, claim) in project.claims.iter().enumerate() {
        claim_blocks(page, project, number + 1, claim);
    }
}

/// One claim: what it says and where, where the work stands, what it found, the
/// evidence and the history.
fn claim_blocks(page: &mut Page, project: &Project, number: usize, claim: &Claim) {
    page.heading(
        3,
        format!(
            "{number}. {}",
            shorten(claim.statement(), HEADING_MAX_CHARS)
        ),
    );
    let mut fields = vec![("Statement".to_owned(), plain(claim.statement().trim()))];
    if !claim.wording.trim().is_empty() {
        fields.push(("Quoted words".into(), plain(claim.anchor.exact.clone())));
    }
    let document = project
        .document(&claim.document)
        .map_or_else(|| claim.document.to_string(), |d| d.label.clone());
    fields.push(("Document".into(), plain(document)));
    if claim.orphaned {
        fields.push((
            "Place".into(),
            vec![Inline::Strong(
                "Orphaned: the words are no longer in the document".into(),
            )],
        ));
    }
    fields.push(("Status".into(), plain(claim.status.label())));
    // On a conclusion-only scale the conclusion below is the verdict.
    if !project.verdict_scale.is_conclusion_only() {
        fields.push((
            "Verdict".into(),
            claim.rating.as_ref().map_or_else(
                || plain("(none yet)"),
                |rating| vec![Inline::Strong(rating.clone())],
            ),
        ));
    }
    for (label, text) in [("Conclusion", &claim.conclusion), ("Note", &claim.note)] {
        if !text.trim().is_empty() {
            fields.push((label.into(), plain(text.trim())));
        }
    }
    page.blocks.push(Block::Fields(fields));
    if !claim.evidence.is_empty() {
        page.blocks
            .push(Block::Paragraph(vec![Inline::Strong("Evidence".into())]));
        page.blocks.push(Block::Table {
            header: ["Stance", "Title", "Publisher", "Where", "Accessed"]
                .map(str::to_owned)
                .to_vec(),
            rows: claim.evidence.iter().map(evidence_row).collect(),
        });
    }
    if !claim.history.is_empty() {
        page.blocks
            .push(Block::Paragraph(vec![Inline::Strong("History".into())]));
        page.blocks.push(Block::Table {
            header: ["When", "Who", "What", "Change"]
                .map(str::to_owned)
                .to_vec(),
            rows: claim.history.iter().map(history_row).collect(),
        });
    }
}

fn evidence_row(evidence: &Evidence) -> Vec<Rich> {
    vec![
        plain(evidence.stance.label()),
        plain(evidence.title.clone()),
        plain(evidence.publisher.clone()),
        plain(format!(
            "{}: {}",
            evidence.locator.kind_label(),
            evidence.locator.location()
        )),
        plain(
            evidence
                .accessed
                .map_or_else(|| "—".to_owned(), |date| date.to_string()),
        ),
    ]
}

fn history_row(entry: &HistoryEntry) -> Vec<Rich> {
    let value = |text: &str| {
        if text.trim().is_empty() {
            "(none)".to_owned()
        } else {
            text.trim().to_owned()
        }
    };
    vec![
        plain(entry.at.strftime("%Y-%m-%d %H:%M").to_string()),
        plain(if entry.by.trim().is_empty() {
            "(unnamed)"
        } else {
            entry.by.trim()
        }),
        plain(entry.field.label()),
        plain(format!("{} → {}", value(&entry.old), value(&entry.new))),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::export::{ExportFormat, export as export_project};
    use crate::core::project::ConflictField;
    use jiff::Timestamp;

    fn sample() -> Project {
        Project::from_json(include_str!("../../../projects/idlib-2019.factdesk.json")).unwrap()
    }

    fn options() -> ExportOptions {
        ExportOptions::new("2026-11-26T10:00:00Z".parse::<Timestamp>().unwrap())
    }

    #[test]
    fn the_report_compares_the_wire_with_the_desk_edit_and_ends_with_a_sign_off() {
        let export = export_project(&sample(), ExportFormat::Markdown, &options());
        let markdown = export.contents;
        assert!(markdown.contains("## Compared: Scraped page"), "{markdown}");
        assert!(
            markdown.contains("qualifier “at least” dropped"),
            "{markdown}"
        );
        assert!(
            markdown.contains("Report date:** 2026-11-26 10:00 UTC"),
            "{markdown}"
        );
        assert!(
            markdown
                .trim_end()
                .ends_with("Date ______________________________")
        );
        assert!(export.warnings.is_empty());
    }

    #[test]
    fn open_conflicts_are_listed_with_both_values() {
        let mut project = sample();
        let claim = project.claims[4].clone();
        project.conflicts.push(Conflict {
            subject: Subject::Claim(claim.id.clone()),
            field: ConflictField::Rating,
            ours: serde_json::json!("Correct"),
            theirs: serde_json::json!("Misleading"),
        });
        let markdown = export_project(&project, ExportFormat::Markdown, &options()).contents;
        assert!(
            markdown.contains("1 conflict(s) from a merge are still open"),
            "{markdown}"
        );
        let line = format!(
            "- Verdict of claim “{}”: “Correct” here, “Misleading” in the other copy",
            shorten(claim.statement(), 60)
        );
        assert!(markdown.contains(&line), "{markdown}");
    }

    #[test]
    fn an_unknown_pair_is_reported_not_dropped() {
        let mut options = options();
        options.pairs = Some(vec![(
            DocumentId("doc-gone".into()),
            sample().documents[0].id.clone(),
        )]);
        let export = export_project(&sample(), ExportFormat::Html, &options);
        assert_eq!(export.warnings.len(), 1);
        assert!(export.warnings[0].contains("doc-gone"));
    }
}
