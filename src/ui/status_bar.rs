//! The status bar (bottom): the latest message on the left; on the right, whether the
//! project has unsaved changes and where it is saved.

use egui::{RichText, Ui};

use super::action::Action;
use super::state::AppState;
use super::theme;

/// Draws the status bar.
pub fn ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    // The message gives way (truncated, whole on hover) to the save state.
    egui::Sides::new().shrink_left().truncate().show(
        ui,
        |ui| {
            if let Some(notice) = &state.notice {
                if ui.small_button("Dismiss").clicked() {
                    actions.push(Action::DismissNotice);
                }
                let color = theme::notice_color(notice.kind, ui.visuals());
                ui.label(RichText::new(&notice.text).color(color))
                    .on_hover_text(&notice.text);
            }
        },
        |ui| {
            let Some(session) = &state.session else {
                return;
            };
            let saved = match (session.dirty, &session.path) {
                (true, _) => "Unsaved changes",
                (false, None) => "Not saved yet",
                (false, Some(_)) => "All changes saved",
            };
            ui.label(saved);
            if let Some(path) = &session.path {
                ui.separator();
                ui.label(RichText::new(path.display().to_string()).weak());
            }
        },
    );
}
