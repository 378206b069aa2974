//! Keyboard shortcuts, shared by the handler, the menus that display them and the
//! shortcut sheet (F1).

use egui::{Context, Key, KeyboardShortcut, Modifiers};

use crate::core::export::ExportFormat;

use super::action::Action;
use super::state::FocusTarget;

/// Ctrl+N (⌘N on macOS): new project.
pub const NEW_PROJECT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::N);
/// Ctrl+O: open a project.
pub const OPEN_PROJECT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
/// Ctrl+S: save.
pub const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
/// Ctrl+Shift+S: save as.
pub const SAVE_AS: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
/// Ctrl+Z: take back the last edit to the project (outside text fields, which keep
/// their own undo).
pub const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
/// Ctrl+Shift+Z: make the last undone edit again.
pub const REDO: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
/// Ctrl+Y: make the last undone edit again, as on Windows.
pub const REDO_ALT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);
/// Ctrl+E: export the project (ClaimReview, annotations, report, CSV).
pub const EXPORT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::E);
/// Ctrl+Shift+C: turn the selected words into a claim.
pub const ADD_CLAIM: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::C);
/// Ctrl+Q: quit.
pub const QUIT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Q);

/// F7: the next change between the versions compared.
pub const NEXT_CHANGE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::F7);
/// Shift+F7: the previous change.
pub const PREVIOUS_CHANGE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::SHIFT, Key::F7);
/// Alt+↓: the next change, as in Meld.
pub const NEXT_CHANGE_ALT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::ALT, Key::ArrowDown);
/// Alt+↑: the previous change.
pub const PREVIOUS_CHANGE_ALT: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::ALT, Key::ArrowUp);

/// The commands with shortcuts, for the shortcut sheet.
pub const COMMANDS: [(KeyboardShortcut, &str); 14] = [
    (NEW_PROJECT, "New project"),
    (OPEN_PROJECT, "Open a project"),
    (SAVE, "Save"),
    (SAVE_AS, "Save as"),
    (EXPORT, "Export the project"),
    (UNDO, "Undo the last edit (outside text fields)"),
    (REDO, "Redo"),
    (REDO_ALT, "Redo"),
    (ADD_CLAIM, "Make the selected words a claim"),
    (QUIT, "Quit"),
    (NEXT_CHANGE, "Next change between the versions"),
    (PREVIOUS_CHANGE, "Previous change between the versions"),
    (NEXT_CHANGE_ALT, "Next change (as in Meld)"),
    (PREVIOUS_CHANGE_ALT, "Previous change (as in Meld)"),
];

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

/// The actions of the shortcuts pressed this frame (consuming the key presses).
/// More specific shortcuts come first, so Ctrl+Shift+S is not taken for Ctrl+S.
pub fn pressed(ctx: &Context) -> Vec<Action> {
    let mut bindings = vec![
        (SAVE_AS, Action::ChooseSaveAs),
        (ADD_CLAIM, Action::AddClaimFromSelection),
        (SAVE, Action::Save),
        (EXPORT, Action::OpenExport(ExportFormat::ClaimReview)),
        (OPEN_PROJECT, Action::ChooseProjectToOpen),
        (NEW_PROJECT, Action::NewProject),
        (QUIT, Action::Quit),
        (PREVIOUS_CHANGE, Action::StepChange(-1)),
        (NEXT_CHANGE, Action::StepChange(1)),
        (PREVIOUS_CHANGE_ALT, Action::StepChange(-1)),
        (NEXT_CHANGE_ALT, Action::StepChange(1)),
    ];
    // A text field being typed in keeps Ctrl+Z for its own text.
    if !ctx.text_edit_focused() {
        // Ctrl+Shift+Z first: Ctrl+Z would also match it.
        bindings.extend([
            (REDO, Action::Redo),
            (REDO_ALT, Action::Redo),
            (UNDO, Action::Undo),
        ]);
    }
    ctx.input_mut(|input| {
        bindings
            .into_iter()
            .filter(|(shortcut, _)| input.consume_shortcut(shortcut))
            .map(|(_, action)| action)
            .collect()
    })
}
