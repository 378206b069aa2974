//! The claims panel (right): progress, the checker's name, filters, every claim in
//! reading order, and the selected claim's details below.

use std::borrow::Cow;

use egui::{RichText, ScrollArea, TextEdit, Ui};

use crate::core::claims::candidates::CandidateKind;
use crate::core::claims::filter::{ClaimFilter, RatingFilter, checkers};
use crate::core::claims::{Claim, Status};
use crate::core::project::Project;

use crate::core::corroboration::Passage;

use super::action::Action;
use super::background::Work;
use super::claim_details;
use super::commands::{Command, shortcut_text};
use super::documents_panel::display_label;
use super::state::{FocusTarget, Prefs, Session};
use super::theme;
use super::widgets::{Name, choice_ui};

/// Id of the claims search box, so `/` can focus it.
fn search_id() -> egui::Id {
    egui::Id::unique("claims-search")
}

/// Draws the claims panel.
pub fn ui(
    ui: &mut Ui,
    session: &Session,
    prefs: &Prefs,
    corroboration: Option<&Work<Vec<Passage>>>,
    actions: &mut Vec<Action>,
) {
    let project = &session.project;
    progress_ui(ui, project);
    checker_ui(ui, prefs, actions);
    add_claim_button_ui(ui, session, actions);
    ui.separator();
    filter_ui(ui, session, actions);

    let selected = session
        .selected_claim
        .as_ref()
        .and_then(|claim_id| project.claim(claim_id));
    let list_height = if selected.is_some() {
        (ui.available_height() * 0.4).max(120.0)
    } else {
        ui.available_height()
    };
    ScrollArea::vertical()
        .id_salt("claims-list")
        .max_height(list_height)
        .auto_shrink([false, true])
        .show(ui, |ui| claim_list_ui(ui, session, selected, actions));

    if let Some(claim) = selected {
        ui.separator();
        ScrollArea::vertical()
            .id_salt("claim-details")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                claim_details::ui(ui, session, claim, corroboration, actions);
            });
    }
}

/// "4 of 6 checked" with a bar, and the count of each status.
fn progress_ui(ui: &mut Ui, project: &Project) {
    let (done, total) = project.progress();
    if total == 0 {
        return;
    }
    let text = format!("{done} of {total} checked");
    ui.add(
        egui::ProgressBar::new(done as f32 / total as f32)
            .text(text.as_str())
            .desired_height(16.0),
    )
    .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ProgressIndicator, true, &text));
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 10.0;
        for (status, count) in project.status_counts() {
            if count > 0 {
                status_count_ui(ui, status, count);
            }
        }
    });
}

/// The checker's name, recorded on every change: asked for until it is given.
fn checker_ui(ui: &mut Ui, prefs: &Prefs, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        let label = ui.label("Checker");
        let mut name = prefs.checker_name.clone();
        let response = ui
            .add(
                TextEdit::singleline(&mut name)
                    .hint_text("Your name, signed on each change")
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        if response.changed() {
            actions.push(Action::SetCheckerName(name));
        }
    });
    if prefs.checker_name.trim().is_empty() {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            "Type your name so the history shows who checked what",
        );
    }
}

fn add_claim_button_ui(ui: &mut Ui, session: &Session, actions: &mut Vec<Action>) {
    let selected_words = session.text_selection.as_ref().map(|s| s.words.trim());
    let button = egui::Button::new("Add claim from selection").shortcut_text(
        Command::AddClaim
            .shortcut()
            .map(|shortcut| shortcut_text(ui.ctx(), shortcut))
            .unwrap_or_default(),
    );
    let response = ui.add_enabled(selected_words.is_some(), button);
    let response = match &selected_words {
        Some(words) => response.on_hover_text(format!("Make “{}” a claim", words.trim())),
        None => response.on_disabled_hover_text("Select words in either pane first"),
    };
    if response.clicked() {
        actions.push(Action::AddClaimFromSelection);
    }
}

/// The search box and the status, verdict, document and checker filters.
fn filter_ui(ui: &mut Ui, session: &Session, actions: &mut Vec<Action>) {
    let project = &session.project;
    let filter = &session.claim_filter;
    let mut changed = filter.clone();
    let mut search = filter.text.clone();
    let response = ui.add(
        TextEdit::singleline(&mut search)
            .id(search_id())
            .hint_text("Filter claims (/)")
            .desired_width(f32::INFINITY),
    );
    let response = response.accessible_name("Filter claims");
    if session.focus_request == Some(FocusTarget::ClaimSearch) {
        response.request_focus();
    }
    if response.changed() {
        changed.text = search;
    }
    ui.horizontal_wrapped(|ui| {
        let statuses: Vec<Option<Status>> =
            std::iter::once(None).chain(Status::ALL.map(Some)).collect();
        if let Some(status) = choice_ui(
            ui,
            "filter-status",
            Name::Text("Status filter"),
            &filter.status,
            &statuses,
            |s| s.map_or("Any status", Status::label).to_owned(),
            filter.status.map_or("Any status", Status::label),
        ) {
            changed.status = status;
        }
        let mut ratings = vec![None, Some(RatingFilter::Unrated)];
        ratings.extend(
            project
                .verdict_scale
                .ratings
                .iter()
                .map(|r| Some(RatingFilter::Rated(r.label.clone()))),
        );
        let rating_name = |r: &Option<RatingFilter>| match r {
            None => "Any verdict".to_owned(),
            Some(RatingFilter::Unrated) => "No verdict yet".to_owned(),
            Some(RatingFilter::Rated(label)) => label.clone(),
        };
        if let Some(rating) = choice_ui(
            ui,
            "filter-rating",
            Name::Text("Verdict filter"),
            &filter.rating,
            &ratings,
            rating_name,
            rating_name(&filter.rating),
        ) {
            changed.rating = rating;
        }
        if project.documents.len() > 1 {
            let documents: Vec<_> = std::iter::once(None)
                .chain(project.documents.iter().map(|d| Some(d.id.clone())))
                .collect();
            let document_name = |d: &Option<_>| {
                d.as_ref().and_then(|id| project.document(id)).map_or_else(
                    || "Any document".to_owned(),
                    |d| display_label(d).into_owned(),
                )
            };
            if let Some(document) = choice_ui(
                ui,
                "filter-document",
                Name::Text("Document filter"),
                &filter.document,
                &documents,
                document_name,
                document_name(&filter.document),
            ) {
                changed.document = document;
            }
        }
        let kinds: Vec<Option<CandidateKind>> = std::iter::once(None)
            .chain(
                CandidateKind::ALL
                    .into_iter()
                    .filter(|kind| project.claims.iter().any(|c| c.kinds.contains(kind)))
                    .map(Some),
            )
            .collect();
        if kinds.len() > 1 {
            let kind_name = |kind: &Option<CandidateKind>| {
                kind.map_or("Any kind", CandidateKind::label).to_owned()
            };
            if let Some(kind) = choice_ui(
                ui,
                "filter-kind",
                Name::Text("Kind filter"),
                &filter.kind,
                &kinds,
                kind_name,
                kind_name(&filter.kind),
            ) {
                changed.kind = kind;
            }
        }
        let names = checkers(&project.claims);
        if !names.is_empty() {
            let options: Vec<Option<String>> = std::iter::once(None)
                .chain(names.into_iter().map(Some))
                .collect();
            let checker_name =
                |c: &Option<String>| c.clone().unwrap_or_else(|| "Any checker".to_owned());
            if let Some(checker) = choice_ui(
                ui,
                "filter-checker",
                Name::Text("Checker filter"),
                &filter.checker,
                &options,
                checker_name,
                checker_name(&filter.checker),
            ) {
                changed.checker = checker;
            }
        }
    });
    let orphans = project.claims.iter().filter(|c| c.orphaned).count();
    if orphans > 0 || filter.orphaned {
        let mut orphaned = filter.orphaned;
        if ui
            .checkbox(&mut orphaned, format!("Orphaned only ({orphans})"))
            .on_hover_text("Claims whose words were not found after their text was replaced")
            .changed()
        {
            changed.orphaned = orphaned;
        }
    }
    if filter.is_active() {
        ui.horizontal(|ui| {
            let shown = session.visible_claims().count();
            ui.weak(format!("Showing {shown} of {}", project.claims.len()));
            if ui.small_button("Clear filter").clicked() {
                changed = ClaimFilter::default();
            }
        });
    }
    if changed != *filter {
        actions.push(Action::SetClaimFilter(changed));
    }
}

fn claim_list_ui(
    ui: &mut Ui,
    session: &Session,
    selected: Option<&Claim>,
    actions: &mut Vec<Action>,
) {
    let project = &session.project;
    if project.claims.is_empty() {
        ui.weak("No claims yet. Select the words of a figure, quote or attribution in either pane and press “Add claim from selection”, or accept a candidate.");
        return;
    }
    let mut any = false;
    for claim in session.visible_claims() {
        any = true;
        let is_selected = selected.is_some_and(|s| s.id == claim.id);
        claim_row_ui(ui, project, claim, is_selected, actions);
    }
    if !any {
        ui.weak("No claim matches the filter.");
    }
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

/// "2 Checked" after its dot, as one piece, so a wrapping row never separates them.
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

/// One line about a claim under its quote: status, verdict, document, warnings.
pub fn claim_summary(project: &Project, claim: &Claim) -> String {
    let mut parts = vec![claim.status.label().to_owned()];
    if let Some(rating) = &claim.rating {
        parts.push(rating.clone());
    }
    if claim.orphaned {
        parts.push("Orphaned".to_owned());
    }
    parts.push(
        project
            .document(&claim.document)
            .map_or(Cow::Borrowed("missing document"), display_label)
            .into_owned(),
    );
    if claim.lacks_second_source(&project.verdict_scale) {
        parts.push("needs a second source".to_owned());
    }
    parts.join(" · ")
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
        let text = format!("“{}”", claim.statement());
        let text = if claim.orphaned {
            RichText::new(text).italics()
        } else {
            RichText::new(text)
        };
        let row = ui.add(egui::Button::selectable(selected, text).wrap());
        if selected && claim.orphaned {
            row.scroll_to_me(None);
        }
        if row.clicked() {
            actions.push(Action::SelectClaim {
                claim_id: claim.id.clone(),
                reveal: true,
            });
        }
    });
    let summary = claim_summary(project, claim);
    let warn = claim.orphaned || claim.lacks_second_source(&project.verdict_scale);
    let text = RichText::new(summary).small();
    let text = if warn {
        text.color(ui.visuals().warn_fg_color)
    } else {
        text.weak()
    };
    ui.add(egui::Label::new(text).truncate());
    ui.add_space(4.0);
}
