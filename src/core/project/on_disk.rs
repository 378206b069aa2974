//! The project file as it is on disk, to notice when someone else changed it.
//!
//! A colleague's save on a shared folder, or a `git pull`, replaces the file under an
//! open project. The workbench keeps the digest of the bytes it last read or wrote;
//! a cheap look at the file's size and modification time says when to read it again,
//! and the digest (not the time, which copies and checkouts reset) says whether its
//! contents really changed.

use std::path::Path;
use std::time::SystemTime;

use super::{FORMAT_VERSION, FormatError, LoadError, Project};
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
        let bytes = Self::read_bytes(path)?;
        let digest = FileDigest::of(&bytes);
        Ok((Self::from_bytes(path, bytes)?, digest))
    }

    /// Reads the project file again to see what is on disk now.
    pub fn read_disk_version(path: &Path) -> Result<DiskVersion, LoadError> {
        let bytes = Self::read_bytes(path)?;
        Ok(DiskVersion {
            digest: FileDigest::of(&bytes),
            project: Self::from_bytes(path, bytes),
        })
    }
}

/// A project written by a newer Factdesk, read as far as this build understands it, to
/// be shown read-only and never saved over.
#[derive(Debug)]
pub struct NewerProject {
    /// The project, as far as this build can read it.
    pub project: Project,
    /// The format version the file says it is.
    pub version: u64,
}

impl NewerProject {
    /// Reads a project file a newer Factdesk wrote. It opens only when its contents still
    /// have the shape this build knows (the newer format changed meanings or values,
    /// not fields); otherwise the error says what this build does not know.
    pub fn load(path: &Path) -> Result<Self, LoadError> {
        let format_error = |source| LoadError::Format {
            path: path.to_owned(),
            source,
        };
        let bytes = Project::read_bytes(path)?;
        let mut value: serde_json::Value = serde_json::from_slice(&bytes)
            .map_err(|err| format_error(FormatError::from_json(&err)))?;
        let version = value
            .get("version")
            .and_then(serde_json::Value::as_u64)
            .filter(|&version| version > FORMAT_VERSION)
            .ok_or_else(|| {
                format_error(FormatError::BadVersion {
                    found: "not a version newer than this build's".to_owned(),
                })
            })?;
        value["version"] = serde_json::Value::from(FORMAT_VERSION);
        let project = Project::from_json(&value.to_string()).map_err(|err| {
            format_error(FormatError::NewerShape {
                found: version,
                message: err.to_string(),
            })
        })?;
        Ok(Self { project, version })
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

    #[test]
    fn a_newer_file_of_a_known_shape_opens_for_reading_only() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("p.factdesk.json");
        let json = Project::new("Idlib", Timestamp::UNIX_EPOCH).to_json();
        let newer = json.replace(
            &format!("\"version\": {FORMAT_VERSION},"),
            "\"version\": 9,",
        );
        std::fs::write(&path, &newer).unwrap();
        assert!(
            Project::load(&path).is_err(),
            "never opened as a current file"
        );
        let opened = NewerProject::load(&path).unwrap();
        assert_eq!(
            (opened.version, opened.project.title.as_str()),
            (9, "Idlib")
        );

        let unknown = newer.replace("\"title\":", "\"layers\": [],\n  \"title\":");
        std::fs::write(&path, unknown).unwrap();
        let err = anyhow::Error::from(NewerProject::load(&path).unwrap_err());
        assert!(format!("{err:#}").contains("update Factdesk"), "{err:#}");
        std::fs::write(&path, json).unwrap();
        assert!(
            NewerProject::load(&path).is_err(),
            "a current file is not newer"
        );
    }

    #[test]
    fn a_file_too_large_to_be_a_project_is_refused_unread() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("huge.factdesk.json");
        // Sparse: no disk space is used and nothing is read.
        let file = std::fs::File::create(&path).unwrap();
        file.set_len(super::super::MAX_PROJECT_BYTES + 1).unwrap();
        let err = Project::load(&path).unwrap_err();
        assert!(err.to_string().contains("the limit is 268 MB"), "{err}");
    }
}
