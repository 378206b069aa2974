//! Undo and redo, clicked and typed through headlessly: every edit to the project can
//! be taken back from the keyboard or the Edit menu, and typing in a field keeps its
//! own Ctrl+Z.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test should fail loudly when a fixture or helper breaks"
)]

mod common;

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;
use factdesk::core::claims::Status;

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
        harness.state().state().notice.as_ref().unwrap().text,
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
