//! Speed of change classification: every sentence pair of two 100 KB versions of a
//! story, the desk's edit made by rule from the wire copy (figures changed, qualifiers
//! dropped, hedges added and removed, attributions reworded, dates moved, names
//! respelled), and one sentence pair alone. Run with `cargo bench --bench changes`.

#![allow(
    missing_docs,
    clippy::expect_used,
    reason = "criterion's macros generate undocumented items; a bench fails loudly on a broken fixture"
)]

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use factdesk::core::anchor::char_slice;
use factdesk::core::changes::classify;
use factdesk::core::claims::sentences::split_sentences;

const TARGET_BYTES: usize = 100_000;

/// The seed story over and over until the text is about 100 KB, each copy with its
/// figures, days and one name changed, so no two copies are the same text.
fn wire_copy(seed: &str) -> Vec<String> {
    const DAYS: [&str; 5] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
    const NAMES: [&str; 4] = [
        "Abdullah Younis",
        "Ahmed Khalil",
        "Mariam al-Hassan",
        "Omar Haj Kadour",
    ];
    let mut copies = Vec::new();
    let mut length = 0;
    while length < TARGET_BYTES {
        let copy = copies.len();
        let story = seed
            .replace("60,000", &format!("{},000", 20 + copy % 70))
            .replace("15 raids", &format!("{} raids", 3 + copy % 30))
            .replace("Tuesday", DAYS[copy % DAYS.len()])
            .replace("Abdullah Younis", NAMES[copy % NAMES.len()]);
        length += story.len() + 2;
        copies.push(story);
    }
    copies
}

/// The desk's edit of copy number `copy` of the wire story: a different mix of the
/// changes that matter in each copy, and the same style edits in all.
fn desk_edit(story: &str, copy: usize) -> String {
    let mut edited = story
        .replace("Defense", "Defence")
        .replace("further to the south", "further south")
        .replace("al Halabi", "al-Halabi")
        .replace("Ten of thousands", "Tens of thousands");
    let figure = format!("{},000", 20 + copy % 70);
    let rules: [(&str, String); 6] = [
        (figure.as_str(), format!("{},000", 25 + copy % 70)),
        ("at least 400,000", "400,000".to_owned()),
        ("have been killed", "have reportedly been killed".to_owned()),
        ("is not stopping", "is stopping".to_owned()),
        ("residents said.", "officials claimed.".to_owned()),
        (" told Reuters", " said".to_owned()),
    ];
    for (rule, (from, to)) in rules.iter().enumerate() {
        if (copy + rule).is_multiple_of(2) {
            edited = edited.replace(from, to);
        }
    }
    if copy.is_multiple_of(3) {
        edited = edited.replace("yesterday", "on Sunday");
    }
    edited
}

/// The sentences of `text`, as text.
fn sentences(text: &str) -> Vec<&str> {
    split_sentences(text)
        .iter()
        .filter_map(|sentence| char_slice(text, &sentence.char_range()))
        .collect()
}

fn benches(c: &mut Criterion) {
    let seed = std::fs::read_to_string("tests/fixtures/seed-idlib-2019.txt").expect("seed");
    let copies = wire_copy(&seed);
    let old = copies.join("\n\n");
    let new = copies
        .iter()
        .enumerate()
        .map(|(copy, story)| desk_edit(story, copy))
        .collect::<Vec<_>>()
        .join("\n\n");
    let old_sentences = sentences(&old);
    let new_sentences = sentences(&new);
    assert_eq!(
        old_sentences.len(),
        new_sentences.len(),
        "the edits keep the sentences"
    );
    let pairs: Vec<(&str, &str)> = old_sentences.into_iter().zip(new_sentences).collect();

    let mut group = c.benchmark_group("changes");
    group.sample_size(20);
    group.throughput(Throughput::Bytes(old.len() as u64));
    group.bench_function("100 KB pair: every sentence pair", |b| {
        b.iter(|| {
            pairs
                .iter()
                .map(|(old, new)| classify(black_box(old), black_box(new)).len())
                .sum::<usize>()
        });
    });
    let old_sentence = "Hundreds of civilians have been killed and at least 400,000 people displaced, according to medics and NGOs and the United Nations.";
    let new_sentence = "Hundreds of civilians have been killed and 400,000 people displaced, according to medics, NGOs and the United Nations.";
    group.throughput(Throughput::Bytes(old_sentence.len() as u64));
    group.bench_function("one sentence pair", |b| {
        b.iter(|| classify(black_box(old_sentence), black_box(new_sentence)));
    });
    group.finish();
}

criterion_group!(changes, benches);
criterion_main!(changes);
