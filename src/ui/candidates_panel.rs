//! The candidates tab of the right panel: the sentences Factdesk proposes for checking
//! in one document, each with why, to accept as claims or dismiss.

use egui::{RichText, ScrollArea, Ui};

use crate::core::article::DocumentId;
use crate::core::claims::candidates::{Candidate, CandidateKind};

use super::action::Action;
use super::documents_panel::display_label;
use super::state::{CandidateSort, Session};
use super::widgets::{Name, choice_ui};

/// Draws the candidates of the document `session.candidate_document()` names.
/// `candidates` are the ones still open (not dismissed, not already claimed), in
/// reading order.
pub fn ui(ui: &mut Ui, session: &Session, candidates: &[Candidate], actions: &mut Vec<Action>) {
    let project = &session.project;
    let Some(document) = session.candidate_document() else {
        ui.weak("Add a version of the story to see what in it is worth checking.");
        return;
    };
    ui.horizontal(|ui| {
        let label = ui.label("In");
        let documents: Vec<_> = project.documents.iter().map(|d| d.id.clone()).collect();
        if let Some(picked) = choice_ui(
            ui,
            "candidates-document",
            Name::LabelledBy(label.id),
            &document.id,
            &documents,
            |id| {
                project
                    .document(id)
                    .map_or_else(String::new, |d| display_label(d).into_owned())
            },
            display_label(document),
        ) {
            actions.push(Action::SetCandidateDocument(picked));
        }
    });
    let view = &session.candidate_view;
    ui.horizontal_wrapped(|ui| {
        let kinds: Vec<Option<CandidateKind>> = std::iter::once(None)
            .chain(CandidateKind::ALL.into_iter().map(Some))
            .collect();
        let count = |kind: CandidateKind| {
            candidates
                .iter()
                .filter(|c| c.kinds.contains(&kind))
                .count()
        };
        let kind_name = |kind: &Option<CandidateKind>| match kind {
            None => format!("All kinds ({})", candidates.len()),
            Some(kind) => format!("{} ({})", kind.label(), count(*kind)),
        };
        if let Some(kind) = choice_ui(
            ui,
            "candidates-kind",
            Name::Text("Kind of candidate"),
            &view.kind,
            &kinds,
            kind_name,
            kind_name(&view.kind),
        ) {
            actions.push(Action::SetCandidateKind(kind));
        }
        let sorts = [CandidateSort::Score, CandidateSort::Reading];
        if let Some(sort) = choice_ui(
            ui,
            "candidates-sort",
            Name::Text("Order of candidates"),
            &view.sort,
            &sorts,
            |sort| sort.label().to_owned(),
            view.sort.label(),
        ) {
            actions.push(Action::SetCandidateSort(sort));
        }
    });
    let mut shown: Vec<&Candidate> = candidates
        .iter()
        .filter(|c| view.kind.is_none_or(|kind| c.kinds.contains(&kind)))
        .collect();
    if view.sort == CandidateSort::Score {
        shown.sort_by(|a, b| b.score.total_cmp(&a.score));
    }
    if let Some(kind) = view.kind
        && !shown.is_empty()
        && ui
            .button(format!(
                "Accept all {} ({})",
                kind.label().to_lowercase(),
                shown.len()
            ))
            .on_hover_text("Make every candidate of this kind a claim")
            .clicked()
    {
        actions.push(Action::AcceptCandidatesOfKind(document.id.clone(), kind));
    }
    ui.separator();
    if shown.is_empty() {
        ui.weak(if candidates.is_empty() {
            "Nothing left to propose: every check-worthy sentence is a claim or was dismissed."
        } else {
            "No candidate of this kind."
        });
        return;
    }
    ScrollArea::vertical()
        .id_salt("candidates-list")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for candidate in shown {
                candidate_ui(ui, &document.id, candidate, actions);
            }
        });
}

fn candidate_ui(
    ui: &mut Ui,
    document_id: &DocumentId,
    candidate: &Candidate,
    actions: &mut Vec<Action>,
) {
    ui.group(|ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            ui.label(RichText::new(format!("{:.0}", candidate.score * 100.0)).strong())
                .on_hover_text("Check-worthiness, out of 100");
            let kinds: Vec<&str> = candidate.kinds.iter().map(|k| k.label()).collect();
            ui.label(RichText::new(kinds.join(" · ")).small());
        });
        let sentence = ui.add(
            egui::Label::new(&candidate.sentence)
                .sense(egui::Sense::click())
                .wrap(),
        );
        if sentence.on_hover_text("Show in the text").clicked() {
            actions.push(Action::RevealPassage(
                document_id.clone(),
                candidate.start..candidate.end,
            ));
        }
        ui.label(
            RichText::new(format!("Why: {}", candidate.reason_summary()))
                .small()
                .weak(),
        );
        ui.horizontal(|ui| {
            if ui
                .button("Accept")
                .on_hover_text("Make this sentence a claim")
                .clicked()
            {
                actions.push(Action::MakeClaims {
                    document: document_id.clone(),
                    sentences: vec![(candidate.start..candidate.end, candidate.kinds.clone())],
                });
            }
            if ui
                .button("Dismiss")
                .on_hover_text("Not worth checking: do not propose it again")
                .clicked()
            {
                actions.push(Action::DismissCandidate(candidate.key()));
            }
        });
    });
}
