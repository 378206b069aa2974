//! How the workbench applies the actions on versions: the changes between the panes,
//! the versions table, the comparison options. Called from [`FactdeskApp::apply`] only.

use std::fmt::Write as _;

use jiff::Timestamp;

use crate::core::changes::Event;
use crate::core::claims::TextField;
use crate::core::compare_options::CompareOptions;

use super::FactdeskApp;
use crate::ui::state::{CentralView, NoticeKind, ScrollTarget, Side};

impl FactdeskApp {
    /// Compares versions with new options; the changes found before no longer apply.
    pub(super) fn set_compare_options(&mut self, options: CompareOptions) {
        self.state.prefs.compare_options = options;
        if let Some(session) = &mut self.state.session {
            session.selected_change = None;
            session.versions_cursor = None;
        }
    }

    /// Selects a change between the panes and scrolls both panes to it.
    pub(super) fn reveal_change(&mut self, index: usize) {
        let Some(analysis) = self.comparison.current() else {
            return;
        };
        let Some(change) = analysis.events.get(index) else {
            return;
        };
        let Some(session) = &mut self.state.session else {
            return;
        };
        let old = change.old.as_ref().map(|text| text.chars.clone());
        let new = change.new.as_ref().map(|text| text.chars.clone());
        session.scroll_targets = [
            (Side::Left, old.or_else(|| change.old_sentence.clone())),
            (Side::Right, new.or_else(|| change.new_sentence.clone())),
        ]
        .into_iter()
        .filter_map(|(side, chars)| {
            Some(ScrollTarget {
                side,
                chars: chars?,
            })
        })
        .collect();
        session.selected_change = Some(index);
        session.reveal_change_in_list = true;
        if session.central_view == CentralView::Provenance {
            session.central_view = CentralView::SideBySide;
        }
    }

    /// Makes the sentence (or passage) of change `index` a claim of the kind the change
    /// implies, its note recording the change: the two versions and old → new.
    pub(super) fn make_claim_from_change(&mut self, index: usize, now: Timestamp) {
        let Some(analysis) = self.comparison.current() else {
            return;
        };
        let Some(event) = analysis.events.get(index) else {
            return;
        };
        let Some(session) = &self.state.session else {
            return;
        };
        let (Some(old), Some(new)) = (
            session.pane_document(Side::Left),
            session.pane_document(Side::Right),
        ) else {
            return;
        };
        let place = event
            .new_sentence
            .clone()
            .map(|chars| (new.id.clone(), chars))
            .or_else(|| {
                event
                    .old_sentence
                    .clone()
                    .map(|chars| (old.id.clone(), chars))
            });
        let Some((document_id, chars)) = place else {
            return;
        };
        let note = change_note(event, &old.label, &new.label);
        let made = self.make_claims(&document_id, &[(chars, event.claim_kinds())], now);
        if made == 0 {
            self.notify(NoticeKind::Info, "That passage is already a claim");
            return;
        }
        let stamp = self.stamp(now);
        if let Some(session) = &mut self.state.session
            && let Some(claim_id) = session.selected_claim.clone()
        {
            session
                .project
                .set_claim_text(&claim_id, TextField::Note, note, &stamp);
        }
    }

    /// F7 / Shift+F7: the next or previous difference, in the versions table when it
    /// is shown, else among the changes the changes list shows.
    pub(super) fn step_change(&mut self, step: isize) {
        let in_versions = self
            .state
            .session
            .as_ref()
            .is_some_and(|session| session.central_view == CentralView::Versions);
        if in_versions {
            self.step_versions_cursor(step);
            return;
        }
        let Some(analysis) = self.comparison.current() else {
            return;
        };
        let Some(session) = &self.state.session else {
            return;
        };
        let shown: Vec<usize> = (0..analysis.events.len())
            .filter(|&index| session.changes_filter.matches(&analysis.events[index]))
            .collect();
        match adjacent(&shown, session.selected_change, step) {
            Some(index) => self.reveal_change(index),
            None => self.notify_no_more(step, shown.is_empty()),
        }
    }

    /// Moves the versions table's cursor to the next or previous row where the
    /// versions differ.
    fn step_versions_cursor(&mut self, step: isize) {
        let Some(versions) = self.versions.latest() else {
            return;
        };
        let Some(session) = &mut self.state.session else {
            return;
        };
        let differing: Vec<usize> = (0..versions.rows.len())
            .filter(|&row| !versions.rows[row].is_same())
            .collect();
        match adjacent(&differing, session.versions_cursor, step) {
            Some(row) => {
                session.versions_cursor = Some(row);
                session.reveal_versions_cursor = true;
            }
            None => self.notify_no_more(step, differing.is_empty()),
        }
    }

    fn notify_no_more(&mut self, step: isize, none_at_all: bool) {
        let text = if none_at_all {
            "No changes to go to"
        } else if step > 0 {
            "That was the last change"
        } else {
            "That was the first change"
        };
        self.notify(NoticeKind::Info, text);
    }
}

/// The entry of `entries` (sorted) after `current` (step 1) or before it (step -1);
/// from nowhere, the first or the last. `None` past either end.
fn adjacent(entries: &[usize], current: Option<usize>, step: isize) -> Option<usize> {
    let Some(current) = current else {
        return if step > 0 {
            entries.first().copied()
        } else {
            entries.last().copied()
        };
    };
    if step > 0 {
        entries.iter().copied().find(|&entry| entry > current)
    } else {
        entries.iter().rev().copied().find(|&entry| entry < current)
    }
}

/// What a claim made from a change notes: the change, between which versions, and the
/// words on each side.
fn change_note(event: &Event, old_label: &str, new_label: &str) -> String {
    let mut note = format!(
        "Changed between “{old_label}” and “{new_label}”: {}",
        event.summary
    );
    for (side, text) in [("Old", &event.old), ("New", &event.new)] {
        if let Some(text) = text {
            // Writing to a String cannot fail.
            let _ = write!(note, "\n{side}: “{}”", text.text.trim());
        }
    }
    note
}

#[cfg(test)]
mod tests {
    use super::adjacent;

    #[test]
    fn steps_go_to_the_neighbouring_entry_and_stop_at_the_ends() {
        let entries = [2, 5, 9];
        assert_eq!(adjacent(&entries, None, 1), Some(2));
        assert_eq!(adjacent(&entries, None, -1), Some(9));
        assert_eq!(adjacent(&entries, Some(2), 1), Some(5));
        assert_eq!(adjacent(&entries, Some(5), -1), Some(2));
        assert_eq!(adjacent(&entries, Some(6), 1), Some(9));
        assert_eq!(adjacent(&entries, Some(9), 1), None);
        assert_eq!(adjacent(&entries, Some(2), -1), None);
        assert_eq!(adjacent(&[], None, 1), None);
    }
}
