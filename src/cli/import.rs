//! `factdesk import`: add articles to a project.

use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::core::article::{Document, Source};
use crate::core::import::import_file;
use crate::core::project::{Project, timestamp_now};

use super::EXIT_ERROR;

pub(super) fn import(
    project_path: &Path,
    files: &[PathBuf],
    source: Option<Source>,
    label: Option<&str>,
) -> anyhow::Result<ExitCode> {
    if label.is_some() && files.len() > 1 {
        anyhow::bail!(
            "--label names one document: give a single FILE, or leave the labels to the headlines"
        );
    }
    let mut project = Project::load(project_path)?;
    let now = timestamp_now();
    let mut added = Vec::new();
    let mut failed = 0;
    for file in files {
        match import_file(file, now) {
            Ok(mut document) => {
                if let Some(source) = source {
                    document.source = source;
                }
                if let Some(label) = label {
                    label.clone_into(&mut document.label);
                }
                added.push(describe_import(&document, file));
                project.add_document(document, now);
            }
            Err(err) => {
                failed += 1;
                // stderr may be closed; the count below still reports the failure.
                let _ = writeln!(io::stderr(), "error: {:#}", anyhow::Error::from(err));
            }
        }
    }
    if !added.is_empty() {
        project.save(project_path)?;
    }
    // Only once the project is saved is anything "added".
    let mut out = io::stdout().lock();
    for description in &added {
        writeln!(out, "added {description}")?;
    }
    let added = added.len();
    writeln!(
        out,
        "{added} of {} file(s) added to {}",
        files.len(),
        project_path.display()
    )?;
    Ok(if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_ERROR)
    })
}

/// "“Headline” from FILE (HTML page, Reuters; 9 segments, 2 passages set aside)".
fn describe_import(document: &Document, file: &Path) -> String {
    let mut notes = vec![
        document.kind.label().to_owned(),
        document.source.label().to_owned(),
    ];
    let mut counts = vec![format!("{} segments", document.segments.len())];
    if !document.set_aside.is_empty() {
        counts.push(format!("{} passage(s) set aside", document.set_aside.len()));
    }
    if let Some(encoding) = &document.metadata.encoding {
        counts.push(format!("decoded from {encoding}"));
    }
    notes.push(counts.join(", "));
    format!(
        "“{}” from {} ({})",
        document.label,
        file.display(),
        notes.join("; ")
    )
}
