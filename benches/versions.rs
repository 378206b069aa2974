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
use eframe::App as _;
use egui::{Event, Modifiers, MouseWheelUnit, TouchPhase, pos2, vec2};
use factdesk::core::article::{Document, DocumentKind, Source};
use factdesk::core::changes::events;
use factdesk::core::diff::WordDiff;
use factdesk::core::project::Project;
use factdesk::ui::FactdeskApp;

#[path = "common/edited_pair.rs"]
mod edited_pair;

use edited_pair::edited_pair;

const SAMPLE: &str = "projects/idlib-2019.factdesk.json";

/// Everything the workbench works out when two versions meet: the alignment, the diff
/// and the changes that matter as events.
fn analyse(old: &Document, new: &Document) -> usize {
    let diff = WordDiff::compute(&old.text, &new.text);
    events(old, new, &diff, &[]).len()
}

/// A version of the story as the workbench holds it.
fn document(label: &str, text: &str) -> Document {
    Document::new(
        label,
        Source::Reuters,
        DocumentKind::Clipboard,
        None,
        text.to_owned(),
        jiff::Timestamp::UNIX_EPOCH,
    )
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

/// The workbench run the way eframe runs it, minus the window: egui's run loop on the
/// real app state, then tessellation into meshes for the GPU. (egui_kittest's
/// harness would also build the accessibility tree every frame, which a desk's
/// session only pays for when a screen reader is on.)
struct Workbench {
    ctx: egui::Context,
    app: FactdeskApp,
    frame: eframe::Frame,
    time_s: f64,
}

impl Workbench {
    /// The workbench on `project`, with every piece of analysis done.
    fn open(project: PathBuf) -> Self {
        let ctx = egui::Context::default();
        let app = FactdeskApp::new(
            &eframe::CreationContext::_new_kittest(ctx.clone()),
            Some(project),
        );
        let mut workbench = Self {
            ctx,
            app,
            frame: eframe::Frame::_new_kittest(),
            time_s: 0.0,
        };
        while workbench.app.diff_stats().is_none() {
            std::thread::sleep(std::time::Duration::from_millis(5));
            workbench.frame(Vec::new());
        }
        for _ in 0..10 {
            workbench.frame(Vec::new());
        }
        workbench
    }

    /// One frame, 1/60 s after the last, with `events`; returns the number of meshes.
    fn frame(&mut self, events: Vec<Event>) -> usize {
        self.time_s += 1.0 / 60.0;
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                vec2(1440.0, 900.0),
            )),
            time: Some(self.time_s),
            events,
            ..egui::RawInput::default()
        };
        let (app, frame) = (&mut self.app, &mut self.frame);
        let mut output = self.ctx.run_ui(input, |ui| app.ui(ui, frame));
        // Nothing is uploaded to a GPU here.
        output.textures_delta.clear();
        self.ctx
            .tessellate(output.shapes, output.pixels_per_point)
            .len()
    }

    /// One frame with the wheel turned over the right pane.
    fn scroll_frame(&mut self, down: bool) -> usize {
        self.frame(vec![
            Event::PointerMoved(pos2(900.0, 450.0)),
            Event::MouseWheel {
                unit: MouseWheelUnit::Point,
                delta: vec2(0.0, if down { -240.0 } else { 240.0 }),
                phase: TouchPhase::Move,
                source: egui::MouseWheelSource::Wheel,
                modifiers: Modifiers::NONE,
            },
        ])
    }
}

fn benches(c: &mut Criterion) {
    let json = std::fs::read_to_string(SAMPLE).expect("sample project");
    let sample = Project::from_json(&json).expect("sample parses");
    let (old_100k, new_100k) = edited_pair(&sample, 100_000);
    let (old_1m, new_1m) = edited_pair(&sample, 1_000_000);

    let mut group = c.benchmark_group("versions");
    group.sample_size(20);
    group.bench_function("align, diff and classify: sample pair", |b| {
        let (old, new) = (&sample.documents[0], &sample.documents[1]);
        b.iter(|| analyse(black_box(old), black_box(new)));
    });
    let (old_100k, new_100k) = (
        document("Wire", &old_100k),
        document("Desk edit", &new_100k),
    );
    group.bench_function("align, diff and classify: 100 KB edited pair", |b| {
        b.iter(|| analyse(black_box(&old_100k), black_box(&new_100k)));
    });
    let (old_1m_document, new_1m_document) =
        (document("Wire", &old_1m), document("Desk edit", &new_1m));
    group.bench_function("align, diff and classify: 1 MB edited pair", |b| {
        b.iter(|| analyse(black_box(&old_1m_document), black_box(&new_1m_document)));
    });
    let diff_1m = WordDiff::compute(&old_1m_document.text, &new_1m_document.text);
    group.bench_function("classify only: 1 MB edited pair", |b| {
        b.iter(|| {
            events(
                black_box(&old_1m_document),
                black_box(&new_1m_document),
                &diff_1m,
                &[],
            )
            .len()
        });
    });
    group.finish();

    let mut frames = c.benchmark_group("frames");
    frames.sample_size(30);
    let mut workbench = Workbench::open(PathBuf::from(SAMPLE));
    frames.bench_function("frame: sample project, idle", |b| {
        b.iter(|| workbench.frame(Vec::new()));
    });
    let mut frame = 0_usize;
    frames.bench_function("frame: sample project, scrolling", |b| {
        b.iter(|| {
            frame += 1;
            workbench.scroll_frame(frame % 20 < 10)
        });
    });
    let folder = tempfile::tempdir().expect("temp folder");
    let project = pair_project(folder.path(), &sample, old_1m, new_1m);
    let mut workbench = Workbench::open(project);
    let mut frame = 0_usize;
    frames.bench_function("frame: 1 MB pair, scrolling", |b| {
        b.iter(|| {
            // Down through the story, then back up, so the rows in view keep changing.
            frame += 1;
            workbench.scroll_frame(frame % 400 < 200)
        });
    });
    frames.finish();
}

criterion_group!(versions, benches);
criterion_main!(versions);
