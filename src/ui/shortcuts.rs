//! The keyboard: the commands' shortcuts (from the command table) and the single keys
//! for working through claims.

use egui::{Context, Key, KeyboardShortcut, Modifiers};

use super::action::Action;
use super::commands::Command;
use super::state::{AppState, FocusTarget};

/// Every shortcut with the command it gives, for the shortcut sheet: each command's
/// own shortcut, then its alternatives.
pub fn all_shortcuts() -> Vec<(KeyboardShortcut, Command)> {
    Command::ALL
        .into_iter()
        .flat_map(|command| {
            command
                .shortcut()
                .into_iter()
                .chain(command.other_shortcuts().iter().copied())
                .map(move |shortcut| (shortcut, command))
        })
        .collect()
}

/// The single keys for working through claims, for the shortcut sheet. They work when
/// no text field has the keyboard (click the claims list, or press Esc, first).
pub const TRIAGE_KEYS: [(&str, &str); 10] = [
    ("j / ↓", "Next claim"),
    ("k / ↑", "Previous claim"),
    ("Enter", "Show the claim in the text"),
    ("1–9", "Give the verdict with that number on the scale"),
    ("0", "Take the verdict back"),
    ("s", "Next status (Unchecked, In progress, Checked, …)"),
    ("n", "Write in the note"),
    ("e", "Add evidence"),
    ("/", "Filter the claims"),
    ("F1 / ?", "This sheet"),
];

/// The digit keys 1–9, which give the verdicts of the scale in order.
const DIGITS: [Key; 9] = [
    Key::Num1,
    Key::Num2,
    Key::Num3,
    Key::Num4,
    Key::Num5,
    Key::Num6,
    Key::Num7,
    Key::Num8,
    Key::Num9,
];

/// Where the keyboard is, for the single-key shortcuts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyboardFocus {
    /// In a text field: every key is the field's.
    Typing,
    /// In a story pane's text, which can be selected but not edited: the arrow keys
    /// move the cursor and extend the selection, the other keys are shortcuts.
    StoryText,
    /// Anywhere else: every triage key is a shortcut.
    Elsewhere,
}

/// The actions of the single-key triage shortcuts pressed this frame (see
/// [`TRIAGE_KEYS`]), consuming the key presses.
pub fn triage_pressed(ctx: &Context, focus: KeyboardFocus) -> Vec<Action> {
    if focus == KeyboardFocus::Typing {
        return Vec::new();
    }
    let arrows = focus == KeyboardFocus::Elsewhere;
    ctx.input_mut(|input| {
        // '?' is typed with Shift on most layouts; consume_key ignores Shift for it.
        let mut pressed = |key| input.consume_key(Modifiers::NONE, key);
        let mut actions = Vec::new();
        if pressed(Key::J) || (arrows && pressed(Key::ArrowDown)) {
            actions.push(Action::SelectAdjacentClaim(1));
        }
        if pressed(Key::K) || (arrows && pressed(Key::ArrowUp)) {
            actions.push(Action::SelectAdjacentClaim(-1));
        }
        if pressed(Key::Enter) {
            actions.push(Action::RevealSelectedClaim);
        }
        for (index, digit) in DIGITS.into_iter().enumerate() {
            if pressed(digit) {
                actions.push(Action::RateSelectedClaim(Some(index)));
            }
        }
        if pressed(Key::Num0) {
            actions.push(Action::RateSelectedClaim(None));
        }
        if pressed(Key::S) {
            actions.push(Action::CycleSelectedClaimStatus);
        }
        if pressed(Key::N) {
            actions.push(Action::Focus(FocusTarget::Note));
        }
        if pressed(Key::E) {
            actions.push(Action::AddEvidenceToSelectedClaim);
        }
        if pressed(Key::Slash) {
            actions.push(Action::Focus(FocusTarget::ClaimSearch));
        }
        if pressed(Key::F1) || pressed(Key::Questionmark) {
            actions.push(Action::ShowShortcuts);
        }
        actions
    })
}

/// The actions of the shortcuts pressed this frame (consuming the key presses); a
/// command that cannot be given now says why when applied ("Nothing to undo"). Shortcuts with more modifiers are tried first,
/// so Ctrl+Shift+S is not taken for Ctrl+S; while a text field is being typed in, it
/// keeps Ctrl+Z for its own text.
pub fn pressed(ctx: &Context, state: &AppState) -> Vec<Action> {
    let typing = ctx.text_edit_focused();
    let mut bindings: Vec<(KeyboardShortcut, Command)> = all_shortcuts()
        .into_iter()
        .filter(|(_, command)| !typing || command.works_while_typing())
        .collect();
    bindings.sort_by_key(|(shortcut, _)| std::cmp::Reverse(modifier_count(shortcut.modifiers)));
    ctx.input_mut(|input| {
        bindings
            .into_iter()
            .filter(|(shortcut, _)| input.consume_shortcut(shortcut))
            .map(|(_, command)| command.action(state))
            .collect()
    })
}

/// How many modifier keys a shortcut needs.
fn modifier_count(modifiers: Modifiers) -> usize {
    [
        modifiers.alt,
        modifiers.shift,
        modifiers.ctrl || modifiers.command || modifiers.mac_cmd,
    ]
    .into_iter()
    .filter(|&held| held)
    .count()
}
