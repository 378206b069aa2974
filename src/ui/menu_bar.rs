//! The menu bar: File, Edit, Claims and View.

use egui::Ui;

use crate::core::claims::VerdictScale;
use crate::core::export::ExportFormat;

use super::action::Action;
use super::shortcuts;
use super::state::AppState;

/// Draws the menu bar.
pub fn ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| file_menu_ui(ui, state, actions));
        ui.menu_button("Edit", |ui| edit_menu_ui(ui, state, actions));
        ui.menu_button("Claims", |ui| claims_menu_ui(ui, state, actions));
        ui.menu_button("View", |ui| {
            let mut sync_scroll = state.prefs.sync_scroll;
            if ui.checkbox(&mut sync_scroll, "Sync scroll").changed() {
                actions.push(Action::SetSyncScroll(sync_scroll));
            }
            let mut show_segments = state.prefs.show_segments;
            if ui
                .checkbox(&mut show_segments, "Show segments in the margin")
                .changed()
            {
                actions.push(Action::SetShowSegments(show_segments));
            }
        });
    });
}

/// Undo and Redo, named for the edit they act on ("Undo set verdict").
fn edit_menu_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let history = state.session.as_ref().map(|session| &session.undo);
    let undo = history.and_then(|history| history.undo_label());
    let redo = history.and_then(|history| history.redo_label());
    let name = |verb: &str, label: Option<&str>| match label {
        Some(label) => format!("{verb} {label}"),
        None => verb.to_owned(),
    };
    if menu_item(
        ui,
        &name("Undo", undo),
        Some(&shortcuts::UNDO),
        undo.is_some(),
    ) {
        actions.push(Action::Undo);
    }
    if menu_item(
        ui,
        &name("Redo", redo),
        Some(&shortcuts::REDO),
        redo.is_some(),
    ) {
        actions.push(Action::Redo);
    }
}

fn claims_menu_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let session = state.session.as_ref();
    let has_selection = session.is_some_and(|session| session.text_selection.is_some());
    let add = egui::Button::new("Add claim from selection")
        .shortcut_text(ui.ctx().format_shortcut(&shortcuts::ADD_CLAIM));
    if ui.add_enabled(has_selection, add).clicked() {
        actions.push(Action::AddClaimFromSelection);
    }
    ui.separator();
    ui.add_enabled_ui(session.is_some(), |ui| {
        ui.menu_button("Verdict scale", |ui| {
            let current = session.map(|s| &s.project.verdict_scale);
            for scale in VerdictScale::presets() {
                let is_current = current == Some(&scale);
                if ui.radio(is_current, scale.name.as_str()).clicked() && !is_current {
                    actions.push(Action::SetVerdictScale(scale));
                }
            }
            let is_custom = current.is_some_and(|c| !VerdictScale::presets().contains(c));
            let custom = if is_custom {
                format!("{} (your own)…", current.map_or("", |c| c.name.as_str()))
            } else {
                "Your own scale…".to_owned()
            };
            if ui.radio(is_custom, custom).clicked() {
                actions.push(Action::OpenCustomScale);
            }
        });
    });
    ui.separator();
    if ui.button("Keyboard shortcuts").clicked() {
        actions.push(Action::ShowShortcuts);
    }
}

fn menu_item(
    ui: &mut Ui,
    text: &str,
    shortcut: Option<&egui::KeyboardShortcut>,
    enabled: bool,
) -> bool {
    let mut button = egui::Button::new(text);
    if let Some(shortcut) = shortcut {
        button = button.shortcut_text(ui.ctx().format_shortcut(shortcut));
    }
    ui.add_enabled(enabled, button).clicked()
}

fn file_menu_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let has_project = state.session.is_some();
    if menu_item(ui, "New project", Some(&shortcuts::NEW_PROJECT), true) {
        actions.push(Action::NewProject);
    }
    if menu_item(ui, "Open project…", Some(&shortcuts::OPEN_PROJECT), true) {
        actions.push(Action::ChooseProjectToOpen);
    }
    ui.add_enabled_ui(!state.prefs.recent_projects.is_empty(), |ui| {
        ui.menu_button("Open recent", |ui| {
            for path in &state.prefs.recent_projects {
                if ui.button(path.display().to_string()).clicked() {
                    actions.push(Action::OpenProject(path.clone()));
                }
            }
        });
    });
    ui.separator();
    if menu_item(ui, "Save", Some(&shortcuts::SAVE), has_project) {
        actions.push(Action::Save);
    }
    if menu_item(ui, "Save as…", Some(&shortcuts::SAVE_AS), has_project) {
        actions.push(Action::ChooseSaveAs);
    }
    ui.separator();
    if menu_item(ui, "Add article from file…", None, has_project) {
        actions.push(Action::ChooseArticleFile);
    }
    if menu_item(ui, "Paste as new article", None, has_project) {
        actions.push(Action::PasteAsArticle);
    }
    ui.separator();
    if menu_item(ui, "Export…", Some(&shortcuts::EXPORT), has_project) {
        actions.push(Action::OpenExport(ExportFormat::ClaimReview));
    }
    if menu_item(ui, "Desk settings…", None, has_project) {
        actions.push(Action::OpenDeskSettings);
    }
    ui.separator();
    if menu_item(ui, "Quit", Some(&shortcuts::QUIT), true) {
        actions.push(Action::Quit);
    }
}
