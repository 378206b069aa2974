//! Fuzzes the three-way merge of projects (`merge::merge`), which `factdesk
//! merge-driver` runs when git merges two editors' copies of a project file and the
//! workbench runs when the open project changed on disk. A merge that panics or writes
//! a file that does not load again loses a desk's work.
//!
//! Unstructured JSON would almost never be a project, so the main mode is structured:
//! the sample project `projects/idlib-2019.factdesk.json` is the starting point, and
//! the input (decoded with `arbitrary`) is three lists of edits, made through the
//! `Project` edit methods the workbench uses: the common ones give the base, the
//! other two give "ours" and "theirs" from it. The edits are those of
//! `src/core/merge/properties.rs` (indices taken modulo what is there), plus further
//! ones the workbench offers (wording and conclusion, merging claims, restoring text
//! set aside on import, sources, segments, the verdict scale, settings).
//!
//! Checks exactly the properties `src/core/merge/properties.rs` asserts:
//! - merging a copy with itself gives it back: `merge(base, c, c) == c`;
//! - merging with an unchanged copy gives the changed one: `merge(base, base, c) == c`
//!   and `merge(base, c, base) == c` (for both copies);
//! - a merge is a valid project (it saves and loads again to an equal project) and
//!   loses no history entry of either copy's claims;
//! - a merge without conflicts either way round does not depend on which copy is ours
//!   (compared with the same lists sorted as there).
//!
//! Second mode: when the input is three NUL-separated texts that all load as projects
//! (base, ours, theirs), they are merged whatever they are, and only the absence of a
//! panic (in the merge and in saving its result) is checked: the merge promises more
//! only for copies of a common base.

#![no_main]

use std::sync::LazyLock;

use arbitrary::{Arbitrary, Unstructured};
use factdesk::core::anchor::TextAnchor;
use factdesk::core::article::{Document, DocumentId, DocumentKind, Role, Source};
use factdesk::core::claims::{
    Claim, ClaimId, Evidence, Locator, Stamp, Stance, Status, TextField, VerdictScale,
};
use factdesk::core::merge::merge;
use factdesk::core::project::{Project, Settings};
use jiff::Timestamp;
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

/// The sample project every structured input starts from.
const SAMPLE: &str = include_str!("../../projects/idlib-2019.factdesk.json");

static SAMPLE_PROJECT: LazyLock<Project> = LazyLock::new(|| match Project::from_json(SAMPLE) {
    Ok(project) => project,
    Err(err) => panic!("the sample project does not load: {err}"),
});

/// The most edits taken from each list, so one input stays fast.
const MAX_EDITS: usize = 16;

/// Pieces of text a new version inserts.
const INSERTED: [&str; 5] = [
    "",
    "UPDATED: ",
    "70,000",
    "The UN said 400,000 had moved since April. ",
    "\n\n",
];

/// One edit an editor can make; indices are taken modulo what is there.
#[derive(Arbitrary, Clone, Debug)]
enum Edit {
    // The edits of src/core/merge/properties.rs.
    Status {
        claim: u8,
        status: u8,
    },
    Rating {
        claim: u8,
        rating: Option<u8>,
    },
    Note {
        claim: u8,
        note: u8,
    },
    AddEvidence {
        claim: u8,
        url: u8,
    },
    RemoveEvidence {
        claim: u8,
    },
    AddClaim {
        document: u8,
        word: u16,
        length: u8,
    },
    RemoveClaim {
        claim: u8,
    },
    SplitClaim {
        claim: u8,
        offset: u16,
    },
    ReattachClaim {
        claim: u8,
        word: u16,
        length: u8,
    },
    AddDocument {
        at: u16,
        removed: u8,
        inserted: u8,
    },
    RemoveDocument {
        document: u8,
    },
    RenameDocument {
        document: u8,
        label: u8,
    },
    Title {
        title: u8,
    },
    Dismiss {
        sentence: u8,
    },
    NewVersion {
        document: u8,
        at: u16,
        removed: u8,
        inserted: u8,
    },
    // Further edits the workbench offers.
    Wording {
        claim: u8,
        text: u8,
    },
    Conclusion {
        claim: u8,
        text: u8,
    },
    ReplaceEvidence {
        claim: u8,
        url: u8,
    },
    MergeClaims {
        kept: u8,
        absorbed: u8,
    },
    SetSource {
        document: u8,
        source: u8,
    },
    RestoreSetAside {
        document: u8,
        index: u8,
    },
    SetSegment {
        document: u8,
        index: u8,
        role: u8,
        agency_of: u8,
    },
    VerdictScale {
        preset: u8,
    },
    Settings {
        desk: u8,
    },
}

/// The edits making the base, ours and theirs.
#[derive(Arbitrary, Debug)]
struct Edits {
    common: Vec<Edit>,
    ours: Vec<Edit>,
    theirs: Vec<Edit>,
}

/// `seconds` after the sample project was last modified.
fn at(seconds: i64) -> Timestamp {
    let base = SAMPLE_PROJECT.modified.as_second();
    Timestamp::from_second(base + seconds).unwrap_or(Timestamp::UNIX_EPOCH)
}

/// Applies `edits` to a copy of `project`, the `n`th at `first_second + n`.
fn edited(project: &Project, edits: &[Edit], first_second: i64) -> Project {
    let mut project = project.clone();
    for (second, edit) in (first_second..).zip(edits.iter().take(MAX_EDITS)) {
        apply(&mut project, edit, second);
    }
    project
}

fn claim_id(project: &Project, index: u8) -> Option<ClaimId> {
    let count = project.claims.len();
    (count > 0).then(|| project.claims[usize::from(index) % count].id.clone())
}

fn document_id(project: &Project, index: u8) -> Option<DocumentId> {
    let count = project.documents.len();
    (count > 0).then(|| project.documents[usize::from(index) % count].id.clone())
}

/// A piece of evidence at `url`.
fn evidence(url: u8, second: i64) -> Evidence {
    Evidence {
        locator: Locator::Url(format!("https://example.org/{}", url % 3)),
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

/// `text` with the characters `at..at + removed` (modulo its length) replaced by one
/// of [`INSERTED`].
fn edit_text(text: &str, at: u16, removed: u8, inserted: u8) -> String {
    let chars: Vec<char> = text.chars().collect();
    let start = usize::from(at) % (chars.len() + 1);
    let end = (start + usize::from(removed)).min(chars.len());
    let mut edited: String = chars[..start].iter().collect();
    edited.push_str(INSERTED[usize::from(inserted) % INSERTED.len()]);
    edited.extend(&chars[end..]);
    edited
}

/// A new version of `document` with `text`, imported at `second`, with an id made
/// from `second` so that runs are reproducible.
fn new_version(document: &Document, text: String, second: i64) -> Document {
    let mut version = Document::new(
        document.label.clone(),
        document.source,
        DocumentKind::TextFile,
        None,
        text,
        at(second),
    );
    version.id = DocumentId(format!("doc-fuzz-{second}"));
    version
}

fn apply(project: &mut Project, edit: &Edit, second: i64) {
    let stamp = Stamp::new(at(second), "Dana");
    let now = at(second);
    match *edit {
        Edit::Status { claim, status } => {
            if let Some(id) = claim_id(project, claim) {
                let status = Status::ALL[usize::from(status) % Status::ALL.len()];
                project.set_claim_status(&id, status, &stamp);
            }
        }
        Edit::Rating { claim, rating } => {
            let ratings = &project.verdict_scale.ratings;
            let rating = match rating {
                Some(_) if ratings.is_empty() => return,
                Some(r) => Some(ratings[usize::from(r) % ratings.len()].label.clone()),
                None => None,
            };
            if let Some(id) = claim_id(project, claim) {
                project.set_claim_rating(&id, rating, &stamp);
            }
        }
        Edit::Note { claim, note } => {
            if let Some(id) = claim_id(project, claim) {
                let note = format!("note {}", note % 3);
                project.set_claim_text(&id, TextField::Note, note, &stamp);
            }
        }
        Edit::Wording { claim, text } => {
            if let Some(id) = claim_id(project, claim) {
                let text = format!("wording {}", text % 3);
                project.set_claim_text(&id, TextField::Wording, text, &stamp);
            }
        }
        Edit::Conclusion { claim, text } => {
            if let Some(id) = claim_id(project, claim) {
                let text = format!("conclusion {}", text % 3);
                project.set_claim_text(&id, TextField::Conclusion, text, &stamp);
            }
        }
        Edit::AddEvidence { claim, url } => {
            if let Some(id) = claim_id(project, claim) {
                project.add_evidence(&id, evidence(url, second), &stamp);
            }
        }
        Edit::ReplaceEvidence { claim, url } => {
            if let Some(id) = claim_id(project, claim) {
                project.replace_evidence(&id, 0, evidence(url, second), &stamp);
            }
        }
        Edit::RemoveEvidence { claim } => {
            if let Some(id) = claim_id(project, claim) {
                project.remove_evidence(&id, 0, &stamp);
            }
        }
        Edit::AddClaim {
            document,
            word,
            length,
        } => {
            let Some(id) = document_id(project, document) else {
                return;
            };
            let Some(document) = project.document(&id) else {
                return;
            };
            if let Some(anchor) = words(&document.text, word, length) {
                let mut claim = Claim::new(id, anchor, &stamp);
                claim.id = ClaimId(format!("claim-fuzz-{second}"));
                project.add_claim(claim, now);
            }
        }
        Edit::SplitClaim { claim, offset } => {
            if let Some(id) = claim_id(project, claim) {
                let Some(anchor) = project.claim(&id).map(|c| c.anchor.clone()) else {
                    return;
                };
                let split = anchor.start
                    + usize::from(offset) % anchor.end.saturating_sub(anchor.start).max(1);
                // Refused splits (outside words, orphans) change nothing, as in the app.
                let _ = project.split_claim(&id, split, &stamp);
            }
        }
        Edit::ReattachClaim {
            claim,
            word,
            length,
        } => {
            if let Some(id) = claim_id(project, claim) {
                let Some(document) = project.claim(&id).map(|c| c.document.clone()) else {
                    return;
                };
                let Some(text) = project.document(&document).map(|d| d.text.clone()) else {
                    return;
                };
                if let Some(anchor) = words(&text, word, length) {
                    if let Err(err) = project.reattach_claim(&id, anchor, &stamp) {
                        panic!("re-attaching a claim to words of its own document failed: {err}");
                    }
                }
            }
        }
        Edit::MergeClaims { kept, absorbed } => {
            if let (Some(kept), Some(absorbed)) =
                (claim_id(project, kept), claim_id(project, absorbed))
            {
                // Refused merges (other documents, orphans) change nothing.
                let _ = project.merge_claims(&kept, &absorbed, &stamp);
            }
        }
        Edit::RemoveClaim { claim } => {
            if let Some(id) = claim_id(project, claim) {
                project.remove_claim(&id, now);
            }
        }
        Edit::AddDocument {
            at: offset,
            removed,
            inserted,
        } => {
            if let Some(first) = project.documents.first() {
                let text = edit_text(&first.text, offset, removed, inserted);
                let mut added = new_version(first, text, second);
                added.label = format!("{} (copy)", first.label);
                project.add_document(added, now);
            }
        }
        Edit::RemoveDocument { document } => {
            if let Some(id) = document_id(project, document) {
                project.remove_document(&id, now);
            }
        }
        Edit::RenameDocument { document, label } => {
            if let Some(id) = document_id(project, document) {
                project.rename_document(&id, format!("label {}", label % 3), now);
            }
        }
        Edit::SetSource { document, source } => {
            if let Some(id) = document_id(project, document) {
                let source = Source::ALL[usize::from(source) % Source::ALL.len()];
                project.set_document_source(&id, source, now);
            }
        }
        Edit::RestoreSetAside { document, index } => {
            if let Some(id) = document_id(project, document) {
                let count = project.document(&id).map_or(0, |d| d.set_aside.len());
                // Refused restores (inside a claim's words) change nothing.
                let _ = project.restore_set_aside(&id, usize::from(index) % (count + 1), now);
            }
        }
        Edit::SetSegment {
            document,
            index,
            role,
            agency_of,
        } => {
            let Some(id) = document_id(project, document) else {
                return;
            };
            let Some(segments) = project.document(&id).map(|d| &d.segments) else {
                return;
            };
            if segments.is_empty() {
                return;
            }
            let index = usize::from(index) % segments.len();
            let agency = segments[usize::from(agency_of) % segments.len()]
                .agency
                .clone();
            let role = Role::ALL[usize::from(role) % Role::ALL.len()];
            project.set_segment(&id, index, role, agency, now);
        }
        Edit::Title { title } => {
            project.set_title(format!("title {}", title % 3), now);
        }
        Edit::Dismiss { sentence } => {
            project.dismiss_candidate(format!("sentence {}", sentence % 3), now);
        }
        Edit::NewVersion {
            document,
            at: offset,
            removed,
            inserted,
        } => {
            let Some(id) = document_id(project, document) else {
                return;
            };
            let Some(old) = project.document(&id) else {
                return;
            };
            let text = edit_text(&old.text, offset, removed, inserted);
            let version = new_version(old, text, second);
            project.replace_document_text(&id, version, &stamp);
        }
        Edit::VerdictScale { preset } => {
            let presets = VerdictScale::presets();
            let scale = presets[usize::from(preset) % presets.len()].clone();
            project.set_verdict_scale(scale, now);
        }
        Edit::Settings { desk } => {
            let settings = Settings {
                desk: format!("desk {}", desk % 3),
                ..project.settings.clone()
            };
            project.set_settings(settings, now);
        }
    }
}

/// An anchor on `length` words of `text` from word `word` (modulo the words there).
fn words(text: &str, word: u16, length: u8) -> Option<TextAnchor> {
    let starts = word_starts(text);
    let first = usize::from(word) % starts.len().max(1);
    let start = *starts.get(first)?;
    let length = 1 + usize::from(length) % 4;
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
/// compare merges that differ only in which copy came first (as properties.rs does).
fn unordered(project: &Project) -> Value {
    let mut value = match serde_json::to_value(project) {
        Ok(value) => value,
        Err(err) => panic!("a project does not serialise: {err}"),
    };
    sort_by_text(&mut value["documents"]);
    if let Some(claims) = value["claims"].as_array_mut() {
        for claim in claims {
            for list in ["kinds", "evidence", "history"] {
                sort_by_text(&mut claim[list]);
            }
        }
    }
    sort_by_text(&mut value["claims"]);
    value
}

fn sort_by_text(list: &mut Value) {
    if let Some(list) = list.as_array_mut() {
        list.sort_by_cached_key(ToString::to_string);
    }
}

/// Second mode: three NUL-separated project files, merged whatever they are.
fn merge_texts(data: &[u8]) -> bool {
    let parts: Vec<&[u8]> = data.split(|&byte| byte == 0).collect();
    let [base, ours, theirs] = parts.as_slice() else {
        return false;
    };
    let load = |bytes: &[u8]| {
        std::str::from_utf8(bytes)
            .ok()
            .and_then(|text| Project::from_json(text).ok())
    };
    let (Some(base), Some(ours), Some(theirs)) = (load(base), load(ours), load(theirs)) else {
        return false;
    };
    let merged = merge(&base, &ours, &theirs);
    let _ = merged.project.to_json();
    let _ = merged.report;
    true
}

fn structured(data: &[u8]) {
    let Ok(edits) = Edits::arbitrary_take_rest(Unstructured::new(data)) else {
        return;
    };
    let base = edited(&SAMPLE_PROJECT, &edits.common, 10);
    let ours = edited(&base, &edits.ours, 1000);
    let theirs = edited(&base, &edits.theirs, 2000);

    for copy in [&ours, &theirs] {
        assert_eq!(
            &merge(&base, copy, copy).project,
            copy,
            "merging a copy with itself"
        );
        assert_eq!(
            &merge(&base, &base, copy).project,
            copy,
            "merge(base, base, copy)"
        );
        assert_eq!(
            &merge(&base, copy, &base).project,
            copy,
            "merge(base, copy, base)"
        );
    }

    let merged = merge(&base, &ours, &theirs).project;
    let json = merged.to_json();
    match Project::from_json(&json) {
        Ok(reloaded) => assert_eq!(reloaded, merged, "a merge changed on save and reload"),
        Err(err) => panic!("a merge saves to a file that does not load: {err}\n{json}"),
    }
    for claim in &merged.claims {
        for copy in [&ours, &theirs] {
            if let Some(before) = copy.claim(&claim.id) {
                for entry in &before.history {
                    assert!(
                        claim.history.contains(entry),
                        "the merge lost a history entry of claim {}: {entry:?}",
                        claim.id
                    );
                }
            }
        }
    }

    let other_way = merge(&base, &theirs, &ours).project;
    if merged.conflicts.is_empty() && other_way.conflicts.is_empty() {
        assert_eq!(
            unordered(&merged),
            unordered(&other_way),
            "a merge without conflicts depends on which copy is ours"
        );
    }
}

fuzz_target!(|data: &[u8]| {
    if !merge_texts(data) {
        structured(data);
    }
});
