//! The provenance view: the right pane's version with each sentence tinted by the
//! source it most likely came from, and the sentences no source accounts for
//! underlined as unsourced: where a checker looks first.

use egui::text::{LayoutJob, LayoutSection, TextWrapping};
use egui::{RichText, ScrollArea, Sense, Ui};

use crate::core::anchor::byte_range;
use crate::core::article::Document;
use crate::core::provenance::{ProvenanceMap, UNSOURCED};

use super::action::Action;
use super::background::Work;
use super::documents_panel::display_label;
use super::state::{Session, Side};
use super::theme;
use super::widgets::{Name, choice_ui};

/// Draws the provenance of the right pane's document against the project's others.
pub fn ui(
    ui: &mut Ui,
    session: &Session,
    work: Option<&Work<ProvenanceMap>>,
    actions: &mut Vec<Action>,
) {
    let project = &session.project;
    let Some(published) = session.pane_document(Side::Right) else {
        ui.weak(
            "Show the version about to run in the right pane to see where its sentences came from.",
        );
        return;
    };
    ui.horizontal(|ui| {
        let label = ui.label("Published version");
        let documents: Vec<_> = project.documents.iter().map(|d| d.id.clone()).collect();
        if let Some(picked) = choice_ui(
            ui,
            "provenance-document",
            Name::LabelledBy(label.id),
            &published.id,
            &documents,
            |id| {
                project
                    .document(id)
                    .map_or_else(String::new, |d| display_label(d).into_owned())
            },
            display_label(published),
        ) {
            actions.push(Action::ShowInPane(Side::Right, picked));
        }
        ui.weak("compared with every other version in the project");
    });
    if project.documents.len() < 2 {
        ui.weak("Add the wire versions this copy was edited from to see what came from where.");
        return;
    }
    let map = match work {
        Some(Work::Ready(map)) => map.clone(),
        Some(Work::Failed) => {
            ui.colored_label(
                ui.visuals().error_fg_color,
                "The sources could not be traced; see the log for why.",
            );
            return;
        }
        _ => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label("Tracing the sources…");
            });
            return;
        }
    };
    let sources: Vec<String> = map
        .summary()
        .into_iter()
        .map(|(source, _)| source)
        .filter(|source| source != UNSOURCED)
        .collect();
    summary_ui(ui, published, &map, &sources, actions);
    ui.separator();
    ScrollArea::vertical()
        .id_salt("provenance-text")
        .auto_shrink(false)
        .show(ui, |ui| {
            let width = ui.available_width().min(theme::MAX_TEXT_WIDTH);
            let job = provenance_job(published, &map, &sources, ui.visuals(), width);
            let galley = ui.fonts_mut(|fonts| fonts.layout_job(job));
            let (response, painter) =
                ui.allocate_painter(galley.size() + egui::vec2(0.0, 8.0), Sense::hover());
            painter.galley(response.rect.min, galley.clone(), ui.visuals().text_color());
            let response =
                response.accessible_name(format!("Provenance of {}", display_label(published)));
            if let Some(pointer) = response.hover_pos() {
                let cursor = galley.cursor_from_pos(pointer - response.rect.min);
                let hovered = map
                    .sentences
                    .iter()
                    .find(|sentence| sentence.chars.contains(&cursor.index.0));
                if let Some(sentence) = hovered {
                    response.on_hover_ui_at_pointer(|ui| {
                        origin_tooltip_ui(ui, session, sentence);
                    });
                }
            }
        });
}

/// The summary line, the colour key and the "make claims" button.
fn summary_ui(
    ui: &mut Ui,
    published: &Document,
    map: &ProvenanceMap,
    sources: &[String],
    actions: &mut Vec<Action>,
) {
    ui.label(RichText::new(map.summary_line()).strong())
        .on_hover_text("Share of the published words that come from each source");
    ui.horizontal_wrapped(|ui| {
        let visuals = ui.visuals().clone();
        for (index, source) in sources.iter().enumerate() {
            ui.label(
                RichText::new(format!(" {source} "))
                    .background_color(theme::source_color(index, &visuals)),
            );
        }
        ui.label(theme::unsourced_words(UNSOURCED, &visuals))
            .on_hover_text("No sentence of any other version says this");
        let unsourced: Vec<_> = map.unsourced().collect();
        if !unsourced.is_empty()
            && ui
                .button(format!(
                    "Make claims from all unsourced sentences ({})",
                    unsourced.len()
                ))
                .on_hover_text("The desk must stand behind these itself: check each one")
                .clicked()
        {
            actions.push(Action::MakeClaims {
                document: published.id.clone(),
                sentences: unsourced
                    .into_iter()
                    .map(|chars| (chars, Vec::new()))
                    .collect(),
            });
        }
    });
}

/// The published text with each sentence marked by where it came from.
fn provenance_job(
    published: &Document,
    map: &ProvenanceMap,
    sources: &[String],
    visuals: &egui::Visuals,
    wrap_width: f32,
) -> LayoutJob {
    let text = &published.text;
    let base = theme::story_format(visuals, false);
    let mut sections = Vec::new();
    let mut cursor = 0;
    let mut push = |bytes: std::ops::Range<usize>, format: egui::TextFormat| {
        if !bytes.is_empty() {
            sections.push(LayoutSection {
                leading_space: 0.0,
                byte_range: bytes.start.into()..bytes.end.into(),
                format,
            });
        }
    };
    for sentence in &map.sentences {
        let Some(bytes) = byte_range(text, &sentence.chars) else {
            continue;
        };
        if bytes.start < cursor {
            continue;
        }
        push(cursor..bytes.start, base.clone());
        let mut format = base.clone();
        match &sentence.origin {
            Some(origin) => {
                let index = sources
                    .iter()
                    .position(|s| *s == origin.source)
                    .unwrap_or(0);
                format.background = theme::source_color(index, visuals);
            }
            None => theme::mark_unsourced(&mut format, visuals),
        }
        push(bytes.clone(), format);
        cursor = bytes.end;
    }
    push(cursor..text.len(), base);
    LayoutJob {
        text: text.clone(),
        sections,
        wrap: TextWrapping {
            max_width: wrap_width,
            ..TextWrapping::default()
        },
        ..LayoutJob::default()
    }
}

/// Where a hovered sentence came from.
fn origin_tooltip_ui(
    ui: &mut Ui,
    session: &Session,
    sentence: &crate::core::provenance::SentenceOrigin,
) {
    let Some(origin) = &sentence.origin else {
        ui.label(RichText::new("Unsourced").strong());
        ui.label("No sentence of any other version says this: check it.");
        return;
    };
    let document = session.project.document(&origin.document);
    ui.label(
        RichText::new(format!(
            "From {} · {:.0}% alike",
            origin.source,
            origin.similarity * 100.0
        ))
        .strong(),
    );
    if let Some(document) = document {
        ui.weak(display_label(document));
        let source_sentence: String = document
            .text
            .chars()
            .skip(origin.chars.start)
            .take(origin.chars.len())
            .collect();
        ui.set_max_width(420.0);
        ui.label(source_sentence);
    }
}
