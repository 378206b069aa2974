//! Quote and Speaker findings: a direct quote whose words changed, a quote added or
//! removed, and a quote put in someone else's mouth.
//!
//! A quote's words are compared word by word with typography, case and punctuation
//! set aside, so straightening its quotation marks or its apostrophes is a Minor edit;
//! any other change to what someone is quoted as saying is a Quote, however small.
//! Speakers are compared as names (`spelling.rs`): "al Halabi" → "al-Halabi" is the
//! same speaker.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation as _;

use super::alignment::Pairing;
use super::parts::Quote;
use super::spelling::same_words;
use super::wording::{clamp, quoted};
use super::{ChangeClass, Finding, Pair};
use crate::core::similarity::fold_word;

/// Adds a Quote finding for every quote of `pair` whose words changed, came or went,
/// and a Speaker finding for every quote whose speaker changed.
pub(super) fn quote_findings(pair: &Pair<'_>, findings: &mut Vec<Finding>) {
    let old_quotes = &pair.old_parts.quotes;
    let new_quotes = &pair.new_parts.quotes;
    let bytes = |quotes: &[Quote]| quotes.iter().map(|q| q.bytes.clone()).collect::<Vec<_>>();
    let same = |old_index: usize, new_index: usize| {
        let old = &pair.old[old_quotes[old_index].words.clone()];
        let new = &pair.new[new_quotes[new_index].words.clone()];
        words(old) == words(new)
    };
    for pairing in pair
        .alignment
        .pair(&bytes(old_quotes), &bytes(new_quotes), same)
    {
        match pairing {
            Pairing::Both(old_index, new_index) => {
                let (old, new) = (&old_quotes[old_index], &new_quotes[new_index]);
                findings.extend(words_changed(pair, old, new));
                findings.extend(speaker_changed(pair, old, new));
            }
            Pairing::Removed(old_index) => {
                let old = &old_quotes[old_index];
                findings.push(Finding {
                    class: ChangeClass::Quote,
                    old: Some(old.bytes.clone()),
                    new: None,
                    explanation: format!("quote {} dropped", quoted(&pair.old[old.words.clone()])),
                });
            }
            Pairing::Added(new_index) => {
                let new = &new_quotes[new_index];
                findings.push(Finding {
                    class: ChangeClass::Quote,
                    old: None,
                    new: Some(new.bytes.clone()),
                    explanation: format!("quote {} added", quoted(&pair.new[new.words.clone()])),
                });
            }
        }
    }
}

/// The Quote finding for the quote `old` rewritten as `new`, if its words changed: the
/// edited words inside the quote on each side.
fn words_changed(pair: &Pair<'_>, old: &Quote, new: &Quote) -> Option<Finding> {
    if words(&pair.old[old.words.clone()]) == words(&pair.new[new.words.clone()]) {
        return None;
    }
    let inside = |edited: &Range<usize>, quote: &Range<usize>| {
        let clamped = clamp(edited, quote);
        (!clamped.is_empty()).then_some(clamped)
    };
    let (mut old_span, mut new_span): (Option<Range<usize>>, Option<Range<usize>>) = (None, None);
    for edit in pair.alignment.edits() {
        let old_inside = inside(&edit.old, &old.words);
        let new_inside = inside(&edit.new, &new.words);
        old_span = widen(old_span, old_inside);
        new_span = widen(new_span, new_inside);
    }
    let old_words = old_span.clone().map_or("", |span| pair.old[span].trim());
    let new_words = new_span.clone().map_or("", |span| pair.new[span].trim());
    let explanation = match (old_words.is_empty(), new_words.is_empty()) {
        (true, false) => format!("{} added to the quote", quoted(new_words)),
        (false, true) => format!("{} cut from the quote", quoted(old_words)),
        _ => format!("quote {} became {}", quoted(old_words), quoted(new_words)),
    };
    Some(Finding {
        class: ChangeClass::Quote,
        old: old_span.or_else(|| Some(old.words.clone())),
        new: new_span.or_else(|| Some(new.words.clone())),
        explanation,
    })
}

/// The words of a quote as compared: typography, case and punctuation set aside.
fn words(quote: &str) -> Vec<String> {
    quote.unicode_words().map(fold_word).collect()
}

/// The smallest range holding `span` and `more`, either of which may be missing.
fn widen(span: Option<Range<usize>>, more: Option<Range<usize>>) -> Option<Range<usize>> {
    match (span, more) {
        (Some(span), Some(more)) => Some(span.start.min(more.start)..span.end.max(more.end)),
        (span, more) => span.or(more),
    }
}

/// The Speaker finding for the quote `old` rewritten as `new`, if an edit changed who
/// it is from.
fn speaker_changed(pair: &Pair<'_>, old: &Quote, new: &Quote) -> Option<Finding> {
    let alignment = &pair.alignment;
    let explanation = match (&old.speaker, &new.speaker) {
        (Some(old_speaker), Some(new_speaker)) => {
            let old_name = &pair.old[old_speaker.clone()];
            let new_name = &pair.new[new_speaker.clone()];
            let edited = alignment.touches_old(old_speaker) || alignment.touches_new(new_speaker);
            (edited && !same_words(old_name, new_name))
                .then(|| format!("speaker {} became {}", quoted(old_name), quoted(new_name)))?
        }
        (Some(old_speaker), None) if alignment.touches_old(old_speaker) => {
            format!("speaker {} dropped", quoted(&pair.old[old_speaker.clone()]))
        }
        (None, Some(new_speaker)) if alignment.touches_new(new_speaker) => {
            format!("speaker {} added", quoted(&pair.new[new_speaker.clone()]))
        }
        _ => return None,
    };
    Some(Finding {
        class: ChangeClass::Speaker,
        old: old.speaker.clone(),
        new: new.speaker.clone(),
        explanation,
    })
}
