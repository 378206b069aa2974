//! Painting only the rows of a long laid-out text that are in view.
//!
//! A pane shows a whole story as one `TextEdit`, which gives selection, keyboard
//! movement, copying and accessibility for free. But a 1 MB story is 20,000 rows, and
//! egui walks every row of every text it is given to paint, each frame (to count them
//! for its statistics and to cull them), which alone costs milliseconds. So the pane
//! draws its `TextEdit` fully transparent (egui then adds no shapes for it, while it
//! still takes clicks, drags and keys) and paints here a copy of the galley that holds
//! only the rows in view, with the selection and the caret on it.

use std::ops::Range;
use std::sync::Arc;

use egui::text::{CCursor, CCursorRange};
use egui::text_selection::visuals::paint_text_selection;
use egui::{Galley, Pos2, Rect, Ui};

/// What painting part of one laid-out text needs, worked out once per layout.
pub struct RowsInView {
    /// The galley with no rows: cloned and filled with the rows in view each frame, so
    /// the whole galley is never copied.
    empty: Galley,
    /// The character index at which each row starts.
    row_starts: Vec<usize>,
}

impl RowsInView {
    /// Prepares `galley` for painting in part.
    pub fn new(galley: &Galley) -> Self {
        let mut row_starts = Vec::with_capacity(galley.rows.len());
        let mut start = 0;
        for row in &galley.rows {
            row_starts.push(start);
            start += usize::from(row.char_count_including_newline());
        }
        let mut empty = galley.clone();
        empty.rows = Vec::new();
        Self { empty, row_starts }
    }

    /// The rows of `galley` that overlap `visible` (in the galley's coordinates).
    fn rows_overlapping(galley: &Galley, visible: Rect) -> Range<usize> {
        let first = galley
            .rows
            .partition_point(|row| row.rect().bottom() < visible.top());
        let end = galley.rows[first..].partition_point(|row| row.rect().top() <= visible.bottom());
        first..first + end
    }

    /// A galley with only `rows` of `galley`, placed where they are in it.
    fn window(&self, galley: &Galley, rows: Range<usize>) -> Galley {
        let mut window = self.empty.clone();
        window.rows = galley.rows[rows].to_vec();
        window.num_vertices = window
            .rows
            .iter()
            .map(|r| r.visuals.mesh.vertices.len())
            .sum();
        window.num_indices = window
            .rows
            .iter()
            .map(|r| r.visuals.mesh.indices.len())
            .sum();
        window
    }

    /// Paints the rows of `galley` (drawn at `galley_pos`) that are inside the clip
    /// rectangle, with `selection` highlighted and, when `focused`, the caret at its
    /// primary end. `galley` must be the one this was prepared for.
    pub fn paint(
        &self,
        ui: &Ui,
        galley: &Galley,
        galley_pos: Pos2,
        selection: Option<CCursorRange>,
        focused: bool,
    ) {
        let visible = ui.clip_rect().translate(-galley_pos.to_vec2());
        let rows = Self::rows_overlapping(galley, visible);
        let Some(&first_char) = self.row_starts.get(rows.start) else {
            return;
        };
        let mut window = Arc::new(self.window(galley, rows));
        let shift = |cursor: CCursor| CCursor {
            index: cursor.index.saturating_sub(first_char),
            ..cursor
        };
        if focused && let Some(selection) = selection {
            let shifted = CCursorRange {
                primary: shift(selection.primary),
                secondary: shift(selection.secondary),
                h_pos: selection.h_pos,
            };
            paint_text_selection(&mut window, ui.visuals(), &shifted, None);
            if selection.is_empty() {
                let caret = window
                    .pos_from_cursor(shift(selection.primary))
                    .translate(galley_pos.to_vec2());
                let stroke = ui.visuals().text_cursor.stroke;
                ui.painter()
                    .vline(caret.left(), caret.top()..=caret.bottom(), stroke);
            }
        }
        ui.painter()
            .galley(galley_pos, window, ui.visuals().text_color());
    }
}
