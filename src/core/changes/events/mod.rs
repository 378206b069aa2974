//! Changes that matter as an editor lists them: one event per editorial change,
//! ranked, instead of one finding per fact.
//!
//! Comparing a wire story with its republication, a checker writes a short list: the
//! attribution that was dropped from the lede, the figure that lost its qualifier, the
//! paragraphs cut from the end, the AFP caption that replaced Reuters'. [`events`]
//! builds that list from the two versions' sentence alignment and their story parts:
//! - **inside a sentence both versions keep**, each finding of [`classify`] that
//!   matters is an event (an attribution, a quote or its speaker, a figure, a hedge, a
//!   date, a name); findings about the same words are one event;
//! - **a passage dropped or added** (`passages.rs`) is one event per run of sentences,
//!   carrying the facts inside as details; an added passage says which other version of
//!   the project accounts for it, if one does;
//! - **the end**: paragraphs trimmed from the bottom are one event, and copy cut off
//!   (the import's flag) is one event, so the missing tail is read as a cut, not as
//!   the publication's own edit;
//! - **story parts** (`parts.rs`): the headline rewritten, a standfirst, caption,
//!   byline, dateline or closing credit added, dropped or changed, compared as parts,
//!   so a replaced caption is one event, not a name dropped for every name it held;
//! - **emphasis**: a passage moved into or out of the first two paragraphs;
//! - **house style** (`style.rs`): every minor edit, grouped by kind with a count
//!   ("quote marks ×6"), listed last.
//!
//! Set-aside text is not in the documents' text, so it never yields an event. A name
//! found only as the first word of a sentence is a name only when the texts show it
//! capitalised elsewhere (`names.rs`).

mod names;
mod parts;
mod passages;
mod style;

use std::ops::Range;

use serde::Serialize;

use crate::core::align::{Alignment, RowKind, Unit};
use crate::core::article::{Document, Role};
use crate::core::claims::candidates::CandidateKind;
use crate::core::diff::WordDiff;
use crate::core::two_threads::both;

use super::{ChangeClass, ChangeText, Finding, classify};

/// What kind of editorial change an event is, most important first: the order the
/// Changes tab lists them in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EventClass {
    /// A source or attribution changed, dropped or added in a kept sentence.
    Attribution,
    /// A quote's words changed in a kept sentence.
    Quote,
    /// A quote given to another speaker.
    Speaker,
    /// A figure changed by value or qualifier.
    Number,
    /// A negation or hedge added or removed.
    Hedge,
    /// A date or time changed.
    Date,
    /// A passage the old version lacks.
    PassageAdded,
    /// A passage the new version lacks, in the middle of the story.
    PassageDropped,
    /// A named party changed in a kept sentence.
    Name,
    /// A photo caption added, dropped or replaced.
    Caption,
    /// The dateline's place or credit changed.
    Dateline,
    /// The closing credit changed, dropped or added.
    Credit,
    /// A byline added, removed or changed.
    Byline,
    /// The headline rewritten, added or dropped.
    Headline,
    /// A standfirst added, dropped or rewritten.
    Standfirst,
    /// A passage moved into or out of the first two paragraphs.
    Emphasis,
    /// The story trimmed from the bottom.
    CutFromEnd,
    /// The copy stops mid-sentence: the page was cut off.
    CutOff,
    /// House-style edits of one kind, counted.
    Style,
}

impl EventClass {
    /// Every class, in the order the list ranks them.
    pub const ALL: [Self; 19] = [
        Self::Attribution,
        Self::Quote,
        Self::Speaker,
        Self::Number,
        Self::Hedge,
        Self::Date,
        Self::PassageAdded,
        Self::PassageDropped,
        Self::Name,
        Self::Caption,
        Self::Dateline,
        Self::Credit,
        Self::Byline,
        Self::Headline,
        Self::Standfirst,
        Self::Emphasis,
        Self::CutFromEnd,
        Self::CutOff,
        Self::Style,
    ];

    /// The name an editor reads.
    pub fn label(self) -> &'static str {
        match self {
            Self::Attribution => "Attribution",
            Self::Quote => "Quote",
            Self::Speaker => "Speaker",
            Self::Number => "Number",
            Self::Hedge => "Negation or hedge",
            Self::Date => "Date or time",
            Self::PassageAdded => "Passage added",
            Self::PassageDropped => "Passage dropped",
            Self::Name => "Name",
            Self::Caption => "Caption",
            Self::Dateline => "Dateline",
            Self::Credit => "Closing credit",
            Self::Byline => "Byline",
            Self::Headline => "Headline",
            Self::Standfirst => "Standfirst",
            Self::Emphasis => "Emphasis",
            Self::CutFromEnd => "Cut from the end",
            Self::CutOff => "Copy cut off",
            Self::Style => "House style",
        }
    }

    /// Whether the event is house style, which a checker passes over.
    pub fn is_minor(self) -> bool {
        self == Self::Style
    }

    /// The class of a finding inside a kept sentence.
    fn of_finding(class: ChangeClass) -> Self {
        match class {
            ChangeClass::Number => Self::Number,
            ChangeClass::Quote => Self::Quote,
            ChangeClass::Speaker => Self::Speaker,
            ChangeClass::Attribution => Self::Attribution,
            ChangeClass::Name => Self::Name,
            ChangeClass::Hedge => Self::Hedge,
            ChangeClass::Date => Self::Date,
            ChangeClass::Minor => Self::Style,
        }
    }

    /// The kinds of claim the sentence of such an event makes, for "make claim".
    pub fn claim_kinds(self) -> Vec<CandidateKind> {
        match self {
            Self::Number => vec![CandidateKind::Figure],
            Self::Quote | Self::Speaker => vec![CandidateKind::Quote],
            Self::Attribution | Self::Hedge | Self::Dateline | Self::Credit | Self::Byline => {
                vec![CandidateKind::Attribution]
            }
            Self::Name | Self::Caption => vec![CandidateKind::Entity],
            Self::Date => vec![CandidateKind::Date],
            Self::PassageAdded
            | Self::PassageDropped
            | Self::Headline
            | Self::Standfirst
            | Self::Emphasis
            | Self::CutFromEnd
            | Self::CutOff
            | Self::Style => Vec::new(),
        }
    }
}

/// A fact inside an event: a figure, quote, attribution, name, hedge or date that a
/// dropped or added passage (or a rewritten part) carries.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Fact {
    /// What kind of fact.
    pub class: ChangeClass,
    /// Its words.
    pub text: String,
    /// Where it is in the old version, if there.
    pub old: Option<ChangeText>,
    /// Where it is in the new version, if there.
    pub new: Option<ChangeText>,
}

/// One editorial change, as an editor lists it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Event {
    /// What kind of change.
    pub class: EventClass,
    /// One line an editor reads: "Attribution: “told Reuters” dropped", "Passage
    /// dropped: ¶6–9 (5 sentences)".
    pub summary: String,
    /// What the old version says there, with its place; `None` when it has nothing.
    pub old: Option<ChangeText>,
    /// What the new version says there, with its place; `None` when it has nothing.
    pub new: Option<ChangeText>,
    /// The facts inside a passage or part, or the other findings about the same words.
    pub facts: Vec<Fact>,
    /// How many edits a house-style event counts; 1 for every other event.
    pub count: usize,
    /// Code points of the old version's sentence or passage: where "show" goes.
    pub old_sentence: Option<Range<usize>>,
    /// Code points of the new version's sentence or passage: what "make claim"
    /// anchors to.
    pub new_sentence: Option<Range<usize>>,
}

impl Event {
    /// The summary without the class it opens with, for a place that already names
    /// the class ("Attribution: “said” became “claimed”" → "“said” became
    /// “claimed”").
    pub fn detail(&self) -> &str {
        self.summary
            .strip_prefix(self.class.label())
            .and_then(|rest| rest.strip_prefix(": "))
            .unwrap_or(&self.summary)
    }

    /// The kinds of claim the event's sentence or passage makes: those its class implies,
    /// or for a passage or part, those of the facts inside.
    pub fn claim_kinds(&self) -> Vec<CandidateKind> {
        let mut kinds = self.class.claim_kinds();
        if kinds.is_empty() {
            for fact in &self.facts {
                for kind in fact.class.claim_kinds() {
                    if !kinds.contains(&kind) {
                        kinds.push(kind);
                    }
                }
            }
        }
        kinds
    }

    /// Where the event is, for ordering events of one class: in the new version, or in
    /// the old one when the new has nothing there.
    fn position(&self) -> (usize, usize) {
        match (&self.new_sentence, &self.old_sentence) {
            (Some(new), _) => (new.start, 0),
            (None, Some(old)) => (usize::MAX / 2, old.start),
            (None, None) => (usize::MAX, 0),
        }
    }
}

/// The changes that matter from `old` to `new` as events, most important first;
/// `diff` is their comparison. `others` are the project's other versions, which an
/// added passage may come from.
pub fn events(old: &Document, new: &Document, diff: &WordDiff, others: &[&Document]) -> Vec<Event> {
    let reading = Reading::new(old, new, &diff.alignment);
    let mut events = Vec::new();
    let mut minor = Vec::new();
    parts::part_events(&reading, &mut events, &mut minor);
    // The sentences kept and the passages dropped or added are read apart, on two
    // threads when the versions are long.
    let in_sentences = || {
        let (mut events, mut minor) = (Vec::new(), Vec::new());
        sentence_events(&reading, &mut events, &mut minor);
        (events, minor)
    };
    let in_passages = || {
        let mut events = Vec::new();
        passages::passage_events(&reading, others, &mut events);
        events
    };
    let ((sentence_found, sentence_minor), passage_found) =
        if old.text.len() + new.text.len() < PARALLEL_BYTES {
            (in_sentences(), in_passages())
        } else {
            both("changes-passages", in_sentences, in_passages)
        };
    events.extend(sentence_found);
    events.extend(passage_found);
    minor.extend(sentence_minor);
    events.extend(style::style_events(&minor));
    events.sort_by_key(|event| (event.class, event.position()));
    events
}

/// Combined length, in bytes, from which the two versions are read on two threads.
const PARALLEL_BYTES: usize = 64 * 1024;

/// The two versions, their alignment and what each sentence is: what every kind of
/// event reads.
struct Reading<'a> {
    old: &'a Document,
    new: &'a Document,
    alignment: &'a Alignment,
    /// The story part each old sentence is in.
    old_roles: Vec<Role>,
    /// The story part each new sentence is in.
    new_roles: Vec<Role>,
    /// The old body paragraph (counted from 0) of each old sentence, `None` outside
    /// the body.
    old_paragraphs: Vec<Option<usize>>,
    /// The new body paragraph of each new sentence.
    new_paragraphs: Vec<Option<usize>>,
    /// The new sentence a cut-off copy stops in: read as part of the cut, not compared.
    cut_sentence: Option<usize>,
    /// The words the versions capitalise mid-sentence, found when first asked for.
    capitalised: std::sync::Mutex<std::collections::HashMap<String, bool>>,
}

impl<'a> Reading<'a> {
    fn new(old: &'a Document, new: &'a Document, alignment: &'a Alignment) -> Self {
        let old_roles = roles(old, alignment.old_units());
        let new_roles = roles(new, alignment.new_units());
        let old_paragraphs = body_paragraphs(alignment.old_units(), &old_roles);
        let new_paragraphs = body_paragraphs(alignment.new_units(), &new_roles);
        let cut_sentence = new
            .metadata
            .cut_off
            .as_ref()
            .and_then(|_| new_roles.iter().rposition(|role| *role == Role::Body));
        Self {
            old,
            new,
            alignment,
            old_roles,
            new_roles,
            old_paragraphs,
            new_paragraphs,
            cut_sentence,
            capitalised: std::sync::Mutex::default(),
        }
    }

    /// Whether either version capitalises `word` in the middle of a sentence; the
    /// answer is kept, as the same few words open sentence after sentence.
    fn capitalised_mid_sentence(&self, word: &str) -> bool {
        let known = |answers: &std::collections::HashMap<String, bool>| answers.get(word).copied();
        if let Some(answer) = self.capitalised.lock().ok().as_deref().and_then(known) {
            return answer;
        }
        let found = [&self.old.text, &self.new.text]
            .into_iter()
            .any(|text| names::capitalised_mid_sentence(text, word));
        // A poisoned cache only costs asking again.
        if let Ok(mut answers) = self.capitalised.lock() {
            answers.insert(word.to_owned(), found);
        }
        found
    }

    /// The old sentence `unit`'s words.
    fn old_words(&self, unit: usize) -> &'a str {
        self.alignment
            .old_units()
            .get(unit)
            .and_then(|unit| self.old.text.get(unit.bytes.clone()))
            .unwrap_or_default()
    }

    /// The new sentence `unit`'s words.
    fn new_words(&self, unit: usize) -> &'a str {
        self.alignment
            .new_units()
            .get(unit)
            .and_then(|unit| self.new.text.get(unit.bytes.clone()))
            .unwrap_or_default()
    }

    /// Whether a finding that a kept sentence gained or lost words is only the words
    /// moving within their paragraph: a quote's speaker, a figure or a name that the
    /// other version's paragraph has in another of its sentences (a quote of two
    /// sentences made one).
    fn moved_within_paragraph(&self, finding: &Finding, old: usize, new: usize) -> bool {
        let words = |sentence: &str, range: &Option<Range<usize>>| {
            range
                .clone()
                .and_then(|range| sentence.get(range))
                .map(str::trim)
                .filter(|words| !words.is_empty())
                .map(str::to_owned)
        };
        match (
            words(self.old_words(old), &finding.old),
            words(self.new_words(new), &finding.new),
        ) {
            (None, Some(added)) => {
                folded(paragraph_text(self.old, self.alignment.old_units(), old))
                    .contains(&folded(&added))
            }
            (Some(dropped), None) => {
                folded(paragraph_text(self.new, self.alignment.new_units(), new))
                    .contains(&folded(&dropped))
            }
            _ => false,
        }
    }

    /// Whether a row's sentences are the story's body (on the sides it has).
    fn is_body_row(&self, old: Option<usize>, new: Option<usize>) -> bool {
        old.is_none_or(|unit| self.old_roles[unit] == Role::Body)
            && new.is_none_or(|unit| self.new_roles[unit] == Role::Body)
    }

    /// A finding placed in both versions, as a fact.
    fn fact(&self, finding: &Finding, old: Option<usize>, new: Option<usize>) -> Fact {
        let old_text = place(
            self.old,
            old.map(|unit| &self.alignment.old_units()[unit]),
            finding.old.clone(),
        );
        let new_text = place(
            self.new,
            new.map(|unit| &self.alignment.new_units()[unit]),
            finding.new.clone(),
        );
        let text = new_text
            .as_ref()
            .or(old_text.as_ref())
            .map(|text| text.text.clone())
            .unwrap_or_default();
        Fact {
            class: finding.class,
            text,
            old: old_text,
            new: new_text,
        }
    }
}

/// The words of a text, lower case and single-spaced, its punctuation and quotation
/// marks left out: for finding words of one version in another.
fn folded(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
    {
        if !folded.is_empty() {
            folded.push(' ');
        }
        folded.extend(word.chars().flat_map(char::to_lowercase));
    }
    folded
}

/// The text of the paragraph sentence `unit` is in, from its first sentence to its last.
fn paragraph_text<'d>(document: &'d Document, units: &[Unit], unit: usize) -> &'d str {
    let paragraph = units[unit].paragraph;
    let first = units[..unit]
        .iter()
        .rposition(|other| other.paragraph != paragraph)
        .map_or(0, |position| position + 1);
    let last = units[unit..]
        .iter()
        .position(|other| other.paragraph != paragraph)
        .map_or(units.len(), |position| unit + position)
        - 1;
    document
        .text
        .get(units[first].bytes.start..units[last].bytes.end)
        .unwrap_or_default()
}

/// The story part each sentence is in; a document without segments is all body.
fn roles(document: &Document, units: &[Unit]) -> Vec<Role> {
    units
        .iter()
        .map(|unit| {
            if document.segments.is_empty() {
                Role::Body
            } else {
                document
                    .segment_at(unit.chars.start)
                    .map_or(Role::Body, |segment| segment.role)
            }
        })
        .collect()
}

/// The body paragraph each sentence is in, counted from 0 among the body's paragraphs.
fn body_paragraphs(units: &[Unit], roles: &[Role]) -> Vec<Option<usize>> {
    let mut count = 0;
    let mut last = None;
    units
        .iter()
        .zip(roles)
        .map(|(unit, role)| {
            if *role != Role::Body {
                return None;
            }
            if last != Some(unit.paragraph) {
                if last.is_some() {
                    count += 1;
                }
                last = Some(unit.paragraph);
            }
            Some(count)
        })
        .collect()
}

/// The events inside the body sentences both versions keep (reworded in place or
/// moved): each finding that matters, findings about the same words as one event;
/// minor findings go to `minor` for the house-style count.
fn sentence_events(
    reading: &Reading<'_>,
    events: &mut Vec<Event>,
    minor: &mut Vec<(String, String)>,
) {
    let alignment = reading.alignment;
    for row in alignment.rows() {
        let (Some(old), Some(new)) = (row.old, row.new) else {
            continue;
        };
        if row.kind == RowKind::Same
            || !reading.is_body_row(Some(old), Some(new))
            || reading.cut_sentence == Some(new)
        {
            continue;
        }
        let old_words = reading.old_words(old);
        let new_words = reading.new_words(new);
        let findings = classify(old_words, new_words);
        let mut mattering = Vec::new();
        for finding in findings {
            let finding = names::name_if_renamed(finding, old_words, new_words);
            if finding.class.is_minor() || reworded_alike(&finding, old_words, new_words) {
                minor.push(style::edit_of(&finding, old_words, new_words));
                continue;
            }
            let a_name_without_evidence = finding.class == ChangeClass::Name
                && !names::has_evidence(&finding, old_words, new_words, reading);
            if !a_name_without_evidence && !reading.moved_within_paragraph(&finding, old, new) {
                mattering.push(finding);
            }
        }
        for group in same_words_groups(mattering) {
            let first = &group[0];
            let old_unit = &alignment.old_units()[old];
            let new_unit = &alignment.new_units()[new];
            events.push(Event {
                class: EventClass::of_finding(first.class),
                summary: format!("{}: {}", first.class.label(), first.explanation),
                old: place(reading.old, Some(old_unit), first.old.clone()),
                new: place(reading.new, Some(new_unit), first.new.clone()),
                facts: group[1..]
                    .iter()
                    .map(|finding| reading.fact(finding, Some(old), Some(new)))
                    .collect(),
                count: 1,
                old_sentence: Some(old_unit.chars.clone()),
                new_sentence: Some(new_unit.chars.clone()),
            });
        }
    }
}

/// Whether a finding about words on both sides only reorders them ("the statistics
/// agency IBGE said" → "the IBGE statistics agency said"): house style.
fn reworded_alike(finding: &Finding, old_words: &str, new_words: &str) -> bool {
    let words = |sentence: &str, range: &Option<Range<usize>>| -> Option<Vec<String>> {
        let mut words: Vec<String> =
            crate::core::similarity::content_words(sentence.get(range.clone()?)?).collect();
        words.sort_unstable();
        Some(words)
    };
    match (
        words(old_words, &finding.old),
        words(new_words, &finding.new),
    ) {
        (Some(old), Some(new)) => !old.is_empty() && old == new,
        _ => false,
    }
}

/// Findings grouped so that those about the same words are one group, the most
/// important first (a "not" cut from a quote is a Quote with its Hedge inside).
fn same_words_groups(mut findings: Vec<Finding>) -> Vec<Vec<Finding>> {
    findings.sort_by_key(|finding| finding.class);
    let mut groups: Vec<Vec<Finding>> = Vec::new();
    for finding in findings {
        let joined = groups.iter_mut().find(|group| {
            group
                .iter()
                .any(|other| other.old == finding.old && other.new == finding.new)
        });
        match joined {
            Some(group) => group.push(finding),
            None => groups.push(vec![finding]),
        }
    }
    groups
}

/// A sentence's byte range `bytes` as a stretch of its document's whole text.
fn place(
    document: &Document,
    unit: Option<&Unit>,
    bytes: Option<Range<usize>>,
) -> Option<ChangeText> {
    super::placed::place(&document.text, unit, bytes)
}

/// A stretch of a document's text, by its bytes and code points, with its words.
fn stretch(document: &Document, bytes: Range<usize>, chars: Range<usize>) -> Option<ChangeText> {
    let text = document.text.get(bytes)?.to_owned();
    Some(ChangeText { chars, text })
}

/// The stretch from the start of sentence `first` to the end of sentence `last`.
fn units_stretch(document: &Document, first: &Unit, last: &Unit) -> Option<ChangeText> {
    stretch(
        document,
        first.bytes.start..last.bytes.end,
        first.chars.start..last.chars.end,
    )
}

/// Text shortened for a summary line: "Russia has thrown its weight behind…".
fn shorten(text: &str, max_chars: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max_chars {
        return text;
    }
    let cut: String = text.chars().take(max_chars.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::import::import_bytes;

    /// The events between two versions written as plain text files.
    fn between(old: &str, new: &str) -> Vec<Event> {
        let old = import_bytes(old.as_bytes(), "old.txt", jiff::Timestamp::UNIX_EPOCH).unwrap();
        let new = import_bytes(new.as_bytes(), "new.txt", jiff::Timestamp::UNIX_EPOCH).unwrap();
        let diff = WordDiff::compute(&old.text, &new.text);
        events(&old, &new, &diff, &[])
    }

    fn summaries(events: &[Event]) -> Vec<&str> {
        events
            .iter()
            .filter(|event| !event.class.is_minor())
            .map(|event| event.summary.as_str())
            .collect()
    }

    const WIRE: &str = "Floods kill 11 in southern Jordan\n\n\
        Rescuers carry a woman across a flooded road in Wadi Sahr, Jordan, on November 12, 2019. REUTERS/Faris Jaber\n\n\
        AMMAN (Reuters) - Flash floods killed at least 11 people in southern Jordan on Tuesday, officials said.\n\n\
        “The water came down like a wall,” farmer Khaled Oweidat told Reuters.\n\n\
        Rescuers pulled 214 people from stranded cars, civil defence said. Helicopters dropped food to cut-off villages.\n\n\
        The cabinet will meet on Wednesday, spokeswoman Dima Khreisat said.\n\n\
        Critics said drains had not been cleaned for years. - Reuters\n";

    #[test]
    fn a_republication_is_a_short_list_of_editorial_events() {
        let republished = "Floods kill 11 in southern Jordan\n\n\
            Residents wade through floodwater in Ain Barqa yesterday. – AFP\n\n\
            AMMAN: Flash floods killed 11 people in southern Jordan on Tuesday, officials said.\n\n\
            “The water came down like a wall,” farmer Khaled Oweidat said.\n\n\
            The cabinet will meet on Wednesday, spokeswoman Dima Khreisat said.\n";
        let events = between(WIRE, republished);
        assert_eq!(
            summaries(&events),
            [
                "Attribution: “told Reuters” became “said”",
                "Number: qualifier “at least” dropped from 11",
                "Passage dropped: ¶3 (2 sentences): “Rescuers pulled 214 people from stranded cars, civil defence said. Helicopters…”",
                "Caption replaced (Reuters photo → AFP photo): “Residents wade through floodwater in Ain Barqa yesterday. – AFP”",
                "Dateline changed: “AMMAN (Reuters) -” → “AMMAN:”",
                "Closing credit dropped: “- Reuters”",
                "Cut from the end: ¶5 of the old version (1 sentence), from “Critics said drains had not been cleaned for years.”",
            ]
        );
        let dropped = &events[2];
        let facts: Vec<(ChangeClass, &str)> = dropped
            .facts
            .iter()
            .map(|fact| (fact.class, fact.text.as_str()))
            .collect();
        assert!(
            facts.contains(&(ChangeClass::Number, "214 people")),
            "{facts:?}"
        );
        assert!(
            facts
                .iter()
                .any(|(class, _)| *class == ChangeClass::Attribution),
            "{facts:?}"
        );
    }

    #[test]
    fn another_photo_from_the_same_agency_names_the_agency_once() {
        let republished = WIRE.replace(
            "Rescuers carry a woman across a flooded road in Wadi Sahr, Jordan, on November 12, 2019. REUTERS/Faris Jaber",
            "A car stranded in floodwater near Tafileh, Jordan, on November 12, 2019. REUTERS/Muath Freij",
        );
        let events = between(WIRE, &republished);
        assert_eq!(
            summaries(&events),
            [
                "Caption replaced (Reuters): “A car stranded in floodwater near Tafileh, Jordan, on November 12, 20…”"
            ]
        );
    }

    #[test]
    fn copy_cut_off_is_one_event_and_loses_no_credit() {
        let cut = WIRE
            .split_once("The cabinet will meet")
            .map(|(head, _)| format!("{head}The cabinet will mee"))
            .unwrap();
        let events = between(WIRE, &cut);
        let classes: Vec<EventClass> = events
            .iter()
            .filter(|event| !event.class.is_minor())
            .map(|event| event.class)
            .collect();
        assert_eq!(classes, [EventClass::CutOff], "{:?}", summaries(&events));
        assert_eq!(
            events[0].summary,
            "Copy cut off: ends mid-sentence (“…The cabinet will mee”): this copy may be cut off; ¶4–5 of the old version (2 sentences) missing"
        );
    }

    #[test]
    fn a_sentence_cut_from_a_quote_is_a_quote_change() {
        let old = "AMMAN (Reuters) - Floods hit Jordan, officials said.\n\n\
            \"We lost everything. The water took the house,\" said Umm Ali.\n";
        let new = "AMMAN (Reuters) - Floods hit Jordan, officials said.\n\n\
            \"The water took the house,\" said Umm Ali.\n";
        let events = between(old, new);
        assert_eq!(
            summaries(&events),
            ["Quote: “\"We lost everything.” cut from the quote"]
        );
    }

    #[test]
    fn house_style_is_counted_by_kind() {
        let old = "AMMAN (Reuters) - Floods hit Maarat al Numan, the Syrian Civil Defense said.\n\n\"We lost everything,\" said Umm Ali.\n";
        let new = "AMMAN (Reuters) - Floods hit Maarat al-Numan, the Syrian Civil Defence said.\n\n“We lost everything,” said Umm Ali.\n";
        let events = between(old, new);
        assert!(summaries(&events).is_empty(), "{:?}", summaries(&events));
        let style: Vec<&str> = events.iter().map(|event| event.summary.as_str()).collect();
        assert_eq!(
            style,
            [
                "House style: name particles (al-, Al) ×1",
                "House style: spelling ×1"
            ]
        );
    }

    #[test]
    fn a_sentence_opening_word_is_a_name_only_with_evidence() {
        let old = "AMMAN (Reuters) - Floods hit Jordan.\n\nMembers of the civil defence searched the valley.\n";
        let new = "AMMAN (Reuters) - Floods hit Jordan.\n\nVolunteers searched the valley.\n";
        let events = between(old, new);
        assert!(
            events.iter().all(|event| event.class != EventClass::Name),
            "{:?}",
            summaries(&events)
        );
        let renamed = between(
            "AMMAN (Reuters) - Minister Ximena Rojas spoke.\n",
            "AMMAN (Reuters) - Minister Ximena Rios spoke.\n",
        );
        assert_eq!(summaries(&renamed), ["Name: “Rojas” became “Rios”"]);
    }
}
