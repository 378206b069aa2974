//! Bringing project files from older Factdesk versions up to date.
//!
//! Each step rewrites the parsed JSON of one format version into the next, so the
//! strict reader of the current version then reads it as if it had been written today.
//! A migrated project is only written back when the editor saves it.

use serde_json::{Map, Value, json};

use super::Settings;
use crate::core::claims::{Status, VerdictScale};

/// Rewrites the JSON of a version-`version` project file (1 to 4) as the current
/// version, one step at a time. Version 5 only added optional metadata (a document's
/// publication, page dates, cut-off flag and import notices), which a version-4 file
/// reads as unknown: it needs no step of its own.
pub(super) fn to_current(value: &mut Value, version: u64) {
    if version <= 2 {
        version_2_to_3(value);
    }
    if version <= 3 {
        version_3_to_4(value);
    }
}

/// Version 4 added the desk's settings and the conflicts a merge leaves; an older file
/// has neither.
fn version_3_to_4(value: &mut Value) {
    let Some(project) = value.as_object_mut() else {
        return;
    };
    if let Ok(settings) = serde_json::to_value(Settings::default()) {
        project.entry("settings").or_insert(settings);
    }
    project.entry("conflicts").or_insert_with(|| json!([]));
}

/// Rewrites the JSON of a version-1 or version-2 project file as version 3.
///
/// Version 1 differs from version 2 only in what documents may leave out, which the
/// reader fills in, so both take the same step to version 3: the verdict leaves the
/// status (a "verified" claim becomes "checked" with the rating "Correct"), claims gain
/// wording, conclusion, evidence and a who-did-what history, and the project gains a
/// verdict scale (the desk scale, whose ratings the old statuses map to).
fn version_2_to_3(value: &mut Value) {
    let Some(project) = value.as_object_mut() else {
        return;
    };
    if let Some(claims) = project.get_mut("claims").and_then(Value::as_array_mut) {
        for claim in claims.iter_mut().filter_map(Value::as_object_mut) {
            claim_from_version_2(claim);
        }
    }
    if let Ok(scale) = serde_json::to_value(VerdictScale::desk()) {
        project.entry("verdict_scale").or_insert(scale);
    }
    project
        .entry("dismissed_candidates")
        .or_insert_with(|| json!([]));
}

/// What a version-2 status meant, as a version-3 status and rating.
fn status_from_version_2(status: &str) -> Option<(Status, Option<&'static str>)> {
    Some(match status {
        "unchecked" => (Status::Unchecked, None),
        "in_progress" => (Status::InProgress, None),
        "verified" => (Status::Checked, Some("Correct")),
        "needs_correction" => (Status::NeedsCorrection, None),
        "false" => (Status::Checked, Some("Incorrect")),
        "unverifiable" => (Status::Checked, Some("Unverifiable")),
        _ => return None,
    })
}

fn status_key(status: Status) -> Value {
    serde_json::to_value(status).unwrap_or(Value::Null)
}

/// Rewrites one claim. Values this step does not recognise are left alone, for the
/// reader to report.
fn claim_from_version_2(claim: &mut Map<String, Value>) {
    let old_status = claim
        .get("status")
        .and_then(Value::as_str)
        .and_then(status_from_version_2);
    if let Some((status, rating)) = old_status {
        claim.insert("status".to_owned(), status_key(status));
        claim.insert("rating".to_owned(), json!(rating));
    }
    if let Some(history) = claim.get_mut("history").and_then(Value::as_array_mut) {
        *history = history.iter().flat_map(history_from_version_2).collect();
    }
    for (field, empty) in [
        ("orphaned", json!(false)),
        ("wording", json!("")),
        ("kinds", json!([])),
        ("conclusion", json!("")),
        ("evidence", json!([])),
        ("created_by", json!("")),
    ] {
        claim.entry(field).or_insert(empty);
    }
}

/// A version-2 status change `{at, from, to}` as version-3 entries: one for the status
/// and one for the rating, whichever changed. Entries it does not recognise pass through.
fn history_from_version_2(change: &Value) -> Vec<Value> {
    let status = |key| {
        change
            .get(key)
            .and_then(Value::as_str)
            .and_then(status_from_version_2)
    };
    let (Some(at), Some((old_status, old_rating)), Some((new_status, new_rating))) =
        (change.get("at"), status("from"), status("to"))
    else {
        return vec![change.clone()];
    };
    let mut entries = Vec::new();
    if old_status != new_status {
        entries.push(json!({
            "at": at, "by": "", "field": "status",
            "old": old_status.label(), "new": new_status.label(),
        }));
    }
    if old_rating != new_rating {
        entries.push(json!({
            "at": at, "by": "", "field": "rating",
            "old": old_rating.unwrap_or_default(), "new": new_rating.unwrap_or_default(),
        }));
    }
    entries
}
