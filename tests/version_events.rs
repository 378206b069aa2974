//! The changes that matter judged on a corpus of version pairs (`tests/fixtures/versions/`):
//! a story and its republication or edit, each pair with the list of changes an editor
//! would write (`NAME.expected`: the class of each event and words that identify it).
//! The stories are invented (one pair is the sample project's); the edits are the ones
//! republication really makes. See the corpus README.
//!
//! Over the corpus the test measures **recall** (the editor's events the list has) and
//! **burden** (events listed, house style aside, per event the editor lists).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test should fail loudly when a fixture or helper breaks"
)]
#![allow(
    clippy::print_stderr,
    reason = "the corpus report is printed for `cargo test -- --nocapture`"
)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use factdesk::core::anchor::char_slice;
use factdesk::core::article::Document;
use factdesk::core::changes::{Event, EventClass, events};
use factdesk::core::diff::WordDiff;
use factdesk::core::import::import_file;
use jiff::Timestamp;

const CORPUS: &str = "tests/fixtures/versions";

/// Share of the editor's events the list must have.
const RECALL: f64 = 0.95;
/// Most events listed (house style aside) per event the editor lists.
const BURDEN: f64 = 1.3;

/// One line of an expectations file.
#[derive(Debug)]
struct Expected {
    class: String,
    snippet: String,
}

fn read_expected(path: &Path) -> Vec<Expected> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|line| {
            let (class, snippet) = line
                .split_once(" | ")
                .unwrap_or_else(|| panic!("{}: cannot read {line:?}", path.display()));
            Expected {
                class: class.trim().to_owned(),
                snippet: comparable(snippet),
            }
        })
        .collect()
}

/// Text compared for matching: spaces collapsed, typography folded, lower case.
fn comparable(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .map(|c| match c {
            '“' | '”' | '„' => '"',
            '‘' | '’' => '\'',
            '–' | '—' => '-',
            other => other,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// The snake-case name of a class, as the expectations files write it.
fn class_key(class: EventClass) -> String {
    serde_json::to_value(class)
        .unwrap()
        .as_str()
        .unwrap()
        .to_owned()
}

/// Whether an event is the one an expectation describes: its class, and the words in
/// its summary, its old or new words, the sentences or passages it is about, or one
/// of its facts.
fn describes(expected: &Expected, event: &Event, [old, new]: [&Document; 2]) -> bool {
    if class_key(event.class) != expected.class {
        return false;
    }
    let sentence = |document: &Document, chars: &Option<std::ops::Range<usize>>| {
        chars
            .as_ref()
            .and_then(|chars| char_slice(&document.text, chars))
            .map(str::to_owned)
    };
    let texts = [
        Some(event.summary.clone()),
        event.old.as_ref().map(|text| text.text.clone()),
        event.new.as_ref().map(|text| text.text.clone()),
        sentence(old, &event.old_sentence),
        sentence(new, &event.new_sentence),
    ];
    texts
        .into_iter()
        .flatten()
        .chain(event.facts.iter().map(|fact| fact.text.clone()))
        .any(|text| comparable(&text).contains(&expected.snippet))
}

fn pairs() -> Vec<(String, PathBuf, PathBuf, PathBuf)> {
    let mut pairs: Vec<_> = std::fs::read_dir(CORPUS)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "expected"))
        .map(|expected| {
            let name = expected.file_stem().unwrap().to_string_lossy().into_owned();
            let old = expected.with_file_name(format!("{name}.old.txt"));
            let new = expected.with_file_name(format!("{name}.new.txt"));
            assert!(old.exists() && new.exists(), "{name}: both versions");
            (name, old, new, expected)
        })
        .collect();
    pairs.sort();
    pairs
}

#[test]
fn the_changes_listed_are_the_ones_an_editor_lists() {
    let pairs = pairs();
    assert!(pairs.len() >= 20, "a corpus of at least 20 pairs");
    let (mut expected_total, mut found_total, mut listed_total) = (0, 0, 0);
    let mut report = String::new();
    for (name, old, new, expected) in &pairs {
        let old = import_file(old, Timestamp::UNIX_EPOCH).unwrap();
        let new = import_file(new, Timestamp::UNIX_EPOCH).unwrap();
        let diff = WordDiff::compute(&old.text, &new.text);
        let listed = events(&old, &new, &diff, &[]);
        let expected = read_expected(expected);
        let mut used = vec![false; listed.len()];
        let mut missed = Vec::new();
        for expectation in &expected {
            let found = (0..listed.len()).find(|&index| {
                !used[index] && describes(expectation, &listed[index], [&old, &new])
            });
            match found {
                Some(index) => used[index] = true,
                None => missed.push(format!("{} | {}", expectation.class, expectation.snippet)),
            }
        }
        let mattering: Vec<&Event> = listed
            .iter()
            .filter(|event| !event.class.is_minor())
            .collect();
        expected_total += expected.len();
        found_total += expected.len() - missed.len();
        listed_total += mattering.len();
        let _ = writeln!(
            report,
            "{name}: {} of {} found, {} listed",
            expected.len() - missed.len(),
            expected.len(),
            mattering.len()
        );
        for miss in &missed {
            let _ = writeln!(report, "    missed: {miss}");
        }
        for (index, event) in listed.iter().enumerate() {
            if !used[index] && !event.class.is_minor() {
                let _ = writeln!(report, "    extra: {}", event.summary);
            }
        }
    }
    let recall = found_total as f64 / expected_total as f64;
    let burden = listed_total as f64 / expected_total as f64;
    let summary = format!(
        "{} pairs · recall {recall:.3} ({found_total} of {expected_total}) · burden {burden:.2} ({listed_total} listed)\n{report}",
        pairs.len()
    );
    eprintln!("{summary}");
    assert!(recall >= RECALL, "{summary}");
    assert!(burden <= BURDEN, "{summary}");
}

#[test]
fn expectations_name_known_classes() {
    let known: Vec<String> = EventClass::ALL.into_iter().map(class_key).collect();
    for (name, _, _, expected) in pairs() {
        for expectation in read_expected(&expected) {
            assert!(
                known.contains(&expectation.class),
                "{name}: {expectation:?}"
            );
        }
    }
}
