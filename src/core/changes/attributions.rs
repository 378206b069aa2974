//! Attribution findings: a reporting verb or its source changed ("said" → "claimed",
//! "residents said" → "officials said"), or an attribution was added or dropped
//! ("told Reuters").
//!
//! Who says so is half of any claim in news copy. A source that is also a quote's
//! speaker is left to the Speaker finding, so a changed speaker is reported once.

use super::alignment::Pairing;
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
    for pairing in pair
        .alignment
        .pair(&bytes(old_attributions), &bytes(new_attributions))
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
    let verb_changed = folded(&old.verb) != folded(&new.verb);
    let source_differs = match (&old.source, &new.source) {
        (Some(old_source), Some(new_source)) => !same_words(old_source, new_source),
        (None, None) => false,
        _ => true,
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
                "{} → {}",
                quoted(&pair.old[old.bytes.clone()]),
                quoted(&pair.new[new.bytes.clone()])
            ),
        })
    } else if verb_changed {
        Some(Finding {
            class: ChangeClass::Attribution,
            old: Some(old.verb_bytes.clone()),
            new: Some(new.verb_bytes.clone()),
            explanation: format!("{} → {}", quoted(&old.verb), quoted(&new.verb)),
        })
    } else {
        None
    }
}
