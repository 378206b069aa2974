//! The documents list (left): every version of the story in the project, and the
//! details of the selected one.

use std::borrow::Cow;
use std::fmt::Write as _;

use egui::{RichText, ScrollArea, TextEdit, Ui};

use crate::core::article::Document;
use crate::core::import::capitalise_first;

use super::action::Action;
use super::derived::TextFacts;
use super::document_details;
use super::state::{Session, Side};

/// Shown for a document whose label was cleared.
pub const UNTITLED: &str = "Untitled document";

/// Draws the project title, the documents list and the selected document's details.
pub fn ui(ui: &mut Ui, session: &Session, text_facts: &mut TextFacts, actions: &mut Vec<Action>) {
    project_title_ui(ui, session, actions);
    ui.separator();

    ui.heading(format!("Documents ({})", session.project.documents.len()));
    ui.horizontal_wrapped(|ui| add_article_buttons_ui(ui, actions));
    ui.add_space(4.0);

    ScrollArea::vertical()
        .id_salt("documents-panel")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if session.project.documents.is_empty() {
                ui.weak("No documents yet. Add the wire copy and the version you are checking, or drop their files on the window.");
            }
            for document in &session.project.documents {
                document_row_ui(ui, session, document, text_facts, actions);
            }
            if let Some(document) = session
                .selected_document
                .as_ref()
                .and_then(|document_id| session.project.document(document_id))
            {
                ui.separator();
                document_details::ui(ui, document, actions);
            }
        });
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
        .on_hover_text("Add versions of the story: text files, saved web pages, IPTC ninjs (.json) or NewsML-G2 (.xml)")
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

/// A document's name as the editor reads it wherever documents are listed or picked:
/// its label (or "Untitled document" when the editor cleared it) and, when known and
/// not already in the label, its publication ("Tens of thousands flee… · Gulf Daily"),
/// so that republications of one story under one headline can be told apart.
pub fn display_label(document: &Document) -> Cow<'_, str> {
    let label = if document.label.trim().is_empty() {
        UNTITLED
    } else {
        &document.label
    };
    match &document.metadata.publication {
        Some(publication) if !label.to_lowercase().contains(&publication.to_lowercase()) => {
            Cow::Owned(format!("{label} · {publication}"))
        }
        _ => Cow::Borrowed(label),
    }
}

fn document_row_ui(
    ui: &mut Ui,
    session: &Session,
    document: &Document,
    text_facts: &mut TextFacts,
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
    let mut details = String::new();
    if let Some(cut_off) = &document.metadata.cut_off {
        // Said in words as well as by the mark, for readers of the list.
        details.push_str("⚠ may be cut off · ");
        row.clone()
            .on_hover_text(capitalise_first(&cut_off.describe()));
    }
    // Writing to a String cannot fail.
    let _ = write!(
        details,
        "{} · {} words · {} claim{}",
        document.source.label(),
        text_facts.words(document),
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
