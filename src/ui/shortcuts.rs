//! Keyboard shortcuts, shared by the handler and the menus that display them.

use egui::{Context, Key, KeyboardShortcut, Modifiers};

use super::action::Action;

/// Ctrl+N (⌘N on macOS): new project.
pub const NEW_PROJECT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::N);
/// Ctrl+O: open a project.
pub const OPEN_PROJECT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
/// Ctrl+S: save.
pub const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
/// Ctrl+Shift+S: save as.
pub const SAVE_AS: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
/// Ctrl+Shift+C: turn the selected words into a claim.
pub const ADD_CLAIM: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::C);
/// Ctrl+Q: quit.
pub const QUIT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Q);

/// The actions of the shortcuts pressed this frame (consuming the key presses).
/// More specific shortcuts come first, so Ctrl+Shift+S is not taken for Ctrl+S.
pub fn pressed(ctx: &Context) -> Vec<Action> {
    let bindings = [
        (SAVE_AS, Action::ChooseSaveAs),
        (ADD_CLAIM, Action::AddClaimFromSelection),
        (SAVE, Action::Save),
        (OPEN_PROJECT, Action::ChooseProjectToOpen),
        (NEW_PROJECT, Action::NewProject),
        (QUIT, Action::Quit),
    ];
    ctx.input_mut(|input| {
        bindings
            .into_iter()
            .filter(|(shortcut, _)| input.consume_shortcut(shortcut))
            .map(|(_, action)| action)
            .collect()
    })
}
