//! Attribution findings: a reporting verb or its source changed ("said" → "claimed",
//! "residents said" → "officials said"), or an attribution was added or dropped
//! ("told Reuters").
//!
//! Who says so is half of any claim in news copy. A source that is also a quote's
//! speaker is left to the Speaker finding, so a changed speaker is reported once. A
//! change of tense or person ("said" → "says") is style; so is a source respelled or
//! abbreviated ("the U.N." → "the United Nations", see `spelling.rs`).

use super::alignment::{Pairing, Side};
use super::spelling::{folded, same_words};
use super::wording::quoted;
use super::{ChangeClass, Finding, Pair, explained};
use crate::core::claims::candidates::attribution::Attribution;

/// Adds an Attribution finding for every attribution of `pair` that changed, came or
/// went.
pub(super) fn attribution_findings(pair: &Pair<'_>, findings: &mut Vec<Finding>) {
    let old_attributions = &pair.old_parts.attributions;
    let new_attributions = &pair.new_parts.attributions;
    let bytes = |attributions: &[Attribution]| {
        attributions
            .iter()
            .map(|a| a.bytes.clone())
            .collect::<Vec<_>>()
    };
    let same = |old_index: usize, new_index: usize| {
        let old = &pair.old[old_attributions[old_index].bytes.clone()];
        let new = &pair.new[new_attributions[new_index].bytes.clone()];
        folded(old) == folded(new)
    };
    for pairing in pair
        .alignment
        .pair(&bytes(old_attributions), &bytes(new_attributions), same)
    {
        let finding = match pairing {
            Pairing::Both(old_index, new_index) => changed(
                pair,
                &old_attributions[old_index],
                &new_attributions[new_index],
                findings,
            ),
            Pairing::Removed(old_index) => {
                let old = &old_attributions[old_index];
                Some(Finding {
                    class: ChangeClass::Attribution,
                    old: Some(old.bytes.clone()),
                    new: None,
                    explanation: format!("{} dropped", quoted(&pair.old[old.bytes.clone()])),
                })
            }
            Pairing::Added(new_index) => {
                let new = &new_attributions[new_index];
                Some(Finding {
                    class: ChangeClass::Attribution,
                    old: None,
                    new: Some(new.bytes.clone()),
                    explanation: format!("{} added", quoted(&pair.new[new.bytes.clone()])),
                })
            }
        };
        findings.extend(finding);
    }
}

/// The finding for the attribution `old` rewritten as `new`, if its verb or its source
/// changed: the verbs alone when only the verb did ("“said” → “claimed”"), the whole
/// attributions otherwise.
fn changed(
    pair: &Pair<'_>,
    old: &Attribution,
    new: &Attribution,
    findings: &[Finding],
) -> Option<Finding> {
    let verb_changed = verb_key(&old.verb) != verb_key(&new.verb);
    // A source the finder sees on one side only is compared with what its words are on
    // the other ("said" after "The U.N." finds no source, "The United Nations said" one).
    let alignment = &pair.alignment;
    let source_differs = match (
        &old.source,
        &new.source,
        &old.source_bytes,
        &new.source_bytes,
    ) {
        (Some(old_source), Some(new_source), _, _) => !same_words(old_source, new_source),
        (_, _, Some(old_bytes), None) => !same_words(
            &pair.old[old_bytes.clone()],
            &pair.new[alignment.image(old_bytes, Side::Old)],
        ),
        (_, _, None, Some(new_bytes)) => !same_words(
            &pair.old[alignment.image(new_bytes, Side::New)],
            &pair.new[new_bytes.clone()],
        ),
        _ => false,
    };
    let spoken_for = explained(
        findings,
        &[ChangeClass::Speaker],
        old.source_bytes.as_ref(),
        new.source_bytes.as_ref(),
    );
    let source_changed = source_differs && !spoken_for;
    if source_changed {
        Some(Finding {
            class: ChangeClass::Attribution,
            old: Some(old.bytes.clone()),
            new: Some(new.bytes.clone()),
            explanation: format!(
                "{} became {}",
                quoted(&pair.old[old.bytes.clone()]),
                quoted(&pair.new[new.bytes.clone()])
            ),
        })
    } else if verb_changed {
        Some(Finding {
            class: ChangeClass::Attribution,
            old: Some(old.verb_bytes.clone()),
            new: Some(new.verb_bytes.clone()),
            explanation: format!("{} became {}", quoted(&old.verb), quoted(&new.verb)),
        })
    } else {
        None
    }
}

/// Irregular reporting verbs and the stem they compare by.
const IRREGULAR_STEMS: [(&str, &str); 6] = [
    ("said", "say"),
    ("says", "say"),
    ("told", "tell"),
    ("tells", "tell"),
    ("wrote", "write"),
    ("writes", "write"),
];

/// A reporting verb as compared: its first word by its stem, so that tense and person
/// are style ("said", "says" and "say"; "told Reuters" and "tells Reuters"), and the
/// words after it folded.
fn verb_key(verb: &str) -> String {
    let folded = folded(verb);
    let (first, rest) = folded.split_once(' ').unwrap_or((&folded, ""));
    format!("{} {rest}", stem(first))
}

/// The stem of a reporting verb: "claimed", "claims" and "claim" are "claim"; "denied"
/// and "denies" are "deny"; "admitted" is "admit".
fn stem(word: &str) -> String {
    if let Some((_, stem)) = IRREGULAR_STEMS.iter().find(|(form, _)| *form == word) {
        return (*stem).to_owned();
    }
    if let Some(stem) = word
        .strip_suffix("ied")
        .or_else(|| word.strip_suffix("ies"))
    {
        return format!("{stem}y");
    }
    if let Some(stem) = word.strip_suffix("ed") {
        // "admitted": the consonant doubled before "-ed" is one.
        let mut letters: Vec<char> = stem.chars().collect();
        if letters.len() >= 2 && letters[letters.len() - 1] == letters[letters.len() - 2] {
            letters.pop();
        }
        return letters.into_iter().collect();
    }
    let stem = word
        .strip_suffix("es")
        .or_else(|| word.strip_suffix('s'))
        .or_else(|| word.strip_suffix('e'))
        .unwrap_or(word);
    stem.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tense_and_person_do_not_change_a_verb() {
        for [one, other] in [
            ["said", "says"],
            ["say", "said"],
            ["told Reuters", "tells Reuters"],
            ["claimed", "claims"],
            ["denied", "deny"],
            ["conceded", "concede"],
            ["admitted", "admits"],
            ["acknowledged", "acknowledges"],
        ] {
            assert_eq!(verb_key(one), verb_key(other), "{one} / {other}");
        }
        assert_ne!(verb_key("said"), verb_key("claimed"));
        assert_ne!(verb_key("told Reuters"), verb_key("told AFP"));
    }
}
