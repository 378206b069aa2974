//! `factdesk merge-driver`: merges two copies of a project for git, field by field, so
//! that two editors' work on one project never needs a hand-merge of JSON.

use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;

use crate::core::merge::merge;
use crate::core::project::Project;

/// The three files git hands a merge driver.
#[derive(Debug, clap::Args)]
pub struct MergeDriverArgs {
    /// The common ancestor's copy (git's %O).
    pub base: PathBuf,
    /// Our copy (git's %A); the merged project is written over it.
    pub ours: PathBuf,
    /// Their copy (git's %B).
    pub theirs: PathBuf,
    /// The project's path in the repository (git's %P), to name it in the summary.
    #[arg(long)]
    pub name: Option<String>,
}

/// Merges the three copies and writes the result over ours, atomically. Exits 0 when
/// the merge was written, conflicts or not (they are recorded in the file for the
/// workbench to settle); fails, leaving ours untouched, when a copy cannot be read or
/// the result cannot be written.
pub(super) fn merge_driver(args: &MergeDriverArgs) -> anyhow::Result<ExitCode> {
    let base = read(&args.base, "the common ancestor")?;
    let ours = read(&args.ours, "our copy")?;
    let theirs = read(&args.theirs, "their copy")?;
    let merged = merge(&base, &ours, &theirs);
    merged.project.save(&args.ours).with_context(|| {
        format!(
            "could not write the merged project to {}",
            args.ours.display()
        )
    })?;
    let name = args
        .name
        .as_deref()
        .map_or_else(String::new, |name| format!("{name}: "));
    // stderr may be closed; the merge is written all the same, and git only needs the
    // exit code.
    let _ = writeln!(
        io::stderr().lock(),
        "factdesk: {name}{}",
        merged.report.summary()
    );
    Ok(ExitCode::SUCCESS)
}

fn read(path: &Path, which: &str) -> anyhow::Result<Project> {
    Project::load(path).with_context(|| format!("could not merge: {which} is not usable"))
}
