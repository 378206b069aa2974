//! Import judged on a corpus of news pages (`tests/fixtures/pages/`): pages saved
//! from, or copied out of, many kinds of news site, each with what an editor reads on
//! it (`NAME.expected`: every passage's part and agency, the page's publication and
//! dates, and whether it is cut off). The pages and their stories are invented; their
//! layouts imitate real sites. See the corpus README.
//!
//! The test measures, over the whole corpus, the recall and precision of the debris
//! set aside and the accuracy of each story part, and checks every headline, caption,
//! byline and dateline and every page's metadata.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test should fail loudly when a fixture or helper breaks"
)]
#![allow(
    clippy::print_stderr,
    reason = "the corpus report is printed for `cargo test -- --nocapture`"
)]

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use factdesk::core::article::{Document, Role};
use factdesk::core::import::import_file;
use jiff::Timestamp;

const CORPUS: &str = "tests/fixtures/pages";

/// Debris recall the import must reach on the corpus.
const DEBRIS_RECALL: f64 = 0.95;
/// Debris precision: the share of set-aside passages that are debris, not story.
const DEBRIS_PRECISION: f64 = 0.98;
/// Accuracy the story's body, standfirsts and credits must reach; headlines,
/// captions, bylines and datelines must all be right.
const PART_ACCURACY: f64 = 0.95;

/// One line of an expectations file: a passage's part (or "aside"), the agency it
/// credits when the line says, and its opening words.
#[derive(Debug)]
struct Expected {
    role: String,
    agency: Option<String>,
    opening: String,
}

/// A page's expectations.
#[derive(Debug, Default)]
struct Expectations {
    metadata: BTreeMap<String, String>,
    passages: Vec<Expected>,
}

fn read_expectations(path: &Path) -> Expectations {
    let mut expectations = Expectations::default();
    for line in std::fs::read_to_string(path).unwrap().lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some((part, opening)) = line.split_once(" | ") {
            let mut words = part.split_whitespace();
            expectations.passages.push(Expected {
                role: words.next().unwrap().to_owned(),
                agency: words.next().map(str::to_owned),
                opening: squeeze(opening),
            });
        } else if let Some((key, value)) = line.split_once(": ") {
            expectations
                .metadata
                .insert(key.to_owned(), value.trim().to_owned());
        } else {
            panic!("{}: cannot read line {line:?}", path.display());
        }
    }
    expectations
}

/// A passage of the imported document: a segment, or text set aside.
#[derive(Debug)]
struct Passage {
    /// "aside", or the segment's part in lower case.
    role: String,
    agency: String,
    text: String,
}

/// The document's segments and set-aside passages, in reading order.
fn passages(document: &Document) -> Vec<(usize, Passage)> {
    let words = document.segment_words();
    let mut passages: Vec<(usize, Passage)> = document
        .segments
        .iter()
        .zip(words)
        .map(|(segment, text)| {
            (
                segment.start * 2 + 1,
                Passage {
                    role: segment.role.label().to_lowercase(),
                    agency: segment.agency.label().into_owned(),
                    text: squeeze(text),
                },
            )
        })
        .collect();
    passages.extend(document.set_aside.iter().map(|entry| {
        (
            entry.at * 2,
            Passage {
                role: "aside".to_owned(),
                agency: String::new(),
                text: squeeze(&entry.text),
            },
        )
    }));
    passages.sort_by_key(|(at, _)| *at);
    passages
}

fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What one page gave.
#[derive(Default)]
struct Tally {
    /// Expected debris set aside.
    debris_found: usize,
    /// Expected debris kept as story.
    debris_missed: Vec<String>,
    /// Story set aside.
    story_set_aside: Vec<String>,
    /// Per part: (right, wrong) and what went wrong.
    parts: BTreeMap<String, (usize, usize)>,
    wrong_parts: Vec<String>,
    metadata_wrong: Vec<String>,
}

impl Tally {
    fn add(&mut self, other: Self) {
        self.debris_found += other.debris_found;
        self.debris_missed.extend(other.debris_missed);
        self.story_set_aside.extend(other.story_set_aside);
        for (part, (right, wrong)) in other.parts {
            let entry = self.parts.entry(part).or_default();
            entry.0 += right;
            entry.1 += wrong;
        }
        self.wrong_parts.extend(other.wrong_parts);
        self.metadata_wrong.extend(other.metadata_wrong);
    }
}

/// Matches a page's passages against its expectations, in reading order.
fn judge(name: &str, document: &Document, expectations: &Expectations) -> Tally {
    let found = passages(document);
    let mut used = vec![false; found.len()];
    let mut cursor = 0;
    let mut tally = Tally::default();
    for expected in &expectations.passages {
        let matches =
            |index: &usize| !used[*index] && found[*index].1.text.starts_with(&expected.opening);
        let index = (cursor..found.len())
            .find(matches)
            .or_else(|| (0..found.len()).find(matches));
        let what = format!("{name}: {} | {}", expected.role, expected.opening);
        let Some(index) = index else {
            // A passage of an HTML group set aside whole ("one line gives the first
            // item's words"), or text the import joined to the passage before it.
            let inside_earlier = found.iter().any(|(_, passage)| {
                passage.text.contains(&expected.opening)
                    && (passage.role == expected.role || expected.role != "aside")
            });
            if expected.role == "aside" {
                let set_aside = found.iter().any(|(_, passage)| {
                    passage.role == "aside" && passage.text.contains(&expected.opening)
                });
                if set_aside {
                    tally.debris_found += 1;
                } else {
                    tally.debris_missed.push(format!("{what} (not found)"));
                }
            } else if !inside_earlier {
                let entry = tally.parts.entry(expected.role.clone()).or_default();
                entry.1 += 1;
                tally.wrong_parts.push(format!("{what}: not found"));
            } else {
                let entry = tally.parts.entry(expected.role.clone()).or_default();
                entry.1 += 1;
                tally
                    .wrong_parts
                    .push(format!("{what}: joined to another passage"));
            }
            continue;
        };
        used[index] = true;
        cursor = index + 1;
        let passage = &found[index].1;
        match (expected.role.as_str(), passage.role.as_str()) {
            ("aside", "aside") => tally.debris_found += 1,
            ("aside", kept) => tally.debris_missed.push(format!("{what} (kept as {kept})")),
            (_, "aside") => {
                tally.story_set_aside.push(what.clone());
                tally.parts.entry(expected.role.clone()).or_default().1 += 1;
            }
            (role, kept) => {
                let agency_right = expected
                    .agency
                    .as_ref()
                    .is_none_or(|agency| agency.eq_ignore_ascii_case(&passage.agency));
                let entry = tally.parts.entry(role.to_owned()).or_default();
                if role == kept && agency_right {
                    entry.0 += 1;
                } else {
                    entry.1 += 1;
                    tally
                        .wrong_parts
                        .push(format!("{what}: read as {kept} · {}", passage.agency));
                }
            }
        }
    }
    let metadata = &document.metadata;
    let checks = [
        ("publication", metadata.publication.clone()),
        ("published", metadata.published.clone()),
        ("updated", metadata.updated.clone()),
        (
            "cut off",
            Some(
                if metadata.cut_off.is_some() {
                    "yes"
                } else {
                    "no"
                }
                .to_owned(),
            ),
        ),
    ];
    for (key, found) in checks {
        let expected = expectations
            .metadata
            .get(key)
            .cloned()
            .or_else(|| (key == "cut off").then(|| "no".to_owned()));
        let right = match (&expected, &found) {
            (None, None) => true,
            // Dates are compared by day: a page may give the time too.
            (Some(expected), Some(found)) => found.starts_with(expected.as_str()),
            _ => false,
        };
        if !right {
            tally.metadata_wrong.push(format!(
                "{name}: {key} expected {expected:?}, found {found:?}"
            ));
        }
    }
    tally
}

fn corpus_pages() -> Vec<(PathBuf, PathBuf)> {
    let mut pages: Vec<(PathBuf, PathBuf)> = std::fs::read_dir(CORPUS)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "expected"))
        .map(|expected| {
            let page = ["txt", "html"]
                .iter()
                .map(|ext| expected.with_extension(ext))
                .find(|page| page.exists())
                .unwrap_or_else(|| panic!("no page for {}", expected.display()));
            (page, expected)
        })
        .collect();
    pages.sort();
    pages
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}

#[test]
fn pages_from_any_site_arrive_clean() {
    let pages = corpus_pages();
    assert!(pages.len() >= 12, "a corpus of at least 12 site templates");
    let mut total = Tally::default();
    for (page, expected) in &pages {
        let document = import_file(page, Timestamp::UNIX_EPOCH).unwrap();
        let name = page.file_name().unwrap().to_string_lossy().into_owned();
        total.add(judge(&name, &document, &read_expectations(expected)));
    }
    let debris_expected = total.debris_found + total.debris_missed.len();
    let recall = ratio(total.debris_found, debris_expected);
    let precision = ratio(
        total.debris_found,
        total.debris_found + total.story_set_aside.len(),
    );
    let mut report = format!(
        "{} pages · debris recall {:.3} ({} of {debris_expected}) · precision {:.3} ({} story passages set aside)\n",
        pages.len(),
        recall,
        total.debris_found,
        precision,
        total.story_set_aside.len()
    );
    for (part, (right, wrong)) in &total.parts {
        let _ = writeln!(
            report,
            "{part:>10}: {right} of {} right ({:.3})",
            right + wrong,
            ratio(*right, right + wrong)
        );
    }
    for line in total
        .debris_missed
        .iter()
        .map(|what| format!("debris kept: {what}"))
        .chain(
            total
                .story_set_aside
                .iter()
                .map(|what| format!("story set aside: {what}")),
        )
        .chain(total.wrong_parts.iter().map(|what| format!("part: {what}")))
        .chain(
            total
                .metadata_wrong
                .iter()
                .map(|what| format!("metadata: {what}")),
        )
    {
        let _ = writeln!(report, "  {line}");
    }
    eprintln!("{report}");
    assert!(recall >= DEBRIS_RECALL, "{report}");
    assert!(precision >= DEBRIS_PRECISION, "{report}");
    for part in ["headline", "caption", "byline", "dateline"] {
        let (_, wrong) = total.parts.get(part).copied().unwrap_or_default();
        assert_eq!(wrong, 0, "every {part} right\n{report}");
    }
    for part in ["body", "standfirst", "credit"] {
        let (right, wrong) = total.parts.get(part).copied().unwrap_or_default();
        assert!(
            ratio(right, right + wrong) >= PART_ACCURACY,
            "{part} accuracy\n{report}"
        );
    }
    assert!(total.metadata_wrong.is_empty(), "{report}");
}

/// Roles the corpus uses, so a typo in an expectations file fails here, not silently.
#[test]
fn expectations_name_known_parts() {
    let known: Vec<String> = Role::ALL
        .iter()
        .map(|role| role.label().to_lowercase())
        .chain(std::iter::once("aside".to_owned()))
        .collect();
    for (_, expected) in corpus_pages() {
        for passage in read_expectations(&expected).passages {
            assert!(
                known.contains(&passage.role),
                "{}: {:?}",
                expected.display(),
                passage.role
            );
        }
    }
}
