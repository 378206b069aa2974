//! The command line: `factdesk [PROJECT]` opens the workbench, subcommands work on
//! project files without a window. Data goes to stdout, errors to stderr.
//!
//! Exit codes: 0 when all is well, 1 when a check found problems that do not stop the
//! project from opening (warnings), 2 when the input could not be used at all.

use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use clap::{Parser, Subcommand};

use crate::core::article::count_words;
use crate::core::project::{FORMAT_VERSION, Project};

/// Fact-check workbench: compare versions of a story word by word and track every claim.
#[derive(Debug, Parser)]
#[command(name = "factdesk", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// Project file to open in the workbench (`*.factdesk.json`); without one, the
    /// workbench starts with its welcome screen.
    pub project: Option<PathBuf>,

    /// Work on project files without opening a window.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate a project file and print a summary: documents, and claims by status.
    ///
    /// Exits 0 when the project is sound, 1 when it opens but shows signs of edits made
    /// outside Factdesk, 2 when it cannot be opened.
    Check {
        /// The project file (`*.factdesk.json`).
        project: PathBuf,
    },
}

/// Exit code for "the input could not be used".
const EXIT_ERROR: u8 = 2;
/// Exit code for "done, with findings the user should look at".
const EXIT_FINDINGS: u8 = 1;

/// Runs a subcommand and returns the process exit code.
pub fn run(command: &Command) -> ExitCode {
    let result = match command {
        Command::Check { project } => check(project),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            // stderr may be closed; there is nowhere left to report that.
            let _ = writeln!(io::stderr(), "error: {err:#}");
            ExitCode::from(EXIT_ERROR)
        }
    }
}

fn check(path: &Path) -> anyhow::Result<ExitCode> {
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
