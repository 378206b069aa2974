//! Properties of the merge on random edits of a small project, made through the same
//! edit methods the workbench uses.

use proptest::prelude::*;
use serde_json::Value;

use super::merge;
use crate::core::project::Project;
use crate::core::test_projects::{base, edited, edits};

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
