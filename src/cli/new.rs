//! `factdesk new`: start an empty project file, ready for `import`.

use std::io::{self, Write as _};
use std::path::Path;
use std::process::ExitCode;

use anyhow::bail;

use crate::core::project::{Project, Settings, timestamp_now};

/// Writes a new project titled `title` to `path`, with the desk's settings when given.
/// Refuses to replace an existing file: a project holds hours of work.
pub(super) fn new(path: &Path, title: &str, settings: Settings) -> anyhow::Result<ExitCode> {
    if title.trim().is_empty() {
        bail!("the project needs a title");
    }
    if path.exists() {
        bail!(
            "{} already exists; choose another name or remove it first",
            path.display()
        );
    }
    let mut project = Project::new(title.trim(), timestamp_now());
    project.settings = settings;
    project.save(path)?;
    let missing = project.settings.missing_for_export();
    let mut out = io::stdout().lock();
    writeln!(out, "Created {}", path.display())?;
    if !missing.is_empty() {
        writeln!(
            out,
            "Before exporting ClaimReview, set {} (--desk and --review-url, or File → Desk settings… in the workbench)",
            missing.join(" and ")
        )?;
    }
    Ok(ExitCode::SUCCESS)
}
