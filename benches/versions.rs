//! Speed of version intelligence, end to end: aligning two versions, diffing them and
//! classifying the changes that matter, as the workbench does when the panes change;
//! and the frame time of the workbench itself (egui's run loop with the real app
//! state, headless), on the sample and while scrolling a 1 MB pair.
//! Run with `cargo bench --bench versions`. Targets: 1 MB pair under 100 ms end to
//! end; a frame under 2 ms on the sample and under 4 ms scrolling the 1 MB pair.

#![allow(
    missing_docs,
    clippy::expect_used,
    reason = "criterion's macros generate undocumented items; a bench fails loudly on a broken fixture"
)]

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{Criterion, criterion_group, criterion_main};
use egui::{Event, Modifiers, MouseWheelUnit, TouchPhase, pos2, vec2};
use egui_kittest::Harness;
use factdesk::core::article::{Document, DocumentKind, Source};
use factdesk::core::changes::changes_between;
use factdesk::core::diff::WordDiff;
use factdesk::core::project::Project;
use factdesk::ui::FactdeskApp;

#[path = "common/edited_pair.rs"]
mod edited_pair;

use edited_pair::edited_pair;

const SAMPLE: &str = "projects/idlib-2019.factdesk.json";

/// Everything the workbench works out when two versions meet.
fn analyse(old: &str, new: &str) -> usize {
    let diff = WordDiff::compute(old, new);
    changes_between(&diff, old, new).len()
}

/// A project holding an original and its desk edit, saved in `folder`.
fn pair_project(folder: &Path, sample: &Project, old: String, new: String) -> PathBuf {
    let mut project = Project::new("Long pair", sample.created);
    for (label, source, text) in [
        ("Wire", Source::Reuters, old),
        ("Desk edit", Source::DeskEdit, new),
    ] {
        let document = Document::new(
            label,
            source,
            DocumentKind::Clipboard,
            None,
            text,
            sample.created,
        );
        project.add_document(document, sample.created);
    }
    let path = folder.join("pair.factdesk.json");
    project.save(&path).expect("saved");
    path
}

/// The workbench on `project`, with every piece of analysis done.
fn workbench(project: PathBuf) -> Harness<'static, FactdeskApp> {
    let mut harness = Harness::builder()
        .with_size([1440.0, 900.0])
        .with_max_steps(200)
        .build_eframe(move |cc| FactdeskApp::new(cc, Some(project)));
    while harness.state().diff_stats().is_none() {
        std::thread::sleep(std::time::Duration::from_millis(5));
        harness.step();
    }
    harness.run_steps(10);
    harness
}

/// One frame with the wheel turned over the right pane.
fn scroll_frame(harness: &mut Harness<'_, FactdeskApp>, down: bool) {
    harness.event(Event::PointerMoved(pos2(900.0, 450.0)));
    harness.event(Event::MouseWheel {
        unit: MouseWheelUnit::Point,
        delta: vec2(0.0, if down { -240.0 } else { 240.0 }),
        phase: TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
        modifiers: Modifiers::NONE,
    });
    harness.step();
}

fn benches(c: &mut Criterion) {
    let json = std::fs::read_to_string(SAMPLE).expect("sample project");
    let sample = Project::from_json(&json).expect("sample parses");
    let (old_100k, new_100k) = edited_pair(&sample, 100_000);
    let (old_1m, new_1m) = edited_pair(&sample, 1_000_000);

    let mut group = c.benchmark_group("versions");
    group.sample_size(20);
    group.bench_function("align, diff and classify: sample pair", |b| {
        let (old, new) = (&sample.documents[0].text, &sample.documents[1].text);
        b.iter(|| analyse(black_box(old), black_box(new)));
    });
    group.bench_function("align, diff and classify: 100 KB edited pair", |b| {
        b.iter(|| analyse(black_box(&old_100k), black_box(&new_100k)));
    });
    group.bench_function("align, diff and classify: 1 MB edited pair", |b| {
        b.iter(|| analyse(black_box(&old_1m), black_box(&new_1m)));
    });
    group.finish();

    let mut frames = c.benchmark_group("frames");
    frames.sample_size(30);
    let mut harness = workbench(PathBuf::from(SAMPLE));
    frames.bench_function("frame: sample project, idle", |b| {
        b.iter(|| harness.step());
    });
    let mut down = true;
    frames.bench_function("frame: sample project, scrolling", |b| {
        b.iter(|| {
            scroll_frame(&mut harness, down);
            down = !down;
        });
    });
    drop(harness);
    let folder = tempfile::tempdir().expect("temp folder");
    let project = pair_project(folder.path(), &sample, old_1m, new_1m);
    let mut harness = workbench(project);
    let mut frame = 0_usize;
    frames.bench_function("frame: 1 MB pair, scrolling", |b| {
        b.iter(|| {
            // Down through the story, then back up, so the rows in view keep changing.
            scroll_frame(&mut harness, frame % 400 < 200);
            frame += 1;
        });
    });
    frames.finish();
}

criterion_group!(versions, benches);
criterion_main!(versions);
