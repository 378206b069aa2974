//! Name and Date findings: parts that are nothing but their words, compared as words.
//!
//! A name is the same when it is respelled (`spelling.rs`); a date is the same when it
//! says the same day or time ("on Tuesday" and "Tuesday", "Sept. 12" and "September
//! 12"). A name that only changed case or spelling where the finder no longer sees a
//! name ("Defense Ministry" → "defence ministry") is a Minor edit, not a name removed.

use std::ops::Range;

use super::alignment::{Pairing, Side};
use super::spelling::same_words;
use super::wording::quoted;
use super::{ChangeClass, Finding, Pair, explained};
use crate::core::claims::candidates::lexicon::MONTHS;
use crate::core::similarity::content_words;

/// The letters a month is compared by ("sept" and "September" are "sep").
const MONTH_PREFIX_CHARS: usize = 3;

/// Adds a Name finding for every named party of `pair` that changed, came or went,
/// unless a Speaker or Attribution finding already names it.
pub(super) fn name_findings(pair: &Pair<'_>, findings: &mut Vec<Finding>) {
    span_findings(
        pair,
        [&pair.old_parts.names, &pair.new_parts.names],
        Kind {
            class: ChangeClass::Name,
            noun: "name",
            same: same_words,
            explained_by: &[ChangeClass::Speaker, ChangeClass::Attribution],
        },
        findings,
    );
}

/// Adds a Date finding for every date or time of `pair` that changed, came or went.
pub(super) fn date_findings(pair: &Pair<'_>, findings: &mut Vec<Finding>) {
    span_findings(
        pair,
        [&pair.old_parts.dates, &pair.new_parts.dates],
        Kind {
            class: ChangeClass::Date,
            noun: "date",
            same: same_date,
            explained_by: &[],
        },
        findings,
    );
}

/// What kind of part is compared, and how.
#[derive(Clone, Copy)]
struct Kind {
    /// The class of its findings.
    class: ChangeClass,
    /// What an explanation calls it when it comes or goes ("name “Idlib” added").
    noun: &'static str,
    /// Whether two of its spellings say the same.
    same: fn(&str, &str) -> bool,
    /// Findings that already explain a change to it.
    explained_by: &'static [ChangeClass],
}

/// Adds a finding of `kind` for every part at `[old, new]` that changed, came or went.
fn span_findings(
    pair: &Pair<'_>,
    [old_parts, new_parts]: [&Vec<Range<usize>>; 2],
    kind: Kind,
    findings: &mut Vec<Finding>,
) {
    let alignment = &pair.alignment;
    let same = |old_index: usize, new_index: usize| {
        (kind.same)(
            &pair.old[old_parts[old_index].clone()],
            &pair.new[new_parts[new_index].clone()],
        )
    };
    for pairing in alignment.pair(old_parts, new_parts, same) {
        let (old, new) = match pairing {
            Pairing::Both(old_index, new_index) => {
                (Some(&old_parts[old_index]), Some(&new_parts[new_index]))
            }
            Pairing::Removed(old_index) => (Some(&old_parts[old_index]), None),
            Pairing::Added(new_index) => (None, Some(&new_parts[new_index])),
        };
        if explained(findings, kind.explained_by, old, new) {
            continue;
        }
        // What the part's words became on the other side, named or not.
        let old_words = old.map_or_else(
            || &pair.old[new.map_or(0..0, |new| alignment.image(new, Side::New))],
            |old| &pair.old[old.clone()],
        );
        let new_words = new.map_or_else(
            || &pair.new[old.map_or(0..0, |old| alignment.image(old, Side::Old))],
            |new| &pair.new[new.clone()],
        );
        if (kind.same)(old_words, new_words) {
            continue;
        }
        let explanation = match (old, new) {
            (Some(_), Some(_)) => format!("{} became {}", quoted(old_words), quoted(new_words)),
            (Some(_), None) => format!("{} {} dropped", kind.noun, quoted(old_words)),
            _ => format!("{} {} added", kind.noun, quoted(new_words)),
        };
        findings.push(Finding {
            class: kind.class,
            old: old.cloned(),
            new: new.cloned(),
            explanation,
        });
    }
}

/// Whether two dates say the same day or time: the same content words, months by
/// their first letters.
fn same_date(old: &str, new: &str) -> bool {
    // Run together, letters and digits only, so that "10pm" and "10 p.m." are one time.
    let words = |text: &str| {
        content_words(text)
            .map(month_or_word)
            .collect::<String>()
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
    };
    words(old) == words(new)
}

/// A month's first letters ("sept" and "september" → "sep"), or the word itself.
fn month_or_word(word: String) -> String {
    let is_month = word.len() >= MONTH_PREFIX_CHARS
        && MONTHS
            .split('|')
            .any(|month| month.to_lowercase().starts_with(&word));
    if is_month {
        word.chars().take(MONTH_PREFIX_CHARS).collect()
    } else {
        word
    }
}
