//! The layering rule: the domain in `src/core/` never uses the GUI or CLI crates nor the
//! GUI and CLI layers, so it stays testable without a display and usable from any front
//! end.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test should fail loudly when a fixture or helper breaks"
)]

use std::path::{Path, PathBuf};

const FORBIDDEN_CRATES: [&str; 4] = ["egui", "eframe", "rfd", "clap"];
const FORBIDDEN_LAYERS: [&str; 2] = ["crate::ui", "crate::cli"];

fn rust_files(folder: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            files.push(path);
        }
    }
    files
}

/// The uses of GUI/CLI crates and layers in the code (not the comments) of `source`,
/// with their 1-based line numbers.
fn forbidden_uses(source: &str) -> Vec<(usize, String)> {
    let mut uses = Vec::new();
    for (index, line) in source.lines().enumerate() {
        let code = line.split("//").next().unwrap_or_default();
        let crates = code
            .split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .filter(|word| FORBIDDEN_CRATES.contains(word));
        let layers = FORBIDDEN_LAYERS
            .into_iter()
            .filter(|layer| code.contains(layer));
        uses.extend(
            crates
                .chain(layers)
                .map(|name| (index + 1, name.to_owned())),
        );
    }
    uses
}

#[test]
fn the_checker_catches_gui_imports_and_layer_uses() {
    assert_eq!(
        forbidden_uses("use egui::Ui;\n// egui is fine here\nuse crate::ui::Side;"),
        [(1, "egui".to_owned()), (3, "crate::ui".to_owned())]
    );
    assert!(forbidden_uses("let vegui = 1; // uses eframe and crate::cli").is_empty());
}

#[test]
fn core_does_not_use_gui_or_cli_crates() {
    let files = rust_files(Path::new("src/core"));
    assert!(files.len() > 5, "src/core not found");
    let mut offences = Vec::new();
    for file in files {
        let source = std::fs::read_to_string(&file).unwrap();
        for (line, name) in forbidden_uses(&source) {
            offences.push(format!("{}:{line} uses {name}", file.display()));
        }
    }
    assert!(offences.is_empty(), "{}", offences.join("\n"));
}
