//! Edits that clash with a colleague's, as a merge left them: each conflict with the
//! value in place and the other copy's, and a button to keep either.

use egui::{RichText, Ui};

use crate::core::project::{Choice, Conflict, Project};

use super::action::Action;

/// Longest value shown on a button before it is cut short.
const VALUE_CHARS: usize = 48;

/// One conflict: what it is about, then "Keep: …" and "Use theirs: …".
pub fn conflict_ui(
    ui: &mut Ui,
    project: &Project,
    index: usize,
    conflict: &Conflict,
    show_subject: bool,
    actions: &mut Vec<Action>,
) {
    let field = conflict.field.label();
    if show_subject {
        ui.label(
            RichText::new(format!(
                "{field} of {}",
                project.subject_name(&conflict.subject)
            ))
            .strong(),
        );
    } else {
        ui.label(RichText::new(field).strong());
    }
    let ours = conflict.describe(&conflict.ours);
    let theirs = conflict.describe(&conflict.theirs);
    // Buttons show a value cut short; a long one (a note) is shown in full above them.
    if ours.chars().count() > VALUE_CHARS || theirs.chars().count() > VALUE_CHARS {
        ui.label(format!("Yours: {ours}"));
        ui.label(format!("Theirs: {theirs}"));
    }
    ui.horizontal_wrapped(|ui| {
        if ui
            .button(format!("Keep: {}", shorten(&ours)))
            .on_hover_text(format!("Keep this copy's {}: {ours}", field.to_lowercase()))
            .clicked()
        {
            actions.push(Action::ResolveConflict(index, Choice::Ours));
        }
        if ui
            .button(format!("Use theirs: {}", shorten(&theirs)))
            .on_hover_text(format!(
                "Use the other copy's {}: {theirs}",
                field.to_lowercase()
            ))
            .clicked()
        {
            actions.push(Action::ResolveConflict(index, Choice::Theirs));
        }
    });
}

/// The conflicts on one claim, at the top of its details.
pub fn claim_conflicts_ui(
    ui: &mut Ui,
    project: &Project,
    conflicts: &[(usize, &Conflict)],
    actions: &mut Vec<Action>,
) {
    if conflicts.is_empty() {
        return;
    }
    egui::Frame::group(ui.style())
        .stroke(egui::Stroke::new(1.0, ui.visuals().warn_fg_color))
        .show(ui, |ui| {
            ui.label(
                RichText::new(format!(
                    "A colleague's copy disagrees ({})",
                    conflicts.len()
                ))
                .color(ui.visuals().warn_fg_color),
            );
            for &(index, conflict) in conflicts {
                conflict_ui(ui, project, index, conflict, false, actions);
            }
        });
}

/// Every conflict in the project, for the conflicts dialog.
pub fn all_conflicts_ui(ui: &mut Ui, project: &Project, actions: &mut Vec<Action>) {
    ui.label("A merge found fields you and a colleague both changed. Your value is in place; pick which to keep.");
    ui.add_space(6.0);
    egui::ScrollArea::vertical()
        .max_height(420.0)
        .show(ui, |ui| {
            for (index, conflict) in project.conflicts.iter().enumerate() {
                conflict_ui(ui, project, index, conflict, true, actions);
                ui.separator();
            }
        });
}

fn shorten(text: &str) -> String {
    let mut chars = text.chars();
    let short: String = chars.by_ref().take(VALUE_CHARS).collect();
    if chars.next().is_some() {
        format!("{}…", short.trim_end())
    } else {
        short
    }
}
