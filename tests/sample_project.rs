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

use factdesk::core::anchor::TextAnchor;
use factdesk::core::anchor::char_slice;
use factdesk::core::article::{Role, Source};
use factdesk::core::claims::{Claim, Field, Locator, Stamp, Stance, Status};
use factdesk::core::project::{FORMAT_VERSION, Project, Settings};
use factdesk::core::provenance::provenance;

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

/// The sample as issue 2's Factdesk wrote it (format version 2), kept as a fixture.
const SAMPLE_VERSION_2: &str = "tests/fixtures/idlib-2019.v2.factdesk.json";

#[test]
fn the_version_2_sample_opens_unchanged_in_meaning() {
    let old: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(SAMPLE_VERSION_2).unwrap()).unwrap();
    let project = Project::load(Path::new(SAMPLE_VERSION_2)).unwrap();
    assert_eq!(project.integrity_warnings(), Vec::<String>::new());
    let old_claims = old["claims"].as_array().unwrap();
    assert_eq!(project.claims.len(), old_claims.len());
    for (old, claim) in old_claims.iter().zip(&project.claims) {
        assert_eq!(old["id"].as_str(), Some(claim.id.0.as_str()));
        assert_eq!(
            old["anchor"]["exact"].as_str(),
            Some(claim.anchor.exact.as_str())
        );
        assert_eq!(old["note"].as_str(), Some(claim.note.as_str()));
        let meaning = (claim.status, claim.rating.as_deref());
        let expected = match old["status"].as_str().unwrap() {
            "unchecked" => (Status::Unchecked, None),
            "in_progress" => (Status::InProgress, None),
            "needs_correction" => (Status::NeedsCorrection, None),
            "verified" => (Status::Checked, Some("Correct")),
            "unverifiable" => (Status::Checked, Some("Unverifiable")),
            other => panic!("the fixture has no {other} claim"),
        };
        assert_eq!(meaning, expected, "{}", claim.anchor.exact);
        let old_changes = old["history"].as_array().unwrap().len();
        let status_entries = claim
            .history
            .iter()
            .filter(|e| e.field == Field::Status)
            .count();
        assert_eq!(status_entries, old_changes, "{}", claim.anchor.exact);
    }
    let documents = serde_json::to_value(&project.documents).unwrap();
    assert_eq!(documents, old["documents"], "documents are untouched");
}

#[test]
fn the_desk_edit_comes_from_the_reuters_body_and_the_afp_caption() {
    let project = sample();
    let page = &project.documents[0];
    let desk = project
        .documents
        .iter()
        .find(|doc| doc.source == Source::DeskEdit)
        .unwrap();
    let map = provenance(desk, &[page]);
    assert_eq!(map.summary_line(), "88% Reuters · 7% AFP · 5% unsourced");
    let unsourced: Vec<_> = map.unsourced().collect();
    assert_eq!(
        unsourced.len(),
        1,
        "only the desk's own paragraph of context"
    );
    let own = char_slice(&desk.text, &unsourced[0]).unwrap();
    assert!(own.starts_with("Idlib province is home to"), "{own}");
    for sentence in &map.sentences {
        let text = char_slice(&desk.text, &sentence.chars).unwrap();
        let Some(origin) = sentence.origin.as_ref() else {
            continue;
        };
        assert_eq!(origin.document, page.id, "{text}");
        let segment = desk.segment_at(sentence.chars.start).unwrap();
        match (segment.role, origin.source.as_str(), origin.similarity) {
            (Role::Body, source, similarity) => {
                assert_eq!(source, "Reuters");
                assert!(similarity > 0.9, "{similarity}");
            }
            (Role::Caption, source, similarity) => {
                assert_eq!(source, "AFP");
                assert!(similarity > 0.8, "{similarity}");
            }
            // The page credits no one for its headline, so the headline goes to the
            // page's own source, the Reuters wire it carries.
            (Role::Headline, source, similarity) => {
                assert_eq!(source, "Reuters");
                assert!((similarity - 1.0).abs() < f32::EPSILON);
            }
            other => panic!("a sentence in a {other:?} segment"),
        }
    }
}

#[test]
fn the_afp_caption_bears_on_the_reuters_hospital_claim() {
    let mut project = sample();
    let page = project.documents[0].clone();
    let sentence = "On Tuesday, Russian and Syrian jets intensified their bombing of scattered \
                    villages and towns around Maarat al-Numan, with the al-Rahma hospital in \
                    the area struck, residents said.";
    let start = page.text[..page.text.find(sentence).unwrap()]
        .chars()
        .count();
    let anchor =
        TextAnchor::from_selection(&page.text, start..start + sentence.chars().count()).unwrap();
    let stamp = Stamp::new(project.modified, "Dana");
    let claim_id = project
        .add_claim(Claim::new(page.id.clone(), anchor, &stamp), stamp.at)
        .unwrap();

    let passages = project.corroborating_passages(&claim_id, 5);
    let desk = project
        .documents
        .iter()
        .find(|doc| doc.source == Source::DeskEdit)
        .unwrap();
    assert!(passages.iter().all(|passage| passage.document == desk.id));
    // The desk edit's copy of the sentence, lightly reworded, comes first.
    let first = &passages[0];
    assert!(
        first
            .text
            .starts_with("On Tuesday, Russian and Syrian jets"),
        "{}",
        first.text
    );
    assert_eq!(first.source, "Reuters");
    assert!(first.similarity > 0.9, "{}", first.similarity);
    // The AFP caption shares little wording but reports a strike on a clinic nearby.
    let caption = passages
        .iter()
        .find(|passage| passage.source == "AFP")
        .expect("the AFP caption is listed");
    assert!(
        caption
            .text
            .contains("air strike on a makeshift clinic in Tallmannis")
    );
    assert!(caption.similarity < first.similarity);
    assert_eq!(caption.shared, ["Syrian", "strike", "clinic"]);
    let similarities: Vec<f32> = passages.iter().map(|p| p.similarity).collect();
    assert!(similarities.is_sorted_by(|a, b| a >= b), "{similarities:?}");

    let evidence = caption.to_evidence(desk, Stance::Context, &stamp);
    assert_eq!(evidence.publisher, "AFP");
    assert_eq!(evidence.title, desk.label);
    assert_eq!(evidence.passage, caption.text);
    assert_eq!(
        evidence.locator,
        Locator::File("idlib-desk-edit.txt".to_owned())
    );
    assert!(project.add_evidence(&claim_id, evidence, &stamp));
}

/// The sample as issue 5's Factdesk wrote it (format version 3), kept as a fixture.
const SAMPLE_VERSION_3: &str = "tests/fixtures/idlib-2019.v3.factdesk.json";

#[test]
fn the_version_3_sample_opens_as_the_current_sample_without_settings() {
    let old = Project::load(Path::new(SAMPLE_VERSION_3)).unwrap();
    let current = sample();
    assert_eq!(old.settings, Settings::default());
    assert!(old.conflicts.is_empty());
    assert_eq!(old.claims, current.claims);
    assert_eq!(old.documents, current.documents);
    let json = old.to_json();
    assert!(
        json.contains(&format!("\"version\": {FORMAT_VERSION},")),
        "saved in the current format"
    );
    assert!(json.contains("\"settings\": {"), "{json}");
}

/// Every project file an older Factdesk wrote that the tests keep, one per format
/// version before the current one.
fn older_samples() -> Vec<std::path::PathBuf> {
    let mut samples: Vec<_> = std::fs::read_dir("tests/fixtures")
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| {
            let name = path.file_name().unwrap().to_string_lossy();
            name.ends_with(".factdesk.json") && name.contains(".v")
        })
        .collect();
    samples.sort();
    samples
}

#[test]
fn every_older_sample_migrates_and_is_only_rewritten_by_a_save() {
    let samples = older_samples();
    let mut versions: Vec<u64> = samples
        .iter()
        .map(|path| {
            let value: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
            value["version"].as_u64().unwrap()
        })
        .collect();
    versions.sort_unstable();
    let older: Vec<u64> = (1..FORMAT_VERSION).collect();
    assert_eq!(versions, older, "a sample of every older format version");

    let folder = tempfile::tempdir().unwrap();
    for path in samples {
        let before = std::fs::read(&path).unwrap();
        let project = Project::load(&path).unwrap();
        assert_eq!(
            std::fs::read(&path).unwrap(),
            before,
            "opening never rewrites"
        );
        assert_eq!(
            project.integrity_warnings(),
            Vec::<String>::new(),
            "{}",
            path.display()
        );
        let saved = folder.path().join(path.file_name().unwrap());
        project.save(&saved).unwrap();
        let json = std::fs::read_to_string(&saved).unwrap();
        assert!(
            json.contains(&format!("\"version\": {FORMAT_VERSION},")),
            "{}",
            path.display()
        );
        assert_eq!(
            Project::load(&saved).unwrap(),
            project,
            "{}",
            path.display()
        );
    }
}
