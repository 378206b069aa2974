//! The project files users see first: the sample project the README opens (the scraped
//! seed story, a desk edit, claims on its figures and quotes) and the example in
//! `docs/project-format.md`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test should fail loudly when a fixture or helper breaks"
)]

use std::collections::HashSet;
use std::path::Path;

use factdesk::core::article::Source;
use factdesk::core::project::Project;

const SAMPLE: &str = "projects/idlib-2019.factdesk.json";

fn sample() -> Project {
    Project::load(Path::new(SAMPLE)).unwrap()
}

#[test]
fn the_sample_is_canonical_and_sound() {
    let bytes = std::fs::read_to_string(SAMPLE).unwrap();
    let project = sample();
    assert_eq!(
        project.to_json(),
        bytes,
        "saving the sample would change it"
    );
    assert_eq!(project.integrity_warnings(), Vec::<String>::new());
}

#[test]
fn the_scraped_page_is_kept_exactly_as_scraped() {
    let seed = std::fs::read_to_string("tests/fixtures/seed-idlib-2019.txt").unwrap();
    let project = sample();
    let scraped = &project.documents[0];
    // The site debris is set aside, not lost: putting it back gives the page as scraped.
    assert_eq!(scraped.received_text(), seed);
    let set_aside: Vec<_> = scraped.set_aside.iter().map(|e| e.text.trim()).collect();
    assert_eq!(
        set_aside,
        ["Middle EastTop StoriesWorld", "Back to top button"]
    );
    assert_eq!(scraped.source, Source::Reuters);
    assert!(
        scraped
            .segments
            .iter()
            .any(|s| s.margin_label() == "CAPTION · AFP")
    );
}

#[test]
fn the_desk_edit_is_labelled_and_cleans_the_page() {
    let project = sample();
    let desk = project
        .documents
        .iter()
        .find(|doc| doc.source == Source::DeskEdit)
        .expect("a desk edit");
    assert!(
        desk.label.to_lowercase().contains("desk edit"),
        "{}",
        desk.label
    );
    for debris in [
        "Middle EastTop StoriesWorld",
        "Back to top button",
        "Ten of thousands",
    ] {
        assert!(
            !desk.text.contains(debris),
            "{debris:?} is still in the desk edit"
        );
    }
    assert!(desk.text.contains("Tens of thousands of people have fled"));
}

#[test]
fn the_claims_cover_the_figures_and_quotes_with_varied_statuses() {
    let project = sample();
    let quotes: Vec<&str> = project
        .claims
        .iter()
        .map(|c| c.anchor.exact.as_str())
        .collect();
    for needle in [
        "60,000",
        "15 raids",
        "less than five minutes",
        "400,000",
        "Lavrov acknowledged",
    ] {
        assert!(
            quotes.iter().any(|q| q.contains(needle)),
            "no claim on {needle:?}: {quotes:?}"
        );
    }
    let interfax = project
        .claims
        .iter()
        .find(|c| c.anchor.exact.contains("Lavrov"))
        .unwrap();
    assert!(interfax.note.contains("Interfax"));
    let statuses: HashSet<_> = project.claims.iter().map(|c| c.status).collect();
    assert!(statuses.len() >= 4, "{statuses:?}");
}

#[test]
fn the_example_in_the_format_description_is_a_sound_project() {
    let doc = std::fs::read_to_string("docs/project-format.md").unwrap();
    let example = doc
        .split("```json\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("docs/project-format.md has a JSON example");
    let project = Project::from_json(example).unwrap();
    assert_eq!(project.integrity_warnings(), Vec::<String>::new());
    assert_eq!(
        project.to_json(),
        example,
        "the example is not in canonical form"
    );
}
