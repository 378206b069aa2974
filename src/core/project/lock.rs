//! An advisory lock beside an open project (`NAME.factdesk.json.lock`), so that two
//! Factdesk windows on the same file, on one computer or on a shared drive, are warned
//! before their edits clash.
//!
//! The lock only warns: it never stops anyone opening or saving (the save checks the
//! file's digest for that). A lock left by a process that is gone, on this computer,
//! is stale and taken over.

use std::path::{Path, PathBuf};

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::core::atomic_file::{AtomicWriteError, replace_file, with_suffix};

/// Who has a project open.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockHolder {
    /// The process.
    pub pid: u32,
    /// The computer's name.
    pub host: String,
    /// When it opened the project.
    pub since: Timestamp,
}

impl LockHolder {
    /// This process, on this computer, now.
    fn this_process(now: Timestamp) -> Self {
        Self {
            pid: std::process::id(),
            host: this_host(),
            since: now,
        }
    }

    /// Whether the holder may still have the project open: a process on this
    /// computer is looked up; one elsewhere cannot be, so it counts as alive.
    fn may_be_alive(&self) -> bool {
        self.host != this_host() || process_exists(self.pid)
    }
}

/// The lock this window holds on a project; dropping it removes the lock file, if it
/// is still ours.
#[derive(Debug)]
pub struct ProjectLock {
    path: PathBuf,
    holder: LockHolder,
}

/// Where the lock of the project at `path` is kept.
pub fn lock_path(path: &Path) -> PathBuf {
    with_suffix(path, ".lock")
}

impl ProjectLock {
    /// Takes the lock on the project at `project_path`. Returns it with whoever else
    /// holds it (another window that may still be open); a stale lock is taken over.
    ///
    /// # Panics
    /// Never in practice: the holder is a number, a string and a time.
    pub fn acquire(
        project_path: &Path,
        now: Timestamp,
    ) -> Result<(Self, Option<LockHolder>), AtomicWriteError> {
        let path = lock_path(project_path);
        let holder = LockHolder::this_process(now);
        let other = read_holder(&path)
            .filter(|other| (other.pid, &other.host) != (holder.pid, &holder.host))
            .filter(LockHolder::may_be_alive);
        #[expect(
            clippy::expect_used,
            reason = "a number, a string and a time always serialise"
        )]
        let json = serde_json::to_string_pretty(&holder).expect("lock holder serialises");
        replace_file(&path, json.as_bytes())?;
        Ok((Self { path, holder }, other))
    }
}

impl Drop for ProjectLock {
    fn drop(&mut self) {
        // Another window may have taken the lock since; its lock is not ours to remove.
        if read_holder(&self.path).as_ref() == Some(&self.holder)
            && let Err(err) = std::fs::remove_file(&self.path)
        {
            log::warn!("could not remove {}: {err}", self.path.display());
        }
    }
}

/// The holder a lock file names; `None` when there is none or it cannot be read.
fn read_holder(path: &Path) -> Option<LockHolder> {
    let text = std::fs::read_to_string(path).ok()?;
    serde_json::from_str(&text).ok()
}

/// This computer's name, as a colleague would recognise it.
fn this_host() -> String {
    std::env::var("HOSTNAME")
        .ok()
        .or_else(|| std::fs::read_to_string("/etc/hostname").ok())
        .map(|name| name.trim().to_owned())
        .filter(|name| !name.is_empty())
        .unwrap_or_else(|| "this computer".to_owned())
}

/// Whether a process with this id runs on this computer. Where that cannot be
/// looked up cheaply, it is assumed to run, which errs on the side of a warning.
fn process_exists(pid: u32) -> bool {
    if cfg!(target_os = "linux") {
        Path::new("/proc").join(pid.to_string()).exists()
    } else {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write_holder(path: &Path, pid: u32, host: &str) {
        let holder = LockHolder {
            pid,
            host: host.to_owned(),
            since: Timestamp::UNIX_EPOCH,
        };
        std::fs::write(lock_path(path), serde_json::to_string(&holder).unwrap()).unwrap();
    }

    #[test]
    fn a_free_project_is_locked_until_the_lock_is_dropped() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("p.factdesk.json");
        let (lock, other) = ProjectLock::acquire(&path, Timestamp::UNIX_EPOCH).unwrap();
        assert_eq!(other, None);
        assert!(lock_path(&path).exists());
        drop(lock);
        assert!(!lock_path(&path).exists());
    }

    #[test]
    fn another_live_holder_is_reported_and_a_stale_one_taken_over() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("p.factdesk.json");
        write_holder(&path, 4242, "newsroom-07");
        let (lock, other) = ProjectLock::acquire(&path, Timestamp::UNIX_EPOCH).unwrap();
        let other = other.expect("a window on another computer counts as open");
        assert_eq!((other.pid, other.host.as_str()), (4242, "newsroom-07"));
        drop(lock);

        if cfg!(target_os = "linux") {
            // No process has the largest id on this computer: the lock is stale.
            write_holder(&path, u32::MAX, &this_host());
            let (_lock, other) = ProjectLock::acquire(&path, Timestamp::UNIX_EPOCH).unwrap();
            assert_eq!(other, None);
        }
    }

    #[test]
    fn a_lock_taken_over_by_another_window_is_not_removed() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("p.factdesk.json");
        let (lock, _) = ProjectLock::acquire(&path, Timestamp::UNIX_EPOCH).unwrap();
        write_holder(&path, 4242, "newsroom-07");
        drop(lock);
        assert_eq!(read_holder(&lock_path(&path)).unwrap().pid, 4242);
    }
}
