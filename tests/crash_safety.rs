//! Killing Factdesk at any moment never damages a project file or loses a save.
//!
//! A worker process loads a project, edits it at random and saves it (the project file,
//! keeping its backup) and autosaves it (the recovery file) in a loop, the way the
//! workbench does, writing a journal line before and after each save. The driver kills
//! it with SIGKILL after a random delay, then checks what a restarted Factdesk would
//! find: the project file parses and is byte for byte the last save that completed (or
//! the one being written when the kill came, whose rename had landed), the backup
//! parses and is an earlier save, and the recovery file parses. The next trial's worker
//! carries on from the files the kill left.
//!
//! CI runs a few trials; `scripts/crash-test.sh` runs hundreds on a release build
//! (`FACTDESK_CRASH_TRIALS`).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test should fail loudly when a fixture or helper breaks"
)]

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use factdesk::core::anchor::TextAnchor;
use factdesk::core::article::sha256_hex;
use factdesk::core::atomic_file::backup_path;
use factdesk::core::claims::{Claim, Stamp, Status, TextField};
use factdesk::core::project::{Project, recovery_path};
use jiff::Timestamp;

/// The variable that tells the worker where its project is; only the driver sets it.
const WORKER_FOLDER: &str = "FACTDESK_CRASH_WORKER_FOLDER";
/// The variable that picks the worker's edits, so each trial edits differently.
const WORKER_SEED: &str = "FACTDESK_CRASH_WORKER_SEED";
/// How many trials to run (the script sets hundreds).
const TRIALS: &str = "FACTDESK_CRASH_TRIALS";
/// Trials in a plain `cargo test`.
const CI_TRIALS: u64 = 12;
const PROJECT_NAME: &str = "story.factdesk.json";
const JOURNAL_NAME: &str = "journal.txt";
const SAMPLE: &str = "projects/idlib-2019.factdesk.json";

/// What the journal says about the saves made so far.
#[derive(Debug, Default)]
struct Journal {
    /// Digests of every save that completed, oldest first.
    saved: Vec<String>,
    /// The digest of a save that began but was not recorded as complete.
    in_flight: Option<String>,
}

impl Journal {
    fn read(folder: &Path) -> Self {
        let text = fs::read_to_string(folder.join(JOURNAL_NAME)).unwrap_or_default();
        let mut journal = Self::default();
        // A line cut short by the kill has no newline yet, and is not counted.
        for line in text.split_inclusive('\n').filter(|l| l.ends_with('\n')) {
            match line.trim_end().split_once(' ') {
                Some(("saving", digest)) => journal.in_flight = Some(digest.to_owned()),
                Some(("saved", digest)) => {
                    journal.saved.push(digest.to_owned());
                    journal.in_flight = None;
                }
                _ => panic!("unreadable journal line {line:?}"),
            }
        }
        journal
    }

    fn append(folder: &Path, line: &str) {
        let mut file = fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(folder.join(JOURNAL_NAME))
            .unwrap();
        // One write, so a kill leaves either the whole line or a part without newline.
        file.write_all(format!("{line}\n").as_bytes()).unwrap();
    }
}

fn digest_of(path: &Path) -> String {
    sha256_hex(fs::read(path).unwrap())
}

/// Edits the project as an editor would, a random edit at a time, saving every few
/// edits and autosaving in between, until it is killed.
#[test]
#[ignore = "the worker of killed_at_random_moments_no_save_is_lost, which kills it"]
fn crash_worker() {
    let folder = PathBuf::from(
        std::env::var_os(WORKER_FOLDER).expect("run by killed_at_random_moments_no_save_is_lost"),
    );
    let seed = std::env::var(WORKER_SEED).unwrap().parse().unwrap();
    let mut rng = fastrand::Rng::with_seed(seed);
    let path = folder.join(PROJECT_NAME);
    let mut project = Project::load(&path).unwrap();
    for step in 0u64.. {
        let now = Timestamp::from_second(1_700_000_000 + i64::try_from(step).unwrap()).unwrap();
        edit_at_random(&mut project, &mut rng, &Stamp::new(now, "Crash test"));
        if rng.u8(..4) == 0 {
            let digest = sha256_hex(project.to_json());
            Journal::append(&folder, &format!("saving {digest}"));
            project.save(&path).unwrap();
            Journal::append(&folder, &format!("saved {digest}"));
            // A save leaves nothing to recover, as in the workbench.
            let _ = fs::remove_file(recovery_path(&path)); // Absent when never autosaved.
        } else {
            project.save_recovery(&recovery_path(&path)).unwrap();
        }
    }
}

/// One of the edits the workbench makes, on a random claim or place.
fn edit_at_random(project: &mut Project, rng: &mut fastrand::Rng, stamp: &Stamp) {
    let claim_id = (!project.claims.is_empty())
        .then(|| project.claims[rng.usize(..project.claims.len())].id.clone());
    match (rng.u8(..5), claim_id) {
        (0, Some(claim_id)) => {
            let status = Status::ALL[rng.usize(..Status::ALL.len())];
            project.set_claim_status(&claim_id, status, stamp);
        }
        (1, Some(claim_id)) => {
            // Notes of very different lengths make saves of very different sizes.
            let note = "Checked against the UN figures. ".repeat(rng.usize(..2_000));
            project.set_claim_text(&claim_id, TextField::Note, note, stamp);
        }
        (2, Some(claim_id)) if project.claims.len() > 4 => {
            project.remove_claim(&claim_id, stamp.at);
        }
        _ => {
            let document = &project.documents[rng.usize(..project.documents.len())];
            let length = document.text.chars().count();
            let start = rng.usize(..length.saturating_sub(20).max(1));
            let selection = start..(start + rng.usize(5..20)).min(length);
            if let Ok(anchor) = TextAnchor::from_selection(&document.text, selection) {
                let claim = Claim::new(document.id.clone(), anchor, stamp);
                project.add_claim(claim, stamp.at);
            }
        }
    }
}

/// What a Factdesk started after the kill finds, and whether the kill came during a
/// save. Panics if any save was lost or any file is damaged.
fn check_after_kill(folder: &Path) -> (Outcome, bool) {
    let path = folder.join(PROJECT_NAME);
    let journal = Journal::read(folder);
    let on_disk = digest_of(&path);
    Project::load(&path).unwrap_or_else(|err| panic!("the project no longer loads: {err}"));
    let last_saved = journal.saved.last();
    let outcome = if Some(&on_disk) == last_saved {
        Outcome::LastSave
    } else if Some(&on_disk) == journal.in_flight.as_ref() {
        // The save's rename landed before the kill: it is the file's last save now,
        // and the next save's backup.
        Journal::append(folder, &format!("saved {on_disk}"));
        Outcome::SaveInFlight
    } else {
        panic!(
            "the project is neither the last save nor the one being written: {journal:?}, on disk {on_disk}"
        );
    };

    let backup = backup_path(&path);
    if backup.exists() {
        Project::load(&backup).unwrap_or_else(|err| panic!("the backup no longer loads: {err}"));
        let backup_digest = digest_of(&backup);
        assert!(
            journal.saved.contains(&backup_digest),
            "the backup is not a save that was made"
        );
    }
    let recovery = recovery_path(&path);
    if recovery.exists() {
        Project::load(&recovery)
            .unwrap_or_else(|err| panic!("the recovery file no longer loads: {err}"));
    }
    (outcome, journal.in_flight.is_some())
}

/// Where the kill left the project file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    /// The last save that completed.
    LastSave,
    /// The save being written when the kill came: its rename had landed.
    SaveInFlight,
}

#[test]
fn killed_at_random_moments_no_save_is_lost() {
    let trials = std::env::var(TRIALS).map_or(CI_TRIALS, |n| n.parse().unwrap());
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join(PROJECT_NAME);
    fs::copy(SAMPLE, &path).unwrap();
    // The sample is the first save the project file may be.
    Journal::append(folder.path(), &format!("saved {}", digest_of(&path)));
    let mut rng = fastrand::Rng::with_seed(7);
    let mut outcomes = Vec::new();
    for trial in 0..trials {
        let mut worker = Command::new(std::env::current_exe().unwrap())
            .args(["crash_worker", "--exact", "--ignored", "--test-threads=1"])
            .env(WORKER_FOLDER, folder.path())
            .env(WORKER_SEED, trial.to_string())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(rng.u64(20..400)));
        if let Some(status) = worker.try_wait().unwrap() {
            let output = worker.wait_with_output().unwrap();
            panic!(
                "trial {trial}: the worker stopped by itself ({status}): {}",
                String::from_utf8_lossy(&output.stderr)
            );
        }
        worker.kill().unwrap(); // SIGKILL: no destructor, no flush, no clean-up.
        worker.wait().unwrap();
        outcomes.push(check_after_kill(folder.path()));
    }
    let count = |outcome| outcomes.iter().filter(|&&(o, _)| o == outcome).count();
    let mid_save = outcomes.iter().filter(|&&(_, saving)| saving).count();
    let journal = Journal::read(folder.path());
    let leftovers = fs::read_dir(folder.path())
        .unwrap()
        .filter(|entry| {
            let name = entry.as_ref().unwrap().file_name();
            name.to_string_lossy().ends_with(".tmp")
        })
        .count();
    // The script reads this line; cargo shows it with --nocapture.
    println!(
        "{trials} kills ({mid_save} during a save), 0 losses: the project was the last save {} times and the save being written {} times; {} saves completed; {leftovers} temporary files left by kills",
        count(Outcome::LastSave),
        count(Outcome::SaveInFlight),
        journal.saved.len() - 1,
    );
    assert!(
        journal.saved.len() > 1,
        "the worker never completed a save, so nothing was tested"
    );
}
