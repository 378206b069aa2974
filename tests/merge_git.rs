//! `factdesk merge-driver` as git runs it: two branches edit one project, `git merge`
//! calls the driver, and the merged file holds both editors' work.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test should fail loudly when a fixture or helper breaks"
)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use factdesk::core::anchor::TextAnchor;
use factdesk::core::claims::{Claim, ClaimId, Evidence, Locator, Stamp, Stance, Status, TextField};
use factdesk::core::project::{ConflictField, Project, Subject};
use jiff::Timestamp;
use serde_json::json;

const SAMPLE: &str = "projects/idlib-2019.factdesk.json";
const FILE: &str = "idlib.factdesk.json";

fn stamp(second: i64, by: &str) -> Stamp {
    Stamp::new(Timestamp::from_second(second).unwrap(), by)
}

/// Whether git can be run; when not, the test says why it is skipped.
fn git_installed() -> bool {
    let found = Command::new("git").arg("--version").output().is_ok();
    if !found {
        #[expect(clippy::print_stderr, reason = "a skipped test says why on stderr")]
        {
            eprintln!("skipped: git is not installed, so the merge driver cannot be tried with it");
        }
    }
    found
}

/// A git repository holding the sample project, with the Factdesk merge driver set up
/// as the `factdesk merge-driver` help says.
struct Repo {
    _folder: tempfile::TempDir,
    root: PathBuf,
}

impl Repo {
    fn new() -> Self {
        let folder = tempfile::tempdir().unwrap();
        let root = folder.path().to_owned();
        let repo = Self {
            _folder: folder,
            root,
        };
        repo.git_ok(&["init", "-q", "-b", "main"]);
        repo.git_ok(&["config", "user.name", "Desk"]);
        repo.git_ok(&["config", "user.email", "desk@example.org"]);
        repo.git_ok(&["config", "merge.factdesk.name", "Factdesk project"]);
        let driver = format!(
            "'{}' merge-driver %O %A %B --name %P",
            env!("CARGO_BIN_EXE_factdesk")
        );
        repo.git_ok(&["config", "merge.factdesk.driver", &driver]);
        std::fs::write(
            repo.root.join(".gitattributes"),
            "*.factdesk.json merge=factdesk\n",
        )
        .unwrap();
        std::fs::copy(SAMPLE, repo.path()).unwrap();
        repo.commit("Sample project");
        repo
    }

    fn path(&self) -> PathBuf {
        self.root.join(FILE)
    }

    fn git(&self, args: &[&str]) -> Output {
        Command::new("git")
            .args(args)
            .current_dir(&self.root)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .output()
            .unwrap()
    }

    fn git_ok(&self, args: &[&str]) -> Output {
        let output = self.git(args);
        assert!(
            output.status.success(),
            "git {args:?}: {}",
            describe(&output)
        );
        output
    }

    fn commit(&self, message: &str) {
        self.git_ok(&["add", "-A"]);
        self.git_ok(&["commit", "-q", "-m", message]);
    }

    fn project(&self) -> Project {
        Project::load(&self.path()).unwrap()
    }

    /// On a new branch from main, edits the project through its API, saves it and
    /// commits; returns the project as committed.
    fn branch(&self, name: &str, edit: impl FnOnce(&mut Project)) -> Project {
        self.git_ok(&["checkout", "-q", "-b", name, "main"]);
        let mut project = self.project();
        edit(&mut project);
        project.save(&self.path()).unwrap();
        self.commit(name);
        project
    }

    /// Merges branch `theirs` into branch `ours`.
    fn merge(&self, ours: &str, theirs: &str) -> Output {
        self.git_ok(&["checkout", "-q", ours]);
        self.git(&["merge", "--no-edit", theirs])
    }
}

fn describe(output: &Output) -> String {
    format!(
        "exit {:?}\n{}{}",
        output.status.code(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

fn claim(project: &Project, index: usize) -> ClaimId {
    project.claims[index].id.clone()
}

fn evidence() -> Evidence {
    Evidence {
        locator: Locator::Url("https://www.unhcr.org/idlib".to_owned()),
        title: "UNHCR briefing".to_owned(),
        publisher: "UNHCR".to_owned(),
        passage: String::new(),
        stance: Stance::Supports,
        accessed: None,
        sha256: None,
        added: Timestamp::from_second(2_000_000_000).unwrap(),
        added_by: "Ana".to_owned(),
    }
}

#[test]
fn edits_on_two_branches_merge_without_conflicts() {
    if !git_installed() {
        return;
    }
    let repo = Repo::new();
    let base = repo.project();
    let (first, second) = (claim(&base, 0), claim(&base, 1));
    let ana = stamp(2_000_000_000, "Ana");
    repo.branch("ana", |project| {
        project.set_claim_rating(&first, Some("Mostly correct".to_owned()), &ana);
        project.set_claim_text(&first, TextField::Note, "UNHCR confirms".to_owned(), &ana);
        project.add_evidence(&first, evidence(), &ana);
    });
    let ben = stamp(2_000_000_100, "Ben");
    let mut added = None;
    repo.branch("ben", |project| {
        project.set_claim_status(&second, Status::Escalated, &ben);
        let document = &project.documents[0];
        let anchor = TextAnchor::from_selection(&document.text, 0..20).unwrap();
        let new_claim = Claim::new(document.id.clone(), anchor, &ben);
        added = project.add_claim(new_claim, ben.at);
    });
    let output = repo.merge("ana", "ben");
    assert!(output.status.success(), "{}", describe(&output));
    let merged = repo.project();
    let first = merged.claim(&first).unwrap();
    assert_eq!(first.rating.as_deref(), Some("Mostly correct"));
    assert_eq!(first.note, "UNHCR confirms");
    assert_eq!(first.evidence, [evidence()]);
    assert_eq!(merged.claim(&second).unwrap().status, Status::Escalated);
    assert!(merged.claim(&added.unwrap()).is_some());
    assert_eq!(merged.claims.len(), base.claims.len() + 1);
    assert!(merged.conflicts.is_empty());
    // The file is as Factdesk writes it, so the next diff shows only real changes.
    assert_eq!(
        std::fs::read_to_string(repo.path()).unwrap(),
        merged.to_json()
    );
}

#[test]
fn different_verdicts_merge_with_a_conflict_in_the_file() {
    if !git_installed() {
        return;
    }
    let repo = Repo::new();
    let first = claim(&repo.project(), 0);
    repo.branch("ana", |project| {
        project.set_claim_rating(
            &first,
            Some("Incorrect".to_owned()),
            &stamp(2_000_000_000, "Ana"),
        );
    });
    repo.branch("ben", |project| {
        project.set_claim_rating(
            &first,
            Some("Misleading".to_owned()),
            &stamp(2_000_000_100, "Ben"),
        );
    });
    let output = repo.merge("ana", "ben");
    assert!(output.status.success(), "{}", describe(&output));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("1 conflict (verdict of"),
        "{}",
        describe(&output)
    );
    let merged = repo.project();
    assert_eq!(
        merged.claim(&first).unwrap().rating.as_deref(),
        Some("Incorrect")
    );
    assert_eq!(merged.conflicts.len(), 1);
    let conflict = &merged.conflicts[0];
    assert_eq!(conflict.subject, Subject::Claim(first.clone()));
    assert_eq!(conflict.field, ConflictField::Rating);
    assert_eq!(
        (&conflict.ours, &conflict.theirs),
        (&json!("Incorrect"), &json!("Misleading"))
    );
}

#[test]
fn a_copy_that_is_not_a_project_fails_the_merge_and_leaves_ours_alone() {
    if !git_installed() {
        return;
    }
    let repo = Repo::new();
    let first = claim(&repo.project(), 0);
    let ours = repo.branch("ana", |project| {
        project.set_claim_status(&first, Status::Checked, &stamp(2_000_000_000, "Ana"));
    });
    repo.git_ok(&["checkout", "-q", "-b", "ben", "main"]);
    std::fs::write(repo.path(), "{\"name\": \"not a project\"}\n").unwrap();
    repo.commit("ben");
    let output = repo.merge("ana", "ben");
    assert!(!output.status.success(), "{}", describe(&output));
    let said = describe(&output);
    assert!(said.contains("not a Factdesk project"), "{said}");
    assert!(said.contains("Automatic merge failed"), "{said}");
    assert_eq!(repo.project(), ours);
}

#[test]
fn the_driver_exits_two_when_a_file_cannot_be_read() {
    let folder = tempfile::tempdir().unwrap();
    let ours = folder.path().join("ours.factdesk.json");
    std::fs::copy(SAMPLE, &ours).unwrap();
    let before = std::fs::read(&ours).unwrap();
    let missing = Path::new("no-such-file.factdesk.json");
    let output = Command::new(env!("CARGO_BIN_EXE_factdesk"))
        .arg("merge-driver")
        .args([Path::new(SAMPLE), &ours, missing])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", describe(&output));
    assert_eq!(std::fs::read(&ours).unwrap(), before);
}
