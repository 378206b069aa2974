//! Real pages brought into the workbench, as an editor brings them: dropped on the
//! window. The documents list names each version by headline and publication and says
//! when a copy seems cut off; the details let the editor correct the publication; a
//! file named for another format and a project dropped as an article are handled
//! kindly.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test should fail loudly when a fixture or helper breaks"
)]

use std::path::Path;

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable as _;
use factdesk::ui::{Modal, NoticeKind};

mod common;

use common::{SAMPLE, drop_files, replace_text, sample_copy, session, workbench};

const CUT_OFF_BLOG: &str = "tests/fixtures/pages/mideast-roundup.txt";
const BROADCASTER: &str = "tests/fixtures/pages/euronews.txt";

#[test]
fn pages_are_listed_by_headline_and_publication_and_cut_off_copy_is_flagged() {
    let mut harness = workbench(None);
    drop_files(
        &mut harness,
        &[Path::new(CUT_OFF_BLOG), Path::new(BROADCASTER)],
    );
    let documents = &session(&harness).project.documents;
    assert_eq!(documents.len(), 2);
    assert!(documents[0].metadata.cut_off.is_some());
    assert!(documents[1].metadata.cut_off.is_none());

    // Each row names the headline and the publication; the cut-off copy says so.
    let blog_row = format!("{} · Mideast Roundup", documents[0].label);
    assert!(blog_row.starts_with("Deadly flash floods hit southern Jordan"));
    harness.get_by_role_and_label(Role::Button, &blog_row);
    harness.get_by_role_and_label(
        Role::Button,
        "Flash floods kill 11 in southern Jordan, thousa… · Euronews",
    );
    assert_eq!(
        harness
            .query_all_by_label_contains("may be cut off")
            .count(),
        1,
        "only the blog's copy is flagged"
    );

    // Selecting it shows why, and its publication can be corrected.
    harness
        .get_by_role_and_label(Role::Button, &blog_row)
        .click();
    harness.run();
    harness.get_by_label_contains("Ends mid-sentence (“…years ago that the culverts were”)");
    replace_text(&mut harness, "Publication", "The Mideast Roundup blog");
    let document = &session(&harness).project.documents[0];
    assert_eq!(
        document.metadata.publication.as_deref(),
        Some("The Mideast Roundup blog")
    );
    assert!(session(&harness).dirty);

    // What was set aside is listed and can be put back.
    let set_aside = document.set_aside.len();
    harness
        .get_by_label(&format!("Set aside on import ({set_aside})"))
        .click();
    harness.run();
    harness.get_by_label("Put back “Skip to content”").click();
    harness.run();
    let document = &session(&harness).project.documents[0];
    assert_eq!(document.set_aside.len(), set_aside - 1);
    assert!(document.text.starts_with("Skip to content\n"));
}

#[test]
fn a_project_added_as_an_article_is_offered_to_be_opened_instead() {
    let (folder, path) = sample_copy();
    let shared = folder.path().join("shared-with-me.json");
    std::fs::copy(SAMPLE, &shared).unwrap();
    let mut harness = workbench(Some(path));
    drop_files(&mut harness, &[shared.as_path()]);
    assert_eq!(
        harness.state().state().modal,
        Some(Modal::OpenProjectInstead(shared.clone()))
    );
    assert_eq!(
        session(&harness).project.documents.len(),
        2,
        "nothing added"
    );
    harness.get_by_label("Open project").click();
    harness.run();
    assert_eq!(session(&harness).path.as_deref(), Some(shared.as_path()));
    assert_eq!(harness.state().state().modal, None);
}

#[test]
fn a_text_file_named_json_is_read_as_text_and_says_so() {
    let folder = tempfile::tempdir().unwrap();
    let notes = folder.path().join("notes.json");
    std::fs::write(
        &notes,
        "Idlib exodus grows\n\nAMMAN (Reuters) - Tens of thousands fled on Tuesday, rescuers said.\n",
    )
    .unwrap();
    let mut harness = workbench(None);
    drop_files(&mut harness, &[notes.as_path()]);
    let notice = harness.state().state().latest_notice().cloned().unwrap();
    assert_eq!(notice.kind, NoticeKind::Info, "{}", notice.text);
    let document = &session(&harness).project.documents[0];
    assert_eq!(document.label, "Idlib exodus grows");
    harness
        .get_by_role_and_label(Role::Button, "Idlib exodus grows")
        .click();
    harness.run();
    harness.get_by_label_contains("Note: named “notes.json” but holds plain text, not JSON");
}
