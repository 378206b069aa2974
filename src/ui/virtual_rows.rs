//! A scrolling list of rows of different heights (wrapped sentences), of which only
//! the rows in view are laid out, so a 1 MB story's ten thousand sentences cost no
//! more per frame than one screenful.
//!
//! egui's `ScrollArea::show_rows` needs one row height for all rows. Here each row's
//! height is measured when it is drawn and estimated until then; the list's length
//! and the rows' places settle as the editor scrolls.

use egui::{ScrollArea, Ui, UiBuilder};

/// Row heights measured so far, kept between frames.
#[derive(Clone, Debug, Default)]
pub struct RowHeights {
    /// What the rows were measured for (the rows' content and the width); a new key
    /// starts the measurements afresh.
    key: u64,
    /// Height of each row, in points: measured, or the estimate.
    heights: Vec<f32>,
}

impl RowHeights {
    /// Starts afresh for `count` rows when `key` changed.
    fn prepare(&mut self, key: u64, count: usize, estimate: f32) {
        if self.key != key || self.heights.len() != count {
            self.key = key;
            self.heights = vec![estimate; count];
        }
    }

    /// Where each row starts, from the top of the list.
    fn tops(&self) -> Vec<f32> {
        let mut top = 0.0;
        self.heights
            .iter()
            .map(|height| {
                let this = top;
                top += height;
                this
            })
            .collect()
    }
}

/// Draws `count` rows with `row_ui`, laying out only the ones in view. `key` names what
/// the rows show (a new key forgets the measured heights); `scroll_to` brings a row to
/// the top of the view.
pub fn show(
    ui: &mut Ui,
    id_salt: &str,
    heights: &mut RowHeights,
    key: u64,
    count: usize,
    estimate: f32,
    scroll_to: Option<usize>,
    mut row_ui: impl FnMut(&mut Ui, usize),
) {
    heights.prepare(key, count, estimate);
    let tops = heights.tops();
    let total: f32 = heights.heights.iter().sum();
    let mut area = ScrollArea::vertical().id_salt(id_salt).auto_shrink(false);
    if let Some(row) = scroll_to
        && let Some(top) = tops.get(row)
    {
        area = area.vertical_scroll_offset(*top);
    }
    area.show_viewport(ui, |ui, viewport| {
        ui.set_height(total);
        let first = tops
            .partition_point(|top| *top <= viewport.min.y)
            .saturating_sub(1);
        let Some(first_top) = tops.get(first) else {
            return;
        };
        let origin = ui.max_rect().min;
        let rect = egui::Rect::from_min_max(
            origin + egui::vec2(0.0, *first_top),
            egui::pos2(ui.max_rect().right(), f32::INFINITY),
        );
        ui.scope_builder(UiBuilder::new().max_rect(rect), |ui| {
            ui.skip_ahead_auto_ids(first);
            for row in first..count {
                let top = ui.cursor().top();
                if top - origin.y > viewport.max.y {
                    break;
                }
                row_ui(ui, row);
                heights.heights[row] = ui.cursor().top() - top;
            }
        });
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_rows_in_view_are_drawn_and_measured() {
        let mut heights = RowHeights::default();
        let mut drawn = Vec::new();
        let mut harness = egui_kittest::Harness::new_ui(|ui| {
            drawn.clear();
            show(
                ui,
                "rows",
                &mut heights,
                1,
                10_000,
                20.0,
                None,
                |ui, row| {
                    drawn.push(row);
                    ui.label(format!("row {row}"));
                },
            );
        });
        harness.run();
        drop(harness);
        assert!(!drawn.is_empty());
        assert!(drawn.len() < 200, "{} rows drawn", drawn.len());
        assert_eq!(drawn[0], 0);
        assert!(heights.heights[0] > 0.0 && heights.heights[0] < 20.0);
        assert!((heights.heights[9_999] - 20.0).abs() < f32::EPSILON);
    }
}
