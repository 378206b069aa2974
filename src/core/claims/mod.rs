//! Claims: the check-worthy statements of the copy, each tracked through verification.

pub mod candidates;
pub mod sentences;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::anchor::TextAnchor;
use super::article::DocumentId;

/// Stable identifier of a claim within a project.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ClaimId(pub String);

impl ClaimId {
    /// A fresh random identifier, so that claims added by two editors to copies of the
    /// same project never collide when the copies are merged.
    pub fn new_random() -> Self {
        Self(format!("claim-{}", uuid::Uuid::new_v4().simple()))
    }
}

impl std::fmt::Display for ClaimId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Where a claim stands in verification.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Nobody has looked at it yet.
    #[default]
    Unchecked,
    /// Someone is checking it.
    InProgress,
    /// Confirmed by the evidence.
    Verified,
    /// Partly wrong: the copy must change before it runs.
    NeedsCorrection,
    /// Wrong.
    False,
    /// Cannot be confirmed or refuted with what the desk can reach.
    Unverifiable,
}

impl Status {
    /// Every status, in workflow order (the order pickers and summaries list them).
    pub const ALL: [Self; 6] = [
        Self::Unchecked,
        Self::InProgress,
        Self::Verified,
        Self::NeedsCorrection,
        Self::False,
        Self::Unverifiable,
    ];

    /// The name an editor reads.
    pub fn label(self) -> &'static str {
        match self {
            Self::Unchecked => "Unchecked",
            Self::InProgress => "In progress",
            Self::Verified => "Verified",
            Self::NeedsCorrection => "Needs correction",
            Self::False => "False",
            Self::Unverifiable => "Unverifiable",
        }
    }
}

/// One change of a claim's status, kept so the record shows when each verdict was
/// reached and that none was changed silently afterwards.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusChange {
    /// When the status changed.
    pub at: Timestamp,
    /// The status before.
    pub from: Status,
    /// The status after.
    pub to: Status,
}

/// A check-worthy passage of one document and what the desk found about it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    /// Stable identifier.
    pub id: ClaimId,
    /// The document the claim's words are in.
    pub document: DocumentId,
    /// Where in the document the claim's words are.
    pub anchor: TextAnchor,
    /// Where verification stands.
    pub status: Status,
    /// The checker's note: sources called, what they said, what is still open.
    pub note: String,
    /// When the claim was made.
    pub created: Timestamp,
    /// When the claim's status or note last changed.
    pub modified: Timestamp,
    /// Every status change, oldest first.
    pub history: Vec<StatusChange>,
}

impl Claim {
    /// A new, unchecked claim on the anchored passage of `document`.
    pub fn new(document: DocumentId, anchor: TextAnchor, now: Timestamp) -> Self {
        Self {
            id: ClaimId::new_random(),
            document,
            anchor,
            status: Status::Unchecked,
            note: String::new(),
            created: now,
            modified: now,
            history: Vec::new(),
        }
    }

    /// Moves the claim to `status`, recording the change in its history.
    /// Returns false (and records nothing) when the claim already has that status.
    pub fn set_status(&mut self, status: Status, now: Timestamp) -> bool {
        if self.status == status {
            return false;
        }
        self.history.push(StatusChange {
            at: now,
            from: self.status,
            to: status,
        });
        self.status = status;
        self.modified = now;
        true
    }

    /// Replaces the note. Returns false when the note is unchanged.
    pub fn set_note(&mut self, note: String, now: Timestamp) -> bool {
        if self.note == note {
            return false;
        }
        self.note = note;
        self.modified = now;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim() -> Claim {
        let anchor = TextAnchor::from_selection("around 60,000 people", 7..13).unwrap();
        Claim::new(
            DocumentId("doc-1".to_owned()),
            anchor,
            Timestamp::UNIX_EPOCH,
        )
    }

    #[test]
    fn status_changes_are_recorded_once() {
        let mut claim = claim();
        let later = Timestamp::from_second(60).unwrap();
        assert!(claim.set_status(Status::InProgress, later));
        assert!(!claim.set_status(Status::InProgress, later));
        assert!(claim.set_status(Status::Verified, later));
        let steps: Vec<_> = claim.history.iter().map(|c| (c.from, c.to)).collect();
        assert_eq!(
            steps,
            [
                (Status::Unchecked, Status::InProgress),
                (Status::InProgress, Status::Verified)
            ]
        );
        assert_eq!(claim.modified, later);
    }

    #[test]
    fn unchanged_note_does_not_touch_the_claim() {
        let mut claim = claim();
        let later = Timestamp::from_second(60).unwrap();
        assert!(!claim.set_note(String::new(), later));
        assert_eq!(claim.modified, Timestamp::UNIX_EPOCH);
        assert!(claim.set_note("Called UNHCR".to_owned(), later));
        assert_eq!(claim.modified, later);
    }
}
