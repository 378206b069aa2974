//! What one version of a sentence holds that a checker compares: its figures, dates,
//! direct quotes and their speakers, attributions, named parties, and negations and
//! hedges.
//!
//! The finders are those of claim-candidate detection (`claims::candidates`), run on
//! the one sentence, so a change is classified by the same reading of the copy that
//! proposed the sentence for checking. Overlaps are settled the same way: a figure
//! inside a date is the date's ("12" in "Sept. 12"), a name inside an attribution is
//! its source. Numbers the figure finder leaves alone ("five of them") are read too, so
//! that a changed number never passes as a style edit.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation as _;

use super::hedges::{Hedge, hedges};
use crate::core::claims::candidates::CandidateKind;
use crate::core::claims::candidates::attribution::{Attribution, attributions};
use crate::core::claims::candidates::entities::sentence_names;
use crate::core::claims::candidates::lexicon::{self, Lexical};
use crate::core::claims::candidates::quotes::{Speaker, is_quotation_mark, quotations, speaker};
use crate::core::claims::candidates::{Found, resolve_overlaps};
use crate::core::numbers::{CARDINALS, ReadQuantity, read_quantity};

/// A figure: a quantity and what it counts ("at least 400,000 people").
pub(super) struct Figure {
    /// Where it is, by byte range of the sentence.
    pub bytes: Range<usize>,
    /// What its quantity says, when it can be read.
    pub quantity: Option<ReadQuantity>,
}

/// A direct quote and who said it.
pub(super) struct Quote {
    /// The quote with its quotation marks, by byte range of the sentence.
    pub bytes: Range<usize>,
    /// The quoted words, without the marks.
    pub words: Range<usize>,
    /// Where its speaker is named (or referred to by a pronoun), if in the sentence.
    pub speaker: Option<Range<usize>>,
}

/// The parts of one sentence, each list in reading order, by byte range of the
/// sentence.
pub(super) struct Parts {
    /// The sentence cut at Unicode word boundaries (see [`word_tokens`]).
    pub tokens: Vec<Range<usize>>,
    /// Figures and other numbers.
    pub figures: Vec<Figure>,
    /// Dates and times.
    pub dates: Vec<Range<usize>>,
    /// Direct quotes.
    pub quotes: Vec<Quote>,
    /// Attributions.
    pub attributions: Vec<Attribution>,
    /// Named parties outside attributions, figures and dates.
    pub names: Vec<Range<usize>>,
    /// Negations and hedges.
    pub hedges: Vec<Hedge>,
}

impl Parts {
    /// Reads `sentence`.
    pub fn read(sentence: &str) -> Self {
        let tokens = word_tokens(sentence);
        let whole = 0..sentence.len();
        let sentences = std::slice::from_ref(&whole);
        let mut lexical = Lexical::default();
        lexicon::lexical(sentence, 0, &mut lexical);
        lexicon::dates(sentence, 0, &mut lexical.found);
        let attributions: Vec<Attribution> =
            attributions(sentence, &lexical.reporting_verbs, sentences)
                .into_iter()
                .map(|(_, attribution)| attribution)
                .collect();
        let mut found = lexical.found;
        found.extend(attributions.iter().map(Attribution::to_found));
        found.extend(
            sentence_names(sentence)
                .into_iter()
                .map(|bytes| Found::new(CandidateKind::Entity, bytes, String::new())),
        );
        let mut figures = Vec::new();
        let mut dates = Vec::new();
        let mut names = Vec::new();
        for found in resolve_overlaps(found) {
            match found.kind {
                CandidateKind::Figure => figures.push(found.bytes),
                CandidateKind::Date => dates.push(found.bytes),
                CandidateKind::Entity => names.push(found.bytes),
                _ => {}
            }
        }
        let source = attributions
            .iter()
            .find_map(|attribution| attribution.source.clone());
        let quotes = quotations(sentence, &whole)
            .into_iter()
            .map(|quotation| {
                let speaker = match speaker(sentence, &quotation, sentences, &|_| source.clone()) {
                    Speaker::Named { bytes, .. } | Speaker::Pronoun { bytes, .. } => Some(bytes),
                    Speaker::Attributed(_) | Speaker::Unknown => None,
                };
                Quote {
                    words: quoted_words(sentence, &quotation.bytes),
                    bytes: quotation.bytes,
                    speaker,
                }
            })
            .collect();
        let reporting: Vec<Range<usize>> = attributions
            .iter()
            .map(|attribution| attribution.verb_bytes.clone())
            .collect();
        Self {
            figures: with_other_numbers(sentence, &tokens, &figures, &dates),
            hedges: hedges(sentence, &tokens, &reporting),
            tokens,
            dates,
            quotes,
            attributions,
            names,
        }
    }
}

/// `sentence` cut at Unicode word boundaries, by byte range: words ("60,000" and
/// "isn't" are one each), spaces and punctuation marks each a token, covering the
/// sentence in order. The diff compares these, and the hedge and number finders read
/// them, so a sentence is segmented once.
pub(super) fn word_tokens(sentence: &str) -> Vec<Range<usize>> {
    sentence
        .split_word_bound_indices()
        .map(|(at, token)| at..at + token.len())
        .collect()
}

/// The words of the quote at `quote`, without its quotation marks.
fn quoted_words(sentence: &str, quote: &Range<usize>) -> Range<usize> {
    let passage = &sentence[quote.clone()];
    let inner = passage.trim_start_matches(is_quotation_mark);
    let start = quote.start + passage.len() - inner.len();
    start..start + inner.trim_end_matches(is_quotation_mark).len()
}

/// The figures at `figures`, read, with the numbers of `sentence` (cut into `tokens`)
/// outside them and outside the dates at `dates` ("five of them", "Covid-19"), in
/// reading order.
fn with_other_numbers(
    sentence: &str,
    tokens: &[Range<usize>],
    figures: &[Range<usize>],
    dates: &[Range<usize>],
) -> Vec<Figure> {
    let mut read: Vec<Figure> = figures
        .iter()
        .map(|bytes| Figure {
            bytes: bytes.clone(),
            quantity: read_quantity(&sentence[bytes.clone()]),
        })
        .collect();
    let covered = |at: usize| figures.iter().chain(dates).any(|part| part.contains(&at));
    let mut after = 0;
    for token in tokens {
        let at = token.start;
        if at < after || covered(at) || !is_number_word(&sentence[token.clone()]) {
            continue;
        }
        let Some(mut quantity) = read_quantity(&sentence[at..]) else {
            continue;
        };
        // A number read on into a figure or a date stops there.
        let end = at + quantity.length;
        if let Some(next) = figures
            .iter()
            .chain(dates)
            .map(|part| part.start)
            .filter(|start| at < *start && *start < end)
            .min()
        {
            let Some(shorter) = read_quantity(&sentence[at..next]) else {
                continue;
            };
            quantity = shorter;
        }
        let bytes = at..at + quantity.length;
        after = bytes.end;
        read.push(Figure {
            bytes,
            quantity: Some(quantity),
        });
    }
    read.sort_by_key(|figure| figure.bytes.start);
    read
}

/// Whether a word is a number: digits, or a number word from two up ("one" is "no one"
/// and "one of them" more often than a count).
fn is_number_word(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_digit())
        || CARDINALS
            .iter()
            .any(|(cardinal, _)| cardinal.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text of each of `ranges` in `sentence`.
    fn texts(sentence: &str, ranges: impl IntoIterator<Item = Range<usize>>) -> Vec<&str> {
        ranges.into_iter().map(|range| &sentence[range]).collect()
    }

    #[test]
    fn one_sentence_read_like_candidates() {
        let sentence = "“There were 15 raids on Jarjanaz in less than five minutes,” Abdul Rahman al Halabi told Reuters on Tuesday.";
        let parts = Parts::read(sentence);
        assert_eq!(
            texts(sentence, parts.figures.iter().map(|f| f.bytes.clone())),
            ["15 raids", "less than five minutes"]
        );
        assert_eq!(texts(sentence, parts.dates.clone()), ["on Tuesday"]);
        let quote = &parts.quotes[0];
        assert_eq!(
            &sentence[quote.words.clone()],
            "There were 15 raids on Jarjanaz in less than five minutes,"
        );
        assert_eq!(
            texts(sentence, quote.speaker.clone()),
            ["Abdul Rahman al Halabi"]
        );
        let attribution = &parts.attributions[0];
        assert_eq!(&sentence[attribution.verb_bytes.clone()], "told Reuters");
        assert_eq!(
            texts(sentence, attribution.source_bytes.clone()),
            ["Abdul Rahman al Halabi"]
        );
        assert_eq!(texts(sentence, parts.names.clone()), ["Jarjanaz"]);
    }

    #[test]
    fn numbers_outside_figures_and_names_opening_the_sentence() {
        let sentence = "Russia sent five of them in 2015 and two hundred and fifty thousand more.";
        let parts = Parts::read(sentence);
        assert_eq!(
            texts(sentence, parts.figures.iter().map(|f| f.bytes.clone())),
            ["five", "two hundred and fifty thousand"]
        );
        assert_eq!(texts(sentence, parts.names.clone()), ["Russia"]);
        assert_eq!(texts(sentence, parts.dates.clone()), ["in 2015"]);
    }
}
