//! The small lexicons and patterns that find figures, dates and times, superlatives and
//! comparisons, and causes and accusations in a sentence.
//!
//! Each finder adds what it finds to a list, by byte range of the analysed text, with
//! the explanation an editor reads. Overlaps between finders are settled afterwards
//! (see `resolve_overlaps` in the parent module).

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::attribution::REPORTING_VERBS;
use super::{CandidateKind, Found, compile, is_one_of};
use crate::core::numbers::{
    CARDINALS, MULTIPLIERS, ONE, QUALIFIERS, VAGUE_QUANTITIES, phrase_length, qualifier_at,
};

/// Phrases that open a figure without a digit besides the number words of
/// [`CARDINALS`]: an article or "half a" before a multiplier.
const NUMBER_PHRASES: [&str; 6] = [
    "a hundred",
    "a thousand",
    "a million",
    "a billion",
    "half a dozen",
    "a dozen",
];

/// Number words from two up, and [`NUMBER_PHRASES`] ("one" is left out: "one of the",
/// "no one" are not figures).
const NUMBER_WORDS: [&str; CARDINALS.len() + NUMBER_PHRASES.len()] = {
    let mut words = [""; CARDINALS.len() + NUMBER_PHRASES.len()];
    let mut at = 0;
    while at < CARDINALS.len() {
        words[at] = CARDINALS[at].0;
        at += 1;
    }
    while at < words.len() {
        words[at] = NUMBER_PHRASES[at - CARDINALS.len()];
        at += 1;
    }
    words
};

/// The words of the multipliers ("million"), without their values.
fn multiplier_words() -> impl Iterator<Item = &'static str> {
    MULTIPLIERS.iter().map(|(word, _)| *word)
}

/// The words of the qualifiers ("at least"), without what they say.
fn qualifier_words() -> impl Iterator<Item = &'static str> {
    QUALIFIERS.iter().map(|(words, _)| *words)
}

/// A figure's quantity with its qualifier: "around 60,000", "less than five", "40%",
/// "$5 million", "Ten of thousands". What it counts ("people", "raids") is read after
/// the match, see [`figure_end`].
fn figure_pattern() -> String {
    let words = alternatives(&NUMBER_WORDS);
    let qualifiers = alternatives(&qualifier_words().collect::<Vec<_>>());
    let vague = VAGUE_QUANTITIES.join("|");
    let multipliers = multiplier_words().collect::<Vec<_>>().join("|");
    // "twenty-one" … "ninety-nine": a tens word and a unit below ten.
    let units = std::iter::once(ONE)
        .chain(
            CARDINALS
                .iter()
                .filter(|(_, value)| *value < 10)
                .map(|(word, _)| *word),
        )
        .collect::<Vec<_>>()
        .join("|");
    format!(
        r"(?:\b(?:{qualifiers})\s+)?(?:\b(?:(?:tens?|hundreds?|dozens)\s+of\s+)?(?:{vague})\b|(?:(?:\$|€|£|¥)\s?[0-9]|\b[0-9]|\b(?:{words})(?:-(?:{units}))?\b)[0-9]*(?:[.,][0-9]+)*(?:[\s-](?:{multipliers})\b)?(?:\s*(?:%|percent\b|per\s+cent\b))?)",
    )
}

/// Words a figure's quantity can open or end with besides the words of
/// [`NUMBER_WORDS`], vague quantities and multipliers ("tens of", "per cent").
const OTHER_NUMERIC_WORDS: [&str; 10] = [
    "one",
    "tens",
    "hundreds",
    "percent",
    "cent",
    "scores",
    "dozens",
    "thousands",
    "millions",
    "billions",
];

/// Month names, written out (capitalised: "may" is a verb).
pub(crate) const MONTHS: &str =
    "January|February|March|April|May|June|July|August|September|October|November|December";

/// Abbreviated months, with their full stop.
const MONTH_ABBREVIATIONS: &str =
    r"Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.";

/// Days of the week.
const DAYS: &str = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";

/// Words that tie a date to the sentence and belong to it ("on Tuesday", "since 2015").
const DATE_PREFIXES: &str = "on|since|by|until|till|from|before|after|in|during|early|late|mid|last|next|this|every|through";

/// Dates and times: days, months with their day and year, years, "yesterday", "last
/// week", "the last few days", "two weeks ago", "10 p.m.", "at dawn".
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    let prefix = format!(r"(?:(?i:{DATE_PREFIXES})[\s-]+)?");
    let ordinal = r"(?:st|nd|rd|th)?";
    let year = r"(?:1[89]|20)[0-9]{2}";
    let small = alternatives(&NUMBER_WORDS);
    let alternatives = [
        format!(
            r"{prefix}(?:{DAYS})(?-u:\b)(?:\s+(?i:morning|afternoon|evening|night)(?-u:\b))?"
        ),
        format!(
            r"(?:(?i:(?:at|by|since|until|from|before|after|in|towards?)\s+)?(?i:the\s+)?(?i:end|start|beginning|middle|turn)\s+of\s+|{prefix})(?:[0-9]{{1,2}}{ordinal}\s+)?(?:(?:{MONTHS})(?-u:\b)|{MONTH_ABBREVIATIONS})(?:\s+[0-9]{{1,2}}{ordinal}(?-u:\b))?(?:,?\s+{year}(?-u:\b))?"
        ),
        format!(r"{prefix}{year}s?(?-u:\b)"),
        format!(r"{prefix}(?i:yesterday|today|tonight|tomorrow|overnight)(?-u:\b)"),
        r"(?i:(?:earlier|later)\s+(?:this|that|last)\s+(?:week|month|year)|(?:last|next|this|past|coming|previous)\s+(?:week|weekend|month|year|morning|afternoon|evening|night|spring|summer|autumn|fall|winter|decade|century))(?-u:\b)".to_owned(),
        r"(?i:(?:(?:in|over|during)\s+)?the\s+(?:last|past|next|coming|previous|first)\s+(?:few|several|couple\s+of)\s+(?:hours|days|weeks|months|years))(?-u:\b)".to_owned(),
        r"(?i:in\s+recent\s+(?:hours|days|weeks|months|years))(?-u:\b)".to_owned(),
        format!(
            r"(?i:(?:[0-9]+|an?|one|{small}|several|a\s+few|few)\s+(?:hours?|days?|weeks?|months?|years?|decades?)\s+ago)(?-u:\b)"
        ),
        r"[0-9]{1,2}(?::[0-9]{2})?\s?(?:a\.m\.|p\.m\.|(?i:am|pm|gmt|utc)(?-u:\b))|[0-9]{1,2}:[0-9]{2}(?-u:\b)".to_owned(),
        r"(?i:at\s+(?:dawn|dusk|midnight|noon|midday|daybreak|nightfall))(?-u:\b)".to_owned(),
    ];
    let alternatives: Vec<String> = alternatives
        .iter()
        .map(|alternative| format!("(?-u:\\b)(?:{alternative})"))
        .collect();
    compile(&format!("(?-u){}", alternatives.join("|")))
});

/// Superlatives written out ("biggest", "deadliest"); "-est" alone would catch "west"
/// and "protest".
const SUPERLATIVES: [&str; 25] = [
    "biggest",
    "largest",
    "greatest",
    "highest",
    "lowest",
    "smallest",
    "worst",
    "best",
    "deadliest",
    "bloodiest",
    "heaviest",
    "fiercest",
    "longest",
    "shortest",
    "fastest",
    "strongest",
    "weakest",
    "richest",
    "poorest",
    "oldest",
    "youngest",
    "newest",
    "fewest",
    "farthest",
    "furthest",
];

/// Comparatives that take "than" ("more than", "bigger than").
const COMPARATIVES: [&str; 22] = [
    "more", "less", "fewer", "bigger", "larger", "higher", "lower", "greater", "smaller", "worse",
    "better", "stronger", "weaker", "faster", "slower", "longer", "shorter", "older", "younger",
    "cheaper", "deadlier", "heavier",
];

/// Words of change that compare with before ("doubled", "increased").
const CHANGES: [&str; 12] = [
    "doubled",
    "doubling",
    "tripled",
    "trebled",
    "quadrupled",
    "halved",
    "increased",
    "decreased",
    "surged",
    "soared",
    "plunged",
    "slumped",
];

/// Words that rank ("the opposition’s last major stronghold", "its first visit").
const RANKS: [&str; 5] = ["last", "first", "only", "final", "sole"];

/// Superlatives, ranks ("last major stronghold"), comparisons and changes.
fn comparison_pattern() -> String {
    let ranks = RANKS.join("|");
    let superlatives = SUPERLATIVES.join("|");
    let comparatives = COMPARATIVES.join("|");
    let changes = CHANGES.join("|");
    format!(
        r"\b(?:{superlatives}|most\s+of|the\s+most\s+[a-z]+|the\s+least\s+[a-z]+|record[\s-](?:high|low|number|numbers|level|levels)|unprecedented|all-time\s+[a-z]+|(?:{ranks})\s+(?:(?:remaining|major|big|large|main|significant|known|real|serious)\s+)?[a-z]+|(?:{comparatives})\s+than|(?:twice|three\s+times|four\s+times|ten\s+times|half)\s+as\s+[a-z]+|compared\s+(?:with|to)|{changes})\b"
    )
}

/// The first words of the comparisons that do not open with a superlative, a
/// comparative, a change or a rank ("the most", "record high", "twice as").
const OTHER_COMPARISON_OPENERS: [&str; 11] = [
    "most",
    "the",
    "record",
    "unprecedented",
    "all-time",
    "twice",
    "three",
    "four",
    "ten",
    "half",
    "compared",
];

/// Words before a rank that make it one ("the last", "its first", "the opposition’s
/// last"); "last" alone is usually a date ("last week").
const RANK_DETERMINERS: [&str; 7] = ["the", "its", "their", "his", "her", "our", "this"];

/// Causes, accusations, denials and harm done: the statements someone could be sued or
/// corrected over. [`cause_label`] tells them apart by their first word.
const CAUSES: &str = r"\b(?:(?:deny|denies|denied|denying)(?:\s+[a-z]+){1,2}|(?:indiscriminate|indiscriminately|deliberate|deliberately|systematic|systematically)\s+[a-z]+|scorched[\s-]earth(?:\s+(?:strategy|policy|campaign|tactics?))?|war\s+crimes?|crimes?\s+against\s+humanity|genocide|ethnic\s+cleansing|massacres?|atrocit(?:y|ies)|human\s+shields?|chemical\s+(?:weapons?|attacks?)|barrel\s+bombs?|collective\s+punishment|accused|accuses|accusing|accusations?|allegedly|alleged|alleges|blamed|blames|blaming|because(?:\s+of)?|due\s+to|caused\s+by|caused|causing|led\s+to|leading\s+to|resulted\s+in|resulting\s+in|as\s+a\s+result\s+of|in\s+(?:retaliation|response)\s+(?:for|to)|responsible\s+for|triggered|sparked|prompted|killed|killing|killings|wounded|injured|bombed|bombing|bombings|shelled|shelling|struck|destroyed|targeted|targeting|executed|tortured|displaced|besieged|starved)\b";

/// Figures, causes, comparisons and reporting verbs in one pattern, so the text is
/// scanned once for all four (each scan costs about as much as the rest of the work).
/// Where two could start at the same word, the earlier alternative wins: a figure over
/// a comparison ("more than 400"), a denial over its reporting verb ("deny bombing",
/// which [`lexical`] reports as both).
static LEXICAL: LazyLock<Regex> = LazyLock::new(|| {
    let reporting_verbs = REPORTING_VERBS.join("|");
    compile(&format!(
        r"(?i-u)(?:{})|{CAUSES}|{}|\b(?:according\s+to|{reporting_verbs})\b",
        figure_pattern(),
        comparison_pattern(),
    ))
});

/// Words that never count as what a figure counts ("15 of the", "60,000 had").
const NOT_NOUNS: [&str; 62] = [
    "a", "after", "an", "and", "are", "as", "at", "be", "been", "before", "being", "but", "by",
    "can", "could", "did", "do", "does", "during", "each", "few", "fewer", "for", "from", "had",
    "has", "have", "he", "her", "his", "in", "into", "is", "it", "its", "less", "may", "might",
    "more", "of", "on", "or", "other", "others", "per", "several", "she", "should", "since",
    "than", "that", "the", "their", "these", "they", "this", "those", "to", "was", "were", "which",
    "will",
];

/// Time units, which follow "last" and "first" in dates rather than in ranks.
const TIME_UNITS: [&str; 18] = [
    "day", "days", "week", "weeks", "month", "months", "year", "years", "hour", "hours", "minute",
    "minutes", "decade", "decades", "time", "weekend", "quarter", "half",
];

/// What [`lexical`] found: figures, comparisons and causes as reasons, and the
/// reporting verbs, whose attributions need their sentence to be read.
#[derive(Default)]
pub(crate) struct Lexical {
    /// Figures, comparisons and causes, by byte range of the analysed text.
    pub found: Vec<Found>,
    /// Reporting verbs ("said", "according to"), by byte range of the analysed text.
    pub reporting_verbs: Vec<Range<usize>>,
}

impl Lexical {
    /// Empty lists with room for `reasons` reasons and as many verbs.
    pub fn with_capacity(reasons: usize) -> Self {
        Self {
            found: Vec::with_capacity(reasons),
            reporting_verbs: Vec::with_capacity(reasons / 2),
        }
    }
}

/// Adds what [`LEXICAL`] finds in `text` (which starts at byte `offset` of the
/// analysed text) to `lexical`.
pub(crate) fn lexical(text: &str, offset: usize, lexical: &mut Lexical) {
    for found in LEXICAL.find_iter(text) {
        let matched = found.as_str();
        let bytes = offset + found.start()..offset + found.end();
        let first = matched
            .split(char::is_whitespace)
            .next()
            .unwrap_or_default();
        let roles = word_roles(first);
        if is_figure(matched, roles) {
            lexical
                .found
                .extend(figure(text, found.start(), found.end(), offset));
        } else if roles.according {
            lexical.reporting_verbs.push(bytes);
        } else if roles.reporting && first == matched {
            // "Says" opening a headline is rare; capitalised "Reports" is a noun.
            if matched.starts_with(char::is_lowercase) {
                lexical.reporting_verbs.push(bytes);
            }
        } else if roles.comparison {
            lexical
                .found
                .extend(comparison(text, found.start(), matched, offset));
        } else {
            if roles.reporting {
                // "deny indiscriminate bombing": a denial, and a reporting verb.
                lexical
                    .reporting_verbs
                    .push(bytes.start..bytes.start + first.len());
            }
            lexical.found.push(Found::new(
                CandidateKind::Causal,
                bytes,
                format!("{} “{matched}”", cause_label(matched)),
            ));
        }
    }
}

/// What a word can open or close in a [`LEXICAL`] match; one word can do several
/// things ("last" qualifies a figure and ranks, "deny" reports and denies).
#[derive(Clone, Copy, Default)]
#[expect(
    clippy::struct_excessive_bools,
    reason = "independent roles one word can have at once, not states"
)]
struct WordRoles {
    /// A number word, a vague quantity, a multiplier or a percentage.
    numeric: bool,
    /// The first word of a figure's qualifier ("at least", "around").
    qualifier: bool,
    /// A reporting verb, or "according".
    reporting: bool,
    /// "according" (of "according to").
    according: bool,
    /// The first word of a superlative, rank, comparison or change.
    comparison: bool,
}

/// The roles of every word the lexicons open or close matches with, in lower case.
static WORD_ROLES: LazyLock<HashMap<&'static str, WordRoles>> = LazyLock::new(|| {
    let mut roles: HashMap<&'static str, WordRoles> = HashMap::new();
    // Number words and their parts ("a hundred", "twenty-five").
    let number_parts = NUMBER_WORDS
        .iter()
        .flat_map(|&number| number.split([' ', '-']));
    let numeric = number_parts
        .chain(OTHER_NUMERIC_WORDS)
        .chain(VAGUE_QUANTITIES)
        .chain(multiplier_words());
    for word in numeric {
        roles.entry(word).or_default().numeric = true;
    }
    for qualifier in qualifier_words() {
        let first_word = qualifier.split(' ').next().unwrap_or(qualifier);
        roles.entry(first_word).or_default().qualifier = true;
    }
    for word in REPORTING_VERBS.iter().chain(&["according"]) {
        roles.entry(word).or_default().reporting = true;
    }
    roles.entry("according").or_default().according = true;
    let comparison = SUPERLATIVES
        .iter()
        .chain(&COMPARATIVES)
        .chain(&CHANGES)
        .chain(&RANKS)
        .chain(&OTHER_COMPARISON_OPENERS);
    for word in comparison {
        roles.entry(word).or_default().comparison = true;
    }
    roles
});

/// The roles of `word`, whatever its case; none for words outside the lexicons.
fn word_roles(word: &str) -> WordRoles {
    let roles = if word.bytes().any(|b| b.is_ascii_uppercase()) {
        WORD_ROLES.get(word.to_ascii_lowercase().as_str())
    } else {
        WORD_ROLES.get(word)
    };
    roles.copied().unwrap_or_default()
}

/// Whether a [`LEXICAL`] match whose first word has `first` roles is a figure: it holds
/// a digit or a currency sign, or opens with a qualifier or a number and ends with one.
fn is_figure(matched: &str, first: WordRoles) -> bool {
    if matched.contains(|c: char| c.is_ascii_digit() || matches!(c, '$' | '€' | '£' | '¥')) {
        return true;
    }
    let last = matched.rsplit([' ', '-']).next().unwrap_or_default();
    (first.numeric || first.qualifier) && (word_roles(last).numeric || matched.ends_with('%'))
}

/// The figure whose quantity is `start..end` of `text`, if it is one.
fn figure(text: &str, start: usize, end: usize, offset: usize) -> Option<Found> {
    let end = figure_end(text, start, end)?;
    let bytes = start..end;
    if is_code_or_time(text, &bytes) {
        return None;
    }
    let matched = &text[bytes.clone()];
    Some(Found::new(
        CandidateKind::Figure,
        offset + bytes.start..offset + bytes.end,
        format!("figure “{matched}”"),
    ))
}

/// Where the figure whose quantity is `start..end` of `text` ends: after what it counts
/// ("60,000 people", "Hundreds of civilians") when a noun follows; `None` when it is no
/// figure (a number word alone, "two of them"; a year).
fn figure_end(text: &str, start: usize, end: usize) -> Option<usize> {
    let quantity = &text[start..end];
    let qualifier = qualifier_at(quantity).map_or(0, |(_, length)| length);
    let number = &quantity[qualifier..];
    let last_word = quantity
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or_default();
    let vague = is_one_of(&VAGUE_QUANTITIES, last_word);
    let percent = quantity.ends_with('%') || is_one_of(&["percent", "cent"], last_word);
    let noun = if percent {
        None
    } else {
        counted_noun(&text[end..], vague)
    };
    let is_word = number.starts_with(|c: char| c.is_ascii_alphabetic()) && !vague;
    if (is_word && noun.is_none() && qualifier == 0) || is_year(number) {
        return None;
    }
    Some(end + noun.unwrap_or(0))
}

/// How many bytes of `rest` (the text after a quantity) name what it counts: " people",
/// "-year", or " of civilians" after a vague quantity; `None` when no noun follows.
fn counted_noun(rest: &str, vague: bool) -> Option<usize> {
    let after_gap = if vague {
        let after_space = rest.trim_start();
        let after_of = after_space.strip_prefix("of")?;
        let word = after_of.trim_start();
        (after_space.len() < rest.len() && word.len() < after_of.len()).then_some(word)?
    } else {
        rest.strip_prefix([' ', '-'])?
    };
    let length = after_gap
        .find(|c: char| !(c.is_ascii_lowercase() || (vague && c == '-')))
        .unwrap_or(after_gap.len());
    let word = &after_gap[..length];
    let whole_word = !after_gap[length..].starts_with(|c: char| c.is_alphanumeric());
    (word.len() >= 2 && whole_word && !NOT_NOUNS.contains(&word))
        .then(|| rest.len() - after_gap.len() + length)
}

/// Whether the figure starting `text` is a bare four-digit year between 1800 and 2099
/// (a date, not a figure; news copy writes "2,000 people" with a comma).
fn is_year(text: &str) -> bool {
    let length = text
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, ',' | '.')))
        .unwrap_or(text.len());
    let number = text[..length].trim_end_matches(['.', ',']);
    number.len() == 4
        && number
            .parse::<u32>()
            .is_ok_and(|year| (1800..=2099).contains(&year))
}

/// Whether the number at `bytes` is part of a code or a time rather than a figure
/// ("F-16", "Covid-19", "9/11", "10:30").
fn is_code_or_time(sentence: &str, bytes: &Range<usize>) -> bool {
    let before = sentence[..bytes.start].chars().next_back();
    let glued_before = matches!(before, Some('-' | '/' | ':' | '.'))
        && sentence[..bytes.start]
            .chars()
            .rev()
            .nth(1)
            .is_some_and(char::is_alphanumeric);
    let after = &sentence[bytes.end..];
    let glued_after = (after.starts_with(':') || after.starts_with('/'))
        && after[1..].starts_with(|c: char| c.is_ascii_digit());
    glued_before || glued_after || is_clock_time(&sentence[bytes.clone()], after)
}

/// Whether a number is a time of day: "4 pm", "10 a.m.", "12 noon".
fn is_clock_time(number: &str, after: &str) -> bool {
    let next: String = after
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphabetic() || *c == '.')
        .filter(|c| *c != '.')
        .flat_map(char::to_lowercase)
        .collect();
    number.chars().all(|c| c.is_ascii_digit())
        && matches!(next.as_str(), "am" | "pm" | "noon" | "midnight")
}

/// Adds the dates and times of `sentence`.
pub(crate) fn dates(sentence: &str, offset: usize, found: &mut Vec<Found>) {
    for date in DATE.find_iter(sentence) {
        let matched = date.as_str();
        // "May" and "March" alone are a verb and a walk more often than a month.
        if matched == "May" || matched == "March" {
            continue;
        }
        found.push(Found::new(
            CandidateKind::Date,
            offset + date.start()..offset + date.end(),
            format!("date “{matched}”"),
        ));
    }
}

/// The superlative, rank, comparison or change `matched` at byte `start` of `text`, if
/// it is one.
fn comparison(text: &str, start: usize, matched: &str, offset: usize) -> Option<Found> {
    let first = matched
        .split(char::is_whitespace)
        .next()
        .unwrap_or_default();
    let what = if is_one_of(&RANKS, first) {
        if !is_rank(text, start, matched) {
            return None;
        }
        "superlative"
    } else if is_one_of(&CHANGES, matched) {
        "change"
    } else if matched.ends_with("than")
        || matched.contains(" as ")
        || phrase_length(matched, "compared").is_some()
    {
        "comparison"
    } else {
        "superlative"
    };
    Some(Found::new(
        CandidateKind::Comparison,
        offset + start..offset + start + matched.len(),
        format!("{what} “{matched}”"),
    ))
}

/// Whether `matched` ("last major stronghold", at byte `start` of `sentence`) ranks
/// something: after a determiner or a possessive, and not before a time unit or a
/// number ("the last four days" is a figure, "last week" a date).
fn is_rank(sentence: &str, start: usize, matched: &str) -> bool {
    let before = sentence[..start].trim_end();
    let previous = before
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or_default();
    let determined = is_one_of(&RANK_DETERMINERS, previous)
        || previous.ends_with("'s")
        || previous.ends_with("’s");
    let noun = matched
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or_default();
    determined
        && !is_one_of(&TIME_UNITS, noun)
        && !is_one_of(&NOT_NOUNS, noun)
        && !is_one_of(&NUMBER_WORDS, noun)
}

/// Denials, by their first word.
const DENIALS: [&str; 4] = ["deny", "denies", "denied", "denying"];

/// First words of the causes in [`CAUSES`].
const CAUSE_OPENERS: [&str; 14] = [
    "because",
    "due",
    "caused",
    "causing",
    "led",
    "leading",
    "resulted",
    "resulting",
    "as",
    "in",
    "responsible",
    "triggered",
    "sparked",
    "prompted",
];

/// The harm done in [`CAUSES`].
const HARM: [&str; 19] = [
    "killed",
    "killing",
    "killings",
    "wounded",
    "injured",
    "bombed",
    "bombing",
    "bombings",
    "shelled",
    "shelling",
    "struck",
    "destroyed",
    "targeted",
    "targeting",
    "executed",
    "tortured",
    "displaced",
    "besieged",
    "starved",
];

/// What a match of [`CAUSES`] is: "denial", "cause", "harm" or "accusation".
fn cause_label(matched: &str) -> &'static str {
    let first = matched
        .split(char::is_whitespace)
        .next()
        .unwrap_or_default();
    if is_one_of(&DENIALS, first) {
        "denial"
    } else if is_one_of(&CAUSE_OPENERS, first) {
        "cause"
    } else if is_one_of(&HARM, matched) {
        "harm"
    } else {
        "accusation"
    }
}

/// The phrases of a lexicon as alternatives of a pattern, any whitespace between words.
fn alternatives(phrases: &[&str]) -> String {
    phrases.join("|").replace(' ', r"\s+")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The figures, dates, comparisons or causes (`kind`) found in `sentence`, as
    /// matched text.
    fn matched(kind: CandidateKind, sentence: &str) -> Vec<String> {
        let mut lexical = Lexical::default();
        super::lexical(sentence, 0, &mut lexical);
        dates(sentence, 0, &mut lexical.found);
        lexical
            .found
            .iter()
            .filter(|f| f.kind == kind)
            .map(|f| sentence[f.bytes.clone()].to_owned())
            .collect()
    }

    /// The reporting verbs found in `sentence`.
    fn verbs(sentence: &str) -> Vec<&str> {
        let mut lexical = Lexical::default();
        super::lexical(sentence, 0, &mut lexical);
        lexical
            .reporting_verbs
            .iter()
            .map(|verb| &sentence[verb.clone()])
            .collect()
    }

    #[test]
    fn figures_keep_their_qualifier_and_unit() {
        assert_eq!(
            matched(
                CandidateKind::Figure,
                "Around 60,000 people fled, at least 400,000 were displaced in 15 raids lasting less than five minutes."
            ),
            [
                "Around 60,000 people",
                "at least 400,000",
                "15 raids",
                "less than five minutes"
            ]
        );
        assert_eq!(
            matched(
                CandidateKind::Figure,
                "in the eight year conflict of the last 10 days"
            ),
            ["eight year", "last 10 days"]
        );
        assert_eq!(
            matched(
                CandidateKind::Figure,
                "Prices rose 40% to $5 million, or 3.5 per cent."
            ),
            ["40%", "$5 million", "3.5 per cent"]
        );
    }

    #[test]
    fn vague_figures_take_what_they_count() {
        assert_eq!(
            matched(
                CandidateKind::Figure,
                "Ten of thousands of people and Hundreds of civilians after thousands of raids; Tens of thousands flee"
            ),
            [
                "Ten of thousands of people",
                "Hundreds of civilians",
                "thousands of raids",
                "Tens of thousands"
            ]
        );
    }

    #[test]
    fn years_codes_times_and_lone_number_words_are_not_figures() {
        assert!(
            matched(
                CandidateKind::Figure,
                "in 2015 the F-16 and Covid-19 at 10:30 on 9/11"
            )
            .is_empty()
        );
        assert!(matched(CandidateKind::Figure, "one of the two of them").is_empty());
        assert_eq!(matched(CandidateKind::Figure, "15 of the towns"), ["15"]);
    }

    #[test]
    fn dates_take_their_preposition() {
        assert_eq!(
            matched(
                CandidateKind::Date,
                "On Tuesday, at the end of April, since 2015, in the last few days, yesterday and on Sept. 12, 2019"
            ),
            [
                "On Tuesday",
                "at the end of April",
                "since 2015",
                "in the last few days",
                "yesterday",
                "on Sept. 12, 2019"
            ]
        );
        assert_eq!(
            matched(
                CandidateKind::Date,
                "two weeks ago at 10 p.m. and last week"
            ),
            ["two weeks ago", "10 p.m.", "last week"]
        );
        assert!(matched(CandidateKind::Date, "May I say it may rain? March on!").is_empty());
    }

    #[test]
    fn comparisons_ranks_and_changes() {
        assert_eq!(
            matched(
                CandidateKind::Comparison,
                "the opposition’s last major stronghold, the biggest camp, more than ever, most of them"
            ),
            ["last major stronghold", "biggest", "more than", "most of"]
        );
        assert_eq!(
            matched(
                CandidateKind::Comparison,
                "Raids increased in the last days of its first week"
            ),
            ["increased"]
        );
        assert!(
            matched(
                CandidateKind::Comparison,
                "at least five, rather than ten, in the west"
            )
            .is_empty()
        );
    }

    #[test]
    fn reporting_verbs_and_denials_share_the_scan() {
        assert_eq!(
            verbs("Moscow and Damascus, who deny indiscriminate bombing, say according to him"),
            ["deny", "say", "according to"]
        );
        assert_eq!(
            verbs("Says who? An estimated 60,000 people"),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn causes_accusations_denials_and_harm() {
        assert_eq!(
            matched(
                CandidateKind::Causal,
                "who deny indiscriminate bombing, say it is a “scorched earth strategy” that killed many because of raids"
            ),
            [
                "deny indiscriminate bombing",
                "scorched earth strategy",
                "killed",
                "because of"
            ]
        );
    }
}
