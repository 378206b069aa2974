//! Speed of what leaves the desk: the verification report (Markdown and HTML) of a
//! project with 10,000 claims, the other formats of the same project, the merge driver
//! on two copies of it, loading and saving it, and `factdesk diff`'s work on two 1 MB
//! versions, the comparison and its text output together. Run with
//! `cargo bench --bench export`.

#![allow(
    missing_docs,
    clippy::expect_used,
    reason = "criterion's macros generate undocumented items; a bench fails loudly on a broken fixture"
)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use factdesk::core::claims::{ClaimId, Status};
use factdesk::core::diff::WordDiff;
use factdesk::core::export::diff_text::{Marks, write_rows};
use factdesk::core::export::{ExportFormat, ExportOptions, export};
use factdesk::core::merge::merge;
use factdesk::core::project::Project;
use jiff::Timestamp;

#[path = "common/edited_pair.rs"]
mod edited_pair;
#[path = "common/saves.rs"]
mod saves;

use edited_pair::{Rng, edited_pair};
use saves::AlternatingSaves;

const SAMPLE: &str = "projects/idlib-2019.factdesk.json";
const CLAIMS: usize = 10_000;

/// The sample with its claims copied round until there are 10,000, each with a status,
/// rating, note and evidence drawn at random (the same on every run), so the report has
/// every kind of row to write.
fn big_project() -> Project {
    let json = std::fs::read_to_string(SAMPLE).expect("sample project");
    let mut project = Project::from_json(&json).expect("sample project opens");
    let templates = project.claims.clone();
    let labels: Vec<String> = project
        .verdict_scale
        .ratings
        .iter()
        .map(|rating| rating.label.clone())
        .collect();
    let mut rng = Rng(0xE490_27C0_FFEE_0001);
    project.claims = (0..CLAIMS)
        .map(|index| {
            let mut claim = templates[index % templates.len()].clone();
            claim.id = ClaimId(format!("claim-bench-{index:05}"));
            claim.status = Status::ALL[rng.below(Status::ALL.len())];
            claim.rating = (rng.percent(70)).then(|| labels[rng.below(labels.len())].clone());
            if rng.percent(30) {
                claim.note = format!(
                    "Called the press office, twice; they said \"{}\" and would call back.\nStill open.",
                    rng.below(100_000)
                );
            }
            let evidence = claim.evidence.clone();
            for _ in 0..rng.below(3) {
                claim.evidence.extend(evidence.iter().cloned());
            }
            claim
        })
        .collect();
    project
}

fn benches(c: &mut Criterion) {
    let project = big_project();
    let options = ExportOptions::new("2026-11-26T10:00:00Z".parse::<Timestamp>().expect("time"));
    let mut group = c.benchmark_group("export 10,000 claims");
    group.sample_size(10);
    for format in ExportFormat::ALL {
        group.bench_function(format.key(), |b| {
            b.iter(|| export(black_box(&project), format, &options).contents.len());
        });
    }
    group.finish();

    // The merge driver on two copies of the same project, each with a verdict changed
    // on every tenth claim, one copy with every claim's note changed too.
    let mut ours = project.clone();
    let mut theirs = project.clone();
    for (index, (mine, other)) in ours.claims.iter_mut().zip(&mut theirs.claims).enumerate() {
        other.note.push_str(" Second call: confirmed.");
        if index % 10 == 0 {
            mine.rating = None;
        }
    }
    let mut group = c.benchmark_group("merge 10,000 claims");
    group.sample_size(10);
    group.bench_function("three-way merge", |b| {
        b.iter(|| {
            merge(black_box(&project), &ours, &theirs)
                .project
                .claims
                .len()
        });
    });
    group.finish();

    // What opening and saving the project costs the workbench: the file read and
    // parsed, then written atomically (with its backup) and flushed to disk.
    let folder = tempfile::tempdir().expect("temporary folder");
    let path = folder.path().join("big.factdesk.json");
    project.save(&path).expect("saved");
    let json = project.to_json();
    let mut group = c.benchmark_group("project 10,000 claims");
    group.sample_size(10);
    group.throughput(criterion::Throughput::Bytes(json.len() as u64));
    group.bench_function("parse", |b| {
        b.iter(|| {
            Project::from_json(black_box(&json))
                .expect("parses")
                .claims
                .len()
        });
    });
    group.bench_function("serialise", |b| {
        b.iter(|| black_box(&project).to_json().len());
    });
    group.bench_function("load", |b| {
        b.iter_with_large_drop(|| Project::load(black_box(&path)).expect("loads"));
    });
    let mut saves = AlternatingSaves::new(&project);
    group.bench_function("save", |b| {
        b.iter(|| saves.save(black_box(&path)).expect("saved"));
    });
    group.bench_function("load and save", |b| {
        b.iter(|| {
            let mut loaded = Project::load(black_box(&path)).expect("loads");
            loaded.title.push('.');
            loaded.save(&path).expect("saved")
        });
    });
    group.finish();

    let (old, new) = edited_pair(&project, 1_000_000);
    let mut group = c.benchmark_group("diff 1 MB");
    group.sample_size(10);
    group.bench_function("compare and write text", |b| {
        b.iter(|| {
            let diff = WordDiff::compute(black_box(&old), black_box(&new));
            let mut out = Vec::with_capacity(1 << 20);
            write_rows(&mut out, &diff, [&old, &new], ["old", "new"], &Marks::PLAIN)
                .expect("writing to memory");
            out.len()
        });
    });
    group.finish();
}

criterion_group!(export_benches, benches);
criterion_main!(export_benches);
