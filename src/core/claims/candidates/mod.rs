//! Claim candidates: the sentences of the copy Factdesk proposes for checking, and why.
//!
//! Detection is rule-based, offline and explainable: each sentence (see
//! [`super::sentences`]) is read for
//! - figures and quantities ("around 60,000 people", "less than five minutes"),
//! - dates and times ("on Tuesday", "at the end of April", "since 2015"),
//! - direct quotes and their speakers ("“…,” said Abdullah Younis"),
//! - attributions and reported speech ("according to", "told Reuters", "deny"),
//! - superlatives and comparisons ("last major stronghold", "more than"),
//! - causes, accusations, denials and harm done ("scorched earth strategy", "killed"),
//! - and the named parties making or receiving the claim.
//!
//! A sentence with at least one of these (named parties aside) becomes a [`Candidate`],
//! with every [`Reason`] found and a check-worthiness score (see [`CandidateKind::weight`]).
//! The lexicons are small and in code; nothing leaves the machine.

pub(crate) mod attribution;
mod capitals;
pub(crate) mod entities;
pub(crate) mod lexicon;
pub(crate) mod quotes;

use std::ops::Range;

use regex::Regex;
use serde::{Deserialize, Serialize};

use super::sentences::{CharCursor, Paragraph, paragraphs};
use crate::core::anchor::byte_range;
use crate::core::article::{Document, Role};

use entities::NameIndex;
use lexicon::Lexical;

/// What makes a sentence worth checking.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CandidateKind {
    /// A figure or quantity: a count, a percentage, money, a duration.
    Figure,
    /// A date or time.
    Date,
    /// A direct quote, in quotation marks.
    Quote,
    /// An attribution or reported speech: who says so.
    Attribution,
    /// A superlative, a rank ("last major stronghold"), a comparison or a change.
    Comparison,
    /// A named person, organisation or place making or receiving the claim.
    Entity,
    /// A cause, an accusation, a denial or harm done.
    Causal,
}

impl CandidateKind {
    /// Every kind, in the order lists and filters show them.
    pub const ALL: [Self; 7] = [
        Self::Figure,
        Self::Date,
        Self::Quote,
        Self::Attribution,
        Self::Comparison,
        Self::Entity,
        Self::Causal,
    ];

    /// The name an editor reads.
    pub fn label(self) -> &'static str {
        match self {
            Self::Figure => "Figure",
            Self::Date => "Date or time",
            Self::Quote => "Direct quote",
            Self::Attribution => "Attribution",
            Self::Comparison => "Superlative or comparison",
            Self::Entity => "Named party",
            Self::Causal => "Cause or accusation",
        }
    }

    /// How much the kind adds to a sentence's check-worthiness score.
    ///
    /// The score of a candidate is the sum of the weights of its kinds, plus
    /// [`EXTRA_REASON_WEIGHT`] for each reason beyond the first of its kind (named
    /// parties aside) up to [`MAX_EXTRA_WEIGHT`], clamped to 1 and rounded to two
    /// decimals. Figures and quotes are what readers repeat and checkers can verify, so
    /// they weigh most; accusations carry legal risk; a bare date weighs least, and a
    /// named party barely counts on its own.
    pub fn weight(self) -> f32 {
        match self {
            Self::Figure | Self::Quote => 0.35,
            Self::Causal => 0.3,
            Self::Attribution => 0.2,
            Self::Comparison => 0.15,
            Self::Date => 0.1,
            Self::Entity => 0.05,
        }
    }
}

/// What each reason beyond the first of its kind adds to the score.
pub const EXTRA_REASON_WEIGHT: f32 = 0.05;

/// The most that extra reasons of the same kinds add to the score together.
pub const MAX_EXTRA_WEIGHT: f32 = 0.15;

/// One thing found in a sentence that makes it worth checking.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Reason {
    /// What was found.
    pub kind: CandidateKind,
    /// Code-point offset in the full text of the first character found.
    pub start: usize,
    /// Code-point offset in the full text just past the last character found.
    pub end: usize,
    /// The words found, exactly as in the text.
    pub matched: String,
    /// Why it counts, in the editor's words: "figure “60,000 people”", "quote from
    /// Abdullah Younis".
    pub explanation: String,
}

/// A sentence Factdesk proposes for checking.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Candidate {
    /// Code-point offset of the sentence's first character in the full text.
    pub start: usize,
    /// Code-point offset just past its last character.
    pub end: usize,
    /// The sentence, exactly as in the text.
    pub sentence: String,
    /// The kinds of its reasons, sorted, each once.
    pub kinds: Vec<CandidateKind>,
    /// Check-worthiness from 0 to 1 (see [`CandidateKind::weight`]).
    pub score: f32,
    /// Everything found in the sentence, in reading order.
    pub reasons: Vec<Reason>,
}

impl Candidate {
    /// The reasons on one line: "figure “60,000 people”; quote from Abdullah Younis;
    /// attribution “said” (Rescuers there)".
    pub fn reason_summary(&self) -> String {
        let explanations: Vec<&str> = self
            .reasons
            .iter()
            .map(|reason| reason.explanation.as_str())
            .collect();
        explanations.join("; ")
    }

    /// The sentence with its whitespace normalised, so that a dismissal is remembered
    /// when the sentence moves or is re-wrapped.
    pub fn key(&self) -> String {
        self.sentence
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Sorts candidates by score, highest first; candidates with the same score stay in
/// reading order.
pub fn sort_by_score(candidates: &mut [Candidate]) {
    candidates.sort_by(|left, right| right.score.total_cmp(&left.score));
}

/// The claim candidates of `text`, in reading order: every sentence with at least one
/// reason other than a named party.
pub fn find_candidates(text: &str) -> Vec<Candidate> {
    let whole = 0..text.len();
    detect(text, std::slice::from_ref(&whole))
}

/// The claim candidates of a document's text, leaving out its credits, bylines and
/// datelines (when the document has segments). Offsets are in the document's full text.
pub fn document_candidates(document: &Document) -> Vec<Candidate> {
    let text = document.text.as_str();
    let skipped: Vec<Range<usize>> = document
        .segments
        .iter()
        .filter(|segment| matches!(segment.role, Role::Credit | Role::Byline | Role::Dateline))
        .filter_map(|segment| byte_range(text, &segment.char_range()))
        .collect();
    let mut kept = Vec::new();
    let mut start = 0;
    for skip in skipped {
        if skip.start > start {
            kept.push(start..skip.start);
        }
        start = start.max(skip.end);
    }
    kept.push(start..text.len());
    detect(text, &kept)
}

/// A name: capitalised words with the particles of Arabic and European names ("Abdul
/// Rahman al Halabi", "Maarat al-Numan"), shared by the finders of speakers, sources and
/// named parties.
const NAME: &str = concat!(
    r"(?:\p{Lu}[\p{L}\p{M}]*(?:['’-]\p{Lu}[\p{L}\p{M}]*)*|(?:al|el|ad|as|ash|at)-\p{Lu}[\p{L}\p{M}]*)",
    r"(?:[ \t\u{a0}]+(?:(?:al|el|bin|ibn|abu|abd|de|da|del|della|der|den|van|von|la|le|du|di|dos|das)[ \t\u{a0}]+)?",
    r"(?:\p{Lu}[\p{L}\p{M}]*(?:['’-]\p{Lu}[\p{L}\p{M}]*)*|(?:al|el|ad|as|ash|at)-\p{Lu}[\p{L}\p{M}]*))*"
);

/// Whether `word` is one of `words`, whatever its case ("The" is "the").
fn is_one_of(words: &[&str], word: &str) -> bool {
    words.iter().any(|listed| listed.eq_ignore_ascii_case(word))
}

/// Compiles one of the module's constant patterns.
#[expect(
    clippy::expect_used,
    reason = "the patterns are constants, checked by the tests"
)]
fn compile(pattern: &str) -> Regex {
    Regex::new(pattern).expect("valid pattern")
}

/// A reason found in a sentence, by byte range of the analysed text, before it is
/// turned into a [`Reason`] with code-point offsets.
pub(crate) struct Found {
    /// What was found.
    pub kind: CandidateKind,
    /// Where, in bytes of the analysed text.
    pub bytes: Range<usize>,
    /// Why it counts.
    pub explanation: String,
}

impl Found {
    /// A reason of `kind` at `bytes`.
    pub fn new(kind: CandidateKind, bytes: Range<usize>, explanation: String) -> Self {
        Self {
            kind,
            bytes,
            explanation,
        }
    }
}

/// The candidates of the byte ranges `ranges` of `text` (in order, not overlapping).
///
/// Each finder runs once over each range (a pattern search per sentence would cost
/// more than the search itself) and what it finds is sorted into the sentences.
fn detect(text: &str, ranges: &[Range<usize>]) -> Vec<Candidate> {
    let paragraphs: Vec<Paragraph> = ranges
        .iter()
        .flat_map(|range| paragraphs(text, range.clone()))
        .collect();
    let sentences: Vec<Range<usize>> = paragraphs
        .iter()
        .flat_map(|paragraph| paragraph.sentences.iter().cloned())
        .collect();
    let mut lexical = Lexical::with_capacity(text.len() / BYTES_PER_REASON);
    for range in ranges {
        let words = &text[range.clone()];
        lexicon::lexical(words, range.start, &mut lexical);
        lexicon::dates(words, range.start, &mut lexical.found);
    }
    let attributions = attribution::attributions(text, &lexical.reporting_verbs, &sentences);
    let mut found: Vec<(usize, Found)> = lexical
        .found
        .into_iter()
        .filter_map(|found| Some((sentence_of(&sentences, &found.bytes)?, found)))
        .collect();
    found.extend(
        attributions
            .iter()
            .map(|(index, attribution)| (*index, attribution.to_found())),
    );
    let mut first_sentence = 0;
    for paragraph in &paragraphs {
        let source_of = |local: usize| {
            let index = first_sentence + local;
            let at = attributions.partition_point(|(sentence, _)| *sentence < index);
            attributions[at..]
                .iter()
                .take_while(|(sentence, _)| *sentence == index)
                .find_map(|(_, attribution)| attribution.source.clone())
        };
        for (local, quote) in quote_reasons(text, paragraph, &source_of) {
            found.push((first_sentence + local, quote));
        }
        first_sentence += paragraph.sentences.len();
    }
    found.sort_by_key(|(index, _)| *index);
    let names = NameIndex::new(text, ranges, &sentences);
    let mut cursor = CharCursor::default();
    let mut candidates = Vec::new();
    let mut found = found.into_iter().peekable();
    while let Some((index, first)) = found.next() {
        let mut reasons = Vec::with_capacity(REASONS_PER_SENTENCE);
        reasons.push(first);
        while let Some((_, more)) = found.next_if(|(next, _)| *next == index) {
            reasons.push(more);
        }
        let sentence = &sentences[index];
        names.add_named_parties(text, index, &mut reasons);
        let start = cursor.char_offset(text, sentence.start);
        candidates.push(candidate(text, sentence, start, reasons));
    }
    candidates
}

/// Room made for a sentence's reasons: news sentences rarely give more.
const REASONS_PER_SENTENCE: usize = 16;

/// Bytes of copy per reason found, roughly, to size the lists up front.
const BYTES_PER_REASON: usize = 64;

/// The index of the sentence (of `sentences`, in order) that holds all of `bytes`;
/// `None` for words outside every sentence or across two of them.
fn sentence_of(sentences: &[Range<usize>], bytes: &Range<usize>) -> Option<usize> {
    let index = sentences.partition_point(|sentence| sentence.end <= bytes.start);
    let sentence = sentences.get(index)?;
    (sentence.start <= bytes.start && bytes.end <= sentence.end).then_some(index)
}

/// The direct quotes of `paragraph`, as reasons of its sentences (by index in the
/// paragraph); `source_of` names the source a sentence attributes itself to, if any.
fn quote_reasons(
    text: &str,
    paragraph: &Paragraph,
    source_of: &dyn Fn(usize) -> Option<String>,
) -> Vec<(usize, Found)> {
    let mut found = Vec::new();
    for quotation in quotes::quotations(text, &paragraph.bytes) {
        let explanation =
            quotes::speaker(text, &quotation, &paragraph.sentences, source_of).explanation();
        for (local, sentence) in paragraph.sentences.iter().enumerate() {
            let start = quotation.bytes.start.max(sentence.start);
            let end = quotation.bytes.end.min(sentence.end);
            if start < end {
                let quote = Found::new(CandidateKind::Quote, start..end, explanation.clone());
                found.push((local, quote));
            }
        }
    }
    found
}

/// The candidate for the sentence at `sentence` (bytes of `text`, starting at code
/// point `start`) with what was found in it.
fn candidate(text: &str, sentence: &Range<usize>, start: usize, found: Vec<Found>) -> Candidate {
    let words = &text[sentence.clone()];
    // Reasons come in reading order: count code points forward, once.
    let mut cursor = CharCursor::default();
    let reasons: Vec<Reason> = resolve_overlaps(found)
        .into_iter()
        .map(|found| {
            let reason_start = cursor.char_offset(words, found.bytes.start - sentence.start);
            let matched = &text[found.bytes];
            Reason {
                kind: found.kind,
                start: start + reason_start,
                end: start + reason_start + matched.chars().count(),
                matched: matched.to_owned(),
                explanation: found.explanation,
            }
        })
        .collect();
    let mut kinds: Vec<CandidateKind> = reasons.iter().map(|reason| reason.kind).collect();
    kinds.sort_unstable();
    kinds.dedup();
    Candidate {
        start,
        end: start + words.chars().count(),
        sentence: words.to_owned(),
        score: score(&kinds, &reasons),
        kinds,
        reasons,
    }
}

/// The check-worthiness of a sentence with `reasons` of `kinds` (see
/// [`CandidateKind::weight`]).
fn score(kinds: &[CandidateKind], reasons: &[Reason]) -> f32 {
    let base: f32 = kinds.iter().map(|kind| kind.weight()).sum();
    let counted = reasons
        .iter()
        .filter(|reason| reason.kind != CandidateKind::Entity)
        .count();
    let counted_kinds = kinds
        .iter()
        .filter(|kind| **kind != CandidateKind::Entity)
        .count();
    let extra_reasons = counted.saturating_sub(counted_kinds) as f32;
    let extra = (extra_reasons * EXTRA_REASON_WEIGHT).min(MAX_EXTRA_WEIGHT);
    ((base + extra).min(1.0) * 100.0).round() / 100.0
}

/// Settles what several finders found in the same words, in reading order:
/// - of two overlapping reasons of the same kind, the longer stays (attributions and
///   quotes aside: each verb and each quote is its own reason);
/// - a figure, date or comparison inside a longer one of the others goes ("12" in
///   "Sept. 12", "more than" in "more than 400 people"); with the same words, a figure
///   beats a date and a date a comparison;
/// - a named party inside an attribution, figure or date goes (the source is already
///   named there).
pub(crate) fn resolve_overlaps(mut found: Vec<Found>) -> Vec<Found> {
    found.sort_by_key(|f| (f.bytes.start, std::cmp::Reverse(f.bytes.end), f.kind));
    let mut kept: Vec<Found> = Vec::with_capacity(found.len());
    for candidate in found {
        if !kept.iter().any(|earlier| shadows(earlier, &candidate)) {
            kept.push(candidate);
        }
    }
    kept
}

/// Whether `earlier` (which starts no later) makes `later` redundant.
fn shadows(earlier: &Found, later: &Found) -> bool {
    use CandidateKind::{Attribution, Comparison, Date, Entity, Figure, Quote};
    let overlaps = later.bytes.start < earlier.bytes.end;
    let contains = later.bytes.end <= earlier.bytes.end && overlaps;
    let lexical = |kind| matches!(kind, Figure | Date | Comparison);
    match (earlier.kind, later.kind) {
        (Attribution, Attribution) | (Quote, Quote) => false,
        (same, other) if same == other => overlaps,
        (Attribution | Figure | Date, Entity) => contains,
        (first, second) if lexical(first) && lexical(second) => contains,
        _ => false,
    }
}

/// The byte ranges of `sentences` (given as substrings) in `text`, for the unit tests
/// of the finders that take a text already split into sentences.
#[cfg(test)]
fn sentence_ranges(text: &str, sentences: &[&str]) -> Vec<Range<usize>> {
    sentences
        .iter()
        .map(|sentence| {
            let start = text
                .find(sentence)
                .unwrap_or_else(|| panic!("no {sentence:?}"));
            start..start + sentence.len()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Checks a candidate's score, to the two decimals it is rounded to.
    fn assert_score(candidate: &Candidate, expected: f32) {
        assert!(
            (candidate.score - expected).abs() < 1e-6,
            "{} is not {expected}",
            candidate.score
        );
    }

    #[test]
    fn a_plain_sentence_is_no_candidate() {
        assert!(find_candidates("The weather was mild and the roads were quiet.").is_empty());
        assert!(find_candidates("Middle EastTop StoriesWorld\n\nBack to top button").is_empty());
    }

    #[test]
    fn a_candidate_carries_its_offsets_kinds_score_and_reasons() {
        let text = "Intro.\n\nRescuers there said around 60,000 people had fled.";
        let [candidate] = find_candidates(text).try_into().unwrap();
        assert_eq!((candidate.start, candidate.end), (8, 58));
        assert_eq!(
            candidate.kinds,
            [CandidateKind::Figure, CandidateKind::Attribution]
        );
        assert_score(&candidate, 0.55);
        assert_eq!(
            candidate.reason_summary(),
            "attribution “said” (Rescuers there); figure “around 60,000 people”"
        );
        let figure = &candidate.reasons[1];
        assert_eq!((figure.start, figure.end), (28, 48));
    }

    #[test]
    fn the_score_grows_with_kinds_and_reasons_and_stays_below_one() {
        let one = find_candidates("It fell on Tuesday.");
        assert_score(&one[0], 0.1);
        let many = find_candidates(
            "“There were 15 raids on Jarjanaz in less than five minutes, the biggest yet, \
             and they killed 20 people,” Abdul Rahman al Halabi told Reuters on Tuesday.",
        );
        assert_score(&many[0], 1.0);
        let mut both = [one[0].clone(), many[0].clone()];
        sort_by_score(&mut both);
        assert_score(&both[0], 1.0);
    }

    #[test]
    fn the_key_ignores_wrapping() {
        let text = "Rescuers   said\t60,000 fled.";
        assert_eq!(find_candidates(text)[0].key(), "Rescuers said 60,000 fled.");
    }

    #[test]
    fn a_quote_over_two_sentences_is_found_in_both_with_its_speaker() {
        let text = "“We left at dawn. There was nothing left,” said Ahmed Khalil. Others stayed.";
        let candidates = find_candidates(text);
        assert_eq!(candidates.len(), 2);
        for candidate in &candidates {
            assert!(
                candidate
                    .reasons
                    .iter()
                    .any(|r| r.kind == CandidateKind::Quote
                        && r.explanation == "quote from Ahmed Khalil"),
                "{candidate:?}"
            );
        }
        assert_eq!(candidates[0].reasons[0].matched, "“We left at dawn.");
    }

    #[test]
    fn labels_and_kinds_are_listed_once() {
        let labels: std::collections::HashSet<_> =
            CandidateKind::ALL.iter().map(|k| k.label()).collect();
        assert_eq!(labels.len(), CandidateKind::ALL.len());
        assert_eq!(
            serde_json::to_string(&CandidateKind::Causal).unwrap(),
            "\"causal\""
        );
    }
}
