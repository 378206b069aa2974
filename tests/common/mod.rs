//! What the workbench's kittest flows share: the sample project, a harness on the real
//! app, and the few gestures (keys, clicks, typing, menus) the flows are made of.

#![allow(
    dead_code,
    reason = "each test file uses the helpers its flows need, not all of them"
)]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test should fail loudly when a fixture or helper breaks"
)]

use std::path::{Path, PathBuf};

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use factdesk::ui::{FactdeskApp, Session};

pub const SAMPLE: &str = "projects/idlib-2019.factdesk.json";

/// The Ctrl key as egui reports it on Linux and Windows: both `ctrl` and `command`.
pub const CTRL: Modifiers = Modifiers {
    ctrl: true,
    command: true,
    ..Modifiers::NONE
};
/// Ctrl+Shift.
pub const CTRL_SHIFT: Modifiers = Modifiers {
    shift: true,
    ..CTRL
};

/// A copy of the sample project in a fresh folder, so tests can save over it.
pub fn sample_copy() -> (tempfile::TempDir, PathBuf) {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("idlib-2019.factdesk.json");
    std::fs::copy(SAMPLE, &path).unwrap();
    (folder, path)
}

pub fn workbench(project: Option<PathBuf>) -> Harness<'static, FactdeskApp> {
    // Smooth scrolling takes a few frames to settle.
    let mut harness = Harness::builder()
        .with_size([1440.0, 900.0])
        .with_max_steps(24)
        .build_eframe(move |cc| FactdeskApp::new(cc, project));
    harness.run();
    harness
}

pub fn session<'h>(harness: &'h Harness<'_, FactdeskApp>) -> &'h Session {
    harness
        .state()
        .state()
        .session
        .as_ref()
        .expect("a project is open")
}

pub fn press(harness: &mut Harness<'_, FactdeskApp>, modifiers: Modifiers, key: Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run();
}

/// Scrolls the widget labelled `label` into view (the claim details scroll) and clicks it.
pub fn click_in_view(harness: &mut Harness<'_, FactdeskApp>, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    harness.get_by_label(label).click();
    harness.run();
}

/// Replaces the text of the field labelled `label`, as typing over it would.
pub fn replace_text(harness: &mut Harness<'_, FactdeskApp>, label: &str, text: &str) {
    harness.get_by_label(label).focus();
    harness.run();
    press(harness, CTRL, Key::A);
    harness.get_by_label(label).type_text(text);
    harness.run();
}

/// Picks an entry of the Claims → Verdict scale menu.
pub fn pick_verdict_scale(harness: &mut Harness<'_, FactdeskApp>, entry: &str) {
    harness
        .get_by_role_and_label(Role::Button, "Claims")
        .click();
    harness.run();
    harness.get_by_label("Verdict scale").hover();
    harness.run();
    harness.get_by_label(entry).click();
    harness.run();
}

/// Chooses `option` in the combo box labelled `combo`.
pub fn choose(harness: &mut Harness<'_, FactdeskApp>, combo: &str, option: &str) {
    harness.get_by_label(combo).click();
    harness.run();
    harness
        .get_all_by_label(option)
        .last()
        .expect("the option is in the open list")
        .click();
    harness.run();
}

/// A file dropped on the window, as the windowing layer hands it to egui.
#[derive(Debug)]
struct DroppedPath(PathBuf);

impl egui::DroppedFile for DroppedPath {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|err| err.to_string())
    }
}

pub fn drop_files(harness: &mut Harness<'_, FactdeskApp>, paths: &[&Path]) {
    for path in paths {
        let file: egui::DroppedFileHandle = std::sync::Arc::new(DroppedPath(path.to_path_buf()));
        harness.input_mut().dropped_files.push(file);
    }
    harness.run();
}
