//! Labels in a pane's left margin saying what each part of the text is ("CAPTION ·
//! AFP", "BODY · Reuters"), with a right-click menu to correct a segment's type or
//! agency.

use egui::text::CCursor;
use egui::{Galley, Pos2, Rect, RichText, Sense, Ui, pos2, vec2};

use crate::core::agency::Agency;
use crate::core::article::{Document, Role};

use super::action::Action;
use super::theme;

/// Width of the margin that holds the labels, in points.
pub const MARGIN_WIDTH: i8 = 96;

/// Draws the labels beside the text laid out as `galley` at `galley_pos`. A label is
/// shown where a segment starts, unless it repeats the one just above it (one "BODY ·
/// Reuters" for a run of body paragraphs).
pub fn labels_ui(
    ui: &mut Ui,
    document: &Document,
    galley: &Galley,
    galley_pos: Pos2,
    left: f32,
    actions: &mut Vec<Action>,
) {
    let mut previous_label = None;
    let mut free_from_y = f32::NEG_INFINITY;
    for (index, segment) in document.segments.iter().enumerate() {
        let label = segment.margin_label();
        if previous_label.as_ref() == Some(&label) {
            continue;
        }
        let row = galley.pos_from_cursor(CCursor::new(segment.start));
        // Two segments starting on one line (a dateline and its body) stack.
        let top = (galley_pos.y + row.min.y).max(free_from_y);
        let visible = ui.clip_rect().y_range();
        if top > visible.max {
            break;
        }
        if top + row.height() < visible.min {
            previous_label = Some(label);
            continue;
        }
        let rect = Rect::from_min_size(
            pos2(left + 6.0, top),
            vec2(f32::from(MARGIN_WIDTH) - 12.0, row.height()),
        );
        let text = RichText::new(&label)
            .small()
            .color(theme::segment_label_color(ui.visuals()));
        let response = ui
            .put(
                rect,
                egui::Label::new(text).truncate().sense(Sense::click()),
            )
            .on_hover_text("Right-click to correct what this part is or who it is credited to");
        free_from_y = response.rect.bottom() + 2.0;
        response.context_menu(|ui| correction_menu_ui(ui, document, index, actions));
        previous_label = Some(label);
    }
}

/// The agencies offered for a segment: the known ones, the segment's own other agency
/// if it has one, and "unknown".
pub fn agency_choices(current: &Agency) -> Vec<Agency> {
    let mut choices: Vec<Agency> = Agency::known().collect();
    if let Agency::Other(_) = current {
        choices.push(current.clone());
    }
    choices.push(Agency::Unknown);
    choices
}

fn correction_menu_ui(ui: &mut Ui, document: &Document, index: usize, actions: &mut Vec<Action>) {
    let Some(segment) = document.segments.get(index) else {
        return;
    };
    let mut set = |role: Role, agency: Agency| {
        actions.push(Action::SetSegment(document.id.clone(), index, role, agency));
    };
    ui.menu_button("Type", |ui| {
        for role in Role::ALL {
            if ui.radio(segment.role == role, role.label()).clicked() && segment.role != role {
                set(role, segment.agency.clone());
            }
        }
    });
    ui.menu_button("Agency", |ui| {
        for agency in agency_choices(&segment.agency) {
            let current = segment.agency == agency;
            if ui.radio(current, agency.label()).clicked() && !current {
                set(segment.role, agency);
            }
        }
    });
}
