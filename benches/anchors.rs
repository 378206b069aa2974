//! Speed of re-anchoring every claim of a long story after its text is replaced by an
//! edited version: 1,000 anchors over 100 KB (and over 1 MB), after a paragraph is
//! inserted near the top, a few quoted passages are reworded and one paragraph is cut.
//! Run with `cargo bench --bench anchors`.

#![allow(
    missing_docs,
    clippy::expect_used,
    clippy::print_stderr,
    reason = "criterion's macros generate undocumented items; a bench fails loudly on a broken fixture and reports how the anchors were placed beside its timings"
)]

use std::collections::BTreeMap;
use std::hint::black_box;
use std::ops::Range;

use criterion::{Criterion, criterion_group, criterion_main};
use factdesk::core::anchor::{Placement, Reanchored, TextAnchor, reanchor_all};

const SEED: &str = "tests/fixtures/seed-idlib-2019.txt";

/// How many claims the story carries.
const ANCHORS: usize = 1_000;

/// How many quoted passages the edit rewords, evenly spread among the quotes of 50
/// characters or more that occur once in the story (most hold a figure, and figures
/// differ between copies of a paragraph), so that a reworded one cannot be found word for
/// word elsewhere.
const REWORDED: usize = 8;

/// The paragraph an editor inserts near the top.
const INSERTED: &str = "Aid groups said the displacement was the largest since the war began, \
    and warned that camps along the Turkish border had no room left for the families \
    arriving each night with what they could carry.\n\n";

/// A paragraph that occurs once in the story, two thirds of the way in; the edit cuts it,
/// so the claims on it are orphaned.
const CUT: &str = "In a statement issued late on Wednesday, the UN Office for the Coordination of \
    Humanitarian Affairs said more than 3,000 tents had been delivered to camps near Atmeh \
    and Sarmada, but that shelter remained the most urgent need for the 2,500 families who \
    had arrived since the weekend, many of them sleeping in olive groves or in the open \
    along the road north. Local councils in Dana and Sarmada appealed for fuel, blankets \
    and baby milk, and said schools had been opened to house the newcomers until more \
    tents could be found.\n\n";

/// The seed story's paragraphs repeated until the text is about `bytes` long, each copy
/// with its own figures, so that the quotes holding a figure occur once and the others
/// (most of them) occur once per copy and are told apart by their context; [`CUT`]
/// comes once, two thirds of the way in.
fn long_story(seed: &str, bytes: usize) -> String {
    let paragraphs: Vec<&str> = seed
        .split("\n\n")
        .filter(|paragraph| paragraph.len() > 200)
        .collect();
    let mut story = String::new();
    let mut cut_added = false;
    for copy in 0.. {
        if story.len() >= bytes {
            break;
        }
        for paragraph in &paragraphs {
            let varied = paragraph
                .replace(
                    "60,000",
                    &format!("{},{:03}", 20 + copy / 1000, copy % 1000),
                )
                .replace("15 raids", &format!("{} raids", 3 + copy))
                .replace("400,000", &format!("{},{:03}", 100 + copy, copy % 1000))
                .replace("10 days", &format!("{} days", 2 + copy));
            story.push_str(&varied);
            story.push_str("\n\n");
        }
        if story.len() >= bytes * 2 / 3 && !cut_added {
            story.push_str(CUT);
            cut_added = true;
        }
    }
    story
}

/// `ANCHORS` word-aligned selections of 30 to 80 characters, evenly spread over `text`.
fn spread_anchors(text: &str) -> Vec<TextAnchor> {
    let chars: Vec<char> = text.chars().collect();
    let next_space = |from: usize| {
        (from..chars.len())
            .find(|&at| chars[at].is_whitespace())
            .unwrap_or(chars.len())
    };
    (0..ANCHORS)
        .map(|index| {
            let start = (next_space(index * chars.len() / ANCHORS) + 1).min(chars.len() - 1);
            let end = next_space(start + 30 + index % 6 * 10);
            TextAnchor::from_selection(text, start..end).expect("a selection inside the text")
        })
        .collect()
}

/// `old` as edited: a paragraph inserted after the first, "reportedly " inserted in the
/// middle of `REWORDED` quotes, [`CUT`] cut.
fn edited(old: &str, anchors: &[TextAnchor]) -> String {
    let first_break = old.find("\n\n").expect("paragraphs") + 2;
    let cut_start = old.find(CUT).expect("the paragraph to cut");
    let cut_end = cut_start + CUT.len();
    let mut edits: Vec<(Range<usize>, &str)> = vec![
        (first_break..first_break, INSERTED),
        (cut_start..cut_end, ""),
    ];
    let unique: Vec<&TextAnchor> = anchors
        .iter()
        .filter(|anchor| anchor.exact.len() >= 50 && old.matches(&anchor.exact).count() == 1)
        .collect();
    for anchor in unique.iter().step_by((unique.len() / REWORDED).max(1)) {
        let bytes = anchor.byte_range(old).expect("anchor inside the text");
        let middle = old[bytes.clone()]
            .char_indices()
            .filter(|&(_, character)| character == ' ')
            .map(|(at, _)| bytes.start + at + 1)
            .nth(3)
            .expect("a quote of several words");
        if !(cut_start..cut_end).contains(&middle) {
            edits.push((middle..middle, "reportedly "));
        }
    }
    edits.sort_by_key(|(range, _)| std::cmp::Reverse(range.start));
    let mut new = old.to_owned();
    let mut applied_from = new.len();
    for (range, replacement) in edits {
        assert!(range.end <= applied_from, "edits overlap");
        applied_from = range.start;
        new.replace_range(range, replacement);
    }
    new
}

/// How many anchors each placement got, for the report beside the timings.
fn placement_counts(results: &[Reanchored]) -> BTreeMap<&'static str, usize> {
    let mut counts = BTreeMap::new();
    for result in results {
        let kind = match result.placement {
            Placement::Unchanged => "unchanged",
            Placement::Moved => "moved",
            Placement::Context => "context",
            Placement::Fuzzy { .. } => "fuzzy",
            Placement::Orphaned => "orphaned",
        };
        *counts.entry(kind).or_default() += 1;
    }
    counts
}

/// Benchmarks re-anchoring `ANCHORS` claims in a story of about `bytes` bytes, taking
/// `samples` samples.
fn bench_story(c: &mut Criterion, seed: &str, bytes: usize, samples: usize, label: &str) {
    let old = long_story(seed, bytes);
    let anchors = spread_anchors(&old);
    let new = edited(&old, &anchors);
    eprintln!(
        "{label}: {} → {} bytes, placements {:?}",
        old.len(),
        new.len(),
        placement_counts(&reanchor_all(&anchors, &new))
    );
    let mut group = c.benchmark_group(label);
    group.sample_size(samples);
    group.bench_function("reanchor_all: 1,000 anchors, text unchanged", |b| {
        b.iter(|| reanchor_all(black_box(&anchors), black_box(&old)));
    });
    group.bench_function("reanchor_all: 1,000 anchors after an edit", |b| {
        b.iter(|| reanchor_all(black_box(&anchors), black_box(&new)));
    });
    group.finish();
}

fn benches(c: &mut Criterion) {
    let seed = std::fs::read_to_string(SEED).expect("seed story");
    bench_story(c, &seed, 100_000, 100, "anchors 100 KB");
    bench_story(c, &seed, 1_000_000, 10, "anchors 1 MB");
}

criterion_group!(anchor_benches, benches);
criterion_main!(anchor_benches);
