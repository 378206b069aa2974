//! Saving a project again and again in a bench. A save of unchanged contents writes
//! nothing (the file is left as it is, with its backup), so the saves alternate between
//! two titles and every one writes the whole file.

use std::path::Path;

use factdesk::core::atomic_file::AtomicWriteError;
use factdesk::core::project::{FileDigest, Project};

/// A project and a copy under another title, saved in turn.
pub struct AlternatingSaves {
    versions: [Project; 2],
    next: usize,
}

impl AlternatingSaves {
    /// Saves of `project`, every other one under a changed title.
    pub fn new(project: &Project) -> Self {
        let mut renamed = project.clone();
        renamed.title.push_str(" (updated)");
        Self {
            versions: [project.clone(), renamed],
            next: 0,
        }
    }

    /// Saves the next version to `path`.
    pub fn save(&mut self, path: &Path) -> Result<FileDigest, AtomicWriteError> {
        self.next = 1 - self.next;
        self.versions[self.next].save(path)
    }
}
