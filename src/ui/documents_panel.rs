//! The documents list (left): every version of the story in the project, and the
//! details of the selected one.

use egui::{RichText, ScrollArea, TextEdit, Ui};

use crate::core::article::{Document, Source};

use super::action::Action;
use super::derived::WordCounts;
use super::state::{Session, Side};
use super::widgets::choice_ui;

/// Shown for a document whose label was cleared.
const UNTITLED: &str = "Untitled document";

/// Draws the project title, the documents list and the selected document's details.
pub fn ui(ui: &mut Ui, session: &Session, word_counts: &mut WordCounts, actions: &mut Vec<Action>) {
    project_title_ui(ui, session, actions);
    ui.separator();

    ui.heading(format!("Documents ({})", session.project.documents.len()));
    ui.horizontal_wrapped(|ui| add_article_buttons_ui(ui, actions));
    ui.add_space(4.0);

    let details_height = if session.selected_document.is_some() {
        230.0
    } else {
        0.0
    };
    ScrollArea::vertical()
        .id_salt("documents-list")
        .max_height((ui.available_height() - details_height).max(80.0))
        .auto_shrink([false, true])
        .show(ui, |ui| {
            if session.project.documents.is_empty() {
                ui.weak("No documents yet. Add the wire copy and the version you are checking.");
            }
            for document in &session.project.documents {
                document_row_ui(ui, session, document, word_counts, actions);
            }
        });

    if let Some(document) = session
        .selected_document
        .as_ref()
        .and_then(|document_id| session.project.document(document_id))
    {
        ui.separator();
        document_details_ui(ui, document, actions);
    }
}

fn project_title_ui(ui: &mut Ui, session: &Session, actions: &mut Vec<Action>) {
    let label = ui.label("Project title");
    let mut title = session.project.title.clone();
    if ui
        .add(TextEdit::singleline(&mut title).desired_width(f32::INFINITY))
        .labelled_by(label.id)
        .changed()
    {
        actions.push(Action::RenameProject(title));
    }
}

/// The two ways to add a version of the story, wherever the workbench offers them.
pub fn add_article_buttons_ui(ui: &mut Ui, actions: &mut Vec<Action>) {
    if ui
        .button("Add article from file…")
        .on_hover_text("Add a plain-text version of the story (.txt)")
        .clicked()
    {
        actions.push(Action::ChooseArticleFile);
    }
    if ui
        .button("Paste as new article")
        .on_hover_text("Add the text on the clipboard as a new version")
        .clicked()
    {
        actions.push(Action::PasteAsArticle);
    }
}

/// A document's label, or "Untitled document" when the editor cleared it.
pub fn display_label(document: &Document) -> &str {
    if document.label.trim().is_empty() {
        UNTITLED
    } else {
        &document.label
    }
}

fn document_row_ui(
    ui: &mut Ui,
    session: &Session,
    document: &Document,
    word_counts: &mut WordCounts,
    actions: &mut Vec<Action>,
) {
    let selected = session.selected_document.as_ref() == Some(&document.id);
    let row = ui.add_sized(
        [ui.available_width(), 0.0],
        // The growing atom after the label keeps it flush left.
        egui::Button::selectable(
            selected,
            (
                RichText::new(display_label(document)).strong(),
                egui::Atom::grow(),
            ),
        ),
    );
    if row.clicked() {
        actions.push(Action::SelectDocument(document.id.clone()));
    }
    let claims = session.project.claims_on(&document.id).count();
    let panes: Vec<&str> = Side::BOTH
        .into_iter()
        .filter(|side| session.panes[side.index()].as_ref() == Some(&document.id))
        .map(Side::label)
        .collect();
    let mut details = format!(
        "{} · {} words · {} claim{}",
        document.source.label(),
        word_counts.of(document),
        claims,
        if claims == 1 { "" } else { "s" }
    );
    if !panes.is_empty() {
        details.push_str(" · shown ");
        details.push_str(&panes.join(" and ").to_lowercase());
    }
    ui.label(RichText::new(details).small().weak());
    ui.add_space(4.0);
}

fn document_details_ui(ui: &mut Ui, document: &Document, actions: &mut Vec<Action>) {
    ui.strong("Selected document");
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
                label.id,
                document.source,
                &Source::ALL,
                Source::label,
                document.source.label(),
            );
            if let Some(source) = picked {
                actions.push(Action::SetDocumentSource(document.id.clone(), source));
            }
            ui.end_row();

            ui.label("Added");
            ui.label(format!(
                "{} · {}",
                document.imported.strftime("%Y-%m-%d %H:%M UTC"),
                document.kind.label()
            ));
            ui.end_row();

            if let Some(path) = &document.original_path {
                ui.label("From");
                ui.add(egui::Label::new(RichText::new(path).small()).truncate())
                    .on_hover_text(path);
                ui.end_row();
            }
        });
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
            .button("Remove…")
            .on_hover_text("Remove this document and its claims from the project")
            .clicked()
        {
            actions.push(Action::AskRemoveDocument(document.id.clone()));
        }
    });
}
