//! The status bar (bottom): on the left, the analysis under way, if any; on the right,
//! what the project holds, how far checking has come, whether it is saved, and where.

use egui::{RichText, Ui};

use super::state::AppState;

/// Draws the status bar; `busy` names the analysis under way on worker threads.
pub fn ui(ui: &mut Ui, state: &AppState, busy: &[&str]) {
    // The work under way gives way (truncated) to what the project is.
    egui::Sides::new().shrink_left().truncate().show(
        ui,
        |ui| {
            if !busy.is_empty() {
                ui.spinner();
                ui.label(busy.join(" · "));
            }
        },
        |ui| {
            let Some(session) = &state.session else {
                return;
            };
            if let Some(path) = &session.path {
                ui.label(RichText::new(path.display().to_string()).weak());
                ui.separator();
            }
            let saved = match (session.dirty, &session.path) {
                (true, _) => "Unsaved changes",
                (false, None) => "Not saved yet",
                (false, Some(_)) => "All changes saved",
            };
            ui.label(saved);
            ui.separator();
            let (checked, total) = session.project.progress();
            let documents = session.project.documents.len();
            ui.label(format!(
                "{documents} document{} · {checked} of {total} claim{} checked",
                if documents == 1 { "" } else { "s" },
                if total == 1 { "" } else { "s" },
            ));
        },
    );
}
