//! Speed of turning what editors receive into documents: a 1 MB saved web page, a 1 MB
//! NewsML-G2 item, 1 MB of plain text (what `factdesk diff` reads most), the scraped
//! seed story, and the corpus of news pages from many kinds of site (saved HTML and
//! browser copies) that the import's judgments are measured on. Run with `cargo bench
//! --bench import`.

#![allow(
    missing_docs,
    clippy::expect_used,
    reason = "criterion's macros generate undocumented items; a bench fails loudly on a broken fixture"
)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use factdesk::core::import::import_bytes;
use jiff::Timestamp;

const TARGET_BYTES: usize = 1_000_000;

/// The saved news page with its story repeated until the page is about 1 MB, site
/// furniture (menus, share bars, adverts) included every few paragraphs.
fn page_of_one_megabyte() -> String {
    let page =
        std::fs::read_to_string("tests/fixtures/pages/idlib-page.html").expect("page fixture");
    let start = page.find("<div class=\"story-body\">").expect("story body");
    let end = page[start..]
        .find("</div>\n      <aside")
        .expect("end of story")
        + start;
    let story = &page[start..end];
    let mut stories = String::new();
    while stories.len() < TARGET_BYTES {
        stories.push_str(story);
        stories.push_str("</div>\n<div class=\"share-bar\"><a href='#'>Share</a></div>\n");
    }
    format!("{}{stories}{}", &page[..start], &page[end..])
}

/// A NewsML-G2 item whose NITF body holds about 1 MB of paragraphs.
fn newsml_of_one_megabyte() -> String {
    let item = std::fs::read_to_string(
        "tests/fixtures/iptc/newsml-g2/LISTING_2_NewsML-G2_Text_Document.xml",
    )
    .expect("NewsML-G2 fixture");
    let paragraph = "<p>Rescuers there said around 60,000 people had fled in the last four days alone, \
                     as Russian and Syrian jets intensified their bombing of villages and towns.</p>\n";
    let body = paragraph.repeat(TARGET_BYTES / paragraph.len() + 1);
    item.replacen("<body.content>", &format!("<body.content>{body}"), 1)
}

/// The pages of the import corpus (`tests/fixtures/pages/`), by file name.
fn corpus_pages() -> Vec<(String, Vec<u8>)> {
    let mut pages: Vec<(String, Vec<u8>)> = std::fs::read_dir("tests/fixtures/pages")
        .expect("page corpus")
        .map(|entry| entry.expect("corpus entry").path())
        .filter(|path| {
            path.extension()
                .is_some_and(|ext| ext == "txt" || ext == "html")
        })
        .map(|path| {
            let name = path
                .file_name()
                .expect("a file")
                .to_string_lossy()
                .into_owned();
            (name, std::fs::read(&path).expect("corpus page"))
        })
        .collect();
    pages.sort();
    pages
}

fn benches(c: &mut Criterion) {
    let page = page_of_one_megabyte();
    let item = newsml_of_one_megabyte();
    let seed = std::fs::read("tests/fixtures/seed-idlib-2019.txt").expect("seed");
    let text = seed.repeat(TARGET_BYTES / seed.len() + 1);
    let now = Timestamp::UNIX_EPOCH;

    let mut group = c.benchmark_group("import");
    group.sample_size(20);
    group.bench_function("1 MB HTML page", |b| {
        b.iter(|| import_bytes(black_box(page.as_bytes()), "page.html", now));
    });
    group.bench_function("1 MB NewsML-G2 item", |b| {
        b.iter(|| import_bytes(black_box(item.as_bytes()), "item.xml", now));
    });
    group.bench_function("1 MB plain text", |b| {
        b.iter(|| import_bytes(black_box(&text), "story.txt", now));
    });
    group.bench_function("seed story (3 KB text)", |b| {
        b.iter(|| import_bytes(black_box(&seed), "seed.txt", now));
    });
    let corpus = corpus_pages();
    group.bench_function("17 news pages from many sites (78 KB)", |b| {
        b.iter(|| {
            for (name, bytes) in &corpus {
                let _ = black_box(import_bytes(black_box(bytes), name, now));
            }
        });
    });
    group.finish();
}

criterion_group!(import, benches);
criterion_main!(import);
