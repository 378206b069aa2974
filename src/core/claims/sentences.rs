//! Sentence splitting for news copy.
//!
//! Claim candidates are proposed sentence by sentence, so the splitter has to survive
//! what wire copy throws at it:
//! - a line break always ends a sentence (headlines, captions and paragraphs have no
//!   full stop between them);
//! - a dateline opening a line ("AMMAN:", "NEW YORK (Reuters) -") and a credit closing
//!   one ("- Reuters", "– AFP") belong to no sentence;
//! - a full stop after an abbreviation or an initial ("Gen.", "Sept. 12", "U.N.",
//!   "George W. Bush") ends a sentence only when an ordinary sentence opener ("The",
//!   "He", "But", …) follows it;
//! - a full stop inside a number ("3.5 million") never ends one;
//! - a question mark, exclamation mark or ellipsis inside quotation marks ends the
//!   sentence only when the next word starts with a capital ("“Why?” she asked" is one
//!   sentence), and closing quotation marks stay with the sentence they close.
//!
//! A quotation running over several sentences is split like any other text; candidate
//! detection follows the quotation across its sentences. A "sentence" longer than
//! [`MAX_SENTENCE_BYTES`] is cut into pieces.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::core::import::credit::{dateline, trailing_credit};

/// A sentence of a text, by code-point offsets (as everywhere in Factdesk), trimmed of
/// the whitespace around it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Sentence {
    /// Code-point offset of the sentence's first character.
    pub start: usize,
    /// Code-point offset just past its last character.
    pub end: usize,
}

impl Sentence {
    /// The sentence's position in code points.
    pub fn char_range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// Splits the whole of `text` into sentences, in reading order. Line breaks always end
/// a sentence; datelines and agency credits are left out (see the module notes).
pub fn split_sentences(text: &str) -> Vec<Sentence> {
    sentence_texts(text).map(|found| found.sentence).collect()
}

/// A sentence together with its words, for callers that compare what sentences say
/// (provenance, corroboration) and would otherwise have to turn code-point offsets back
/// into bytes, one scan of the text per sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SentenceText<'t> {
    /// Where the sentence is, in code points.
    pub sentence: Sentence,
    /// Where the sentence is, in bytes of the text.
    pub bytes: Range<usize>,
    /// The sentence's words.
    pub text: &'t str,
}

/// The sentences of the whole of `text`, as [`split_sentences`] finds them, each with
/// its byte range and words.
pub fn sentence_texts(text: &str) -> impl Iterator<Item = SentenceText<'_>> {
    let mut cursor = CharCursor::default();
    paragraphs(text, 0..text.len())
        .flat_map(|paragraph| paragraph.sentences)
        .map(move |bytes| SentenceText {
            sentence: Sentence {
                start: cursor.char_offset(text, bytes.start),
                end: cursor.char_offset(text, bytes.end),
            },
            // The ranges come from splitting `text` at character boundaries.
            text: text.get(bytes.clone()).unwrap_or_default(),
            bytes,
        })
}

/// One line of a text (a headline, a caption, a paragraph) and its sentences, by byte
/// ranges of the whole text, so candidate detection can look at a paragraph's quotation
/// marks and sentences together, and alignment can say which paragraph a sentence is in.
pub(crate) struct Paragraph {
    /// The line, without its line break.
    pub bytes: Range<usize>,
    /// Its sentences, in order, trimmed and never empty.
    pub sentences: Vec<Range<usize>>,
}

/// The lines of the byte range `range` of `text` that hold at least one sentence, with
/// their sentences (offsets in the whole of `text`).
pub(crate) fn paragraphs(text: &str, range: Range<usize>) -> impl Iterator<Item = Paragraph> + '_ {
    let mut line_start = range.start;
    text[range].split('\n').filter_map(move |line| {
        let start = line_start;
        line_start += line.len() + 1;
        let sentences: Vec<Range<usize>> = line_sentences(line)
            .into_iter()
            .map(|range| start + range.start..start + range.end)
            .collect();
        (!sentences.is_empty()).then(|| Paragraph {
            bytes: start..start + line.len(),
            sentences,
        })
    })
}

/// Turns byte offsets into code-point offsets in one forward pass: each call counts
/// only the characters since the previous one, so the offsets asked for must not
/// decrease.
#[derive(Default)]
pub(crate) struct CharCursor {
    /// The byte offset reached.
    byte: usize,
    /// The code points before it.
    chars: usize,
}

impl CharCursor {
    /// The code-point offset of byte `byte` of `text` (at or after the last one asked).
    pub fn char_offset(&mut self, text: &str, byte: usize) -> usize {
        if byte > self.byte {
            self.chars += text.get(self.byte..byte).map_or(0, |s| s.chars().count());
            self.byte = byte;
        }
        self.chars
    }
}

/// The sentences of one line, as trimmed, non-empty byte ranges of the line.
fn line_sentences(line: &str) -> Vec<Range<usize>> {
    let body_start = if may_open_with_dateline(line) {
        dateline(line).map_or(0, |(end, _)| end)
    } else {
        0
    };
    let body_end = if ends_near_a_dash(line) {
        trailing_credit(line).map_or(line.len(), |(at, _)| at)
    } else {
        line.len()
    };
    let Some(body) = line.get(body_start..body_end) else {
        return Vec::new();
    };
    sentence_ends(body)
        .into_iter()
        .flat_map(|range| bounded_pieces(body, range))
        .filter_map(|range| trimmed(body, range))
        .map(|range| body_start + range.start..body_start + range.end)
        .collect()
}

/// The longest sentence, in bytes. News sentences stay under a few hundred; a longer
/// run without a sentence end is a table or a list flattened onto one line, or a file
/// made to be slow, and is cut into pieces this long so that the work each finder does
/// per sentence stays bounded.
pub const MAX_SENTENCE_BYTES: usize = 2_000;

/// `range` of `body` cut into pieces of at most [`MAX_SENTENCE_BYTES`], each cut at
/// the last whitespace before the limit (or at the limit, in text without spaces).
fn bounded_pieces(body: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut pieces = Vec::new();
    let mut start = range.start;
    while range.end - start > MAX_SENTENCE_BYTES {
        let limit = body.floor_char_boundary(start + MAX_SENTENCE_BYTES);
        let cut = body[start..limit]
            .rfind(char::is_whitespace)
            .map(|space| start + space)
            .filter(|&cut| cut > start)
            .unwrap_or(limit);
        pieces.push(start..cut);
        start = cut;
    }
    pieces.push(start..range.end);
    pieces
}

/// Whether `line` may open with a dateline: its first word is in capitals ("AMMAN:",
/// "NEW YORK") or a bracket follows soon ("Washington (CNN) —"). A quick test that
/// spares most lines the dateline pattern.
fn may_open_with_dateline(line: &str) -> bool {
    let first_word = line
        .split(|c: char| c.is_whitespace() || matches!(c, ':' | ','))
        .next()
        .unwrap_or_default();
    let capitals = first_word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !first_word.chars().any(char::is_lowercase);
    let head_end = line
        .char_indices()
        .nth(DATELINE_BRACKET_CHARS)
        .map_or(line.len(), |(at, _)| at);
    capitals || line[..head_end].contains('(')
}

/// How far into a line the agency's bracket of a dateline can be ("Washington (CNN)").
const DATELINE_BRACKET_CHARS: usize = 40;

/// How far from the end of a line a credit's dash can be ("- Deutsche Presse-Agentur").
const CREDIT_CHARS: usize = 32;

/// Whether a dash is close enough to the end of `line` to open a credit: a quick test
/// that spares most lines the credit pattern.
fn ends_near_a_dash(line: &str) -> bool {
    let tail_start = line
        .char_indices()
        .rev()
        .nth(CREDIT_CHARS)
        .map_or(0, |(at, _)| at);
    line[tail_start..].contains(['-', '–', '—'])
}

/// Cuts `body` (a line without dateline or credit) at every sentence boundary; the
/// ranges cover the whole body and may carry whitespace at either end.
fn sentence_ends(body: &str) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0;
    let mut search_from = 0;
    while let Some(at) = next_terminator(body, search_from) {
        let (end, single_full_stop) = terminator_run(body, at);
        search_from = end;
        let rest = &body[end..];
        let next_text = rest.trim_start();
        if next_text.len() == rest.len() || next_text.is_empty() {
            // Glued to what follows ("3.5", "U.N.") or the end of the line.
            continue;
        }
        if !next_text.chars().next().is_some_and(starts_sentence) {
            continue;
        }
        if single_full_stop && is_abbreviation(&body[start..at], next_text) {
            continue;
        }
        ranges.push(start..end);
        start = body.len() - next_text.len();
    }
    ranges.push(start..body.len());
    ranges
}

/// The byte offset of the next character at or after byte `from` that can end a
/// sentence.
fn next_terminator(body: &str, from: usize) -> Option<usize> {
    TERMINATOR.find_at(body, from).map(|found| found.start())
}

/// A character that can end a sentence. Searched for with a pattern rather than
/// character by character: the pattern engine scans many bytes at once, and this is
/// the splitter's inner loop.
static TERMINATOR: LazyLock<Regex> = LazyLock::new(|| {
    #[expect(
        clippy::expect_used,
        reason = "the pattern is a constant, checked by the tests"
    )]
    Regex::new("[.!?…]").expect("valid pattern")
});

/// The end of the run of terminators and closing marks starting at byte `at` ("?”",
/// "...", ".)"), and whether the run is a lone full stop (which may end an
/// abbreviation instead of the sentence).
fn terminator_run(body: &str, at: usize) -> (usize, bool) {
    let mut end = at;
    let mut terminators = 0;
    for c in body[at..].chars() {
        if is_terminator(c) {
            terminators += 1;
        } else if !is_closing_mark(c) {
            break;
        }
        end += c.len_utf8();
    }
    (end, terminators == 1 && body[at..].starts_with('.'))
}

/// `range` of `text` without the whitespace at either end, or `None` when nothing is left.
fn trimmed(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    let slice = text.get(range.clone())?;
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.end - (slice.len() - slice.trim_end().len());
    (start < end).then_some(start..end)
}

/// Characters that can end a sentence.
fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// Closing quotation marks and brackets, which stay with the sentence they close.
fn is_closing_mark(c: char) -> bool {
    matches!(c, '”' | '’' | '"' | '\'' | ')' | ']' | '»')
}

/// Whether a sentence can start with `c`: a capital, a digit, an opening quotation mark
/// or bracket.
fn starts_sentence(c: char) -> bool {
    c.is_uppercase() || c.is_ascii_digit() || matches!(c, '“' | '‘' | '"' | '\'' | '(' | '[' | '«')
}

/// Titles that always precede a name: the full stop after them never ends a sentence.
const TITLES: [&str; 27] = [
    "Adm", "Brig", "Capt", "Cmdr", "Col", "Cpl", "Det", "Dr", "Fr", "Gen", "Gov", "Hon", "Insp",
    "Lt", "Maj", "Messrs", "Mme", "Mr", "Mrs", "Ms", "Pres", "Prof", "Pvt", "Rep", "Rev", "Sen",
    "Sgt",
];

/// Abbreviations that precede a number ("Sept. 12", "No. 10"): followed by a digit
/// they never end a sentence.
const BEFORE_NUMBERS: [&str; 17] = [
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "No",
    "Nos", "Art", "Vol", "Fig",
];

/// Abbreviations that may or may not end a sentence ("Apple Inc. said" / "… of Apple
/// Inc. The company …"): like initials, they end one only before a sentence opener.
const AMBIGUOUS: [&str; 12] = [
    "Bros", "Co", "Corp", "Ft", "Inc", "Jr", "Ltd", "Mt", "Sr", "St", "etc", "vs",
];

/// Words that usually open a sentence. After an initial or an ambiguous abbreviation
/// they say a new sentence has begun ("… the U.N. The agency said"); candidate
/// detection also reads a capitalised word after them as no part of a name ("On
/// Tuesday" names nobody).
pub(crate) const SENTENCE_OPENERS: [&str; 62] = [
    "A",
    "About",
    "According",
    "After",
    "Also",
    "An",
    "And",
    "As",
    "At",
    "Before",
    "But",
    "By",
    "Despite",
    "During",
    "Earlier",
    "Even",
    "For",
    "From",
    "He",
    "Her",
    "His",
    "How",
    "However",
    "I",
    "If",
    "In",
    "It",
    "Its",
    "Last",
    "Later",
    "Many",
    "Meanwhile",
    "Most",
    "My",
    "No",
    "Now",
    "On",
    "Once",
    "Our",
    "She",
    "Since",
    "So",
    "Some",
    "Still",
    "That",
    "The",
    "Their",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Under",
    "We",
    "What",
    "When",
    "Where",
    "While",
    "Who",
    "Why",
    "With",
    "You",
];

/// Whether the full stop after `before` (the sentence so far) marks an abbreviation
/// rather than the end of the sentence, given the text that follows it.
fn is_abbreviation(before: &str, next_text: &str) -> bool {
    let token = before
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or_default()
        .trim_start_matches(['(', '[', '“', '‘', '"', '\'']);
    if token.is_empty() {
        return false;
    }
    let next_word = next_text
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default();
    let before_opener = SENTENCE_OPENERS.contains(&next_word);
    let before_digit = next_text.starts_with(|c: char| c.is_ascii_digit());
    if TITLES.contains(&token) {
        return true;
    }
    if BEFORE_NUMBERS.contains(&token) && before_digit {
        return true;
    }
    let initials = is_initials(token);
    (initials || AMBIGUOUS.contains(&token) || BEFORE_NUMBERS.contains(&token)) && !before_opener
}

/// Whether `token` is an initial or a run of dotted initials ("W", "U.N", "a.m").
fn is_initials(token: &str) -> bool {
    token
        .split('.')
        .all(|part| part.chars().count() == 1 && part.chars().all(char::is_alphabetic))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::anchor::char_slice;

    /// The sentences of `text`, as text.
    fn sentences(text: &str) -> Vec<&str> {
        split_sentences(text)
            .iter()
            .map(|s| char_slice(text, &s.char_range()).unwrap())
            .collect()
    }

    #[test]
    fn line_breaks_always_end_a_sentence() {
        assert_eq!(
            sentences("Tens of thousands flee\n\n  Rebels concede ground  \nThey left."),
            [
                "Tens of thousands flee",
                "Rebels concede ground",
                "They left."
            ]
        );
    }

    #[test]
    fn titles_and_initials_do_not_end_sentences() {
        assert_eq!(
            sentences(
                "Gen. Ali Mahmoud met Mr. Smith and George W. Bush at the U.N. headquarters. \
                 They spoke."
            ),
            [
                "Gen. Ali Mahmoud met Mr. Smith and George W. Bush at the U.N. headquarters.",
                "They spoke."
            ]
        );
    }

    #[test]
    fn initials_end_a_sentence_before_an_opener() {
        assert_eq!(
            sentences("The request went to the U.N. The agency said no. It was 10 p.m. Tuesday."),
            [
                "The request went to the U.N.",
                "The agency said no.",
                "It was 10 p.m. Tuesday."
            ]
        );
    }

    #[test]
    fn month_abbreviations_before_a_day_do_not_end_sentences() {
        assert_eq!(
            sentences("The raids began on Sept. 12 in Idlib. No. 10 said nothing."),
            [
                "The raids began on Sept. 12 in Idlib.",
                "No. 10 said nothing."
            ]
        );
    }

    #[test]
    fn numbers_with_separators_stay_whole() {
        assert_eq!(
            sentences("About 3.5 million people live there. Some 1,200 fled. 60,000 stayed."),
            [
                "About 3.5 million people live there.",
                "Some 1,200 fled.",
                "60,000 stayed."
            ]
        );
    }

    #[test]
    fn a_quote_spanning_two_sentences_is_split_with_its_marks() {
        assert_eq!(
            sentences("“We left at dawn. There was nothing left,” said Ahmed. Others stayed."),
            [
                "“We left at dawn.",
                "There was nothing left,” said Ahmed.",
                "Others stayed."
            ]
        );
        assert_eq!(
            sentences("He said: “We left at dawn.” Then the jets came."),
            ["He said: “We left at dawn.”", "Then the jets came."]
        );
    }

    #[test]
    fn question_and_exclamation_inside_quotes() {
        assert_eq!(
            sentences("“Where will we go?” asked one woman. “Run!” The crowd scattered."),
            [
                "“Where will we go?” asked one woman.",
                "“Run!”",
                "The crowd scattered."
            ]
        );
    }

    #[test]
    fn ellipses_end_a_sentence_only_before_a_capital() {
        assert_eq!(
            sentences("“The flow of cars…” said Abdullah Younis. We waited... Nothing came."),
            [
                "“The flow of cars…” said Abdullah Younis.",
                "We waited...",
                "Nothing came."
            ]
        );
        assert_eq!(sentences("It was … quiet."), ["It was … quiet."]);
    }

    #[test]
    fn dashes_do_not_end_sentences() {
        assert_eq!(
            sentences("The town — the last held by rebels — fell. Then – briefly – calm."),
            [
                "The town — the last held by rebels — fell.",
                "Then – briefly – calm."
            ]
        );
    }

    #[test]
    fn datelines_and_credits_belong_to_no_sentence() {
        assert_eq!(
            sentences("AMMAN: Ten of thousands of people have fled. They left.- Reuters"),
            ["Ten of thousands of people have fled.", "They left."]
        );
        assert_eq!(
            sentences("NEW YORK (Reuters) - Stocks fell on Monday.\nA caption here. – AFP"),
            ["Stocks fell on Monday.", "A caption here."]
        );
        assert_eq!(
            sentences("TALLMANNIS: Members of the Syrian Civil Defense carry a victim."),
            ["Members of the Syrian Civil Defense carry a victim."]
        );
        assert_eq!(sentences("AMMAN:\n- Reuters"), Vec::<&str>::new());
    }

    #[test]
    fn offsets_count_code_points() {
        let text = "“Syria’s army” won. Über alles.";
        let found = split_sentences(text);
        assert_eq!(
            found,
            [
                Sentence { start: 0, end: 19 },
                Sentence { start: 20, end: 31 }
            ]
        );
    }

    #[test]
    fn sentence_texts_carry_bytes_and_words() {
        let text = "“Syria’s army” won. Über alles.";
        let found: Vec<_> = sentence_texts(text).collect();
        assert_eq!(found.len(), 2);
        assert_eq!(found[1].sentence, Sentence { start: 20, end: 31 });
        assert_eq!(found[1].text, "Über alles.");
        assert_eq!(&text[found[1].bytes.clone()], "Über alles.");
    }

    #[test]
    fn empty_and_blank_texts_have_no_sentences() {
        assert!(split_sentences("").is_empty());
        assert!(split_sentences(" \n\n \t").is_empty());
    }

    #[test]
    fn the_cursor_counts_forward() {
        let text = "aé b";
        let mut cursor = CharCursor::default();
        assert_eq!(cursor.char_offset(text, 1), 1);
        assert_eq!(cursor.char_offset(text, 3), 2);
        assert_eq!(cursor.char_offset(text, 5), 4);
    }

    #[test]
    fn a_line_without_sentence_ends_is_cut_into_bounded_pieces_at_spaces() {
        let line = "Officials said 18 people were killed in Saraqeb on Tuesday, ".repeat(200);
        let sentences = line_sentences(&line);
        assert!(sentences.len() > 1);
        for range in &sentences {
            assert!(range.len() <= MAX_SENTENCE_BYTES, "{range:?}");
            let after = line[range.end..].chars().next();
            assert!(after.is_none_or(char::is_whitespace), "cut at a space");
        }
        let joined: Vec<&str> = sentences.iter().map(|r| &line[r.clone()]).collect();
        assert_eq!(joined.join(" "), line.trim_end());

        let unbroken = "é".repeat(3 * MAX_SENTENCE_BYTES / "é".len());
        let pieces = line_sentences(&unbroken);
        assert_eq!(pieces.len(), 3);
        assert!(pieces.iter().all(|r| unbroken.is_char_boundary(r.start)));
    }
}
