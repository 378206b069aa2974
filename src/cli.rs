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
use serde::Serialize;

use crate::core::article::{Document, Source, count_words};
use crate::core::claims::candidates::{Candidate, document_candidates, sort_by_score};
use crate::core::import::import_file;
use crate::core::project::{FILE_EXTENSION, FORMAT_VERSION, FormatError, Project, timestamp_now};

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
    /// Add articles to a project: text files, saved web pages, IPTC ninjs (.json) or
    /// NewsML-G2 (.xml) items.
    ///
    /// Each file becomes a document, segmented and credited as in the workbench. A file
    /// that cannot be read is reported and the others are added all the same. Exits 0
    /// when every file was added, 2 when any could not be (or the project could not be
    /// read or saved; it is never left half-written).
    Import {
        /// The project file (`*.factdesk.json`) to add the articles to.
        project: PathBuf,
        /// The files to add.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Who produced the articles, instead of the agency found in them: reuters,
        /// afp, ap, dpa, ansa, efe, xinhua, pa, published_copy, desk_edit or other.
        #[arg(long, value_parser = parse_source)]
        source: Option<Source>,
        /// The label of the new document, instead of its headline (one FILE only).
        #[arg(long)]
        label: Option<String>,
    },
    /// List the sentences worth checking: figures, dates, quotes, attributions,
    /// superlatives, accusations, each with its offsets, kinds, score and reasons.
    ///
    /// Works on a project (every document, credits and datelines left out) or on an
    /// article in any format `import` reads. Exits 0 when the input was read, even if
    /// nothing in it is worth checking, 2 when it could not be read.
    Claims {
        /// A project file (`*.factdesk.json`), or an article: a text file, a saved web
        /// page, an IPTC ninjs (.json) or NewsML-G2 (.xml) item.
        path: PathBuf,
        /// Print a JSON array for scripts: one object per candidate, with its document.
        #[arg(long)]
        json: bool,
        /// List the most check-worthy sentences first instead of in reading order.
        #[arg(long)]
        by_score: bool,
    },
}

/// Reads a `--source` value: a source's key, as the project file writes it.
fn parse_source(key: &str) -> Result<Source, String> {
    Source::ALL
        .into_iter()
        .find(|source| source.key() == key)
        .ok_or_else(|| {
            let keys: Vec<&str> = Source::ALL.iter().map(|s| s.key()).collect();
            format!("not a source; use one of {}", keys.join(", "))
        })
}

/// Exit code for "the input could not be used".
const EXIT_ERROR: u8 = 2;
/// Exit code for "done, with findings the user should look at".
const EXIT_FINDINGS: u8 = 1;

/// Runs a subcommand and returns the process exit code.
pub fn run(command: &Command) -> ExitCode {
    let result = match command {
        Command::Check { project } => check(project),
        Command::Import {
            project,
            files,
            source,
            label,
        } => import(project, files, *source, label.as_deref()),
        Command::Claims {
            path,
            json,
            by_score,
        } => claims(path, *json, *by_score),
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

fn import(
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

/// `factdesk claims`: the candidates of every document of a project (leaving out what the
/// desk already claimed or dismissed there), or of one article.
fn claims(path: &Path, json: bool, by_score: bool) -> anyhow::Result<ExitCode> {
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
