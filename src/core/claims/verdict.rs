//! Verdict scales: the ratings a desk gives claims once they are checked.
//!
//! The verdict is kept apart from the workflow status: "Checked" says the work is done,
//! the rating says what it found. Each project carries its whole scale, so a colleague
//! opening the file sees the same ratings, and a desk can define its own.

use serde::{Deserialize, Serialize};

/// One rating of a scale ("Correct", "Pants on Fire").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rating {
    /// The name shown to editors and written into exports.
    pub label: String,
    /// What the rating means, shown as a hint when it is picked.
    pub meaning: String,
    /// Whether the rating says the claim is right. Such ratings fall under the
    /// two-source rule: Factdesk warns when fewer than two independent pieces of
    /// evidence support them.
    pub confirms: bool,
}

impl Rating {
    fn new(label: &str, meaning: &str, confirms: bool) -> Self {
        Self {
            label: label.to_owned(),
            meaning: meaning.to_owned(),
            confirms,
        }
    }
}

/// The ratings a project uses, best first. A scale with no ratings asks for a written
/// conclusion instead (Full Fact style).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VerdictScale {
    /// The scale's name, shown where it is picked.
    pub name: String,
    /// The ratings, best first. Keys 1–9 pick them in this order.
    pub ratings: Vec<Rating>,
}

impl Default for VerdictScale {
    fn default() -> Self {
        Self::desk()
    }
}

impl VerdictScale {
    /// The scale a copy desk uses every day.
    pub fn desk() -> Self {
        Self {
            name: "Desk scale".to_owned(),
            ratings: vec![
                Rating::new("Correct", "Stands as written", true),
                Rating::new(
                    "Mostly correct",
                    "Right in substance; a detail needs care",
                    false,
                ),
                Rating::new(
                    "Misleading",
                    "Accurate words that leave a false impression",
                    false,
                ),
                Rating::new("Incorrect", "Wrong: the copy must change", false),
                Rating::new(
                    "Unverifiable",
                    "Cannot be confirmed or refuted with what the desk can reach",
                    false,
                ),
                Rating::new(
                    "Opinion",
                    "Not checkable: a view, not a statement of fact",
                    false,
                ),
            ],
        }
    }

    /// PolitiFact's Truth-O-Meter.
    pub fn truth_o_meter() -> Self {
        Self {
            name: "Truth-O-Meter".to_owned(),
            ratings: vec![
                Rating::new("True", "Accurate, nothing significant missing", true),
                Rating::new(
                    "Mostly True",
                    "Accurate but needs clarification or more information",
                    false,
                ),
                Rating::new(
                    "Half True",
                    "Partially accurate but leaves out important details or takes things out of context",
                    false,
                ),
                Rating::new(
                    "Mostly False",
                    "Contains an element of truth but ignores critical facts",
                    false,
                ),
                Rating::new("False", "Not accurate", false),
                Rating::new(
                    "Pants on Fire",
                    "Not accurate and makes a ridiculous claim",
                    false,
                ),
            ],
        }
    }

    /// No ratings: each verdict is a written conclusion (Full Fact style).
    pub fn conclusion_only() -> Self {
        Self {
            name: "Written conclusion".to_owned(),
            ratings: Vec::new(),
        }
    }

    /// A desk's own scale: one rating per line, best first. The first rating confirms
    /// the claim. Blank lines and repeated labels are dropped.
    pub fn custom(name: &str, lines: &str) -> Self {
        let mut ratings: Vec<Rating> = Vec::new();
        for label in lines.lines().map(str::trim).filter(|l| !l.is_empty()) {
            if ratings.iter().all(|r| r.label != label) {
                let confirms = ratings.is_empty();
                ratings.push(Rating::new(label, "", confirms));
            }
        }
        Self {
            name: name.to_owned(),
            ratings,
        }
    }

    /// The scales Factdesk ships, in the order the menu lists them.
    pub fn presets() -> [Self; 3] {
        [Self::desk(), Self::truth_o_meter(), Self::conclusion_only()]
    }

    /// The rating with this label.
    pub fn rating(&self, label: &str) -> Option<&Rating> {
        self.ratings.iter().find(|rating| rating.label == label)
    }

    /// Whether verdicts are written conclusions rather than ratings.
    pub fn is_conclusion_only(&self) -> bool {
        self.ratings.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_desk_scale_has_the_six_ratings_in_order() {
        let labels: Vec<_> = VerdictScale::desk()
            .ratings
            .iter()
            .map(|r| r.label.clone())
            .collect();
        assert_eq!(
            labels,
            [
                "Correct",
                "Mostly correct",
                "Misleading",
                "Incorrect",
                "Unverifiable",
                "Opinion"
            ]
        );
        assert!(VerdictScale::desk().rating("Correct").unwrap().confirms);
        assert!(!VerdictScale::desk().rating("Opinion").unwrap().confirms);
    }

    #[test]
    fn a_custom_scale_reads_one_rating_per_line() {
        let scale = VerdictScale::custom("Ours", "Accurate\n\n  Wrong  \nAccurate\n");
        let labels: Vec<_> = scale.ratings.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(labels, ["Accurate", "Wrong"]);
        assert!(scale.ratings[0].confirms && !scale.ratings[1].confirms);
        assert!(VerdictScale::custom("Empty", "\n").is_conclusion_only());
    }
}
