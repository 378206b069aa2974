//! A small project, and random edits of it made through the same edit methods the
//! workbench uses: the ground for the merge tests and the property tests of merges
//! and project files.

use jiff::Timestamp;
use proptest::prelude::*;

use crate::core::anchor::TextAnchor;
use crate::core::article::{Document, DocumentKind, Source};
use crate::core::claims::{Claim, ClaimId, Evidence, Locator, Stamp, Stance, Status, TextField};
use crate::core::project::Project;

pub(crate) const TEXT: &str = "Around 60,000 people fled Maarat al-Numan in four days. \
The UN said 400,000 had moved since April. Rescuers reported 18 dead in Saraqeb on Tuesday.";

pub(crate) fn at(second: i64) -> Timestamp {
    Timestamp::from_second(second).unwrap()
}

pub(crate) fn stamp(second: i64) -> Stamp {
    Stamp::new(at(second), "Dana")
}

/// The code points of the first `needle` in `text`.
pub(crate) fn chars_of(text: &str, needle: &str) -> std::ops::Range<usize> {
    let byte = text.find(needle).unwrap();
    let start = text[..byte].chars().count();
    start..start + needle.chars().count()
}

/// A new claim on the first `needle` of the project's first document.
pub(crate) fn claim_on(project: &Project, needle: &str, second: i64) -> Claim {
    let document = &project.documents[0];
    let anchor =
        TextAnchor::from_selection(&document.text, chars_of(&document.text, needle)).unwrap();
    Claim::new(document.id.clone(), anchor, &stamp(second))
}

/// A project with one document and two claims ("60,000 people", "400,000").
pub(crate) fn base() -> Project {
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
pub(crate) fn claim_id(project: &Project, index: usize) -> ClaimId {
    project.claims[index].id.clone()
}

/// A piece of evidence at `url`.
pub(crate) fn evidence(url: &str, second: i64) -> Evidence {
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
pub(crate) fn new_version(project: &Project, text: &str, second: i64) -> Document {
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

/// One edit an editor can make; indices are taken modulo what is there.
#[derive(Clone, Debug)]
pub(crate) enum Edit {
    Status(usize, usize),
    Rating(usize, Option<usize>),
    Note(usize, u8),
    AddEvidence(usize, u8),
    RemoveEvidence(usize),
    AddClaim(usize, usize, usize),
    RemoveClaim(usize),
    SplitClaim(usize, usize),
    ReattachClaim(usize, usize, usize),
    AddDocument(usize),
    RemoveDocument(usize),
    RenameDocument(u8),
    Title(u8),
    Dismiss(u8),
    NewVersion(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), 0..Status::ALL.len()).prop_map(|(c, s)| Edit::Status(c, s)),
        (any::<usize>(), proptest::option::of(0..3usize)).prop_map(|(c, r)| Edit::Rating(c, r)),
        (any::<usize>(), 0..3u8).prop_map(|(c, n)| Edit::Note(c, n)),
        (any::<usize>(), 0..3u8).prop_map(|(c, n)| Edit::AddEvidence(c, n)),
        any::<usize>().prop_map(Edit::RemoveEvidence),
        (any::<usize>(), any::<usize>(), 1..4usize).prop_map(|(d, w, n)| Edit::AddClaim(d, w, n)),
        any::<usize>().prop_map(Edit::RemoveClaim),
        (any::<usize>(), any::<usize>()).prop_map(|(c, at)| Edit::SplitClaim(c, at)),
        (any::<usize>(), any::<usize>(), 1..4usize)
            .prop_map(|(c, w, n)| Edit::ReattachClaim(c, w, n)),
        (0..3usize).prop_map(Edit::AddDocument),
        any::<usize>().prop_map(Edit::RemoveDocument),
        (0..3u8).prop_map(Edit::RenameDocument),
        (0..3u8).prop_map(Edit::Title),
        (0..3u8).prop_map(Edit::Dismiss),
        (0..3usize).prop_map(Edit::NewVersion),
    ]
}

/// The texts a new version can have.
fn version_text(variant: usize) -> String {
    match variant {
        0 => format!("UPDATED: {TEXT}"),
        1 => TEXT.replace("60,000", "70,000"),
        _ => TEXT.replace(" The UN said 400,000 had moved since April.", ""),
    }
}

/// Applies `edits` to a copy of `project`, the `n`th at second `first_second + n`.
pub(crate) fn edited(project: &Project, edits: &[Edit], first_second: i64) -> Project {
    let mut project = project.clone();
    for (second, edit) in (first_second..).zip(edits) {
        apply(&mut project, edit, second);
    }
    project
}

fn apply(project: &mut Project, edit: &Edit, second: i64) {
    let stamp = stamp(second);
    let claim_id = |index: usize| {
        let count = project.claims.len();
        (count > 0).then(|| project.claims[index % count].id.clone())
    };
    match *edit {
        Edit::Status(c, s) => {
            if let Some(id) = claim_id(c) {
                project.set_claim_status(&id, Status::ALL[s], &stamp);
            }
        }
        Edit::Rating(c, r) => {
            if let Some(id) = claim_id(c) {
                let rating = r.map(|r| project.verdict_scale.ratings[r].label.clone());
                project.set_claim_rating(&id, rating, &stamp);
            }
        }
        Edit::Note(c, n) => {
            if let Some(id) = claim_id(c) {
                project.set_claim_text(&id, TextField::Note, format!("note {n}"), &stamp);
            }
        }
        Edit::AddEvidence(c, n) => {
            if let Some(id) = claim_id(c) {
                let url = format!("https://example.org/{n}");
                project.add_evidence(&id, evidence(&url, second), &stamp);
            }
        }
        Edit::RemoveEvidence(c) => {
            if let Some(id) = claim_id(c) {
                project.remove_evidence(&id, 0, &stamp);
            }
        }
        Edit::AddClaim(document, word, length) => {
            let count = project.documents.len();
            if count == 0 {
                return;
            }
            let document = &project.documents[document % count];
            if let Some(anchor) = words(&document.text, word, length) {
                let claim = Claim::new(document.id.clone(), anchor, &stamp);
                project.add_claim(claim, at(second));
            }
        }
        Edit::SplitClaim(c, offset) => {
            if let Some(id) = claim_id(c) {
                let anchor = &project.claim(&id).unwrap().anchor;
                let at = anchor.start + offset % (anchor.end - anchor.start).max(1);
                // Refused splits (outside words, orphans) change nothing, as in the app.
                let _ = project.split_claim(&id, at, &stamp);
            }
        }
        Edit::ReattachClaim(c, word, length) => {
            if let Some(id) = claim_id(c) {
                let document = project.claim(&id).unwrap().document.clone();
                let text = &project.document(&document).unwrap().text;
                if let Some(anchor) = words(text, word, length) {
                    project.reattach_claim(&id, anchor, &stamp).unwrap();
                }
            }
        }
        Edit::RemoveClaim(c) => {
            if let Some(id) = claim_id(c) {
                project.remove_claim(&id, at(second));
            }
        }
        Edit::AddDocument(variant) => {
            if let Some(document) = project.documents.first() {
                let mut added = new_version(project, &version_text(variant), second);
                added.label = format!("{} (copy)", document.label);
                project.add_document(added, at(second));
            }
        }
        Edit::RemoveDocument(d) => {
            let count = project.documents.len();
            if count > 0 {
                let id = project.documents[d % count].id.clone();
                project.remove_document(&id, at(second));
            }
        }
        Edit::RenameDocument(n) => {
            if let Some(document) = project.documents.first() {
                let id = document.id.clone();
                project.rename_document(&id, format!("label {n}"), at(second));
            }
        }
        Edit::Title(n) => {
            project.set_title(format!("title {n}"), at(second));
        }
        Edit::Dismiss(n) => {
            project.dismiss_candidate(format!("sentence {n}"), at(second));
        }
        Edit::NewVersion(variant) => {
            if let Some(document) = project.documents.first() {
                let id = document.id.clone();
                let version = new_version(project, &version_text(variant), second);
                project.replace_document_text(&id, version, &stamp);
            }
        }
    }
}

/// An anchor on `length` words of `text` from word `word` (modulo the words there).
fn words(text: &str, word: usize, length: usize) -> Option<TextAnchor> {
    let starts = word_starts(text);
    let first = word % starts.len().max(1);
    let start = *starts.get(first)?;
    let end = starts
        .get(first + length)
        .map_or(text.chars().count(), |next| next - 1);
    TextAnchor::from_selection(text, start..end).ok()
}

/// The code points where words start.
fn word_starts(text: &str) -> Vec<usize> {
    let chars: Vec<char> = text.chars().collect();
    (0..chars.len())
        .filter(|&i| !chars[i].is_whitespace() && (i == 0 || chars[i - 1].is_whitespace()))
        .collect()
}

/// A short run of random edits.
pub(crate) fn edits() -> impl Strategy<Value = Vec<Edit>> {
    proptest::collection::vec(edit(), 0..8)
}
