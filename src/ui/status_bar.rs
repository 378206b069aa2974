//! The status bar (bottom): where the project is saved, whether it has unsaved changes,
//! and the latest message.

use egui::{Align, Layout, RichText, Ui};

use super::action::Action;
use super::state::AppState;
use super::theme;

/// Draws the status bar.
pub fn ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        if let Some(notice) = &state.notice {
            ui.label(
                RichText::new(&notice.text).color(theme::notice_color(notice.kind, ui.visuals())),
            );
            if ui.small_button("Dismiss").clicked() {
                actions.push(Action::DismissNotice);
            }
        }
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            if let Some(session) = &state.session {
                let saved = if session.dirty {
                    "Unsaved changes"
                } else {
                    "All changes saved"
                };
                ui.label(saved);
                ui.separator();
                ui.add(egui::Label::new(RichText::new(session.file_label()).weak()).truncate());
            }
        });
    });
}
