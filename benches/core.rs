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

/// A small deterministic random number generator (xorshift64*), so the edited pairs
/// are the same on every run and every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number below `bound`.
    fn below(&mut self, bound: usize) -> usize {
        usize::try_from(self.next() % bound as u64).expect("below a usize")
    }

    /// True with probability `percent` in 100.
    fn percent(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// A story of about `bytes` bytes: paragraphs of one to four sentences of 12 to 30
/// words drawn from the sample's own words, with figures, so that (as in real copy)
/// almost no sentence repeats.
fn long_story(vocabulary: &[&str], bytes: usize, rng: &mut Rng) -> Vec<Vec<String>> {
    let mut story = Vec::new();
    let mut length = 0;
    while length < bytes {
        let paragraph: Vec<String> = (0..=rng.below(4))
            .map(|_| {
                let mut words: Vec<String> = (0..12 + rng.below(19))
                    .map(|_| {
                        if rng.percent(4) {
                            format!("{},{:03}", 1 + rng.below(400), rng.below(1000))
                        } else {
                            vocabulary[rng.below(vocabulary.len())].to_lowercase()
                        }
                    })
                    .collect();
                let first = &mut words[0];
                *first = first[..1].to_uppercase() + &first[1..];
                format!("{}.", words.join(" "))
            })
            .collect();
        length += paragraph.iter().map(|s| s.len() + 1).sum::<usize>() + 1;
        story.push(paragraph);
    }
    story
}

/// The story as a desk would edit it: a word substituted in 3% of sentences, a figure
/// changed in 2%, a sentence inserted after 1% and 1% deleted, 1% of paragraphs split,
/// and one paragraph from the first tenth moved to the last.
fn desk_edit(story: &[Vec<String>], vocabulary: &[&str], rng: &mut Rng) -> Vec<Vec<String>> {
    let mut edited: Vec<Vec<String>> = Vec::with_capacity(story.len() + 8);
    for paragraph in story {
        let mut sentences = Vec::with_capacity(paragraph.len() + 1);
        for sentence in paragraph {
            if rng.percent(1) {
                continue;
            }
            let mut words: Vec<String> = sentence.split(' ').map(str::to_owned).collect();
            if rng.percent(3) {
                let at = 1 + rng.below(words.len() - 2);
                words[at] = vocabulary[rng.below(vocabulary.len())].to_lowercase();
            }
            if rng.percent(2) {
                let at = 1 + rng.below(words.len() - 2);
                words[at] = format!("{}", 2 + rng.below(90));
            }
            sentences.push(words.join(" "));
            if rng.percent(1) {
                sentences.push(format!(
                    "Officials said on {} that {} people had been moved.",
                    vocabulary[rng.below(vocabulary.len())],
                    rng.below(5000)
                ));
            }
        }
        if sentences.len() > 1 && rng.percent(1) {
            let rest = sentences.split_off(1);
            edited.push(sentences);
            edited.push(rest);
        } else if !sentences.is_empty() {
            edited.push(sentences);
        }
    }
    let moved = edited.remove(edited.len() / 10);
    edited.push(moved);
    edited
}

fn render(story: &[Vec<String>]) -> String {
    story
        .iter()
        .map(|paragraph| paragraph.join(" "))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The words of the sample's desk edit, for generated stories.
fn sample_vocabulary(project: &Project) -> Vec<&str> {
    project.documents[1]
        .text
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|word| word.len() > 1)
        .collect()
}

/// An original and its desk edit, each about `bytes` long, from the sample's words.
fn edited_pair(project: &Project, bytes: usize) -> (String, String) {
    let vocabulary = sample_vocabulary(project);
    let mut rng = Rng(0x5EED_F00D_1234_5678);
    let story = long_story(&vocabulary, bytes, &mut rng);
    let edited = desk_edit(&story, &vocabulary, &mut rng);
    (render(&story), render(&edited))
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
    c.bench_function("project: atomic save sample", |b| {
        b.iter(|| project.save(Path::new(black_box(&path))));
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
    let (old_edit_100k, new_edit_100k) = edited_pair(&project, 100_000);
    c.bench_function("align: 100 KB edited pair", |b| {
        b.iter(|| {
            align(
                black_box(&old_edit_100k),
                black_box(&new_edit_100k),
                &options,
            )
        });
    });
    c.bench_function("diff: 100 KB edited pair", |b| {
        b.iter(|| WordDiff::compute(black_box(&old_edit_100k), black_box(&new_edit_100k)));
    });
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
