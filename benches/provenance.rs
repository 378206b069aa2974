//! Speed of provenance and corroboration on long texts: a published text of 100 KB and
//! of 1 MB attributed against two sources of the same size, a 1 MB run of repeated wire
//! updates, and one claim corroborated over 1 MB. Run with
//! `cargo bench --bench provenance`; the target is well under 100 ms for 1 MB of
//! provenance in release.
//!
//! The texts are generated deterministically: sentences of a made-up vocabulary whose
//! word frequencies fall off as in real copy (a few words in a large share of the
//! sentences, most in very few), with function words between them. The published
//! text takes sentences from both sources, lightly edited, and adds its own.

#![allow(
    missing_docs,
    clippy::expect_used,
    reason = "criterion's macros generate undocumented items; a bench fails loudly on a broken fixture"
)]

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use factdesk::core::article::{Document, DocumentKind, Source};
use factdesk::core::corroboration::corroborate;
use factdesk::core::provenance::provenance;
use jiff::Timestamp;

#[path = "common/edited_pair.rs"]
mod edited_pair;

use edited_pair::Rng;

/// Made-up content words, ranked by how often they are drawn. In real text the word
/// of rank r comes up in proportion to 1 / r (Zipf's law), and the first fifty or so
/// ranks are function words ("the", "of"), which provenance leaves out; so the content
/// word of rank r here is drawn in proportion to 1 / (r + 50). "said", which real copy
/// has in half its sentences, is added among the function words.
/// How many of the commonest words of real text are function words.
const FUNCTION_WORD_RANKS: usize = 50;

struct Vocabulary {
    words: Vec<String>,
    /// Cumulative weights, for drawing by binary search.
    cumulative: Vec<f64>,
}

impl Vocabulary {
    fn new(size: usize) -> Self {
        const SYLLABLES: [&str; 24] = [
            "ka", "mor", "ti", "lan", "sek", "ru", "bal", "den", "ho", "vin", "zar", "pe", "qua",
            "lis", "to", "gam", "nu", "fer", "shi", "dal", "ob", "rin", "ste", "wu",
        ];
        let mut words = Vec::with_capacity(size);
        let mut n = 0_usize;
        while words.len() < size {
            let mut word = String::new();
            let mut rest = n;
            loop {
                word.push_str(SYLLABLES[rest % SYLLABLES.len()]);
                rest /= SYLLABLES.len();
                if rest == 0 {
                    break;
                }
            }
            n += 1;
            if word.len() >= 3 {
                // One word in seven is a name, as places and people are in news copy.
                if words.len() % 7 == 3 {
                    word[..1].make_ascii_uppercase();
                }
                words.push(word);
            }
        }
        let mut total = 0.0;
        let cumulative = (1..=size)
            .map(|rank| {
                total += 1.0 / (rank + FUNCTION_WORD_RANKS) as f64;
                total
            })
            .collect();
        Self { words, cumulative }
    }

    fn draw(&self, random: &mut Rng) -> &str {
        let total = self.cumulative.last().copied().unwrap_or(1.0);
        let target = (random.next() >> 11) as f64 / (1_u64 << 53) as f64 * total;
        let rank = self.cumulative.partition_point(|&c| c < target);
        &self.words[rank.min(self.words.len() - 1)]
    }
}

/// A sentence of 8 to 30 content words with function words between them and, now and
/// then, a figure.
fn sentence(vocabulary: &Vocabulary, random: &mut Rng) -> String {
    const FUNCTION_WORDS: [&str; 8] = ["the", "of", "in", "and", "to", "a", "was", "said"];
    let mut words = Vec::new();
    for index in 0..8 + random.below(23) {
        if index % 3 == 1 {
            words.push(FUNCTION_WORDS[random.below(FUNCTION_WORDS.len())].to_owned());
        }
        if random.below(12) == 0 {
            words.push(format!(
                "{},{:03}",
                random.below(900) + 1,
                random.below(1000)
            ));
        } else {
            words.push(vocabulary.draw(random).to_owned());
        }
    }
    let mut text = words.join(" ");
    text[..1].make_ascii_uppercase();
    text.push('.');
    text
}

/// Sentences of about `bytes` bytes in all.
fn sentences(vocabulary: &Vocabulary, random: &mut Rng, bytes: usize) -> Vec<String> {
    let mut found = Vec::new();
    let mut length = 0;
    while length < bytes {
        let next = sentence(vocabulary, random);
        length += next.len() + 1;
        found.push(next);
    }
    found
}

/// Sentences as paragraphs of four.
fn paragraphs(sentences: &[String]) -> String {
    sentences
        .chunks(4)
        .map(|paragraph| paragraph.join(" "))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// A sentence lightly edited: a word dropped and two swapped.
fn edited(sentence: &str, random: &mut Rng) -> String {
    let mut words: Vec<&str> = sentence.split(' ').collect();
    if words.len() > 4 {
        words.remove(1 + random.below(words.len() - 2));
        let at = 1 + random.below(words.len() - 2);
        words.swap(at, at + 1);
    }
    words.join(" ")
}

fn document(label: &str, source: Source, text: String) -> Document {
    Document::new(
        label,
        source,
        DocumentKind::TextFile,
        None,
        text,
        Timestamp::UNIX_EPOCH,
    )
}

/// Two sources of about `bytes` bytes each, and a published text of about the same
/// size: 45% of its sentences from the first source, 40% from the second (both
/// lightly edited), 15% its own.
fn story(bytes: usize) -> (Document, Document, Document) {
    let vocabulary = Vocabulary::new(20_000);
    let mut random = Rng(2019);
    let reuters = sentences(&vocabulary, &mut random, bytes);
    let afp = sentences(&vocabulary, &mut random, bytes);
    let mut published = Vec::new();
    let mut length = 0;
    while length < bytes {
        let next = match random.below(20) {
            0..9 => edited(&reuters[random.below(reuters.len())], &mut random),
            9..17 => edited(&afp[random.below(afp.len())], &mut random),
            _ => sentence(&vocabulary, &mut random),
        };
        length += next.len() + 1;
        published.push(next);
    }
    (
        document("Reuters wire", Source::Reuters, paragraphs(&reuters)),
        document("AFP wire", Source::Afp, paragraphs(&afp)),
        document("Published", Source::PublishedCopy, paragraphs(&published)),
    )
}

/// The seed story over and over until the text is about `bytes` bytes, each copy with
/// its figures and days changed: a day of wire updates, where most sentences repeat
/// word for word.
fn updates(seed: &str, bytes: usize, first_copy: usize) -> String {
    const DAYS: [&str; 7] = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    let mut text = String::with_capacity(bytes + seed.len());
    let mut copy = first_copy;
    while text.len() < bytes {
        let story = seed
            .replace("60,000", &format!("{},000", 20 + copy % 70))
            .replace("15 raids", &format!("{} raids", 3 + copy % 30))
            .replace("Tuesday", DAYS[copy % DAYS.len()]);
        text.push_str(&story);
        text.push_str("\n\n");
        copy += 1;
    }
    text
}

fn benches(c: &mut Criterion) {
    let mut group = c.benchmark_group("provenance");
    group.sample_size(20);
    for (name, bytes) in [("100 KB", 100_000), ("1 MB", 1_000_000)] {
        let (reuters, afp, published) = story(bytes);
        group.throughput(Throughput::Bytes(published.text.len() as u64));
        group.bench_function(format!("{name} against two sources of {name}"), |b| {
            b.iter(|| provenance(black_box(&published), &[&reuters, &afp]));
        });
    }

    let seed = std::fs::read_to_string("tests/fixtures/seed-idlib-2019.txt").expect("seed");
    let wire = document("Wire", Source::Reuters, updates(&seed, 1_000_000, 0));
    let page = document("Page", Source::Afp, updates(&seed, 1_000_000, 3));
    let rewrite = document("Rewrite", Source::DeskEdit, updates(&seed, 1_000_000, 5));
    group.throughput(Throughput::Bytes(rewrite.text.len() as u64));
    group.bench_function("1 MB of repeated updates against two of 1 MB", |b| {
        b.iter(|| provenance(black_box(&rewrite), &[&wire, &page]));
    });

    let (reuters, _, published) = story(1_000_000);
    let claim = published
        .text
        .split(". ")
        .nth(100)
        .expect("a sentence")
        .to_owned();
    group.throughput(Throughput::Bytes(reuters.text.len() as u64));
    group.bench_function("corroborating one claim over 1 MB", |b| {
        b.iter(|| corroborate(black_box(&claim), &[&reuters], 10));
    });
    group.finish();
}

criterion_group!(provenance_benches, benches);
criterion_main!(provenance_benches);
