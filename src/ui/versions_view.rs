//! The versions view: every version of the story aligned to one base version, sentence
//! by sentence, each other version's counterpart beside the base sentence (or
//! "absent"), with its changed words marked. Runs of sentences every version keeps
//! as they are fold into "n unchanged sentences" rows.

use egui::{RichText, Ui};

use crate::core::align::RowKind;
use crate::core::align::versions::{VersionCell, VersionRow};
use crate::core::article::Document;
use crate::core::diff::{Span, WordDiff};

use super::action::Action;
use super::background::Work;
use super::derived::VersionsAlignment;
use super::documents_panel::display_label;
use super::pane_text::{PaneMarks, StoryStyle, layout_job};
use super::state::Session;
use super::virtual_rows::{self, RowHeights};
use super::widgets::{Name, choice_ui};

/// Runs of unchanged sentences shorter than this are shown as they are.
const MIN_FOLDED: usize = 3;
/// How tall a row is before it is measured, in points.
const ESTIMATED_ROW_HEIGHT: f32 = 60.0;

/// A line of the table as drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Line {
    /// A row of the table (index into the rows).
    Row(usize),
    /// A run of unchanged rows, folded or open: its first row and length.
    Stretch {
        first: usize,
        count: usize,
        open: bool,
    },
}

/// What the view remembers between frames.
#[derive(Default)]
pub struct VersionsMemory {
    /// Heights of the lines measured so far.
    heights: RowHeights,
}

/// Draws the versions view. `scroll_to_cursor` brings the row F7 moved to into view.
pub fn ui(
    ui: &mut Ui,
    session: &Session,
    work: Option<&Work<VersionsAlignment>>,
    scroll_to_cursor: bool,
    memory: &mut VersionsMemory,
    actions: &mut Vec<Action>,
) {
    let project = &session.project;
    let Some(base) = session.versions_base() else {
        ui.weak("Add versions of the story to compare them sentence by sentence.");
        return;
    };
    ui.horizontal(|ui| {
        let label = ui.label("Base version");
        let documents: Vec<_> = project.documents.iter().map(|d| d.id.clone()).collect();
        if let Some(picked) = choice_ui(
            ui,
            "versions-base",
            Name::LabelledBy(label.id),
            &base.id,
            &documents,
            |id| {
                project
                    .document(id)
                    .map_or_else(String::new, |d| display_label(d).into_owned())
            },
            display_label(base),
        ) {
            actions.push(Action::SetVersionsBase(picked));
        }
        ui.weak("Each other version's sentences beside the base's; F7 goes to the next difference");
    });
    if project.documents.len() < 2 {
        ui.weak("Add another version of the story to align it with this one.");
        return;
    }
    let versions = match work {
        Some(Work::Ready(versions)) if versions.base == base.id => versions.clone(),
        Some(Work::Failed) => {
            ui.colored_label(
                ui.visuals().error_fg_color,
                "The versions could not be aligned; see the log for why.",
            );
            return;
        }
        _ => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label("Aligning the versions…");
            });
            return;
        }
    };
    let others: Vec<(&Document, &WordDiff)> = versions
        .others
        .iter()
        .filter_map(|(id, diff)| Some((project.document(id)?, diff)))
        .collect();
    header_ui(ui, base, &others);
    ui.separator();
    let lines = lines(&versions.rows, session);
    let scroll_to = session
        .versions_cursor
        .filter(|_| scroll_to_cursor)
        .and_then(|cursor| lines.iter().position(|line| *line == Line::Row(cursor)));
    let key = {
        use std::hash::{DefaultHasher, Hash as _, Hasher as _};
        let mut hasher = DefaultHasher::new();
        lines.hash(&mut hasher);
        ui.available_width().to_bits().hash(&mut hasher);
        std::ptr::from_ref(&*versions).hash(&mut hasher);
        hasher.finish()
    };
    virtual_rows::show(
        ui,
        "versions-table",
        &mut memory.heights,
        key,
        lines.len(),
        ESTIMATED_ROW_HEIGHT,
        scroll_to,
        |ui, index| match lines[index] {
            Line::Row(row) => {
                let selected = session.versions_cursor == Some(row);
                row_ui(ui, base, &others, &versions.rows[row], selected);
            }
            Line::Stretch { first, count, open } => {
                let text = if open {
                    format!("Fold the {count} unchanged sentences")
                } else {
                    format!("Show {count} unchanged sentences")
                };
                if ui
                    .button(text)
                    .on_hover_text("Every version has these sentences as the base has them")
                    .clicked()
                {
                    actions.push(Action::ToggleStretch(first));
                }
            }
        },
    );
}

/// The column headings: the base, then each other version.
fn header_ui(ui: &mut Ui, base: &Document, others: &[(&Document, &WordDiff)]) {
    ui.columns(others.len() + 1, |columns| {
        columns[0].label(RichText::new(format!("{} (base)", display_label(base))).strong());
        for ((document, diff), column) in others.iter().zip(&mut columns[1..]) {
            column.label(RichText::new(display_label(document)).strong());
            let stats = diff.stats;
            column
                .weak(format!(
                    "{} changed · {} moved · {} added · {} absent",
                    count(diff, RowKind::Changed),
                    count(diff, RowKind::Moved),
                    count(diff, RowKind::Inserted),
                    count(diff, RowKind::Deleted),
                ))
                .on_hover_text(format!(
                    "Sentences compared with the base; {} words kept, {} deleted, {} inserted",
                    stats.words_kept, stats.words_deleted, stats.words_inserted
                ));
        }
    });
}

fn count(diff: &WordDiff, kind: RowKind) -> usize {
    diff.alignment
        .rows()
        .iter()
        .filter(|row| row.kind == kind)
        .count()
}

/// The lines to draw: rows, with runs of unchanged rows folded unless opened.
fn lines(rows: &[VersionRow], session: &Session) -> Vec<Line> {
    let mut lines = Vec::with_capacity(rows.len());
    let mut index = 0;
    while index < rows.len() {
        let run = rows[index..].iter().take_while(|row| row.is_same()).count();
        if run >= MIN_FOLDED {
            let open = session.expanded_stretches.contains(&index);
            lines.push(Line::Stretch {
                first: index,
                count: run,
                open,
            });
            if open {
                lines.extend((index..index + run).map(Line::Row));
            }
            index += run;
        } else {
            lines.push(Line::Row(index));
            index += 1;
        }
    }
    lines
}

/// One row: the base sentence and each version's counterpart.
fn row_ui(
    ui: &mut Ui,
    base: &Document,
    others: &[(&Document, &WordDiff)],
    row: &VersionRow,
    selected: bool,
) {
    let fill = if selected {
        ui.visuals().selection.bg_fill.gamma_multiply(0.3)
    } else {
        egui::Color32::TRANSPARENT
    };
    egui::Frame::new()
        .fill(fill)
        .inner_margin(egui::Margin::symmetric(0, 3))
        .show(ui, |ui| {
            ui.columns(others.len() + 1, |columns| {
                let base_text = row.base.and_then(|unit| {
                    let (_, diff) = others.first()?;
                    let unit = diff.alignment.old_units().get(unit)?;
                    Some((base.text.get(unit.bytes.clone())?, unit.bytes.start))
                });
                match base_text {
                    Some((text, _)) => {
                        columns[0].label(text);
                    }
                    None => {
                        columns[0].weak("(not in the base)");
                    }
                }
                for ((cell, (document, diff)), column) in
                    row.cells.iter().zip(others).zip(&mut columns[1..])
                {
                    cell_ui(column, document, diff, *cell, row.base.is_some());
                }
            });
        });
    ui.separator();
}

/// One version's sentence in a row, its changed words marked, and what it is to the
/// base sentence.
fn cell_ui(
    ui: &mut Ui,
    document: &Document,
    diff: &WordDiff,
    cell: Option<VersionCell>,
    has_base: bool,
) {
    let Some(cell) = cell else {
        if has_base {
            ui.label(RichText::new("absent").italics().weak())
                .on_hover_text("This version does not have the base's sentence");
        }
        return;
    };
    let Some(unit) = diff.alignment.new_units().get(cell.unit) else {
        return;
    };
    let Some(text) = document.text.get(unit.bytes.clone()) else {
        return;
    };
    let (_, new_spans) = diff.row_spans(cell.alignment_row);
    let spans: Vec<Span> = new_spans
        .into_iter()
        .map(|span| Span {
            kind: span.kind,
            bytes: span.bytes.start - unit.bytes.start..span.bytes.end - unit.bytes.start,
        })
        .collect();
    let marks = PaneMarks {
        spans: &spans,
        ..PaneMarks::default()
    };
    let style = StoryStyle {
        visuals: ui.visuals(),
        monospace: false,
    };
    let mut job = layout_job(text, &marks, &style, ui.available_width());
    for section in &mut job.sections {
        section.format.font_id = egui::TextStyle::Body.resolve(ui.style());
        section.format.line_height = None;
    }
    ui.label(job);
    let note = match cell.kind {
        RowKind::Same => return,
        RowKind::Changed => format!("reworded · {:.0}% alike", cell.similarity * 100.0),
        RowKind::Moved => format!(
            "moved: ¶{} in this version · {:.0}% alike",
            unit.paragraph + 1,
            cell.similarity * 100.0
        ),
        RowKind::Inserted => "added in this version".to_owned(),
        RowKind::Deleted => "absent".to_owned(),
    };
    ui.label(RichText::new(note).small().italics().weak());
}
