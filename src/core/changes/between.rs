//! The changes that matter between two whole versions: every sentence pair of their
//! alignment classified, with each finding placed in both texts.

use std::ops::Range;

use serde::Serialize;

use crate::core::align::{RowKind, Unit};
use crate::core::diff::WordDiff;

use super::{ChangeClass, classify};

/// A stretch of one version's text that a change is about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ChangeText {
    /// Code points of the stretch in its version's text.
    pub chars: Range<usize>,
    /// The words, as written there.
    pub text: String,
}

/// One change that matters, placed in both versions.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Change {
    /// What kind of change.
    pub class: ChangeClass,
    /// The alignment row of the sentence pair it was found in.
    pub row: usize,
    /// The changed words in the old version; `None` when they were added.
    pub old: Option<ChangeText>,
    /// The changed words in the new version; `None` when they were removed.
    pub new: Option<ChangeText>,
    /// Code points of the old version's sentence, when there is one: where "show in
    /// the text" goes.
    pub old_sentence: Option<Range<usize>>,
    /// Code points of the new version's sentence, when there is one: what "make claim"
    /// anchors to.
    pub new_sentence: Option<Range<usize>>,
    /// What an editor reads: "60,000 → 50,000", "“told Reuters” dropped".
    pub explanation: String,
}

/// Every change between `old` and `new` that `diff` (their comparison) aligned, in the
/// order of the new text; within a sentence, most important first.
pub fn changes_between(diff: &WordDiff, old: &str, new: &str) -> Vec<Change> {
    let alignment = &diff.alignment;
    let mut changes = Vec::new();
    for (row_index, row) in alignment.rows().iter().enumerate() {
        if row.kind == RowKind::Same {
            continue;
        }
        let old_unit = row.old.and_then(|unit| alignment.old_units().get(unit));
        let new_unit = row.new.and_then(|unit| alignment.new_units().get(unit));
        let old_sentence = old_unit.and_then(|unit| old.get(unit.bytes.clone()));
        let new_sentence = new_unit.and_then(|unit| new.get(unit.bytes.clone()));
        let findings = classify(old_sentence.unwrap_or(""), new_sentence.unwrap_or(""));
        for finding in findings {
            changes.push(Change {
                class: finding.class,
                row: row_index,
                old: place(old, old_unit, finding.old),
                new: place(new, new_unit, finding.new),
                old_sentence: old_unit.map(|unit| unit.chars.clone()),
                new_sentence: new_unit.map(|unit| unit.chars.clone()),
                explanation: finding.explanation,
            });
        }
    }
    changes
}

/// A finding's bytes within a sentence, as a stretch of the whole text.
fn place(text: &str, unit: Option<&Unit>, bytes: Option<Range<usize>>) -> Option<ChangeText> {
    let (unit, bytes) = (unit?, bytes?);
    let sentence = text.get(unit.bytes.clone())?;
    let words = sentence.get(bytes.clone())?;
    let start = unit.chars.start + sentence.get(..bytes.start)?.chars().count();
    Some(ChangeText {
        chars: start..start + words.chars().count(),
        text: words.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_are_placed_in_both_whole_texts() {
        let old = "Rescuers said 60,000 people fled.\n\nHundreds of civilians have been \
                   killed and at least 400,000 people displaced, medics said.";
        let new = "Rescuers said 60,000 people fled.\n\nHundreds of civilians have been \
                   killed and 400,000 people displaced, medics said.\n\nIt is not over, \
                   officials said.";
        let diff = WordDiff::compute(old, new);
        let changes = changes_between(&diff, old, new);
        let number = changes
            .iter()
            .find(|change| change.class == ChangeClass::Number && change.old.is_some())
            .expect("the dropped qualifier is a number change");
        let old_words = number.old.as_ref().expect("old words");
        let old_chars: String = old
            .chars()
            .skip(old_words.chars.start)
            .take(old_words.chars.len())
            .collect();
        assert_eq!(old_chars, old_words.text);
        assert!(old_words.text.contains("at least"), "{}", old_words.text);
        assert_eq!(
            number.new_sentence.as_ref().map(|s| s.start),
            new.find("Hundreds")
        );
        let added: Vec<ChangeClass> = changes
            .iter()
            .filter(|change| change.old_sentence.is_none())
            .map(|change| change.class)
            .collect();
        assert!(added.contains(&ChangeClass::Hedge), "{added:?}");
        assert!(added.contains(&ChangeClass::Attribution), "{added:?}");
        assert!(
            changes
                .iter()
                .all(|change| change.row < diff.alignment.rows().len())
        );
    }

    #[test]
    fn the_same_text_has_no_changes() {
        let text = "“The flow of cars is not stopping,” said Abdullah Younis.";
        assert!(changes_between(&WordDiff::compute(text, text), text, text).is_empty());
    }
}
