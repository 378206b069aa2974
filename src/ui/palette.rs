//! The command palette (Ctrl+K or Ctrl+Shift+P): every command, found by typing part
//! of its name in any order ("exp rep" finds "Export…", "zoom in" finds "Zoom in").

use egui::{Context, Id, Key, Modifiers, RichText, ScrollArea, TextEdit};
use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher};

use super::action::Action;
use super::commands::{Command, shortcut_text};
use super::state::{AppState, PaletteState};

/// The commands that can be given now whose names match `query`, best first; all of
/// them, in menu order, for an empty query.
pub fn matching_commands(state: &AppState, query: &str) -> Vec<Command> {
    let enabled = Command::ALL
        .into_iter()
        .filter(|command| command.is_enabled(state));
    if query.trim().is_empty() {
        return enabled.collect();
    }
    let named: Vec<(String, Command)> = enabled
        .map(|command| (command.label_in(state), command))
        .collect();
    let pattern = Pattern::parse(query, CaseMatching::Ignore, Normalization::Smart);
    let mut matcher = Matcher::new(Config::DEFAULT);
    pattern
        .match_list(named.iter().map(|(label, _)| label.as_str()), &mut matcher)
        .into_iter()
        .filter_map(|(label, _score)| {
            named
                .iter()
                .find(|(name, _)| name == label)
                .map(|(_, command)| *command)
        })
        .collect()
}

/// Draws the palette.
pub fn ui(ctx: &Context, state: &AppState, palette: &PaletteState, actions: &mut Vec<Action>) {
    let commands = matching_commands(state, &palette.query);
    let chosen = palette.chosen.min(commands.len().saturating_sub(1));
    let (down, up, enter) = ctx.input_mut(|input| {
        (
            input.consume_key(Modifiers::NONE, Key::ArrowDown),
            input.consume_key(Modifiers::NONE, Key::ArrowUp),
            input.consume_key(Modifiers::NONE, Key::Enter),
        )
    });
    if enter && let Some(command) = commands.get(chosen) {
        actions.push(Action::RunCommand(*command));
        return;
    }
    if down || up {
        let last = commands.len().saturating_sub(1);
        let next = if down {
            (chosen + 1).min(last)
        } else {
            chosen.saturating_sub(1)
        };
        actions.push(Action::UpdatePalette(PaletteState {
            chosen: next,
            ..palette.clone()
        }));
    }
    let response = egui::Modal::new(Id::unique("command-palette")).show(ctx, |ui| {
        ui.set_width(460.0);
        let label = ui.label(RichText::new("Command").strong());
        let mut query = palette.query.clone();
        let field = ui.add(
            TextEdit::singleline(&mut query)
                .hint_text("Type part of a command's name")
                .desired_width(f32::INFINITY),
        );
        let field = field.labelled_by(label.id);
        field.request_focus();
        if field.changed() {
            actions.push(Action::UpdatePalette(PaletteState { query, chosen: 0 }));
        }
        ui.add_space(6.0);
        if commands.is_empty() {
            ui.weak("No command matches");
        }
        ScrollArea::vertical().max_height(360.0).show(ui, |ui| {
            for (index, command) in commands.iter().enumerate() {
                let shortcut = command
                    .shortcut()
                    .map(|shortcut| shortcut_text(ui.ctx(), shortcut));
                let text = command.label_in(state);
                let mut button = egui::Button::selectable(index == chosen, text)
                    .min_size(egui::vec2(ui.available_width(), 0.0));
                if let Some(shortcut) = shortcut {
                    button = button.shortcut_text(shortcut);
                }
                let row = ui.add(button);
                if index == chosen && (down || up) {
                    row.scroll_to_me(None);
                }
                if row.clicked() {
                    actions.push(Action::RunCommand(*command));
                }
            }
        });
        ui.add_space(4.0);
        ui.weak("↑ ↓ to choose · Enter to run · Esc to close");
    });
    if response.should_close() {
        actions.push(Action::CancelDialog);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_in_any_order_find_a_command() {
        let state = AppState::default();
        let found = matching_commands(&state, "in zoom");
        assert_eq!(found.first(), Some(&Command::ZoomIn));
        let found = matching_commands(&state, "shortcuts");
        assert_eq!(found.first(), Some(&Command::Shortcuts));
    }

    #[test]
    fn commands_that_cannot_be_given_are_left_out() {
        let state = AppState::default();
        let all = matching_commands(&state, "");
        assert!(all.contains(&Command::OpenProject));
        assert!(!all.contains(&Command::Save), "no project is open");
        assert!(
            matching_commands(&state, "save")
                .iter()
                .all(|c| *c != Command::Save)
        );
    }
}
