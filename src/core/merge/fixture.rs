//! A small project and the edits the merge tests make to copies of it.

use jiff::Timestamp;

use crate::core::anchor::TextAnchor;
use crate::core::article::{Document, DocumentKind, Source};
use crate::core::claims::{Claim, ClaimId, Evidence, Locator, Stamp, Stance};
use crate::core::project::Project;

pub(super) const TEXT: &str = "Around 60,000 people fled Maarat al-Numan in four days. \
The UN said 400,000 had moved since April. Rescuers reported 18 dead in Saraqeb on Tuesday.";

pub(super) fn at(second: i64) -> Timestamp {
    Timestamp::from_second(second).unwrap()
}

pub(super) fn stamp(second: i64) -> Stamp {
    Stamp::new(at(second), "Dana")
}

/// The code points of the first `needle` in `text`.
pub(super) fn chars_of(text: &str, needle: &str) -> std::ops::Range<usize> {
    let byte = text.find(needle).unwrap();
    let start = text[..byte].chars().count();
    start..start + needle.chars().count()
}

/// A new claim on the first `needle` of the project's first document.
pub(super) fn claim_on(project: &Project, needle: &str, second: i64) -> Claim {
    let document = &project.documents[0];
    let anchor =
        TextAnchor::from_selection(&document.text, chars_of(&document.text, needle)).unwrap();
    Claim::new(document.id.clone(), anchor, &stamp(second))
}

/// A project with one document and two claims ("60,000 people", "400,000").
pub(super) fn base() -> Project {
    let mut project = Project::new("Idlib", at(1));
    let document = Document::new(
        "Reuters wire",
        Source::Reuters,
        DocumentKind::TextFile,
        None,
        TEXT.to_owned(),
        at(1),
    );
    project.add_document(document, at(1));
    for needle in ["60,000 people", "400,000"] {
        let claim = claim_on(&project, needle, 2);
        project.add_claim(claim, at(2));
    }
    project
}

/// The id of claim `index` (in reading order).
pub(super) fn claim_id(project: &Project, index: usize) -> ClaimId {
    project.claims[index].id.clone()
}

/// A piece of evidence at `url`.
pub(super) fn evidence(url: &str, second: i64) -> Evidence {
    Evidence {
        locator: Locator::Url(url.to_owned()),
        title: String::new(),
        publisher: String::new(),
        passage: String::new(),
        stance: Stance::Supports,
        accessed: None,
        sha256: None,
        added: at(second),
        added_by: "Dana".to_owned(),
    }
}

/// A new version of the project's first document with `text`.
pub(super) fn new_version(project: &Project, text: &str, second: i64) -> Document {
    let document = &project.documents[0];
    Document::new(
        document.label.clone(),
        document.source,
        DocumentKind::TextFile,
        None,
        text.to_owned(),
        at(second),
    )
}
