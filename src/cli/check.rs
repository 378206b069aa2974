//! `factdesk check`: is a project file sound, and what is in it.

use std::io::{self, Write as _};
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context as _;

use crate::core::article::count_words;
use crate::core::hidden_chars::{find_hidden, summarize};
use crate::core::project::{FORMAT_VERSION, Project};

use super::EXIT_FINDINGS;

pub(super) fn check(path: &Path) -> anyhow::Result<ExitCode> {
    let project = Project::load(path)?;
    let warnings = project.integrity_warnings();
    let mut out = io::stdout().lock();
    write_summary(&mut out, &project, path).context("could not write to standard output")?;
    if warnings.is_empty() {
        writeln!(out, "\nOK: no problems found")?;
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(out, "\n{} warning(s):", warnings.len())?;
    for warning in &warnings {
        writeln!(out, "  - {warning}")?;
    }
    Ok(ExitCode::from(EXIT_FINDINGS))
}

/// The one-screen summary `check` prints.
fn write_summary(out: &mut impl io::Write, project: &Project, path: &Path) -> io::Result<()> {
    writeln!(out, "{}", project.title)?;
    writeln!(out, "{}", path.display())?;
    writeln!(
        out,
        "Format version {FORMAT_VERSION} · created {} · modified {}",
        project.created, project.modified
    )?;

    writeln!(out, "\nDocuments ({})", project.documents.len())?;
    let label_width = project
        .documents
        .iter()
        .map(|doc| doc.label.chars().count())
        .max()
        .unwrap_or(0);
    for document in &project.documents {
        let claims = project.claims_on(&document.id).count();
        writeln!(
            out,
            "  {:<label_width$}  {:<14}  {:>6} words  {:>3} claim(s)",
            document.label,
            document.source.label(),
            count_words(&document.text),
            claims,
        )?;
    }

    writeln!(out, "\nClaims ({})", project.claims.len())?;
    for (status, count) in project.status_counts() {
        writeln!(out, "  {:<16}  {count:>3}", status.label())?;
    }
    write_hidden_chars(out, project)
}

/// Lists, for each document whose copy holds characters that do not show (bidi
/// controls, zero-width and control characters), which they are and where: a note for
/// the editor, not a fault of the file.
fn write_hidden_chars(out: &mut impl io::Write, project: &Project) -> io::Result<()> {
    for document in &project.documents {
        let hidden = find_hidden(&document.text);
        let Some(summary) = summarize(&hidden) else {
            continue;
        };
        writeln!(
            out,
            "\nHidden characters in “{}”: {summary}",
            document.label
        )?;
        for found in hidden.iter().take(MAX_HIDDEN_LISTED) {
            writeln!(
                out,
                "  character {:>7}  {}",
                found.char_index,
                found.describe()
            )?;
        }
        if hidden.len() > MAX_HIDDEN_LISTED {
            writeln!(out, "  … and {} more", hidden.len() - MAX_HIDDEN_LISTED)?;
        }
    }
    Ok(())
}

/// The most hidden characters listed one by one per document.
const MAX_HIDDEN_LISTED: usize = 20;
