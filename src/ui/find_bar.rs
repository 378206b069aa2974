//! The find bar (Ctrl+F) above the panes: what to find, in the panes or in every
//! document, how many matches there are and which one is shown. Enter and F3 go to the
//! next match, Shift+Enter to the previous one, Esc closes the bar.

use egui::{Id, Key, Modifiers, RichText, TextEdit, Ui};

use super::action::Action;
use super::derived::FindMatch;
use super::documents_panel::display_label;
use super::state::{FindScope, FindState, FocusTarget, Session};

/// The id of the find bar's search box, to focus it and to tell typing there apart.
pub fn find_field_id() -> Id {
    Id::unique("find-field")
}

/// Draws the find bar for `find`, whose matches are `matches`.
pub fn ui(
    ui: &mut Ui,
    session: &Session,
    find: &FindState,
    matches: &[FindMatch],
    actions: &mut Vec<Action>,
) {
    // Wraps onto a second line in a narrow window rather than widening the panes.
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Find");
        let mut query = find.query.clone();
        let field = ui.add(
            TextEdit::singleline(&mut query)
                .id(find_field_id())
                .hint_text("Words, a figure, a name")
                .desired_width(240.0),
        );
        let field = field.labelled_by(label.id);
        if session.focus_request == Some(FocusTarget::Find) {
            field.request_focus();
        }
        if field.changed() {
            actions.push(Action::SetFind(FindState {
                query,
                current: None,
                ..find.clone()
            }));
        }
        if field.has_focus() || field.lost_focus() {
            // Shift+Enter first: a plain Enter would also match it.
            let (shift_enter, enter, escape) = ui.input_mut(|input| {
                (
                    input.consume_key(Modifiers::SHIFT, Key::Enter),
                    input.consume_key(Modifiers::NONE, Key::Enter),
                    input.consume_key(Modifiers::NONE, Key::Escape),
                )
            });
            if enter {
                actions.push(Action::StepFind(1));
                field.request_focus();
            }
            if shift_enter {
                actions.push(Action::StepFind(-1));
                field.request_focus();
            }
            if escape {
                actions.push(Action::CloseFind);
            }
        }

        ui.label(count_text(find, matches))
            .on_hover_text("Curly and straight quotes, dashes and runs of spaces match each other");
        let any = !matches.is_empty();
        if ui.add_enabled(any, egui::Button::new("Previous")).clicked() {
            actions.push(Action::StepFind(-1));
        }
        if ui.add_enabled(any, egui::Button::new("Next")).clicked() {
            actions.push(Action::StepFind(1));
        }
        let scope_label = |scope| match scope {
            FindScope::Panes => "In the panes",
            FindScope::AllDocuments => "In all documents",
        };
        egui::ComboBox::from_id_salt("find-scope")
            .selected_text(scope_label(find.scope))
            .show_ui(ui, |ui| {
                for scope in [FindScope::Panes, FindScope::AllDocuments] {
                    if ui
                        .selectable_label(find.scope == scope, scope_label(scope))
                        .clicked()
                        && find.scope != scope
                    {
                        actions.push(Action::SetFind(FindState {
                            scope,
                            current: None,
                            ..find.clone()
                        }));
                    }
                }
            })
            .response
            .accessible_name("Where to find");
        let mut match_case = find.match_case;
        if ui.checkbox(&mut match_case, "Match case").changed() {
            actions.push(Action::SetFind(FindState {
                match_case,
                current: None,
                ..find.clone()
            }));
        }
        if ui.button("Close").on_hover_text("Esc").clicked() {
            actions.push(Action::CloseFind);
        }
        if let Some(found) = find.current.and_then(|index| matches.get(index))
            && let Some(document) = session.project.document(&found.document)
        {
            ui.add(
                egui::Label::new(RichText::new(format!("in {}", display_label(document))).weak())
                    .truncate(),
            );
        }
    });
}

/// "3 of 12", "12 matches", "No matches"; "10,000+" when the count was capped.
fn count_text(find: &FindState, matches: &[FindMatch]) -> String {
    if find.query.trim().is_empty() {
        return String::new();
    }
    let capped = matches.len() >= crate::core::find::MAX_MATCHES;
    let total = if capped {
        format!("{}+", matches.len())
    } else {
        matches.len().to_string()
    };
    match (matches.len(), find.current) {
        (0, _) => "No matches".to_owned(),
        (1, _) => "1 match".to_owned(),
        (_, Some(current)) => format!("{} of {total}", current + 1),
        (_, None) => format!("{total} matches"),
    }
}
