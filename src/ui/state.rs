//! What the workbench shows: the open project and the editor's place in it ([`AppState`]),
//! and the preferences kept between runs ([`Prefs`]).

use std::collections::BTreeSet;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::core::article::{Document, DocumentId};
use crate::core::changes::{Event, EventClass};
use crate::core::claims::candidates::CandidateKind;
use crate::core::claims::filter::ClaimFilter;
use crate::core::claims::{ClaimId, Locator, Stance, TextField};
use crate::core::compare_options::CompareOptions;
use crate::core::diff::DiffSide;
use crate::core::export::ExportFormat;
use crate::core::project::{DiskVersion, FileDigest, LockHolder, Project, Settings};

use super::undo::UndoHistory;

/// Key under which [`Prefs`] are stored in eframe's storage.
pub const PREFS_KEY: &str = "factdesk-prefs";
/// How many recent projects the welcome screen and the File menu list.
const RECENT_PROJECTS: usize = 8;

/// One of the two side-by-side panes: the old version on the left, the new on the right.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Side {
    /// The version compared from.
    Left,
    /// The version compared to.
    Right,
}

impl Side {
    /// Both panes, left first.
    pub const BOTH: [Self; 2] = [Self::Left, Self::Right];

    /// Position in per-pane arrays.
    pub fn index(self) -> usize {
        match self {
            Self::Left => 0,
            Self::Right => 1,
        }
    }

    /// The pane across from this one.
    #[must_use]
    pub fn other(self) -> Self {
        match self {
            Self::Left => Self::Right,
            Self::Right => Self::Left,
        }
    }

    /// The side of the comparison the pane shows: old on the left, new on the right.
    pub fn diff_side(self) -> DiffSide {
        match self {
            Self::Left => DiffSide::Old,
            Self::Right => DiffSide::New,
        }
    }

    /// "Left" or "Right", for labels.
    pub fn label(self) -> &'static str {
        match self {
            Self::Left => "Left",
            Self::Right => "Right",
        }
    }
}

/// A text pane of the side-by-side view: the two compared with each other (left and
/// right), and up to two more, each compared with the left.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pane {
    /// One of the two compared panes.
    Side(Side),
    /// The `n`th pane after the right one (from 0), compared with the left.
    Extra(usize),
}

impl Pane {
    /// Position in per-pane arrays: left, right, then the extra panes.
    pub fn index(self) -> usize {
        match self {
            Self::Side(side) => side.index(),
            Self::Extra(n) => 2 + n,
        }
    }

    /// "Left", "Right", "Third", "Fourth", for labels.
    pub fn label(self) -> &'static str {
        match self {
            Self::Side(side) => side.label(),
            Self::Extra(0) => "Third",
            Self::Extra(_) => "Fourth",
        }
    }
}

/// The most panes shown side by side.
pub const MAX_PANES: usize = 4;

/// Words the user has selected in a pane.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextSelection {
    /// The document shown in the pane.
    pub document: DocumentId,
    /// Selected code points of the document's text.
    pub chars: Range<usize>,
    /// The selected words, as shown on the "Add claim" button's tooltip.
    pub words: String,
}

/// A request to scroll a pane so that a passage is in view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScrollTarget {
    /// The pane to scroll.
    pub side: Side,
    /// The passage, in code points.
    pub chars: Range<usize>,
}

/// The project file as this window last read or wrote it.
#[derive(Debug)]
pub struct OnDisk {
    /// The digest of its bytes, to tell a colleague's save from our own.
    pub digest: FileDigest,
    /// The project it held: the common ancestor when a colleague's version is merged
    /// with unsaved edits.
    pub base: Project,
}

/// The open project and where the editor is in it.
#[derive(Debug)]
pub struct Session {
    /// The project as edited, saved or not.
    pub project: Project,
    /// The file the project is saved to; `None` until first saved.
    pub path: Option<PathBuf>,
    /// Whether the project has changes that are not saved.
    pub dirty: bool,
    /// The project file as this window last read or wrote it; `None` until saved.
    pub on_disk: Option<OnDisk>,
    /// A version of the project file someone else saved, waiting for the editor to
    /// reload it or carry on.
    pub disk_change: Option<DiskVersion>,
    /// The edits that can be undone and redone.
    pub undo: UndoHistory,
    /// When (in egui's clock, seconds) the recovery file is next to be written.
    pub autosave_due: Option<f64>,
    /// Another Factdesk window that has the project open too, as its lock says.
    pub also_open_in: Option<LockHolder>,
    /// The format version of a project saved by a newer Factdesk, which is open
    /// read-only: shown, never changed or saved in an older format.
    pub read_only_format: Option<u64>,
    /// The document each pane shows, by [`Side::index`].
    pub panes: [Option<DocumentId>; 2],
    /// The documents of the panes after the right one (at most two), each compared
    /// with the left pane's.
    pub extra_panes: Vec<DocumentId>,
    /// The document selected in the documents list.
    pub selected_document: Option<DocumentId>,
    /// The claim selected in the claims list or in the text.
    pub selected_claim: Option<ClaimId>,
    /// The last non-empty selection in either pane, which "Add claim" turns into a claim.
    pub text_selection: Option<TextSelection>,
    /// Passages the panes should scroll to on the next frame (at most one per pane).
    pub scroll_targets: Vec<ScrollTarget>,
    /// What the claims list shows.
    pub claim_filter: ClaimFilter,
    /// A claim text being typed, applied (and recorded in the claim's history) when the
    /// editor leaves the field, so the history holds one entry per edit, not per key.
    pub text_draft: Option<TextDraft>,
    /// A field that should take the keyboard focus on the next frame.
    pub focus_request: Option<FocusTarget>,
    /// What the right panel shows.
    pub right_tab: RightTab,
    /// The document whose candidates are listed; `None`: the right pane's.
    pub candidate_document: Option<DocumentId>,
    /// How the candidates are listed.
    pub candidate_view: CandidateView,
    /// What the centre of the workbench shows.
    pub central_view: CentralView,
    /// The version the versions view aligns the others to; `None`: the left pane's.
    pub versions_base: Option<DocumentId>,
    /// Runs of unchanged sentences the editor opened in the versions view, by the
    /// index of their first row.
    pub expanded_stretches: BTreeSet<usize>,
    /// Which changes between the panes the changes list shows.
    pub changes_filter: ChangesFilter,
    /// The change between the panes last jumped to (index into the comparison's
    /// list of changes), which F7 and Shift+F7 move on from.
    pub selected_change: Option<usize>,
    /// Whether the changes list should scroll to the selected change on the next
    /// frame.
    pub reveal_change_in_list: bool,
    /// The row of the versions table F7 last moved to.
    pub versions_cursor: Option<usize>,
    /// Whether the versions table should scroll to that row on the next frame.
    pub reveal_versions_cursor: bool,
    /// The find bar, while it is open.
    pub find: Option<FindState>,
}

/// What the find bar looks for, and where.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FindState {
    /// The words typed.
    pub query: String,
    /// Whether "Syria" finds "syria" too (no, when set).
    pub match_case: bool,
    /// Where to look.
    pub scope: FindScope,
    /// The match last moved to, by its place in the list of matches.
    pub current: Option<usize>,
}

/// Where the find bar looks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FindScope {
    /// The documents the panes show.
    #[default]
    Panes,
    /// Every document of the project.
    AllDocuments,
}

/// What the centre of the workbench shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CentralView {
    /// Two versions side by side, diffed word by word.
    #[default]
    SideBySide,
    /// Every version aligned to one, sentence by sentence.
    Versions,
    /// Where each sentence of the right pane's version came from.
    Provenance,
}

impl CentralView {
    /// Every view, in the order of the tabs.
    pub const ALL: [Self; 3] = [Self::SideBySide, Self::Versions, Self::Provenance];

    /// The tab's name.
    pub fn label(self) -> &'static str {
        match self {
            Self::SideBySide => "Side by side",
            Self::Versions => "Versions",
            Self::Provenance => "Provenance",
        }
    }
}

/// Which changes between the panes the changes list shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ChangesFilter {
    /// Only changes of this class.
    pub class: Option<EventClass>,
    /// Whether house-style edits are listed too.
    pub show_minor: bool,
}

impl ChangesFilter {
    /// Whether the list shows `event`.
    pub fn matches(self, event: &Event) -> bool {
        self.class
            .map_or(self.show_minor || !event.class.is_minor(), |class| {
                class == event.class
            })
    }
}

/// The two views of the right panel.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RightTab {
    /// The claims being checked.
    #[default]
    Claims,
    /// The sentences Factdesk proposes for checking.
    Candidates,
    /// What changed between the panes that matters to a checker.
    Changes,
}

/// The order candidates are listed in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CandidateSort {
    /// Most check-worthy first.
    #[default]
    Score,
    /// As they come in the text.
    Reading,
}

impl CandidateSort {
    /// The name an editor reads.
    pub fn label(self) -> &'static str {
        match self {
            Self::Score => "Most check-worthy first",
            Self::Reading => "In reading order",
        }
    }
}

/// How the candidates are listed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CandidateView {
    /// Only candidates of this kind.
    pub kind: Option<CandidateKind>,
    /// Their order.
    pub sort: CandidateSort,
}

/// A claim's wording, conclusion or note while the editor types it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextDraft {
    /// The claim.
    pub claim_id: ClaimId,
    /// Which of its texts.
    pub field: TextField,
    /// The text as typed so far.
    pub text: String,
}

/// Fields the keyboard can jump to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FocusTarget {
    /// The selected claim's note (`n`).
    Note,
    /// The claims filter's search box (`/`).
    ClaimSearch,
    /// The find bar's search box (Ctrl+F).
    Find,
}

impl Session {
    /// A session on `project`, showing its first two documents side by side.
    pub fn new(project: Project, path: Option<PathBuf>) -> Self {
        let mut documents = project.documents.iter().map(|doc| doc.id.clone());
        let panes = [documents.next(), documents.next()];
        let selected_document = panes[0].clone();
        Self {
            project,
            path,
            dirty: false,
            on_disk: None,
            disk_change: None,
            undo: UndoHistory::default(),
            autosave_due: None,
            also_open_in: None,
            read_only_format: None,
            panes,
            extra_panes: Vec::new(),
            selected_document,
            selected_claim: None,
            text_selection: None,
            scroll_targets: Vec::new(),
            claim_filter: ClaimFilter::default(),
            text_draft: None,
            focus_request: None,
            right_tab: RightTab::default(),
            candidate_document: None,
            candidate_view: CandidateView::default(),
            central_view: CentralView::default(),
            versions_base: None,
            expanded_stretches: BTreeSet::new(),
            changes_filter: ChangesFilter::default(),
            selected_change: None,
            reveal_change_in_list: false,
            versions_cursor: None,
            reveal_versions_cursor: false,
            find: None,
        }
    }

    /// Lets go of documents and claims the project no longer has (after it was
    /// reloaded from disk), and of places in the comparisons, which are worked out
    /// afresh.
    pub fn forget_missing(&mut self) {
        let project = &self.project;
        let has_document =
            |id: &Option<DocumentId>| id.as_ref().is_none_or(|id| project.document(id).is_some());
        for pane in &mut self.panes {
            if !has_document(pane) {
                *pane = None;
            }
        }
        self.extra_panes.retain(|id| project.document(id).is_some());
        for id in [
            &mut self.selected_document,
            &mut self.candidate_document,
            &mut self.versions_base,
        ] {
            if !has_document(id) {
                *id = None;
            }
        }
        if self
            .selected_claim
            .as_ref()
            .is_some_and(|id| project.claim(id).is_none())
        {
            self.selected_claim = None;
        }
        self.text_selection = None;
        self.text_draft = None;
        self.scroll_targets.clear();
        self.selected_change = None;
        self.versions_cursor = None;
        self.expanded_stretches.clear();
    }

    /// The document shown in a pane.
    pub fn pane_document(&self, side: Side) -> Option<&Document> {
        self.panes[side.index()]
            .as_ref()
            .and_then(|document_id| self.project.document(document_id))
    }

    /// The claims the list shows, in reading order.
    pub fn visible_claims(&self) -> impl Iterator<Item = &crate::core::claims::Claim> {
        self.project
            .claims
            .iter()
            .filter(|claim| self.claim_filter.matches(claim))
    }

    /// The text a claim's field shows: the draft being typed, or the saved text.
    pub fn claim_text<'a>(
        &'a self,
        claim: &'a crate::core::claims::Claim,
        field: TextField,
    ) -> &'a str {
        match &self.text_draft {
            Some(draft) if draft.claim_id == claim.id && draft.field == field => &draft.text,
            _ => match field {
                TextField::Wording => &claim.wording,
                TextField::Conclusion => &claim.conclusion,
                TextField::Note => &claim.note,
            },
        }
    }

    /// The document whose candidates are listed: the one picked, or else the one in
    /// the right pane (usually the copy about to run), or else the first.
    pub fn candidate_document(&self) -> Option<&Document> {
        self.candidate_document
            .as_ref()
            .and_then(|id| self.project.document(id))
            .or_else(|| self.pane_document(Side::Right))
            .or_else(|| self.project.documents.first())
    }

    /// The version the versions view aligns the others to: the one picked, or else
    /// the left pane's, or else the first.
    pub fn versions_base(&self) -> Option<&Document> {
        self.versions_base
            .as_ref()
            .and_then(|id| self.project.document(id))
            .or_else(|| self.pane_document(Side::Left))
            .or_else(|| self.project.documents.first())
    }

    /// The document `pane` shows, if any.
    pub fn document_in(&self, pane: Pane) -> Option<&Document> {
        match pane {
            Pane::Side(side) => self.pane_document(side),
            Pane::Extra(n) => self
                .extra_panes
                .get(n)
                .and_then(|document_id| self.project.document(document_id)),
        }
    }

    /// The panes shown side by side, left to right.
    pub fn shown_panes(&self) -> Vec<Pane> {
        let extra = (0..self.extra_panes.len()).map(Pane::Extra);
        [Pane::Side(Side::Left), Pane::Side(Side::Right)]
            .into_iter()
            .chain(extra)
            .collect()
    }

    /// The pane showing a document, preferring the left one.
    pub fn side_showing(&self, document_id: &DocumentId) -> Option<Side> {
        Side::BOTH
            .into_iter()
            .find(|side| self.panes[side.index()].as_ref() == Some(document_id))
    }
}

/// How serious a message in the status bar is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    /// Something worked ("Saved").
    Info,
    /// Something the editor should look at but that did not stop anything.
    Warning,
    /// Something failed; nothing was changed.
    Error,
}

/// A message shown as a toast in the corner of the window: news (a save, an import)
/// goes by itself after a few seconds, an error stays until dismissed.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    /// Tells the toasts apart, for dismissing one.
    pub id: u64,
    /// How serious it is.
    pub kind: NoticeKind,
    /// What happened, in a sentence.
    pub text: String,
    /// When it was posted, in egui's clock (seconds).
    pub posted_at: f64,
}

/// What to do once the "Save changes?" question is answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PendingIntent {
    /// Close the window.
    Quit,
    /// Start a new project.
    NewProject,
    /// Open this project file.
    OpenProject(PathBuf),
}

/// A dialog that blocks the rest of the workbench until answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Modal {
    /// "Remove this document and its claims?"
    ConfirmRemoveDocument(DocumentId),
    /// "Delete this claim, its note and its history?"
    ConfirmRemoveClaim(ClaimId),
    /// "Save changes before …?"
    UnsavedChanges(PendingIntent),
    /// Adding or changing a piece of evidence.
    Evidence(EvidenceForm),
    /// The full history of a claim.
    ClaimHistory(ClaimId),
    /// Defining the desk's own verdict scale.
    CustomScale(CustomScaleForm),
    /// Every keyboard shortcut.
    Shortcuts,
    /// Find any command by typing part of its name.
    Palette(PaletteState),
    /// Factdesk's name, version and licence.
    About,
    /// The desk's settings, as typed.
    DeskSettings(Settings),
    /// Every conflicting edit a merge left.
    Conflicts,
    /// Exporting the project.
    Export(ExportForm),
    /// "The file changed on disk since you opened it": reload and merge, save
    /// elsewhere, or overwrite.
    SaveConflict,
    /// Unsaved work a crash left in the recovery file: restore or discard.
    Recovery(Box<RecoveryOffer>),
    /// A Factdesk project was added as an article: open it instead?
    OpenProjectInstead(PathBuf),
}

/// The command palette: what has been typed, and which match is chosen.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PaletteState {
    /// The text typed so far.
    pub query: String,
    /// The chosen match, by its place in the list of matches.
    pub chosen: usize,
}

/// Unsaved work found in a recovery file when a project was opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecoveryOffer {
    /// The project as the recovery file has it.
    pub project: Project,
    /// What it holds that the saved project does not ("2 claims changed").
    pub summary: String,
    /// When it was written, when the file system says.
    pub written: Option<String>,
}

/// The export dialog: the format picked, and what that export would leave out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportForm {
    /// The format picked.
    pub format: ExportFormat,
    /// The versions the report compares, (old, new): at first the panes on screen.
    pub pairs: Vec<(DocumentId, DocumentId)>,
    /// The claims the export would leave out, one line each.
    pub skipped: Vec<String>,
    /// What the export needs but the project does not give.
    pub warnings: Vec<String>,
}

/// The evidence dialog's fields, as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EvidenceForm {
    /// The claim the evidence is for.
    pub claim_id: ClaimId,
    /// The piece being changed; `None` adds a new one.
    pub index: Option<usize>,
    /// Where it is (kind and location).
    pub locator: Locator,
    /// Title or short description.
    pub title: String,
    /// Who stands behind it.
    pub publisher: String,
    /// The passage quoted.
    pub passage: String,
    /// For or against.
    pub stance: Stance,
    /// Accessed date as typed (YYYY-MM-DD).
    pub accessed: String,
    /// SHA-256 of a saved copy, as typed.
    pub sha256: String,
    /// Why the form could not be saved, shown in the dialog.
    pub error: Option<String>,
}

/// The custom verdict scale dialog's fields, as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CustomScaleForm {
    /// The scale's name.
    pub name: String,
    /// One rating per line, best first.
    pub ratings: String,
}

/// Preferences kept between runs (never the project itself).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// Recently opened or saved projects, newest first.
    pub recent_projects: Vec<PathBuf>,
    /// Whether scrolling one pane scrolls the other to the matching passage.
    pub sync_scroll: bool,
    /// Whether the panes' margins say what each part of the text is.
    pub show_segments: bool,
    /// The checker's name, recorded on every change they make to a claim.
    pub checker_name: String,
    /// What counts as a difference when versions are compared.
    pub compare_options: CompareOptions,
    /// Light, dark, or as the system is.
    pub theme: ThemeChoice,
    /// How much larger (or smaller) than usual everything is drawn.
    pub zoom: f32,
    /// Whether story text is set in a monospace font (to count characters, spot double
    /// spaces) instead of the proportional reading font.
    pub monospace_text: bool,
    /// Which panels are shown.
    pub layout: Layout,
}

impl Default for Prefs {
    fn default() -> Self {
        Self {
            recent_projects: Vec::new(),
            sync_scroll: true,
            show_segments: true,
            checker_name: String::new(),
            compare_options: CompareOptions::default(),
            theme: ThemeChoice::System,
            zoom: 1.0,
            monospace_text: false,
            layout: Layout::default(),
        }
    }
}

/// The colour theme an editor chose.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    /// Light or dark as the operating system is (the first start's choice).
    #[default]
    System,
    /// Dark text on light.
    Light,
    /// Light text on dark.
    Dark,
}

/// Which parts of the workbench are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Layout {
    /// The documents panel on the left.
    pub documents_panel: bool,
    /// The claims, candidates and changes panel on the right.
    pub claims_panel: bool,
    /// One document across the whole window: no panels and one pane.
    pub focus_mode: bool,
}

impl Default for Layout {
    fn default() -> Self {
        Self {
            documents_panel: true,
            claims_panel: true,
            focus_mode: false,
        }
    }
}

impl Prefs {
    /// Puts a project at the top of the recent list (`path` should be absolute, so the
    /// entry works whatever folder Factdesk is started from).
    pub fn remember_project(&mut self, path: &Path) {
        self.recent_projects.retain(|recent| recent != path);
        self.recent_projects.insert(0, path.to_owned());
        self.recent_projects.truncate(RECENT_PROJECTS);
    }
}

/// Everything the workbench draws.
#[derive(Debug, Default)]
pub struct AppState {
    /// The open project, if any; `None` shows the welcome screen.
    pub session: Option<Session>,
    /// Preferences kept between runs.
    pub prefs: Prefs,
    /// The messages shown as toasts, oldest first.
    pub notices: Vec<Notice>,
    /// The dialog waiting for an answer.
    pub modal: Option<Modal>,
}

impl AppState {
    /// The message posted last, if it is still shown.
    pub fn latest_notice(&self) -> Option<&Notice> {
        self.notices.last()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_projects_are_newest_first_without_repeats() {
        let mut prefs = Prefs::default();
        for name in ["a", "b", "a"] {
            prefs.remember_project(Path::new(name));
        }
        assert_eq!(
            prefs.recent_projects,
            [PathBuf::from("a"), PathBuf::from("b")]
        );
        for index in 0..20 {
            prefs.remember_project(Path::new(&format!("p{index}")));
        }
        assert_eq!(prefs.recent_projects.len(), RECENT_PROJECTS);
    }
}
