//! The workbench, clicked through headlessly with `egui_kittest`: widgets are found by
//! their accessible labels, as a screen reader would find them, and each flow ends with
//! an assertion on the app's state or on the file on disk.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test should fail loudly when a fixture or helper breaks"
)]

use std::path::{Path, PathBuf};

use egui::accesskit::Role;
use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use factdesk::core::claims::{Field, Status};
use factdesk::core::diff::WordDiff;
use factdesk::core::project::Project;
use factdesk::ui::{FactdeskApp, Modal, NoticeKind, Side};

mod common;

use common::{
    CTRL, CTRL_SHIFT, SAMPLE, choose, click_in_view, drop_files, pick_verdict_scale, press,
    replace_text, sample_copy, session, workbench,
};

#[test]
fn opening_the_sample_shows_its_title_and_the_diff_summary() {
    let harness = workbench(Some(PathBuf::from(SAMPLE)));
    let app = harness.state();
    assert_eq!(
        app.window_title(),
        "Factdesk — Idlib 2019: tens of thousands flee Russia-led onslaught"
    );

    let session = session(&harness);
    let [left, right] = [Side::Left, Side::Right].map(|side| session.pane_document(side).unwrap());
    let expected = WordDiff::compute(&left.text, &right.text).stats;
    let summary = format!(
        "{} words kept · {} moved · {} deleted · {} inserted · {:.1}% of the left text retained",
        expected.words_kept,
        expected.words_moved,
        expected.words_deleted,
        expected.words_inserted,
        expected.retained_percent().unwrap()
    );
    assert!(expected.words_deleted > 0 && expected.words_inserted > 0);
    assert!(expected.words_moved > 0, "the desk moved the caption");
    harness.get_by_label(&summary);
    assert_eq!(harness.state().diff_stats(), Some(expected));
}

#[test]
fn each_pane_picks_its_document() {
    let mut harness = workbench(Some(PathBuf::from(SAMPLE)));
    let scraped = session(&harness).project.documents[0].clone();
    choose(&mut harness, "Right document", &scraped.label);
    assert_eq!(
        session(&harness).panes[Side::Right.index()],
        Some(scraped.id.clone())
    );
    harness.get_by_label("Both panes show the same document");
    let stats = harness.state().diff_stats().unwrap();
    assert_eq!((stats.words_deleted, stats.words_inserted), (0, 0));

    // Swapped round, what was inserted is now deleted and the other way about.
    let desk_edit = session(&harness).project.documents[1].clone();
    let forward = WordDiff::compute(&scraped.text, &desk_edit.text).stats;
    choose(&mut harness, "Left document", &desk_edit.label);
    let swapped = harness.state().diff_stats().unwrap();
    assert_eq!(swapped.words_deleted, forward.words_inserted);
    assert_eq!(swapped.words_inserted, forward.words_deleted);
}

#[test]
fn selected_words_become_a_claim_and_mark_the_project_dirty() {
    let (_folder, path) = sample_copy();
    let mut harness = workbench(Some(path));
    let claims_before = session(&harness).project.claims.len();

    harness.get_by_label("Left text").focus();
    harness.run();
    press(&mut harness, CTRL, Key::Home);
    for _ in 0..3 {
        press(&mut harness, CTRL_SHIFT, Key::ArrowRight);
    }
    let selection = session(&harness)
        .text_selection
        .clone()
        .expect("words are selected");
    let document = session(&harness).pane_document(Side::Left).unwrap();
    let selected: String = document
        .text
        .chars()
        .skip(selection.chars.start)
        .take(selection.chars.len())
        .collect();
    assert!(!selected.trim().is_empty());

    // The button's accessible name also carries its shortcut.
    harness
        .get_by_label_contains("Add claim from selection")
        .click();
    harness.run();

    let session = session(&harness);
    assert_eq!(session.project.claims.len(), claims_before + 1);
    let claim_id = session
        .selected_claim
        .clone()
        .expect("the new claim is selected");
    let claim = session.project.claim(&claim_id).unwrap();
    assert_eq!(claim.anchor.exact, selected.trim());
    assert_eq!(claim.document, selection.document);
    assert_eq!(claim.status, Status::Unchecked);
    assert!(session.dirty);
    assert!(harness.state().window_title().ends_with(" •"));
}

#[test]
fn the_shortcut_adds_a_claim_from_the_right_pane() {
    let (_folder, path) = sample_copy();
    let mut harness = workbench(Some(path));
    harness.get_by_label("Right text").focus();
    harness.run();
    press(&mut harness, CTRL, Key::Home);
    press(&mut harness, CTRL_SHIFT, Key::ArrowRight);
    press(&mut harness, CTRL_SHIFT, Key::C);

    let session = session(&harness);
    let claim = session
        .project
        .claim(session.selected_claim.as_ref().unwrap())
        .unwrap();
    assert_eq!(claim.anchor.exact, "Tens");
    assert_eq!(
        Some(&claim.document),
        session.panes[Side::Right.index()].as_ref()
    );
}

#[test]
fn changing_a_status_and_saving_writes_it_to_the_file() {
    let (_folder, path) = sample_copy();
    let mut harness = workbench(Some(path.clone()));

    harness.get_by_label("“400,000 people displaced”").click();
    harness.run();
    let claim_id = session(&harness)
        .selected_claim
        .clone()
        .expect("claim selected");
    choose(&mut harness, "Status", "Checked");

    let claim = session(&harness).project.claim(&claim_id).unwrap();
    assert_eq!(claim.status, Status::Checked);
    assert_eq!(
        claim
            .history
            .last()
            .map(|e| (e.field, e.old.as_str(), e.new.as_str())),
        Some((Field::Status, "Needs correction", "Checked"))
    );
    assert!(harness.state().window_title().ends_with(" •"));

    press(&mut harness, CTRL, Key::S);
    assert!(!session(&harness).dirty);
    assert!(!harness.state().window_title().ends_with(" •"));
    let saved = Project::load(&path).unwrap();
    assert_eq!(saved.claim(&claim_id).unwrap().status, Status::Checked);
    assert_eq!(saved, session(&harness).project);
}

#[test]
fn a_note_is_applied_when_the_editor_leaves_the_field() {
    let (_folder, path) = sample_copy();
    let mut harness = workbench(Some(path));
    harness
        .get_by_label("“since stepping up its intervention in 2015”")
        .click();
    harness.run();
    let claim_id = session(&harness).selected_claim.clone().unwrap();
    harness.get_by_label("Note").focus();
    harness.run();
    harness
        .get_by_label("Note")
        .type_text(" Checked with the archive.");
    harness.run();
    // While the editor types, the note is a draft: nothing is recorded yet.
    let claim = session(&harness).project.claim(&claim_id).unwrap();
    assert!(!claim.note.ends_with("archive."), "{}", claim.note);
    let history_before = claim.history.len();

    // Leaving the field applies the note, with one history entry for the whole edit.
    press(&mut harness, Modifiers::NONE, Key::Escape);
    let claim = session(&harness).project.claim(&claim_id).unwrap();
    assert!(
        claim.note.ends_with("Checked with the archive."),
        "{}",
        claim.note
    );
    assert_eq!(claim.history.len(), history_before + 1);
    assert_eq!(claim.history.last().unwrap().field, Field::Note);
    assert!(session(&harness).dirty);
}

#[test]
fn a_claim_picked_in_the_list_is_shown_in_a_pane() {
    let mut harness = workbench(Some(PathBuf::from(SAMPLE)));
    let desk_edit = session(&harness).project.documents[1].clone();
    choose(&mut harness, "Left document", &desk_edit.label);
    assert_eq!(
        session(&harness).side_showing(&session(&harness).project.documents[0].id),
        None
    );

    harness
        .get_by_label("“Ten of thousands of people have fled to the Turkish border”")
        .click();
    harness.run();
    let session = session(&harness);
    let claim = session
        .project
        .claim(session.selected_claim.as_ref().unwrap())
        .unwrap();
    assert_eq!(session.side_showing(&claim.document), Some(Side::Right));
}

#[test]
fn a_claim_picked_in_the_list_is_scrolled_into_view() {
    let mut harness = workbench(Some(PathBuf::from(SAMPLE)));
    harness.get_by_label("Sync scroll").click();
    harness.run();
    let text_top =
        |harness: &Harness<'_, FactdeskApp>| harness.get_by_label("Right text").rect().top();
    let before = text_top(&harness);
    // The last paragraph of the desk edit: below the fold in a 900-point window.
    harness.get_by_label("“400,000 people displaced”").click();
    harness.run();
    let scrolled = before - text_top(&harness);
    assert!(
        scrolled > 200.0,
        "the right pane scrolled only {scrolled} points"
    );
}

#[test]
fn unsaved_changes_are_asked_about_before_a_new_project() {
    let (_folder, path) = sample_copy();
    let mut harness = workbench(Some(path));
    harness.get_by_label("Project title").focus();
    harness.run();
    harness
        .get_by_label("Project title")
        .type_text(" (late edition)");
    harness.run();
    assert!(session(&harness).dirty);

    press(&mut harness, CTRL, Key::N);
    assert!(matches!(
        harness.state().state().modal,
        Some(Modal::UnsavedChanges(_))
    ));
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(session(&harness).project.title.ends_with("(late edition)"));

    press(&mut harness, CTRL, Key::N);
    harness.get_by_label("Discard").click();
    harness.run();
    assert_eq!(session(&harness).project.title, "Untitled project");
    assert!(session(&harness).project.documents.is_empty());
}

#[test]
fn save_in_the_unsaved_dialog_saves_before_going_on() {
    let (_folder, path) = sample_copy();
    let mut harness = workbench(Some(path.clone()));
    harness.get_by_label("“400,000 people displaced”").click();
    harness.run();
    choose(&mut harness, "Status", "Escalated");
    press(&mut harness, CTRL, Key::N);
    harness.get_by_label("Save").click();
    harness.run();
    assert_eq!(session(&harness).project.title, "Untitled project");
    let saved = Project::load(&path).unwrap();
    let false_claims = saved
        .claims
        .iter()
        .filter(|c| c.status == Status::Escalated)
        .count();
    assert_eq!(false_claims, 1);
}

#[test]
fn a_failed_save_keeps_the_changes_and_says_why() {
    let (folder, path) = sample_copy();
    let mut harness = workbench(Some(path.clone()));
    harness.get_by_label("“400,000 people displaced”").click();
    harness.run();
    let claim_id = session(&harness).selected_claim.clone().unwrap();
    choose(&mut harness, "Status", "Checked");
    // The project's folder disappears (an unplugged drive, a deleted share).
    let folder_path = folder.path().to_owned();
    drop(folder);

    press(&mut harness, CTRL, Key::S);
    let notice = harness.state().state().latest_notice().cloned().unwrap();
    assert_eq!(notice.kind, NoticeKind::Error);
    assert!(
        notice.text.contains("could not create a temporary file"),
        "{}",
        notice.text
    );
    assert!(
        notice.text.contains("idlib-2019.factdesk.json"),
        "{}",
        notice.text
    );
    assert!(session(&harness).dirty);
    assert!(harness.state().window_title().ends_with(" •"));

    // The drive comes back: the changes are all still there to save.
    std::fs::create_dir_all(&folder_path).unwrap();
    press(&mut harness, CTRL, Key::S);
    assert!(!session(&harness).dirty);
    let saved = Project::load(&path).unwrap();
    assert_eq!(saved.claim(&claim_id).unwrap().status, Status::Checked);
    std::fs::remove_dir_all(&folder_path).unwrap();
}

#[test]
fn a_wrong_file_is_refused_with_its_path_and_position() {
    let (folder, path) = sample_copy();
    let broken = folder.path().join("broken.factdesk.json");
    let broken_text = "{\n  \"format\": \"factdesk-project\",\n  \"version\": 1,\n  oops\n}\n";
    std::fs::write(&broken, broken_text).unwrap();

    let mut harness = workbench(Some(path.clone()));
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .apply(factdesk::ui::Action::OpenProject(broken.clone()), &ctx);
    harness.run();
    let notice = harness.state().state().latest_notice().cloned().unwrap();
    assert_eq!(notice.kind, NoticeKind::Error);
    assert!(
        notice.text.contains(&broken.display().to_string()),
        "{}",
        notice.text
    );
    assert!(notice.text.contains("line 4, column 3"), "{}", notice.text);
    // The project that was open stays open.
    assert_eq!(session(&harness).path.as_deref(), Some(path.as_path()));
    harness.get_by_label_contains("line 4, column 3");
    assert_eq!(std::fs::read_to_string(&broken).unwrap(), broken_text);
}

#[test]
fn pasted_text_becomes_a_new_document_in_the_right_pane() {
    let (_folder, path) = sample_copy();
    let mut harness = workbench(Some(path));
    harness.get_by_label("Paste as new article").click();
    harness.run();
    harness.event(Event::Paste(
        "AFP caption\nMembers of the Syrian Civil Defence carry a victim.".to_owned(),
    ));
    harness.run();

    let session = session(&harness);
    assert_eq!(session.project.documents.len(), 3);
    let pasted = session.pane_document(Side::Right).unwrap();
    assert_eq!(pasted.label, "AFP caption");
    assert!(session.dirty);
}

#[test]
fn removing_a_document_asks_first_and_takes_its_claims() {
    let (_folder, path) = sample_copy();
    let mut harness = workbench(Some(path));
    let scraped = session(&harness).project.documents[0].clone();
    let other_claims = session(&harness)
        .project
        .claims
        .iter()
        .filter(|c| c.document != scraped.id)
        .count();
    harness
        .get_by_label("“Ten of thousands of people have fled to the Turkish border”")
        .click();
    harness.run();
    harness.get_by_label(&scraped.label).click();
    harness.run();
    harness.get_by_label("Remove…").click();
    harness.run();
    assert!(matches!(
        harness.state().state().modal,
        Some(Modal::ConfirmRemoveDocument(_))
    ));
    harness
        .get_by_role_and_label(Role::Button, "Remove")
        .click();
    harness.run();

    let session = session(&harness);
    assert!(session.project.document(&scraped.id).is_none());
    assert!(
        session
            .project
            .claims
            .iter()
            .all(|c| c.document != scraped.id)
    );
    assert_eq!(session.project.claims.len(), other_claims);
    assert_eq!(session.panes[Side::Left.index()], None);
    assert_eq!(
        session.selected_claim, None,
        "the removed claim is still selected"
    );
    assert_eq!(session.selected_document, None);
}

#[test]
fn documents_can_be_renamed_and_credited() {
    let (_folder, path) = sample_copy();
    let mut harness = workbench(Some(path));
    let scraped_id = session(&harness).project.documents[0].id.clone();
    choose(&mut harness, "Source", "AFP");
    harness.get_by_label("Label").focus();
    harness.run();
    press(&mut harness, CTRL, Key::A);
    harness.get_by_label("Label").type_text("Wire as scraped");
    harness.run();
    let document = session(&harness).project.document(&scraped_id).unwrap();
    assert_eq!(document.label, "Wire as scraped");
    assert_eq!(document.source, factdesk::core::article::Source::Afp);
}

#[test]
fn the_welcome_screen_says_what_to_do_and_starts_a_project() {
    let mut harness = workbench(None);
    assert_eq!(harness.state().window_title(), "Factdesk");
    harness.get_by_label("Open project…");
    harness.get_by_label("Projects you open or save will be listed here.");
    harness.get_by_label("New project").click();
    harness.run();
    assert_eq!(session(&harness).project.title, "Untitled project");
    harness.get_by_label("Add the versions of the story you are checking");
}

#[test]
fn a_missing_project_on_the_command_line_is_reported_on_the_welcome_screen() {
    let harness = workbench(Some(Path::new("no/such/project.factdesk.json").to_owned()));
    assert!(harness.state().state().session.is_none());
    harness.get_by_label_contains("could not read no/such/project.factdesk.json");
}

/// Scrolls the left pane three notches down (or up); returns how far down each pane's
/// text moved.
fn scroll_left_pane(harness: &mut Harness<'_, FactdeskApp>, down: bool) -> (f32, f32) {
    let top = |harness: &Harness<'_, FactdeskApp>, label| harness.get_by_label(label).rect().top();
    let (left_before, right_before) = (top(harness, "Left text"), top(harness, "Right text"));
    for _ in 0..3 {
        let left = harness.get_by_label("Left text");
        if down {
            left.scroll_down();
        } else {
            left.scroll_up();
        }
        harness.run();
    }
    (
        left_before - top(harness, "Left text"),
        right_before - top(harness, "Right text"),
    )
}

#[test]
fn scrolling_one_pane_scrolls_the_other_unless_switched_off() {
    let mut harness = workbench(Some(PathBuf::from(SAMPLE)));
    // The scraped page opens with site debris and a photo caption the desk edit does
    // not have there, so at first the right pane moves less than the left.
    let (left_moved, right_moved) = scroll_left_pane(&mut harness, true);
    assert!(
        left_moved > 150.0,
        "the left pane did not scroll ({left_moved})"
    );
    assert!(
        right_moved > 20.0 && right_moved < left_moved,
        "the right pane moved {right_moved} points for the left's {left_moved}"
    );
    // Further down both show the same paragraphs, wrapped alike: they move together.
    let (left_moved, right_moved) = scroll_left_pane(&mut harness, true);
    assert!(
        (right_moved - left_moved).abs() < left_moved * 0.35,
        "the right pane moved {right_moved} points for the left's {left_moved}"
    );

    harness.get_by_label("Sync scroll").click();
    harness.run();
    assert!(!harness.state().state().prefs.sync_scroll);
    let (left_moved, right_moved) = scroll_left_pane(&mut harness, false);
    assert!(
        left_moved < -150.0,
        "the left pane did not scroll ({left_moved})"
    );
    assert!(
        right_moved.abs() < 1.0,
        "the right pane moved ({right_moved})"
    );
}

/// Whether the app asked the window to close in its last frame.
fn asked_to_close(harness: &Harness<'_, FactdeskApp>) -> bool {
    harness.output().viewport_output[&egui::ViewportId::ROOT]
        .commands
        .contains(&egui::ViewportCommand::Close)
}

#[test]
fn closing_the_window_with_unsaved_changes_asks_first() {
    let (_folder, path) = sample_copy();
    let mut harness = workbench(Some(path));
    harness.get_by_label("“400,000 people displaced”").click();
    harness.run();
    choose(&mut harness, "Status", "Checked");

    let close = |harness: &mut Harness<'_, FactdeskApp>| {
        harness
            .input_mut()
            .viewports
            .entry(egui::ViewportId::ROOT)
            .or_default()
            .events
            .push(egui::ViewportEvent::Close);
        harness.step();
    };
    close(&mut harness);
    assert!(matches!(
        harness.state().state().modal,
        Some(Modal::UnsavedChanges(factdesk::ui::PendingIntent::Quit))
    ));
    let cancelled = harness.output().viewport_output[&egui::ViewportId::ROOT]
        .commands
        .contains(&egui::ViewportCommand::CancelClose);
    assert!(cancelled, "the window closed over unsaved changes");

    harness.run();
    harness.get_by_label("Discard").click();
    harness.run_steps(1);
    assert!(asked_to_close(&harness));
}

#[test]
fn a_selection_becomes_one_claim_however_often_the_shortcut_is_pressed() {
    let (_folder, path) = sample_copy();
    let mut harness = workbench(Some(path));
    let before = session(&harness).project.claims.len();
    harness.get_by_label("Right text").focus();
    harness.run();
    press(&mut harness, CTRL, Key::Home);
    press(&mut harness, CTRL_SHIFT, Key::ArrowRight);
    press(&mut harness, CTRL_SHIFT, Key::C);
    press(&mut harness, CTRL_SHIFT, Key::C);
    assert_eq!(session(&harness).project.claims.len(), before + 1);
    let notice = harness.state().state().latest_notice().cloned().unwrap();
    assert_eq!(notice.kind, NoticeKind::Warning);
}

#[test]
fn deleting_a_claim_asks_first_and_clears_the_selection() {
    let (_folder, path) = sample_copy();
    let mut harness = workbench(Some(path));
    harness.get_by_label("“400,000 people displaced”").click();
    harness.run();
    let claim_id = session(&harness).selected_claim.clone().unwrap();
    click_in_view(&mut harness, "Delete claim…");
    assert!(matches!(
        harness.state().state().modal,
        Some(Modal::ConfirmRemoveClaim(_))
    ));
    harness
        .get_by_role_and_label(Role::Button, "Delete")
        .click();
    harness.run();
    let session = session(&harness);
    assert!(session.project.claim(&claim_id).is_none());
    assert_eq!(session.selected_claim, None);
    assert!(session.dirty);
}

#[test]
fn a_new_project_is_saved_where_the_save_dialog_says() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("late-edition.factdesk.json");
    let mut harness = workbench(None);
    harness.get_by_label("New project").click();
    harness.run();
    // Offered both in the documents list and in the middle of the empty project.
    harness
        .get_all_by_label("Paste as new article")
        .next()
        .unwrap()
        .click();
    harness.run();
    harness.event(Event::Paste("AMMAN: Tens of thousands fled.".to_owned()));
    harness.run();
    assert!(session(&harness).dirty);

    // What the save dialog answers, as the app receives it.
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .apply(factdesk::ui::Action::SaveAs(path.clone()), &ctx);
    harness.run();
    assert_eq!(session(&harness).path.as_deref(), Some(path.as_path()));
    assert!(!session(&harness).dirty);
    let saved = Project::load(&path).unwrap();
    assert_eq!(saved.documents[0].text, "AMMAN: Tens of thousands fled.");
    assert_eq!(harness.state().state().prefs.recent_projects, [path]);
}

#[test]
fn opening_another_project_with_unsaved_changes_asks_first() {
    let (folder, path) = sample_copy();
    let other = folder.path().join("other.factdesk.json");
    std::fs::copy(&path, &other).unwrap();
    let mut harness = workbench(Some(path));
    harness.get_by_label("“400,000 people displaced”").click();
    harness.run();
    choose(&mut harness, "Status", "Escalated");

    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .apply(factdesk::ui::Action::OpenProject(other.clone()), &ctx);
    harness.run();
    assert!(matches!(
        harness.state().state().modal,
        Some(Modal::UnsavedChanges(_))
    ));
    harness.get_by_label("Discard").click();
    harness.run();
    let session = session(&harness);
    assert_eq!(session.path.as_deref(), Some(other.as_path()));
    assert!(!session.dirty);
    assert!(
        session
            .project
            .claims
            .iter()
            .all(|c| c.status != Status::Escalated)
    );
}

#[test]
fn the_other_pane_follows_to_a_claim_picked_in_the_list() {
    let mut harness = workbench(Some(PathBuf::from(SAMPLE)));
    let top = |harness: &Harness<'_, FactdeskApp>, label| harness.get_by_label(label).rect().top();
    let (left_before, right_before) = (top(&harness, "Left text"), top(&harness, "Right text"));
    harness.get_by_label("“400,000 people displaced”").click();
    harness.run();
    let left_moved = left_before - top(&harness, "Left text");
    let right_moved = right_before - top(&harness, "Right text");
    // The last paragraph is shared, so the left pane lands about as far down.
    assert!(
        right_moved > 200.0,
        "the right pane scrolled only {right_moved} points"
    );
    assert!(
        (left_moved - right_moved).abs() < right_moved * 0.25,
        "the left pane moved {left_moved} points for the right's {right_moved}"
    );
}

#[test]
fn dropped_files_are_imported_and_a_bad_one_is_listed() {
    let (folder, path) = sample_copy();
    let broken = folder.path().join("broken.json");
    std::fs::write(&broken, "{\"headline\": ").unwrap();
    let mut harness = workbench(Some(path));
    let page = Path::new("tests/fixtures/pages/idlib-page.html");
    let ninjs = Path::new("tests/fixtures/iptc/ninjs/3.0_dpa_text.json");
    drop_files(&mut harness, &[page, broken.as_path(), ninjs]);

    let session = session(&harness);
    assert_eq!(session.project.documents.len(), 4);
    let notice = harness.state().state().latest_notice().cloned().unwrap();
    assert_eq!(notice.kind, NoticeKind::Warning);
    assert!(
        notice
            .text
            .starts_with("Added 2 of 3 files; could not add 1:"),
        "{}",
        notice.text
    );
    assert!(notice.text.contains("broken.json"), "{}", notice.text);
    // The last one added is shown on the right, with its segments in the margin.
    assert_eq!(
        session.pane_document(Side::Right).unwrap().kind,
        factdesk::core::article::DocumentKind::Ninjs
    );
    harness.get_by_label("HEADLINE · dpa");
}

#[test]
fn a_dropped_folder_is_refused() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = workbench(Some(PathBuf::from(SAMPLE)));
    drop_files(&mut harness, &[folder.path()]);
    let notice = harness.state().state().latest_notice().cloned().unwrap();
    assert_eq!(notice.kind, NoticeKind::Error);
    assert!(
        notice.text.contains("a folder, not a file"),
        "{}",
        notice.text
    );
    assert_eq!(session(&harness).project.documents.len(), 2);
}

#[test]
fn files_dropped_on_the_welcome_screen_start_a_project() {
    let mut harness = workbench(None);
    drop_files(
        &mut harness,
        &[Path::new("tests/fixtures/seed-idlib-2019.txt")],
    );
    let session = session(&harness);
    assert_eq!(session.project.title, "Untitled project");
    assert_eq!(session.project.documents.len(), 1);
    let notice = harness.state().state().latest_notice().cloned().unwrap();
    assert_eq!(
        notice.text,
        "Added “Tens of thousands flee Russia-led onslaught on…” (2 passages set aside)"
    );
}

#[test]
fn segments_are_labelled_in_the_margin_and_can_be_hidden() {
    let mut harness = workbench(Some(PathBuf::from(SAMPLE)));
    // Both versions open with a headline and a dateline, and each pane labels its run
    // of body paragraphs once. The scraped page's AFP caption is in view; the desk
    // edit's, at the end of its text, is not, and labels are only laid out in view.
    for label in ["HEADLINE", "DATELINE · Reuters", "BODY · Reuters"] {
        assert_eq!(harness.get_all_by_label(label).count(), 2, "{label}");
    }
    assert_eq!(harness.get_all_by_label("CAPTION · AFP").count(), 1);

    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Show segments in the margin").click();
    harness.run();
    assert!(!harness.state().state().prefs.show_segments);
    assert_eq!(harness.query_all_by_label("CAPTION · AFP").count(), 0);
}

#[test]
fn a_segment_type_and_agency_can_be_corrected() {
    let (_folder, path) = sample_copy();
    let mut harness = workbench(Some(path));
    harness.get_by_label("Segments (9)").click();
    harness.run();
    choose(&mut harness, "Type of segment 1", "Standfirst");
    choose(&mut harness, "Agency of segment 1", "AFP");
    let document = &session(&harness).project.documents[0];
    assert_eq!(
        document.segments[0].role,
        factdesk::core::article::Role::Standfirst
    );
    assert_eq!(
        document.segments[0].agency,
        factdesk::core::agency::Agency::Afp
    );
    assert!(session(&harness).dirty);
}

#[test]
fn set_aside_text_can_be_put_back() {
    let (_folder, path) = sample_copy();
    let mut harness = workbench(Some(path));
    harness.get_by_label("Set aside on import (2)").click();
    harness.run();
    harness
        .get_by_label("Put back “Back to top button”")
        .click();
    harness.run();
    let document = &session(&harness).project.documents[0];
    assert_eq!(document.set_aside.len(), 1);
    assert!(
        document.text.ends_with("- Reuters\n\nBack to top button"),
        "{:?}",
        document.text
    );
    assert!(session(&harness).dirty);
    assert!(session(&harness).project.integrity_warnings().is_empty());
}

#[test]
fn putting_back_the_first_line_moves_the_claims_and_refreshes_the_comparison() {
    let (_folder, path) = sample_copy();
    let mut harness = workbench(Some(path));
    let before = harness.state().diff_stats().unwrap();
    let scraped_id = session(&harness).project.documents[0].id.clone();
    let claim_start = |harness: &Harness<'_, FactdeskApp>| {
        session(harness)
            .project
            .claims_on(&scraped_id)
            .next()
            .unwrap()
            .anchor
            .start
    };
    let start_before = claim_start(&harness);

    harness.get_by_label("Set aside on import (2)").click();
    harness.run();
    harness
        .get_by_label("Put back “Middle EastTop StoriesWorld”")
        .click();
    harness.run();

    let moved_by = "Middle EastTop StoriesWorld\n\n".chars().count();
    assert_eq!(claim_start(&harness), start_before + moved_by);
    let after = harness.state().diff_stats().unwrap();
    assert_eq!(
        after.words_deleted,
        before.words_deleted + 3,
        "the menu's three words"
    );
    assert!(session(&harness).project.integrity_warnings().is_empty());
    let shown = harness.get_by_label("Left text").value().unwrap();
    assert!(
        shown.starts_with("Middle EastTop StoriesWorld\n\nTens"),
        "{shown}"
    );
}

#[test]
fn a_bad_file_dropped_on_the_welcome_screen_starts_nothing() {
    let folder = tempfile::tempdir().unwrap();
    let png = folder.path().join("photo.txt");
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n\0\0").unwrap();
    let mut harness = workbench(None);
    drop_files(&mut harness, &[png.as_path()]);
    assert!(harness.state().state().session.is_none());
    let notice = harness.state().state().latest_notice().cloned().unwrap();
    assert_eq!(notice.kind, NoticeKind::Error);
    assert!(
        notice.text.contains("a PNG image, not text"),
        "{}",
        notice.text
    );
}

/// The sample's claim on the eyewitness quote, as the claims list labels it.
const RAIDS_CLAIM: &str = "“There were 15 raids on Jarjanaz in less than five minutes”";
/// The sample's claim on the displaced, as the claims list labels it.
const DISPLACED_CLAIM: &str = "“400,000 people displaced”";

fn selected_claim(harness: &Harness<'_, FactdeskApp>) -> factdesk::core::claims::Claim {
    let session = session(harness);
    let claim_id = session
        .selected_claim
        .as_ref()
        .expect("a claim is selected");
    session.project.claim(claim_id).unwrap().clone()
}

#[test]
fn the_keyboard_moves_through_claims_and_gives_verdicts() {
    let (_folder, path) = sample_copy();
    let mut harness = workbench(Some(path));
    harness.get_by_label("Checker").focus();
    harness.run();
    harness.get_by_label("Checker").type_text("Dana");
    press(&mut harness, Modifiers::NONE, Key::Escape);

    harness
        .get_by_label("“Ten of thousands of people have fled to the Turkish border”")
        .click();
    harness.run();
    let first = selected_claim(&harness);
    assert_eq!(
        (first.status, first.rating.as_deref()),
        (Status::Unchecked, None)
    );

    press(&mut harness, Modifiers::NONE, Key::Num4);
    press(&mut harness, Modifiers::NONE, Key::S);
    let rated = selected_claim(&harness);
    assert_eq!(rated.rating.as_deref(), Some("Incorrect"));
    assert_eq!(rated.status, Status::InProgress);
    let last = rated.history.last().unwrap();
    assert_eq!((last.field, last.by.as_str()), (Field::Status, "Dana"));

    press(&mut harness, Modifiers::NONE, Key::J);
    let second = selected_claim(&harness);
    assert_ne!(second.id, first.id);
    assert_eq!(session(&harness).project.claims[1].id, second.id);
    press(&mut harness, Modifiers::NONE, Key::K);
    press(&mut harness, Modifiers::NONE, Key::Num0);
    assert_eq!(selected_claim(&harness).rating, None);

    // Keys typed into a text field stay in the field.
    harness.get_by_label("Filter claims").focus();
    harness.run();
    harness.get_by_label("Filter claims").type_text("s1");
    harness.run();
    assert_eq!(selected_claim(&harness).status, Status::InProgress);
    assert_eq!(session(&harness).claim_filter.text, "s1");
}

#[test]
fn evidence_is_added_through_its_dialog_and_checked() {
    let (_folder, path) = sample_copy();
    let mut harness = workbench(Some(path));
    harness.get_by_label(RAIDS_CLAIM).click();
    harness.run();
    let before = selected_claim(&harness).evidence.len();
    press(&mut harness, Modifiers::NONE, Key::E);
    assert!(matches!(
        harness.state().state().modal,
        Some(Modal::Evidence(_))
    ));

    for (field, text) in [
        ("Where", "https://www.sohr.org/en/report"),
        ("Publisher", "SOHR"),
        ("Accessed", "yesterday"),
    ] {
        replace_text(&mut harness, field, text);
    }
    harness.get_by_label("Add").click();
    harness.run();
    // "yesterday" is not a date: the dialog stays open and says why.
    harness.get_by_label_contains("is not a date like 2019-08-21");
    assert_eq!(selected_claim(&harness).evidence.len(), before);

    replace_text(&mut harness, "Accessed", "2019-08-21");
    choose(&mut harness, "Stance", "Contradicts");
    harness.get_by_label("Add").click();
    harness.run();

    assert_eq!(harness.state().state().modal, None);
    let claim = selected_claim(&harness);
    assert_eq!(claim.evidence.len(), before + 1);
    let added = claim.evidence.last().unwrap();
    assert!(added.locator.location().ends_with("sohr.org/en/report"));
    assert_eq!(added.publisher, "SOHR");
    assert_eq!(added.accessed.unwrap().to_string(), "2019-08-21");
    assert_eq!(added.stance, factdesk::core::claims::Stance::Contradicts);
    assert_eq!(claim.history.last().unwrap().field, Field::Evidence);
}

#[test]
fn the_history_dialog_lists_who_changed_what() {
    let mut harness = workbench(Some(PathBuf::from(SAMPLE)));
    harness.get_by_label(DISPLACED_CLAIM).click();
    harness.run();
    let claim = selected_claim(&harness);
    click_in_view(&mut harness, &format!("History ({})…", claim.history.len()));
    assert!(matches!(
        harness.state().state().modal,
        Some(Modal::ClaimHistory(_))
    ));
    harness.get_by_label("Claim history");
    harness.get_by_label("Misleading");
    assert!(
        !harness
            .get_all_by_label("Dana Whitfield")
            .collect::<Vec<_>>()
            .is_empty()
    );
    harness.get_by_label("Close").click();
    harness.run();
    assert_eq!(harness.state().state().modal, None);
}

#[test]
fn a_claim_rated_correct_on_one_source_is_flagged() {
    let mut harness = workbench(Some(PathBuf::from(SAMPLE)));
    harness
        .get_by_label_contains("Foreign Minister Sergei Lavrov acknowledged")
        .click();
    harness.run();
    harness.get_by_label("Rated Correct on 1 independent source: two are needed");
    harness.get_by_label(RAIDS_CLAIM).click();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("independent source")
            .is_none()
    );
}

#[test]
fn filters_narrow_the_claims_list() {
    let mut harness = workbench(Some(PathBuf::from(SAMPLE)));
    choose(&mut harness, "Status filter", "Checked");
    let checked = session(&harness)
        .project
        .claims
        .iter()
        .filter(|c| c.status == Status::Checked)
        .count();
    assert_eq!(session(&harness).visible_claims().count(), checked);
    harness.get_by_label(&format!(
        "Showing {checked} of {}",
        session(&harness).project.claims.len()
    ));
    assert!(harness.query_by_label(DISPLACED_CLAIM).is_none());

    harness.get_by_label("Clear filter").click();
    harness.run();
    harness.get_by_label("Filter claims").focus();
    harness.run();
    harness.get_by_label("Filter claims").type_text("JARJANAZ");
    harness.run();
    let visible: Vec<_> = session(&harness)
        .visible_claims()
        .map(|c| c.anchor.exact.clone())
        .collect();
    assert_eq!(visible.len(), 1, "{visible:?}");
    harness.get_by_label(RAIDS_CLAIM);
}

#[test]
fn two_claims_merge_into_one() {
    let (_folder, path) = sample_copy();
    let mut harness = workbench(Some(path));
    let before = session(&harness).project.claims.len();
    harness.get_by_label(RAIDS_CLAIM).click();
    harness.run();
    let kept = selected_claim(&harness);
    click_in_view(&mut harness, "Merge with next");
    let session = session(&harness);
    assert_eq!(session.project.claims.len(), before - 1);
    let merged = session.project.claim(&kept.id).unwrap();
    assert!(merged.anchor.exact.starts_with("There were 15 raids"));
    assert!(
        merged
            .anchor
            .exact
            .ends_with("since stepping up its intervention in 2015")
    );
    assert_eq!(
        merged
            .history
            .iter()
            .filter(|e| e.field == Field::Merged)
            .count(),
        1
    );
    assert!(session.dirty);
}

#[test]
fn f1_shows_the_shortcut_sheet() {
    let mut harness = workbench(Some(PathBuf::from(SAMPLE)));
    press(&mut harness, Modifiers::NONE, Key::F1);
    assert_eq!(harness.state().state().modal, Some(Modal::Shortcuts));
    harness.get_by_label("Give the verdict with that number on the scale");
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert_eq!(harness.state().state().modal, None);
}

#[test]
fn the_project_can_rate_on_the_truth_o_meter() {
    let (_folder, path) = sample_copy();
    let mut harness = workbench(Some(path));
    pick_verdict_scale(&mut harness, "Truth-O-Meter");
    assert_eq!(
        session(&harness).project.verdict_scale.name,
        "Truth-O-Meter"
    );
    // Ratings given on the desk scale are kept, and flagged.
    assert!(
        session(&harness)
            .project
            .integrity_warnings()
            .iter()
            .any(|w| w.contains("not on the project's scale"))
    );
    harness.get_by_label(RAIDS_CLAIM).click();
    harness.run();
    press(&mut harness, Modifiers::NONE, Key::Num6);
    assert_eq!(
        selected_claim(&harness).rating.as_deref(),
        Some("Pants on Fire")
    );
}

#[test]
fn replacing_a_text_orphans_lost_claims_which_can_be_attached_again() {
    let (folder, path) = sample_copy();
    let mut harness = workbench(Some(path));
    let desk_edit = session(&harness).project.documents[1].clone();
    let claims_before = session(&harness).project.claims.len();
    let corrected = desk_edit.text.replace(
        "400,000 people displaced",
        "nearly half a million driven from their homes",
    );
    let new_version = folder.path().join("desk-edit-v2.txt");
    std::fs::write(&new_version, &corrected).unwrap();

    // What the file dialog answers, as the app receives it.
    let ctx = harness.ctx.clone();
    harness.state_mut().apply(
        factdesk::ui::Action::ReplaceDocumentText(desk_edit.id.clone(), new_version),
        &ctx,
    );
    harness.run();
    let session_now = session(&harness);
    assert_eq!(
        session_now.project.claims.len(),
        claims_before,
        "no claim is lost"
    );
    assert_eq!(
        session_now.project.document(&desk_edit.id).unwrap().label,
        desk_edit.label
    );
    let orphans: Vec<_> = session_now
        .project
        .claims
        .iter()
        .filter(|c| c.orphaned)
        .collect();
    assert_eq!(orphans.len(), 1);
    assert_eq!(orphans[0].anchor.exact, "400,000 people displaced");
    assert!(session_now.claim_filter.orphaned, "the orphans are listed");
    let notice = harness.state().state().latest_notice().cloned().unwrap();
    assert!(notice.text.contains("1 orphaned"), "{}", notice.text);

    harness.get_by_label(DISPLACED_CLAIM).click();
    harness.run();
    harness.get_by_label("Right text").focus();
    harness.run();
    press(&mut harness, CTRL, Key::Home);
    press(&mut harness, CTRL_SHIFT, Key::ArrowRight);
    harness.get_by_label("Attach to selection").click();
    harness.run();
    let claim = selected_claim(&harness);
    assert!(!claim.orphaned);
    assert_eq!(claim.anchor.exact, "Tens");
    assert_eq!(claim.history.last().unwrap().field, Field::Anchor);
}

#[test]
fn a_saved_copy_of_the_evidence_is_fingerprinted() {
    let (folder, path) = sample_copy();
    let saved_copy = folder.path().join("unhcr-briefing.pdf");
    std::fs::write(&saved_copy, b"%PDF-1.4 briefing notes").unwrap();
    let mut harness = workbench(Some(path));
    harness.get_by_label(RAIDS_CLAIM).click();
    harness.run();
    press(&mut harness, Modifiers::NONE, Key::E);
    choose(&mut harness, "Kind", "File");
    replace_text(&mut harness, "Where", saved_copy.to_str().unwrap());
    harness.get_by_label("Compute from the file").click();
    harness.run();
    let Some(Modal::Evidence(form)) = &harness.state().state().modal else {
        panic!("the evidence dialog is open");
    };
    let digest = factdesk::core::article::sha256_hex(b"%PDF-1.4 briefing notes");
    assert_eq!(form.sha256, digest);
    harness.get_by_label("Add").click();
    harness.run();
    let added = selected_claim(&harness).evidence.last().cloned().unwrap();
    assert_eq!(added.sha256, Some(digest));

    // Picking the file in the file dialog fills in both the path and the digest.
    press(&mut harness, Modifiers::NONE, Key::E);
    let ctx = harness.ctx.clone();
    harness.state_mut().apply(
        factdesk::ui::Action::SetEvidenceFile(saved_copy.clone()),
        &ctx,
    );
    harness.run();
    let Some(Modal::Evidence(form)) = &harness.state().state().modal else {
        panic!("the evidence dialog is open");
    };
    assert_eq!(form.locator.location(), saved_copy.to_str().unwrap());
    assert_eq!(form.sha256, added.sha256.unwrap());
}

/// The candidates still open in a document, as the core finds them.
fn open_candidates(
    harness: &Harness<'_, FactdeskApp>,
) -> Vec<factdesk::core::claims::candidates::Candidate> {
    let session = session(harness);
    let document = session.pane_document(Side::Right).unwrap();
    factdesk::core::claims::candidates::document_candidates(document)
        .into_iter()
        .filter(|c| {
            !session.project.is_dismissed(&c.key())
                && !session.project.is_claimed(&document.id, &(c.start..c.end))
        })
        .collect()
}

#[test]
fn candidates_are_accepted_dismissed_or_accepted_by_kind() {
    let (_folder, path) = sample_copy();
    let mut harness = workbench(Some(path));
    let open = open_candidates(&harness);
    assert!(open.len() >= 5, "{open:?}");
    harness
        .get_by_label(&format!("Candidates ({})", open.len()))
        .click();
    harness.run();

    // Most check-worthy first: accept the top one.
    let best = open
        .iter()
        .max_by(|a, b| a.score.total_cmp(&b.score))
        .unwrap()
        .clone();
    let claims_before = session(&harness).project.claims.len();
    harness.get_all_by_label("Accept").next().unwrap().click();
    harness.run();
    let claim = selected_claim(&harness);
    assert_eq!(session(&harness).project.claims.len(), claims_before + 1);
    assert_eq!(claim.anchor.exact, best.sentence.trim());
    assert_eq!(claim.kinds, best.kinds);
    harness.get_by_label(&format!("Candidates ({})", open.len() - 1));

    // Each candidate has its own Dismiss; the last one's is clicked.
    harness
        .get_all_by_label("Dismiss")
        .last()
        .unwrap()
        .scroll_to_me();
    harness.run();
    harness.get_all_by_label("Dismiss").last().unwrap().click();
    harness.run();
    assert_eq!(session(&harness).project.dismissed_candidates.len(), 1);
    assert_eq!(open_candidates(&harness).len(), open.len() - 2);
    assert!(session(&harness).dirty);

    let figures = open_candidates(&harness)
        .into_iter()
        .filter(|c| {
            c.kinds
                .contains(&factdesk::core::claims::candidates::CandidateKind::Figure)
        })
        .count();
    assert!(figures > 0);
    choose(
        &mut harness,
        "Kind of candidate",
        &format!("Figure ({figures})"),
    );
    harness
        .get_by_label(&format!("Accept all figure ({figures})"))
        .click();
    harness.run();
    let claims = &session(&harness).project.claims;
    assert_eq!(claims.len(), claims_before + 1 + figures);
    assert!(open_candidates(&harness).iter().all(|c| {
        !c.kinds
            .contains(&factdesk::core::claims::candidates::CandidateKind::Figure)
    }));
}

#[test]
fn keys_jump_to_the_note_and_the_filter() {
    let mut harness = workbench(Some(PathBuf::from(SAMPLE)));
    harness.get_by_label(RAIDS_CLAIM).click();
    harness.run();
    press(&mut harness, Modifiers::NONE, Key::N);
    assert!(harness.get_by_label("Note").is_focused());
    // Typing in the note is typing, not triage: "s" stays in the note.
    harness.get_by_label("Note").type_text("s");
    harness.run();
    assert_eq!(selected_claim(&harness).status, Status::Checked);

    press(&mut harness, Modifiers::NONE, Key::Escape);
    press(&mut harness, Modifiers::NONE, Key::Slash);
    assert!(harness.get_by_label("Filter claims").is_focused());
}

#[test]
fn a_desk_defines_its_own_verdict_scale() {
    let (_folder, path) = sample_copy();
    let mut harness = workbench(Some(path));
    pick_verdict_scale(&mut harness, "Your own scale…");
    replace_text(&mut harness, "Name", "Standards desk");
    replace_text(
        &mut harness,
        "Ratings",
        "Accurate\nNeeds context\nInaccurate",
    );
    harness.get_by_label("Use this scale").click();
    harness.run();
    let scale = &session(&harness).project.verdict_scale;
    assert_eq!(scale.name, "Standards desk");
    let labels: Vec<_> = scale.ratings.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(labels, ["Accurate", "Needs context", "Inaccurate"]);
    assert!(session(&harness).dirty);

    harness.get_by_label(RAIDS_CLAIM).click();
    harness.run();
    press(&mut harness, Modifiers::NONE, Key::Num2);
    assert_eq!(
        selected_claim(&harness).rating.as_deref(),
        Some("Needs context")
    );
    press(&mut harness, Modifiers::NONE, Key::Num9);
    let notice = harness.state().state().latest_notice().cloned().unwrap();
    assert_eq!(notice.text, "Standards desk has 3 ratings");
}

#[test]
fn arrows_in_the_story_text_select_words_not_claims() {
    let mut harness = workbench(Some(PathBuf::from(SAMPLE)));
    harness.get_by_label(RAIDS_CLAIM).click();
    harness.run();
    let claim_id = session(&harness).selected_claim.clone();
    harness.get_by_label("Right text").focus();
    harness.run();
    press(&mut harness, CTRL, Key::Home);
    press(&mut harness, Modifiers::SHIFT, Key::ArrowDown);
    assert!(
        session(&harness).text_selection.is_some(),
        "the selection grew"
    );
    assert_eq!(session(&harness).selected_claim, claim_id);
    // Letters are still shortcuts there: the text cannot be typed in.
    press(&mut harness, Modifiers::NONE, Key::J);
    assert_ne!(session(&harness).selected_claim, claim_id);
}

#[test]
fn the_changes_tab_lists_what_matters_and_makes_a_claim_from_a_change() {
    let mut harness = workbench(Some(PathBuf::from(SAMPLE)));
    harness.get_by_label_contains("Changes (").click();
    harness.run();
    harness.get_by_label("4 changes that matter · 26 house-style edits");
    harness.get_by_label("qualifier “at least” dropped from 400,000");
    // A passage added is one event, with the facts it holds inside.
    harness.get_by_label_contains("¶6 (1 sentence; in no other version)");
    harness.get_by_label("Facts inside (4)").click();
    harness.run();
    harness.get_by_label("Number: some three million people");
    assert_eq!(
        harness.query_all_by_label_contains(" ×").count(),
        0,
        "house style is not listed"
    );
    harness.get_by_label_contains("Show house style (");
    harness.get_by_label("Kind of change").click();
    harness.run();
    harness.get_by_label_contains("House style (").click();
    harness.run();
    harness.get_by_label_contains("wording ×");

    // The dropped qualifier's sentence is a claim already.
    harness.get_by_label("Kind of change").click();
    harness.run();
    harness.get_by_label("Number (1)").click();
    harness.run();
    let claims_before = session(&harness).project.claims.len();
    harness.get_by_label("Make claim").click();
    harness.run();
    assert_eq!(session(&harness).project.claims.len(), claims_before);
    harness.get_by_label("That passage is already a claim");

    harness.get_by_label("Kind of change").click();
    harness.run();
    harness.get_by_label("Passage added (1)").click();
    harness.run();
    harness.get_by_label("Make claim").click();
    harness.run();
    assert_eq!(session(&harness).project.claims.len(), claims_before + 1);
    let claim = selected_claim(&harness);
    let session = session(&harness);
    assert_eq!(Some(&claim.document), session.panes[1].as_ref());
    assert!(
        claim.anchor.exact.starts_with("Idlib province is home"),
        "{}",
        claim.anchor.exact
    );
    assert!(
        claim
            .kinds
            .contains(&factdesk::core::claims::candidates::CandidateKind::Figure),
        "{:?}",
        claim.kinds
    );
    assert!(
        claim.note.starts_with(
            "Changed between “Scraped page: Reuters body, AFP caption” and “Desk edit for print (copy desk)”: Passage added: ¶6"
        ),
        "{}",
        claim.note
    );
    assert!(
        claim.note.contains("\nNew: “Idlib province is home"),
        "{}",
        claim.note
    );
    assert!(session.dirty);
}

#[test]
fn f7_and_alt_arrows_step_through_the_changes() {
    let mut harness = workbench(Some(PathBuf::from(SAMPLE)));
    press(&mut harness, Modifiers::NONE, Key::F7);
    let first = session(&harness)
        .selected_change
        .expect("F7 selects a change");
    press(&mut harness, Modifiers::NONE, Key::F7);
    let second = session(&harness).selected_change.unwrap();
    assert!(second > first, "{second} after {first}");
    press(&mut harness, Modifiers::SHIFT, Key::F7);
    assert_eq!(session(&harness).selected_change, Some(first));
    press(&mut harness, Modifiers::ALT, Key::ArrowDown);
    assert_eq!(session(&harness).selected_change, Some(second));
    press(&mut harness, Modifiers::ALT, Key::ArrowUp);
    press(&mut harness, Modifiers::ALT, Key::ArrowUp);
    assert_eq!(session(&harness).selected_change, Some(first));
    harness.get_by_label("That was the first change");
}

#[test]
fn the_versions_view_aligns_the_versions_and_f7_visits_each_difference() {
    let mut harness = workbench(Some(PathBuf::from(SAMPLE)));
    harness.get_by_label("Versions").click();
    harness.run();
    harness.get_by_label("Base version");
    harness.get_by_label_contains("moved: ¶");
    harness.get_by_label("added in this version");
    press(&mut harness, Modifiers::NONE, Key::F7);
    let first = session(&harness)
        .versions_cursor
        .expect("F7 moves the cursor");
    press(&mut harness, Modifiers::NONE, Key::F7);
    let second = session(&harness).versions_cursor.unwrap();
    assert!(second > first, "{second} after {first}");

    harness
        .get_all_by_label_contains("unchanged sentences")
        .next()
        .expect("runs of sentences every version keeps are folded")
        .click();
    harness.run();
    assert_eq!(session(&harness).expanded_stretches.len(), 1);
    harness.get_by_label_contains("Fold the");
}

#[test]
fn the_provenance_view_names_the_sources_and_claims_the_unsourced() {
    let mut harness = workbench(Some(PathBuf::from(SAMPLE)));
    harness.get_by_label("Provenance").click();
    harness.run();
    harness.get_by_label_contains("% Reuters · ");
    harness.get_by_label_contains("% unsourced");
    let claims_before = session(&harness).project.claims.len();
    harness
        .get_by_label_contains("Make claims from all unsourced sentences")
        .click();
    harness.run();
    let session = session(&harness);
    assert!(session.project.claims.len() > claims_before);
    assert!(
        session
            .project
            .claims
            .iter()
            .any(|claim| claim.anchor.exact.starts_with("Idlib province is home to")),
        "the desk's own paragraph is unsourced"
    );
}

#[test]
fn passages_of_other_versions_are_attached_as_evidence() {
    let (_folder, path) = sample_copy();
    let mut harness = workbench(Some(path));
    harness.get_by_label(DISPLACED_CLAIM).click();
    harness.run();
    let evidence_before = selected_claim(&harness).evidence.len();
    harness.get_by_label_contains("In other versions (");
    harness
        .get_all_by_label("Attach as evidence")
        .next()
        .unwrap()
        .scroll_to_me();
    harness.run();
    harness
        .get_all_by_label("Attach as evidence")
        .next()
        .unwrap()
        .click();
    harness.run();
    let claim = selected_claim(&harness);
    assert_eq!(claim.evidence.len(), evidence_before + 1);
    let attached = claim.evidence.last().unwrap();
    assert!(attached.passage.contains("400,000"), "{}", attached.passage);
    harness.get_by_label("Attached as evidence");
}

#[test]
fn comparison_options_are_kept_and_change_the_diff() {
    let mut harness = workbench(Some(PathBuf::from(SAMPLE)));
    let marked = |diff: WordDiff| {
        diff.old_spans
            .iter()
            .filter(|span| span.kind == factdesk::core::diff::SpanKind::Deleted)
            .map(|span| span.bytes.len())
            .sum::<usize>()
    };
    let before = marked(harness.state().diff().unwrap());
    harness.get_by_label("Compare options").click();
    harness.run();
    harness.get_by_label("Whole sentences").click();
    harness.run();
    assert_eq!(
        harness.state().state().prefs.compare_options.granularity,
        factdesk::core::compare_options::Granularity::Sentence
    );
    let after = marked(harness.state().diff().unwrap());
    assert!(
        after > 2 * before,
        "whole sentences are marked: {after} vs {before} bytes"
    );
}

#[test]
fn long_versions_are_compared_without_blocking_the_window() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("long.factdesk.json");
    let sample = Project::load(Path::new(SAMPLE)).unwrap();
    let mut project = Project::new("Long", sample.created);
    for document in &sample.documents {
        let mut long = document.clone();
        long.id = factdesk::core::article::DocumentId::new_random();
        long.text = document.text.repeat(100);
        long.sha256 = factdesk::core::article::sha256_hex(&long.text);
        long.segments.clear();
        project.add_document(long, sample.created);
    }
    project.save(&path).unwrap();
    let mut harness = Harness::builder()
        .with_size([1440.0, 900.0])
        .build_eframe(move |cc| FactdeskApp::new(cc, Some(path)));
    // The first frame opens the project; the second starts the comparison and, unless
    // it is already done, shows that it is under way, without waiting for it.
    harness.step();
    harness.step();
    if harness.state().diff_stats().is_none() {
        harness.get_by_label("Comparing the two versions…");
    }
    let mut frames = 0;
    while harness.state().diff_stats().is_none() {
        assert!(frames < 600, "the comparison never arrived");
        frames += 1;
        std::thread::sleep(std::time::Duration::from_millis(25));
        harness.step();
    }
    assert!(harness.state().diff_stats().unwrap().words_kept > 10_000);
}
