//! A save that the disk refuses half-way leaves the project file byte for byte as it
//! was, and says why.
//!
//! The fault is real: the save runs under a file-size limit (`ulimit -f`), so the
//! kernel fails the write part-way with "file too large", as a full disk or an
//! exhausted quota would. `scripts/fault-injection.sh` adds a full tmpfs and a
//! read-only mount, which need a mount namespace.

#![cfg(unix)]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test should fail loudly when a fixture or helper breaks"
)]

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

const SAMPLE: &str = "projects/idlib-2019.factdesk.json";
const STORY: &str = "tests/fixtures/seed-idlib-2019.txt";

/// Runs `factdesk ARGS` with files limited to `limit_kib` KiB. SIGXFSZ is ignored, as
/// in most desktop sessions, so the write fails with EFBIG instead of killing Factdesk.
fn factdesk_with_file_limit(limit_kib: u64, args: &[&Path]) -> Output {
    Command::new("bash")
        .arg("-c")
        .arg(format!("trap '' XFSZ; ulimit -f {limit_kib}; exec \"$@\""))
        .arg("bash")
        .arg(env!("CARGO_BIN_EXE_factdesk"))
        .args(args)
        .output()
        .expect("bash runs")
}

fn temporaries(folder: &Path) -> Vec<String> {
    fs::read_dir(folder)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "tmp"))
        .map(|path| path.display().to_string())
        .collect()
}

#[test]
fn a_save_the_disk_refuses_half_way_leaves_the_project_byte_identical() {
    let folder = tempfile::tempdir().unwrap();
    let project = folder.path().join("idlib.factdesk.json");
    fs::copy(SAMPLE, &project).unwrap();
    let before = fs::read(&project).unwrap();
    // Room for a file the size of the project as it is, not for the project with the
    // new story in it.
    let limit_kib = before.len() as u64 / 1024 + 1;

    let output = factdesk_with_file_limit(
        limit_kib,
        &[Path::new("import"), &project, Path::new(STORY)],
    );

    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("could not write the new contents of"),
        "{stderr}"
    );
    assert!(stderr.contains("larger than"), "{stderr}");
    assert_eq!(
        fs::read(&project).unwrap(),
        before,
        "the project is untouched"
    );
    assert!(temporaries(folder.path()).is_empty());

    // With room again, the same import goes through: nothing was left half-done.
    let output = factdesk_with_file_limit(1024, &[Path::new("import"), &project, Path::new(STORY)]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(fs::read(&project).unwrap().len() > before.len());
}

#[test]
fn a_name_too_long_for_the_disk_is_explained_and_nothing_is_written() {
    let folder = tempfile::tempdir().unwrap();
    let project = folder
        .path()
        .join(format!("{}.factdesk.json", "idlib".repeat(60)));
    let output = Command::new(env!("CARGO_BIN_EXE_factdesk"))
        .args(["new", "Idlib", "-o"])
        .arg(&project)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("too long"), "{stderr}");
    assert_eq!(fs::read_dir(folder.path()).unwrap().count(), 0);
}
