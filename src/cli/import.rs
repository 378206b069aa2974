//! `factdesk import`: add articles to a project.

use std::fmt::Write as _;
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

/// Longest a passage set aside is quoted in the report, in characters.
const QUOTED_CHARS: usize = 72;

/// "“Headline · Publication” from FILE (HTML page, Reuters; 9 segments, 2 passages set
/// aside)", then a line for each passage set aside, the cut-off flag and the import's
/// notices, so the editor sees at once what was taken out and what to look at.
fn describe_import(document: &Document, file: &Path) -> String {
    let mut description = summary_line(document, file);
    // Writing to a String cannot fail.
    for entry in &document.set_aside {
        let _ = write!(
            description,
            "\n  set aside ({}): {}",
            entry.reason,
            quote(&entry.text)
        );
    }
    if let Some(cut_off) = &document.metadata.cut_off {
        let _ = write!(description, "\n  cut off: {}", cut_off.describe());
    }
    for notice in &document.metadata.notices {
        let _ = write!(description, "\n  note: {notice}");
    }
    description
}

/// A passage on one line, shortened: "Home > World > Middle East".
fn quote(text: &str) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= QUOTED_CHARS {
        return line;
    }
    let shortened: String = line.chars().take(QUOTED_CHARS - 1).collect();
    format!("{}…", shortened.trim_end())
}

fn summary_line(document: &Document, file: &Path) -> String {
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
    let name = match &document.metadata.publication {
        Some(publication) => format!("{} · {publication}", document.label),
        None => document.label.clone(),
    };
    format!("“{name}” from {} ({})", file.display(), notes.join("; "))
}
