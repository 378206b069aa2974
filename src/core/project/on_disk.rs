//! The project file as it is on disk, to notice when someone else changed it.
//!
//! A colleague's save on a shared folder, or a `git pull`, replaces the file under an
//! open project. The workbench keeps the digest of the bytes it last read or wrote;
//! a cheap look at the file's size and modification time says when to read it again,
//! and the digest (not the time, which copies and checkouts reset) says whether its
//! contents really changed.

use std::path::Path;
use std::time::SystemTime;

use super::{LoadError, Project};
use crate::core::article::sha256_hex;

/// SHA-256 of a project file's bytes.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FileDigest(String);

impl FileDigest {
    /// The digest of `bytes`.
    pub fn of(bytes: &[u8]) -> Self {
        Self(sha256_hex(bytes))
    }
}

/// A file's size and modification time: read every second or so, and a change is
/// the cue to read the whole file and compare digests.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileStamp {
    len: u64,
    modified: Option<SystemTime>,
}

impl FileStamp {
    /// The stamp of the file at `path` now; `None` when it cannot be looked at (gone,
    /// or the folder is unreachable for a moment).
    pub fn of(path: &Path) -> Option<Self> {
        let metadata = std::fs::metadata(path).ok()?;
        Some(Self {
            len: metadata.len(),
            modified: metadata.modified().ok(),
        })
    }
}

/// The project file as read from disk: its digest, and the project or why it cannot be
/// opened (a half-resolved git conflict, a newer format).
#[derive(Debug)]
pub struct DiskVersion {
    /// The digest of the bytes read.
    pub digest: FileDigest,
    /// The project they hold.
    pub project: Result<Project, LoadError>,
}

impl Project {
    /// Reads a project file, with the digest of its bytes. Never modifies the file.
    pub fn load_with_digest(path: &Path) -> Result<(Self, FileDigest), LoadError> {
        let bytes = std::fs::read(path).map_err(|source| LoadError::Read {
            path: path.to_owned(),
            source,
        })?;
        let digest = FileDigest::of(&bytes);
        Ok((Self::from_bytes(path, bytes)?, digest))
    }

    /// Reads the project file again to see what is on disk now.
    pub fn read_disk_version(path: &Path) -> Result<DiskVersion, LoadError> {
        let bytes = std::fs::read(path).map_err(|source| LoadError::Read {
            path: path.to_owned(),
            source,
        })?;
        Ok(DiskVersion {
            digest: FileDigest::of(&bytes),
            project: Self::from_bytes(path, bytes),
        })
    }
}

#[cfg(test)]
mod tests {
    use jiff::Timestamp;

    use super::*;

    #[test]
    fn the_digest_follows_the_contents_not_the_time() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("p.factdesk.json");
        let project = Project::new("Idlib", Timestamp::UNIX_EPOCH);
        let saved = project.save(&path).unwrap();
        let (loaded, digest) = Project::load_with_digest(&path).unwrap();
        assert_eq!((loaded, &digest), (project.clone(), &saved));
        assert!(FileStamp::of(&path).is_some());

        // Written again with the same bytes: same digest, whatever the time says.
        project.save(&path).unwrap();
        assert_eq!(Project::read_disk_version(&path).unwrap().digest, digest);

        let mut renamed = project;
        renamed.title = "Idlib, updated".to_owned();
        renamed.save(&path).unwrap();
        let on_disk = Project::read_disk_version(&path).unwrap();
        assert_ne!(on_disk.digest, digest);
        assert_eq!(on_disk.project.unwrap().title, "Idlib, updated");

        std::fs::write(&path, "{ half a merge").unwrap();
        assert!(Project::read_disk_version(&path).unwrap().project.is_err());
        assert!(FileStamp::of(&folder.path().join("gone.json")).is_none());
    }
}
