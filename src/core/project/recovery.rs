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
