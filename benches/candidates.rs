//! Speed of claim candidate detection: sentence splitting and check-worthiness on about
//! 1 MB of news copy, and on the seed story alone. Run with
//! `cargo bench --bench candidates`; the target is above 20 MB/s in release.

#![allow(
    missing_docs,
    clippy::expect_used,
    reason = "criterion's macros generate undocumented items; a bench fails loudly on a broken fixture"
)]

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use factdesk::core::claims::candidates::find_candidates;
use factdesk::core::claims::sentences::split_sentences;

const TARGET_BYTES: usize = 1_000_000;

/// The seed story over and over until the text is about 1 MB, each copy with its
/// figures, days and one name changed, so no two copies are the same text.
fn news_of_one_megabyte(seed: &str) -> String {
    const DAYS: [&str; 7] = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    const NAMES: [&str; 4] = [
        "Abdullah Younis",
        "Ahmed Khalil",
        "Mariam al-Hassan",
        "Omar Haj Kadour",
    ];
    let mut text = String::with_capacity(TARGET_BYTES + seed.len());
    let mut copy = 0_usize;
    while text.len() < TARGET_BYTES {
        let story = seed
            .replace("60,000", &format!("{},000", 20 + copy % 70))
            .replace("15 raids", &format!("{} raids", 3 + copy % 30))
            .replace("Tuesday", DAYS[copy % DAYS.len()])
            .replace("Abdullah Younis", NAMES[copy % NAMES.len()]);
        text.push_str(&story);
        text.push_str("\n\n");
        copy += 1;
    }
    text
}

fn benches(c: &mut Criterion) {
    let seed = std::fs::read_to_string("tests/fixtures/seed-idlib-2019.txt").expect("seed");
    let news = news_of_one_megabyte(&seed);

    let mut group = c.benchmark_group("candidates");
    group.sample_size(20);
    group.throughput(Throughput::Bytes(news.len() as u64));
    group.bench_function("1 MB of news: sentences", |b| {
        b.iter(|| split_sentences(black_box(&news)));
    });
    group.bench_function("1 MB of news: candidates", |b| {
        b.iter(|| find_candidates(black_box(&news)));
    });
    group.throughput(Throughput::Bytes(seed.len() as u64));
    group.bench_function("seed story (3 KB)", |b| {
        b.iter(|| find_candidates(black_box(&seed)));
    });
    group.finish();
}

criterion_group!(candidates, benches);
criterion_main!(candidates);
