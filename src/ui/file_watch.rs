//! Watching the open project file for saves made by someone else.
//!
//! A named thread looks at the file's size and modification time every second; when
//! they change it reads the file, and when the bytes differ from the last it saw it
//! hands the new version to the workbench and wakes it. The workbench compares the
//! digest with the one it last read or wrote itself, so its own saves are not taken
//! for a colleague's.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::Duration;

use crate::core::project::{DiskVersion, FileDigest, FileStamp, Project};

/// How often the file is looked at.
const POLL_INTERVAL: Duration = Duration::from_secs(1);

/// A running watch on one project file; dropping it stops the thread.
pub struct FileWatch {
    versions: Receiver<DiskVersion>,
    /// Dropped with the watch, which tells the thread to stop.
    _stop: Sender<()>,
}

impl FileWatch {
    /// Starts watching `path`, whose contents now have `digest`. `ctx` is woken when a
    /// new version is found.
    pub fn start(path: PathBuf, digest: FileDigest, ctx: egui::Context) -> std::io::Result<Self> {
        let (version_sender, versions) = mpsc::channel();
        let (stop, stop_receiver) = mpsc::channel::<()>();
        std::thread::Builder::new()
            .name("factdesk-watch".to_owned())
            .spawn(move || {
                let mut stamp = FileStamp::of(&path);
                let mut seen = digest;
                while let Err(RecvTimeoutError::Timeout) = stop_receiver.recv_timeout(POLL_INTERVAL)
                {
                    let now = FileStamp::of(&path);
                    if now == stamp || now.is_none() {
                        // Unchanged, or gone for a moment (a save renames over it).
                        continue;
                    }
                    stamp = now;
                    let Ok(version) = Project::read_disk_version(&path) else {
                        continue;
                    };
                    if version.digest == seen {
                        continue;
                    }
                    seen = version.digest.clone();
                    if version_sender.send(version).is_err() {
                        return;
                    }
                    ctx.request_repaint();
                }
            })?;
        Ok(Self {
            versions,
            _stop: stop,
        })
    }

    /// The newest version found since the last call, if any.
    pub fn latest(&self) -> Option<DiskVersion> {
        self.versions.try_iter().last()
    }
}
