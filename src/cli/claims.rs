//! `factdesk claims`: the sentences worth checking in a project or an article.

use std::io;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context as _;
use serde::Serialize;

use crate::core::article::Document;
use crate::core::claims::candidates::{Candidate, document_candidates, sort_by_score};
use crate::core::import::import_file;
use crate::core::project::{FILE_EXTENSION, FormatError, Project, timestamp_now};

/// `factdesk claims`: the candidates of every document of a project (leaving out what the
/// desk already claimed or dismissed there), or of one article.
pub(super) fn claims(path: &Path, json: bool, by_score: bool) -> anyhow::Result<ExitCode> {
    let project = if is_project(path) {
        Project::load(path)?
    } else {
        let now = timestamp_now();
        let mut project = Project::new("", now);
        project.add_document(import_file(path, now)?, now);
        project
    };
    let found: Vec<(&Document, Vec<Candidate>)> = project
        .documents
        .iter()
        .map(|document| {
            let mut candidates: Vec<Candidate> = document_candidates(document)
                .into_iter()
                .filter(|candidate| project.is_open_candidate(&document.id, candidate))
                .collect();
            if by_score {
                sort_by_score(&mut candidates);
            }
            (document, candidates)
        })
        .collect();
    let mut out = io::stdout().lock();
    if json {
        write_candidates_json(&mut out, &found)
    } else {
        write_candidates(&mut out, &found)
    }
    .context("could not write to standard output")?;
    Ok(ExitCode::SUCCESS)
}

/// Whether `path` is a Factdesk project rather than an article: by its name
/// (`*.factdesk.json`), or for other JSON files by the `"format"` field a project
/// declares itself with (a ninjs item has none).
fn is_project(path: &Path) -> bool {
    if path.to_string_lossy().ends_with(FILE_EXTENSION) {
        return true;
    }
    if !path
        .extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("json"))
    {
        return false;
    }
    // An unreadable file is left to the importer, which names it in its error.
    let Ok(text) = std::fs::read_to_string(path) else {
        return false;
    };
    !matches!(
        Project::from_json(&text),
        Err(FormatError::Json { .. } | FormatError::NotAProject { .. })
    )
}

/// Each document's candidates as text: the document's label and count, then one block
/// per candidate (offsets, score, kinds; the sentence; why).
fn write_candidates(
    out: &mut impl io::Write,
    found: &[(&Document, Vec<Candidate>)],
) -> io::Result<()> {
    for (index, (document, candidates)) in found.iter().enumerate() {
        if index > 0 {
            writeln!(out)?;
        }
        writeln!(out, "{}", document.label)?;
        writeln!(out, "{} candidate(s)", candidates.len())?;
        for candidate in candidates {
            let kinds: Vec<&str> = candidate.kinds.iter().map(|kind| kind.label()).collect();
            writeln!(out)?;
            writeln!(
                out,
                "offsets {}–{}  score {:.2}  kinds: {}",
                candidate.start,
                candidate.end,
                candidate.score,
                kinds.join(", ")
            )?;
            writeln!(out, "{}", candidate.sentence)?;
            writeln!(out, "  why: {}", candidate.reason_summary())?;
        }
    }
    Ok(())
}

/// One candidate in the JSON output: the candidate's fields and its document's label.
#[derive(Serialize)]
struct CandidateRecord<'a> {
    /// The label of the document the sentence is in.
    document: &'a str,
    /// The candidate.
    #[serde(flatten)]
    candidate: &'a Candidate,
}

/// Every candidate as one pretty-printed JSON array.
fn write_candidates_json(
    out: &mut impl io::Write,
    found: &[(&Document, Vec<Candidate>)],
) -> io::Result<()> {
    let records: Vec<CandidateRecord<'_>> = found
        .iter()
        .flat_map(|(document, candidates)| {
            candidates.iter().map(|candidate| CandidateRecord {
                document: &document.label,
                candidate,
            })
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &records)?;
    writeln!(out)
}
