//! Direct quotes and who said them.
//!
//! Quotation marks are found paragraph by paragraph, curly (“ ” ‘ ’ „ « ») and straight
//! (" '). An apostrophe ("Syria’s", "rebels’ positions", "don't") is not a quotation
//! mark: a single mark closes a quote only when no letter follows it, and opens one only
//! when no letter precedes it. Single marks inside a double quote are a quote within
//! the quote and are left to it.
//!
//! A quoted name is not a direct quote: the ‘White Helmets’ and “Operation Peace
//! Spring” are names put in quotation marks, recognised as up to six capitalised words
//! with no punctuation inside; so is a word after "so-called". Factdesk treats them as
//! named parties, not quotes.
//!
//! A quote may run over several sentences, or to the end of its paragraph when it is
//! not closed there (news copy closes a quote that runs over several paragraphs only in
//! the last of them). Its speaker is looked for after the closing mark ("…,” said
//! Abdullah Younis", "…,” Abdul Rahman al Halabi told Reuters"), then before the opening
//! mark ("He said: “…", "… quoted him as saying “…"), then among the sentence's
//! attributions ("… experts say is a “scorched earth strategy”").

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::{NAME, compile};

/// Verbs introducing a quote's speaker.
const SPEECH_VERBS: &str = "said|says|added|told|asked|called|wrote|tweeted|explained|insisted|warned|recalled|stated|declared|continued|replied|admitted|acknowledged|shouted|cried|urged|noted";

/// Pronouns standing for a speaker named elsewhere.
const PRONOUNS: &str = "he|she|they|I|we|him|her|them";

/// A speaker, captured as `group`: a name, a pronoun, or "a"/"the" and a word or two
/// ("a resident", "one woman").
fn speaker_pattern(group: &str) -> String {
    format!(
        r"(?P<{group}>{NAME}|(?:{PRONOUNS})(?-u:\b)|(?i:a|an|the|one|another)\s+\p{{Ll}}+(?:\s+\p{{Ll}}+)?)"
    )
}

/// After the closing mark: "…,” said Abdullah Younis".
static VERB_THEN_SPEAKER: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"^[\s,]*(?:{SPEECH_VERBS})\s+{}",
        speaker_pattern("speaker")
    ))
});

/// After the closing mark: "…,” Abdul Rahman al Halabi told Reuters".
static SPEAKER_THEN_VERB: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"^[\s,]*{}\s+(?:{SPEECH_VERBS})(?-u:\b)",
        speaker_pattern("speaker")
    ))
});

/// Before the opening mark: "He said: “…", "Lavrov told reporters “…", "the agency
/// quoted him as saying “…".
static SPEAKER_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?:{}\s+(?:(?:{SPEECH_VERBS})(?:\s+\S+)?)|quoted\s+{}\s+as\s+saying)\s*[:,]?\s*$",
        speaker_pattern("speaker"),
        speaker_pattern("quoted")
    ))
});

/// Words that end a lower-case speaker ("a resident who …" → "a resident").
const NOT_SPEAKER_WORDS: [&str; 8] = ["who", "from", "in", "of", "at", "on", "and", "had"];

/// The words that make the quoted word after them a scare quote.
const SO_CALLED: &str = "so-called";

/// The longest quoted name, in words.
const MAX_NAME_WORDS: usize = 6;

/// A passage between quotation marks, marks included, by byte range of the analysed
/// text.
pub(crate) struct Quotation {
    /// The passage with its marks (to the end of the paragraph when not closed there).
    pub bytes: Range<usize>,
    /// Whether a closing mark ends it.
    pub closed: bool,
}

/// Who said a quote, as far as the copy tells.
pub(crate) enum Speaker {
    /// Named or described where the quote is: "Abdullah Younis", "a resident".
    Named {
        /// The name or description, single-spaced.
        name: String,
        /// Where its words are, by byte range of the analysed text.
        bytes: Range<usize>,
    },
    /// Referred to by a pronoun ("he said"); named elsewhere in the copy.
    Pronoun {
        /// The pronoun.
        pronoun: String,
        /// Where it is, by byte range of the analysed text.
        bytes: Range<usize>,
    },
    /// Not named with the quote, but the sentence attributes what it says.
    Attributed(String),
    /// Not found.
    Unknown,
}

impl Speaker {
    /// The reason an editor reads: "quote from Abdullah Younis".
    pub fn explanation(&self) -> String {
        match self {
            Self::Named { name, .. } => format!("quote from {name}"),
            Self::Pronoun { pronoun, .. } => format!("quote from “{pronoun}”, named elsewhere"),
            Self::Attributed(source) => format!("quote attributed to {source}"),
            Self::Unknown => "direct quote, speaker not found".to_owned(),
        }
    }
}

/// The direct quotes of the paragraph at `paragraph` (byte range of `text`), quoted
/// names left out.
pub(crate) fn quotations(text: &str, paragraph: &Range<usize>) -> Vec<Quotation> {
    let line = &text[paragraph.clone()];
    marked_passages(line)
        .into_iter()
        .filter(|quotation| !is_quoted_name(line, quotation))
        .map(|quotation| Quotation {
            bytes: paragraph.start + quotation.bytes.start..paragraph.start + quotation.bytes.end,
            closed: quotation.closed,
        })
        .collect()
}

/// Which quotation mark is open while scanning a paragraph.
#[derive(Clone, Copy)]
enum Open {
    /// A double mark, at this byte.
    Double(usize),
    /// A single mark, at this byte.
    Single(usize),
}

/// A quotation mark, curly or straight. Found with a pattern rather than character by
/// character: the pattern engine skips the text between marks many bytes at a time.
static QUOTATION_MARK: LazyLock<Regex> = LazyLock::new(|| compile("[“”‘’\"'„«»]"));

/// Every passage between quotation marks in `line`, by byte range of the line.
fn marked_passages(line: &str) -> Vec<Quotation> {
    let mut passages = Vec::new();
    let mut open: Option<Open> = None;
    for mark in QUOTATION_MARK.find_iter(line) {
        let (at, end) = (mark.start(), mark.end());
        let Some(c) = mark.as_str().chars().next() else {
            continue;
        };
        let previous = line[..at].chars().next_back();
        let next = line[end..].chars().next();
        let after_letter = previous.is_some_and(char::is_alphanumeric);
        let before_letter = next.is_some_and(char::is_alphanumeric);
        let opening_place = previous.is_none_or(|p| p.is_whitespace() || "([{—–-/".contains(p));
        match (c, open) {
            ('“' | '„' | '«', Some(Open::Double(start))) => {
                // A new quote before the last was closed: the last ran to here.
                passages.push(Quotation {
                    bytes: start..at,
                    closed: false,
                });
                open = Some(Open::Double(at));
            }
            ('“' | '„' | '«', _) => open = Some(Open::Double(at)),
            ('”' | '»' | '"', Some(Open::Double(start))) => {
                passages.push(Quotation {
                    bytes: start..end,
                    closed: true,
                });
                open = None;
            }
            ('"', None) if opening_place && next.is_some_and(|n| !n.is_whitespace()) => {
                open = Some(Open::Double(at));
            }
            ('‘', None) if !after_letter => open = Some(Open::Single(at)),
            ('\'', None) if opening_place && before_letter => open = Some(Open::Single(at)),
            ('’' | '\'', Some(Open::Single(start))) if !before_letter && !after_space(previous) =>
            {
                passages.push(Quotation {
                    bytes: start..end,
                    closed: true,
                });
                open = None;
            }
            _ => {}
        }
    }
    if let Some(Open::Double(start)) = open {
        passages.push(Quotation {
            bytes: start..line.len(),
            closed: false,
        });
    }
    passages
}

/// Whether the character before a mark is whitespace (a mark after a space opens).
fn after_space(previous: Option<char>) -> bool {
    previous.is_some_and(char::is_whitespace)
}

/// Whether the passage is a name in quotation marks (‘White Helmets’) or a scare quote
/// after "so-called", not a direct quote.
fn is_quoted_name(line: &str, quotation: &Quotation) -> bool {
    let passage = &line[quotation.bytes.clone()];
    let inner = passage.trim_matches(|c: char| is_quotation_mark(c) || c.is_whitespace());
    if inner.is_empty() {
        return true;
    }
    let before = line[..quotation.bytes.start].trim_end();
    let so_called = before
        .get(before.len().saturating_sub(SO_CALLED.len())..)
        .is_some_and(|word| word.eq_ignore_ascii_case(SO_CALLED));
    let words: Vec<&str> = inner.split_whitespace().collect();
    let capitalised = words.len() <= MAX_NAME_WORDS
        && !inner.contains([',', '.', '!', '?', '…', ':', ';'])
        && words
            .first()
            .is_some_and(|word| word.starts_with(char::is_uppercase))
        && words.iter().all(|word| {
            word.starts_with(char::is_uppercase)
                || matches!(
                    *word,
                    "of" | "the" | "and" | "for" | "al" | "de" | "on" | "in"
                )
        });
    quotation.closed && (so_called || capitalised)
}

/// Quotation marks, curly and straight.
pub(crate) fn is_quotation_mark(c: char) -> bool {
    matches!(c, '“' | '”' | '‘' | '’' | '"' | '\'' | '„' | '«' | '»')
}

/// Who said `quotation`, given the sentences of its paragraph (byte ranges of `text`)
/// and the source each attributes itself to (`source_of`, by index in the paragraph).
pub(crate) fn speaker(
    text: &str,
    quotation: &Quotation,
    sentences: &[Range<usize>],
    source_of: &dyn Fn(usize) -> Option<String>,
) -> Speaker {
    let sentence_at = |byte: usize| {
        sentences
            .iter()
            .position(|s| s.start <= byte && byte < s.end)
    };
    let opening = sentence_at(quotation.bytes.start);
    let closing = sentence_at(quotation.bytes.end.saturating_sub(1));
    if quotation.closed
        && let Some(closing) = closing
    {
        let start = quotation.bytes.end;
        let after = &text[start..sentences[closing].end];
        let named = VERB_THEN_SPEAKER
            .captures(after)
            .or_else(|| SPEAKER_THEN_VERB.captures(after));
        if let Some(speaker) = named.and_then(|c| c.name("speaker")) {
            return describe(text, start + speaker.start()..start + speaker.end());
        }
    }
    if let Some(opening) = opening {
        let start = sentences[opening].start;
        let before = &text[start..quotation.bytes.start];
        if let Some(speaker) = SPEAKER_BEFORE
            .captures(before)
            .and_then(|c| c.name("speaker").or_else(|| c.name("quoted")))
        {
            return describe(text, start + speaker.start()..start + speaker.end());
        }
    }
    [closing, opening]
        .into_iter()
        .flatten()
        .find_map(source_of)
        .map_or(Speaker::Unknown, Speaker::Attributed)
}

/// The speaker found at `found` (bytes of `text`): a pronoun, or a name or description
/// cut before the words that do not belong to it.
fn describe(text: &str, found: Range<usize>) -> Speaker {
    let speaker = &text[found.clone()];
    if PRONOUNS.split('|').any(|pronoun| pronoun == speaker) {
        return Speaker::Pronoun {
            pronoun: speaker.to_owned(),
            bytes: found,
        };
    }
    let mut words = Vec::new();
    let mut end = 0;
    for word in speaker.split_whitespace() {
        if NOT_SPEAKER_WORDS.contains(&word) {
            break;
        }
        // The words come in order: each is found after the one before.
        end += speaker[end..].find(word).unwrap_or(0) + word.len();
        words.push(word);
    }
    Speaker::Named {
        name: words.join(" "),
        bytes: found.start..found.start + end,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The direct quotes of a one-paragraph `text`.
    fn quotes(text: &str) -> Vec<&str> {
        quotations(text, &(0..text.len()))
            .into_iter()
            .map(|q| &text[q.bytes])
            .collect()
    }

    #[test]
    fn curly_and_straight_quotes() {
        assert_eq!(
            quotes("“The flow of cars,” said Younis. \"We left,\" he said. 'Go away,' she said."),
            ["“The flow of cars,”", "\"We left,\"", "'Go away,'"]
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert!(
            quotes("Syria’s army and the rebels’ positions; don't go, it's the opposition’s")
                .is_empty()
        );
        assert_eq!(
            quotes("He called it ‘a disaster for Syria’s people’ on Tuesday."),
            ["‘a disaster for Syria’s people’"]
        );
    }

    #[test]
    fn quoted_names_and_scare_quotes_are_not_quotes() {
        assert!(
            quotes("the Syrian Civil Defense, also known as the ‘White Helmets’, carry").is_empty()
        );
        assert!(quotes("the so-called “moderate” rebels and “Operation Peace Spring”").is_empty());
        assert_eq!(
            quotes("It is a “scorched earth strategy”."),
            ["“scorched earth strategy”"]
        );
        assert_eq!(quotes("“No,” he said."), ["“No,”"]);
    }

    #[test]
    fn an_unclosed_quote_runs_to_the_end_of_its_paragraph() {
        assert_eq!(
            quotes("He said: “We will stay. They cannot move us"),
            ["“We will stay. They cannot move us"]
        );
    }

    /// The speaker of the first quote of a one-paragraph `text` split at `sentences`.
    fn speaker_of(text: &str, sentences: &[&str]) -> String {
        let ranges = super::super::sentence_ranges(text, sentences);
        let mut lexical = super::super::lexicon::Lexical::default();
        super::super::lexicon::lexical(text, 0, &mut lexical);
        let attributions =
            super::super::attribution::attributions(text, &lexical.reporting_verbs, &ranges);
        let source_of = |index: usize| {
            attributions
                .iter()
                .find(|(sentence, _)| *sentence == index)
                .and_then(|(_, attribution)| attribution.source.clone())
        };
        let quotation = quotations(text, &(0..text.len())).remove(0);
        speaker(text, &quotation, &ranges, &source_of).explanation()
    }

    #[test]
    fn speakers_after_before_and_by_attribution() {
        let text = "“The flow of cars is not stopping,” said Abdullah Younis from the city.";
        assert_eq!(speaker_of(text, &[text]), "quote from Abdullah Younis");
        let text = "“There were 15 raids,” Abdul Rahman al Halabi told Reuters from the area.";
        assert_eq!(
            speaker_of(text, &[text]),
            "quote from Abdul Rahman al Halabi"
        );
        let text = "“We left at dawn. There was nothing left,” said a resident who fled.";
        assert_eq!(
            speaker_of(
                text,
                &[
                    "“We left at dawn.",
                    "There was nothing left,” said a resident who fled."
                ]
            ),
            "quote from a resident"
        );
        let text = "The agency quoted him as saying: “We have men on the ground.”";
        assert_eq!(
            speaker_of(text, &[text]),
            "quote from “him”, named elsewhere"
        );
        let text = "in what Western military experts say is a “scorched earth strategy”.";
        assert_eq!(
            speaker_of(text, &[text]),
            "quote attributed to Western military experts"
        );
        let text = "The minister called it “a disaster” on Tuesday.";
        assert_eq!(speaker_of(text, &[text]), "quote from The minister");
        let text = "“Nothing is left.”";
        assert_eq!(speaker_of(text, &[text]), "direct quote, speaker not found");
    }
}
