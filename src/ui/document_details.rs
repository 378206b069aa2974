//! The selected document's details (in the documents panel): label and source, what the
//! source format said about the item, its segments, and the text set aside on import.

use egui::{CollapsingHeader, RichText, TextEdit, Ui};

use crate::core::article::{Document, Metadata, Role, Source};
use crate::core::import::capitalise_first;

use super::action::Action;
use super::documents_panel::UNTITLED;
use super::segment_margin::agency_choices;
use super::state::Side;
use super::widgets::{Name, choice_ui};

/// Characters of a segment's words shown in the segments list.
const SEGMENT_PREVIEW_CHARS: usize = 48;

/// Draws the details of `document`.
pub fn ui(ui: &mut Ui, document: &Document, actions: &mut Vec<Action>) {
    ui.strong("Selected document");
    basics_ui(ui, document, actions);
    buttons_ui(ui, document, actions);
    ui.add_space(4.0);
    metadata_ui(ui, document);
    segments_ui(ui, document, actions);
    set_aside_ui(ui, document, actions);
}

fn basics_ui(ui: &mut Ui, document: &Document, actions: &mut Vec<Action>) {
    egui::Grid::new("document-details")
        .num_columns(2)
        .spacing([8.0, 6.0])
        .show(ui, |ui| {
            let label = ui.label("Label");
            let mut text = document.label.clone();
            if ui
                .add(
                    TextEdit::singleline(&mut text)
                        .hint_text(UNTITLED)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id)
                .changed()
            {
                actions.push(Action::RenameDocument(document.id.clone(), text));
            }
            ui.end_row();

            let label = ui.label("Source");
            let picked = choice_ui(
                ui,
                "document-source",
                Name::LabelledBy(label.id),
                &document.source,
                &Source::ALL,
                |source| source.label().to_owned(),
                document.source.label(),
            );
            if let Some(source) = picked {
                actions.push(Action::SetDocumentSource(document.id.clone(), source));
            }
            ui.end_row();

            let label = ui.label("Publication");
            let mut publication = document.metadata.publication.clone().unwrap_or_default();
            if ui
                .add(
                    TextEdit::singleline(&mut publication)
                        .hint_text("Not known")
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id)
                .on_hover_text("The site or paper this copy comes from, shown beside its headline")
                .changed()
            {
                actions.push(Action::SetDocumentPublication(
                    document.id.clone(),
                    publication,
                ));
            }
            ui.end_row();

            for (name, date) in [
                ("Published", &document.metadata.published),
                ("Updated", &document.metadata.updated),
            ] {
                if let Some(date) = date {
                    ui.label(name);
                    ui.label(date.replace('T', " "));
                    ui.end_row();
                }
            }

            ui.label("Added");
            // Wrapped, so the panel keeps its width whatever the labels beside it.
            ui.add(
                egui::Label::new(format!(
                    "{} · {}",
                    document.imported.strftime("%Y-%m-%d %H:%M UTC"),
                    document.kind.label()
                ))
                .wrap(),
            );
            ui.end_row();

            if let Some(path) = &document.original_path {
                ui.label("From");
                ui.add(egui::Label::new(RichText::new(path).small()).truncate())
                    .on_hover_text(path);
                ui.end_row();
            }
        });
}

fn buttons_ui(ui: &mut Ui, document: &Document, actions: &mut Vec<Action>) {
    ui.horizontal_wrapped(|ui| {
        for side in Side::BOTH {
            if ui
                .button(format!("Show on {}", side.label().to_lowercase()))
                .clicked()
            {
                actions.push(Action::ShowInPane(side, document.id.clone()));
            }
        }
        if ui
            .button("Replace text…")
            .on_hover_text(
                "Load a new version of this text (a corrected wire, a re-import); its claims are found again in it",
            )
            .clicked()
        {
            actions.push(Action::ChooseReplacementText(document.id.clone()));
        }
        if ui
            .button("Remove…")
            .on_hover_text("Remove this document and its claims from the project")
            .clicked()
        {
            actions.push(Action::AskRemoveDocument(document.id.clone()));
        }
    });
}

/// The metadata fields an item has, as (name, value) rows.
fn metadata_rows(metadata: &Metadata) -> Vec<(&'static str, String)> {
    let optional = [
        ("Encoding", &metadata.encoding),
        ("Item", &metadata.item_id),
        ("Version", &metadata.version),
        ("Version created", &metadata.version_created),
        ("First created", &metadata.first_created),
        ("Located", &metadata.located),
        ("Status", &metadata.pub_status),
        ("Replaces", &metadata.previous_version),
        ("Copyright", &metadata.copyright_holder),
        ("Credit line", &metadata.credit_line),
        ("Note to editors", &metadata.ednote),
    ];
    let mut rows: Vec<(&'static str, String)> = optional
        .into_iter()
        .filter_map(|(name, value)| Some((name, value.clone()?)))
        .collect();
    if !metadata.signals.is_empty() {
        rows.push(("Signals", metadata.signals.join(", ")));
    }
    if !metadata.info_sources.is_empty() {
        rows.push(("Sources", metadata.info_sources.join(", ")));
    }
    rows
}

fn metadata_ui(ui: &mut Ui, document: &Document) {
    let metadata = &document.metadata;
    let rows = metadata_rows(metadata);
    if metadata.signals.iter().any(|signal| signal == "correction") {
        ui.colored_label(ui.visuals().warn_fg_color, "This version is a correction");
    }
    if let Some(cut_off) = &metadata.cut_off {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            format!("⚠ {}", capitalise_first(&cut_off.describe())),
        )
        .on_hover_text(
            "Comparisons read the missing end as a cut in this copy, not as the publication's edit",
        );
    }
    for notice in &metadata.notices {
        ui.label(RichText::new(format!("Note: {notice}")).small());
    }
    CollapsingHeader::new(format!(
        "Item details ({})",
        rows.len() + metadata.hop_history.len()
    ))
    .id_salt(("item-details", &document.id))
    .show(ui, |ui| {
        if rows.is_empty() && metadata.hop_history.is_empty() {
            ui.weak("The source format said nothing more about this item.");
        }
        egui::Grid::new(("metadata", &document.id))
            .num_columns(2)
            .show(ui, |ui| {
                for (name, value) in &rows {
                    ui.label(RichText::new(*name).weak());
                    ui.add(egui::Label::new(value.as_str()).wrap());
                    ui.end_row();
                }
            });
        if !metadata.hop_history.is_empty() {
            ui.label(RichText::new("Handled by").weak());
            for hop in &metadata.hop_history {
                ui.label(RichText::new(hop).small());
            }
        }
    });
}

fn segments_ui(ui: &mut Ui, document: &Document, actions: &mut Vec<Action>) {
    CollapsingHeader::new(format!("Segments ({})", document.segments.len()))
        .id_salt(("segments", &document.id))
        .show(ui, |ui| {
            if document.segments.is_empty() {
                ui.weak("No segments were recognised in this document.");
            }
            let words = document.segment_words();
            for (index, (segment, words)) in document.segments.iter().zip(words).enumerate() {
                let number = index + 1;
                ui.horizontal(|ui| {
                    let role = choice_ui(
                        ui,
                        ("segment-role", &document.id, index),
                        Name::Text(&format!("Type of segment {number}")),
                        &segment.role,
                        &Role::ALL,
                        |role| role.label().to_owned(),
                        segment.role.label(),
                    );
                    let agency = choice_ui(
                        ui,
                        ("segment-agency", &document.id, index),
                        Name::Text(&format!("Agency of segment {number}")),
                        &segment.agency,
                        &agency_choices(&segment.agency),
                        |agency| agency.label().into_owned(),
                        segment.agency.label(),
                    );
                    if role.is_some() || agency.is_some() {
                        actions.push(Action::SetSegment(
                            document.id.clone(),
                            index,
                            role.unwrap_or(segment.role),
                            agency.unwrap_or_else(|| segment.agency.clone()),
                        ));
                    }
                });
                let preview: String = words.chars().take(SEGMENT_PREVIEW_CHARS).collect();
                ui.add(egui::Label::new(RichText::new(preview).small().weak()).truncate());
            }
        });
}

fn set_aside_ui(ui: &mut Ui, document: &Document, actions: &mut Vec<Action>) {
    CollapsingHeader::new(format!(
        "Set aside on import ({})",
        document.set_aside.len()
    ))
    .id_salt(("set-aside", &document.id))
    .show(ui, |ui| {
        if document.set_aside.is_empty() {
            ui.weak("Nothing was set aside: the document is the text as received.");
        }
        for (index, entry) in document.set_aside.iter().enumerate() {
            let text = entry.text.trim();
            ui.label(RichText::new(&entry.reason).small().weak());
            ui.horizontal(|ui| {
                if ui
                    .small_button("Put back")
                    .accessible_name(format!("Put back “{text}”"))
                    .on_hover_text("Put this text back into the document where it was")
                    .clicked()
                {
                    actions.push(Action::RestoreSetAside(document.id.clone(), index));
                }
                ui.add(egui::Label::new(text).truncate())
                    .on_hover_text(text);
            });
        }
    });
}
