//! The welcome screen, shown when no project is open: what Factdesk is for and what to
//! do next.

use egui::{Align, Layout, RichText, Ui};

use super::action::Action;
use super::state::Prefs;

/// Draws the welcome screen.
pub fn ui(ui: &mut Ui, prefs: &Prefs, actions: &mut Vec<Action>) {
    ui.with_layout(Layout::top_down(Align::Center), |ui| {
        ui.add_space((ui.available_height() * 0.18).max(24.0));
        ui.label(RichText::new("Factdesk").size(32.0).strong());
        ui.label("Compare every version of a story word by word, and track every claim until it is checked.");
        ui.add_space(24.0);
        ui.horizontal(|ui| {
            // Centre the two buttons as a group.
            ui.add_space((ui.available_width() - 260.0).max(0.0) / 2.0);
            if ui.add_sized([120.0, 32.0], egui::Button::new("New project")).clicked() {
                actions.push(Action::NewProject);
            }
            if ui.add_sized([130.0, 32.0], egui::Button::new("Open project…")).clicked() {
                actions.push(Action::ChooseProjectToOpen);
            }
        });
        ui.add_space(28.0);
        ui.label(RichText::new("Recent projects").strong());
        if prefs.recent_projects.is_empty() {
            ui.weak("Projects you open or save will be listed here.");
        }
        for path in &prefs.recent_projects {
            if ui.link(path.display().to_string()).clicked() {
                actions.push(Action::OpenProject(path.clone()));
            }
        }
    });
}
