//! Autosave to a recovery file a few seconds after each edit, and the offer to restore
//! that work when a project is opened after a crash.
//!
//! The project file is only written on Save; the recovery file
//! (`NAME.factdesk.json.recovery`, or `untitled.factdesk.json.recovery` in Factdesk's
//! data folder for a project never saved) holds what is not saved yet. Saving, or
//! discarding the changes, removes it, so one that is still there means Factdesk did
//! not get to close cleanly.

use std::path::{Path, PathBuf};
use std::time::Duration;

use egui::Context;

use crate::core::project::{Project, describe_unsaved_work, recovery_path};
use crate::ui::state::{Modal, NoticeKind, RecoveryOffer};

use super::FactdeskApp;

/// How long after an edit the recovery file is written, in seconds: long enough not to
/// write on every keystroke, short enough that a crash loses little.
const AUTOSAVE_DELAY_S: f64 = 3.0;
/// The recovery file of a project that was never saved, in the data folder.
pub(super) const UNTITLED_RECOVERY: &str = "untitled.factdesk.json.recovery";

impl FactdeskApp {
    /// Where the open project's unsaved work is kept.
    pub(super) fn recovery_file(&self) -> Option<PathBuf> {
        let session = self.state.session.as_ref()?;
        match &session.path {
            Some(path) => Some(recovery_path(path)),
            None => Some(self.data_dir.as_ref()?.join(UNTITLED_RECOVERY)),
        }
    }

    /// Asks for the recovery file to be written a few seconds from now.
    pub(super) fn schedule_autosave(&mut self, ctx: &Context) {
        let now = ctx.input(|input| input.time);
        if let Some(session) = &mut self.state.session {
            session.autosave_due = Some(now + AUTOSAVE_DELAY_S);
        }
        ctx.request_repaint_after(Duration::from_secs_f64(AUTOSAVE_DELAY_S));
    }

    /// Writes the recovery file once it is due, if there is unsaved work.
    pub(super) fn autosave(&mut self, ctx: &Context) {
        let now = ctx.input(|input| input.time);
        let file = self.recovery_file();
        let Some(session) = &mut self.state.session else {
            return;
        };
        let Some(due) = session.autosave_due else {
            return;
        };
        if now < due {
            ctx.request_repaint_after(Duration::from_secs_f64(due - now));
            return;
        }
        session.autosave_due = None;
        let (true, Some(file)) = (session.dirty, file) else {
            return;
        };
        if let Err(err) = session.project.save_recovery(&file) {
            self.report_error(
                "Could not write the recovery file; your unsaved work is only in memory",
                err,
            );
        }
    }

    /// Removes the open project's recovery file: its work was saved or discarded.
    pub(super) fn discard_recovery(&self) {
        if let Some(file) = self.recovery_file() {
            remove_recovery_file(&file);
        }
    }

    /// After a project is opened: offers the unsaved work a crash left beside it.
    pub(super) fn offer_recovery(&mut self) {
        let Some(file) = self.recovery_file() else {
            return;
        };
        let Some(session) = &self.state.session else {
            return;
        };
        if !file.exists() {
            return;
        }
        match Project::load(&file) {
            Ok(recovered) if recovered == session.project => self.discard_recovery(),
            Ok(recovered) => {
                let summary = describe_unsaved_work(&session.project, &recovered);
                let written = std::fs::metadata(&file)
                    .and_then(|metadata| metadata.modified())
                    .ok()
                    .and_then(|time| jiff::Timestamp::try_from(time).ok())
                    .map(|time| time.strftime("%Y-%m-%d %H:%M UTC").to_string());
                self.state.modal = Some(Modal::Recovery(Box::new(RecoveryOffer {
                    project: recovered,
                    summary,
                    written,
                })));
            }
            Err(err) => self.notify(
                NoticeKind::Warning,
                format!(
                    "Found unsaved work from an earlier session in {}, but it cannot be read ({:#}); it was left in place",
                    file.display(),
                    anyhow::Error::from(err)
                ),
            ),
        }
    }

    /// Puts the recovered work in place of the project as saved.
    pub(super) fn restore_recovery(&mut self) {
        let Some(Modal::Recovery(offer)) = self.state.modal.take() else {
            return;
        };
        let Some(session) = &mut self.state.session else {
            return;
        };
        session.project = offer.project;
        session.dirty = true;
        session.forget_missing();
        self.forget_derived();
        self.notify(
            NoticeKind::Info,
            format!("Restored unsaved work ({}); save to keep it", offer.summary),
        );
    }

    /// Drops the recovered work, for good.
    pub(super) fn discard_recovered(&mut self) {
        self.state.modal = None;
        self.discard_recovery();
        self.notify(
            NoticeKind::Info,
            "Discarded the unsaved work from the earlier session",
        );
    }
}

/// Removes a recovery file whose work was saved or discarded. One that cannot be
/// removed is only logged: it is offered again next time, and compared first.
pub(super) fn remove_recovery_file(file: &Path) {
    match std::fs::remove_file(file) {
        Ok(()) => {}
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {}
        Err(err) => log::warn!("could not remove {}: {err}", file.display()),
    }
}
