use serde_json::json;

use super::{Merged, merge};
use crate::core::anchor::TextAnchor;
use crate::core::claims::{Field, Status, TextField};
use crate::core::project::{Conflict, ConflictField, Project, Subject};
use crate::core::test_projects::{
    at, base, chars_of, claim_id, claim_on, evidence, new_version, stamp,
};

/// Merges and checks that the result is a valid project that saves and reads back
/// unchanged.
fn merged(base: &Project, ours: &Project, theirs: &Project) -> Merged {
    let merged = merge(base, ours, theirs);
    let reloaded = Project::from_json(&merged.project.to_json()).unwrap();
    assert_eq!(reloaded, merged.project);
    merged
}

#[test]
fn a_field_only_one_copy_changed_is_taken_from_it() {
    let base = base();
    let id = claim_id(&base, 0);
    let mut ours = base.clone();
    ours.set_claim_status(&id, Status::Checked, &stamp(10));
    let mut theirs = base.clone();
    theirs.set_claim_rating(&id, Some("Correct".to_owned()), &stamp(11));
    let Merged { project, report } = merged(&base, &ours, &theirs);
    let claim = project.claim(&id).unwrap();
    assert_eq!(claim.status, Status::Checked);
    assert_eq!(claim.rating.as_deref(), Some("Correct"));
    assert_eq!(claim.modified, at(11));
    let fields: Vec<Field> = claim.history.iter().map(|entry| entry.field).collect();
    assert_eq!(fields, [Field::Created, Field::Status, Field::Rating]);
    assert!(project.conflicts.is_empty());
    assert_eq!(project.modified, at(11));
    assert_eq!(report.summary(), "merged: 1 claim changed");
}

#[test]
fn the_same_change_on_both_sides_is_taken_once() {
    let base = base();
    let id = claim_id(&base, 0);
    let mut ours = base.clone();
    ours.set_claim_status(&id, Status::Checked, &stamp(10));
    let theirs = ours.clone();
    let Merged { project, .. } = merged(&base, &ours, &theirs);
    assert_eq!(project, ours);
}

#[test]
fn different_verdicts_keep_ours_and_record_theirs() {
    let base = base();
    let id = claim_id(&base, 0);
    let mut ours = base.clone();
    ours.set_claim_rating(&id, Some("Correct".to_owned()), &stamp(10));
    let mut theirs = base.clone();
    theirs.set_claim_rating(&id, Some("Misleading".to_owned()), &stamp(12));
    let Merged { project, report } = merged(&base, &ours, &theirs);
    assert_eq!(
        project.claim(&id).unwrap().rating.as_deref(),
        Some("Correct")
    );
    assert_eq!(
        project.conflicts,
        [Conflict {
            subject: Subject::Claim(id.clone()),
            field: ConflictField::Rating,
            ours: json!("Correct"),
            theirs: json!("Misleading"),
        }]
    );
    // Both verdicts are in the history, whoever wins.
    assert_eq!(project.claim(&id).unwrap().history.len(), 3);
    assert_eq!(
        report.summary(),
        "merged: 1 claim changed; 1 conflict (verdict of claim “60,000 people”)"
    );
}

#[test]
fn claims_added_on_both_sides_are_all_kept_in_reading_order() {
    let base = base();
    let mut ours = base.clone();
    ours.add_claim(claim_on(&base, "18 dead", 10), at(10));
    let mut theirs = base.clone();
    theirs.add_claim(claim_on(&base, "four days", 11), at(11));
    let Merged { project, report } = merged(&base, &ours, &theirs);
    let quotes: Vec<&str> = project
        .claims
        .iter()
        .map(|c| c.anchor.exact.as_str())
        .collect();
    assert_eq!(quotes, ["60,000 people", "four days", "400,000", "18 dead"]);
    assert_eq!(report.claims_theirs.added, 1);
    assert_eq!(report.claims_ours.added, 1);
}

#[test]
fn a_removal_wins_over_no_change_but_not_over_an_edit() {
    let base = base();
    let (first, second) = (claim_id(&base, 0), claim_id(&base, 1));
    let mut ours = base.clone();
    ours.remove_claim(&first, at(10));
    ours.remove_claim(&second, at(10));
    let mut theirs = base.clone();
    theirs.set_claim_text(
        &second,
        TextField::Note,
        "Called UNHCR".to_owned(),
        &stamp(11),
    );
    let Merged { project, report } = merged(&base, &ours, &theirs);
    assert!(project.claim(&first).is_none());
    assert_eq!(project.claim(&second).unwrap().note, "Called UNHCR");
    assert_eq!(report.kept_over_removal, 1);
}

#[test]
fn a_document_removed_on_one_side_stays_when_the_other_added_a_claim_to_it() {
    let base = base();
    let document_id = base.documents[0].id.clone();
    let mut ours = base.clone();
    ours.remove_document(&document_id, at(10));
    let mut theirs = base.clone();
    let added = theirs
        .add_claim(claim_on(&base, "18 dead", 11), at(11))
        .unwrap();
    let Merged { project, report } = merged(&base, &ours, &theirs);
    assert_eq!(project.documents.len(), 1);
    assert_eq!(project.claims.len(), 3, "its claims stay with it");
    assert!(project.claim(&added).is_some());
    assert_eq!(report.kept_over_removal, 3);

    let untouched = base.clone();
    let Merged { project, .. } = merged(&base, &ours, &untouched);
    assert!(project.documents.is_empty() && project.claims.is_empty());
}

#[test]
fn evidence_is_merged_as_a_set_in_ours_order_then_theirs() {
    let mut base = base();
    let id = claim_id(&base, 0);
    base.add_evidence(&id, evidence("https://unhcr.org", 5), &stamp(5));
    let mut ours = base.clone();
    ours.add_evidence(&id, evidence("https://ocha.org", 10), &stamp(10));
    let mut theirs = base.clone();
    theirs.remove_evidence(&id, 0, &stamp(11));
    theirs.add_evidence(&id, evidence("https://afp.com", 12), &stamp(12));
    let Merged { project, .. } = merged(&base, &ours, &theirs);
    let urls: Vec<&str> = project
        .claim(&id)
        .unwrap()
        .evidence
        .iter()
        .map(|e| e.locator.location())
        .collect();
    assert_eq!(urls, ["https://ocha.org", "https://afp.com"]);
    let history = &project.claim(&id).unwrap().history;
    let times: Vec<i64> = history.iter().map(|e| e.at.as_second()).collect();
    assert_eq!(times, [2, 5, 10, 11, 12], "every entry once, oldest first");
}

#[test]
fn kinds_are_a_union() {
    use crate::core::claims::candidates::CandidateKind;
    let base = base();
    let mut ours = base.clone();
    ours.claims[0].kinds = vec![CandidateKind::Figure];
    let mut theirs = base.clone();
    theirs.claims[0].kinds = vec![CandidateKind::Date, CandidateKind::Figure];
    let Merged { project, .. } = merged(&base, &ours, &theirs);
    assert_eq!(
        project.claims[0].kinds,
        [CandidateKind::Figure, CandidateKind::Date]
    );
}

#[test]
fn project_fields_merge_and_conflict_like_claim_fields() {
    let base = base();
    let mut ours = base.clone();
    ours.set_title("Idlib, day 4".to_owned(), at(10));
    ours.dismiss_candidate("b".to_owned(), at(10));
    let mut theirs = base.clone();
    theirs.set_title("Idlib offensive".to_owned(), at(11));
    theirs.dismiss_candidate("a".to_owned(), at(11));
    let Merged { project, report } = merged(&base, &ours, &theirs);
    assert_eq!(project.title, "Idlib, day 4");
    assert_eq!(project.dismissed_candidates, ["a", "b"]);
    assert_eq!(project.conflicts[0].subject, Subject::Project);
    assert_eq!(project.conflicts[0].theirs, json!("Idlib offensive"));
    assert!(
        report
            .summary()
            .ends_with("1 conflict (title of the project)"),
        "{}",
        report.summary()
    );
}

#[test]
fn a_conflict_settled_in_one_copy_stays_settled() {
    let mut base = base();
    let id = claim_id(&base, 0);
    base.conflicts.push(Conflict {
        subject: Subject::Claim(id.clone()),
        field: ConflictField::Note,
        ours: json!(""),
        theirs: json!("Called UNHCR"),
    });
    let mut ours = base.clone();
    ours.resolve_conflict(0, crate::core::project::Choice::Ours, &stamp(10))
        .unwrap();
    let mut theirs = base.clone();
    theirs.set_claim_status(&id, Status::InProgress, &stamp(11));
    let Merged { project, .. } = merged(&base, &ours, &theirs);
    assert!(project.conflicts.is_empty());
}

#[test]
fn two_new_versions_of_a_text_keep_ours_and_record_theirs_whole() {
    let base = base();
    let document_id = base.documents[0].id.clone();
    let mut ours = base.clone();
    let ours_text = format!("UPDATED: {}", base.documents[0].text);
    ours.replace_document_text(&document_id, new_version(&base, &ours_text, 10), &stamp(10));
    ours.rename_document(&document_id, "Reuters, 14:02".to_owned(), at(10));
    let mut theirs = base.clone();
    let theirs_text = base.documents[0].text.replace("60,000", "70,000");
    theirs.replace_document_text(
        &document_id,
        new_version(&base, &theirs_text, 11),
        &stamp(11),
    );
    let Merged { project, report } = merged(&base, &ours, &theirs);
    let document = &project.documents[0];
    assert_eq!(document.text, ours_text);
    assert_eq!(document.label, "Reuters, 14:02");
    assert_eq!(project.conflicts.len(), 1);
    let conflict = &project.conflicts[0];
    assert_eq!(conflict.field, ConflictField::Version);
    assert_eq!(conflict.theirs["text"], json!(theirs_text));
    assert_eq!(conflict.theirs["label"], json!("Reuters wire"));
    // Every claim sits on the text that was kept.
    for claim in &project.claims {
        assert!(claim.orphaned || claim.anchor.matches(&document.text));
    }
    assert_eq!(report.conflicts, ["text of document “Reuters, 14:02”"]);
}

#[test]
fn a_claim_placed_in_a_text_the_merge_did_not_keep_is_found_again_or_orphaned() {
    let base = base();
    let document_id = base.documents[0].id.clone();
    let mut ours = base.clone();
    let ours_text = format!("UPDATED: {}", base.documents[0].text);
    ours.replace_document_text(&document_id, new_version(&base, &ours_text, 10), &stamp(10));
    let mut theirs = base.clone();
    let theirs_text = base.documents[0].text.replace(
        "Rescuers reported 18 dead in Saraqeb on Tuesday.",
        "Turkey kept its border crossing at Bab al-Hawa shut.",
    );
    theirs.replace_document_text(
        &document_id,
        new_version(&base, &theirs_text, 11),
        &stamp(11),
    );
    let found = theirs
        .add_claim(claim_on(&theirs, "four days", 12), at(12))
        .unwrap();
    let lost = theirs
        .add_claim(claim_on(&theirs, "Bab al-Hawa", 12), at(12))
        .unwrap();
    let Merged { project, report } = merged(&base, &ours, &theirs);
    let text = &project.documents[0].text;
    let found = project.claim(&found).unwrap();
    assert!(!found.orphaned);
    assert_eq!(found.anchor.char_range(), chars_of(text, "four days"));
    assert!(project.claim(&lost).unwrap().orphaned);
    assert_eq!((report.reanchored, report.orphaned), (1, 1));
    let conflicts: Vec<ConflictField> = project.conflicts.iter().map(|c| c.field).collect();
    assert_eq!(
        conflicts,
        [ConflictField::Version],
        "the place follows the text"
    );
}

#[test]
fn theirs_new_version_is_taken_when_ours_kept_the_old_one() {
    let base = base();
    let document_id = base.documents[0].id.clone();
    let id = claim_id(&base, 1);
    let mut ours = base.clone();
    let anchor = TextAnchor::from_selection(
        &base.documents[0].text,
        chars_of(&base.documents[0].text, "The UN said 400,000"),
    )
    .unwrap();
    ours.reattach_claim(&id, anchor, &stamp(10)).unwrap();
    let mut theirs = base.clone();
    let theirs_text = format!("UPDATED: {}", base.documents[0].text);
    theirs.replace_document_text(
        &document_id,
        new_version(&base, &theirs_text, 11),
        &stamp(11),
    );
    let Merged { project, .. } = merged(&base, &ours, &theirs);
    assert_eq!(project.documents[0].text, theirs_text);
    let claim = project.claim(&id).unwrap();
    assert!(claim.anchor.matches(&theirs_text));
    assert!(project.conflicts.is_empty(), "{:?}", project.conflicts);
}

#[test]
fn the_summary_counts_what_the_other_copy_brought() {
    use super::{MergeReport, SideCounts};
    let report = MergeReport {
        claims_theirs: SideCounts {
            added: 2,
            removed: 0,
            changed: 1,
        },
        documents_theirs: SideCounts {
            added: 1,
            ..SideCounts::default()
        },
        orphaned: 1,
        conflicts: vec![
            "verdict of claim “60,000 people”".to_owned(),
            "title of the project".to_owned(),
        ],
        ..MergeReport::default()
    };
    assert_eq!(
        report.summary(),
        "merged: 2 claims added, 1 changed; 1 document added; 1 claim orphaned; \
         2 conflicts (verdict of claim “60,000 people”, title of the project)"
    );
    assert_eq!(
        MergeReport::default().summary(),
        "merged: nothing new from the other copy"
    );
}
