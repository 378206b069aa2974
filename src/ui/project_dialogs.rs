//! Dialogs about the project as a whole: the desk's settings, exports, and the
//! conflicts a merge left to settle.

use egui::{Context, Grid, Ui};

use crate::core::article::DocumentId;
use crate::core::export::ExportFormat;
use crate::core::project::{Project, Settings};

use super::action::Action;
use super::claim_dialogs::{form_field_ui, modal_ui};
use super::conflicts_view;
use super::documents_panel::display_label;
use super::state::{ExportForm, RecoveryOffer, Session};
use super::widgets::{Name, choice_ui};

/// How many skipped claims the export dialog names before "and n more".
const SKIPPED_SHOWN: usize = 5;

/// Who publishes the checks and where: what ClaimReview exports credit.
pub fn desk_settings_ui(ctx: &Context, form: &Settings, actions: &mut Vec<Action>) {
    modal_ui(
        ctx,
        "desk-settings",
        "Desk settings",
        actions,
        |ui, actions| {
            ui.label("Exports credit your desk with these. Search engines show a ClaimReview only with its author and the address of the page that publishes it.");
            ui.add_space(6.0);
            let mut edited = form.clone();
            let mut changed = false;
            Grid::new("desk-settings-form")
                .num_columns(2)
                .show(ui, |ui| {
                    changed |= form_field_ui(
                        ui,
                        "Desk",
                        &mut edited.desk,
                        "The Daily Star fact-check desk",
                        1,
                    );
                    changed |= form_field_ui(
                        ui,
                        "Desk home page",
                        &mut edited.desk_url,
                        "https://www.example.org/",
                        1,
                    );
                    changed |= form_field_ui(
                        ui,
                        "Checks published at",
                        &mut edited.review_url,
                        "https://www.example.org/fact-checks/this-story",
                        1,
                    );
                });
            if changed {
                actions.push(Action::UpdateDeskSettings(edited));
            }
            for missing in form.missing_for_export() {
                ui.colored_label(ui.visuals().warn_fg_color, format!("Not set: {missing}"));
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button("Save settings").clicked() {
                    actions.push(Action::SubmitDeskSettings);
                }
                if ui.button("Cancel").clicked() {
                    actions.push(Action::CancelDialog);
                }
            });
        },
    );
}

/// Every conflict in the project, each with its two values.
pub fn conflicts_ui(ctx: &Context, project: &Project, actions: &mut Vec<Action>) {
    modal_ui(
        ctx,
        "conflicts",
        "Conflicting edits",
        actions,
        |ui, actions| {
            conflicts_view::all_conflicts_ui(ui, project, actions);
            if ui.button("Close").clicked() {
                actions.push(Action::CancelDialog);
            }
        },
    );
}

/// Picking an export format, with what that export would leave out and why.
pub fn export_ui(ctx: &Context, project: &Project, form: &ExportForm, actions: &mut Vec<Action>) {
    modal_ui(ctx, "export", "Export", actions, |ui, actions| {
        for format in ExportFormat::ALL {
            if ui.radio(form.format == format, format.label()).clicked() && form.format != format {
                actions.push(Action::OpenExport(format));
            }
        }
        ui.add_space(6.0);
        if form.format.compares_versions() {
            export_pairs_ui(ui, project, &form.pairs, actions);
            ui.add_space(6.0);
        }
        for warning in &form.warnings {
            ui.colored_label(ui.visuals().warn_fg_color, warning);
        }
        if !form.warnings.is_empty() && ui.button("Desk settings…").clicked() {
            actions.push(Action::OpenDeskSettings);
        }
        if !form.skipped.is_empty() {
            ui.label(format!("Left out ({}):", form.skipped.len()));
            for skipped in form.skipped.iter().take(SKIPPED_SHOWN) {
                ui.weak(format!("• {skipped}"));
            }
            if form.skipped.len() > SKIPPED_SHOWN {
                ui.weak(format!("and {} more", form.skipped.len() - SKIPPED_SHOWN));
            }
        }
        if form.warnings.is_empty() && form.skipped.is_empty() {
            ui.label("Every claim goes into the export.");
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Export…").clicked() {
                actions.push(Action::ChooseExportFile);
            }
            if ui.button("Cancel").clicked() {
                actions.push(Action::CancelDialog);
            }
        });
    });
}

/// The pairs of versions the report compares: a row of two pickers for each, with a
/// button to take it away, and one to add a pair. With none, the report compares the
/// base version with each other version, and says so.
fn export_pairs_ui(
    ui: &mut Ui,
    project: &Project,
    pairs: &[(DocumentId, DocumentId)],
    actions: &mut Vec<Action>,
) {
    ui.strong("Versions the report compares");
    let documents: Vec<DocumentId> = project.documents.iter().map(|d| d.id.clone()).collect();
    let name = |id: &DocumentId| {
        project
            .document(id)
            .map_or_else(String::new, |document| display_label(document).into_owned())
    };
    for (index, (old, new)) in pairs.iter().enumerate() {
        ui.horizontal(|ui| {
            let mut changed = None;
            if let Some(picked) = choice_ui(
                ui,
                ("export-pair-old", index),
                Name::Text(&format!("Pair {} old version", index + 1)),
                old,
                &documents,
                |id| name(id),
                name(old),
            ) {
                changed = Some((picked, new.clone()));
            }
            ui.label("→");
            if let Some(picked) = choice_ui(
                ui,
                ("export-pair-new", index),
                Name::Text(&format!("Pair {} new version", index + 1)),
                new,
                &documents,
                |id| name(id),
                name(new),
            ) {
                changed = Some((old.clone(), picked));
            }
            if let Some(pair) = changed {
                let mut pairs = pairs.to_vec();
                pairs[index] = pair;
                actions.push(Action::SetExportPairs(pairs));
            }
            if ui
                .small_button("Remove")
                .on_hover_text("Leave this pair out of the report")
                .clicked()
            {
                let mut pairs = pairs.to_vec();
                pairs.remove(index);
                actions.push(Action::SetExportPairs(pairs));
            }
        });
    }
    if pairs.is_empty() {
        let base = project
            .base_version()
            .map_or_else(String::new, |base| display_label(base).into_owned());
        ui.weak(format!(
            "“{base}”, the base version, with each other version"
        ));
    }
    let base = project.base_version();
    let other = project
        .documents
        .iter()
        .find(|document| Some(&document.id) != base.map(|base| &base.id));
    if let (Some(base), Some(other)) = (base, other)
        && ui
            .button("Add a pair")
            .on_hover_text("Compare two more versions in the report")
            .clicked()
    {
        let mut pairs = pairs.to_vec();
        pairs.push((base.id.clone(), other.id.clone()));
        actions.push(Action::SetExportPairs(pairs));
    }
}

/// Saving over a version someone else saved since this window read the file.
pub fn save_conflict_ui(ctx: &Context, session: &Session, actions: &mut Vec<Action>) {
    let name = session
        .path
        .as_deref()
        .and_then(std::path::Path::file_name)
        .map_or_else(String::new, |name| name.to_string_lossy().into_owned());
    modal_ui(
        ctx,
        "save-conflict",
        "Changed on disk",
        actions,
        |ui, actions| {
            ui.label(format!(
            "“{name}” was saved elsewhere since you opened it (a colleague, or a git pull). Saving now would replace their work."
        ));
            ui.add_space(8.0);
            ui.horizontal_wrapped(|ui| {
                let readable = session
                    .disk_change
                    .as_ref()
                    .is_some_and(|version| version.project.is_ok());
                if ui
                    .add_enabled(readable, egui::Button::new("Reload and merge my edits"))
                    .on_hover_text("Their version, with your unsaved edits merged in; then save")
                    .clicked()
                {
                    actions.push(Action::ReloadFromDisk);
                }
                if ui.button("Save as…").clicked() {
                    actions.push(Action::CancelDialog);
                    actions.push(Action::ChooseSaveAs);
                }
                if ui
                    .button("Overwrite")
                    .on_hover_text(
                        "Replace their version with yours (theirs stays in the .bak file)",
                    )
                    .clicked()
                {
                    actions.push(Action::OverwriteProject);
                }
                if ui.button("Cancel").clicked() {
                    actions.push(Action::CancelDialog);
                }
            });
        },
    );
}

/// Unsaved work a crash left behind: restore it, or discard it for good.
pub fn recovery_ui(ctx: &Context, offer: &RecoveryOffer, actions: &mut Vec<Action>) {
    modal_ui(
        ctx,
        "recovery",
        "Unsaved work found",
        actions,
        |ui, actions| {
            let when = offer
                .written
                .as_deref()
                .map_or_else(String::new, |when| format!(" (last written {when})"));
            ui.label(format!(
            "Factdesk did not close cleanly last time and kept the work that was not saved{when}: {}.",
            offer.summary
        ));
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui
                    .button("Restore")
                    .on_hover_text("Put the unsaved work back; save to keep it")
                    .clicked()
                {
                    actions.push(Action::RestoreRecovery);
                }
                if ui
                    .button("Discard")
                    .on_hover_text("Keep the project as it was last saved")
                    .clicked()
                {
                    actions.push(Action::DiscardRecovery);
                }
            });
        },
    );
}
