//! Never losing an editor's work, clicked and typed through headlessly: every edit can
//! be undone from the keyboard or the Edit menu (typing in a field keeps its own
//! Ctrl+Z), edits are autosaved to a recovery file, and work a crash left there is
//! offered back. Copy with hidden characters or a megabyte on one line is shown safely.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test should fail loudly when a fixture or helper breaks"
)]

mod common;

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;
use std::time::{Duration, Instant};

use factdesk::core::claims::{Stamp, Status};
use factdesk::core::import::import_bytes;
use factdesk::core::project::{FORMAT_VERSION, Project, recovery_path, timestamp_now};
use factdesk::ui::Modal;

use common::{CTRL, CTRL_SHIFT, press, replace_text, sample_copy, session, workbench};

const RAIDS_CLAIM: &str = "“There were 15 raids on Jarjanaz in less than five minutes”";

#[test]
fn verdicts_and_statuses_are_undone_and_redone_from_the_keyboard() {
    let (_folder, path) = sample_copy();
    let mut harness = workbench(Some(path));
    harness.get_by_label(RAIDS_CLAIM).click();
    harness.run();
    let claim_id = session(&harness).selected_claim.clone().unwrap();
    let original = session(&harness).project.clone();
    let rating = |harness: &egui_kittest::Harness<'_, _>| {
        session(harness)
            .project
            .claim(&claim_id)
            .unwrap()
            .rating
            .clone()
    };

    press(&mut harness, Modifiers::NONE, Key::Num4);
    press(&mut harness, Modifiers::NONE, Key::S);
    assert_eq!(rating(&harness).as_deref(), Some("Incorrect"));
    harness.get_by_label("Edit").click();
    harness.run();
    harness.get_by_label_contains("Undo set status");
    press(&mut harness, Modifiers::NONE, Key::Escape);

    press(&mut harness, CTRL, Key::Z);
    press(&mut harness, CTRL, Key::Z);
    assert_eq!(session(&harness).project, original, "both edits taken back");
    assert!(!session(&harness).dirty, "back to what is saved");
    press(&mut harness, CTRL, Key::Z);
    assert_eq!(
        harness.state().state().latest_notice().unwrap().text,
        "Nothing to undo"
    );

    press(&mut harness, CTRL_SHIFT, Key::Z);
    assert_eq!(rating(&harness).as_deref(), Some("Incorrect"));
    press(&mut harness, CTRL, Key::Y);
    let claim = session(&harness).project.claim(&claim_id).unwrap().clone();
    assert_ne!(claim.status, original.claim(&claim_id).unwrap().status);
    assert!(session(&harness).dirty);
}

#[test]
fn a_note_is_undone_as_one_edit_and_the_field_keeps_its_own_ctrl_z() {
    let (_folder, path) = sample_copy();
    let mut harness = workbench(Some(path));
    harness.get_by_label(RAIDS_CLAIM).click();
    harness.run();
    let claim_id = session(&harness).selected_claim.clone().unwrap();
    let note_before = session(&harness)
        .project
        .claim(&claim_id)
        .unwrap()
        .note
        .clone();

    replace_text(&mut harness, "Note", "Called the Civil Defence");
    // Inside the field Ctrl+Z is the field's: the project is not touched.
    press(&mut harness, CTRL, Key::Z);
    assert!(session(&harness).undo.undo_label().is_none());
    replace_text(&mut harness, "Note", "Called the Civil Defence");

    // Leaving the field (here: back to the list) applies the note.
    harness
        .get_all_by_label(RAIDS_CLAIM)
        .next()
        .unwrap()
        .click();
    harness.run();
    let note = |harness: &egui_kittest::Harness<'_, _>| {
        session(harness)
            .project
            .claim(&claim_id)
            .unwrap()
            .note
            .clone()
    };
    assert_ne!(
        note(&harness),
        note_before,
        "leaving the field applied the note"
    );
    assert_eq!(session(&harness).undo.undo_label(), Some("edit note"));

    press(&mut harness, CTRL, Key::Z);
    assert_eq!(note(&harness), note_before);
    assert_eq!(
        session(&harness).project.claim(&claim_id).unwrap().status,
        Status::Checked,
        "only the note was taken back"
    );
}

#[test]
fn edits_are_autosaved_to_a_recovery_file_and_never_to_the_project() {
    let (_folder, path) = sample_copy();
    let before = std::fs::read(&path).unwrap();
    let recovery = recovery_path(&path);
    let mut harness = workbench(Some(path.clone()));
    harness.get_by_label(RAIDS_CLAIM).click();
    harness.run();
    press(&mut harness, Modifiers::NONE, Key::Num1);
    let deadline = Instant::now() + Duration::from_secs(10);
    while !recovery.exists() {
        assert!(Instant::now() < deadline, "no recovery file was written");
        std::thread::sleep(Duration::from_millis(200));
        harness.run();
    }
    let recovered = Project::load(&recovery).unwrap();
    assert_eq!(recovered, session(&harness).project);
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "only Save writes the project"
    );

    press(&mut harness, CTRL, Key::S);
    assert!(!recovery.exists(), "saved work needs no recovering");
}

#[test]
fn unsaved_work_left_by_a_crash_is_offered_back() {
    let (_folder, path) = sample_copy();
    let mut crashed = Project::load(&path).unwrap();
    let claim_id = crashed.claims[0].id.clone();
    let stamp = Stamp::new(timestamp_now(), "Dana");
    crashed.set_claim_status(&claim_id, Status::Escalated, &stamp);
    crashed.save_recovery(&recovery_path(&path)).unwrap();

    let mut harness = workbench(Some(path.clone()));
    let Some(Modal::Recovery(offer)) = &harness.state().state().modal else {
        panic!("the unsaved work is offered");
    };
    assert_eq!(offer.summary, "1 claim changed");
    harness.get_by_label_contains("did not close cleanly");
    harness.get_by_label("Restore").click();
    harness.run();
    let restored = session(&harness);
    assert_eq!(
        restored.project.claim(&claim_id).unwrap().status,
        Status::Escalated
    );
    assert!(restored.dirty, "restored work is not saved yet");

    // Opened again and discarded: the recovery file goes, the project stays as saved.
    let mut harness = workbench(Some(path.clone()));
    harness.get_by_label("Discard").click();
    harness.run();
    assert!(!recovery_path(&path).exists());
    assert_ne!(
        session(&harness).project.claim(&claim_id).unwrap().status,
        Status::Escalated
    );
}

#[test]
fn a_project_from_a_newer_factdesk_opens_read_only_and_is_never_saved() {
    let (_folder, path) = sample_copy();
    let newer = std::fs::read_to_string(&path).unwrap().replacen(
        &format!("\"version\": {FORMAT_VERSION},"),
        &format!("\"version\": {},", FORMAT_VERSION + 1),
        1,
    );
    std::fs::write(&path, &newer).unwrap();

    let mut harness = workbench(Some(path.clone()));
    harness.get_by_label_contains(&format!(
        "Read-only: saved by a newer Factdesk (project format version {})",
        FORMAT_VERSION + 1
    ));
    harness.get_by_label(RAIDS_CLAIM).click();
    harness.run();
    let before = session(&harness).project.clone();
    press(&mut harness, Modifiers::NONE, Key::Num4);
    press(&mut harness, CTRL, Key::S);
    assert_eq!(session(&harness).project, before, "nothing changes");
    assert!(
        harness
            .state()
            .state()
            .latest_notice()
            .unwrap()
            .text
            .starts_with("Read-only")
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        newer,
        "never saved over"
    );
}

/// A project in a fresh folder holding one document made of `copy`.
fn project_of(copy: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("copy.factdesk.json");
    let now = timestamp_now();
    let mut project = Project::new("Copy", now);
    project.add_document(import_bytes(copy.as_bytes(), "wire.txt", now).unwrap(), now);
    project.save(&path).unwrap();
    (folder, path)
}

#[test]
fn hidden_characters_in_the_copy_are_named_above_the_text() {
    let copy = "Rescuers said Ahmad al\u{202E}ibalaH\u{202C} counted 60\u{200B}000 fleeing.\n";
    let (_folder, path) = project_of(copy);
    let harness = workbench(Some(path));
    harness.get_by_label(
        "Hidden characters: 2 bidirectional controls (↔) and 1 zero-width character (◊)",
    );
    let text = harness.get_by_label("Left text");
    assert_eq!(
        text.value().as_deref(),
        Some(copy),
        "the copy itself is shown and copied unchanged"
    );
}

#[test]
fn a_megabyte_on_one_line_opens_and_scrolls() {
    let sentence = "Officials said 18 people were killed in Saraqeb on Tuesday, ";
    let (_folder, path) = project_of(&sentence.repeat(1_000_000 / sentence.len()));
    let mut harness = workbench(Some(path));
    let top =
        |harness: &egui_kittest::Harness<'_, _>| harness.get_by_label("Left text").rect().top();
    let before = top(&harness);
    for _ in 0..3 {
        harness.get_by_label("Left text").scroll_down();
        harness.run();
    }
    assert!(before - top(&harness) > 100.0, "the pane scrolled");
    assert!(
        harness
            .query_by_label_contains("Hidden characters")
            .is_none()
    );
    assert_eq!(session(&harness).project.documents[0].text.len(), 999_960);
}
