//! Every change the workbench's views can ask for. Views return actions; the app
//! applies them in one place after drawing (`FactdeskApp::apply`).

use std::path::PathBuf;

use crate::core::agency::Agency;
use crate::core::article::{DocumentId, Role, Source};
use crate::core::claims::filter::ClaimFilter;
use crate::core::claims::{ClaimId, Status, TextField, VerdictScale};

use crate::core::claims::candidates::CandidateKind;

use crate::core::compare_options::CompareOptions;
use crate::core::corroboration::Passage;
use crate::core::export::ExportFormat;
use crate::core::project::{Choice, Settings};

use super::commands::Command;
use super::state::{
    CandidateSort, CentralView, ChangesFilter, CustomScaleForm, EvidenceForm, FindState,
    FocusTarget, Layout, PaletteState, RightTab, Side, TextSelection, ThemeChoice,
};

/// A change the user asked for.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Start a new, empty project (asks about unsaved changes first).
    NewProject,
    /// Show the file dialog to pick a project to open.
    ChooseProjectToOpen,
    /// Open this project file (asks about unsaved changes first).
    OpenProject(PathBuf),
    /// Save to the project's file, or ask where when it has none.
    Save,
    /// Show the file dialog to pick where to save.
    ChooseSaveAs,
    /// Save to this file and make it the project's file.
    SaveAs(PathBuf),
    /// Close the window (asks about unsaved changes first).
    Quit,
    /// The user's answer to "Save changes?".
    ResolveUnsaved(UnsavedChoice),
    /// Rename the project.
    RenameProject(String),

    /// Show the file dialog to pick articles to add.
    ChooseArticleFile,
    /// Add the files at these paths (picked or dropped) as new documents.
    AddArticlesFromFiles(Vec<PathBuf>),
    /// Take what is on the clipboard, to add it as a new document.
    PasteAsArticle,
    /// Add what was pasted as a new document: its text, and its HTML when the
    /// clipboard had some.
    AddPastedArticle {
        /// The plain text.
        text: String,
        /// The HTML, if a browser put some on the clipboard.
        html: Option<String>,
    },
    /// Put text set aside on import back into its document.
    RestoreSetAside(DocumentId, usize),
    /// Correct what a segment of a document is and who it is credited to.
    SetSegment(DocumentId, usize, Role, Agency),
    /// Show what each part of the text is in the panes' margins, or not.
    SetShowSegments(bool),
    /// Select a document in the documents list.
    SelectDocument(DocumentId),
    /// Change a document's label.
    RenameDocument(DocumentId, String),
    /// Change who a document is credited to.
    SetDocumentSource(DocumentId, Source),
    /// Change the publication a document comes from (empty for none).
    SetDocumentPublication(DocumentId, String),
    /// Show the file dialog to pick a new version of a document's text.
    ChooseReplacementText(DocumentId),
    /// Replace a document's text with the file's, finding its claims again.
    ReplaceDocumentText(DocumentId, PathBuf),
    /// Ask for confirmation before removing a document.
    AskRemoveDocument(DocumentId),
    /// Remove a document and its claims (after confirmation).
    RemoveDocument(DocumentId),
    /// Close a confirmation dialog without doing anything.
    CancelDialog,

    /// Show a document in one of the two panes.
    ShowInPane(Side, DocumentId),
    /// Keep the two panes scrolled to the same passage, or not.
    SetSyncScroll(bool),
    /// Remember what the user has selected in a pane (`None`: nothing selected).
    SetTextSelection(Option<TextSelection>),

    /// Turn the current text selection into a claim.
    AddClaimFromSelection,
    /// Select a claim and highlight it in the text.
    SelectClaim {
        /// The claim.
        claim_id: ClaimId,
        /// Also show the claim's document and scroll its pane to the claim (when it
        /// was picked from the list rather than clicked in the text).
        reveal: bool,
    },
    /// Select the next (`1`) or previous (`-1`) claim in the list.
    SelectAdjacentClaim(isize),
    /// Show the selected claim's words in a pane.
    RevealSelectedClaim,
    /// Move a claim to a new status.
    SetClaimStatus(ClaimId, Status),
    /// Move the selected claim to the next status in workflow order.
    CycleSelectedClaimStatus,
    /// Give a claim a rating from the project's scale, or take it back (`None`).
    SetClaimRating(ClaimId, Option<String>),
    /// Give the selected claim the scale's rating at this position (keys 1–9), or take
    /// its rating back (`None`, key 0).
    RateSelectedClaim(Option<usize>),
    /// Keep what is typed in a claim's text field, not yet applied.
    DraftClaimText {
        /// The claim.
        claim_id: ClaimId,
        /// Which text.
        field: TextField,
        /// The text as typed.
        text: String,
    },
    /// Apply the text being typed to its claim (the editor left the field).
    CommitClaimText,
    /// Put the keyboard focus in a field.
    Focus(FocusTarget),
    /// Narrow the claims list.
    SetClaimFilter(ClaimFilter),
    /// Merge a claim with the next claim on the same document.
    MergeClaimWithNext(ClaimId),
    /// Split a claim where the selection inside it begins.
    SplitClaimAtSelection(ClaimId),
    /// Put a claim (an orphan, or a misplaced one) on the selected words.
    ReattachClaimToSelection(ClaimId),
    /// Open the evidence dialog: a new piece (`index: None`) or one to change.
    OpenEvidenceForm {
        /// The claim.
        claim_id: ClaimId,
        /// The piece of evidence to change.
        index: Option<usize>,
    },
    /// Open the evidence dialog for a new piece on the selected claim (`e`).
    AddEvidenceToSelectedClaim,
    /// Keep what is typed in the evidence dialog.
    UpdateEvidenceForm(EvidenceForm),
    /// Fill in the evidence dialog's SHA-256 from the file it names.
    DigestEvidenceFile,
    /// Show the file dialog to pick the evidence's saved copy.
    ChooseEvidenceFile,
    /// Make this file the evidence dialog's location, with its SHA-256.
    SetEvidenceFile(PathBuf),
    /// Add or change the evidence as the dialog says.
    SubmitEvidenceForm,
    /// Remove a piece of evidence from a claim.
    RemoveEvidence(ClaimId, usize),
    /// Show a claim's full history.
    ShowClaimHistory(ClaimId),
    /// Use another verdict scale for the project.
    SetVerdictScale(VerdictScale),
    /// Open the dialog to define the desk's own scale.
    OpenCustomScale,
    /// Keep what is typed in the custom scale dialog.
    UpdateCustomScale(CustomScaleForm),
    /// Use the scale the dialog defines.
    SubmitCustomScale,
    /// Show claims or candidates in the right panel.
    SetRightTab(RightTab),
    /// List the candidates of this document.
    SetCandidateDocument(DocumentId),
    /// List only candidates of this kind (`None`: all).
    SetCandidateKind(Option<CandidateKind>),
    /// Order the candidates.
    SetCandidateSort(CandidateSort),
    /// Make every open candidate of a kind in a document a claim.
    AcceptCandidatesOfKind(DocumentId, CandidateKind),
    /// Do not propose this sentence (by its key) again.
    DismissCandidate(String),
    /// Scroll a passage of a document into view, showing it in a pane if needed.
    RevealPassage(DocumentId, std::ops::Range<usize>),
    /// Set the name recorded on the checker's changes.
    SetCheckerName(String),
    /// Show every keyboard shortcut.
    ShowShortcuts,
    /// Open the desk settings dialog.
    OpenDeskSettings,
    /// The desk settings as typed so far.
    UpdateDeskSettings(Settings),
    /// Save the desk settings to the project.
    SubmitDeskSettings,
    /// Replace the project with the version someone else saved, merging unsaved edits.
    ReloadFromDisk,
    /// Carry on with this copy, leaving the version on disk aside.
    DismissDiskChange,
    /// Save over the version someone else saved (after being warned).
    OverwriteProject,
    /// Hide the warning that another window has the project open.
    DismissAlsoOpen,
    /// Put the work found in the recovery file in place of the saved project.
    RestoreRecovery,
    /// Drop the work found in the recovery file.
    DiscardRecovery,
    /// List every conflicting edit a merge left.
    ShowConflicts,
    /// Settle conflict n by keeping one of its values.
    ResolveConflict(usize, Choice),
    /// Open the export dialog on this format (or switch the open dialog to it).
    OpenExport(ExportFormat),
    /// Set the pairs of versions the report compares, (old, new).
    SetExportPairs(Vec<(DocumentId, DocumentId)>),
    /// Ask where to write the export chosen in the dialog.
    ChooseExportFile,
    /// Write the project in this format to this file.
    ExportTo(ExportFormat, PathBuf, Vec<(DocumentId, DocumentId)>),
    /// Ask for confirmation before deleting a claim.
    AskRemoveClaim(ClaimId),
    /// Delete a claim, its note and its history (after confirmation).
    RemoveClaim(ClaimId),
    /// Show side by side, versions or provenance in the centre.
    SetCentralView(CentralView),
    /// Compare versions with these options.
    SetCompareOptions(CompareOptions),
    /// Align the other versions to this one in the versions view.
    SetVersionsBase(DocumentId),
    /// Open or close a run of unchanged sentences in the versions view, by its first
    /// row.
    ToggleStretch(usize),
    /// List these changes between the panes.
    SetChangesFilter(ChangesFilter),
    /// Show a change between the panes (by its index in the comparison's list) in
    /// both panes.
    RevealChange(usize),
    /// Jump to the next (1) or previous (-1) change the changes list shows.
    StepChange(isize),
    /// Make sentences of a document claims, each of the given kinds (one claim per
    /// sentence; sentences already claimed are left alone).
    MakeClaims {
        /// The document the sentences are in.
        document: DocumentId,
        /// The sentences, by code points, and the kinds of claim they make.
        sentences: Vec<(std::ops::Range<usize>, Vec<CandidateKind>)>,
    },
    /// Make the sentence of a change between the panes (by its place in the changes
    /// list) a claim, its note recording the change.
    MakeClaimFromChange(usize),
    /// Attach a passage of another document to a claim as evidence.
    AttachPassage(ClaimId, Passage),

    /// Take back the last edit to the project.
    Undo,
    /// Make again the last edit taken back.
    Redo,

    /// Take down a toast.
    DismissNotice(u64),
    /// Copy a toast's text, to paste it in a message to whoever can help.
    CopyNotice(u64),

    /// Give a command from the menus' table (the command palette does).
    RunCommand(Command),
    /// Open the command palette.
    OpenPalette,
    /// What is typed in the command palette, and the match chosen.
    UpdatePalette(PaletteState),
    /// Show Factdesk's name, version and licence.
    ShowAbout,
    /// Open the find bar (or focus it, when open).
    OpenFind,
    /// What the find bar looks for, as changed.
    SetFind(FindState),
    /// Move to the next (1) or previous (-1) match of the find.
    StepFind(isize),
    /// Close the find bar.
    CloseFind,
    /// Show or hide panels, or focus on one document.
    SetLayout(Layout),
    /// Swap the documents of the two panes.
    SwapPanes,
    /// Show one more pane (up to four), with a document no pane shows, compared with
    /// the left pane's.
    AddPane,
    /// Close the `n`th pane after the right one.
    ClosePane(usize),
    /// Show a document in the `n`th pane after the right one.
    ShowInExtraPane(usize, DocumentId),
    /// Set story text in a monospace font, or back in the reading font.
    SetMonospaceText(bool),
    /// Draw everything this much larger than usual (1.0: the usual size).
    SetZoom(f32),
    /// Light, dark, or as the system is.
    SetTheme(ThemeChoice),
}

/// The answers to "Save changes before …?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnsavedChoice {
    /// Save, then go on.
    Save,
    /// Go on without saving; the changes are lost.
    Discard,
    /// Stay where we are.
    Cancel,
}

impl Action {
    /// What the action does to the project, as the Edit menu names it ("Undo set
    /// verdict"); `None` for actions that only change what the workbench shows, open
    /// dialogs or touch files. Every action is listed, so a new one has to be placed.
    pub fn undo_label(&self) -> Option<&'static str> {
        match self {
            Self::RenameProject(_) => Some("rename project"),
            Self::AddArticlesFromFiles(_) | Self::AddPastedArticle { .. } => Some("add article"),
            Self::RestoreSetAside(..) => Some("restore set-aside text"),
            Self::SetSegment(..) => Some("correct segment"),
            Self::RenameDocument(..) => Some("rename document"),
            Self::SetDocumentSource(..) => Some("change source"),
            Self::SetDocumentPublication(..) => Some("change publication"),
            Self::ReplaceDocumentText(..) => Some("replace text"),
            Self::RemoveDocument(_) => Some("remove document"),
            Self::AddClaimFromSelection => Some("add claim"),
            Self::SetClaimStatus(..) | Self::CycleSelectedClaimStatus => Some("set status"),
            Self::SetClaimRating(..) | Self::RateSelectedClaim(_) => Some("set verdict"),
            Self::CommitClaimText => Some("edit claim text"),
            Self::MergeClaimWithNext(_) => Some("merge claims"),
            Self::SplitClaimAtSelection(_) => Some("split claim"),
            Self::ReattachClaimToSelection(_) => Some("re-attach claim"),
            Self::SubmitEvidenceForm | Self::AttachPassage(..) => Some("add evidence"),
            Self::RemoveEvidence(..) => Some("remove evidence"),
            Self::SetVerdictScale(_) | Self::SubmitCustomScale => Some("change verdict scale"),
            Self::AcceptCandidatesOfKind(..) | Self::MakeClaims { .. } => Some("make claims"),
            Self::MakeClaimFromChange(_) => Some("make claim"),
            Self::DismissCandidate(_) => Some("dismiss candidate"),
            Self::SubmitDeskSettings => Some("change desk settings"),
            Self::ResolveConflict(..) => Some("settle conflict"),
            Self::RemoveClaim(_) => Some("delete claim"),
            Self::ReloadFromDisk => Some("reload from disk"),
            Self::RestoreRecovery => Some("restore unsaved work"),
            Self::NewProject
            | Self::ChooseProjectToOpen
            | Self::OpenProject(_)
            | Self::Save
            | Self::ChooseSaveAs
            | Self::SaveAs(_)
            | Self::Quit
            | Self::ResolveUnsaved(_)
            | Self::ChooseArticleFile
            | Self::PasteAsArticle
            | Self::SetShowSegments(_)
            | Self::SelectDocument(_)
            | Self::ChooseReplacementText(_)
            | Self::AskRemoveDocument(_)
            | Self::CancelDialog
            | Self::ShowInPane(..)
            | Self::SetSyncScroll(_)
            | Self::SetTextSelection(_)
            | Self::SelectClaim { .. }
            | Self::SelectAdjacentClaim(_)
            | Self::RevealSelectedClaim
            | Self::DraftClaimText { .. }
            | Self::Focus(_)
            | Self::SetClaimFilter(_)
            | Self::OpenEvidenceForm { .. }
            | Self::AddEvidenceToSelectedClaim
            | Self::UpdateEvidenceForm(_)
            | Self::DigestEvidenceFile
            | Self::ChooseEvidenceFile
            | Self::SetEvidenceFile(_)
            | Self::ShowClaimHistory(_)
            | Self::OpenCustomScale
            | Self::UpdateCustomScale(_)
            | Self::SetRightTab(_)
            | Self::SetCandidateDocument(_)
            | Self::SetCandidateKind(_)
            | Self::SetCandidateSort(_)
            | Self::RevealPassage(..)
            | Self::SetCheckerName(_)
            | Self::ShowShortcuts
            | Self::OpenDeskSettings
            | Self::UpdateDeskSettings(_)
            | Self::DismissDiskChange
            | Self::OverwriteProject
            | Self::DismissAlsoOpen
            | Self::DiscardRecovery
            | Self::ShowConflicts
            | Self::OpenExport(_)
            | Self::SetExportPairs(_)
            | Self::ChooseExportFile
            | Self::ExportTo(..)
            | Self::AskRemoveClaim(_)
            | Self::SetCentralView(_)
            | Self::SetCompareOptions(_)
            | Self::SetVersionsBase(_)
            | Self::ToggleStretch(_)
            | Self::SetChangesFilter(_)
            | Self::RevealChange(_)
            | Self::StepChange(_)
            | Self::Undo
            | Self::Redo
            | Self::DismissNotice(_)
            | Self::CopyNotice(_)
            | Self::RunCommand(_)
            | Self::OpenPalette
            | Self::UpdatePalette(_)
            | Self::ShowAbout
            | Self::OpenFind
            | Self::SetFind(_)
            | Self::StepFind(_)
            | Self::CloseFind
            | Self::SetLayout(_)
            | Self::SwapPanes
            | Self::AddPane
            | Self::ClosePane(_)
            | Self::ShowInExtraPane(..)
            | Self::SetMonospaceText(_)
            | Self::SetZoom(_)
            | Self::SetTheme(_) => None,
        }
    }
}
