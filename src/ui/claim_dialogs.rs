//! Dialogs about claims: evidence, a claim's history, the desk's own verdict scale, and
//! the keyboard shortcut sheet.

use egui::{Context, Grid, Id, RichText, ScrollArea, TextEdit, Ui};

use crate::core::claims::{Claim, Locator, Stance};

use super::action::Action;
use super::commands::{Menu, shortcut_text};
use super::shortcuts;
use super::state::{CustomScaleForm, EvidenceForm};
use super::widgets::{Name, choice_ui};

/// Width of the claim dialogs, in points.
const DIALOG_WIDTH: f32 = 460.0;

/// A modal window with a title; closing it by Esc or a click outside cancels.
pub(super) fn modal_ui(
    ctx: &Context,
    id: &str,
    title: &str,
    actions: &mut Vec<Action>,
    body: impl FnOnce(&mut Ui, &mut Vec<Action>),
) {
    let response = egui::Modal::new(Id::unique(id)).show(ctx, |ui| {
        ui.set_width(DIALOG_WIDTH);
        ui.label(RichText::new(title).heading());
        ui.add_space(6.0);
        body(ui, actions);
    });
    if response.should_close() {
        actions.push(Action::CancelDialog);
    }
}

/// A labelled single-line or multi-line field in a two-column grid.
pub(super) fn form_field_ui(
    ui: &mut Ui,
    label: &str,
    text: &mut String,
    hint: &str,
    rows: usize,
) -> bool {
    let label = ui.label(label);
    let edit = if rows > 1 {
        TextEdit::multiline(text).desired_rows(rows)
    } else {
        TextEdit::singleline(text)
    };
    let changed = ui
        .add(edit.hint_text(hint).desired_width(f32::INFINITY))
        .labelled_by(label.id)
        .changed();
    ui.end_row();
    changed
}

/// The evidence dialog.
pub fn evidence_ui(ctx: &Context, claim: &Claim, form: &EvidenceForm, actions: &mut Vec<Action>) {
    let title = if form.index.is_some() {
        "Change evidence"
    } else {
        "Add evidence"
    };
    modal_ui(ctx, "evidence-dialog", title, actions, |ui, actions| {
        ui.label(RichText::new(format!("For “{}”", claim.statement())).italics());
        ui.add_space(6.0);
        let mut edited = form.clone();
        let mut changed = false;
        Grid::new("evidence-form")
            .num_columns(2)
            .spacing([8.0, 6.0])
            .show(ui, |ui| {
                let kind_label = ui.label("Kind");
                let kinds = Locator::kinds();
                let current = kinds
                    .iter()
                    .find(|kind| kind.kind_label() == form.locator.kind_label())
                    .cloned()
                    .unwrap_or_else(|| form.locator.clone());
                if let Some(kind) = choice_ui(
                    ui,
                    "evidence-kind",
                    Name::LabelledBy(kind_label.id),
                    &current,
                    &kinds,
                    |kind| kind.kind_label().to_owned(),
                    form.locator.kind_label(),
                ) {
                    edited.locator = kind.with_location(form.locator.location().to_owned());
                    changed = true;
                }
                ui.end_row();
                let mut location = form.locator.location().to_owned();
                let hint = match form.locator {
                    Locator::Url(_) => "https://…",
                    Locator::File(_) => "Path of the saved file",
                    Locator::WireItem(_) => "urn:newsml:… or the agency's item id",
                };
                if form_field_ui(ui, "Where", &mut location, hint, 1) {
                    edited.locator = form.locator.with_location(location);
                    changed = true;
                }
                changed |= form_field_ui(ui, "Title", &mut edited.title, "What it is", 1);
                changed |= form_field_ui(
                    ui,
                    "Publisher",
                    &mut edited.publisher,
                    "Who stands behind it: two from one publisher count once",
                    1,
                );
                changed |= form_field_ui(
                    ui,
                    "Passage",
                    &mut edited.passage,
                    "The words that support or contradict the claim",
                    3,
                );
                let stance_label = ui.label("Stance");
                if let Some(stance) = choice_ui(
                    ui,
                    "evidence-stance",
                    Name::LabelledBy(stance_label.id),
                    &form.stance,
                    &Stance::ALL,
                    |stance| stance.label().to_owned(),
                    form.stance.label(),
                ) {
                    edited.stance = stance;
                    changed = true;
                }
                ui.end_row();
                changed |= form_field_ui(ui, "Accessed", &mut edited.accessed, "YYYY-MM-DD", 1);
                changed |= form_field_ui(
                    ui,
                    "SHA-256",
                    &mut edited.sha256,
                    "Digest of the saved copy (optional)",
                    1,
                );
                if matches!(form.locator, Locator::File(_)) {
                    ui.label("");
                    ui.horizontal(|ui| {
                        if ui
                            .button("Choose file…")
                            .on_hover_text("Pick the saved copy; its SHA-256 is filled in")
                            .clicked()
                        {
                            actions.push(Action::ChooseEvidenceFile);
                        }
                        if ui
                            .add_enabled(
                                !form.locator.location().trim().is_empty(),
                                egui::Button::new("Compute from the file"),
                            )
                            .on_hover_text("Read the file and fill in its SHA-256")
                            .clicked()
                        {
                            actions.push(Action::DigestEvidenceFile);
                        }
                    });
                    ui.end_row();
                }
            });
        if let Some(error) = &form.error {
            ui.colored_label(ui.visuals().error_fg_color, error);
        }
        if changed {
            edited.error = None;
            actions.push(Action::UpdateEvidenceForm(edited));
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let save = if form.index.is_some() { "Save" } else { "Add" };
            if ui.button(save).clicked() {
                actions.push(Action::SubmitEvidenceForm);
            }
            if ui.button("Cancel").clicked() {
                actions.push(Action::CancelDialog);
            }
        });
    });
}

/// A claim's whole history, newest first.
pub fn history_ui(ctx: &Context, claim: &Claim, actions: &mut Vec<Action>) {
    modal_ui(
        ctx,
        "history-dialog",
        "Claim history",
        actions,
        |ui, actions| {
            ui.label(RichText::new(format!("“{}”", claim.statement())).italics());
            ui.add_space(6.0);
            egui::ScrollArea::vertical()
                .max_height(420.0)
                .show(ui, |ui| {
                    Grid::new("history-grid")
                        .num_columns(4)
                        .striped(true)
                        .spacing([10.0, 4.0])
                        .show(ui, |ui| {
                            for heading in ["When (UTC)", "Who", "What", "Change"] {
                                ui.strong(heading);
                            }
                            ui.end_row();
                            for entry in claim.history.iter().rev() {
                                ui.label(entry.at.strftime("%Y-%m-%d %H:%M").to_string());
                                ui.label(if entry.by.is_empty() {
                                    "(no name)"
                                } else {
                                    &entry.by
                                });
                                ui.label(entry.field.label());
                                let change = match (entry.old.is_empty(), entry.new.is_empty()) {
                                    (true, _) => entry.new.clone(),
                                    (false, true) => format!("removed: {}", entry.old),
                                    (false, false) => format!("{} to {}", entry.old, entry.new),
                                };
                                ui.add(egui::Label::new(change).wrap());
                                ui.end_row();
                            }
                        });
                });
            ui.add_space(8.0);
            if ui.button("Close").clicked() {
                actions.push(Action::CancelDialog);
            }
        },
    );
}

/// The dialog defining the desk's own verdict scale.
pub fn custom_scale_ui(ctx: &Context, form: &CustomScaleForm, actions: &mut Vec<Action>) {
    modal_ui(
        ctx,
        "scale-dialog",
        "Your own verdict scale",
        actions,
        |ui, actions| {
            ui.label("One rating per line, best first. The first one says the claim is right (and wants two independent sources). Leave it empty for written conclusions only.");
            ui.add_space(6.0);
            let mut edited = form.clone();
            let mut changed = false;
            Grid::new("scale-form").num_columns(2).show(ui, |ui| {
                changed |= form_field_ui(ui, "Name", &mut edited.name, "Our scale", 1);
                changed |= form_field_ui(
                    ui,
                    "Ratings",
                    &mut edited.ratings,
                    "Accurate\nInaccurate",
                    8,
                );
            });
            if changed {
                actions.push(Action::UpdateCustomScale(edited));
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button("Use this scale").clicked() {
                    actions.push(Action::SubmitCustomScale);
                }
                if ui.button("Cancel").clicked() {
                    actions.push(Action::CancelDialog);
                }
            });
        },
    );
}

/// Every keyboard shortcut.
pub fn shortcut_sheet_ui(ctx: &Context, actions: &mut Vec<Action>) {
    modal_ui(
        ctx,
        "shortcut-sheet",
        "Keyboard shortcuts",
        actions,
        |ui, actions| {
            ui.set_width(SHEET_WIDTH);
            let max_height = ui.ctx().content_rect().height() * 0.7;
            ScrollArea::vertical()
                .max_height(max_height)
                .show(ui, |ui| {
                    ui.columns(2, |columns| {
                        for (column, menus) in columns.iter_mut().zip(SHEET_COLUMNS) {
                            for menu in menus {
                                menu_shortcuts_ui(column, *menu);
                            }
                        }
                        triage_keys_ui(&mut columns[0]);
                    });
                });
            ui.add_space(8.0);
            if ui.button("Close").clicked() {
                actions.push(Action::CancelDialog);
            }
        },
    );
}

/// How wide the shortcut sheet is: two columns of keys and what they do.
const SHEET_WIDTH: f32 = 760.0;

/// The menus whose shortcuts each column of the sheet lists.
const SHEET_COLUMNS: [&[Menu]; 2] = [
    &[Menu::File, Menu::Edit, Menu::Help],
    &[Menu::View, Menu::Claims],
];

/// A menu's shortcuts under its name.
fn menu_shortcuts_ui(ui: &mut Ui, menu: Menu) {
    ui.strong(menu.title());
    Grid::new(("shortcut-grid", menu.title()))
        .num_columns(2)
        .spacing([16.0, 2.0])
        .show(ui, |ui| {
            for (shortcut, command) in shortcuts::all_shortcuts() {
                if command.menu() == menu {
                    ui.monospace(shortcut_text(ui.ctx(), shortcut));
                    ui.label(command.label());
                    ui.end_row();
                }
            }
        });
    ui.add_space(8.0);
}

/// The single keys for working through claims.
fn triage_keys_ui(ui: &mut Ui) {
    ui.strong("Working through claims");
    ui.weak("When no text field has the keyboard (press Esc or click the list first)");
    Grid::new("triage-grid")
        .num_columns(2)
        .spacing([16.0, 2.0])
        .show(ui, |ui| {
            for (keys, does) in shortcuts::TRIAGE_KEYS {
                ui.monospace(keys);
                ui.label(does);
                ui.end_row();
            }
        });
}
