//! `factdesk check`: is a project file sound, and what is in it.

use std::io::{self, Write as _};
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context as _;

use crate::core::article::count_words;
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
    Ok(())
}
