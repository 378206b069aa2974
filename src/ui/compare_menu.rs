//! The "Compare" menu: what counts as a difference when versions are compared, shared
//! by the side-by-side and versions views.

use egui::Ui;

use crate::core::compare_options::{CompareOptions, Granularity};

use super::action::Action;

/// A menu button that opens the comparison options.
pub fn ui(ui: &mut Ui, options: CompareOptions, actions: &mut Vec<Action>) {
    ui.menu_button("Compare options", |ui| {
        let mut changed = options;
        ui.label("Mark changes inside a sentence by");
        for granularity in Granularity::ALL {
            ui.radio_value(&mut changed.granularity, granularity, granularity.label());
        }
        ui.separator();
        ui.checkbox(&mut changed.ignore_case, "Ignore case");
        ui.checkbox(&mut changed.ignore_punctuation, "Ignore punctuation");
        ui.checkbox(
            &mut changed.fold_typography,
            "Curly and straight quotes, dashes are the same",
        );
        ui.checkbox(
            &mut changed.ignore_whitespace,
            "Ignore spacing and line breaks",
        );
        ui.separator();
        if ui.button("Reset to the defaults").clicked() {
            changed = CompareOptions::default();
        }
        if changed != options {
            actions.push(Action::SetCompareOptions(changed));
        }
    })
    .response
    .on_hover_text("What counts as a difference between versions");
}
