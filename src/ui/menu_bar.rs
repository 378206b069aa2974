//! The menu bar: File, Edit, View, Claims and Help, drawn from the command table, with
//! the recent projects and the verdict scales as submenus.

use egui::{RichText, Ui};

use crate::core::claims::VerdictScale;

use super::action::Action;
use super::commands::{Command, Menu, shortcut_text};
use super::state::AppState;

/// Draws the menu bar.
pub fn ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    egui::MenuBar::new().ui(ui, |ui| {
        for menu in Menu::ALL {
            ui.menu_button(menu.title(), |ui| menu_ui(ui, menu, state, actions));
        }
    });
}

/// The entries of `menu`, a separator between groups, and the menu's submenus.
fn menu_ui(ui: &mut Ui, menu: Menu, state: &AppState, actions: &mut Vec<Action>) {
    let commands = || Command::ALL.into_iter().filter(move |c| c.menu() == menu);
    let has_checks = commands().any(|command| command.is_checked(state).is_some());
    for (index, command) in commands().enumerate() {
        if index > 0 && command.starts_group() {
            ui.separator();
        }
        command_ui(ui, command, state, has_checks, actions);
        if command == Command::OpenProject {
            recent_projects_ui(ui, state, actions);
        }
    }
    if menu == Menu::Claims {
        ui.separator();
        verdict_scale_ui(ui, state, actions);
    }
}

/// One menu entry: its name, its shortcut, and in a menu of settings a check mark
/// before the ones that are on (an invisible one before the others, to align them).
fn command_ui(
    ui: &mut Ui,
    command: Command,
    state: &AppState,
    has_checks: bool,
    actions: &mut Vec<Action>,
) {
    let label = command.label_in(state);
    let checked = command.is_checked(state);
    let mut button = if has_checks {
        let mark_color = if checked == Some(true) {
            ui.visuals().strong_text_color()
        } else {
            egui::Color32::TRANSPARENT
        };
        egui::Button::new((RichText::new("✓").color(mark_color), label.as_str()))
    } else {
        egui::Button::new(label.as_str())
    };
    if let Some(shortcut) = command.shortcut() {
        button = button.shortcut_text(shortcut_text(ui.ctx(), shortcut));
    }
    let enabled = command.is_enabled(state);
    let response = ui.add_enabled(enabled, button);
    if let Some(checked) = checked {
        // A screen reader hears a check box that is on or off, not a check mark.
        response.widget_info(|| {
            egui::WidgetInfo::selected(egui::Role::CheckBox, enabled, checked, &label)
        });
    }
    if response.clicked() {
        actions.push(command.action(state));
        ui.close();
    }
}

fn recent_projects_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    ui.add_enabled_ui(!state.prefs.recent_projects.is_empty(), |ui| {
        ui.menu_button("Open recent", |ui| {
            for path in &state.prefs.recent_projects {
                if ui.button(path.display().to_string()).clicked() {
                    actions.push(Action::OpenProject(path.clone()));
                }
            }
        });
    });
}

fn verdict_scale_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let session = state.session.as_ref();
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
}
