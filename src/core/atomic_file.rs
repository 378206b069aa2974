//! Replacing a file so that anyone reading it sees either the old bytes or the new ones,
//! never a half-written mix, and a failed write leaves the old file untouched.
//!
//! The new contents go to a temporary file in the same folder (so the final rename
//! stays on one file system), are flushed to disk, and only then renamed over the
//! target, the way `SQLite` and most careful editors commit a file.

use std::fs::{self, File};
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// The step of an atomic replace that failed, for a message that says what went wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WriteStep {
    /// Creating the temporary file next to the target.
    CreateTemporary,
    /// Writing the new contents into the temporary file.
    Write,
    /// Flushing the temporary file to disk.
    Flush,
    /// Renaming the temporary file over the target.
    Replace,
    /// Reading the target's current contents, to keep them as its backup.
    ReadForBackup,
}

impl WriteStep {
    fn describe(self) -> &'static str {
        match self {
            Self::CreateTemporary => "create a temporary file next to",
            Self::Write => "write the new contents of",
            Self::Flush => "flush to disk the new contents of",
            Self::Replace => "replace",
            Self::ReadForBackup => "read, to keep a backup of,",
        }
    }
}

/// An atomic replace that did not happen; the target, if it existed, is unchanged.
#[derive(Debug, thiserror::Error)]
#[error("could not {} {}{}", step.describe(), path.display(), in_plain_words(source))]
pub struct AtomicWriteError {
    /// The step that failed.
    pub step: WriteStep,
    /// The file that was to be replaced.
    pub path: PathBuf,
    /// What the operating system said.
    #[source]
    pub source: io::Error,
}

/// What an editor can do about a failed write, for the common causes; the operating
/// system's own words follow in the error's source.
fn in_plain_words(err: &io::Error) -> &'static str {
    match err.kind() {
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => {
            " (the disk is full: free some space, or save elsewhere)"
        }
        io::ErrorKind::FileTooLarge => {
            " (the file is larger than this disk or your account allows: save elsewhere)"
        }
        io::ErrorKind::ReadOnlyFilesystem => " (the disk is read-only: save elsewhere)",
        io::ErrorKind::PermissionDenied => {
            " (no permission to write in that folder, or the file is locked by another program: save elsewhere)"
        }
        io::ErrorKind::InvalidFilename => " (the name or path is too long or not allowed here)",
        io::ErrorKind::NotFound => " (the folder does not exist)",
        io::ErrorKind::ResourceBusy | io::ErrorKind::ExecutableFileBusy => {
            " (the file is in use by another program)"
        }
        _ => "",
    }
}

/// Replaces (or creates) the file at `path` with `contents`, atomically.
pub fn replace_file(path: &Path, contents: &[u8]) -> Result<(), AtomicWriteError> {
    replace_file_with(path, |file| file.write_all(contents))
}

/// The backup [`replace_file_keeping_backup`] keeps of `path`: the same name with
/// `.bak` appended (`story.factdesk.json.bak`).
pub fn backup_path(path: &Path) -> PathBuf {
    with_suffix(path, ".bak")
}

/// `path` with `suffix` appended to its file name: the files Factdesk keeps beside a
/// project (`story.factdesk.json.bak`, `.recovery`, `.lock`).
pub fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Replaces the file at `path` with `contents` like [`replace_file`], first keeping
/// its current contents as [`backup_path`] (one generation, itself replaced
/// atomically), so the save before this one survives a mistaken save. Nothing is
/// written when the contents are unchanged, which keeps the older backup.
///
/// The backup is a second name for the current file (a hard link), so keeping it
/// copies nothing and needs no disk space; once the new contents are renamed into
/// place, only the backup names the old file. Where links are not supported (some
/// network shares, FAT drives) the current contents are copied instead.
///
/// A backup that cannot be made fails the whole save: the file is not replaced.
pub fn replace_file_keeping_backup(path: &Path, contents: &[u8]) -> Result<(), AtomicWriteError> {
    let read_error = |source| AtomicWriteError {
        step: WriteStep::ReadForBackup,
        path: path.to_owned(),
        source,
    };
    match fs::metadata(path) {
        Ok(current) => {
            // The same length is the only case where the contents may be unchanged.
            if current.len() == contents.len() as u64
                && fs::read(path).map_err(read_error)? == contents
            {
                return Ok(());
            }
            keep_backup(path)?;
        }
        Err(err) if err.kind() == io::ErrorKind::NotFound => {}
        Err(source) => return Err(read_error(source)),
    }
    replace_file(path, contents)
}

/// Makes [`backup_path`] of `path` name the file's current contents: a hard link,
/// made under a temporary name and renamed over the old backup, or a copy.
fn keep_backup(path: &Path) -> Result<(), AtomicWriteError> {
    let backup = backup_path(path);
    let current = fs::canonicalize(path).map_err(|source| AtomicWriteError {
        step: WriteStep::ReadForBackup,
        path: path.to_owned(),
        source,
    })?;
    let staging = with_suffix(&backup, ".new");
    // A link left by a save that was killed here is stale.
    let _ = fs::remove_file(&staging); // Usually absent.
    let linked = fs::hard_link(&current, &staging).and_then(|()| fs::rename(&staging, &backup));
    match linked {
        Ok(()) => Ok(()),
        Err(err) => {
            log::info!(
                "could not link {} as its backup ({err}); copying it instead",
                path.display()
            );
            let _ = fs::remove_file(&staging); // Absent unless only the rename failed.
            let contents = fs::read(&current).map_err(|source| AtomicWriteError {
                step: WriteStep::ReadForBackup,
                path: path.to_owned(),
                source,
            })?;
            replace_file(&backup, &contents)
        }
    }
}

/// Replaces (or creates) the file at `path` with what `write` writes, atomically.
///
/// If `write` fails, the temporary file is removed and the target is left as it was.
/// When `path` is a symbolic link, the file it points to is replaced and the link kept.
pub fn replace_file_with(
    path: &Path,
    write: impl FnOnce(&mut File) -> io::Result<()>,
) -> Result<(), AtomicWriteError> {
    let fail = |step| {
        move |source| AtomicWriteError {
            step,
            path: path.to_owned(),
            source,
        }
    };
    let target = match fs::canonicalize(path) {
        Ok(resolved) => resolved,
        Err(err) if err.kind() == io::ErrorKind::NotFound => path.to_owned(),
        Err(err) => return Err(fail(WriteStep::CreateTemporary)(err)),
    };
    let folder = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
        _ => PathBuf::from("."),
    };
    let file_name = target
        .file_name()
        .map_or_else(String::new, |name| name.to_string_lossy().into_owned());

    let prefix = format!(".{file_name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    // tempfile creates private (0600) files; a new project file gets the permissions of
    // any new file (0666 less the umask), so colleagues on a shared drive can read it.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut temporary = builder
        .tempfile_in(&folder)
        .map_err(fail(WriteStep::CreateTemporary))?;
    if let Ok(metadata) = fs::metadata(&target) {
        // Replacing a file keeps its permissions.
        temporary
            .as_file()
            .set_permissions(metadata.permissions())
            .map_err(fail(WriteStep::CreateTemporary))?;
    }
    write(temporary.as_file_mut()).map_err(fail(WriteStep::Write))?;
    temporary
        .as_file()
        .sync_all()
        .map_err(fail(WriteStep::Flush))?;
    temporary
        .persist(&target)
        .map_err(|err| fail(WriteStep::Replace)(err.error))?;
    sync_folder(&folder);
    remove_stale_temporaries(&folder, &prefix);
    Ok(())
}

/// How old a temporary file of ours must be before a later save removes it: far longer
/// than any write takes, so another window's save in progress is never touched.
const STALE_TEMPORARY_AGE: Duration = Duration::from_mins(10);

/// Removes the temporary files a killed save left next to the file (a crash or a power
/// cut between creating one and renaming it), once they are [`STALE_TEMPORARY_AGE`]
/// old. They hold nothing the saved file lacks; this only keeps the folder tidy, so a
/// failure is logged and the save still counts.
fn remove_stale_temporaries(folder: &Path, prefix: &str) {
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(prefix) && name.ends_with(".tmp")) {
            continue;
        }
        let age = entry
            .metadata()
            .and_then(|metadata| metadata.modified())
            .map(|modified| now.duration_since(modified).unwrap_or_default());
        if age.is_ok_and(|age| age >= STALE_TEMPORARY_AGE)
            && let Err(err) = fs::remove_file(entry.path())
        {
            log::warn!("could not remove {}: {err}", entry.path().display());
        }
    }
}

/// Makes the rename itself durable. The new file is already in place when this runs, so
/// a failure here is logged rather than reported as a failed save.
fn sync_folder(folder: &Path) {
    #[cfg(unix)]
    if let Err(err) = File::open(folder).and_then(|dir| dir.sync_all()) {
        log::warn!("could not flush folder {}: {err}", folder.display());
    }
    #[cfg(not(unix))]
    let _ = folder; // Windows has no folder handles to flush; NTFS journals the rename.
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leftovers(folder: &Path) -> Vec<String> {
        fs::read_dir(folder)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| {
                std::path::Path::new(name)
                    .extension()
                    .is_some_and(|ext| ext == "tmp")
            })
            .collect()
    }

    #[test]
    fn replaces_the_contents() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("project.factdesk.json");
        fs::write(&path, "old").unwrap();
        replace_file(&path, b"new").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        assert!(leftovers(folder.path()).is_empty());
    }

    #[test]
    fn failed_write_keeps_the_old_file_byte_identical() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("project.factdesk.json");
        fs::write(&path, "old contents").unwrap();
        let err = replace_file_with(&path, |file| {
            file.write_all(b"half of the new")?;
            Err(io::Error::new(io::ErrorKind::StorageFull, "disk full"))
        })
        .unwrap_err();
        assert_eq!(err.step, WriteStep::Write);
        assert!(err.to_string().contains("project.factdesk.json"), "{err}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "old contents");
        assert!(leftovers(folder.path()).is_empty());
    }

    #[test]
    fn temporaries_left_by_a_killed_save_are_removed_once_stale() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("story.factdesk.json");
        let stale = folder.path().join(".story.factdesk.json.a1B2c3.tmp");
        let fresh = folder.path().join(".story.factdesk.json.d4E5f6.tmp");
        let other = folder.path().join(".notes.txt.g7H8i9.tmp");
        for leftover in [&stale, &fresh, &other] {
            fs::write(leftover, "half a save").unwrap();
        }
        let an_hour_ago = SystemTime::now() - Duration::from_hours(1);
        for old in [&stale, &other] {
            File::options()
                .write(true)
                .open(old)
                .unwrap()
                .set_modified(an_hour_ago)
                .unwrap();
        }
        replace_file(&path, b"new").unwrap();
        assert!(!stale.exists(), "an hour-old temporary of this file goes");
        assert!(fresh.exists(), "another save may still be writing this one");
        assert!(other.exists(), "another file's temporaries are not ours");
    }

    #[test]
    fn missing_folder_is_reported_and_nothing_is_created() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("no such folder").join("p.factdesk.json");
        let err = replace_file(&path, b"new").unwrap_err();
        assert_eq!(err.step, WriteStep::CreateTemporary);
        assert!(!path.exists());
    }

    #[cfg(unix)]
    #[test]
    fn new_files_are_readable_by_others_and_replaced_files_keep_their_mode() {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = |path: &Path| fs::metadata(path).unwrap().permissions().mode() & 0o777;
        let folder = tempfile::tempdir().unwrap();
        let plain = folder.path().join("plain.json");
        fs::write(&plain, "made the ordinary way").unwrap();
        let new = folder.path().join("new.json");
        replace_file(&new, b"new").unwrap();
        assert_eq!(mode(&new), mode(&plain), "{:o}", mode(&new));

        let private = folder.path().join("private.json");
        fs::write(&private, "old").unwrap();
        fs::set_permissions(&private, fs::Permissions::from_mode(0o600)).unwrap();
        replace_file(&private, b"new").unwrap();
        assert_eq!(mode(&private), 0o600);
    }

    #[cfg(unix)]
    #[test]
    fn replacing_through_a_symlink_keeps_the_link() {
        let folder = tempfile::tempdir().unwrap();
        let real = folder.path().join("real.json");
        let link = folder.path().join("link.json");
        fs::write(&real, "old").unwrap();
        std::os::unix::fs::symlink(&real, &link).unwrap();
        replace_file(&link, b"new").unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read_to_string(&real).unwrap(), "new");
    }

    #[test]
    fn each_replace_keeps_the_previous_contents_as_the_backup() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("story.factdesk.json");
        replace_file_keeping_backup(&path, b"first").unwrap();
        assert!(!backup_path(&path).exists(), "nothing to back up yet");
        replace_file_keeping_backup(&path, b"second").unwrap();
        replace_file_keeping_backup(&path, b"second").unwrap();
        assert_eq!(
            fs::read(backup_path(&path)).unwrap(),
            b"first",
            "unchanged saves keep it"
        );
        replace_file_keeping_backup(&path, b"third").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"third");
        assert_eq!(fs::read(backup_path(&path)).unwrap(), b"second");
        assert_eq!(
            backup_path(&path).file_name().unwrap(),
            "story.factdesk.json.bak"
        );
    }

    #[test]
    fn the_backup_keeps_its_contents_whatever_happens_to_the_file_later() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("story.factdesk.json");
        replace_file_keeping_backup(&path, b"first").unwrap();
        replace_file_keeping_backup(&path, b"second").unwrap();
        // Another program writing the project in place must not reach the backup.
        fs::write(&path, b"written in place").unwrap();
        assert_eq!(fs::read(backup_path(&path)).unwrap(), b"first");
        replace_file_keeping_backup(&path, b"third").unwrap();
        assert_eq!(fs::read(backup_path(&path)).unwrap(), b"written in place");
        assert!(!with_suffix(&backup_path(&path), ".new").exists());
    }

    #[cfg(unix)]
    #[test]
    fn a_backup_that_cannot_be_written_stops_the_save() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("story.factdesk.json");
        replace_file_keeping_backup(&path, b"first").unwrap();
        // A folder in the way of the backup file.
        fs::create_dir(backup_path(&path)).unwrap();
        let err = replace_file_keeping_backup(&path, b"second").unwrap_err();
        assert!(err.path.ends_with("story.factdesk.json.bak"), "{err}");
        assert_eq!(fs::read(&path).unwrap(), b"first");
    }

    #[test]
    fn common_failures_are_explained_in_plain_words() {
        for (kind, words) in [
            (io::ErrorKind::StorageFull, "the disk is full"),
            (io::ErrorKind::ReadOnlyFilesystem, "the disk is read-only"),
            (io::ErrorKind::PermissionDenied, "no permission to write"),
            (io::ErrorKind::InvalidFilename, "too long"),
            (io::ErrorKind::FileTooLarge, "larger than this disk"),
        ] {
            let err = AtomicWriteError {
                step: WriteStep::Write,
                path: PathBuf::from("story.factdesk.json"),
                source: io::Error::from(kind),
            };
            let message = err.to_string();
            assert!(
                message.starts_with("could not write the new contents of story.factdesk.json ("),
                "{message}"
            );
            assert!(message.contains(words), "{message}");
        }
    }
}
