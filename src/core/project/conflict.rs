//! Edits two colleagues made to the same field of the same project, which a merge
//! cannot settle on its own.
//!
//! A merged project keeps this side's value in place and records the other side's in a
//! [`Conflict`], so nothing either editor did is lost. The workbench lists the conflicts
//! and asks the editor to pick; until then the file stays valid and usable.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::Project;
use crate::core::anchor::TextAnchor;
use crate::core::article::{Document, DocumentId, Source};
use crate::core::claims::{ClaimId, Stamp, Status, TextField};

/// What a conflict is about: a claim, a document, or the project itself.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Subject {
    /// The project's title, verdict scale or settings.
    Project,
    /// One document.
    Document(DocumentId),
    /// One claim.
    Claim(ClaimId),
}

/// Which field both sides changed, named as in the project file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConflictField {
    /// The project's title.
    Title,
    /// The project's verdict scale.
    VerdictScale,
    /// The project's settings.
    Settings,
    /// A document's label.
    Label,
    /// Who a document is credited to.
    Source,
    /// A document's text, with the segments and metadata that came with it: both sides
    /// imported a different new version.
    Version,
    /// A claim's workflow status.
    Status,
    /// A claim's verdict.
    Rating,
    /// A claim's wording.
    Wording,
    /// A claim's written conclusion.
    Conclusion,
    /// A claim's note.
    Note,
    /// Where a claim's words are: both sides re-attached it to different words.
    Anchor,
}

impl ConflictField {
    /// The name an editor reads.
    pub fn label(self) -> &'static str {
        match self {
            Self::Title => "Title",
            Self::VerdictScale => "Verdict scale",
            Self::Settings => "Desk settings",
            Self::Label => "Label",
            Self::Source => "Source",
            Self::Version => "Text",
            Self::Status => "Status",
            Self::Rating => "Verdict",
            Self::Wording => "Wording",
            Self::Conclusion => "Conclusion",
            Self::Note => "Note",
            Self::Anchor => "Place in text",
        }
    }
}

/// One field two editors set to different values.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conflict {
    /// What was changed.
    pub subject: Subject,
    /// Which of its fields.
    pub field: ConflictField,
    /// The value this copy had when merged, which the project holds until the editor
    /// picks (as it is written in the project file).
    pub ours: Value,
    /// The value the other copy had, kept here so it is not lost.
    pub theirs: Value,
}

impl Conflict {
    /// A value as an editor reads it: the text of a string, a label, or a summary of a
    /// larger value ("a verdict scale", "a new version of the text").
    pub fn describe(&self, value: &Value) -> String {
        match (self.field, value) {
            (_, Value::Null) => "(none)".to_owned(),
            (ConflictField::Status, value) => serde_json::from_value::<Status>(value.clone())
                .map_or_else(|_| value.to_string(), |status| status.label().to_owned()),
            (ConflictField::VerdictScale, value) => {
                value.get("name").and_then(Value::as_str).map_or_else(
                    || "a verdict scale".to_owned(),
                    |name| format!("the {name}"),
                )
            }
            (ConflictField::Version, value) => {
                let words = value
                    .get("text")
                    .and_then(Value::as_str)
                    .map_or(0, |text| text.split_whitespace().count());
                format!("a version of {words} words")
            }
            (ConflictField::Anchor, value) => value
                .get("exact")
                .and_then(Value::as_str)
                .map_or_else(|| value.to_string(), |exact| format!("“{exact}”")),
            (ConflictField::Settings, value) => value
                .get("desk")
                .and_then(Value::as_str)
                .map_or_else(|| value.to_string(), |desk| format!("desk “{desk}”")),
            (_, Value::String(text)) => text.clone(),
            (_, value) => value.to_string(),
        }
    }
}

/// Why a conflict could not be settled; nothing was changed.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ResolveError {
    /// The conflict, or what it is about, is gone.
    #[error("the conflict is no longer in the project")]
    NotFound,
    /// The other side's value does not fit the field (a hand-edited file).
    #[error("the other copy's {field} cannot be used: {reason}")]
    Unusable {
        /// The field's name.
        field: &'static str,
        /// What is wrong with the value.
        reason: String,
    },
}

/// Which value the editor keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// The value the project holds now.
    Ours,
    /// The other copy's value.
    Theirs,
}

impl Project {
    /// Settles conflict `index`: keeps the value in place, or applies the other copy's
    /// through the usual edit (so a claim's history records it). The conflict is
    /// removed either way.
    pub fn resolve_conflict(
        &mut self,
        index: usize,
        choice: Choice,
        stamp: &Stamp,
    ) -> Result<(), ResolveError> {
        let conflict = self
            .conflicts
            .get(index)
            .ok_or(ResolveError::NotFound)?
            .clone();
        if choice == Choice::Theirs {
            self.apply_theirs(&conflict, stamp)?;
        }
        self.conflicts.remove(index);
        self.modified = stamp.at;
        Ok(())
    }

    fn apply_theirs(&mut self, conflict: &Conflict, stamp: &Stamp) -> Result<(), ResolveError> {
        if !self.has_subject(&conflict.subject) {
            return Err(ResolveError::NotFound);
        }
        let theirs = Parsed {
            field: conflict.field,
            value: &conflict.theirs,
        };
        let now = stamp.at;
        match (&conflict.subject, conflict.field) {
            (Subject::Project, ConflictField::Title) => {
                self.set_title(theirs.parse()?, now);
            }
            (Subject::Project, ConflictField::VerdictScale) => {
                self.set_verdict_scale(theirs.parse()?, now);
            }
            (Subject::Project, ConflictField::Settings) => {
                self.set_settings(theirs.parse()?, now);
            }
            (Subject::Document(id), ConflictField::Label) => {
                self.rename_document(id, theirs.parse()?, now);
            }
            (Subject::Document(id), ConflictField::Source) => {
                self.set_document_source(id, theirs.parse::<Source>()?, now);
            }
            (Subject::Document(id), ConflictField::Version) => {
                self.replace_document_text(id, theirs.parse::<Document>()?, stamp);
            }
            (Subject::Claim(id), ConflictField::Status) => {
                self.set_claim_status(id, theirs.parse::<Status>()?, stamp);
            }
            (Subject::Claim(id), ConflictField::Rating) => {
                let rating: Option<String> = theirs.parse()?;
                if let Some(label) = &rating
                    && self.verdict_scale.rating(label).is_none()
                {
                    return Err(
                        theirs.unusable(format!("“{label}” is not on the project's verdict scale"))
                    );
                }
                self.set_claim_rating(id, rating, stamp);
            }
            (Subject::Claim(id), ConflictField::Wording) => {
                self.set_claim_text(id, TextField::Wording, theirs.parse()?, stamp);
            }
            (Subject::Claim(id), ConflictField::Conclusion) => {
                self.set_claim_text(id, TextField::Conclusion, theirs.parse()?, stamp);
            }
            (Subject::Claim(id), ConflictField::Note) => {
                self.set_claim_text(id, TextField::Note, theirs.parse()?, stamp);
            }
            (Subject::Claim(id), ConflictField::Anchor) => {
                let anchor: TextAnchor = theirs.parse()?;
                self.reattach_claim(id, anchor, stamp)
                    .map_err(|err| theirs.unusable(err.to_string()))?;
            }
            (_, field) => {
                return Err(theirs.unusable(format!(
                    "{} is not a field of what the conflict is about",
                    field.label()
                )));
            }
        }
        Ok(())
    }

    /// Whether what a conflict is about is still in the project.
    pub fn has_subject(&self, subject: &Subject) -> bool {
        match subject {
            Subject::Project => true,
            Subject::Document(id) => self.document(id).is_some(),
            Subject::Claim(id) => self.claim(id).is_some(),
        }
    }

    /// What a conflict is about, as an editor reads it: "the project", "document
    /// “Reuters wire”", "claim “around 60,000 people had fled …”" (or the id of one
    /// that is gone).
    pub fn subject_name(&self, subject: &Subject) -> String {
        match subject {
            Subject::Project => "the project".to_owned(),
            Subject::Document(id) => format!(
                "document {}",
                quoted(self.document(id).map(|d| d.label.as_str()), id)
            ),
            Subject::Claim(id) => format!(
                "claim {}",
                quoted(self.claim(id).map(|c| c.anchor.exact.as_str()), id)
            ),
        }
    }

    /// The conflicts on one claim, with their indices in [`Project::conflicts`].
    pub fn conflicts_on_claim<'a>(
        &'a self,
        claim_id: &'a ClaimId,
    ) -> impl Iterator<Item = (usize, &'a Conflict)> {
        self.conflicts
            .iter()
            .enumerate()
            .filter(move |(_, c)| matches!(&c.subject, Subject::Claim(id) if id == claim_id))
    }
}

/// Words in quotation marks, shortened to a few words; the id when there are none.
fn quoted(words: Option<&str>, id: &impl std::fmt::Display) -> String {
    const MAX_WORDS: usize = 6;
    let Some(words) = words else {
        return id.to_string();
    };
    let all: Vec<&str> = words.split_whitespace().collect();
    let shown = all[..all.len().min(MAX_WORDS)].join(" ");
    let more = if all.len() > MAX_WORDS { " …" } else { "" };
    format!("“{shown}{more}”")
}

/// A conflict's stored value, read back as the type of its field.
struct Parsed<'a> {
    field: ConflictField,
    value: &'a Value,
}

impl Parsed<'_> {
    fn parse<T: serde::de::DeserializeOwned>(&self) -> Result<T, ResolveError> {
        serde_json::from_value(self.value.clone()).map_err(|err| self.unusable(err.to_string()))
    }

    fn unusable(&self, reason: String) -> ResolveError {
        ResolveError::Unusable {
            field: self.field.label(),
            reason,
        }
    }
}

#[cfg(test)]
mod tests {
    use jiff::Timestamp;
    use serde_json::json;

    use super::*;
    use crate::core::article::DocumentKind;
    use crate::core::claims::{Claim, Field};

    fn stamp() -> Stamp {
        Stamp::new(Timestamp::from_second(100).unwrap(), "Dana")
    }

    /// A project with one claim and a conflict on its verdict: this copy says
    /// "Correct", the other "Misleading".
    fn project_with_a_verdict_conflict() -> (Project, ClaimId) {
        let now = Timestamp::from_second(1).unwrap();
        let mut project = Project::new("Idlib", now);
        let text = "Around 60,000 people fled in four days.".to_owned();
        let document = Document::new(
            "Wire",
            Source::Reuters,
            DocumentKind::TextFile,
            None,
            text.clone(),
            now,
        );
        let document_id = project.add_document(document, now);
        let anchor = TextAnchor::from_selection(&text, 0..20).unwrap();
        let claim_id = project
            .add_claim(Claim::new(document_id, anchor, &stamp()), now)
            .unwrap();
        project.set_claim_rating(&claim_id, Some("Correct".to_owned()), &stamp());
        project.conflicts.push(Conflict {
            subject: Subject::Claim(claim_id.clone()),
            field: ConflictField::Rating,
            ours: json!("Correct"),
            theirs: json!("Misleading"),
        });
        (project, claim_id)
    }

    #[test]
    fn taking_theirs_applies_the_value_and_records_it() {
        let (mut project, claim_id) = project_with_a_verdict_conflict();
        assert_eq!(project.conflicts_on_claim(&claim_id).count(), 1);
        project
            .resolve_conflict(0, Choice::Theirs, &stamp())
            .unwrap();
        let claim = project.claim(&claim_id).unwrap();
        assert_eq!(claim.rating.as_deref(), Some("Misleading"));
        let last = claim.history.last().unwrap();
        assert_eq!(
            (last.field, last.new.as_str()),
            (Field::Rating, "Misleading")
        );
        assert!(project.conflicts.is_empty());
    }

    #[test]
    fn keeping_ours_changes_nothing_but_the_conflict_list() {
        let (mut project, claim_id) = project_with_a_verdict_conflict();
        let before = project.claim(&claim_id).unwrap().clone();
        project.resolve_conflict(0, Choice::Ours, &stamp()).unwrap();
        assert_eq!(project.claim(&claim_id).unwrap(), &before);
        assert!(project.conflicts.is_empty());
    }

    #[test]
    fn an_unusable_value_is_refused_and_the_conflict_kept() {
        let (mut project, claim_id) = project_with_a_verdict_conflict();
        project.conflicts[0].theirs = json!("Pants on Fire");
        let err = project
            .resolve_conflict(0, Choice::Theirs, &stamp())
            .unwrap_err();
        assert!(
            err.to_string()
                .contains("not on the project's verdict scale"),
            "{err}"
        );
        assert_eq!(project.conflicts.len(), 1);
        assert_eq!(
            project.claim(&claim_id).unwrap().rating.as_deref(),
            Some("Correct")
        );
        assert_eq!(
            project.resolve_conflict(5, Choice::Ours, &stamp()),
            Err(ResolveError::NotFound)
        );
    }

    #[test]
    fn conflicts_survive_a_save_and_describe_their_values() {
        let (project, _) = project_with_a_verdict_conflict();
        let reloaded = Project::from_json(&project.to_json()).unwrap();
        assert_eq!(reloaded.conflicts, project.conflicts);
        let conflict = &reloaded.conflicts[0];
        assert_eq!(conflict.describe(&conflict.theirs), "Misleading");
        let status = Conflict {
            field: ConflictField::Status,
            ours: json!("in_progress"),
            ..conflict.clone()
        };
        assert_eq!(status.describe(&status.ours), "In progress");
        assert_eq!(status.describe(&Value::Null), "(none)");
    }
}
