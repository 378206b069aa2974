//! Attributions and reported speech: who says the sentence is so ("residents said",
//! "told Reuters", "according to medics", "quoted him as saying", "deny", "say").
//!
//! Each reporting verb gives one attribution. Its source is looked for before the verb
//! ("Rescuers there said"), skipping asides between commas ("State media, broadcasting
//! from …, said"; "Moscow and Damascus, who deny …, say") and taking in short lists
//! ("residents, rights groups and opposition sources said"); otherwise after it ("said
//! Abdullah Younis", "according to Western intelligence sources").

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::{CandidateKind, Found, NAME, compile, is_one_of};

/// Reporting verbs, found with the other lexicons in one scan of the text (see
/// `lexicon::LEXICAL`), with "according to". Only in lower case: "Says" opening a
/// headline is rare, and capitalised "Reports" is usually a noun.
pub(super) const REPORTING_VERBS: [&str; 54] = [
    "quoted",
    "told",
    "said",
    "says",
    "say",
    "tells",
    "added",
    "adds",
    "stated",
    "claimed",
    "claims",
    "claim",
    "denied",
    "denies",
    "deny",
    "acknowledged",
    "acknowledges",
    "acknowledge",
    "admitted",
    "admits",
    "admit",
    "confirmed",
    "confirms",
    "confirm",
    "conceded",
    "concedes",
    "concede",
    "insisted",
    "insists",
    "insist",
    "warned",
    "warns",
    "announced",
    "announces",
    "reported",
    "reports",
    "estimated",
    "estimates",
    "estimate",
    "argued",
    "argues",
    "argue",
    "noted",
    "explained",
    "maintained",
    "maintains",
    "asserted",
    "asserts",
    "disputed",
    "disputes",
    "dispute",
    "tweeted",
    "wrote",
    "citing",
];

/// Whom something was told, after "told": "Reuters", "the BBC", "reporters".
static TOLD_WHOM: LazyLock<Regex> =
    LazyLock::new(|| compile(&format!(r"^\s+(?:the\s+)?(?:{NAME}|reporters|journalists)")));

/// The rest of "quoted him as saying" after "quoted".
static QUOTED_AS: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"^\s+(?:him|her|them|{NAME})\s+as\s+saying(?-u:\b)"
    ))
});

/// A source named right after the verb: a name ("said Abdullah Younis") or "a"/"the"
/// and one word ("said a resident"); see [`source_after`] for what must follow it.
static SOURCE_AFTER: LazyLock<Regex> =
    LazyLock::new(|| compile(&format!(r"^\s+(?:{NAME}|(?:a|an|the|one)\s+\p{{Ll}}+)")));

/// Words after a source named after its verb that show it is the source ("said
/// Abdullah Younis from the city").
const AFTER_SOURCE: [&str; 6] = ["from", "in", "of", "at", "on", "who"];

/// A clause that is nothing but a name ("Domenico Pepe").
static NAME_ONLY: LazyLock<Regex> = LazyLock::new(|| compile(&format!(r"^(?:{NAME})$")));

/// Words before a reporting verb that make it a noun ("a reported air strike", "have a
/// say", "the claims").
const DETERMINERS: [&str; 17] = [
    "a", "an", "the", "this", "that", "these", "those", "its", "his", "her", "their", "our", "my",
    "your", "no", "any", "such",
];

/// Words that end the source when walking back from the verb ("in what Western experts
/// say", "fighters that say").
const CLAUSE_WORDS: [&str; 20] = [
    "that", "what", "which", "who", "whom", "whose", "where", "when", "while", "because", "as",
    "if", "but", "than", "after", "before", "since", "though", "although", "whether",
];

/// Words opening an aside between commas, which the source walks over ("Lavrov, a
/// former diplomat, said"; "Moscow and Damascus, who deny …, say").
const ASIDE_OPENERS: [&str; 7] = ["who", "which", "whose", "a", "an", "the", "also"];

/// Words at the end of a source that belong to the verb ("The army has previously
/// said"): kept in the highlighted span, left out of the source named.
const VERB_COMPANIONS: [&str; 14] = [
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "may",
    "also",
    "previously",
    "repeatedly",
    "later",
    "earlier",
    "did",
    "not",
];

/// The longest source, in words, looked for before a verb.
const MAX_SOURCE_WORDS: usize = 8;

/// The longest source, in words, read after "according to".
const MAX_PHRASE_WORDS: usize = 12;

/// The longest list item ("residents", "rights groups") a source is extended over.
const MAX_LIST_ITEM_WORDS: usize = 3;

/// One attribution in a sentence.
pub(crate) struct Attribution {
    /// The source and the verb (or the verb and the source), by byte range of the
    /// analysed text.
    pub bytes: Range<usize>,
    /// The reporting words as written: "said", "told Reuters", "according to".
    pub verb: String,
    /// Where the reporting words are, by byte range of the analysed text.
    pub verb_bytes: Range<usize>,
    /// Who is reported, when the sentence names them.
    pub source: Option<String>,
    /// Where the source's words are (asides and the verb's companions included), by
    /// byte range of the analysed text, when the sentence names one.
    pub source_bytes: Option<Range<usize>>,
}

impl Attribution {
    /// The reason an editor reads: "attribution “said” (residents)".
    pub fn to_found(&self) -> Found {
        let explanation = match &self.source {
            Some(source) => format!("attribution “{}” ({source})", self.verb),
            None => format!("attribution “{}”", self.verb),
        };
        Found::new(CandidateKind::Attribution, self.bytes.clone(), explanation)
    }
}

/// The attributions made by the reporting verbs at `verbs` (byte ranges of `text`), each
/// with the index of the sentence (of `sentences`, byte ranges of `text` in order) it
/// is in.
pub(crate) fn attributions(
    text: &str,
    verbs: &[Range<usize>],
    sentences: &[Range<usize>],
) -> Vec<(usize, Attribution)> {
    let mut found = Vec::new();
    for verb in verbs {
        let Some(index) = super::sentence_of(sentences, verb) else {
            continue;
        };
        let sentence = &sentences[index];
        let verb = verb.start - sentence.start..verb.end - sentence.start;
        if let Some(attribution) = attribution_at(&text[sentence.clone()], verb) {
            let in_text =
                |bytes: Range<usize>| sentence.start + bytes.start..sentence.start + bytes.end;
            found.push((
                index,
                Attribution {
                    bytes: in_text(attribution.bytes),
                    verb_bytes: in_text(attribution.verb_bytes),
                    source_bytes: attribution.source_bytes.map(in_text),
                    ..attribution
                },
            ));
        }
    }
    found
}

/// The attribution made by the reporting verb at `verb` (bytes of `sentence`), by byte
/// range of the sentence; `None` when the verb is a noun here ("a reported strike").
fn attribution_at(sentence: &str, verb: Range<usize>) -> Option<Attribution> {
    let according = sentence
        .get(verb.start..verb.start + "according".len())
        .is_some_and(|word| word.eq_ignore_ascii_case("according"));
    if !according && follows_determiner(sentence, verb.start) {
        return None;
    }
    let completion = match &sentence[verb.clone()] {
        "told" => TOLD_WHOM.find(&sentence[verb.end..]).map(|rest| rest.end()),
        // "quoted" reports speech only in "quoted him as saying".
        "quoted" => Some(QUOTED_AS.find(&sentence[verb.end..])?.end()),
        _ => None,
    };
    let verb = verb.start..verb.end + completion.unwrap_or(0);
    let (bytes, source, source_bytes) = if according {
        let end = phrase_end(sentence, verb.end);
        let words = sentence[verb.end..end].trim();
        let source_start = end - words.len();
        let named = !words.is_empty();
        (
            verb.start..end,
            named.then(|| words.to_owned()),
            named.then_some(source_start..end),
        )
    } else if let Some(source) = source_before(sentence, verb.start) {
        let name = source_name(&sentence[source.clone()]);
        let words = source.start..source.start + sentence[source.clone()].trim_end().len();
        (source.start..verb.end, name, Some(words))
    } else if let Some(source) = source_after(sentence, verb.end) {
        let name = sentence[source.clone()].to_owned();
        (verb.start..source.end, Some(name), Some(source))
    } else {
        (verb.clone(), None, None)
    };
    Some(Attribution {
        bytes,
        verb: single_spaced(&sentence[verb.clone()]),
        verb_bytes: verb,
        source,
        source_bytes,
    })
}

/// The source named right after the verb ending at byte `verb_end`, if one is: followed
/// by punctuation, the end of the sentence or a preposition, so "said Russia had" does
/// not make Russia the source.
fn source_after(sentence: &str, verb_end: usize) -> Option<Range<usize>> {
    let found = SOURCE_AFTER.find(&sentence[verb_end..])?;
    let rest = sentence[verb_end + found.end()..].trim_start();
    let next_word = rest
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default();
    let ends_there = rest.is_empty()
        || rest.starts_with([',', '.', ';', ':', '!', '?'])
        || AFTER_SOURCE.contains(&next_word);
    let start = verb_end + found.start();
    let source = sentence[start..verb_end + found.end()].trim_start();
    ends_there.then(|| verb_end + found.end() - source.len()..verb_end + found.end())
}

/// Whether the word before byte `at` is a determiner, making the verb a noun.
fn follows_determiner(sentence: &str, at: usize) -> bool {
    let before = sentence[..at].trim_end();
    let word = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default();
    before.ends_with(|c: char| c.is_alphabetic()) && is_one_of(&DETERMINERS, word)
}

/// Where the phrase starting at byte `start` ends: at a clause mark, a clause word or
/// after a dozen words; a comma inside a list ("medics, NGOs and the United Nations")
/// does not end it.
fn phrase_end(sentence: &str, start: usize) -> usize {
    let mut end = start;
    for (count, (word_start, word)) in words_from(sentence, start).enumerate() {
        let bare = word.trim_end_matches(|c: char| !c.is_alphanumeric());
        if count >= MAX_PHRASE_WORDS || CLAUSE_WORDS.contains(&bare) {
            break;
        }
        end = word_start + bare.len();
        let list_goes_on = word.ends_with(',') && bare.len() + 1 == word.len() && {
            let rest = &sentence[word_start + word.len()..];
            let item = rest.split([',', ';', ':', '.']).next().unwrap_or_default();
            item.split_whitespace().count() <= MAX_PHRASE_WORDS / 2
                && item.split_whitespace().any(|w| w == "and" || w == "or")
        };
        if bare.len() < word.len() && !list_goes_on {
            break;
        }
    }
    end
}

/// The words of `sentence` from byte `start` on, with their byte offsets.
fn words_from(sentence: &str, start: usize) -> impl Iterator<Item = (usize, &str)> {
    word_spans(&sentence[start..]).map(move |(at, word)| (start + at, word))
}

/// The words of `sentence` before byte `end`, last first, with their byte offsets.
fn words_back(sentence: &str, end: usize) -> impl Iterator<Item = (usize, &str)> {
    let mut rest = sentence[..end].trim_end();
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let start = rest
            .char_indices()
            .rfind(|(_, c)| c.is_whitespace())
            .map_or(0, |(at, c)| at + c.len_utf8());
        let word = &rest[start..];
        rest = rest[..start].trim_end();
        Some((start, word))
    })
}

/// The whitespace-separated words of `text`, with their byte offsets.
fn word_spans(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut position = 0;
    std::iter::from_fn(move || {
        let rest = &text[position..];
        let word_start = position + (rest.len() - rest.trim_start().len());
        let word = text[word_start..].split(char::is_whitespace).next()?;
        position = word_start + word.len();
        (!word.is_empty()).then_some((word_start, word))
    })
}

/// What walking back from a verb found.
enum Back {
    /// A source starting at this byte.
    Source(usize),
    /// An aside between commas; the source may come before the comma at `resume`. An
    /// aside that is a name ("His lawyer, Domenico Pepe, told") is part of the source,
    /// which then ends at `name_end`.
    Aside {
        /// The comma opening the aside.
        resume: usize,
        /// The end of the aside when it is a name.
        name_end: Option<usize>,
    },
    /// No source before the verb.
    Nothing,
}

/// The source before the verb at byte `verb_start`, by byte range (asides left out),
/// if the sentence names one there.
fn source_before(sentence: &str, verb_start: usize) -> Option<Range<usize>> {
    let mut end = verb_start;
    let mut source_end = None;
    // At most two asides: "X, who …, a …, said" is as far as copy goes.
    for _ in 0..3 {
        match walk_back(sentence, end) {
            Back::Source(start) => {
                return Some(extend_over_list(sentence, start)..source_end.unwrap_or(end));
            }
            Back::Aside { resume, name_end } => {
                source_end = source_end.or(name_end);
                end = resume;
            }
            Back::Nothing => return None,
        }
    }
    None
}

/// Walks back word by word from byte `end` to the start of the source.
fn walk_back(sentence: &str, end: usize) -> Back {
    let head = sentence[..end].trim_end();
    if let Some(comma_clause) = head.strip_suffix(',') {
        return aside_before(sentence, comma_clause.len());
    }
    let mut start = None;
    let mut words = words_back(sentence, head.len()).enumerate().peekable();
    while let Some((count, (word_start, word))) = words.next() {
        if count >= MAX_SOURCE_WORDS || word.ends_with(is_clause_mark) {
            break;
        }
        if is_one_of(&CLAUSE_WORDS, word) {
            // "Moscow and Damascus, who deny": the source is what "who" stands for.
            let comma_before = words
                .peek()
                .filter(|(_, (_, previous))| previous.ends_with(','))
                .map(|(_, (previous_start, previous))| previous_start + previous.len() - 1);
            return match (start, comma_before) {
                (None, Some(comma)) => Back::Aside {
                    resume: comma,
                    name_end: None,
                },
                (Some(start), _) => Back::Source(start),
                (None, None) => Back::Nothing,
            };
        }
        if word.starts_with(is_clause_mark) {
            break;
        }
        start = Some(word_start);
    }
    start.map_or(Back::Nothing, Back::Source)
}

/// The clause between the comma at byte `comma` and the comma before it: an aside to
/// walk over when it opens like one ("who …", "a former diplomat", "broadcasting …")
/// or is a name ("Domenico Pepe").
fn aside_before(sentence: &str, comma: usize) -> Back {
    let Some(previous_comma) = sentence[..comma].rfind(',') else {
        return Back::Nothing;
    };
    let clause = sentence[previous_comma + 1..comma].trim();
    let first = clause.split_whitespace().next().unwrap_or_default();
    let is_name = NAME_ONLY.is_match(clause);
    if is_name || is_one_of(&ASIDE_OPENERS, first) || first.ends_with("ing") {
        Back::Aside {
            resume: previous_comma,
            name_end: is_name.then_some(comma),
        }
    } else {
        Back::Nothing
    }
}

/// Takes in the items of a list the source ends ("residents, rights groups and
/// opposition sources"): short items before it, separated by commas.
fn extend_over_list(sentence: &str, start: usize) -> usize {
    let source = &sentence[start..];
    if !source.contains(" and ") && !source.contains(" or ") {
        return start;
    }
    let mut start = start;
    loop {
        let head = sentence[..start].trim_end();
        let Some(item_end) = head.strip_suffix(',').map(str::len) else {
            return start;
        };
        let item_start = sentence[..item_end].rfind(',').map_or(0, |comma| comma + 1);
        let item = &sentence[item_start..item_end];
        let words = item.split_whitespace().count();
        if words == 0 || words > MAX_LIST_ITEM_WORDS {
            return start;
        }
        start = item_start + (item.len() - item.trim_start().len());
    }
}

/// The source as an editor reads it: the words before the verb without the verb's
/// companions ("The army has previously" → "The army").
fn source_name(words: &str) -> Option<String> {
    let mut name = words.trim_end();
    while let Some((head, last)) = name.rsplit_once(char::is_whitespace) {
        if !is_one_of(&VERB_COMPANIONS, last) {
            break;
        }
        name = head.trim_end();
    }
    let name = name.trim_end_matches(|c: char| !c.is_alphanumeric());
    (!name.is_empty()).then(|| single_spaced(name))
}

/// `text` with each run of whitespace made one space.
pub(crate) fn single_spaced(text: &str) -> String {
    let mut spaced = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !spaced.is_empty() {
            spaced.push(' ');
        }
        spaced.push_str(word);
    }
    spaced
}

/// Punctuation that closes a clause before a verb or opens one after it, quotation
/// marks included ("…,” said").
fn is_clause_mark(c: char) -> bool {
    matches!(
        c,
        ',' | ';' | ':' | '(' | ')' | '“' | '”' | '"' | '‘' | '—' | '–' | '.' | '!' | '?'
    )
}

#[cfg(test)]
mod tests {
    use super::super::lexicon::Lexical;
    use super::*;

    /// The attributions of `sentence` as (highlighted text, source or "").
    fn found(sentence: &str) -> Vec<(&str, String)> {
        let mut lexical = Lexical::default();
        super::super::lexicon::lexical(sentence, 0, &mut lexical);
        let whole = 0..sentence.len();
        attributions(
            sentence,
            &lexical.reporting_verbs,
            std::slice::from_ref(&whole),
        )
        .into_iter()
        .map(|(_, a)| (&sentence[a.bytes], a.source.unwrap_or_default()))
        .collect()
    }

    #[test]
    fn the_source_before_the_verb() {
        assert_eq!(
            found("Rescuers there said around 60,000 people had fled."),
            [("Rescuers there said", "Rescuers there".to_owned())]
        );
        assert_eq!(
            found("The army has previously said so."),
            [("The army has previously said", "The army".to_owned())]
        );
    }

    #[test]
    fn lists_and_asides() {
        assert_eq!(
            found(
                "into the opposition’s last major stronghold, residents, rights groups and opposition sources said yesterday."
            ),
            [(
                "residents, rights groups and opposition sources said",
                "residents, rights groups and opposition sources".to_owned()
            )]
        );
        assert_eq!(
            found("State media, broadcasting from the outskirts on Tuesday, said forces advanced."),
            [(
                "State media, broadcasting from the outskirts on Tuesday, said",
                "State media".to_owned()
            )]
        );
        assert_eq!(
            found(
                "Moscow and Damascus, who deny indiscriminate bombing of civilians areas, say they are fighting."
            ),
            [
                (
                    "Moscow and Damascus, who deny",
                    "Moscow and Damascus".to_owned()
                ),
                (
                    "Moscow and Damascus, who deny indiscriminate bombing of civilians areas, say",
                    "Moscow and Damascus".to_owned()
                )
            ]
        );
    }

    #[test]
    fn a_name_between_commas_is_part_of_the_source() {
        assert_eq!(
            found("His lawyer, Domenico Pepe, told reporters that the hearing was postponed."),
            [(
                "His lawyer, Domenico Pepe, told reporters",
                "His lawyer, Domenico Pepe".to_owned()
            )]
        );
    }

    #[test]
    fn the_source_after_the_verb() {
        assert_eq!(
            found("“The flow is not stopping,” said Abdullah Younis from the city."),
            [("said Abdullah Younis", "Abdullah Younis".to_owned())]
        );
        assert_eq!(
            found("“There were 15 raids,” Abdul Rahman al Halabi told Reuters from the area."),
            [(
                "Abdul Rahman al Halabi told Reuters",
                "Abdul Rahman al Halabi".to_owned()
            )]
        );
        assert_eq!(
            found("Hundreds were killed, according to medics and NGOs and the United Nations."),
            [(
                "according to medics and NGOs and the United Nations",
                "medics and NGOs and the United Nations".to_owned()
            )]
        );
        assert_eq!(
            found("400,000 displaced, according to medics, NGOs and the United Nations."),
            [(
                "according to medics, NGOs and the United Nations",
                "medics, NGOs and the United Nations".to_owned()
            )]
        );
        assert_eq!(
            found("It fell, according to state media, the army said."),
            [
                ("according to state media", "state media".to_owned()),
                ("the army said", "the army".to_owned())
            ]
        );
        assert_eq!(
            found("Lavrov acknowledged it, the Interfax news agency quoted him as saying."),
            [
                ("Lavrov acknowledged", "Lavrov".to_owned()),
                (
                    "the Interfax news agency quoted him as saying",
                    "the Interfax news agency".to_owned()
                )
            ]
        );
        assert_eq!(
            found("in what Western military experts and opposition figures say is a strategy"),
            [(
                "Western military experts and opposition figures say",
                "Western military experts and opposition figures".to_owned()
            )]
        );
    }

    #[test]
    fn wide_spaces_keep_their_width() {
        assert_eq!(
            found("Hundreds fled, according to\u{a0}medics\u{2009}and NGOs."),
            [(
                "according to\u{a0}medics\u{2009}and NGOs",
                "medics\u{2009}and NGOs".to_owned()
            )]
        );
    }

    #[test]
    fn nouns_are_not_reporting_verbs() {
        assert!(found("following a reported air strike, they have a say in the claims").is_empty());
        assert_eq!(
            found("State media said Russia had won."),
            [("State media said", "State media".to_owned())]
        );
        assert_eq!(
            found("“No,” said Russia had won."),
            [("said", String::new())]
        );
    }
}
