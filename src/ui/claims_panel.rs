//! The claims panel (right): every claim in reading order, and the selected claim's
//! status, note and history.

use egui::{RichText, ScrollArea, TextEdit, Ui};

use crate::core::claims::{Claim, Status};
use crate::core::project::Project;

use super::action::Action;
use super::shortcuts;
use super::state::Session;
use super::theme;

/// Draws the claim list and the selected claim's details.
pub fn ui(ui: &mut Ui, session: &Session, actions: &mut Vec<Action>) {
    let project = &session.project;
    ui.heading(format!("Claims ({})", project.claims.len()));
    add_claim_button_ui(ui, session, actions);
    status_counts_ui(ui, project);
    ui.separator();

    let selected = session
        .selected_claim
        .as_ref()
        .and_then(|claim_id| project.claim(claim_id));
    let details_height = if selected.is_some() { 300.0 } else { 0.0 };
    ScrollArea::vertical()
        .id_salt("claims-list")
        .max_height((ui.available_height() - details_height).max(100.0))
        .auto_shrink([false, true])
        .show(ui, |ui| {
            if project.claims.is_empty() {
                ui.weak("No claims yet. Select the words of a figure, quote or attribution in either pane and press “Add claim from selection”.");
            }
            for claim in &project.claims {
                claim_row_ui(ui, project, claim, selected.is_some_and(|s| s.id == claim.id), actions);
            }
        });

    if let Some(claim) = selected {
        ui.separator();
        claim_details_ui(ui, project, claim, actions);
    }
}

fn add_claim_button_ui(ui: &mut Ui, session: &Session, actions: &mut Vec<Action>) {
    let selected_words = session.text_selection.as_ref().and_then(|selection| {
        let document = session.project.document(&selection.document)?;
        Some(
            document
                .text
                .chars()
                .skip(selection.chars.start)
                .take(selection.chars.len())
                .collect::<String>(),
        )
    });
    let button = egui::Button::new("Add claim from selection")
        .shortcut_text(ui.ctx().format_shortcut(&shortcuts::ADD_CLAIM));
    let response = ui.add_enabled(selected_words.is_some(), button);
    let response = match &selected_words {
        Some(words) => response.on_hover_text(format!("Make “{}” a claim", words.trim())),
        None => response.on_disabled_hover_text("Select words in either pane first"),
    };
    if response.clicked() {
        actions.push(Action::AddClaimFromSelection);
    }
}

fn status_counts_ui(ui: &mut Ui, project: &Project) {
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 10.0;
        for (status, count) in project.status_counts() {
            if count > 0 {
                // One label per status, so a count never wraps away from its name.
                let mut job = egui::text::LayoutJob::default();
                let font = egui::TextStyle::Body.resolve(ui.style());
                let dot_color = theme::status_color(status, ui.visuals().dark_mode);
                job.append("● ", 0.0, egui::TextFormat::simple(font.clone(), dot_color));
                let text = format!("{count} {}", status.label());
                job.append(
                    &text,
                    0.0,
                    egui::TextFormat::simple(font, ui.visuals().text_color()),
                );
                ui.add(egui::Label::new(job).wrap_mode(egui::TextWrapMode::Extend));
            }
        }
    });
}

fn status_dot_ui(ui: &mut Ui, status: Status) {
    ui.label(RichText::new("●").color(theme::status_color(status, ui.visuals().dark_mode)));
}

fn claim_row_ui(
    ui: &mut Ui,
    project: &Project,
    claim: &Claim,
    selected: bool,
    actions: &mut Vec<Action>,
) {
    ui.horizontal(|ui| {
        status_dot_ui(ui, claim.status);
        let quote = format!("“{}”", claim.anchor.exact);
        let row = ui.add(egui::Button::selectable(selected, quote).wrap());
        if row.clicked() {
            actions.push(Action::SelectClaim {
                claim_id: claim.id.clone(),
                reveal: true,
            });
        }
    });
    let document = project
        .document(&claim.document)
        .map_or("missing document", |doc| doc.label.as_str());
    let mut details = format!("{} · {document}", claim.status.label());
    if let Some(first_line) = claim.note.lines().next().filter(|line| !line.is_empty()) {
        details.push_str(" · ");
        details.push_str(first_line);
    }
    ui.add(egui::Label::new(RichText::new(details).small().weak()).truncate());
    ui.add_space(4.0);
}

fn claim_details_ui(ui: &mut Ui, project: &Project, claim: &Claim, actions: &mut Vec<Action>) {
    ui.strong("Selected claim");
    ui.label(RichText::new(format!("“{}”", claim.anchor.exact)).italics());
    if let Some(document) = project.document(&claim.document) {
        ui.weak(format!("in {}", document.label));
    }
    ui.add_space(4.0);

    ui.horizontal(|ui| {
        let label = ui.label("Status");
        egui::ComboBox::from_id_salt("claim-status")
            .selected_text(
                RichText::new(claim.status.label())
                    .color(theme::status_color(claim.status, ui.visuals().dark_mode)),
            )
            .show_ui(ui, |ui| {
                for status in Status::ALL {
                    if ui
                        .selectable_label(claim.status == status, status.label())
                        .clicked()
                        && claim.status != status
                    {
                        actions.push(Action::SetClaimStatus(claim.id.clone(), status));
                    }
                }
            })
            .response
            .labelled_by(label.id);
    });

    let label = ui.label("Note");
    let mut note = claim.note.clone();
    if ui
        .add(
            TextEdit::multiline(&mut note)
                .hint_text("Sources called, what they said, what is still open")
                .desired_rows(4)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id)
        .changed()
    {
        actions.push(Action::SetClaimNote(claim.id.clone(), note));
    }

    if !claim.history.is_empty() {
        ui.collapsing(format!("History ({})", claim.history.len()), |ui| {
            for change in claim.history.iter().rev() {
                ui.label(
                    RichText::new(format!(
                        "{}  {} → {}",
                        change.at.strftime("%Y-%m-%d %H:%M UTC"),
                        change.from.label(),
                        change.to.label()
                    ))
                    .small(),
                );
            }
        });
    }

    ui.add_space(4.0);
    if ui
        .button("Delete claim…")
        .on_hover_text("Remove this claim, its note and its history")
        .clicked()
    {
        actions.push(Action::AskRemoveClaim(claim.id.clone()));
    }
}
