//! The selected claim in full: wording, status, verdict, conclusion, note, evidence,
//! and the commands that reshape it (merge, split, re-attach, history, delete).

use egui::{RichText, TextEdit, Ui};

use crate::core::claims::{Claim, Status, TextField};

use crate::core::corroboration::Passage;

use super::action::Action;
use super::background::Work;
use super::conflicts_view;
use super::state::{FocusTarget, Session};
use super::theme;
use super::widgets::{Name, choice_ui};

/// Draws the selected claim's details; `corroboration` is the passages of other
/// versions that bear on it, as far as they are worked out.
pub fn ui(
    ui: &mut Ui,
    session: &Session,
    claim: &Claim,
    corroboration: Option<&Work<Vec<Passage>>>,
    actions: &mut Vec<Action>,
) {
    let project = &session.project;
    ui.strong("Selected claim");
    ui.label(RichText::new(format!("“{}”", claim.anchor.exact)).italics());
    if let Some(document) = project.document(&claim.document) {
        ui.weak(format!("in {}", document.label));
    }
    if claim.orphaned {
        orphan_ui(ui, session, claim, actions);
    }
    let conflicts: Vec<_> = project.conflicts_on_claim(&claim.id).collect();
    conflicts_view::claim_conflicts_ui(ui, project, &conflicts, actions);
    ui.add_space(4.0);

    text_field_ui(
        ui,
        session,
        claim,
        TextField::Wording,
        "Wording",
        "The checkable statement in your words (optional)",
        2,
        actions,
    );
    status_ui(ui, claim, actions);
    verdict_ui(ui, session, claim, actions);
    text_field_ui(
        ui,
        session,
        claim,
        TextField::Conclusion,
        "Conclusion",
        "What the check found, as the desk would print it",
        2,
        actions,
    );
    let note = text_field_ui(
        ui,
        session,
        claim,
        TextField::Note,
        "Note",
        "Sources called, what they said, what is still open",
        3,
        actions,
    );
    if session.focus_request == Some(FocusTarget::Note) {
        note.request_focus();
    }
    evidence_ui(ui, claim, actions);
    corroboration_ui(ui, session, claim, corroboration, actions);
    ui.add_space(6.0);
    commands_ui(ui, session, claim, actions);
}

/// A claim text field: typing keeps a draft, leaving the field applies it.
fn text_field_ui(
    ui: &mut Ui,
    session: &Session,
    claim: &Claim,
    field: TextField,
    label: &str,
    hint: &str,
    rows: usize,
    actions: &mut Vec<Action>,
) -> egui::Response {
    let label = ui.label(label);
    let mut text = session.claim_text(claim, field).to_owned();
    let response = ui
        .add(
            TextEdit::multiline(&mut text)
                .id(egui::Id::unique(("claim-text", field_key(field))))
                .hint_text(hint)
                .desired_rows(rows)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    if response.changed() {
        actions.push(Action::DraftClaimText {
            claim_id: claim.id.clone(),
            field,
            text,
        });
    }
    if response.lost_focus() {
        actions.push(Action::CommitClaimText);
    }
    response
}

fn field_key(field: TextField) -> &'static str {
    match field {
        TextField::Wording => "wording",
        TextField::Conclusion => "conclusion",
        TextField::Note => "note",
    }
}

fn status_ui(ui: &mut Ui, claim: &Claim, actions: &mut Vec<Action>) {
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
        ui.weak("(s)");
    });
}

fn verdict_ui(ui: &mut Ui, session: &Session, claim: &Claim, actions: &mut Vec<Action>) {
    let scale = &session.project.verdict_scale;
    if scale.is_conclusion_only() {
        ui.weak(format!("{}: the conclusion is the verdict", scale.name));
        return;
    }
    ui.horizontal(|ui| {
        let label = ui.label("Verdict");
        let options: Vec<Option<String>> = std::iter::once(None)
            .chain(scale.ratings.iter().map(|r| Some(r.label.clone())))
            .collect();
        let name = |rating: &Option<String>| match rating {
            None => "No verdict yet".to_owned(),
            Some(label) => {
                let position = scale.ratings.iter().position(|r| &r.label == label);
                match position {
                    Some(index) if index < 9 => format!("{}  {label}", index + 1),
                    _ => label.clone(),
                }
            }
        };
        let picked = choice_ui(
            ui,
            "claim-rating",
            Name::LabelledBy(label.id),
            &claim.rating,
            &options,
            name,
            claim.rating.as_deref().unwrap_or("No verdict yet"),
        );
        if let Some(rating) = picked {
            actions.push(Action::SetClaimRating(claim.id.clone(), rating));
        }
        ui.weak(format!("(1–{})", scale.ratings.len().min(9)));
    });
    if let Some(meaning) = claim
        .rating
        .as_deref()
        .and_then(|label| scale.rating(label))
        .map(|rating| rating.meaning.as_str())
        .filter(|meaning| !meaning.is_empty())
    {
        ui.weak(meaning);
    }
    if claim
        .rating
        .as_deref()
        .is_some_and(|r| scale.rating(r).is_none())
    {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            format!(
                "This verdict is not on the project's scale ({})",
                scale.name
            ),
        );
    }
    if claim.lacks_second_source(scale) {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            format!(
                "Rated {} on {} independent source{}: two are needed",
                claim.rating.as_deref().unwrap_or_default(),
                claim.independent_support(),
                if claim.independent_support() == 1 {
                    ""
                } else {
                    "s"
                }
            ),
        );
    }
}

fn evidence_ui(ui: &mut Ui, claim: &Claim, actions: &mut Vec<Action>) {
    ui.add_space(4.0);
    ui.strong(format!("Evidence ({})", claim.evidence.len()));
    for (index, evidence) in claim.evidence.iter().enumerate() {
        ui.group(|ui| {
            ui.set_width(ui.available_width());
            ui.label(evidence.summary());
            let mut origin = vec![evidence.locator.location().to_owned()];
            if !evidence.publisher.is_empty() {
                origin.insert(0, evidence.publisher.clone());
            }
            if let Some(date) = evidence.accessed {
                origin.push(format!("accessed {date}"));
            }
            ui.add(egui::Label::new(RichText::new(origin.join(" · ")).small().weak()).truncate());
            if !evidence.passage.is_empty() {
                ui.label(
                    RichText::new(format!("“{}”", evidence.passage))
                        .small()
                        .italics(),
                );
            }
            ui.horizontal(|ui| {
                if ui.small_button("Edit…").clicked() {
                    actions.push(Action::OpenEvidenceForm {
                        claim_id: claim.id.clone(),
                        index: Some(index),
                    });
                }
                if ui.small_button("Remove").clicked() {
                    actions.push(Action::RemoveEvidence(claim.id.clone(), index));
                }
            });
        });
    }
    if ui
        .button("Add evidence…")
        .on_hover_text("A web page, file or wire item that supports or contradicts the claim (e)")
        .clicked()
    {
        actions.push(Action::OpenEvidenceForm {
            claim_id: claim.id.clone(),
            index: None,
        });
    }
}

/// The passages of the project's other versions that bear on the claim, best first,
/// each one click from the evidence list.
fn corroboration_ui(
    ui: &mut Ui,
    session: &Session,
    claim: &Claim,
    corroboration: Option<&Work<Vec<Passage>>>,
    actions: &mut Vec<Action>,
) {
    ui.add_space(4.0);
    let passages = match corroboration {
        Some(Work::Ready(passages)) => passages.clone(),
        Some(Work::Working) => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label("Looking for corroboration…");
            });
            return;
        }
        Some(Work::Failed) | None => return,
    };
    ui.strong(format!("In other versions ({})", passages.len()))
        .on_hover_text("Passages of the project's other documents that bear on this claim");
    if passages.is_empty() {
        ui.weak("No other version of the story says anything close to this.");
        return;
    }
    for passage in passages.iter() {
        ui.group(|ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(format!("{:.0}% alike", passage.similarity * 100.0)).strong(),
                );
                ui.weak(format!("{} · {}", passage.source, passage.document_label));
            });
            let text = ui.add(
                egui::Label::new(format!("“{}”", passage.text))
                    .sense(egui::Sense::click())
                    .wrap(),
            );
            if text.on_hover_text("Show in the text").clicked() {
                actions.push(Action::RevealPassage(
                    passage.document.clone(),
                    passage.chars.clone(),
                ));
            }
            if !passage.shared.is_empty() {
                ui.label(
                    RichText::new(format!("Shares: {}", passage.shared.join(", ")))
                        .small()
                        .weak(),
                );
            }
            let attached = claim.evidence.iter().any(|evidence| {
                evidence.passage == passage.text
                    && session
                        .project
                        .document(&passage.document)
                        .is_some_and(|document| evidence.title == document.label)
            });
            if attached {
                ui.weak("Attached as evidence");
            } else if ui
                .button("Attach as evidence")
                .on_hover_text("Add this passage to the claim's evidence, as context")
                .clicked()
            {
                actions.push(Action::AttachPassage(claim.id.clone(), passage.clone()));
            }
        });
    }
}

fn orphan_ui(ui: &mut Ui, session: &Session, claim: &Claim, actions: &mut Vec<Action>) {
    ui.colored_label(
        ui.visuals().warn_fg_color,
        "Orphaned: these words are no longer in the document. Select the words it should point at and attach it.",
    );
    let has_selection = session
        .text_selection
        .as_ref()
        .is_some_and(|s| s.document == claim.document);
    if ui
        .add_enabled(has_selection, egui::Button::new("Attach to selection"))
        .on_disabled_hover_text("Select the new words in the claim's document first")
        .clicked()
    {
        actions.push(Action::ReattachClaimToSelection(claim.id.clone()));
    }
}

fn commands_ui(ui: &mut Ui, session: &Session, claim: &Claim, actions: &mut Vec<Action>) {
    let selection_inside = session.text_selection.as_ref().is_some_and(|selection| {
        selection.document == claim.document
            && claim.anchor.start <= selection.chars.start
            && selection.chars.end <= claim.anchor.end
    });
    let has_next = session
        .project
        .claims_on(&claim.document)
        .skip_while(|c| c.id != claim.id)
        .nth(1)
        .is_some();
    ui.horizontal_wrapped(|ui| {
        if ui
            .add_enabled(
                has_next && !claim.orphaned,
                egui::Button::new("Merge with next"),
            )
            .on_hover_text("Join this claim and the next one in the document into one claim")
            .clicked()
        {
            actions.push(Action::MergeClaimWithNext(claim.id.clone()));
        }
        if ui
            .add_enabled(
                selection_inside && !claim.orphaned,
                egui::Button::new("Split at selection"),
            )
            .on_hover_text("Select the words of the second part inside the claim, then split")
            .clicked()
        {
            actions.push(Action::SplitClaimAtSelection(claim.id.clone()));
        }
        if ui
            .button(format!("History ({})…", claim.history.len()))
            .on_hover_text("Who changed what, and when")
            .clicked()
        {
            actions.push(Action::ShowClaimHistory(claim.id.clone()));
        }
        if ui
            .button("Delete claim…")
            .on_hover_text("Remove this claim, its evidence and its history")
            .clicked()
        {
            actions.push(Action::AskRemoveClaim(claim.id.clone()));
        }
    });
}
