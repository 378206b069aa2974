//! The claims panel (right): every claim in reading order, and the selected claim's
//! status, note and history.

use egui::{RichText, ScrollArea, TextEdit, Ui};

use crate::core::claims::{Claim, Status};
use crate::core::project::Project;

use super::action::Action;
use super::documents_panel::display_label;
use super::shortcuts;
use super::state::Session;
use super::theme;
use super::widgets::{Name, choice_ui};

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
    let selected_words = session.text_selection.as_ref().map(|s| s.words.trim());
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
                status_count_ui(ui, status, count);
            }
        }
    });
}

/// Diameter of the dot that shows a status's colour, in points.
const DOT_SIZE: f32 = 9.0;

/// A dot in the status's colour. (Drawn, not a "●" character: the bundled font has none.)
fn paint_status_dot(ui: &Ui, center: egui::Pos2, status: Status) {
    let color = theme::status_color(status, ui.visuals().dark_mode);
    ui.painter().circle_filled(center, DOT_SIZE / 2.0, color);
}

fn status_dot_ui(ui: &mut Ui, status: Status) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(DOT_SIZE, DOT_SIZE), egui::Sense::hover());
    paint_status_dot(ui, rect.center(), status);
}

/// "2 Verified" after its dot, as one piece, so a wrapping row never separates them.
fn status_count_ui(ui: &mut Ui, status: Status, count: usize) {
    let text = format!("{count} {}", status.label());
    let galley = egui::WidgetText::from(text.as_str()).into_galley(
        ui,
        Some(egui::TextWrapMode::Extend),
        f32::INFINITY,
        egui::TextStyle::Body,
    );
    let gap = 4.0;
    let size = egui::vec2(DOT_SIZE + gap + galley.size().x, galley.size().y);
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::hover());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &text));
    paint_status_dot(
        ui,
        egui::pos2(rect.left() + DOT_SIZE / 2.0, rect.center().y),
        status,
    );
    let text_pos = egui::pos2(rect.left() + DOT_SIZE + gap, rect.top());
    ui.painter()
        .galley(text_pos, galley, ui.visuals().text_color());
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
        .map_or("missing document", display_label);
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
        let selected_text = RichText::new(claim.status.label())
            .color(theme::status_color(claim.status, ui.visuals().dark_mode));
        let picked = choice_ui(
            ui,
            "claim-status",
            Name::LabelledBy(label.id),
            &claim.status,
            &Status::ALL,
            |status| status.label().to_owned(),
            selected_text,
        );
        if let Some(status) = picked {
            actions.push(Action::SetClaimStatus(claim.id.clone(), status));
        }
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
                        "{}  {} to {}",
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
