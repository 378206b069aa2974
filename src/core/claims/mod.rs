//! Claims: the check-worthy statements of the copy, each tracked through verification.
//!
//! A claim holds three separate things an editor must not confuse: where its words are
//! in the copy (the anchor), where the work stands (the status) and what the work found
//! (the verdict: a rating on the project's scale and a written conclusion). Every change
//! to any of them is appended to the claim's history with who made it.

pub mod candidates;
pub mod evidence;
pub mod filter;
pub mod history;
pub mod sentences;
pub mod verdict;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

pub use evidence::{Evidence, Locator, Stance, independent_support};
pub use history::{Field, HistoryEntry, Stamp};
pub use verdict::{Rating, VerdictScale};

use super::anchor::TextAnchor;
use super::article::DocumentId;
use candidates::CandidateKind;
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

/// Where the work on a claim stands. What the work found is the verdict, kept apart.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Nobody has looked at it yet.
    #[default]
    Unchecked,
    /// Someone is checking it.
    InProgress,
    /// The check is done; the verdict says what it found.
    Checked,
    /// Checked and found wanting: the copy must change before it runs.
    NeedsCorrection,
    /// Passed up to the standards editor or the lawyers.
    Escalated,
}

impl Status {
    /// Every status, in workflow order (the order pickers, summaries and the `s` key
    /// go through them).
    pub const ALL: [Self; 5] = [
        Self::Unchecked,
        Self::InProgress,
        Self::Checked,
        Self::NeedsCorrection,
        Self::Escalated,
    ];

    /// The name an editor reads.
    pub fn label(self) -> &'static str {
        match self {
            Self::Unchecked => "Unchecked",
            Self::InProgress => "In progress",
            Self::Checked => "Checked",
            Self::NeedsCorrection => "Needs correction",
            Self::Escalated => "Escalated",
        }
    }

    /// The status after this one in workflow order, wrapping round.
    #[must_use]
    pub fn next(self) -> Self {
        let index = Self::ALL.iter().position(|s| *s == self).unwrap_or(0);
        Self::ALL[(index + 1) % Self::ALL.len()]
    }

    /// Whether the checker is done with the claim ("23 of 41 checked").
    pub fn is_done(self) -> bool {
        matches!(self, Self::Checked | Self::NeedsCorrection)
    }
}

/// A check-worthy passage of one document and what the desk found about it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    /// Stable identifier.
    pub id: ClaimId,
    /// The document the claim's words are in.
    pub document: DocumentId,
    /// Where in the document the claim's words are (where they last were, when
    /// orphaned).
    pub anchor: TextAnchor,
    /// Whether the claim's words could not be found after the document's text was
    /// replaced. An orphaned claim keeps everything else and waits to be re-attached.
    pub orphaned: bool,
    /// The checkable statement in the desk's words ("Around 60,000 people fled Maarat
    /// al-Numan in four days"); empty when the quoted words say it well enough.
    pub wording: String,
    /// What kind of claim it is (a figure, a quote…), as candidate detection found;
    /// empty for claims made by hand from a selection.
    pub kinds: Vec<CandidateKind>,
    /// Where the work stands.
    pub status: Status,
    /// The verdict: a rating label from the project's scale, once given.
    pub rating: Option<String>,
    /// The written conclusion (the verdict itself on a conclusion-only scale).
    pub conclusion: String,
    /// The checker's note: sources called, what they said, what is still open.
    pub note: String,
    /// What was found for or against the claim.
    pub evidence: Vec<Evidence>,
    /// When the claim was made.
    pub created: Timestamp,
    /// Who made it.
    pub created_by: String,
    /// When the claim last changed.
    pub modified: Timestamp,
    /// Every change, oldest first; only ever appended to.
    pub history: Vec<HistoryEntry>,
}

impl Claim {
    /// A new, unchecked claim on the anchored passage of `document`.
    pub fn new(document: DocumentId, anchor: TextAnchor, stamp: &Stamp) -> Self {
        let history = vec![HistoryEntry::new(stamp, Field::Created, "", &anchor.exact)];
        Self {
            id: ClaimId::new_random(),
            document,
            anchor,
            orphaned: false,
            wording: String::new(),
            kinds: Vec::new(),
            status: Status::Unchecked,
            rating: None,
            conclusion: String::new(),
            note: String::new(),
            evidence: Vec::new(),
            created: stamp.at,
            created_by: stamp.by.clone(),
            modified: stamp.at,
            history,
        }
    }

    /// The statement to check: the desk's wording, or the quoted words.
    pub fn statement(&self) -> &str {
        if self.wording.trim().is_empty() {
            &self.anchor.exact
        } else {
            &self.wording
        }
    }

    /// Appends a history entry and marks the claim modified.
    fn record(&mut self, stamp: &Stamp, field: Field, old: String, new: String) {
        self.history.push(HistoryEntry::new(stamp, field, old, new));
        self.modified = stamp.at;
    }

    /// Moves the claim to `status`. Returns false (recording nothing) when unchanged.
    pub fn set_status(&mut self, status: Status, stamp: &Stamp) -> bool {
        if self.status == status {
            return false;
        }
        let old = std::mem::replace(&mut self.status, status);
        self.record(
            stamp,
            Field::Status,
            old.label().to_owned(),
            status.label().to_owned(),
        );
        true
    }

    /// Gives (or with `None` takes back) the claim's rating. Returns false when unchanged.
    pub fn set_rating(&mut self, rating: Option<String>, stamp: &Stamp) -> bool {
        if self.rating == rating {
            return false;
        }
        let new = rating.clone().unwrap_or_default();
        let old = std::mem::replace(&mut self.rating, rating).unwrap_or_default();
        self.record(stamp, Field::Rating, old, new);
        true
    }

    /// Replaces one of the claim's texts (wording, conclusion or note). Returns false
    /// when unchanged.
    pub fn set_text(&mut self, field: TextField, text: String, stamp: &Stamp) -> bool {
        let slot = match field {
            TextField::Wording => &mut self.wording,
            TextField::Conclusion => &mut self.conclusion,
            TextField::Note => &mut self.note,
        };
        if *slot == text {
            return false;
        }
        let old = std::mem::replace(slot, text.clone());
        self.record(stamp, field.history_field(), old, text);
        true
    }

    /// Adds a piece of evidence at the end of the list.
    pub fn add_evidence(&mut self, evidence: Evidence, stamp: &Stamp) {
        let summary = evidence.summary();
        self.evidence.push(evidence);
        self.record(stamp, Field::Evidence, String::new(), summary);
    }

    /// Replaces the piece of evidence at `index`. Returns false when there is none there
    /// or it is unchanged.
    pub fn replace_evidence(&mut self, index: usize, evidence: Evidence, stamp: &Stamp) -> bool {
        let Some(slot) = self.evidence.get_mut(index) else {
            return false;
        };
        if *slot == evidence {
            return false;
        }
        let new = evidence.summary();
        let old = std::mem::replace(slot, evidence).summary();
        self.record(stamp, Field::Evidence, old, new);
        true
    }

    /// Removes the piece of evidence at `index` and returns it.
    pub fn remove_evidence(&mut self, index: usize, stamp: &Stamp) -> Option<Evidence> {
        if index >= self.evidence.len() {
            return None;
        }
        let removed = self.evidence.remove(index);
        self.record(stamp, Field::Evidence, removed.summary(), String::new());
        Some(removed)
    }

    /// How many independent origins support the claim.
    pub fn independent_support(&self) -> usize {
        independent_support(&self.evidence)
    }

    /// Whether the claim is rated as right on fewer than two independent pieces of
    /// supporting evidence (AFP's two-source practice).
    pub fn lacks_second_source(&self, scale: &VerdictScale) -> bool {
        let confirmed = self
            .rating
            .as_deref()
            .and_then(|label| scale.rating(label))
            .is_some_and(|rating| rating.confirms);
        confirmed && self.independent_support() < 2
    }

    /// Puts the claim at a new place in its document (after the text was replaced, or
    /// when an orphan is re-attached), saying how in the history.
    pub fn place(&mut self, anchor: TextAnchor, how: &str, stamp: &Stamp) {
        let old = describe_place(&self.anchor, self.orphaned);
        self.anchor = anchor;
        self.orphaned = false;
        let new = format!("{} ({how})", describe_place(&self.anchor, false));
        self.record(stamp, Field::Anchor, old, new);
    }

    /// Marks the claim orphaned: its words are no longer in the document.
    pub fn orphan(&mut self, stamp: &Stamp) {
        if self.orphaned {
            return;
        }
        let old = describe_place(&self.anchor, false);
        self.orphaned = true;
        self.record(
            stamp,
            Field::Anchor,
            old,
            "Orphaned: the words are gone".to_owned(),
        );
    }
}

impl Claim {
    /// Takes in a neighbouring claim being merged into this one (see
    /// `Project::merge_claims`): the span covering both, both texts and all the
    /// evidence. `agree` says whether the two had the same status and rating.
    pub(crate) fn absorb(&mut self, other: Self, anchor: TextAnchor, agree: bool, stamp: &Stamp) {
        let old = format!("“{}” and “{}”", self.anchor.exact, other.anchor.exact);
        self.anchor = anchor;
        for (mine, theirs) in [
            (&mut self.wording, other.wording),
            (&mut self.conclusion, other.conclusion),
            (&mut self.note, other.note),
        ] {
            *mine = [mine.trim(), theirs.trim()]
                .into_iter()
                .filter(|text| !text.is_empty())
                .collect::<Vec<_>>()
                .join("\n\n");
        }
        self.evidence.extend(other.evidence);
        let new = format!("“{}”", self.anchor.exact);
        self.record(stamp, Field::Merged, old, new);
        self.history.extend(other.history);
        if !agree {
            self.set_status(Status::InProgress, stamp);
            self.set_rating(None, stamp);
        }
        self.modified = stamp.at;
    }

    /// Narrows the claim to one side of a split (see `Project::split_claim`).
    pub(crate) fn split_off(&mut self, anchor: TextAnchor, stamp: &Stamp) {
        let old = format!("“{}”", self.anchor.exact);
        self.anchor = anchor;
        let new = format!("“{}”", self.anchor.exact);
        self.record(stamp, Field::Split, old, new);
    }
}

/// A claim's place, for its history: the quote and its offsets.
fn describe_place(anchor: &TextAnchor, orphaned: bool) -> String {
    if orphaned {
        return format!("Orphaned (last seen as “{}”)", anchor.exact);
    }
    format!("“{}” at {}–{}", anchor.exact, anchor.start, anchor.end)
}

/// The free-text fields of a claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TextField {
    /// The checkable statement.
    Wording,
    /// The written conclusion.
    Conclusion,
    /// The checker's note.
    Note,
}

impl TextField {
    /// The history field that records changes to this text.
    pub fn history_field(self) -> Field {
        match self {
            Self::Wording => Field::Wording,
            Self::Conclusion => Field::Conclusion,
            Self::Note => Field::Note,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(second: i64) -> Stamp {
        Stamp::new(Timestamp::from_second(second).unwrap(), "Dana")
    }

    fn claim() -> Claim {
        let anchor = TextAnchor::from_selection("around 60,000 people", 7..13).unwrap();
        Claim::new(DocumentId("doc-1".to_owned()), anchor, &at(0))
    }

    #[test]
    fn every_change_is_recorded_once_with_who_made_it() {
        let mut claim = claim();
        assert!(claim.set_status(Status::InProgress, &at(60)));
        assert!(!claim.set_status(Status::InProgress, &at(61)));
        assert!(claim.set_rating(Some("Correct".to_owned()), &at(62)));
        assert!(!claim.set_rating(Some("Correct".to_owned()), &at(63)));
        assert!(claim.set_text(TextField::Note, "Called UNHCR".to_owned(), &at(64)));
        assert!(!claim.set_text(TextField::Note, "Called UNHCR".to_owned(), &at(65)));
        let steps: Vec<_> = claim
            .history
            .iter()
            .map(|e| (e.field, e.old.as_str(), e.new.as_str(), e.by.as_str()))
            .collect();
        assert_eq!(
            steps,
            [
                (Field::Created, "", "60,000", "Dana"),
                (Field::Status, "Unchecked", "In progress", "Dana"),
                (Field::Rating, "", "Correct", "Dana"),
                (Field::Note, "", "Called UNHCR", "Dana"),
            ]
        );
        assert_eq!(claim.modified, at(64).at);
    }

    #[test]
    fn the_statement_is_the_wording_or_else_the_quote() {
        let mut claim = claim();
        assert_eq!(claim.statement(), "60,000");
        claim.set_text(
            TextField::Wording,
            "60,000 fled in four days".to_owned(),
            &at(1),
        );
        assert_eq!(claim.statement(), "60,000 fled in four days");
    }

    #[test]
    fn a_correct_rating_wants_two_independent_sources() {
        let scale = VerdictScale::desk();
        let mut claim = claim();
        claim.set_rating(Some("Correct".to_owned()), &at(1));
        assert!(claim.lacks_second_source(&scale));
        for (url, publisher) in [
            ("https://unhcr.org/x", "UNHCR"),
            ("https://sohr.org/y", "SOHR"),
        ] {
            let evidence = Evidence {
                locator: Locator::Url(url.to_owned()),
                title: String::new(),
                publisher: publisher.to_owned(),
                passage: String::new(),
                stance: Stance::Supports,
                accessed: None,
                sha256: None,
                added: at(2).at,
                added_by: "Dana".to_owned(),
            };
            claim.add_evidence(evidence, &at(2));
        }
        assert!(!claim.lacks_second_source(&scale));
        assert_eq!(claim.remove_evidence(1, &at(3)).unwrap().publisher, "SOHR");
        assert!(claim.lacks_second_source(&scale));
        claim.set_rating(Some("Incorrect".to_owned()), &at(4));
        assert!(!claim.lacks_second_source(&scale));
    }

    #[test]
    fn status_cycles_through_the_workflow() {
        let mut status = Status::Unchecked;
        let mut seen = Vec::new();
        for _ in 0..Status::ALL.len() {
            seen.push(status);
            status = status.next();
        }
        assert_eq!(seen, Status::ALL);
        assert_eq!(status, Status::Unchecked);
    }
}
