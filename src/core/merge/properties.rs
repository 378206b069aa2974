//! Properties of the merge on random edits of a small project, made through the same
//! edit methods the workbench uses.

use proptest::prelude::*;
use serde_json::Value;

use super::fixture::{TEXT, at, base, evidence, new_version, stamp};
use super::merge;
use crate::core::anchor::TextAnchor;
use crate::core::claims::{Claim, Status, TextField};
use crate::core::project::Project;

/// One edit an editor can make; indices are taken modulo what is there.
#[derive(Clone, Debug)]
enum Edit {
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
fn edited(project: &Project, edits: &[Edit], first_second: i64) -> Project {
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

/// The project as JSON with every list whose order a merge may choose sorted, to
/// compare merges that differ only in which copy came first.
fn unordered(project: &Project) -> Value {
    let mut value = serde_json::to_value(project).unwrap();
    sort_by_text(&mut value["documents"]);
    for claim in value["claims"].as_array_mut().unwrap() {
        for list in ["kinds", "evidence", "history"] {
            sort_by_text(&mut claim[list]);
        }
    }
    sort_by_text(&mut value["claims"]);
    value
}

fn sort_by_text(list: &mut Value) {
    list.as_array_mut()
        .unwrap()
        .sort_by_cached_key(ToString::to_string);
}

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    proptest::collection::vec(edit(), 0..8)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn merging_a_copy_with_itself_gives_it_back(common in edits(), own in edits()) {
        let base = edited(&base(), &common, 10);
        let copy = edited(&base, &own, 100);
        prop_assert_eq!(merge(&base, &copy, &copy).project, copy);
    }

    #[test]
    fn merging_with_an_unchanged_copy_gives_the_changed_one(common in edits(), own in edits()) {
        let base = edited(&base(), &common, 10);
        let copy = edited(&base, &own, 100);
        prop_assert_eq!(&merge(&base, &base, &copy).project, &copy);
        prop_assert_eq!(&merge(&base, &copy, &base).project, &copy);
    }

    #[test]
    fn merges_are_valid_and_lose_no_history(
        common in edits(),
        ours in edits(),
        theirs in edits(),
    ) {
        let base = edited(&base(), &common, 10);
        let ours = edited(&base, &ours, 100);
        let theirs = edited(&base, &theirs, 200);
        let merged = merge(&base, &ours, &theirs).project;
        let reloaded = Project::from_json(&merged.to_json());
        prop_assert!(reloaded.is_ok(), "{:?}", reloaded.err());
        prop_assert_eq!(reloaded.unwrap(), merged.clone());
        for claim in &merged.claims {
            for copy in [&ours, &theirs] {
                if let Some(before) = copy.claim(&claim.id) {
                    for entry in &before.history {
                        prop_assert!(claim.history.contains(entry));
                    }
                }
            }
        }
    }

    #[test]
    fn merges_without_conflicts_do_not_depend_on_which_copy_is_ours(
        common in edits(),
        ours in edits(),
        theirs in edits(),
    ) {
        let base = edited(&base(), &common, 10);
        let ours = edited(&base, &ours, 100);
        let theirs = edited(&base, &theirs, 200);
        let one_way = merge(&base, &ours, &theirs).project;
        let other_way = merge(&base, &theirs, &ours).project;
        if one_way.conflicts.is_empty() && other_way.conflicts.is_empty() {
            prop_assert_eq!(unordered(&one_way), unordered(&other_way));
        }
    }
}
