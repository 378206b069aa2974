//! Negations and hedges: the small words that turn a statement round ("is not
//! stopping") or take the writer's word off it ("were reportedly killed").
//!
//! Adding or removing one changes what the copy asserts more than most rewrites of a
//! whole clause, so the classifier reports them on their own. Contractions are one
//! negation with their long form ("isn't" is "is not"), so spelling one out is only a
//! style edit.

use std::ops::Range;

use super::{ChangeClass, Finding, Pair};
use crate::core::similarity::fold_word;

/// Words that deny what the sentence says.
const NEGATIONS: [&str; 10] = [
    "not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "cannot", "without",
];

/// Words that hedge what the sentence says: the writer does not vouch for it.
const HEDGES: [&str; 23] = [
    "reportedly",
    "allegedly",
    "alleged",
    "apparently",
    "apparent",
    "may",
    "might",
    "could",
    "possibly",
    "perhaps",
    "probably",
    "likely",
    "unlikely",
    "suspected",
    "unconfirmed",
    "unverified",
    "claimed",
    "purportedly",
    "purported",
    "seemingly",
    "presumably",
    "supposedly",
    "believed",
];

/// How every negation compares: "isn't", "can't" and "cannot" say "not".
const NOT: &str = "not";

/// A negation or hedge in a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Hedge {
    /// Where the word is, by byte range of the sentence.
    pub bytes: Range<usize>,
    /// The word as compared: lower case, contractions as "not".
    pub key: String,
    /// Whether it denies (rather than hedges).
    pub negation: bool,
}

impl Hedge {
    /// What it is, for an explanation: "negation" or "hedge".
    pub fn what(&self) -> &'static str {
        if self.negation { "negation" } else { "hedge" }
    }
}

/// The negations and hedges of `sentence` (cut into `tokens`, see
/// `parts::word_tokens`), in order, leaving out the words at `reporting` (reporting
/// verbs: "claimed" there is an attribution, reported as one).
pub(super) fn hedges(
    sentence: &str,
    tokens: &[Range<usize>],
    reporting: &[Range<usize>],
) -> Vec<Hedge> {
    tokens
        .iter()
        .filter_map(|bytes| {
            let word = &sentence[bytes.clone()];
            let bytes = bytes.clone();
            if reporting.iter().any(|verb| verb.contains(&bytes.start)) {
                return None;
            }
            // Spaces and marks are most tokens; capitalised "May" is the month.
            if !word.starts_with(char::is_alphabetic) || word == "May" {
                return None;
            }
            let folded = fold_word(word);
            let contraction = folded.ends_with("n't") || folded == "cannot";
            if contraction || NEGATIONS.contains(&folded.as_str()) {
                let key = if contraction { NOT.to_owned() } else { folded };
                return Some(Hedge {
                    bytes,
                    key,
                    negation: true,
                });
            }
            HEDGES.contains(&folded.as_str()).then_some(Hedge {
                bytes,
                key: folded,
                negation: false,
            })
        })
        .collect()
}

/// Adds a Hedge finding for every negation or hedge an edit of `pair` added or
/// removed; one swapped for another ("may" → "might") is one finding.
pub(super) fn hedge_findings(pair: &Pair<'_>, findings: &mut Vec<Finding>) {
    for edit in pair.alignment.edits() {
        let within = |hedges: &[Hedge], edited: &Range<usize>| -> Vec<Hedge> {
            hedges
                .iter()
                .filter(|hedge| edited.start <= hedge.bytes.start && hedge.bytes.end <= edited.end)
                .cloned()
                .collect()
        };
        let mut removed = within(&pair.old_parts.hedges, &edit.old);
        let mut added = within(&pair.new_parts.hedges, &edit.new);
        // The same word on both sides of an edit stayed.
        removed.retain(|old| {
            let kept = added.iter().position(|new| new.key == old.key);
            kept.map(|at| added.remove(at)).is_none()
        });
        if let ([old], [new]) = (removed.as_slice(), added.as_slice()) {
            findings.push(Finding {
                class: ChangeClass::Hedge,
                old: Some(old.bytes.clone()),
                new: Some(new.bytes.clone()),
                explanation: format!(
                    "{} “{}” became “{}”",
                    old.what(),
                    &pair.old[old.bytes.clone()],
                    &pair.new[new.bytes.clone()]
                ),
            });
            continue;
        }
        for old in removed {
            findings.push(Finding {
                class: ChangeClass::Hedge,
                explanation: format!("{} “{}” dropped", old.what(), &pair.old[old.bytes.clone()]),
                old: Some(old.bytes),
                new: None,
            });
        }
        for new in added {
            findings.push(Finding {
                class: ChangeClass::Hedge,
                explanation: format!("{} “{}” added", new.what(), &pair.new[new.bytes.clone()]),
                old: None,
                new: Some(new.bytes),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::parts::word_tokens;
    use super::*;

    /// The hedges of `sentence` as (word, key).
    fn found(sentence: &str) -> Vec<(&str, String)> {
        hedges(sentence, &word_tokens(sentence), &[])
            .into_iter()
            .map(|hedge| (&sentence[hedge.bytes], hedge.key))
            .collect()
    }

    #[test]
    fn negations_hedges_and_contractions() {
        assert_eq!(
            found("Not all were reportedly killed; it isn't clear and can’t be, they may say."),
            [
                ("Not", "not".to_owned()),
                ("reportedly", "reportedly".to_owned()),
                ("isn't", "not".to_owned()),
                ("can’t", "not".to_owned()),
                ("may", "may".to_owned())
            ]
        );
        assert!(found("In May the notice said nothing new").len() == 1);
    }

    #[test]
    fn reporting_verbs_are_left_to_attributions() {
        let sentence = "Rebels claimed the town.";
        let claimed = 7..14;
        assert!(hedges(sentence, &word_tokens(sentence), &[claimed]).is_empty());
        assert_eq!(found(sentence), [("claimed", "claimed".to_owned())]);
    }
}
