//! Narrowing the claims list: by status, verdict, document, checker and words.

use super::candidates::CandidateKind;
use super::{Claim, Status};
use crate::core::article::DocumentId;

/// Which verdicts a filter lets through.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RatingFilter {
    /// Claims with no rating yet.
    Unrated,
    /// Claims with this rating.
    Rated(String),
}

/// What the claims list shows. Every part left `None` (or empty) lets everything through.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClaimFilter {
    /// Words to find in the statement, quote, conclusion or note (any case).
    pub text: String,
    /// Only claims with this status.
    pub status: Option<Status>,
    /// Only claims with this verdict.
    pub rating: Option<RatingFilter>,
    /// Only claims on this document.
    pub document: Option<DocumentId>,
    /// Only claims this checker made or changed.
    pub checker: Option<String>,
    /// Only claims of this kind.
    pub kind: Option<CandidateKind>,
    /// Only orphaned claims (their words are gone from a replaced text).
    pub orphaned: bool,
}

impl ClaimFilter {
    /// Whether the filter hides anything.
    pub fn is_active(&self) -> bool {
        *self != Self::default()
    }

    /// Whether the claim passes the filter.
    pub fn matches(&self, claim: &Claim) -> bool {
        (!self.orphaned || claim.orphaned)
            && self.status.is_none_or(|status| claim.status == status)
            && self.rating.as_ref().is_none_or(|rating| match rating {
                RatingFilter::Unrated => claim.rating.is_none(),
                RatingFilter::Rated(label) => claim.rating.as_ref() == Some(label),
            })
            && self.document.as_ref().is_none_or(|d| &claim.document == d)
            && self.kind.is_none_or(|kind| claim.kinds.contains(&kind))
            && self.checker.as_ref().is_none_or(|checker| {
                &claim.created_by == checker || claim.history.iter().any(|e| &e.by == checker)
            })
            && self.matches_text(claim)
    }

    fn matches_text(&self, claim: &Claim) -> bool {
        let needle = self.text.trim().to_lowercase();
        needle.is_empty()
            || [
                claim.statement(),
                &claim.anchor.exact,
                &claim.conclusion,
                &claim.note,
            ]
            .iter()
            .any(|text| text.to_lowercase().contains(&needle))
    }
}

/// Everyone who made or changed one of the claims, sorted, for the checker filter.
pub fn checkers(claims: &[Claim]) -> Vec<String> {
    let mut names: Vec<String> = claims
        .iter()
        .flat_map(|claim| {
            std::iter::once(&claim.created_by).chain(claim.history.iter().map(|e| &e.by))
        })
        .filter(|name| !name.is_empty())
        .cloned()
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::anchor::TextAnchor;
    use crate::core::claims::Stamp;
    use jiff::Timestamp;

    fn claim(text: &str, by: &str) -> Claim {
        let anchor = TextAnchor::from_selection(text, 0..text.chars().count()).unwrap();
        Claim::new(
            DocumentId("doc".to_owned()),
            anchor,
            &Stamp::new(Timestamp::UNIX_EPOCH, by),
        )
    }

    #[test]
    fn filters_combine() {
        let mut rated = claim("60,000 people", "Dana");
        rated.set_rating(
            Some("Correct".to_owned()),
            &Stamp::new(Timestamp::UNIX_EPOCH, "Sam"),
        );
        let plain = claim("15 raids", "Dana");
        let by_sam = ClaimFilter {
            checker: Some("Sam".to_owned()),
            ..ClaimFilter::default()
        };
        assert!(by_sam.matches(&rated) && !by_sam.matches(&plain));
        let unrated = ClaimFilter {
            rating: Some(RatingFilter::Unrated),
            text: "RAIDS".to_owned(),
            ..ClaimFilter::default()
        };
        assert!(unrated.matches(&plain) && !unrated.matches(&rated));
        assert!(!ClaimFilter::default().is_active());
        assert_eq!(checkers(&[rated, plain]), ["Dana", "Sam"]);
    }
}
