//! Working alongside colleagues on one project file: noticing when someone else saved
//! it, reloading their version merged with the editor's unsaved edits (by the same
//! rules as `factdesk merge-driver`), and settling the conflicts a merge leaves.

use crate::core::merge::merge;
use jiff::Timestamp;

use std::path::Path;

use crate::core::project::{Choice, DiskVersion, Project, ProjectLock, timestamp_now};
use crate::ui::file_watch::FileWatch;
use crate::ui::state::{Modal, NoticeKind, OnDisk};

use super::FactdeskApp;

impl FactdeskApp {
    /// Watches the open project's file and takes its lock (warning when another window
    /// has it open), or lets go of both when it has no file.
    pub(super) fn watch_project_file(&mut self) {
        self.file_watch = None;
        self.lock = None;
        if let Some(path) = self.state.session.as_ref().and_then(|s| s.path.clone()) {
            match ProjectLock::acquire(&path, timestamp_now()) {
                Ok((lock, other)) => {
                    self.lock = Some(lock);
                    if let Some(session) = &mut self.state.session {
                        session.also_open_in = other;
                    }
                }
                Err(err) => log::warn!("could not lock the project file: {err}"),
            }
        }
        let Some(session) = &self.state.session else {
            return;
        };
        let (Some(path), Some(on_disk)) = (&session.path, &session.on_disk) else {
            return;
        };
        match FileWatch::start(path.clone(), on_disk.digest.clone(), self.egui_ctx.clone()) {
            Ok(watch) => self.file_watch = Some(watch),
            Err(err) => self.report_error(
                "Could not watch the project file for changes made elsewhere",
                err,
            ),
        }
    }

    /// Takes the newest version of the project file the watch found. One this window
    /// wrote itself is ignored; another is held for the editor to decide on.
    pub(super) fn take_disk_version(&mut self) {
        let Some(version) = self.file_watch.as_ref().and_then(FileWatch::latest) else {
            return;
        };
        let Some(session) = &mut self.state.session else {
            return;
        };
        let ours = session.on_disk.as_ref().map(|on_disk| &on_disk.digest);
        session.disk_change = (ours != Some(&version.digest)).then_some(version);
    }

    /// Replaces the project with the version on disk. Unsaved edits are merged into it:
    /// kept where they do not clash, recorded as conflicts to settle where they do.
    pub(super) fn reload_from_disk(&mut self) {
        if matches!(self.state.modal, Some(Modal::SaveConflict)) {
            self.state.modal = None;
        }
        let Some(session) = &mut self.state.session else {
            return;
        };
        let Some(DiskVersion {
            digest,
            project: Ok(theirs),
        }) = session.disk_change.take()
        else {
            return;
        };
        let base = session.on_disk.as_ref().filter(|_| session.dirty);
        let message = if let Some(on_disk) = base {
            let merged = merge(&on_disk.base, &session.project, &theirs);
            session.project = merged.project;
            format!(
                "Reloaded the version saved elsewhere and kept your unsaved edits ({})",
                merged.report.summary()
            )
        } else {
            session.project = theirs.clone();
            "Reloaded the version saved elsewhere".to_owned()
        };
        session.dirty = session.project != theirs;
        session.on_disk = Some(OnDisk {
            digest,
            base: theirs,
        });
        session.forget_missing();
        self.forget_derived();
        self.notify(NoticeKind::Info, message);
    }

    /// The version of the project file on disk, when it is this project's file and
    /// differs from what this window last read or wrote (a colleague's save, a pull).
    /// A file that is gone or unreadable is no conflict: saving recreates it.
    pub(super) fn changed_on_disk(&self, path: &Path) -> Option<DiskVersion> {
        let session = self.state.session.as_ref()?;
        let on_disk = session.on_disk.as_ref()?;
        if session.path.as_deref() != Some(path) {
            return None;
        }
        let version = Project::read_disk_version(path).ok()?;
        (version.digest != on_disk.digest).then_some(version)
    }

    /// Saves over a version someone else saved, after the editor chose to.
    pub(super) fn overwrite_project(&mut self) {
        self.state.modal = None;
        if let Some(path) = self.state.session.as_ref().and_then(|s| s.path.clone()) {
            self.write_project(&path);
        }
    }

    /// Carries on with the project as it is here; the version on disk stays until the
    /// next save replaces it.
    pub(super) fn dismiss_disk_change(&mut self) {
        if let Some(session) = &mut self.state.session {
            session.disk_change = None;
        }
    }

    /// Settles a conflict with the value the editor picked.
    pub(super) fn resolve_conflict(&mut self, index: usize, choice: Choice, now: Timestamp) {
        let stamp = self.stamp(now);
        let Some(session) = &mut self.state.session else {
            return;
        };
        match session.project.resolve_conflict(index, choice, &stamp) {
            Ok(()) => {
                session.dirty = true;
                let left = session.project.conflicts.len();
                if left == 0 && matches!(self.state.modal, Some(Modal::Conflicts)) {
                    self.state.modal = None;
                }
                let text = match left {
                    0 => "All conflicts settled".to_owned(),
                    1 => "Conflict settled; 1 left".to_owned(),
                    n => format!("Conflict settled; {n} left"),
                };
                self.notify(NoticeKind::Info, text);
            }
            Err(err) => self.report_error("Could not settle the conflict", err),
        }
    }
}
