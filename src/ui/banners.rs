//! Strips across the top of the workbench for what needs the editor's decision before
//! the work goes on: a colleague saved the project, or a merge left conflicts.

use egui::{Frame, RichText, Ui};

use super::action::Action;
use super::state::Session;

/// Draws the banners that apply to `session`, if any.
pub fn ui(ui: &mut Ui, session: &Session, actions: &mut Vec<Action>) {
    if let Some(change) = &session.disk_change {
        banner_ui(ui, |ui| match &change.project {
            Ok(_) => {
                ui.label(
                    RichText::new("This project was saved elsewhere (a colleague, or a git pull).")
                        .strong(),
                );
                let reload = if session.dirty {
                    "Reload and keep my edits"
                } else {
                    "Reload"
                };
                if ui
                    .button(reload)
                    .on_hover_text(
                        "Open the version on disk; your unsaved edits are merged into it, and any that clash are listed to settle",
                    )
                    .clicked()
                {
                    actions.push(Action::ReloadFromDisk);
                }
                if ui
                    .button("Keep working on this copy")
                    .on_hover_text("Saving will replace the version on disk")
                    .clicked()
                {
                    actions.push(Action::DismissDiskChange);
                }
            }
            Err(err) => {
                ui.label(format!(
                    "The project file was changed elsewhere but cannot be read ({}); your copy here is unchanged.",
                    error_chain(err)
                ));
                if ui.button("Dismiss").clicked() {
                    actions.push(Action::DismissDiskChange);
                }
            }
        });
    }
    if let Some(version) = session.read_only_format {
        banner_ui(ui, |ui| {
            ui.label(
                RichText::new(format!(
                    "Read-only: saved by a newer Factdesk (project format version {version}). Update Factdesk to change or save it."
                ))
                .strong(),
            );
        });
    }
    if let Some(holder) = &session.also_open_in {
        banner_ui(ui, |ui| {
            ui.label(format!(
                "Also open in another Factdesk window (on {}, process {}, since {}). Edits in both will clash: save in one, then reload in the other.",
                holder.host,
                holder.pid,
                holder.since.strftime("%H:%M UTC")
            ));
            if ui.button("Understood").clicked() {
                actions.push(Action::DismissAlsoOpen);
            }
        });
    }
    let conflicts = session.project.conflicts.len();
    if conflicts > 0 {
        banner_ui(ui, |ui| {
            ui.label(
                RichText::new(format!(
                    "{conflicts} edit(s) clash with a colleague's copy."
                ))
                .strong(),
            );
            if ui.button("Review conflicts…").clicked() {
                actions.push(Action::ShowConflicts);
            }
        });
    }
}

fn banner_ui(ui: &mut Ui, body: impl FnOnce(&mut Ui)) {
    let warn = ui.visuals().warn_fg_color;
    Frame::new()
        .fill(warn.gamma_multiply(0.15))
        .stroke(egui::Stroke::new(1.0, warn))
        .inner_margin(6.0)
        .corner_radius(4.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(body);
        });
}

/// An error and its causes, "could not open x: not valid JSON at line 3…".
fn error_chain(err: &dyn std::error::Error) -> String {
    let mut text = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}
