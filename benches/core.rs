//! Speed of the work the workbench does when a project opens or a pane changes:
//! loading and saving a project, diffing two versions, anchoring a selection.
//! Run with `cargo bench`; compare against the numbers in the README.

#![allow(
    missing_docs,
    clippy::expect_used,
    reason = "criterion's macros generate undocumented items; a bench fails loudly on a broken fixture"
)]

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use factdesk::core::align::align;
use factdesk::core::anchor::TextAnchor;
use factdesk::core::article::count_words;
use factdesk::core::compare_options::{CompareOptions, Granularity};
use factdesk::core::diff::WordDiff;
use factdesk::core::project::Project;

#[path = "common/edited_pair.rs"]
mod edited_pair;
#[path = "common/saves.rs"]
mod saves;

use edited_pair::{Rng, edited_pair, long_story, render, sample_vocabulary};
use saves::AlternatingSaves;

const SAMPLE: &str = "projects/idlib-2019.factdesk.json";

/// The sample's two versions, each repeated until it is about `bytes` long: a stand-in
/// for a long wire story or a day's worth of copy.
fn long_pair(project: &Project, bytes: usize) -> (String, String) {
    let repeat = |text: &str| text.repeat(bytes / text.len() + 1);
    (
        repeat(&project.documents[0].text),
        repeat(&project.documents[1].text),
    )
}

fn benches(c: &mut Criterion) {
    let json = std::fs::read_to_string(SAMPLE).expect("sample project");
    let project = Project::from_json(&json).expect("sample parses");
    let (old, new) = (&project.documents[0].text, &project.documents[1].text);

    c.bench_function("project: parse sample", |b| {
        b.iter(|| Project::from_json(black_box(&json)));
    });
    c.bench_function("project: serialise sample", |b| {
        b.iter(|| black_box(&project).to_json());
    });
    let folder = tempfile::tempdir().expect("temp folder");
    let path = folder.path().join("bench.factdesk.json");
    let mut saves = AlternatingSaves::new(&project);
    c.bench_function("project: atomic save sample", |b| {
        b.iter(|| saves.save(Path::new(black_box(&path))));
    });

    c.bench_function("diff: sample pair (3 KB)", |b| {
        b.iter(|| WordDiff::compute(black_box(old), black_box(new)));
    });
    let (old_100k, new_100k) = long_pair(&project, 100_000);
    c.bench_function("diff: 100 KB pair", |b| {
        b.iter(|| WordDiff::compute(black_box(&old_100k), black_box(&new_100k)));
    });
    let (old_1m, new_1m) = long_pair(&project, 1_000_000);
    let mut slow = c.benchmark_group("slow");
    slow.sample_size(10);
    slow.bench_function("diff: 1 MB pair", |b| {
        b.iter(|| WordDiff::compute(black_box(&old_1m), black_box(&new_1m)));
    });
    slow.finish();

    let options = CompareOptions::default();
    let characters = CompareOptions {
        granularity: Granularity::Character,
        ..CompareOptions::default()
    };
    for (name, bytes) in [("5 KB", 5_000), ("100 KB", 100_000)] {
        let (old_edit, new_edit) = edited_pair(&project, bytes);
        c.bench_function(&format!("align: {name} edited pair"), |b| {
            b.iter(|| align(black_box(&old_edit), black_box(&new_edit), &options));
        });
        c.bench_function(&format!("diff: {name} edited pair"), |b| {
            b.iter(|| WordDiff::compute(black_box(&old_edit), black_box(&new_edit)));
        });
    }
    let (old_edit_1m, new_edit_1m) = edited_pair(&project, 1_000_000);
    let mut slow = c.benchmark_group("slow");
    slow.sample_size(20);
    slow.bench_function("align: 1 MB edited pair", |b| {
        b.iter(|| align(black_box(&old_edit_1m), black_box(&new_edit_1m), &options));
    });
    slow.bench_function("diff: 1 MB edited pair", |b| {
        b.iter(|| WordDiff::compute(black_box(&old_edit_1m), black_box(&new_edit_1m)));
    });
    // Two different stories of the same words: every sentence shares words with
    // thousands of others, the worst case for finding reworded and moved sentences.
    let vocabulary = sample_vocabulary(&project);
    let unrelated_old = render(&long_story(&vocabulary, 1_000_000, &mut Rng(1)));
    let unrelated_new = render(&long_story(&vocabulary, 1_000_000, &mut Rng(2)));
    slow.bench_function("diff: 1 MB unrelated pair (worst case)", |b| {
        b.iter(|| WordDiff::compute(black_box(&unrelated_old), black_box(&unrelated_new)));
    });
    slow.bench_function("diff: 1 MB edited pair, character marks", |b| {
        b.iter(|| {
            WordDiff::compute_with(
                black_box(&old_edit_1m),
                black_box(&new_edit_1m),
                &characters,
            )
        });
    });
    slow.finish();

    c.bench_function("words: count 1 MB", |b| {
        b.iter(|| count_words(black_box(&old_1m)));
    });
    let end = old_1m.chars().count() - 10;
    c.bench_function("anchor: selection at the end of 1 MB", |b| {
        b.iter(|| TextAnchor::from_selection(black_box(&old_1m), end - 20..end));
    });
}

criterion_group!(core, benches);
criterion_main!(core);
