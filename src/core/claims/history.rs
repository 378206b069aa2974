//! The record of a claim: who changed what, when, from what to what.
//!
//! Entries are only ever appended. A standards editor reading a claim months later must
//! be able to see every verdict it had and who gave it, so nothing here rewrites or
//! drops an entry.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// Who made a change and when: stamped on every history entry and evidence item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stamp {
    /// When the change was made.
    pub at: Timestamp,
    /// The checker's name, as set in preferences (empty when none was set).
    pub by: String,
}

impl Stamp {
    /// A stamp for `by` at `at`.
    pub fn new(at: Timestamp, by: impl Into<String>) -> Self {
        Self { at, by: by.into() }
    }
}

/// What part of a claim a history entry is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// The claim was made (from a selection or a candidate).
    Created,
    /// The workflow status.
    Status,
    /// The rating on the project's verdict scale.
    Rating,
    /// The written conclusion.
    Conclusion,
    /// The checkable statement in the desk's words.
    Wording,
    /// The checker's note.
    Note,
    /// An evidence item was added, changed or removed.
    Evidence,
    /// The claim's place in its document: re-anchored, orphaned or re-attached.
    Anchor,
    /// Another claim was merged into this one.
    Merged,
    /// This claim was split in two.
    Split,
}

impl Field {
    /// The name an editor reads.
    pub fn label(self) -> &'static str {
        match self {
            Self::Created => "Created",
            Self::Status => "Status",
            Self::Rating => "Verdict",
            Self::Conclusion => "Conclusion",
            Self::Wording => "Wording",
            Self::Note => "Note",
            Self::Evidence => "Evidence",
            Self::Anchor => "Place in text",
            Self::Merged => "Merged",
            Self::Split => "Split",
        }
    }
}

/// One change to a claim.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HistoryEntry {
    /// When the change was made.
    pub at: Timestamp,
    /// Who made it (empty when the checker had not set a name).
    pub by: String,
    /// What changed.
    pub field: Field,
    /// The value before, as the editor read it (empty when there was none).
    pub old: String,
    /// The value after.
    pub new: String,
}

impl HistoryEntry {
    /// An entry stamped with `stamp`.
    pub fn new(
        stamp: &Stamp,
        field: Field,
        old: impl Into<String>,
        new: impl Into<String>,
    ) -> Self {
        Self {
            at: stamp.at,
            by: stamp.by.clone(),
            field,
            old: old.into(),
            new: new.into(),
        }
    }
}
