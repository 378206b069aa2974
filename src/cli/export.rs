//! `factdesk export`: a project's checks as ClaimReview or Web Annotation JSON-LD, a
//! verification report (Markdown or HTML) or a CSV table of the claims.

use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;

use crate::core::article::DocumentId;
use crate::core::atomic_file::replace_file;
use crate::core::export::{ExportFormat, ExportOptions, export as export_project};
use crate::core::project::{Project, timestamp_now};

use super::EXIT_FINDINGS;

/// What `factdesk export` was asked.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The project file (`*.factdesk.json`).
    pub project: PathBuf,
    /// What to export: claimreview, annotations, markdown, html or csv.
    #[arg(short, long, value_parser = parse_format)]
    pub format: ExportFormat,
    /// Where to write it; replaced whole or not at all. Without it, standard output.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// For the report: compare these two documents, OLD:NEW, each given by its place
    /// in the project (1 for the first) or its id. Repeat for more pairs. Without it,
    /// each earlier document is compared with the last one.
    #[arg(long, value_name = "OLD:NEW")]
    pub compare: Vec<String>,
}

/// Reads a `--format` value: a format's key.
fn parse_format(key: &str) -> Result<ExportFormat, String> {
    ExportFormat::ALL
        .into_iter()
        .find(|format| format.key() == key)
        .ok_or_else(|| {
            let keys: Vec<&str> = ExportFormat::ALL.iter().map(|f| f.key()).collect();
            format!("not an export format; use one of {}", keys.join(", "))
        })
}

/// Writes the export; says on stderr what it skipped and what it lacks. Exits 0 when
/// written whole, 1 when written but claims were skipped or settings are missing, 2
/// when the project cannot be read or the file written.
pub(super) fn export(args: &ExportArgs) -> anyhow::Result<ExitCode> {
    let project = Project::load(&args.project)?;
    let pairs = args
        .compare
        .iter()
        .map(|pair| document_pair(&project, pair))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let options = ExportOptions {
        now: timestamp_now(),
        pairs: (!pairs.is_empty()).then_some(pairs),
    };
    let export = export_project(&project, args.format, &options);
    match &args.output {
        Some(path) => replace_file(path, export.contents.as_bytes())?,
        None => write_stdout(&export.contents).context("could not write to standard output")?,
    }
    let mut err = io::stderr().lock();
    for skipped in &export.skipped {
        writeln!(err, "skipped: {skipped}")?;
    }
    for warning in &export.warnings {
        writeln!(err, "warning: {warning}")?;
    }
    if let Some(path) = &args.output {
        report_written(&mut err, path, &export.contents)?;
    }
    Ok(if export.skipped.is_empty() && export.warnings.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_FINDINGS)
    })
}

/// Reads a `--compare` value: two documents, by place or id, separated by a colon.
fn document_pair(project: &Project, pair: &str) -> anyhow::Result<(DocumentId, DocumentId)> {
    let (old, new) = pair
        .split_once(':')
        .with_context(|| format!("--compare takes OLD:NEW, not “{pair}”"))?;
    Ok((document_id(project, old)?, document_id(project, new)?))
}

/// A document given by its place in the project (1 for the first) or its id.
fn document_id(project: &Project, given: &str) -> anyhow::Result<DocumentId> {
    let given = given.trim();
    let by_place = given
        .parse::<usize>()
        .ok()
        .and_then(|place| project.documents.get(place.checked_sub(1)?));
    let by_id = || project.documents.iter().find(|d| d.id.0 == given);
    by_place
        .or_else(by_id)
        .map(|document| document.id.clone())
        .with_context(|| {
            format!(
                "the project has no document “{given}” (it has {})",
                project.documents.len()
            )
        })
}

fn write_stdout(contents: &str) -> io::Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(contents.as_bytes())?;
    out.flush()
}

/// "wrote 12345 bytes to report.html", so a script's log says where the file went.
fn report_written(err: &mut impl io::Write, path: &Path, contents: &str) -> io::Result<()> {
    writeln!(err, "wrote {} bytes to {}", contents.len(), path.display())
}
