//! The command line: `factdesk [PROJECT]` opens the workbench, subcommands work on
//! project files without a window. Data goes to stdout, errors to stderr.
//!
//! Exit codes: 0 when all is well, 1 when a check found problems that do not stop the
//! project from opening (warnings), 2 when the input could not be used at all.

use std::io::{self, Write as _};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::core::article::Source;
use crate::core::project::Settings;

mod check;
mod claims;
mod diff;
mod export;
mod import;
mod merge_driver;
mod new;

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
    /// Start an empty project file, ready for `import`. Refuses to replace an existing
    /// file. Exits 0 when the file was written, 2 otherwise.
    New {
        /// The project's title, shown in the window title and in exports.
        title: String,
        /// Where to write it (`*.factdesk.json`).
        #[arg(short, long)]
        output: PathBuf,
        /// The desk or organisation that publishes the checks (ClaimReview author).
        #[arg(long, default_value = "")]
        desk: String,
        /// The desk's home page.
        #[arg(long, default_value = "")]
        desk_url: String,
        /// The page where the checks are published (ClaimReview url).
        #[arg(long, default_value = "")]
        review_url: String,
    },
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
    /// Compare two versions of a story sentence by sentence: reworded sentences with
    /// their words marked [-deleted-] and {+inserted+}, moved, added and deleted ones.
    /// With --changes, list the changes that matter to a fact-checker instead.
    /// --format json prints them for scripts, --format html as a standalone page (with
    /// --changes, the changes above the sentences). Text is coloured only on a terminal,
    /// unless NO_COLOR is set or --color says otherwise.
    ///
    /// Works on any format `import` reads. Exits 0 when the versions say the same, 1
    /// when they differ, 2 when a file cannot be read.
    Diff(diff::DiffArgs),
    /// Export a project: ClaimReview JSON-LD for search engines (claimreview), W3C Web
    /// Annotations (annotations), the verification report to sign (markdown, html) or
    /// a table of the claims (csv). Writes to standard output, or with -o to a file,
    /// replaced whole or not at all.
    ///
    /// What the export leaves out (claims without a verdict in ClaimReview) and what it
    /// lacks (the desk's name, the review URL) goes to standard error. Exits 0 when the
    /// export is complete, 1 when it was written but left claims out or lacks settings,
    /// 2 when the project could not be read or the file written.
    Export(export::ExportArgs),
    /// Merge two copies of a project for git, by id and field by field: what one
    /// editor changed is taken, what both changed differently keeps our value and
    /// records theirs as a conflict in the file, for the workbench to settle.
    ///
    /// Install it once per repository: add the line `*.factdesk.json merge=factdesk`
    /// to `.gitattributes`, then run `git config merge.factdesk.name "Factdesk
    /// project"` and `git config merge.factdesk.driver "factdesk merge-driver %O %A
    /// %B"` (append `--name %P` to name the file in the summary). Git then calls it for
    /// every project file both branches changed.
    ///
    /// Writes the merged project over OURS (atomically) and a one-line summary to
    /// stderr. Exits 0 when the merge was written, even with conflicts recorded; 2,
    /// leaving OURS untouched, when a copy cannot be read or the result cannot be
    /// written (git then reports the merge failed).
    MergeDriver(merge_driver::MergeDriverArgs),
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
pub(super) const EXIT_ERROR: u8 = 2;
/// Exit code for "done, with findings the user should look at".
pub(super) const EXIT_FINDINGS: u8 = 1;

/// Runs a subcommand and returns the process exit code.
pub fn run(command: &Command) -> ExitCode {
    let result = match command {
        Command::New {
            title,
            output,
            desk,
            desk_url,
            review_url,
        } => new::new(
            output,
            title,
            Settings {
                desk: desk.clone(),
                desk_url: desk_url.clone(),
                review_url: review_url.clone(),
            },
        ),
        Command::Check { project } => check::check(project),
        Command::Import {
            project,
            files,
            source,
            label,
        } => import::import(project, files, *source, label.as_deref()),
        Command::Claims {
            path,
            json,
            by_score,
        } => claims::claims(path, *json, *by_score),
        Command::Diff(args) => diff::diff(args),
        Command::Export(args) => export::export(args),
        Command::MergeDriver(args) => merge_driver::merge_driver(args),
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
