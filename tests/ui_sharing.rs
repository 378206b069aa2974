//! The project as it leaves the desk and comes back, clicked through headlessly: the
//! desk settings and the export dialog, a save made elsewhere while the project is
//! open, and the conflicts a merge leaves to settle.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test should fail loudly when a fixture or helper breaks"
)]

mod common;

use std::time::{Duration, Instant};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use factdesk::core::claims::{Claim, Field, Stamp, Status};
use factdesk::core::export::ExportFormat;
use factdesk::core::project::{
    Conflict, ConflictField, Project, Subject, lock_path, timestamp_now,
};
use factdesk::ui::{Action, FactdeskApp, Modal, NoticeKind};
use serde_json::json;

use common::{CTRL, press, replace_text, sample_copy, session, workbench};

/// Runs frames until the workbench shows `label` (the file watch looks once a second).
fn wait_for_label(harness: &mut Harness<'_, FactdeskApp>, label: &str) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while harness.query_by_label(label).is_none() {
        assert!(Instant::now() < deadline, "“{label}” never appeared");
        std::thread::sleep(Duration::from_millis(100));
        harness.run();
    }
}

/// Selects a claim in the claims list, which names it by its statement.
fn select_claim(harness: &mut Harness<'_, FactdeskApp>, claim: &Claim) {
    harness
        .get_by_label(&format!("“{}”", claim.statement()))
        .click();
    harness.run();
}

/// A colleague's save: the project on disk with `edit` applied, written atomically.
fn save_elsewhere(path: &std::path::Path, edit: impl FnOnce(&mut Project)) {
    let mut theirs = Project::load(path).unwrap();
    edit(&mut theirs);
    theirs.save(path).unwrap();
}

#[test]
fn desk_settings_are_typed_in_a_dialog_and_saved_with_the_project() {
    let (_folder, path) = sample_copy();
    let mut harness = workbench(Some(path));
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Desk settings…").click();
    harness.run();
    replace_text(&mut harness, "Desk", "Standards desk");
    harness.get_by_label("Checks published at").focus();
    harness.run();
    press(&mut harness, CTRL, Key::A);
    press(&mut harness, Modifiers::NONE, Key::Backspace);
    harness.get_by_label_contains("Not set: the URL where the checks are published");
    replace_text(
        &mut harness,
        "Checks published at",
        "https://example.org/checks/idlib",
    );
    harness.get_by_label("Save settings").click();
    harness.run();
    let session = session(&harness);
    assert_eq!(session.project.settings.desk, "Standards desk");
    assert_eq!(
        session.project.settings.review_url,
        "https://example.org/checks/idlib"
    );
    assert!(session.dirty);
}

#[test]
fn a_save_made_elsewhere_is_offered_and_reloaded() {
    let (_folder, path) = sample_copy();
    let mut harness = workbench(Some(path.clone()));
    // The window's own save is not taken for a colleague's.
    press(&mut harness, CTRL, Key::S);
    std::thread::sleep(Duration::from_millis(1500));
    harness.run();
    assert!(session(&harness).disk_change.is_none());

    save_elsewhere(&path, |project| {
        project.title = "Idlib: desk's final".to_owned();
    });
    wait_for_label(&mut harness, "Reload");
    harness.get_by_label("Reload").click();
    harness.run();
    let session = session(&harness);
    assert_eq!(session.project.title, "Idlib: desk's final");
    assert!(!session.dirty, "the project is what is on disk");
    assert!(session.disk_change.is_none());
}

#[test]
fn reloading_over_unsaved_edits_keeps_them_and_lists_clashes() {
    let (_folder, path) = sample_copy();
    let mut harness = workbench(Some(path.clone()));
    let claims = session(&harness).project.claims.clone();
    let (first, second) = (claims[0].id.clone(), claims[1].id.clone());

    // Here: a note on the first claim and a verdict on the second, not saved.
    select_claim(&mut harness, &claims[0]);
    replace_text(&mut harness, "Note", "Called the UNHCR press office.");
    select_claim(&mut harness, &claims[1]);
    common::choose(&mut harness, "Verdict", "4  Incorrect");
    assert!(session(&harness).dirty);

    // There: the first claim checked, and another verdict on the second.
    save_elsewhere(&path, |project| {
        let stamp = Stamp::new(timestamp_now(), "Sam");
        project.set_claim_status(&first, Status::Checked, &stamp);
        project.set_claim_rating(&second, Some("Correct".to_owned()), &stamp);
    });
    wait_for_label(&mut harness, "Reload and keep my edits");
    harness.get_by_label("Reload and keep my edits").click();
    harness.run();

    let project = &session(&harness).project;
    let merged_first = project.claim(&first).unwrap();
    assert_eq!(merged_first.note, "Called the UNHCR press office.");
    assert_eq!(merged_first.status, Status::Checked, "the colleague's edit");
    assert_eq!(project.conflicts.len(), 1, "{:?}", project.conflicts);
    assert!(session(&harness).dirty);

    // The clash shows on the claim and in the conflicts dialog.
    harness.get_by_label("Review conflicts…").click();
    harness.run();
    let buttons: Vec<_> = harness.get_all_by_label("Use theirs: Correct").collect();
    assert_eq!(buttons.len(), 2, "in the claim's details and in the dialog");
    buttons.last().unwrap().click();
    harness.run();
    let project = &session(&harness).project;
    assert!(project.conflicts.is_empty());
    let claim = project.claim(&second).unwrap();
    assert_eq!(claim.rating.as_deref(), Some("Correct"));
    assert_eq!(claim.history.last().unwrap().field, Field::Rating);
}

#[test]
fn a_conflict_in_the_file_is_settled_from_the_claim() {
    let (_folder, path) = sample_copy();
    let mut project = Project::load(&path).unwrap();
    let claim = project.claims[3].clone();
    project.conflicts.push(Conflict {
        subject: Subject::Claim(claim.id.clone()),
        field: ConflictField::Note,
        ours: json!(claim.note),
        theirs: json!("Sam: the UN figure is 3.5 million"),
    });
    project.save(&path).unwrap();

    let mut harness = workbench(Some(path));
    harness.get_by_label_contains("1 edit(s) clash with a colleague's copy");
    select_claim(&mut harness, &claim);
    harness.get_by_label_contains("A colleague's copy disagrees (1)");
    harness.get_by_label_contains("Keep: ").scroll_to_me();
    harness.run();
    harness.get_by_label_contains("Keep: ").click();
    harness.run();
    let session = session(&harness);
    assert!(session.project.conflicts.is_empty());
    assert_eq!(session.project.claim(&claim.id).unwrap().note, claim.note);
    assert!(
        harness
            .query_by_label_contains("clash with a colleague")
            .is_none()
    );
}

#[test]
fn the_export_dialog_says_what_each_format_leaves_out_and_writes_the_file() {
    let (folder, path) = sample_copy();
    let mut harness = workbench(Some(path));
    press(&mut harness, CTRL, Key::E);
    let Some(Modal::Export(form)) = &harness.state().state().modal else {
        panic!("Ctrl+E opens the export dialog");
    };
    assert_eq!(form.format, ExportFormat::ClaimReview);
    // Two of the sample's six claims have no verdict yet.
    assert_eq!(form.skipped.len(), 2, "{:?}", form.skipped);
    harness.get_by_label("Left out (2):");

    harness.get_by_label("Verification report (HTML)").click();
    harness.run();
    let Some(Modal::Export(form)) = &harness.state().state().modal else {
        panic!("the dialog stays open");
    };
    assert_eq!(form.format, ExportFormat::Html);
    assert!(form.skipped.is_empty(), "the report lists every claim");
    harness.get_by_label("Every claim goes into the export.");
    // The report compares the panes on screen; the pair can be taken away, and the
    // base version is then compared with each other version.
    let panes = session(&harness).panes.clone();
    let pane_pair = (panes[0].clone().unwrap(), panes[1].clone().unwrap());
    assert_eq!(form.pairs, std::slice::from_ref(&pane_pair));
    harness.get_by_label("Pair 1 old version");
    harness.get_by_label("Remove").click();
    harness.run();
    harness.get_by_label_contains("the base version, with each other version");
    harness.get_by_label("Add a pair").click();
    harness.run();
    let Some(Modal::Export(form)) = &harness.state().state().modal else {
        panic!("the dialog stays open");
    };
    assert_eq!(
        form.pairs,
        std::slice::from_ref(&pane_pair),
        "the base with the next version"
    );

    // The file dialog answers with a path.
    let report = folder.path().join("report.html");
    let ctx = harness.ctx.clone();
    let reversed = vec![(pane_pair.1.clone(), pane_pair.0.clone())];
    harness.state_mut().apply(
        Action::ExportTo(ExportFormat::Html, report.clone(), reversed),
        &ctx,
    );
    harness.run();
    let html = std::fs::read_to_string(&report).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"), "{}", &html[..40]);
    assert!(html.contains("Idlib 2019"));
    assert!(
        html.contains("Compared: Desk edit for print (copy desk) → Scraped page"),
        "the pair asked for"
    );
    let notice = harness.state().state().latest_notice().cloned().unwrap();
    assert_eq!(notice.kind, NoticeKind::Info, "{}", notice.text);

    // A folder that is not there: an error, and nothing written.
    let nowhere = folder.path().join("missing").join("claims.csv");
    harness.state_mut().apply(
        Action::ExportTo(ExportFormat::Csv, nowhere.clone(), Vec::new()),
        &ctx,
    );
    harness.run();
    let notice = harness.state().state().latest_notice().cloned().unwrap();
    assert_eq!(notice.kind, NoticeKind::Error);
    assert!(
        notice.text.starts_with("Could not export"),
        "{}",
        notice.text
    );
    assert!(!nowhere.exists());
}

#[test]
fn saving_over_a_colleagues_save_asks_first_and_can_merge() {
    let (_folder, path) = sample_copy();
    let mut harness = workbench(Some(path.clone()));
    let claims = session(&harness).project.claims.clone();
    select_claim(&mut harness, &claims[2]);
    press(&mut harness, Modifiers::NONE, Key::Num1);
    assert!(session(&harness).dirty);

    save_elsewhere(&path, |project| {
        let stamp = Stamp::new(timestamp_now(), "Sam");
        project.set_claim_status(&claims[0].id, Status::Escalated, &stamp);
    });
    let theirs = std::fs::read(&path).unwrap();
    press(&mut harness, CTRL, Key::S);
    assert_eq!(
        harness.state().state().modal,
        Some(Modal::SaveConflict),
        "the save waits for the editor"
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        theirs,
        "their save is untouched"
    );

    harness.get_by_label("Reload and merge my edits").click();
    harness.run();
    press(&mut harness, CTRL, Key::S);
    let saved = Project::load(&path).unwrap();
    assert_eq!(
        saved.claim(&claims[0].id).unwrap().status,
        Status::Escalated
    );
    assert_eq!(
        saved.claim(&claims[2].id).unwrap().rating.as_deref(),
        Some("Correct")
    );
    assert!(!session(&harness).dirty);
}

#[test]
fn overwriting_a_colleagues_save_keeps_theirs_as_the_backup() {
    let (_folder, path) = sample_copy();
    let mut harness = workbench(Some(path.clone()));
    replace_text(&mut harness, "Project title", "Idlib: our title");
    save_elsewhere(&path, |project| {
        project.title = "Idlib: their title".to_owned();
    });
    let theirs = std::fs::read(&path).unwrap();
    press(&mut harness, CTRL, Key::S);
    harness.get_by_label("Overwrite").click();
    harness.run();
    assert_eq!(Project::load(&path).unwrap().title, "Idlib: our title");
    assert_eq!(
        std::fs::read(factdesk::core::atomic_file::backup_path(&path)).unwrap(),
        theirs
    );
}

#[test]
fn a_project_open_in_another_window_is_flagged_and_locked_while_open() {
    let (_folder, path) = sample_copy();
    let lock = lock_path(&path);
    std::fs::write(
        &lock,
        r#"{"pid": 4242, "host": "newsroom-07", "since": "2026-11-25T09:00:00Z"}"#,
    )
    .unwrap();
    let mut harness = workbench(Some(path.clone()));
    harness.get_by_label_contains(
        "Also open in another Factdesk window (on newsroom-07, process 4242",
    );
    harness.get_by_label("Understood").click();
    harness.run();
    assert!(session(&harness).also_open_in.is_none());
    let holder: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&lock).unwrap()).unwrap();
    assert_eq!(
        holder["pid"],
        json!(std::process::id()),
        "this window holds it now"
    );
    drop(harness);
    assert!(!lock.exists(), "closing lets go of the lock");
}
