//! Every command of the workbench in one table: the menus, the command palette, the
//! keyboard handler and the shortcut sheet are all drawn from it, so a command has one
//! name and one shortcut wherever an editor meets it.

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::core::export::ExportFormat;

use super::action::Action;
use super::state::{AppState, CentralView, FocusTarget, Layout, MAX_PANES, ThemeChoice};

/// The menus of the menu bar, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Menu {
    /// Projects and files.
    File,
    /// Undo, redo, find.
    Edit,
    /// Panels, panes, views, theme and text size.
    View,
    /// Claims and the changes between versions.
    Claims,
    /// The palette, the shortcuts, about Factdesk.
    Help,
}

impl Menu {
    /// Every menu, left to right.
    pub const ALL: [Self; 5] = [Self::File, Self::Edit, Self::View, Self::Claims, Self::Help];

    /// The menu's title.
    pub fn title(self) -> &'static str {
        match self {
            Self::File => "File",
            Self::Edit => "Edit",
            Self::View => "View",
            Self::Claims => "Claims",
            Self::Help => "Help",
        }
    }
}

/// A command an editor can give from a menu, the palette or the keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    /// Start an empty project.
    NewProject,
    /// Open a project file.
    OpenProject,
    /// Save the project.
    Save,
    /// Save the project under another name.
    SaveAs,
    /// Add a version of the story from a file.
    AddArticle,
    /// Add the clipboard's text as a version of the story.
    PasteArticle,
    /// Export ClaimReview, annotations, the report or CSV.
    Export,
    /// The desk's name and publishing address.
    DeskSettings,
    /// Close Factdesk.
    Quit,
    /// Take back the last edit.
    Undo,
    /// Make the last undone edit again.
    Redo,
    /// Find words in the documents.
    Find,
    /// The next match of the find.
    FindNext,
    /// The previous match of the find.
    FindPrevious,
    /// Show or hide the documents panel.
    DocumentsPanel,
    /// Show or hide the claims panel.
    ClaimsPanel,
    /// One document across the whole window.
    FocusMode,
    /// Swap the documents of the two panes.
    SwapPanes,
    /// One more pane, up to four.
    AddPane,
    /// Close the last pane after the right one.
    CloseLastPane,
    /// The side-by-side comparison.
    SideBySide,
    /// Every version aligned to one.
    Versions,
    /// Where each sentence came from.
    Provenance,
    /// Scrolling one pane scrolls the other.
    SyncScroll,
    /// Segment labels in the panes' margins.
    ShowSegments,
    /// Story text in a monospace font.
    MonospaceText,
    /// Larger text everywhere.
    ZoomIn,
    /// Smaller text everywhere.
    ZoomOut,
    /// Text at its usual size.
    ZoomReset,
    /// Follow the system's light or dark setting.
    ThemeSystem,
    /// Light theme.
    ThemeLight,
    /// Dark theme.
    ThemeDark,
    /// Make the selected words a claim.
    AddClaim,
    /// The next change between the versions compared.
    NextChange,
    /// The previous change.
    PreviousChange,
    /// Filter the claims list.
    FilterClaims,
    /// Write in the selected claim's note.
    WriteNote,
    /// Add evidence to the selected claim.
    AddEvidence,
    /// Find any command by name.
    Palette,
    /// Every keyboard shortcut.
    Shortcuts,
    /// Factdesk's version and licence.
    About,
}

/// Ctrl (⌘ on macOS) with `key`.
const fn ctrl(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

/// Ctrl+Shift with `key`.
const fn ctrl_shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), key)
}

/// Ctrl+Y: redo, as on Windows; works beside Ctrl+Shift+Z.
pub const REDO_ALT: KeyboardShortcut = ctrl(Key::Y);
/// Ctrl+=: zoom in without Shift, on keyboards where + needs it; works beside Ctrl++.
pub const ZOOM_IN_ALT: KeyboardShortcut = ctrl(Key::Equals);
/// Ctrl+Shift+P: the command palette, as in code editors; works beside Ctrl+K.
pub const PALETTE_ALT: KeyboardShortcut = ctrl_shift(Key::P);
/// F3: the next match, as in most editors; works beside Enter in the find bar.
pub const FIND_NEXT_ALT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::F3);
/// Alt+↓: the next change, as in Meld; works beside F7.
pub const NEXT_CHANGE_ALT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::ALT, Key::ArrowDown);
/// Alt+↑: the previous change, as in Meld.
pub const PREVIOUS_CHANGE_ALT: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::ALT, Key::ArrowUp);

impl Command {
    /// Every command, in menu order.
    pub const ALL: [Self; 41] = [
        Self::NewProject,
        Self::OpenProject,
        Self::Save,
        Self::SaveAs,
        Self::AddArticle,
        Self::PasteArticle,
        Self::Export,
        Self::DeskSettings,
        Self::Quit,
        Self::Undo,
        Self::Redo,
        Self::Find,
        Self::FindNext,
        Self::FindPrevious,
        Self::DocumentsPanel,
        Self::ClaimsPanel,
        Self::FocusMode,
        Self::SwapPanes,
        Self::AddPane,
        Self::CloseLastPane,
        Self::SideBySide,
        Self::Versions,
        Self::Provenance,
        Self::SyncScroll,
        Self::ShowSegments,
        Self::MonospaceText,
        Self::ZoomIn,
        Self::ZoomOut,
        Self::ZoomReset,
        Self::ThemeSystem,
        Self::ThemeLight,
        Self::ThemeDark,
        Self::AddClaim,
        Self::NextChange,
        Self::PreviousChange,
        Self::FilterClaims,
        Self::WriteNote,
        Self::AddEvidence,
        Self::Palette,
        Self::Shortcuts,
        Self::About,
    ];

    /// The command's name in menus and the palette; "…" when it opens a dialog.
    pub fn label(self) -> &'static str {
        match self {
            Self::NewProject => "New project",
            Self::OpenProject => "Open project…",
            Self::Save => "Save",
            Self::SaveAs => "Save as…",
            Self::AddArticle => "Add article from file…",
            Self::PasteArticle => "Paste as new article",
            Self::Export => "Export…",
            Self::DeskSettings => "Desk settings…",
            Self::Quit => "Quit",
            Self::Undo => "Undo",
            Self::Redo => "Redo",
            Self::Find => "Find…",
            Self::FindNext => "Find next",
            Self::FindPrevious => "Find previous",
            Self::DocumentsPanel => "Documents panel",
            Self::ClaimsPanel => "Claims panel",
            Self::FocusMode => "Focus on one document",
            Self::SwapPanes => "Swap the panes",
            Self::AddPane => "Add a pane",
            Self::CloseLastPane => "Close the last pane",
            Self::SideBySide => "Side by side",
            Self::Versions => "Versions",
            Self::Provenance => "Provenance",
            Self::SyncScroll => "Sync scroll",
            Self::ShowSegments => "Show segments in the margin",
            Self::MonospaceText => "Story text in monospace",
            Self::ZoomIn => "Zoom in",
            Self::ZoomOut => "Zoom out",
            Self::ZoomReset => "Zoom to actual size",
            Self::ThemeSystem => "Theme: follow the system",
            Self::ThemeLight => "Theme: light",
            Self::ThemeDark => "Theme: dark",
            Self::AddClaim => "Add claim from selection",
            Self::NextChange => "Next change",
            Self::PreviousChange => "Previous change",
            Self::FilterClaims => "Filter claims",
            Self::WriteNote => "Write in the note",
            Self::AddEvidence => "Add evidence…",
            Self::Palette => "Command palette…",
            Self::Shortcuts => "Keyboard shortcuts",
            Self::About => "About Factdesk",
        }
    }

    /// The menu the command is in.
    pub fn menu(self) -> Menu {
        match self {
            Self::NewProject
            | Self::OpenProject
            | Self::Save
            | Self::SaveAs
            | Self::AddArticle
            | Self::PasteArticle
            | Self::Export
            | Self::DeskSettings
            | Self::Quit => Menu::File,
            Self::Undo | Self::Redo | Self::Find | Self::FindNext | Self::FindPrevious => {
                Menu::Edit
            }
            Self::DocumentsPanel
            | Self::ClaimsPanel
            | Self::FocusMode
            | Self::SwapPanes
            | Self::AddPane
            | Self::CloseLastPane
            | Self::SideBySide
            | Self::Versions
            | Self::Provenance
            | Self::SyncScroll
            | Self::ShowSegments
            | Self::MonospaceText
            | Self::ZoomIn
            | Self::ZoomOut
            | Self::ZoomReset
            | Self::ThemeSystem
            | Self::ThemeLight
            | Self::ThemeDark => Menu::View,
            Self::AddClaim
            | Self::NextChange
            | Self::PreviousChange
            | Self::FilterClaims
            | Self::WriteNote
            | Self::AddEvidence => Menu::Claims,
            Self::Palette | Self::Shortcuts | Self::About => Menu::Help,
        }
    }

    /// Whether a separator comes before the command in its menu: it starts a group of
    /// commands that belong together.
    pub fn starts_group(self) -> bool {
        matches!(
            self,
            Self::Save
                | Self::AddArticle
                | Self::Export
                | Self::Quit
                | Self::Find
                | Self::SideBySide
                | Self::SyncScroll
                | Self::ZoomIn
                | Self::ThemeSystem
                | Self::NextChange
                | Self::FilterClaims
                | Self::About
        )
    }

    /// The command's keyboard shortcut, if it has one.
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        let none = |key| KeyboardShortcut::new(Modifiers::NONE, key);
        Some(match self {
            Self::NewProject => ctrl(Key::N),
            Self::OpenProject => ctrl(Key::O),
            Self::Save => ctrl(Key::S),
            Self::SaveAs => ctrl_shift(Key::S),
            Self::Export => ctrl(Key::E),
            Self::Quit => ctrl(Key::Q),
            Self::Undo => ctrl(Key::Z),
            Self::Redo => ctrl_shift(Key::Z),
            Self::Find => ctrl(Key::F),
            Self::FindNext => ctrl(Key::G),
            Self::FindPrevious => ctrl_shift(Key::G),
            Self::DocumentsPanel => ctrl(Key::OpenBracket),
            Self::ClaimsPanel => ctrl(Key::CloseBracket),
            Self::FocusMode => none(Key::F11),
            Self::SwapPanes => ctrl_shift(Key::X),
            Self::AddPane => ctrl_shift(Key::A),
            Self::CloseLastPane => ctrl_shift(Key::W),
            Self::SideBySide => ctrl(Key::Num1),
            Self::Versions => ctrl(Key::Num2),
            Self::Provenance => ctrl(Key::Num3),
            Self::MonospaceText => ctrl_shift(Key::M),
            Self::ZoomIn => ctrl(Key::Plus),
            Self::ZoomOut => ctrl(Key::Minus),
            Self::ZoomReset => ctrl(Key::Num0),
            Self::AddClaim => ctrl_shift(Key::C),
            Self::NextChange => none(Key::F7),
            Self::PreviousChange => KeyboardShortcut::new(Modifiers::SHIFT, Key::F7),
            Self::Palette => ctrl(Key::K),
            Self::Shortcuts => none(Key::F1),
            Self::AddArticle
            | Self::PasteArticle
            | Self::DeskSettings
            | Self::SyncScroll
            | Self::ShowSegments
            | Self::ThemeSystem
            | Self::ThemeLight
            | Self::ThemeDark
            | Self::FilterClaims
            | Self::WriteNote
            | Self::AddEvidence
            | Self::About => return None,
        })
    }

    /// Further shortcuts that give the same command.
    pub fn other_shortcuts(self) -> &'static [KeyboardShortcut] {
        match self {
            Self::Redo => &[REDO_ALT],
            Self::ZoomIn => &[ZOOM_IN_ALT],
            Self::Palette => &[PALETTE_ALT],
            Self::FindNext => &[FIND_NEXT_ALT],
            Self::NextChange => &[NEXT_CHANGE_ALT],
            Self::PreviousChange => &[PREVIOUS_CHANGE_ALT],
            _ => &[],
        }
    }

    /// Whether the command's shortcut also works while a text field is being typed in.
    /// Undo and redo do not: there Ctrl+Z is the field's own.
    pub fn works_while_typing(self) -> bool {
        !matches!(self, Self::Undo | Self::Redo)
    }

    /// What the command does, given the state it is given in (a switch turns the
    /// setting it shows the other way).
    pub fn action(self, state: &AppState) -> Action {
        let prefs = &state.prefs;
        let layout = prefs.layout;
        match self {
            Self::NewProject => Action::NewProject,
            Self::OpenProject => Action::ChooseProjectToOpen,
            Self::Save => Action::Save,
            Self::SaveAs => Action::ChooseSaveAs,
            Self::AddArticle => Action::ChooseArticleFile,
            Self::PasteArticle => Action::PasteAsArticle,
            Self::Export => Action::OpenExport(ExportFormat::ClaimReview),
            Self::DeskSettings => Action::OpenDeskSettings,
            Self::Quit => Action::Quit,
            Self::Undo => Action::Undo,
            Self::Redo => Action::Redo,
            Self::Find => Action::OpenFind,
            Self::FindNext => Action::StepFind(1),
            Self::FindPrevious => Action::StepFind(-1),
            Self::DocumentsPanel => Action::SetLayout(Layout {
                documents_panel: !layout.documents_panel,
                ..layout
            }),
            Self::ClaimsPanel => Action::SetLayout(Layout {
                claims_panel: !layout.claims_panel,
                ..layout
            }),
            Self::FocusMode => Action::SetLayout(Layout {
                focus_mode: !layout.focus_mode,
                ..layout
            }),
            Self::SwapPanes => Action::SwapPanes,
            Self::AddPane => Action::AddPane,
            Self::CloseLastPane => Action::ClosePane(
                state
                    .session
                    .as_ref()
                    .map_or(0, |s| s.extra_panes.len().saturating_sub(1)),
            ),
            Self::SideBySide => Action::SetCentralView(CentralView::SideBySide),
            Self::Versions => Action::SetCentralView(CentralView::Versions),
            Self::Provenance => Action::SetCentralView(CentralView::Provenance),
            Self::SyncScroll => Action::SetSyncScroll(!prefs.sync_scroll),
            Self::ShowSegments => Action::SetShowSegments(!prefs.show_segments),
            Self::MonospaceText => Action::SetMonospaceText(!prefs.monospace_text),
            Self::ZoomIn => Action::SetZoom(prefs.zoom * ZOOM_STEP),
            Self::ZoomOut => Action::SetZoom(prefs.zoom / ZOOM_STEP),
            Self::ZoomReset => Action::SetZoom(1.0),
            Self::ThemeSystem => Action::SetTheme(ThemeChoice::System),
            Self::ThemeLight => Action::SetTheme(ThemeChoice::Light),
            Self::ThemeDark => Action::SetTheme(ThemeChoice::Dark),
            Self::AddClaim => Action::AddClaimFromSelection,
            Self::NextChange => Action::StepChange(1),
            Self::PreviousChange => Action::StepChange(-1),
            Self::FilterClaims => Action::Focus(FocusTarget::ClaimSearch),
            Self::WriteNote => Action::Focus(FocusTarget::Note),
            Self::AddEvidence => Action::AddEvidenceToSelectedClaim,
            Self::Palette => Action::OpenPalette,
            Self::Shortcuts => Action::ShowShortcuts,
            Self::About => Action::ShowAbout,
        }
    }

    /// Whether the command can be given now (a disabled menu entry otherwise).
    pub fn is_enabled(self, state: &AppState) -> bool {
        let session = state.session.as_ref();
        let has_project = session.is_some();
        match self {
            Self::NewProject
            | Self::OpenProject
            | Self::Quit
            | Self::ZoomIn
            | Self::ZoomOut
            | Self::ZoomReset
            | Self::ThemeSystem
            | Self::ThemeLight
            | Self::ThemeDark
            | Self::MonospaceText
            | Self::SyncScroll
            | Self::ShowSegments
            | Self::Palette
            | Self::Shortcuts
            | Self::About => true,
            Self::Undo => session.is_some_and(|s| s.undo.undo_label().is_some()),
            Self::Redo => session.is_some_and(|s| s.undo.redo_label().is_some()),
            Self::FindNext | Self::FindPrevious => {
                session.is_some_and(|s| s.find.as_ref().is_some_and(|f| !f.query.is_empty()))
            }
            Self::AddClaim => session.is_some_and(|s| s.text_selection.is_some()),
            Self::WriteNote | Self::AddEvidence => {
                session.is_some_and(|s| s.selected_claim.is_some())
            }
            Self::SwapPanes => session.is_some_and(|s| s.panes.iter().all(Option::is_some)),
            Self::AddPane => session.is_some_and(|s| {
                s.shown_panes().len() < MAX_PANES
                    && s.project.documents.len() > s.shown_panes().len()
            }),
            Self::CloseLastPane => session.is_some_and(|s| !s.extra_panes.is_empty()),
            Self::Save
            | Self::SaveAs
            | Self::AddArticle
            | Self::PasteArticle
            | Self::Export
            | Self::DeskSettings
            | Self::Find
            | Self::DocumentsPanel
            | Self::ClaimsPanel
            | Self::FocusMode
            | Self::SideBySide
            | Self::Versions
            | Self::Provenance
            | Self::NextChange
            | Self::PreviousChange
            | Self::FilterClaims => has_project,
        }
    }

    /// For a command that switches something on and off or picks one of several, whether
    /// it is on now (a check mark in the menu).
    pub fn is_checked(self, state: &AppState) -> Option<bool> {
        let prefs = &state.prefs;
        let view = state.session.as_ref().map(|s| s.central_view);
        Some(match self {
            Self::DocumentsPanel => prefs.layout.documents_panel,
            Self::ClaimsPanel => prefs.layout.claims_panel,
            Self::FocusMode => prefs.layout.focus_mode,
            Self::SyncScroll => prefs.sync_scroll,
            Self::ShowSegments => prefs.show_segments,
            Self::MonospaceText => prefs.monospace_text,
            Self::SideBySide => view == Some(CentralView::SideBySide),
            Self::Versions => view == Some(CentralView::Versions),
            Self::Provenance => view == Some(CentralView::Provenance),
            Self::ThemeSystem => prefs.theme == ThemeChoice::System,
            Self::ThemeLight => prefs.theme == ThemeChoice::Light,
            Self::ThemeDark => prefs.theme == ThemeChoice::Dark,
            _ => return None,
        })
    }

    /// The label with what the command acts on, where that helps: "Undo set verdict".
    pub fn label_in(self, state: &AppState) -> String {
        let history = state.session.as_ref().map(|session| &session.undo);
        let named = |verb: &str, edit: Option<&str>| match edit {
            Some(edit) => format!("{verb} {edit}"),
            None => verb.to_owned(),
        };
        match self {
            Self::Undo => named("Undo", history.and_then(|h| h.undo_label())),
            Self::Redo => named("Redo", history.and_then(|h| h.redo_label())),
            _ => self.label().to_owned(),
        }
    }
}

/// How much one Zoom in or Zoom out changes the size of everything.
pub const ZOOM_STEP: f32 = 1.1;

/// A shortcut as menus and the shortcut sheet show it: "Ctrl+Shift+S", "Ctrl+=",
/// "Ctrl+[", with punctuation keys as their characters rather than their names.
pub fn shortcut_text(ctx: &egui::Context, shortcut: KeyboardShortcut) -> String {
    let text = ctx.format_shortcut(&shortcut);
    let symbol = match shortcut.logical_key {
        Key::Plus => "+",
        Key::Equals => "=",
        Key::Minus => "-",
        Key::OpenBracket => "[",
        Key::CloseBracket => "]",
        _ => return text,
    };
    let name = shortcut.logical_key.name();
    text.strip_suffix(name)
        .map_or(text.clone(), |modifiers| format!("{modifiers}{symbol}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::shortcuts::all_shortcuts;

    /// The README's keyboard reference, one row per shortcut, stays true.
    #[test]
    fn the_readme_lists_every_shortcut_with_its_command() {
        let readme = include_str!("../../README.md");
        let ctx = egui::Context::default();
        let shortcuts = all_shortcuts();
        for (shortcut, command) in &shortcuts {
            let keys = shortcut_text(&ctx, *shortcut).replace('|', "\\|");
            let row = format!(
                "| {keys} | {} | {} |",
                command.label(),
                command.menu().title()
            );
            assert!(readme.contains(&row), "README lacks the row {row}");
        }
        let rows = readme
            .lines()
            .skip_while(|line| *line != "## Keyboard reference")
            .take_while(|line| *line != "## Command line")
            .filter(|line| line.starts_with("| ") && !line.starts_with("| keys"))
            .count();
        assert_eq!(
            rows,
            shortcuts.len(),
            "the README lists shortcuts Factdesk lacks"
        );
    }

    #[test]
    fn punctuation_keys_are_shown_as_their_characters() {
        let ctx = egui::Context::default();
        assert_eq!(shortcut_text(&ctx, ZOOM_IN_ALT), "Ctrl+=");
        assert_eq!(
            shortcut_text(&ctx, Command::DocumentsPanel.shortcut().unwrap()),
            "Ctrl+["
        );
        assert_eq!(
            shortcut_text(&ctx, Command::SaveAs.shortcut().unwrap()),
            "Ctrl+Shift+S"
        );
    }
}
