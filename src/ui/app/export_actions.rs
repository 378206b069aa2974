//! Exporting the project: the dialog's preview of what an export leaves out, and
//! writing the file the editor picked.

use std::path::Path;

use crate::core::article::DocumentId;
use crate::core::atomic_file::replace_file;
use crate::core::export::{ExportFormat, ExportOptions, export};
use crate::core::project::timestamp_now;
use crate::ui::file_dialogs::DialogPurpose;
use crate::ui::state::{ExportForm, Modal, NoticeKind, Side};

use super::{FactdeskApp, file_stem_for};

impl FactdeskApp {
    /// Opens the export dialog on `format`, with what that export would leave out.
    pub(super) fn open_export(&mut self, format: ExportFormat) {
        let Some(session) = &self.state.session else {
            return;
        };
        let preview = export(
            &session.project,
            format,
            &ExportOptions::new(timestamp_now()),
        );
        // The report compares the panes on screen, unless the editor picks other pairs.
        let pairs = match &self.state.modal {
            Some(Modal::Export(form)) => form.pairs.clone(),
            _ => match (
                session.panes[Side::Left.index()].clone(),
                session.panes[Side::Right.index()].clone(),
            ) {
                (Some(old), Some(new)) if old != new => vec![(old, new)],
                _ => Vec::new(),
            },
        };
        self.state.modal = Some(Modal::Export(ExportForm {
            format,
            pairs,
            skipped: preview.skipped,
            warnings: preview.warnings,
        }));
    }

    /// Asks where to write the export chosen in the dialog.
    pub(super) fn choose_export_file(&mut self, ctx: &egui::Context) {
        let (Some(Modal::Export(form)), Some(session)) = (&self.state.modal, &self.state.session)
        else {
            return;
        };
        let format = form.format;
        let pairs = form.pairs.clone();
        let file_name = format!(
            "{}.{}",
            file_stem_for(&session.project.title),
            format.extension()
        );
        if self.show_dialog(DialogPurpose::Export(format, file_name, pairs), ctx) {
            self.state.modal = None;
        }
    }

    /// Writes the project in `format` to `path`, atomically: a failed export leaves
    /// whatever file was there untouched. A report compares `pairs` (the project's
    /// base version against each other version when there are none).
    pub(super) fn export_to(
        &mut self,
        format: ExportFormat,
        path: &Path,
        pairs: Vec<(DocumentId, DocumentId)>,
    ) {
        let Some(session) = &self.state.session else {
            return;
        };
        let options = ExportOptions {
            pairs: (!pairs.is_empty()).then_some(pairs),
            ..ExportOptions::new(timestamp_now())
        };
        let exported = export(&session.project, format, &options);
        if let Err(err) = replace_file(path, exported.contents.as_bytes()) {
            self.report_error("Could not export", err);
            return;
        }
        let mut parts = vec![format!("Exported {} to {}", format.label(), path.display())];
        if !exported.skipped.is_empty() {
            parts.push(format!(
                "{} claim(s) left out without a verdict",
                exported.skipped.len()
            ));
        }
        parts.extend(exported.warnings.iter().cloned());
        let kind = if exported.warnings.is_empty() {
            NoticeKind::Info
        } else {
            NoticeKind::Warning
        };
        let text = parts.join("; ");
        self.notify(kind, text);
    }
}
