//! Number findings: figures whose amount or qualifier changed, and figures added or
//! removed.
//!
//! A figure is compared by what its quantity says (`crate::core::numbers`), not by
//! how it is written: "60,000 people" and "sixty thousand people" are the same claim,
//! "at least 400,000" and "400,000" are not. What the figure counts is left to the
//! other classes (a changed noun is a Minor edit).

use super::alignment::Pairing;
use super::parts::Figure;
use super::spelling::folded;
use super::wording::quoted;
use super::{ChangeClass, Finding, Pair};
use crate::core::claims::candidates::attribution::single_spaced;

/// Adds a Number finding for every figure of `pair` that changed, came or went.
pub(super) fn number_findings(pair: &Pair<'_>, findings: &mut Vec<Finding>) {
    let old_figures = &pair.old_parts.figures;
    let new_figures = &pair.new_parts.figures;
    let bytes = |figures: &[Figure]| figures.iter().map(|f| f.bytes.clone()).collect::<Vec<_>>();
    let same = |old_index: usize, new_index: usize| {
        let (old, new) = (&old_figures[old_index], &new_figures[new_index]);
        changed(pair.old, old, pair.new, new).is_none()
    };
    for pairing in pair
        .alignment
        .pair(&bytes(old_figures), &bytes(new_figures), same)
    {
        let finding = match pairing {
            Pairing::Both(old_index, new_index) => {
                let (old, new) = (&old_figures[old_index], &new_figures[new_index]);
                changed(pair.old, old, pair.new, new).map(|explanation| Finding {
                    class: ChangeClass::Number,
                    old: Some(old.bytes.clone()),
                    new: Some(new.bytes.clone()),
                    explanation,
                })
            }
            Pairing::Removed(old_index) => {
                let old = &old_figures[old_index];
                Some(Finding {
                    class: ChangeClass::Number,
                    old: Some(old.bytes.clone()),
                    new: None,
                    explanation: format!("figure {} dropped", quoted(&pair.old[old.bytes.clone()])),
                })
            }
            Pairing::Added(new_index) => {
                let new = &new_figures[new_index];
                Some(Finding {
                    class: ChangeClass::Number,
                    old: None,
                    new: Some(new.bytes.clone()),
                    explanation: format!("figure {} added", quoted(&pair.new[new.bytes.clone()])),
                })
            }
        };
        findings.extend(finding);
    }
}

/// How the figure `old` (of the sentence `old_sentence`) changed into `new`, for an
/// editor: "60,000 → 50,000", "qualifier “at least” dropped from 400,000"; `None` when
/// it says the same.
fn changed(old_sentence: &str, old: &Figure, new_sentence: &str, new: &Figure) -> Option<String> {
    let old_text = &old_sentence[old.bytes.clone()];
    let new_text = &new_sentence[new.bytes.clone()];
    let (Some(old_read), Some(new_read)) = (&old.quantity, &new.quantity) else {
        // A figure Factdesk cannot read is compared by its words.
        return (folded(old_text) != folded(new_text)).then(|| {
            format!(
                "{} became {}",
                single_spaced(old_text),
                single_spaced(new_text)
            )
        });
    };
    let (old_quantity, new_quantity) = (&old_read.quantity, &new_read.quantity);
    // A currency one version names by a word ("3.2 million euros") and the other by
    // its sign ("€3.2 million") is no change; two different signs are.
    let currencies_differ = old_quantity
        .currency
        .zip(new_quantity.currency)
        .is_some_and(|(old, new)| old != new);
    if old_quantity.amount != new_quantity.amount
        || currencies_differ
        || old_quantity.percent != new_quantity.percent
    {
        return Some(format!(
            "{} became {}",
            single_spaced(&old_text[..old_read.length]),
            single_spaced(&new_text[..new_read.length])
        ));
    }
    if old_quantity.bound == new_quantity.bound {
        return None;
    }
    let old_qualifier = old_text[..old_read.qualifier_length].trim();
    let new_qualifier = new_text[..new_read.qualifier_length].trim();
    let old_number = single_spaced(&old_text[old_read.qualifier_length..old_read.length]);
    let new_number = single_spaced(&new_text[new_read.qualifier_length..new_read.length]);
    Some(match (old_qualifier.is_empty(), new_qualifier.is_empty()) {
        (false, true) => format!("qualifier “{old_qualifier}” dropped from {new_number}"),
        (true, false) => format!("qualifier “{new_qualifier}” added to {old_number}"),
        _ => format!("qualifier “{old_qualifier}” became “{new_qualifier}” on {new_number}"),
    })
}
