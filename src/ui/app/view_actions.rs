//! How the workbench applies the actions that change how it looks, not the project:
//! the command palette, the find bar, panels and panes, theme and text size. Called
//! from [`FactdeskApp::apply`] only.

use egui::Context;

use super::FactdeskApp;
use crate::core::article::DocumentId;
use crate::ui::commands::Command;
use crate::ui::state::{
    FindState, FocusTarget, MAX_PANES, Modal, NoticeKind, PaletteState, ScrollTarget, Side,
    ThemeChoice,
};

/// The smallest and largest zoom, so a stray key press cannot make the window unusable.
const ZOOM_RANGE: std::ops::RangeInclusive<f32> = 0.5..=3.0;

impl FactdeskApp {
    /// Gives a command from the table, as its menu entry would.
    pub(super) fn run_command(&mut self, command: Command, ctx: &Context) {
        self.state.modal = None;
        let action = command.action(&self.state);
        self.apply(action, ctx);
    }

    /// Shows what the command palette has typed and chosen, while it is open.
    pub(super) fn update_palette(&mut self, palette: PaletteState) {
        if matches!(self.state.modal, Some(Modal::Palette(_))) {
            self.state.modal = Some(Modal::Palette(palette));
        }
    }

    /// Opens the find bar, or gives it the keyboard when it is open; words selected in a
    /// pane (on one line) become what to find.
    pub(super) fn open_find(&mut self) {
        let Some(session) = &mut self.state.session else {
            return;
        };
        let find = session.find.get_or_insert_with(FindState::default);
        if let Some(selection) = &session.text_selection
            && !selection.words.contains('\n')
        {
            find.query.clone_from(&selection.words);
            find.current = None;
        }
        session.focus_request = Some(FocusTarget::Find);
    }

    /// Changes what the find bar looks for (or closes it, with `None`).
    pub(super) fn set_find(&mut self, find: Option<FindState>) {
        if let Some(session) = &mut self.state.session {
            session.find = find;
        }
    }

    /// Swaps the documents of the two panes.
    pub(super) fn swap_panes(&mut self) {
        if let Some(session) = &mut self.state.session {
            session.panes.swap(0, 1);
        }
    }

    /// Shows one more pane, with the first document no pane shows.
    pub(super) fn add_pane(&mut self) {
        let Some(session) = &mut self.state.session else {
            return;
        };
        let shown: Vec<DocumentId> = session
            .shown_panes()
            .into_iter()
            .filter_map(|pane| {
                session
                    .document_in(pane)
                    .map(|document| document.id.clone())
            })
            .collect();
        if session.shown_panes().len() >= MAX_PANES {
            self.notify(
                NoticeKind::Warning,
                format!("At most {MAX_PANES} panes are shown side by side"),
            );
            return;
        }
        let Some(next) = session
            .project
            .documents
            .iter()
            .find(|document| !shown.contains(&document.id))
        else {
            self.notify(NoticeKind::Warning, "Every document is in a pane already");
            return;
        };
        session.extra_panes.push(next.id.clone());
    }

    /// Closes the `n`th pane after the right one.
    pub(super) fn close_pane(&mut self, n: usize) {
        if let Some(session) = &mut self.state.session
            && n < session.extra_panes.len()
        {
            session.extra_panes.remove(n);
        }
    }

    /// Shows `document_id` in the `n`th pane after the right one.
    pub(super) fn show_in_extra_pane(&mut self, n: usize, document_id: DocumentId) {
        if let Some(session) = &mut self.state.session
            && let Some(pane) = session.extra_panes.get_mut(n)
        {
            *pane = document_id;
        }
    }

    /// Draws everything `zoom` times its usual size, within [`ZOOM_RANGE`].
    pub(super) fn set_zoom(&mut self, zoom: f32) {
        self.state.prefs.zoom = zoom.clamp(*ZOOM_RANGE.start(), *ZOOM_RANGE.end());
        let percent = (self.state.prefs.zoom * 100.0).round();
        self.notify(NoticeKind::Info, format!("Zoom {percent}%"));
    }

    /// Moves the find bar to the next (`step` 1) or previous (-1) match, showing its
    /// document in a pane when no pane shows it, and scrolls the pane to it.
    pub(super) fn step_find(&mut self, step: isize) {
        let Some(session) = &mut self.state.session else {
            return;
        };
        let matches = self.find_results.refresh(session);
        let Some(find) = &mut session.find else {
            return;
        };
        if matches.is_empty() {
            find.current = None;
            return;
        }
        let count = matches.len();
        let next = match find.current {
            None if step >= 0 => 0,
            None => count - 1,
            Some(current) => (current + count).wrapping_add_signed(step) % count,
        };
        find.current = Some(next);
        let found = &matches[next];
        let side = session.side_showing(&found.document).unwrap_or_else(|| {
            session.panes[Side::Left.index()] = Some(found.document.clone());
            Side::Left
        });
        session.scroll_targets = vec![ScrollTarget {
            side,
            chars: found.chars.clone(),
        }];
    }

    /// Brings egui's theme and zoom in line with the preferences, when they changed.
    pub(super) fn apply_look(&self, ctx: &Context) {
        let theme = match self.state.prefs.theme {
            ThemeChoice::System => egui::ThemePreference::System,
            ThemeChoice::Light => egui::ThemePreference::Light,
            ThemeChoice::Dark => egui::ThemePreference::Dark,
        };
        if ctx.options(|options| options.theme_preference) != theme {
            ctx.set_theme(theme);
        }
        let zoom = self.state.prefs.zoom;
        if (ctx.zoom_factor() - zoom).abs() > f32::EPSILON {
            ctx.set_zoom_factor(zoom);
        }
    }
}
