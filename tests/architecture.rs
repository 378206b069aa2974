//! The layering rule: the domain in `src/core/` never uses the GUI or CLI crates, so it
//! stays testable without a display and usable from any front end.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test should fail loudly when a fixture or helper breaks"
)]

use std::path::{Path, PathBuf};

const FORBIDDEN: [&str; 4] = ["egui", "eframe", "rfd", "clap"];

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

/// Identifiers of GUI/CLI crates in the code (not the comments) of `source`.
fn forbidden_uses(source: &str) -> Vec<(usize, String)> {
    source
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.trim_start().starts_with("//"))
        .filter_map(|(index, line)| {
            let code = line.split("//").next().unwrap_or_default();
            code.split(|c: char| !(c.is_alphanumeric() || c == '_'))
                .find(|word| FORBIDDEN.contains(word))
                .map(|word| (index + 1, word.to_owned()))
        })
        .collect()
}

#[test]
fn the_checker_catches_a_gui_import() {
    assert_eq!(
        forbidden_uses("use egui::Ui;\n// egui is fine here"),
        [(1, "egui".to_owned())]
    );
    assert!(forbidden_uses("let vegui = 1; // uses eframe").is_empty());
}

#[test]
fn core_does_not_use_gui_or_cli_crates() {
    let files = rust_files(Path::new("src/core"));
    assert!(files.len() > 5, "src/core not found");
    let mut offences = Vec::new();
    for file in files {
        let source = std::fs::read_to_string(&file).unwrap();
        for (line, word) in forbidden_uses(&source) {
            offences.push(format!("{}:{line} uses {word}", file.display()));
        }
    }
    assert!(offences.is_empty(), "{}", offences.join("\n"));
}
