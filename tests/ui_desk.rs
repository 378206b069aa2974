//! The desk's everyday controls, clicked and typed through headlessly: the command
//! palette, find, zoom, panels and focus mode, recent projects, and a walk of the
//! accessibility tree of every main view that fails on any control without a name.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test should fail loudly when a fixture or helper breaks"
)]

mod common;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use factdesk::ui::{FactdeskApp, Modal, Side};

use common::{CTRL, CTRL_SHIFT, SAMPLE, press, session, workbench};

fn sample() -> Harness<'static, FactdeskApp> {
    workbench(Some(SAMPLE.into()))
}

fn type_text(harness: &mut Harness<'_, FactdeskApp>, text: &str) {
    harness.event(egui::Event::Text(text.to_owned()));
    harness.run();
}

#[test]
fn the_palette_finds_a_command_by_part_of_its_name_and_runs_it() {
    let mut harness = sample();
    press(&mut harness, CTRL, Key::K);
    assert!(matches!(
        harness.state().state().modal,
        Some(Modal::Palette(_))
    ));
    type_text(&mut harness, "dark theme");
    harness.get_by_role_and_label(Role::Button, "Theme: dark");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert_eq!(harness.state().state().modal, None, "the palette closed");
    assert_eq!(harness.ctx.theme(), egui::Theme::Dark);

    // Ctrl+Shift+P opens it too; the arrow keys choose among the matches.
    press(&mut harness, CTRL_SHIFT, Key::P);
    type_text(&mut harness, "panel");
    press(&mut harness, Modifiers::NONE, Key::ArrowDown);
    press(&mut harness, Modifiers::NONE, Key::Enter);
    let layout = harness.state().state().prefs.layout;
    assert!(
        layout.documents_panel != layout.claims_panel,
        "one of the two panels was switched off: {layout:?}"
    );
}

#[test]
fn find_counts_highlights_and_steps_through_matches_and_esc_closes_it() {
    let mut harness = sample();
    press(&mut harness, CTRL, Key::F);
    assert!(session(&harness).find.is_some());
    type_text(&mut harness, "al-Numan");
    let both_panes = session(&harness)
        .project
        .documents
        .iter()
        .map(|document| document.text.matches("al-Numan").count())
        .sum::<usize>();
    assert!(both_panes >= 4);
    harness.get_by_label(&format!("{both_panes} matches"));

    press(&mut harness, Modifiers::NONE, Key::Enter);
    harness.get_by_label(&format!("1 of {both_panes}"));
    press(&mut harness, Modifiers::NONE, Key::Enter);
    harness.get_by_label(&format!("2 of {both_panes}"));
    press(&mut harness, Modifiers::SHIFT, Key::Enter);
    harness.get_by_label(&format!("1 of {both_panes}"));
    assert_eq!(session(&harness).find.as_ref().unwrap().current, Some(0));

    // Curly and straight apostrophes are alike.
    harness.get_by_label("Find").focus();
    press(&mut harness, CTRL, Key::A);
    type_text(&mut harness, "opposition's");
    harness.get_by_label_contains("match");

    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(session(&harness).find.is_none());
}

#[test]
fn find_in_all_documents_shows_a_document_no_pane_showed() {
    let (_folder, path) = common::sample_copy();
    let mut harness = workbench(Some(path));
    // Both panes show the same document, so the other is in no pane.
    let left = session(&harness).panes[Side::Left.index()].clone().unwrap();
    common::choose(
        &mut harness,
        "Right document",
        "Scraped page: Reuters body, AFP caption",
    );
    assert_eq!(
        session(&harness).panes[Side::Right.index()],
        Some(left.clone())
    );
    press(&mut harness, CTRL, Key::F);
    type_text(&mut harness, "(Reuters) -");
    harness.get_by_label("No matches");
    harness.get_by_label("Where to find").click();
    harness.run();
    harness.get_by_label("In all documents").click();
    harness.run();
    press(&mut harness, Modifiers::NONE, Key::F3);
    let shown = session(&harness).panes[Side::Left.index()].clone().unwrap();
    assert_ne!(shown, left, "the match's document came into the left pane");
    harness.get_by_label_contains("in Desk edit");
}

#[test]
fn zoom_keys_change_the_size_of_everything_and_ctrl_0_resets_it() {
    let mut harness = sample();
    press(&mut harness, CTRL, Key::Equals);
    press(&mut harness, CTRL, Key::Equals);
    let zoom = harness.state().state().prefs.zoom;
    assert!(zoom > 1.2, "{zoom}");
    assert!((harness.ctx.zoom_factor() - zoom).abs() < 1e-4);
    press(&mut harness, CTRL, Key::Minus);
    assert!(harness.state().state().prefs.zoom < zoom);
    press(&mut harness, CTRL, Key::Num0);
    assert!((harness.state().state().prefs.zoom - 1.0).abs() < 1e-6);
}

#[test]
fn panels_hide_and_show_and_focus_mode_keeps_one_pane() {
    let mut harness = sample();
    harness.get_by_label("Add article from file…");
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label_contains("Documents panel").click();
    harness.run();
    assert!(harness.query_by_label("Add article from file…").is_none());

    press(&mut harness, CTRL, Key::CloseBracket);
    assert!(harness.query_by_label("Filter claims (/)").is_none());
    press(&mut harness, CTRL, Key::CloseBracket);
    press(&mut harness, CTRL, Key::OpenBracket);
    harness.get_by_label("Add article from file…");

    press(&mut harness, Modifiers::NONE, Key::F11);
    harness.get_by_label("Left text");
    assert!(harness.query_by_label("Right text").is_none());
    assert!(harness.query_by_label("Add article from file…").is_none());
    press(&mut harness, Modifiers::NONE, Key::F11);
    harness.get_by_label("Right text");
}

#[test]
fn swapping_the_panes_swaps_their_documents() {
    let mut harness = sample();
    let before = session(&harness).panes.clone();
    press(&mut harness, CTRL_SHIFT, Key::X);
    let after = session(&harness).panes.clone();
    assert_eq!(after, [before[1].clone(), before[0].clone()]);
}

#[test]
fn an_opened_project_is_in_open_recent() {
    let (_folder, path) = common::sample_copy();
    let mut harness = workbench(Some(path.clone()));
    let absolute = std::path::absolute(&path).unwrap();
    assert_eq!(
        harness.state().state().prefs.recent_projects.first(),
        Some(&absolute)
    );
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Open recent").hover();
    harness.run();
    harness.get_by_role_and_label(Role::Button, &absolute.display().to_string());
}

/// Every control a screen reader would announce has a name: buttons, fields, check
/// boxes, combo boxes, tabs and sliders.
fn assert_every_control_is_named(harness: &Harness<'_, FactdeskApp>, view: &str) {
    let unnamed: Vec<String> = harness
        .query_all_by(|node| {
            matches!(
                node.role(),
                Role::Button
                    | Role::TextInput
                    | Role::MultilineTextInput
                    | Role::CheckBox
                    | Role::ComboBox
                    | Role::RadioButton
                    | Role::Slider
                    | Role::Tab
                    | Role::Link
                    | Role::MenuItem
            ) && node.label().is_none_or(|label| label.trim().is_empty())
        })
        .map(|node| format!("{node:?}"))
        .collect();
    assert!(unnamed.is_empty(), "{view}: unnamed controls {unnamed:?}");
}

#[test]
fn every_control_of_the_main_views_has_an_accessible_name() {
    let harness = workbench(None);
    assert_every_control_is_named(&harness, "welcome screen");

    let mut harness = sample();
    assert_every_control_is_named(&harness, "side by side, claims");
    for tab in ["Candidates (12)", "Changes (4)"] {
        harness.get_by_label(tab).click();
        harness.run();
        assert_every_control_is_named(&harness, tab);
    }
    for view in ["Versions", "Provenance"] {
        harness.get_by_role_and_label(Role::Button, view).click();
        harness.run();
        assert_every_control_is_named(&harness, view);
    }
    press(&mut harness, CTRL, Key::Num1);
    press(&mut harness, CTRL, Key::F);
    assert_every_control_is_named(&harness, "find bar");
    press(&mut harness, CTRL, Key::K);
    assert_every_control_is_named(&harness, "command palette");
    press(&mut harness, Modifiers::NONE, Key::Escape);
    press(&mut harness, Modifiers::NONE, Key::F1);
    assert_every_control_is_named(&harness, "shortcut sheet");
    press(&mut harness, Modifiers::NONE, Key::Escape);
    press(&mut harness, CTRL, Key::E);
    assert_every_control_is_named(&harness, "export dialog");
}

#[test]
fn an_error_toast_stays_until_dismissed_and_can_be_copied() {
    let (folder, path) = common::sample_copy();
    let mut harness = workbench(Some(path));
    press(&mut harness, CTRL, Key::S);
    harness.get_by_label_contains("Saved ");
    // The project's folder disappears: the save fails.
    let folder_path = folder.path().to_owned();
    drop(folder);
    press(&mut harness, CTRL, Key::S);
    let error = harness.state().state().latest_notice().cloned().unwrap();
    assert_eq!(error.kind, factdesk::ui::NoticeKind::Error);
    harness.get_by_label("Error");

    harness.get_by_label("Copy message").click();
    // The copy is in the output of the frame that applies the click.
    harness.step();
    let copied = harness.output().platform_output.commands.iter().any(
        |command| matches!(command, egui::OutputCommand::CopyText(text) if *text == error.text),
    );
    assert!(copied, "the whole message was copied");

    // The error is the newest toast, under the news of the first save.
    harness
        .get_all_by_label("Dismiss message")
        .last()
        .unwrap()
        .click();
    harness.run();
    assert!(
        harness
            .state()
            .state()
            .notices
            .iter()
            .all(|notice| notice.id != error.id)
    );
    std::fs::create_dir_all(folder_path).unwrap();
}

#[test]
fn the_status_bar_says_what_the_project_holds_and_whether_it_is_saved() {
    let (_folder, path) = common::sample_copy();
    let harness = workbench(Some(path.clone()));
    let project = &session(&harness).project;
    let (checked, total) = project.progress();
    harness.get_by_label(&format!(
        "{} documents · {checked} of {total} claims checked",
        project.documents.len()
    ));
    harness.get_by_label("All changes saved");
    harness.get_by_label(&path.display().to_string());
}

#[test]
fn a_third_pane_compares_another_version_with_the_left_and_scrolls_with_it() {
    let (_folder, path) = common::sample_copy();
    let now = factdesk::core::project::timestamp_now();
    let mut project = factdesk::core::project::Project::load(&path).unwrap();
    let seed = factdesk::core::import::import_file(
        std::path::Path::new("tests/fixtures/seed-idlib-2019.txt"),
        now,
    )
    .unwrap();
    project.add_document(seed, now);
    project.save(&path).unwrap();
    let mut harness = workbench(Some(path));
    assert!(harness.query_by_label("Third text").is_none());

    press(&mut harness, CTRL_SHIFT, Key::A);
    harness.get_by_label("Third text");
    harness.get_by_label("Third document");
    let third = session(&harness).extra_panes.clone();
    assert_eq!(third.len(), 1);
    assert!(
        !session(&harness)
            .panes
            .iter()
            .flatten()
            .any(|id| *id == third[0]),
        "the third pane shows the version no other pane showed"
    );

    // Only three versions: there is none left for a fourth pane.
    press(&mut harness, CTRL_SHIFT, Key::A);
    assert_eq!(session(&harness).extra_panes.len(), 1);
    harness.get_by_label_contains("Every document is in a pane already");

    // Scrolling the left pane scrolls the third too.
    let top = |harness: &Harness<'_, FactdeskApp>| harness.get_by_label("Third text").rect().top();
    let before = top(&harness);
    for _ in 0..3 {
        harness.get_by_label("Left text").scroll_down();
        harness.run();
    }
    assert!(before - top(&harness) > 50.0, "the third pane followed");

    harness.get_by_role_and_label(Role::Button, "Close").click();
    harness.run();
    assert!(session(&harness).extra_panes.is_empty());
    assert!(harness.query_by_label("Third text").is_none());
}
