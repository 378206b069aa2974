//! Dialogs that block the workbench until answered: confirmations before removing
//! things, and "Save changes?" before unsaved work would be dropped.

use egui::{Context, Id, RichText, Ui};

use super::action::{Action, UnsavedChoice};
use super::documents_panel::display_label;
use super::state::{AppState, Modal, PendingIntent};
use super::{claim_dialogs, palette, project_dialogs};

/// Draws the open dialog, if any.
pub fn ui(ctx: &Context, state: &AppState, actions: &mut Vec<Action>) {
    // The dialogs that need no open project.
    match &state.modal {
        Some(Modal::Shortcuts) => return claim_dialogs::shortcut_sheet_ui(ctx, actions),
        Some(Modal::Palette(palette)) => return palette::ui(ctx, state, palette, actions),
        Some(Modal::About) => return about_ui(ctx, actions),
        Some(Modal::OpenProjectInstead(path)) => {
            let name = path.file_name().map_or_else(
                || path.display().to_string(),
                |name| name.to_string_lossy().into_owned(),
            );
            let body = format!(
                "“{name}” is a Factdesk project, not an article: it cannot be added as a version of the story. Open it instead?"
            );
            return confirm_ui(
                ctx,
                "This is a project",
                &body,
                "Open project",
                Action::OpenProject(path.clone()),
                actions,
            );
        }
        _ => {}
    }
    let (Some(modal), Some(session)) = (&state.modal, &state.session) else {
        return;
    };
    let project = &session.project;
    match modal {
        Modal::ConfirmRemoveDocument(document_id) => {
            let Some(document) = project.document(document_id) else {
                return;
            };
            let claims = project.claims_on(document_id).count();
            let body = format!(
                "Remove “{}” from the project? Its {claims} claim{} and their notes will be removed with it.",
                display_label(document),
                if claims == 1 { "" } else { "s" }
            );
            confirm_ui(
                ctx,
                "Remove document",
                &body,
                "Remove",
                Action::RemoveDocument(document_id.clone()),
                actions,
            );
        }
        Modal::ConfirmRemoveClaim(claim_id) => {
            let Some(claim) = project.claim(claim_id) else {
                return;
            };
            let body = format!(
                "Delete the claim “{}” with its note, evidence and history?",
                claim.anchor.exact
            );
            confirm_ui(
                ctx,
                "Delete claim",
                &body,
                "Delete",
                Action::RemoveClaim(claim_id.clone()),
                actions,
            );
        }
        Modal::UnsavedChanges(intent) => {
            let before = match intent {
                PendingIntent::Quit => "closing",
                PendingIntent::NewProject => "starting a new project",
                PendingIntent::OpenProject(_) => "opening another project",
            };
            let body = format!("Save the changes to “{}” before {before}?", project.title);
            unsaved_ui(ctx, &body, actions);
        }
        Modal::Evidence(form) => {
            if let Some(claim) = project.claim(&form.claim_id) {
                claim_dialogs::evidence_ui(ctx, claim, form, actions);
            }
        }
        Modal::ClaimHistory(claim_id) => {
            if let Some(claim) = project.claim(claim_id) {
                claim_dialogs::history_ui(ctx, claim, actions);
            }
        }
        Modal::CustomScale(form) => claim_dialogs::custom_scale_ui(ctx, form, actions),
        Modal::DeskSettings(form) => project_dialogs::desk_settings_ui(ctx, form, actions),
        Modal::Conflicts => project_dialogs::conflicts_ui(ctx, project, actions),
        Modal::Export(form) => project_dialogs::export_ui(ctx, project, form, actions),
        Modal::SaveConflict => project_dialogs::save_conflict_ui(ctx, session, actions),
        Modal::Recovery(offer) => project_dialogs::recovery_ui(ctx, offer, actions),
        Modal::Shortcuts | Modal::Palette(_) | Modal::About | Modal::OpenProjectInstead(_) => {}
    }
}

fn dialog_frame_ui(ui: &mut Ui, title: &str, body: &str) {
    ui.set_max_width(420.0);
    ui.label(RichText::new(title).heading());
    ui.add_space(6.0);
    ui.label(body);
    ui.add_space(12.0);
}

fn confirm_ui(
    ctx: &Context,
    title: &str,
    body: &str,
    confirm_label: &str,
    confirm: Action,
    actions: &mut Vec<Action>,
) {
    let response = egui::Modal::new(Id::unique("confirm-dialog")).show(ctx, |ui| {
        dialog_frame_ui(ui, title, body);
        ui.horizontal(|ui| {
            if ui.button(confirm_label).clicked() {
                actions.push(confirm);
            }
            if ui.button("Cancel").clicked() {
                actions.push(Action::CancelDialog);
            }
        });
    });
    if response.should_close() {
        actions.push(Action::CancelDialog);
    }
}

fn unsaved_ui(ctx: &Context, body: &str, actions: &mut Vec<Action>) {
    let response = egui::Modal::new(Id::unique("unsaved-dialog")).show(ctx, |ui| {
        dialog_frame_ui(ui, "Unsaved changes", body);
        ui.weak("If you discard them, the changes since the last save are lost.");
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            for (label, choice) in [
                ("Save", UnsavedChoice::Save),
                ("Discard", UnsavedChoice::Discard),
                ("Cancel", UnsavedChoice::Cancel),
            ] {
                if ui.button(label).clicked() {
                    actions.push(Action::ResolveUnsaved(choice));
                }
            }
        });
    });
    if response.should_close() {
        actions.push(Action::ResolveUnsaved(UnsavedChoice::Cancel));
    }
}

/// Factdesk's name, version, what it is for and its licence.
fn about_ui(ctx: &Context, actions: &mut Vec<Action>) {
    let response = egui::Modal::new(Id::unique("about-dialog")).show(ctx, |ui| {
        ui.set_max_width(420.0);
        ui.label(RichText::new("Factdesk").heading());
        ui.label(format!("Version {}", env!("CARGO_PKG_VERSION")));
        ui.add_space(6.0);
        ui.label(env!("CARGO_PKG_DESCRIPTION"));
        ui.add_space(6.0);
        ui.weak(format!(
            "Licensed under {}. Project files are plain JSON, documented in docs/project-format.md.",
            env!("CARGO_PKG_LICENSE")
        ));
        ui.add_space(12.0);
        if ui.button("Close").clicked() {
            actions.push(Action::CancelDialog);
        }
    });
    if response.should_close() {
        actions.push(Action::CancelDialog);
    }
}
