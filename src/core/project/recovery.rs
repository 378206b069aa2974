//! The recovery file: the project as it stood a few seconds after the last edit,
//! written beside the project while it has unsaved changes, so a crash or a kill loses
//! seconds of work, not the afternoon's.
//!
//! The project file itself is only written on Save. The recovery file is a whole
//! project file of its own (`NAME.factdesk.json.recovery`), replaced atomically, so it
//! is either the previous autosave or the new one, never a mix.

use std::path::{Path, PathBuf};

use super::{FileDigest, Project};
use crate::core::atomic_file::{AtomicWriteError, replace_file, with_suffix};
use crate::core::merge::SideCounts;

/// Where the recovery file of the project at `path` is kept.
pub fn recovery_path(path: &Path) -> PathBuf {
    with_suffix(path, ".recovery")
}

impl Project {
    /// Writes the project as the recovery file at `path` (see [`recovery_path`]),
    /// atomically and without a backup.
    pub fn save_recovery(&self, path: &Path) -> Result<FileDigest, AtomicWriteError> {
        let json = self.to_json();
        replace_file(path, json.as_bytes())?;
        Ok(FileDigest::of(json.as_bytes()))
    }
}

/// What a recovery file holds that the saved project does not, for the editor who
/// decides whether to restore it: "3 claims changed, 1 added; 1 document added".
pub fn describe_unsaved_work(saved: &Project, recovered: &Project) -> String {
    let claims = SideCounts::between(&saved.claims, &recovered.claims, |c| &c.id);
    let documents = SideCounts::between(&saved.documents, &recovered.documents, |d| &d.id);
    let parts: Vec<String> = [claims.describe("claim"), documents.describe("document")]
        .into_iter()
        .flatten()
        .collect();
    if parts.is_empty() {
        "changes to the project's title, scale or settings".to_owned()
    } else {
        parts.join("; ")
    }
}

#[cfg(test)]
mod tests {
    use jiff::Timestamp;

    use super::*;
    use crate::core::article::{Document, DocumentKind, Source};

    #[test]
    fn the_recovery_file_sits_beside_the_project_and_reads_back() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("idlib.factdesk.json");
        assert_eq!(
            recovery_path(&path).file_name().unwrap(),
            "idlib.factdesk.json.recovery"
        );
        let saved = Project::new("Idlib", Timestamp::UNIX_EPOCH);
        let mut recovered = saved.clone();
        recovered.add_document(
            Document::new(
                "Wire",
                Source::Reuters,
                DocumentKind::TextFile,
                None,
                "Text.".to_owned(),
                Timestamp::UNIX_EPOCH,
            ),
            Timestamp::UNIX_EPOCH,
        );
        recovered.save_recovery(&recovery_path(&path)).unwrap();
        let read = Project::load(&recovery_path(&path)).unwrap();
        assert_eq!(read, recovered);
        assert_eq!(describe_unsaved_work(&saved, &read), "1 document added");
        assert!(!path.exists(), "the project file itself is not written");
    }
}
