//! `factdesk diff` against the tools an editor would otherwise reach for, on the same
//! input pairs: GNU wdiff and `git diff --no-index --word-diff=porcelain`.
//!
//! Each tool runs as a process, as an editor runs it, several times per pair; the
//! medians and the ratio peer / factdesk are printed. So that the comparison is fair,
//! the words each tool marks as changed are counted too: the tools must agree in
//! substance (their algorithms differ, so not to the word; see `MAX_DISAGREEMENT`).
//!
//! The pairs are a story of 5 KB, 100 KB and 1 MB made from the sample's words and a
//! desk edit of it (`common/edited_pair.rs`: substituted words, changed figures, added
//! and cut sentences, a moved paragraph), written under `target/peer-inputs/`. A peer
//! that is not installed is reported and left out; `scripts/bench-peers.sh` installs
//! them. Run with `cargo bench --bench peers`.

#![allow(
    missing_docs,
    clippy::expect_used,
    clippy::print_stdout,
    reason = "a bench prints its table and fails loudly on a broken fixture"
)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use factdesk::core::project::Project;

#[path = "common/edited_pair.rs"]
mod edited_pair;

const SAMPLE: &str = "projects/idlib-2019.factdesk.json";

/// The pair sizes, with how many runs each tool gets at that size.
const SIZES: [(&str, usize, usize); 3] = [
    ("5 KB", 5_000, 21),
    ("100 KB", 100_000, 11),
    ("1 MB", 1_000_000, 7),
];

/// How far apart (as a share of the larger count) two tools' counts of changed words
/// may be before the comparison is called unfair. Factdesk finds moved sentences and
/// aligns by sentence; wdiff and git compare one stream of words, so they mark more.
const MAX_DISAGREEMENT: f64 = 0.35;

/// A tool that compares two files.
struct Tool {
    name: &'static str,
    program: PathBuf,
    args: fn(&Path, &Path) -> Vec<String>,
    /// Words marked changed in the old and in the new version, from the tool's output.
    changed_words: fn(&str) -> Option<(usize, usize)>,
}

fn paths(old: &Path, new: &Path) -> Vec<String> {
    vec![old.display().to_string(), new.display().to_string()]
}

fn tools() -> Vec<Tool> {
    vec![
        Tool {
            name: "factdesk diff",
            program: PathBuf::from(env!("CARGO_BIN_EXE_factdesk")),
            args: |old, new| {
                let mut args = vec!["diff".to_owned()];
                args.extend(paths(old, new));
                args
            },
            changed_words: factdesk_changed_words,
        },
        Tool {
            name: "wdiff",
            program: PathBuf::from("wdiff"),
            args: |old, new| {
                let mut args = vec!["--statistics".to_owned()];
                args.extend(paths(old, new));
                args
            },
            changed_words: wdiff_changed_words,
        },
        Tool {
            name: "git word-diff",
            program: PathBuf::from("git"),
            args: |old, new| {
                let mut args: Vec<String> = ["diff", "--no-index", "--word-diff=porcelain"]
                    .map(str::to_owned)
                    .to_vec();
                args.extend(paths(old, new));
                args
            },
            changed_words: git_changed_words,
        },
    ]
}

/// "416 words kept · 27 deleted · 38 inserted · 32 moved": moved words are changed on
/// both sides, as the peers see them (deleted here, inserted there).
fn factdesk_changed_words(output: &str) -> Option<(usize, usize)> {
    let line = output
        .lines()
        .rev()
        .find(|line| line.contains(" kept · "))?;
    let count = |what: &str| -> Option<usize> {
        line.split(" · ")
            .find_map(|part| part.strip_suffix(what))?
            .trim()
            .parse()
            .ok()
    };
    let moved = count(" moved")?;
    Some((count(" deleted")? + moved, count(" inserted")? + moved))
}

/// "old.txt: 470 words  400 85% common  6 1% deleted  64 14% changed", then the same
/// for the new file with "inserted".
fn wdiff_changed_words(output: &str) -> Option<(usize, usize)> {
    let mut lines = output.lines().rev();
    let (new, old) = (lines.next()?, lines.next()?);
    let changed = |line: &str, other: &str| -> Option<usize> {
        let words: Vec<&str> = line.split_whitespace().collect();
        let before = |label: &str| -> Option<usize> {
            let at = words.iter().position(|w| *w == label)?;
            words.get(at.checked_sub(2)?)?.parse().ok()
        };
        Some(before(other)? + before("changed")?)
    };
    Some((changed(old, "deleted")?, changed(new, "inserted")?))
}

/// Porcelain word diff: a line of removed words starts with "-", of added words "+".
#[expect(
    clippy::unnecessary_wraps,
    reason = "the same signature as the other tools' readers"
)]
fn git_changed_words(output: &str) -> Option<(usize, usize)> {
    let words = |sign: char, header: &str| {
        output
            .lines()
            .filter(|line| line.starts_with(sign) && !line.starts_with(header))
            .map(|line| line[1..].split_whitespace().count())
            .sum()
    };
    Some((words('-', "---"), words('+', "+++")))
}

/// Runs `tool` on the pair once, returning how long it took and what it printed;
/// `None` when the tool is not installed.
fn run(tool: &Tool, old: &Path, new: &Path, capture: bool) -> Option<(Duration, String)> {
    let mut command = Command::new(&tool.program);
    command
        .args((tool.args)(old, new))
        .env("NO_COLOR", "1")
        .stderr(Stdio::null());
    if !capture {
        command.stdout(Stdio::null());
    }
    let start = Instant::now();
    let output = command.output().ok()?;
    let elapsed = start.elapsed();
    // All three exit 1 when the files differ; anything above that is a failure.
    let code = output.status.code().unwrap_or(2);
    assert!(code <= 1, "{} failed with exit code {code}", tool.name);
    Some((
        elapsed,
        String::from_utf8_lossy(&output.stdout).into_owned(),
    ))
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort_unstable();
    times[times.len() / 2]
}

fn main() {
    let json = std::fs::read_to_string(SAMPLE).expect("sample project");
    let sample = Project::from_json(&json).expect("sample parses");
    let folder = Path::new(env!("CARGO_TARGET_TMPDIR")).join("peer-inputs");
    std::fs::create_dir_all(&folder).expect("input folder");
    let tools = tools();

    println!("| pair | tool | median | peer / factdesk | changed words (old, new) |");
    println!("|---|---|---|---|---|");
    for (name, bytes, runs) in SIZES {
        let (old_text, new_text) = edited_pair::edited_pair(&sample, bytes);
        let old = folder.join(format!("{bytes}-old.txt"));
        let new = folder.join(format!("{bytes}-new.txt"));
        std::fs::write(&old, old_text).expect("old written");
        std::fs::write(&new, new_text).expect("new written");

        let mut factdesk: Option<(Duration, (usize, usize))> = None;
        for tool in &tools {
            let Some((_, output)) = run(tool, &old, &new, true) else {
                println!("| {name} | {} | not installed | | |", tool.name);
                continue;
            };
            let changed = (tool.changed_words)(&output).expect("the output has counts");
            let times: Vec<Duration> = (0..runs)
                .filter_map(|_| run(tool, &old, &new, false).map(|(time, _)| time))
                .collect();
            let time = median(times);
            let (ratio, agreement) = match factdesk {
                None => {
                    factdesk = Some((time, changed));
                    (String::new(), String::new())
                }
                Some((ours, ours_changed)) => {
                    let ratio = time.as_secs_f64() / ours.as_secs_f64();
                    (format!("{ratio:.1}×"), agreement(ours_changed, changed))
                }
            };
            println!(
                "| {name} | {} | {:.1} ms | {ratio} | {} / {}{agreement} |",
                tool.name,
                time.as_secs_f64() * 1000.0,
                changed.0,
                changed.1,
            );
        }
    }
}

/// Empty when two counts of changed words agree within [`MAX_DISAGREEMENT`], else a
/// warning for the table.
fn agreement(ours: (usize, usize), theirs: (usize, usize)) -> String {
    let apart = |a: usize, b: usize| a.abs_diff(b) as f64 / a.max(b).max(1) as f64;
    if apart(ours.0, theirs.0) <= MAX_DISAGREEMENT && apart(ours.1, theirs.1) <= MAX_DISAGREEMENT {
        String::new()
    } else {
        " (disagrees with factdesk by more than the tolerance)".to_owned()
    }
}
