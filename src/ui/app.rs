//! The workbench app: draws the views each frame, then applies the actions they returned
//! in one place ([`FactdeskApp::apply`]), the only place the project is changed.

use std::path::{Path, PathBuf};

use egui::{CentralPanel, Context, Event, Panel, Ui, ViewportCommand};
use jiff::Timestamp;

use crate::core::anchor::TextAnchor;
use crate::core::article::{Document, DocumentId};
use crate::core::claims::filter::ClaimFilter;
use crate::core::claims::{Claim, ClaimId, Locator, Stamp};
use crate::core::diff::{DiffStats, WordDiff};
use crate::core::import::{ImportError, import_file, import_pasted};
use crate::core::project::{
    FILE_EXTENSION, FormatError, LoadError, NewerProject, Project, ProjectLock, timestamp_now,
};

use super::action::{Action, UnsavedChoice};
use super::background::Work;
use super::derived::{
    Analysis, Candidates, Comparison, Corroboration, FindMatch, FindResults, Provenance, TextFacts,
    Versions,
};
use super::diff_view::{DiffViewInput, DiffViewMemory};
use super::file_dialogs::{DialogAnswer, DialogPurpose, FileDialogs};
use super::file_watch::FileWatch;
use super::pane_text::FoundMark;
use super::shortcuts::KeyboardFocus;
use super::state::{
    AppState, CentralView, MAX_PANES, Modal, Notice, NoticeKind, OnDisk, PREFS_KEY, PaletteState,
    PendingIntent, RightTab, ScrollTarget, Session, Side, TextDraft,
};
use super::versions_view::{self, VersionsMemory};
use super::virtual_rows::RowHeights;
use super::{banners, changes_panel, compare_menu, provenance_view};
use super::{
    candidates_panel, claims_panel, clipboard, dialogs, diff_view, documents_panel, find_bar,
    menu_bar, shortcuts, status_bar, theme, toasts, welcome,
};
use recovery_actions::remove_recovery_file;

mod claim_actions;
mod colleague_actions;
mod export_actions;
mod recovery_actions;
mod version_actions;
mod view_actions;

/// How long to wait for the clipboard's text after "Paste as new article", in seconds,
/// before telling the editor there is none.
const PASTE_TIMEOUT_S: f64 = 1.0;
/// Title of a project that has not been named yet.
const UNTITLED_PROJECT: &str = "Untitled project";

/// The Factdesk workbench.
pub struct FactdeskApp {
    /// What the views draw.
    state: AppState,
    /// The comparison of the two panes, kept until they change.
    comparison: Comparison,
    /// The comparison of the left pane with each pane after the right one.
    extra_comparisons: [Comparison; MAX_PANES - 2],
    /// Every version aligned to the versions view's base.
    versions: Versions,
    /// Where the right pane's sentences came from.
    provenance: Provenance,
    /// The passages of other versions bearing on the selected claim.
    corroboration: Corroboration,
    /// Row heights of the versions view.
    versions_memory: VersionsMemory,
    /// Row heights of the changes list.
    changes_heights: RowHeights,
    /// Word counts and hidden characters of the documents, kept for the project's
    /// lifetime.
    text_facts: TextFacts,
    /// The find bar's matches, kept until its query or the texts change.
    find_results: FindResults,
    /// Claim candidates of the documents, kept for the project's lifetime.
    candidates: Candidates,
    /// Laid-out text and scroll positions of the two panes.
    diff_memory: DiffViewMemory,
    /// File dialogs waiting for the user.
    file_dialogs: FileDialogs,
    /// Actions to apply on the first frame (opening the project named on the command line).
    startup_actions: Vec<Action>,
    /// Counts the projects opened or started, so a file dialog's late answer is only
    /// applied to the project it was asked for.
    session_counter: u64,
    /// When "Paste as new article" asked for the clipboard, in egui's clock (seconds).
    paste_requested_at: Option<f64>,
    /// What to do once the project is saved, when "Save" in the unsaved-changes dialog
    /// had to ask where to save first.
    after_save: Option<PendingIntent>,
    /// Set once the editor has agreed to close (changes saved or discarded).
    close_confirmed: bool,
    /// The window title last sent, so it is only sent when it changes.
    window_title: String,
    /// The watch on the open project's file, for saves made by someone else.
    file_watch: Option<FileWatch>,
    /// This window's lock on the open project's file.
    lock: Option<ProjectLock>,
    /// The context the file watch wakes when it finds a new version.
    egui_ctx: Context,
    /// Factdesk's data folder, for the recovery file of a project never saved; `None`
    /// when the workbench runs without persistence (in tests).
    data_dir: Option<PathBuf>,
    /// Numbers the toasts, so each can be dismissed on its own.
    notice_counter: u64,
    /// When the program was launched, until the first frame is on screen: logged
    /// (target `factdesk::startup`) for `scripts/bench-startup.sh`.
    launched: Option<LaunchClock>,
}

/// Start-up timing: the launch instant, and whether the first frame has been drawn
/// (it is on screen once the next frame begins).
#[derive(Clone, Copy)]
struct LaunchClock {
    at: std::time::Instant,
    first_frame_drawn: bool,
}

/// The most toasts shown at once; older news gives way to newer.
const MAX_TOASTS: usize = 4;

impl FactdeskApp {
    /// The workbench, opening `project_path` on the first frame if given.
    pub fn new(cc: &eframe::CreationContext<'_>, project_path: Option<PathBuf>) -> Self {
        let prefs = cc
            .storage
            .and_then(|storage| eframe::get_value(storage, PREFS_KEY))
            .unwrap_or_default();
        let data_dir = cc.storage.and_then(|_| eframe::storage_dir("factdesk"));
        theme::install_fonts(&cc.egui_ctx);
        theme::install_visuals(&cc.egui_ctx);
        // Zoom is a command of ours (in the View menu, kept between runs), not egui's.
        cc.egui_ctx
            .options_mut(|options| options.zoom_with_keyboard = false);
        // Unsaved work on a project that was never saved: start a new project, which
        // offers it back.
        let untitled_work = data_dir
            .as_ref()
            .is_some_and(|dir| dir.join(recovery_actions::UNTITLED_RECOVERY).exists());
        let startup_actions = match project_path {
            Some(path) => vec![Action::OpenProject(path)],
            None if untitled_work => vec![Action::NewProject],
            None => Vec::new(),
        };
        Self {
            state: AppState {
                prefs,
                ..AppState::default()
            },
            comparison: Comparison::default(),
            extra_comparisons: Default::default(),
            versions: Versions::default(),
            provenance: Provenance::default(),
            corroboration: Corroboration::default(),
            versions_memory: VersionsMemory::default(),
            changes_heights: RowHeights::default(),
            text_facts: TextFacts::default(),
            find_results: FindResults::default(),
            candidates: Candidates::default(),
            diff_memory: DiffViewMemory::default(),
            file_dialogs: FileDialogs::default(),
            startup_actions,
            session_counter: 0,
            paste_requested_at: None,
            after_save: None,
            close_confirmed: false,
            window_title: String::new(),
            file_watch: None,
            lock: None,
            egui_ctx: cc.egui_ctx.clone(),
            data_dir,
            notice_counter: 0,
            launched: None,
        }
    }

    /// Logs, at info level under the target `factdesk::startup`, how long after
    /// `launched` the first frame reached the screen (`RUST_LOG=factdesk::startup=info`).
    #[must_use]
    pub fn with_launch_time(mut self, launched: std::time::Instant) -> Self {
        self.launched = Some(LaunchClock {
            at: launched,
            first_frame_drawn: false,
        });
        self
    }

    /// Counts frames until the first is on screen, then logs the time since launch.
    fn log_first_frame(&mut self, ctx: &Context) {
        let Some(clock) = &mut self.launched else {
            return;
        };
        if clock.first_frame_drawn {
            log::info!(
                target: "factdesk::startup",
                "first frame on screen {:.1} ms after launch",
                clock.at.elapsed().as_secs_f64() * 1000.0
            );
            self.launched = None;
        } else {
            clock.first_frame_drawn = true;
            ctx.request_repaint();
        }
    }

    /// What the workbench shows.
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// The window title: "Factdesk — " and the project title, with " •" while there are
    /// unsaved changes.
    pub fn window_title(&self) -> String {
        match &self.state.session {
            None => "Factdesk".to_owned(),
            Some(session) => {
                let dirty = if session.dirty { " •" } else { "" };
                format!("Factdesk — {}{dirty}", session.project.title)
            }
        }
    }

    /// Word counts of the comparison shown in the panes, when both panes are set.
    pub fn diff_stats(&self) -> Option<DiffStats> {
        Some(self.comparison.current()?.diff.stats)
    }

    /// The comparison of the panes as last worked out (a copy, for tests and tools).
    pub fn diff(&self) -> Option<WordDiff> {
        Some(self.comparison.current()?.diff.clone())
    }

    /// Shows a message in the status bar.
    fn notify(&mut self, kind: NoticeKind, text: impl Into<String>) {
        let text = text.into();
        // The same news twice in a row (a save, then another) is one toast, renewed.
        self.state
            .notices
            .retain(|notice| notice.text != text || notice.kind == NoticeKind::Error);
        self.notice_counter += 1;
        self.state.notices.push(Notice {
            id: self.notice_counter,
            kind,
            text,
            posted_at: self.egui_ctx.input(|input| input.time),
        });
        // The oldest news gives way; errors stay until the editor dismisses them.
        while self.state.notices.len() > MAX_TOASTS {
            let Some(oldest) = self
                .state
                .notices
                .iter()
                .position(|notice| notice.kind != NoticeKind::Error)
            else {
                break;
            };
            self.state.notices.remove(oldest);
        }
    }

    /// What the worker threads are computing now, for the status bar.
    fn work_under_way(&self) -> Vec<&'static str> {
        let comparing = std::iter::once(&self.comparison)
            .chain(&self.extra_comparisons)
            .find_map(Comparison::work_under_way);
        [
            comparing,
            self.versions.work_under_way(),
            self.provenance.work_under_way(),
            self.corroboration.work_under_way(),
        ]
        .into_iter()
        .flatten()
        .collect()
    }

    /// Takes down the toasts whose time is up, and asks to be woken for the next.
    fn expire_notices(&mut self, ctx: &Context) {
        let now = ctx.input(|input| input.time);
        self.state
            .notices
            .retain(|notice| toasts::expires_at(notice).is_none_or(|at| at > now));
        if let Some(next) = self
            .state
            .notices
            .iter()
            .filter_map(toasts::expires_at)
            .reduce(f64::min)
        {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(next - now));
        }
    }

    /// Shows an error in the status bar, with its whole chain of causes.
    fn report_error(&mut self, what: &str, err: impl Into<anyhow::Error>) {
        self.notify(NoticeKind::Error, format!("{what}: {:#}", err.into()));
    }

    /// Shows a file dialog for the current session. Returns whether it is showing.
    fn show_dialog(&mut self, purpose: DialogPurpose, ctx: &Context) -> bool {
        match self.file_dialogs.show(purpose, self.session_counter, ctx) {
            Ok(()) => true,
            Err(err) => {
                self.report_error("Could not show the file dialog", err);
                false
            }
        }
    }

    /// Applies one action: the one place where the project and the session change.
    /// An action that edits the project is recorded for Undo.
    pub fn apply(&mut self, action: Action, ctx: &Context) {
        if self.refuses_as_read_only(&action) {
            return;
        }
        let label = self.undo_label(&action);
        let before = label
            .as_ref()
            .and(self.state.session.as_ref())
            .map(|session| session.project.clone());
        let session_before = self.session_counter;
        let steps_history = matches!(action, Action::Undo | Action::Redo);
        self.apply_action(action, ctx);
        let mut edited = steps_history;
        if let (Some(label), Some(before)) = (label, before)
            && self.session_counter == session_before
            && let Some(session) = &mut self.state.session
            && session.project != before
        {
            session.undo.record(label, before);
            edited = true;
        }
        if edited {
            self.schedule_autosave(ctx);
        }
    }

    /// Whether `action` would change or save a project that is open read-only (saved by
    /// a newer Factdesk); if so, says why nothing happens.
    fn refuses_as_read_only(&mut self, action: &Action) -> bool {
        let Some(session) = &mut self.state.session else {
            return false;
        };
        let Some(version) = session.read_only_format else {
            return false;
        };
        // Typing in a field of a read-only project is dropped, not applied later.
        session.text_draft = None;
        let changes = action.undo_label().is_some()
            || matches!(
                action,
                Action::Save
                    | Action::ChooseSaveAs
                    | Action::SaveAs(_)
                    | Action::Undo
                    | Action::Redo
            );
        if changes {
            self.notify(
                NoticeKind::Warning,
                format!(
                    "Read-only: this project was saved by a newer Factdesk (project format version {version}); update Factdesk to change it"
                ),
            );
        }
        changes
    }

    /// What Undo would call `action`'s edit; a claim text being typed is applied
    /// before any other action, and is an edit of its own.
    fn undo_label(&self, action: &Action) -> Option<String> {
        action.undo_label().map(str::to_owned).or_else(|| {
            let draft = self.state.session.as_ref()?.text_draft.as_ref()?;
            let applies_draft = !matches!(action, Action::DraftClaimText { .. });
            applies_draft.then(|| {
                format!(
                    "edit {}",
                    draft.field.history_field().label().to_lowercase()
                )
            })
        })
    }

    /// Takes back the last edit (`undo`) or makes the last one undone again.
    fn step_history(&mut self, undo: bool) {
        let Some(session) = &mut self.state.session else {
            return;
        };
        let documents_before = session.project.documents.clone();
        let stepped = if undo {
            session.undo.undo(&mut session.project)
        } else {
            session.undo.redo(&mut session.project)
        };
        let Some(label) = stepped else {
            let nothing = if undo {
                "Nothing to undo"
            } else {
                "Nothing to redo"
            };
            self.notify(NoticeKind::Info, nothing);
            return;
        };
        session.dirty = session
            .on_disk
            .as_ref()
            .is_none_or(|on_disk| on_disk.base != session.project);
        session.forget_missing();
        let documents_changed = session.project.documents != documents_before;
        if documents_changed {
            self.forget_derived();
        }
        let done = if undo { "Undid" } else { "Redid" };
        self.notify(NoticeKind::Info, format!("{done} {label}"));
    }

    fn apply_action(&mut self, action: Action, ctx: &Context) {
        log::debug!("action: {action:?}");
        let now = timestamp_now();
        if !matches!(action, Action::DraftClaimText { .. }) {
            self.commit_text_draft(now);
        }
        match action {
            Action::NewProject => self.unless_unsaved(PendingIntent::NewProject, ctx),
            Action::ChooseProjectToOpen => {
                self.show_dialog(DialogPurpose::OpenProject, ctx);
            }
            Action::OpenProject(path) => self.unless_unsaved(PendingIntent::OpenProject(path), ctx),
            Action::Quit => self.unless_unsaved(PendingIntent::Quit, ctx),
            Action::Save => {
                self.save_project(ctx);
            }
            Action::ChooseSaveAs => {
                self.choose_save_path(ctx);
            }
            Action::SaveAs(path) => {
                if self.save_to(&path)
                    && let Some(intent) = self.after_save.take()
                {
                    self.carry_out(intent, ctx);
                }
            }
            Action::ResolveUnsaved(choice) => self.resolve_unsaved(choice, ctx),
            Action::RenameProject(title) => self.edit(|project| project.set_title(title, now)),

            Action::ChooseArticleFile => {
                self.show_dialog(DialogPurpose::AddArticles, ctx);
            }
            Action::AddArticlesFromFiles(paths) => self.add_articles(&paths, now),
            Action::PasteAsArticle => {
                ctx.send_viewport_cmd(ViewportCommand::RequestPaste);
                self.paste_requested_at = Some(ctx.input(|input| input.time));
            }
            Action::AddPastedArticle { text, html } => {
                match import_pasted(&text, html.as_deref(), now) {
                    Ok(document) => {
                        let label = document.label.clone();
                        self.add_document(document, now);
                        self.notify(
                            NoticeKind::Info,
                            format!("Added “{label}” from the clipboard"),
                        );
                    }
                    Err(err) => self.report_error("Could not paste an article", err),
                }
            }
            Action::RestoreSetAside(document_id, index) => {
                self.restore_set_aside(&document_id, index, now);
            }
            Action::SetSegment(document_id, index, role, agency) => {
                self.edit(|project| project.set_segment(&document_id, index, role, agency, now));
            }
            Action::SetShowSegments(show) => self.state.prefs.show_segments = show,
            Action::SelectDocument(document_id) => {
                if let Some(session) = &mut self.state.session {
                    session.selected_document = Some(document_id);
                }
            }
            Action::RenameDocument(document_id, label) => {
                self.edit(|project| project.rename_document(&document_id, label, now));
            }
            Action::SetDocumentSource(document_id, source) => {
                self.edit(|project| project.set_document_source(&document_id, source, now));
            }
            Action::SetDocumentPublication(document_id, publication) => {
                self.edit(|project| {
                    project.set_document_publication(&document_id, &publication, now)
                });
            }
            Action::ChooseReplacementText(document_id) => {
                self.show_dialog(DialogPurpose::ReplaceText(document_id), ctx);
            }
            Action::ReplaceDocumentText(document_id, path) => {
                self.replace_document_text(&document_id, &path, now);
            }
            Action::AskRemoveDocument(document_id) => {
                self.state.modal = Some(Modal::ConfirmRemoveDocument(document_id));
            }
            Action::RemoveDocument(document_id) => {
                self.state.modal = None;
                self.remove_document(&document_id, now);
            }
            Action::CancelDialog => self.state.modal = None,

            Action::ShowInPane(side, document_id) => {
                if let Some(session) = &mut self.state.session {
                    session.panes[side.index()] = Some(document_id);
                    // A selection in a document no longer shown cannot become a claim.
                    if let Some(selection) = &session.text_selection
                        && session.side_showing(&selection.document).is_none()
                    {
                        session.text_selection = None;
                    }
                }
            }
            Action::SetSyncScroll(sync_scroll) => self.state.prefs.sync_scroll = sync_scroll,
            Action::SetTextSelection(selection) => {
                if let Some(session) = &mut self.state.session {
                    session.text_selection = selection;
                }
            }

            Action::AddClaimFromSelection => self.add_claim_from_selection(now),
            Action::SelectClaim { claim_id, reveal } => self.select_claim(claim_id, reveal),
            Action::SelectAdjacentClaim(step) => self.select_adjacent_claim(step),
            Action::RevealSelectedClaim => {
                if let Some(claim_id) = self.selected_claim_id() {
                    self.select_claim(claim_id, true);
                }
            }
            Action::SetClaimStatus(claim_id, status) => {
                let stamp = self.stamp(now);
                self.edit(|project| project.set_claim_status(&claim_id, status, &stamp));
            }
            Action::CycleSelectedClaimStatus => self.cycle_selected_claim_status(now),
            Action::SetClaimRating(claim_id, rating) => {
                let stamp = self.stamp(now);
                self.edit(|project| project.set_claim_rating(&claim_id, rating, &stamp));
            }
            Action::RateSelectedClaim(index) => self.rate_selected_claim(index, now),
            Action::DraftClaimText {
                claim_id,
                field,
                text,
            } => {
                if let Some(session) = &mut self.state.session {
                    session.text_draft = Some(TextDraft {
                        claim_id,
                        field,
                        text,
                    });
                }
            }
            // The draft was applied before this action (see the top of this function).
            Action::CommitClaimText => {}
            Action::Focus(target) => {
                if let Some(session) = &mut self.state.session {
                    session.focus_request = Some(target);
                }
            }
            Action::SetClaimFilter(filter) => {
                if let Some(session) = &mut self.state.session {
                    session.claim_filter = filter;
                }
            }
            Action::MergeClaimWithNext(claim_id) => self.merge_claim_with_next(&claim_id, now),
            Action::SplitClaimAtSelection(claim_id) => {
                self.split_claim_at_selection(&claim_id, now);
            }
            Action::ReattachClaimToSelection(claim_id) => {
                self.reattach_claim_to_selection(&claim_id, now);
            }
            Action::OpenEvidenceForm { claim_id, index } => {
                self.open_evidence_form(claim_id, index, now);
            }
            Action::AddEvidenceToSelectedClaim => {
                if let Some(claim_id) = self.selected_claim_id() {
                    self.open_evidence_form(claim_id, None, now);
                }
            }
            Action::UpdateEvidenceForm(form) => {
                if let Some(Modal::Evidence(open)) = &mut self.state.modal {
                    *open = form;
                }
            }
            Action::SubmitEvidenceForm => self.submit_evidence_form(now),
            Action::DigestEvidenceFile => self.digest_evidence_file(),
            Action::ChooseEvidenceFile => {
                self.show_dialog(DialogPurpose::EvidenceFile, ctx);
            }
            Action::SetEvidenceFile(path) => {
                if let Some(Modal::Evidence(form)) = &mut self.state.modal {
                    form.locator = Locator::File(path.display().to_string());
                    self.digest_evidence_file();
                }
            }
            Action::RemoveEvidence(claim_id, index) => {
                let stamp = self.stamp(now);
                self.edit(|project| project.remove_evidence(&claim_id, index, &stamp));
            }
            Action::ShowClaimHistory(claim_id) => {
                self.state.modal = Some(Modal::ClaimHistory(claim_id));
            }
            Action::SetVerdictScale(scale) => {
                self.edit(|project| project.set_verdict_scale(scale, now));
            }
            Action::OpenCustomScale => self.open_custom_scale(),
            Action::UpdateCustomScale(form) => {
                if let Some(Modal::CustomScale(open)) = &mut self.state.modal {
                    *open = form;
                }
            }
            Action::SubmitCustomScale => self.submit_custom_scale(now),
            Action::OpenDeskSettings => {
                if let Some(session) = &self.state.session {
                    self.state.modal = Some(Modal::DeskSettings(session.project.settings.clone()));
                }
            }
            Action::UpdateDeskSettings(form) => {
                if let Some(Modal::DeskSettings(open)) = &mut self.state.modal {
                    *open = form;
                }
            }
            Action::SubmitDeskSettings => {
                if let Some(Modal::DeskSettings(settings)) = self.state.modal.take() {
                    self.edit(|project| project.set_settings(settings, now));
                }
            }
            Action::ReloadFromDisk => self.reload_from_disk(),
            Action::DismissDiskChange => self.dismiss_disk_change(),
            Action::OverwriteProject => self.overwrite_project(),
            Action::DismissAlsoOpen => {
                if let Some(session) = &mut self.state.session {
                    session.also_open_in = None;
                }
            }
            Action::RestoreRecovery => self.restore_recovery(),
            Action::DiscardRecovery => self.discard_recovered(),
            Action::ShowConflicts => self.state.modal = Some(Modal::Conflicts),
            Action::OpenExport(format) => self.open_export(format),
            Action::ChooseExportFile => self.choose_export_file(ctx),
            Action::SetExportPairs(pairs) => {
                if let Some(Modal::Export(form)) = &mut self.state.modal {
                    form.pairs = pairs;
                }
            }
            Action::ExportTo(format, path, pairs) => self.export_to(format, &path, pairs),
            Action::Undo => self.step_history(true),
            Action::Redo => self.step_history(false),
            Action::ResolveConflict(index, choice) => self.resolve_conflict(index, choice, now),
            Action::SetCheckerName(name) => self.state.prefs.checker_name = name,
            Action::SetRightTab(tab) => {
                if let Some(session) = &mut self.state.session {
                    session.right_tab = tab;
                }
            }
            Action::SetCandidateDocument(document_id) => {
                if let Some(session) = &mut self.state.session {
                    session.candidate_document = Some(document_id);
                }
            }
            Action::SetCandidateKind(kind) => {
                if let Some(session) = &mut self.state.session {
                    session.candidate_view.kind = kind;
                }
            }
            Action::SetCandidateSort(sort) => {
                if let Some(session) = &mut self.state.session {
                    session.candidate_view.sort = sort;
                }
            }
            Action::MakeClaims {
                document,
                sentences,
            } => self.make_claims_reporting(&document, &sentences, now),
            Action::AcceptCandidatesOfKind(document_id, kind) => {
                self.accept_candidates_of_kind(&document_id, kind, now);
            }
            Action::DismissCandidate(key) => {
                self.edit(|project| project.dismiss_candidate(key, now));
            }
            Action::RevealPassage(document_id, chars) => self.reveal(document_id, chars),
            Action::SetCentralView(view) => {
                if let Some(session) = &mut self.state.session {
                    session.central_view = view;
                }
            }
            Action::SetCompareOptions(options) => self.set_compare_options(options),
            Action::SetVersionsBase(document_id) => {
                if let Some(session) = &mut self.state.session {
                    session.versions_base = Some(document_id);
                    session.expanded_stretches.clear();
                    session.versions_cursor = None;
                }
            }
            Action::ToggleStretch(first) => {
                if let Some(session) = &mut self.state.session
                    && !session.expanded_stretches.remove(&first)
                {
                    session.expanded_stretches.insert(first);
                }
            }
            Action::SetChangesFilter(filter) => {
                if let Some(session) = &mut self.state.session {
                    session.changes_filter = filter;
                }
            }
            Action::RevealChange(index) => self.reveal_change(index),
            Action::MakeClaimFromChange(index) => self.make_claim_from_change(index, now),
            Action::StepChange(step) => self.step_change(step),
            Action::AttachPassage(claim_id, passage) => {
                self.attach_passage(&claim_id, &passage, now);
            }
            Action::ShowShortcuts => self.state.modal = Some(Modal::Shortcuts),
            Action::AskRemoveClaim(claim_id) => {
                self.state.modal = Some(Modal::ConfirmRemoveClaim(claim_id));
            }
            Action::RemoveClaim(claim_id) => {
                self.state.modal = None;
                self.edit(|project| project.remove_claim(&claim_id, now).is_some());
                if let Some(session) = &mut self.state.session
                    && session.selected_claim.as_ref() == Some(&claim_id)
                {
                    session.selected_claim = None;
                }
            }

            Action::DismissNotice(id) => self.state.notices.retain(|notice| notice.id != id),
            Action::CopyNotice(id) => {
                if let Some(notice) = self.state.notices.iter().find(|notice| notice.id == id) {
                    ctx.copy_text(notice.text.clone());
                }
            }
            Action::RunCommand(command) => self.run_command(command, ctx),
            Action::OpenPalette => {
                self.state.modal = Some(Modal::Palette(PaletteState::default()));
            }
            Action::UpdatePalette(palette) => self.update_palette(palette),
            Action::ShowAbout => self.state.modal = Some(Modal::About),
            Action::OpenFind => self.open_find(),
            Action::SetFind(find) => self.set_find(Some(find)),
            Action::StepFind(step) => self.step_find(step),
            Action::CloseFind => self.set_find(None),
            Action::SetLayout(layout) => self.state.prefs.layout = layout,
            Action::SwapPanes => self.swap_panes(),
            Action::AddPane => self.add_pane(),
            Action::ClosePane(n) => self.close_pane(n),
            Action::ShowInExtraPane(n, document_id) => self.show_in_extra_pane(n, document_id),
            Action::SetMonospaceText(monospace) => self.state.prefs.monospace_text = monospace,
            Action::SetZoom(zoom) => self.set_zoom(zoom),
            Action::SetTheme(theme) => self.state.prefs.theme = theme,
        }
    }

    /// Runs an edit of the project; marks the project dirty when it changed something.
    fn edit(&mut self, change: impl FnOnce(&mut Project) -> bool) {
        if let Some(session) = &mut self.state.session
            && change(&mut session.project)
        {
            session.dirty = true;
        }
    }

    /// Does what was asked, unless the open project has unsaved changes: then asks first.
    fn unless_unsaved(&mut self, intent: PendingIntent, ctx: &Context) {
        if self
            .state
            .session
            .as_ref()
            .is_some_and(|session| session.dirty)
        {
            self.state.modal = Some(Modal::UnsavedChanges(intent));
        } else {
            self.carry_out(intent, ctx);
        }
    }

    fn resolve_unsaved(&mut self, choice: UnsavedChoice, ctx: &Context) {
        let Some(Modal::UnsavedChanges(intent)) = self.state.modal.take() else {
            return;
        };
        match choice {
            UnsavedChoice::Cancel => {}
            UnsavedChoice::Discard => self.carry_out(intent, ctx),
            UnsavedChoice::Save => {
                let has_path = self
                    .state
                    .session
                    .as_ref()
                    .is_some_and(|s| s.path.is_some());
                if has_path {
                    if self.save_project(ctx) {
                        self.carry_out(intent, ctx);
                    }
                } else if self.choose_save_path(ctx) {
                    self.after_save = Some(intent);
                }
            }
        }
    }

    fn carry_out(&mut self, intent: PendingIntent, ctx: &Context) {
        // The open project's work is saved or discarded by now.
        self.discard_recovery();
        match intent {
            PendingIntent::Quit => {
                self.close_confirmed = true;
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
            PendingIntent::NewProject => {
                let project = Project::new(UNTITLED_PROJECT, timestamp_now());
                self.start_session(Session::new(project, None));
                self.notify(
                    NoticeKind::Info,
                    "New project: add the versions of the story to compare",
                );
                self.offer_recovery();
            }
            PendingIntent::OpenProject(path) => self.open(&path),
        }
    }

    /// Makes `session` the open project, with caches started afresh and its file
    /// watched.
    fn start_session(&mut self, session: Session) {
        self.state.session = Some(session);
        self.state.modal = None;
        self.session_counter += 1;
        self.forget_derived();
        self.watch_project_file();
    }

    /// Drops everything worked out from the project's texts, to be worked out again.
    fn forget_derived(&mut self) {
        self.comparison = Comparison::default();
        self.versions = Versions::default();
        self.provenance = Provenance::default();
        self.corroboration = Corroboration::default();
        self.versions_memory = VersionsMemory::default();
        self.changes_heights = RowHeights::default();
        self.text_facts = TextFacts::default();
        self.candidates = Candidates::default();
        self.diff_memory = DiffViewMemory::default();
    }

    /// Opens a project file; on failure the current project stays open, untouched.
    fn open(&mut self, path: &Path) {
        match Project::load_with_digest(path) {
            Ok((project, digest)) => {
                let warnings = project.integrity_warnings();
                self.remember_project(path);
                let mut session = Session::new(project.clone(), Some(path.to_owned()));
                session.on_disk = Some(OnDisk {
                    digest,
                    base: project,
                });
                self.start_session(session);
                // Opening is not news (the title and the status bar say what is open);
                // a file that shows edits made outside Factdesk is.
                if !warnings.is_empty() {
                    self.notify(
                        NoticeKind::Warning,
                        format!(
                            "Opened with {} warning(s): {}",
                            warnings.len(),
                            warnings.join("; ")
                        ),
                    );
                }
                self.offer_recovery();
            }
            Err(LoadError::Format {
                source: FormatError::NewerVersion { found },
                ..
            }) => self.open_newer(path, found),
            Err(err) => {
                if let LoadError::Read { source, .. } = &err
                    && source.kind() == std::io::ErrorKind::NotFound
                {
                    self.state
                        .prefs
                        .recent_projects
                        .retain(|recent| recent != path);
                }
                self.report_error("Could not open the project", err);
            }
        }
    }

    /// Opens a project a newer Factdesk saved, read-only, when this build can read it.
    fn open_newer(&mut self, path: &Path, found: u64) {
        match NewerProject::load(path) {
            Ok(newer) => {
                let mut session = Session::new(newer.project, Some(path.to_owned()));
                session.read_only_format = Some(newer.version);
                self.start_session(session);
                self.notify(
                    NoticeKind::Warning,
                    format!(
                        "Opened read-only: saved by a newer Factdesk (project format version {found})"
                    ),
                );
            }
            Err(err) => self.report_error("Could not open the project", err),
        }
    }

    /// Adds a project to the recent list by its absolute path, so the entry works
    /// whatever folder Factdesk is started from next time.
    fn remember_project(&mut self, path: &Path) {
        let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
        self.state.prefs.remember_project(&absolute);
    }

    /// Saves to the project's file, or asks where when it has none. Returns whether the
    /// project was saved.
    fn save_project(&mut self, ctx: &Context) -> bool {
        let Some(path) = self.state.session.as_ref().and_then(|s| s.path.clone()) else {
            self.choose_save_path(ctx);
            return false;
        };
        self.save_to(&path)
    }

    /// Shows the "Save project as" dialog. Returns whether it is showing.
    fn choose_save_path(&mut self, ctx: &Context) -> bool {
        let Some(session) = &self.state.session else {
            return false;
        };
        let file_name = session
            .path
            .as_deref()
            .and_then(Path::file_name)
            .map_or_else(
                || format!("{}{FILE_EXTENSION}", file_stem_for(&session.project.title)),
                |name| name.to_string_lossy().into_owned(),
            );
        self.show_dialog(DialogPurpose::SaveProjectAs(file_name), ctx)
    }

    /// Writes the project to `path` atomically and makes it the project's file. On
    /// failure the file on disk is untouched and the project stays dirty.
    fn save_to(&mut self, path: &Path) -> bool {
        if let Some(theirs) = self.changed_on_disk(path) {
            // Someone else saved since this window read the file: never overwrite
            // their work silently.
            self.after_save = None;
            if let Some(session) = &mut self.state.session {
                session.disk_change = Some(theirs);
            }
            self.state.modal = Some(Modal::SaveConflict);
            return false;
        }
        self.write_project(path)
    }

    /// Writes the project to `path`, whatever is on disk there now.
    fn write_project(&mut self, path: &Path) -> bool {
        // The unsaved work is in the file once saved; the recovery file goes, under the
        // name it had (an untitled project's is in the data folder).
        let recovery = self.recovery_file();
        let Some(session) = &mut self.state.session else {
            return false;
        };
        match session.project.save(path) {
            Ok(digest) => {
                if let Some(recovery) = recovery {
                    remove_recovery_file(&recovery);
                }
                let moved = session.path.as_deref() != Some(path);
                session.path = Some(path.to_owned());
                session.dirty = false;
                session.disk_change = None;
                session.on_disk = Some(OnDisk {
                    digest,
                    base: session.project.clone(),
                });
                if moved {
                    self.watch_project_file();
                }
                self.remember_project(path);
                self.notify(NoticeKind::Info, format!("Saved {}", path.display()));
                true
            }
            Err(err) => {
                self.after_save = None;
                self.report_error("Could not save; the file on disk is unchanged", err);
                false
            }
        }
    }

    /// Imports files as new documents, starting a project if none is open. A file that
    /// cannot be read is listed; the others are added all the same.
    fn add_articles(&mut self, paths: &[PathBuf], now: Timestamp) {
        let mut documents = Vec::new();
        let mut failures = Vec::new();
        for path in paths {
            match import_file(path, now) {
                Ok(document) => documents.push(document),
                // A project added as an article is offered to be opened instead.
                Err(ImportError::IsProject { .. }) if self.state.modal.is_none() => {
                    self.state.modal = Some(Modal::OpenProjectInstead(path.clone()));
                }
                Err(err) => failures.push(format!("{:#}", anyhow::Error::from(err))),
            }
        }
        if self.state.session.is_none() && !documents.is_empty() {
            self.start_session(Session::new(Project::new(UNTITLED_PROJECT, now), None));
        }
        let mut added = Vec::new();
        for document in documents {
            added.push(import_summary(&document));
            self.add_document(document, now);
        }
        let (kind, text) = match (added.as_slice(), failures.as_slice()) {
            ([], []) => return,
            ([one], []) => (NoticeKind::Info, format!("Added {one}")),
            (many, []) => (
                NoticeKind::Info,
                format!("Added {} articles: {}", many.len(), many.join("; ")),
            ),
            ([], [one]) => (
                NoticeKind::Error,
                format!("Could not add the article: {one}"),
            ),
            ([], many) => (
                NoticeKind::Error,
                format!("Could not add {} files: {}", many.len(), many.join("; ")),
            ),
            (added, failed) => (
                NoticeKind::Warning,
                format!(
                    "Added {} of {} files; could not add {}: {}",
                    added.len(),
                    added.len() + failed.len(),
                    failed.len(),
                    failed.join("; ")
                ),
            ),
        };
        self.notify(kind, text);
    }

    /// Adds a document and shows it where it can be compared.
    fn add_document(&mut self, document: Document, now: Timestamp) {
        let Some(session) = &mut self.state.session else {
            return;
        };
        let document_id = session.project.add_document(document, now);
        // A new version goes where it can be compared: an empty pane, else the right one.
        let side = if session.panes[Side::Left.index()].is_none() {
            Side::Left
        } else {
            Side::Right
        };
        session.panes[side.index()] = Some(document_id.clone());
        session.selected_document = Some(document_id);
        session.dirty = true;
    }

    /// Puts text set aside on import back into its document. A selection in that
    /// document counted characters of the old text, so it is dropped.
    fn restore_set_aside(&mut self, document_id: &DocumentId, index: usize, now: Timestamp) {
        let Some(session) = &mut self.state.session else {
            return;
        };
        match session.project.restore_set_aside(document_id, index, now) {
            Ok(()) => {
                session.dirty = true;
                if session
                    .text_selection
                    .as_ref()
                    .is_some_and(|s| &s.document == document_id)
                {
                    session.text_selection = None;
                }
            }
            Err(err) => self.report_error("Could not put the text back", err),
        }
    }

    /// Removes a document with its claims, and forgets every reference to them.
    fn remove_document(&mut self, document_id: &DocumentId, now: Timestamp) {
        let Some(session) = &mut self.state.session else {
            return;
        };
        let Some((document, claims)) = session.project.remove_document(document_id, now) else {
            return;
        };
        for pane in &mut session.panes {
            if pane.as_ref() == Some(document_id) {
                *pane = None;
            }
        }
        if session.selected_document.as_ref() == Some(document_id) {
            session.selected_document = None;
        }
        if session
            .text_selection
            .as_ref()
            .is_some_and(|s| &s.document == document_id)
        {
            session.text_selection = None;
        }
        let selected_claim_removed = session
            .selected_claim
            .as_ref()
            .is_some_and(|claim_id| claims.iter().any(|claim| &claim.id == claim_id));
        if selected_claim_removed {
            session.selected_claim = None;
        }
        session.scroll_targets.clear();
        session.dirty = true;
        self.notify(
            NoticeKind::Info,
            format!("Removed “{}” and {} claim(s)", document.label, claims.len()),
        );
    }

    /// Replaces a document's text with a file's and says what became of its claims.
    fn replace_document_text(&mut self, document_id: &DocumentId, path: &Path, now: Timestamp) {
        let stamp = self.stamp(now);
        let new_version = match import_file(path, now) {
            Ok(document) => document,
            Err(err) => {
                self.report_error("Could not replace the text; it is unchanged", err);
                return;
            }
        };
        let Some(session) = &mut self.state.session else {
            return;
        };
        let Some(replacement) =
            session
                .project
                .replace_document_text(document_id, new_version, &stamp)
        else {
            return;
        };
        session.dirty = true;
        session.text_selection = None;
        let summary = replacement.summary();
        if replacement.orphaned() > 0 {
            session.claim_filter = ClaimFilter {
                orphaned: true,
                ..ClaimFilter::default()
            };
            self.notify(
                NoticeKind::Warning,
                format!("Replaced the text ({summary}). Orphaned claims are listed: select their new words and attach them"),
            );
        } else {
            self.notify(NoticeKind::Info, format!("Replaced the text ({summary})"));
        }
    }

    /// Who is making a change now: the time and the checker's name.
    fn stamp(&self, now: Timestamp) -> Stamp {
        Stamp::new(now, self.state.prefs.checker_name.trim())
    }

    fn add_claim_from_selection(&mut self, now: Timestamp) {
        let Some(session) = &mut self.state.session else {
            return;
        };
        let Some(selection) = session.text_selection.take() else {
            self.notify(
                NoticeKind::Warning,
                "Select the claim's words in either pane first",
            );
            return;
        };
        let Some(document) = session.project.document(&selection.document) else {
            return;
        };
        match TextAnchor::from_selection(&document.text, selection.chars) {
            Ok(anchor) => {
                let quote = anchor.exact.clone();
                let claim = Claim::new(
                    selection.document,
                    anchor,
                    &Stamp::new(now, self.state.prefs.checker_name.trim()),
                );
                if let Some(claim_id) = session.project.add_claim(claim, now) {
                    session.selected_claim = Some(claim_id);
                    session.dirty = true;
                    self.notify(NoticeKind::Info, format!("Added claim “{quote}”"));
                }
            }
            Err(err) => self.report_error("Could not add a claim", err),
        }
    }

    fn select_claim(&mut self, claim_id: ClaimId, reveal: bool) {
        let Some(session) = &mut self.state.session else {
            return;
        };
        let Some(claim) = session.project.claim(&claim_id) else {
            return;
        };
        let reveal = reveal.then(|| (claim.document.clone(), claim.anchor.char_range()));
        session.selected_claim = Some(claim_id);
        if let Some((document_id, chars)) = reveal {
            self.reveal(document_id, chars);
        }
    }

    /// Scrolls a passage into view: in the pane showing its document, or else in the
    /// right pane, which is made to show it.
    fn reveal(&mut self, document_id: DocumentId, chars: std::ops::Range<usize>) {
        let Some(session) = &mut self.state.session else {
            return;
        };
        let side = session.side_showing(&document_id).unwrap_or_else(|| {
            session.panes[Side::Right.index()] = Some(document_id);
            Side::Right
        });
        session.scroll_targets = vec![ScrollTarget { side, chars }];
    }

    /// Collects the actions that arrive from outside the views: the command line,
    /// file dialogs, keyboard shortcuts and the clipboard.
    fn incoming_actions(&mut self, ctx: &Context) -> Vec<Action> {
        let mut actions = std::mem::take(&mut self.startup_actions);
        self.take_disk_version();
        for DialogAnswer {
            purpose,
            session,
            mut paths,
        } in self.file_dialogs.answers()
        {
            let for_another_project = session != self.session_counter;
            if paths.is_empty() {
                // Cancelled: a save that was to be followed by something is dropped.
                if matches!(purpose, DialogPurpose::SaveProjectAs(_)) {
                    self.after_save = None;
                }
                continue;
            }
            match purpose {
                DialogPurpose::SaveProjectAs(_)
                | DialogPurpose::Export(..)
                | DialogPurpose::AddArticles
                | DialogPurpose::ReplaceText(_)
                | DialogPurpose::EvidenceFile
                    if for_another_project =>
                {
                    self.after_save = None;
                    self.notify(
                        NoticeKind::Warning,
                        "The file dialog was for the project that was open before; nothing was done",
                    );
                }
                DialogPurpose::OpenProject => {
                    actions.push(Action::OpenProject(paths.swap_remove(0)));
                }
                DialogPurpose::SaveProjectAs(_) => {
                    actions.push(Action::SaveAs(paths.swap_remove(0)));
                }
                DialogPurpose::Export(format, _, pairs) => {
                    actions.push(Action::ExportTo(format, paths.swap_remove(0), pairs));
                }
                DialogPurpose::AddArticles => actions.push(Action::AddArticlesFromFiles(paths)),
                DialogPurpose::EvidenceFile => {
                    actions.push(Action::SetEvidenceFile(paths.swap_remove(0)));
                }
                DialogPurpose::ReplaceText(document_id) => {
                    actions.push(Action::ReplaceDocumentText(
                        document_id,
                        paths.swap_remove(0),
                    ));
                }
            }
        }
        actions.extend(dropped_files(ctx));
        if self.state.modal.is_none() {
            actions.extend(shortcuts::pressed(ctx, &self.state));
            if self.state.session.is_some() {
                actions.extend(shortcuts::triage_pressed(ctx, keyboard_focus(ctx)));
            }
        }
        // A paste into a text field (a note, a label) is the field's, not a new article.
        if let Some(requested_at) = self.paste_requested_at
            && !ctx.text_edit_focused()
        {
            let (now, pasted) = ctx.input(|input| {
                let pasted = input.events.iter().find_map(|event| match event {
                    Event::Paste(text) => Some(text.clone()),
                    _ => None,
                });
                (input.time, pasted)
            });
            if let Some(text) = pasted {
                self.paste_requested_at = None;
                let html = clipboard::html();
                actions.push(Action::AddPastedArticle { text, html });
            } else if now - requested_at > PASTE_TIMEOUT_S {
                self.paste_requested_at = None;
                self.notify(NoticeKind::Warning, "The clipboard has no text to paste");
            } else {
                ctx.request_repaint_after(std::time::Duration::from_millis(100));
            }
        }
        actions
    }

    /// Stops the window from closing over unsaved changes, and asks instead.
    fn guard_close(&mut self, ctx: &Context) {
        let close_requested = ctx.input(|input| input.viewport().close_requested());
        if close_requested {
            self.commit_text_draft(timestamp_now());
        }
        let dirty = self
            .state
            .session
            .as_ref()
            .is_some_and(|session| session.dirty);
        if close_requested && dirty && !self.close_confirmed {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.state.modal = Some(Modal::UnsavedChanges(PendingIntent::Quit));
        } else if close_requested && !dirty {
            // A clean exit: nothing is left to recover.
            self.discard_recovery();
        }
    }

    fn update_window_title(&mut self, ctx: &Context) {
        let title = self.window_title();
        if title != self.window_title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.window_title = title;
        }
    }

    fn workbench_ui(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        let Some(session) = &mut self.state.session else {
            CentralPanel::default().show(ui, |ui| welcome::ui(ui, &self.state.prefs, actions));
            return;
        };
        let scroll_targets = std::mem::take(&mut session.scroll_targets);
        let reveal_change = std::mem::take(&mut session.reveal_change_in_list);
        let reveal_versions_cursor = std::mem::take(&mut session.reveal_versions_cursor);
        let session = &*session;
        let ctx = ui.ctx().clone();
        let options = self.state.prefs.compare_options;
        let comparison = self.comparison.refresh(&ctx, session, options);
        let analysis = comparison.as_ref().and_then(Work::ready);
        let comparing = matches!(comparison, Some(Work::Working));
        if session.disk_change.is_some()
            || session.also_open_in.is_some()
            || session.read_only_format.is_some()
            || !session.project.conflicts.is_empty()
        {
            Panel::top("banners").show(ui, |ui| banners::ui(ui, session, actions));
        }
        let layout = self.state.prefs.layout;
        if layout.documents_panel && !layout.focus_mode {
            Panel::left("documents")
                .resizable(true)
                .default_size(250.0)
                .size_range(200.0..=480.0)
                .show(ui, |ui| {
                    documents_panel::ui(ui, session, &mut self.text_facts, actions);
                });
        }
        let candidates = session
            .candidate_document()
            .map(|document| self.candidates.open(&session.project, document))
            .unwrap_or_default();
        let corroboration = session
            .selected_claim
            .as_ref()
            .filter(|_| session.right_tab == RightTab::Claims)
            .and_then(|claim_id| self.corroboration.refresh(&ctx, &session.project, claim_id));
        let claims_panel = layout.claims_panel && !layout.focus_mode;
        if claims_panel {
            Panel::right("claims")
                .resizable(true)
                .default_size(330.0)
                .size_range(260.0..=600.0)
                .show(ui, |ui| {
                    let changes = analysis.as_ref().map(|analysis| {
                        analysis
                            .events
                            .iter()
                            .filter(|event| !event.class.is_minor())
                            .count()
                    });
                    right_tabs_ui(ui, session, candidates.len(), changes, actions);
                    match session.right_tab {
                        RightTab::Claims => claims_panel::ui(
                            ui,
                            session,
                            &self.state.prefs,
                            corroboration.as_ref(),
                            actions,
                        ),
                        RightTab::Candidates => {
                            candidates_panel::ui(ui, session, &candidates, actions);
                        }
                        RightTab::Changes => changes_panel::ui(
                            ui,
                            session,
                            analysis.as_deref(),
                            comparing,
                            reveal_change,
                            &mut self.changes_heights,
                            actions,
                        ),
                    }
                });
        }
        let matches = self.find_results.refresh(session);
        let left = session.pane_document(Side::Left);
        let extra_analyses: Vec<Option<std::sync::Arc<Analysis>>> = session
            .extra_panes
            .iter()
            .zip(&mut self.extra_comparisons)
            .map(|(document_id, comparison)| {
                let extra = session.project.document(document_id);
                comparison
                    .refresh_pair(&ctx, left, extra, &[], options)
                    .and_then(|work| work.ready())
            })
            .collect();
        CentralPanel::default().show(ui, |ui| {
            if !session.project.documents.is_empty() {
                central_tabs_ui(ui, session, options, actions);
            }
            if let Some(find) = &session.find {
                find_bar::ui(ui, session, find, &matches, actions);
                ui.add_space(2.0);
            }
            match session.central_view {
                CentralView::SideBySide => {
                    let input = DiffViewInput {
                        diff: analysis.as_deref().map(|analysis| &analysis.diff),
                        comparing,
                        sync_scroll: self.state.prefs.sync_scroll,
                        scroll_targets,
                        show_segments: self.state.prefs.show_segments,
                        monospace: self.state.prefs.monospace_text,
                        extra_diffs: extra_analyses
                            .iter()
                            .map(|analysis| analysis.as_deref().map(|analysis| &analysis.diff))
                            .collect(),
                        found: found_marks(session, &matches),
                        single_pane: layout.focus_mode,
                    };
                    diff_view::ui(
                        ui,
                        session,
                        &input,
                        &mut self.diff_memory,
                        &mut self.text_facts,
                        actions,
                    );
                }
                CentralView::Versions => {
                    let work = session
                        .versions_base()
                        .map(|base| self.versions.refresh(&ctx, &session.project, base, options));
                    versions_view::ui(
                        ui,
                        session,
                        work.as_ref(),
                        reveal_versions_cursor,
                        &mut self.versions_memory,
                        actions,
                    );
                }
                CentralView::Provenance => {
                    let work = session.pane_document(Side::Right).map(|published| {
                        self.provenance.refresh(&ctx, &session.project, published)
                    });
                    provenance_view::ui(ui, session, work.as_ref(), actions);
                }
            }
        });
    }
}

/// The tabs at the top of the centre (side by side, versions, provenance) and the
/// comparison options.
fn central_tabs_ui(
    ui: &mut Ui,
    session: &Session,
    options: crate::core::compare_options::CompareOptions,
    actions: &mut Vec<Action>,
) {
    ui.horizontal(|ui| {
        for view in CentralView::ALL {
            if ui
                .selectable_label(session.central_view == view, view.label())
                .clicked()
            {
                actions.push(Action::SetCentralView(view));
            }
        }
        ui.separator();
        compare_menu::ui(ui, options, actions);
    });
    ui.separator();
}

/// The tabs at the top of the right panel: claims, and the candidates still open.
fn right_tabs_ui(
    ui: &mut Ui,
    session: &Session,
    open_candidates: usize,
    changes: Option<usize>,
    actions: &mut Vec<Action>,
) {
    ui.horizontal(|ui| {
        for (tab, label) in [
            (
                RightTab::Claims,
                format!("Claims ({})", session.project.claims.len()),
            ),
            (
                RightTab::Candidates,
                format!("Candidates ({open_candidates})"),
            ),
            (
                RightTab::Changes,
                changes.map_or_else(
                    || "Changes".to_owned(),
                    |count| format!("Changes ({count})"),
                ),
            ),
        ] {
            if ui
                .selectable_label(session.right_tab == tab, label)
                .clicked()
            {
                actions.push(Action::SetRightTab(tab));
            }
        }
    });
    ui.separator();
}

/// "“Label” (2 lines set aside; decoded from windows-1252)": what the editor is told
/// about a document just imported.
fn import_summary(document: &Document) -> String {
    let mut notes = Vec::new();
    match document.set_aside.len() {
        0 => {}
        1 => notes.push("1 passage set aside".to_owned()),
        count => notes.push(format!("{count} passages set aside")),
    }
    if let Some(encoding) = &document.metadata.encoding {
        notes.push(format!("decoded from {encoding}"));
    }
    if notes.is_empty() {
        format!("“{}”", document.label)
    } else {
        format!("“{}” ({})", document.label, notes.join("; "))
    }
}

/// Where the keyboard is, which decides which single keys are triage shortcuts.
fn keyboard_focus(ctx: &Context) -> KeyboardFocus {
    let pane_has_focus =
        diff_view::story_text_ids().any(|id| ctx.memory(|memory| memory.has_focus(id)));
    if pane_has_focus {
        KeyboardFocus::StoryText
    } else if ctx.text_edit_focused() {
        KeyboardFocus::Typing
    } else {
        KeyboardFocus::Elsewhere
    }
}

/// The actions for files dropped on the window: a project file opens, anything else is
/// added as an article.
fn dropped_files(ctx: &Context) -> Vec<Action> {
    let paths: Vec<PathBuf> = ctx.input(|input| {
        input
            .raw
            .dropped_files
            .iter()
            .map(|file| file.path().to_owned())
            .collect()
    });
    let (projects, articles): (Vec<PathBuf>, Vec<PathBuf>) = paths.into_iter().partition(|path| {
        path.to_string_lossy()
            .to_lowercase()
            .ends_with(FILE_EXTENSION)
    });
    let mut actions: Vec<Action> = projects.into_iter().map(Action::OpenProject).collect();
    if !articles.is_empty() {
        actions.push(Action::AddArticlesFromFiles(articles));
    }
    actions
}

/// While files are dragged over the window, says what dropping them will do.
fn drop_hint_ui(ui: &Ui) {
    let ctx = ui.ctx();
    let count = ctx.input(|input| input.raw.hovered_files.len());
    if count == 0 {
        return;
    }
    let screen = ctx.content_rect();
    let layer = egui::LayerId::new(egui::Order::Foreground, egui::Id::unique("drop-hint"));
    let painter = ctx.layer_painter(layer);
    painter.rect_filled(screen, 0.0, theme::drop_hint_fill(ui.visuals()));
    let text = if count == 1 {
        "Drop to add this file as an article (a .factdesk.json project opens)".to_owned()
    } else {
        format!("Drop to add these {count} files as articles")
    };
    painter.text(
        screen.center(),
        egui::Align2::CENTER_CENTER,
        text,
        egui::FontId::proportional(22.0),
        ui.visuals().strong_text_color(),
    );
}

/// The find bar's matches in each pane's document, by [`Pane::index`].
fn found_marks(session: &Session, matches: &[FindMatch]) -> Vec<Vec<FoundMark>> {
    let current = session.find.as_ref().and_then(|find| find.current);
    session
        .shown_panes()
        .into_iter()
        .map(|pane| {
            let Some(shown) = session.document_in(pane) else {
                return Vec::new();
            };
            matches
                .iter()
                .enumerate()
                .filter(|(_, found)| found.document == shown.id)
                .map(|(index, found)| FoundMark {
                    chars: found.chars.clone(),
                    current: current == Some(index),
                })
                .collect()
        })
        .collect()
}

/// A file name made from a project title: letters and digits, words joined by '-'.
fn file_stem_for(title: &str) -> String {
    let words: Vec<String> = title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.is_empty() {
        "project".to_owned()
    } else {
        words.join("-")
    }
}

impl eframe::App for FactdeskApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.apply_look(&ctx);
        self.expire_notices(&ctx);
        let mut actions = self.incoming_actions(&ctx);
        self.guard_close(&ctx);
        self.autosave(&ctx);

        Panel::top("menu").show(ui, |ui| menu_bar::ui(ui, &self.state, &mut actions));
        let busy = self.work_under_way();
        Panel::bottom("status").show(ui, |ui| status_bar::ui(ui, &self.state, &busy));
        self.workbench_ui(ui, &mut actions);
        // A field asked to take the focus has had this frame to take it.
        if let Some(session) = &mut self.state.session {
            session.focus_request = None;
        }
        dialogs::ui(&ctx, &self.state, &mut actions);
        toasts::ui(&ctx, &self.state.notices, &mut actions);
        drop_hint_ui(ui);

        // Actions change what the views show after they were drawn: draw again, or a
        // change made from the keyboard would not show until the mouse next moved.
        if !actions.is_empty() {
            ctx.request_repaint();
        }
        for action in actions {
            self.apply(action, &ctx);
        }
        self.update_window_title(&ctx);
        self.log_first_frame(&ctx);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, PREFS_KEY, &self.state.prefs);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_come_from_titles() {
        assert_eq!(
            file_stem_for("Idlib: Tens of thousands flee"),
            "idlib-tens-of-thousands-flee"
        );
        assert_eq!(file_stem_for("“…”"), "project");
    }
}
