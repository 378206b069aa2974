//! Recognising how copy credits agencies and opens with a dateline: "- Reuters" at the
//! end of a story, "– AFP" after a caption, "GROSSETO, Italy (AP) --" at the start.

use std::sync::LazyLock;

use regex::Regex;

use super::words::at_most_words;
use crate::core::agency::Agency;

/// Agency names as they appear in credits: the known names, or a short run of capitals
/// for agencies Factdesk does not know by name ("NTB", "TT").
const AGENCY_PATTERN: &str = r"(?:(?i:thomson reuters|reuters|agence france-presse|afp|associated press|ap|deutsche presse-agentur|dpa|ansa|efe|xinhua|pa media|press association|pa|getty images)|[A-Z]{2,6})";

/// "- Reuters", "– AFP", "-- AP" closing a paragraph, after a space or punctuation.
static TRAILING_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?:^|[\s.,;:!?”’)\x22])(?P<credit>(?:--|[-–—])\s*(?P<agency>{AGENCY_PATTERN})(?:\s*(?:/|&|,|and)\s*{AGENCY_PATTERN})*)\s*$"
    ))
});

/// A dateline: a place in capitals (or several: "BEIRUT/AMMAN"), optionally a region or
/// a date and an agency in brackets, then a colon or a dash ("AMMAN:", "GROSSETO, Italy
/// (AP) --", "LONDON, Jan 5 (Reuters) -"); a place in ordinary capitals when an agency in
/// brackets follows it ("Washington (CNN) —"); or the agency alone ("(Reuters) -").
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"^(?P<dateline>(?:\((?P<bare_agency>[A-Za-z][A-Za-z .-]{1,30})\)|(?P<place>[A-Z][A-Z.'’-]+(?:[ /][A-Z][A-Z.'’-]+){0,3})(?:, [A-Z0-9][A-Za-z0-9.]*(?: [A-Z0-9][A-Za-z0-9.]*){0,2}){0,2}(?: \((?P<agency>[^()]{2,})\))?|[A-Z][a-z]+(?: [A-Z][a-z]+)?(?:, [A-Z0-9][A-Za-z0-9.]*(?: [A-Z0-9][A-Za-z0-9.]*){0,2})? \((?P<titled_agency>[^()]{2,})\)) ?(?::|--|[-–—]))(?:\s|$)",
    )
});

/// Longest the agency in a dateline's brackets can be, in characters. (Counted in
/// code, not in the pattern: a repeat count on a Unicode class makes it slow to
/// compile.)
const DATELINE_AGENCY_CHARS: usize = 40;

/// Capitalised labels that open copy the way a dateline does but name no place.
const NOT_PLACES: [&str; 16] = [
    "ANALYSIS",
    "BREAKING",
    "CLARIFICATION",
    "COMMENT",
    "CORRECTION",
    "EDITOR'S NOTE",
    "EDITOR’S NOTE",
    "EXCLUSIVE",
    "FACTBOX",
    "LIVE",
    "NOTE",
    "OPINION",
    "PHOTOS",
    "UPDATE",
    "VIDEO",
    "WATCH",
];

/// An agency named in a caption or a photo credit: "(AFP)", "(AFP Photo)", "AFP PHOTO",
/// "Photo: Reuters/…", "Photograph: AFP", "REUTERS/Khalil Ashawi", "Omar Haj Kadour /
/// AFP", "Copyright Khalil Ashawi(Reuters)".
static CAPTION_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"\((?P<a>{AGENCY_PATTERN})\b[^()]*\)|\b(?P<b>{AGENCY_PATTERN}) (?i:photo)\b|(?i:photo(?:graph)?|picture|image|credit)\s*:\s*(?P<c>{AGENCY_PATTERN})\b|(?:^|\s)(?P<d>{AGENCY_PATTERN})\s*/\s*\S|/\s*(?P<e>{AGENCY_PATTERN})\s*(?:/|\)|$|\s(?i:via)\b)"
    ))
});

/// Whether a text has what every photo credit [`CAPTION_CREDIT`] finds has: a bracket,
/// a slash, a colon or the word "photo". Most paragraphs have none, and this look is
/// far quicker than the pattern's.
fn may_credit_a_photo(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr3(b'(', b'/', b':', bytes).is_some()
        || memchr::memchr2_iter(b'p', b'P', bytes).any(|at| {
            bytes
                .get(at..at + "photo".len())
                .is_some_and(|word| word.eq_ignore_ascii_case(b"photo"))
        })
}

/// Words that mark a paragraph as a photo's caption: "FILE PHOTO:", "Photo:", AP's
/// "FILE - In this …".
static CAPTION_MARK: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"^(?:(?i:file photo|photo|caption|pictured|image|picture|photograph)\s*:|FILE\s*[-–—]\s)",
    )
});

/// A known agency and nothing else, as a line of its own: "AFP", "— AFP", "Reuters
/// Staff", "By Reuters", "Agence France-Presse".
static AGENCY_LINE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"^(?:--|[-–—>»•·|]+)?\s*(?i:by\s+|source\s*:\s*)?(?P<agency>[A-Za-z][A-Za-z .-]{1,30}?)(?:\s+(?i:staff|photo|news agency|desk))?\s*$",
    )
});

/// Where a closing credit names who reported, wrote and edited the story, at its
/// start: "(Reporting by …; Editing by …)", "Additional reporting by …".
static REPORTING_CREDIT_OPENS: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)^\(?(?:additional |further )?(?:reporting|writing|editing|compiled|produced|translated)(?: and (?:writing|editing))? by\b",
    )
});

/// … or at its end: "… contributed to this report." (Anchored at one end each, the two
/// patterns look at a paragraph's ends only, not at all of it.)
static REPORTING_CREDIT_CLOSES: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\bcontributed (?:reporting )?to this (?:report|story)\.?\)?$|\bcontributed reporting\.?\)?$",
    )
});

/// Longest stretch at a paragraph's end, in bytes, that a closing credit or a photo
/// credit takes up ("— Reuters/AFP", "(AFP Photo/Delil Souleiman)"): the patterns for
/// them look at that much only, so a long paragraph costs no more than a short one.
const CLOSING_CREDIT_BYTES: usize = 200;

/// Longest a photographer's name after a credit can be, in words.
const PHOTOGRAPHER_WORDS: usize = 4;
/// Longest a line of photo credit can be, in words.
const PHOTO_CREDIT_WORDS: usize = 10;

/// "Reuters reported", naming the agency a story relies on.
static REPORTED: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"\b(?P<agency>Reuters|AFP|Agence France-Presse|AP|The Associated Press|Associated Press|dpa|ANSA|EFE|Xinhua|PA Media) reported\b",
    )
});

/// Compiles one of the import's patterns. Their word boundaries and digits are ASCII
/// ones: the words they look for are English words, agency names and figures written
/// in ASCII digits. An ASCII boundary lets the regex engine keep its fast automaton on
/// copy full of curly quotes and accents, where a Unicode boundary makes it fall back
/// to a far slower one; ASCII digits keep the patterns quick to compile, which every
/// `factdesk` command that reads a file pays for once.
#[expect(
    clippy::expect_used,
    reason = "the patterns are constants, checked by the tests"
)]
pub(super) fn compile(pattern: &str) -> Regex {
    let ascii = pattern.replace(r"\b", r"(?-u:\b)").replace(r"\d", "[0-9]");
    Regex::new(&ascii).expect("valid pattern")
}

/// The credit closing a paragraph: where it starts (in bytes, at its dash) and the
/// agency it names.
pub fn trailing_credit(paragraph: &str) -> Option<(usize, Agency)> {
    let (from, end) = closing_stretch(paragraph);
    let captures = TRAILING_CREDIT.captures(end)?;
    let credit = captures.name("credit")?;
    let agency = captures.name("agency")?;
    Some((from + credit.start(), Agency::from_name(agency.as_str())))
}

/// The end of a paragraph where a closing credit would be, and where it starts: the
/// last [`CLOSING_CREDIT_BYTES`] or so, from a space (so that the patterns see a word's
/// start where the paragraph has one), or all of a shorter paragraph.
fn closing_stretch(paragraph: &str) -> (usize, &str) {
    let Some(cut) = paragraph.len().checked_sub(CLOSING_CREDIT_BYTES) else {
        return (0, paragraph);
    };
    let cut = paragraph.floor_char_boundary(cut);
    let from = paragraph[..cut].rfind(char::is_whitespace).unwrap_or(0);
    (from, &paragraph[from..])
}

/// A dateline opening a paragraph: its length in bytes (through the colon or dash) and
/// the agency it names, if any.
pub fn dateline(paragraph: &str) -> Option<(usize, Option<Agency>)> {
    let captures = DATELINE.captures(paragraph)?;
    let dateline = captures.name("dateline")?;
    if captures
        .name("place")
        .is_some_and(|place| NOT_PLACES.contains(&place.as_str()))
    {
        return None;
    }
    if let Some(bare) = captures.name("bare_agency") {
        // "(Reuters) -" is a dateline only with an agency in the brackets.
        let agency = Agency::from_known_name(bare.as_str())?;
        return Some((dateline.end(), Some(agency)));
    }
    let bracketed = captures
        .name("agency")
        .or_else(|| captures.name("titled_agency"));
    if bracketed.is_some_and(|agency| agency.as_str().chars().count() > DATELINE_AGENCY_CHARS) {
        // A long aside in brackets, not a dateline's agency.
        return None;
    }
    let agency = bracketed.and_then(|a| Agency::from_known_name(a.as_str()));
    Some((dateline.end(), agency))
}

/// The agency a caption credits, wherever in the caption it says so; an agency
/// Factdesk knows wins over other bracketed capitals ("(SCD)").
pub fn caption_credit(caption: &str) -> Option<Agency> {
    if let Some((_, agency)) = trailing_credit(caption) {
        return Some(agency);
    }
    if !may_credit_a_photo(caption) {
        return None;
    }
    let named: Vec<Agency> = CAPTION_CREDIT
        .captures_iter(caption)
        .filter_map(|captures| {
            let name = ["a", "b", "c", "d", "e"]
                .into_iter()
                .find_map(|group| captures.name(group))?;
            Some(Agency::from_name(name.as_str()))
        })
        .collect();
    let known = named
        .iter()
        .find(|agency| !matches!(agency, Agency::Other(_)));
    known.or(named.first()).cloned()
}

/// A known agency named anywhere in a line, as copy writes the names: "By Euronews with
/// Reuters", "By Jane Doe, Associated Press".
static NAMED_AGENCY: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"\b(?:Thomson Reuters|Reuters|REUTERS|AFP|Agence France-Presse|AP|Associated Press|dpa|DPA|ANSA|EFE|Xinhua|PA Media|Press Association)\b",
    )
});

/// The agencies whose own reporters a story may name.
const REPORTING_AGENCIES: &str =
    "Reuters|AFP|Agence France-Presse|AP|The Associated Press|dpa|ANSA|EFE|Xinhua";

/// Any of [`REPORTING_AGENCIES`], anywhere: a quick look (a search for the names
/// alone) that spares most paragraphs [`OWN_REPORTER`], whose every match names one.
static MENTIONS_REPORTING_AGENCY: LazyLock<Regex> = LazyLock::new(|| compile(REPORTING_AGENCIES));

/// An agency's own reporters in a paragraph: "An AFP correspondent … saw", "told
/// Reuters". A paragraph an agency's reporter wrote is that agency's copy, even inside
/// another agency's story (a republisher merging two wires).
static OWN_REPORTER: LazyLock<Regex> = LazyLock::new(|| {
    let agency = REPORTING_AGENCIES;
    compile(&format!(
        r"\b(?:[Aa]n?|[Tt]he|[Oo]ne) (?P<a>{agency}) (?:correspondent|reporter|journalist|photographer|team)s?\b|\b(?P<b>{agency}) (?:correspondents|reporters|journalists) (?:saw|found|counted|visited)\b|\btold (?P<c>{agency})\b"
    ))
});

/// The agency whose own reporter a paragraph quotes or cites, if any.
pub fn own_reporter(paragraph: &str) -> Option<Agency> {
    if !MENTIONS_REPORTING_AGENCY.is_match(paragraph) {
        return None;
    }
    let captures = OWN_REPORTER.captures(paragraph)?;
    let name = ["a", "b", "c"]
        .into_iter()
        .find_map(|group| captures.name(group))?;
    Agency::from_known_name(name.as_str())
}

/// The first known agency a line names, wherever it names it.
pub fn named_agency(line: &str) -> Option<Agency> {
    Agency::from_known_name(NAMED_AGENCY.find(line)?.as_str())
}

/// Whether a paragraph ends with a photo credit: "… Photo: AP", "… (AFP Photo)", "…
/// REUTERS/Yamam Al Shaar", "… Aaref Watad / AFP".
pub fn ends_with_photo_credit(paragraph: &str) -> bool {
    let (_, text) = closing_stretch(paragraph.trim_end().trim_end_matches('.'));
    if !may_credit_a_photo(text) {
        return false;
    }
    CAPTION_CREDIT.captures_iter(text).any(|captures| {
        let Some(credit) = captures.get(0) else {
            return false;
        };
        // After the credit: nothing, or the photographer's name ("REUTERS/Yamam Al
        // Shaar").
        // "REUTERS/Yamam Al Shaar": the name starts right after the agency's slash.
        let after_credit = captures
            .name("d")
            .map_or(credit.end(), |agency| agency.end());
        let mut rest = text[after_credit..]
            .trim_start_matches(|c: char| c == '/' || c.is_whitespace())
            .split_whitespace();
        let names_only = rest
            .clone()
            .all(|word| word.starts_with(|c: char| c.is_uppercase() || c == '/'))
            && rest.nth(PHOTOGRAPHER_WORDS).is_none();
        // "(Reuters)" alone may close a sentence of the story; "(AFP Photo)" may not.
        let photo_style =
            captures.name("a").is_none() || credit.as_str().to_lowercase().contains("photo");
        names_only && photo_style
    })
}

/// Whether a paragraph is marked as a photo's caption ("FILE PHOTO: …", "Photo: …").
pub fn has_caption_mark(paragraph: &str) -> bool {
    CAPTION_MARK.is_match(paragraph)
}

/// The agency a line names when the line is nothing but a known agency ("AFP", "— AFP",
/// "Reuters Staff"): a byline above the story, a credit below it.
pub fn agency_line(line: &str) -> Option<Agency> {
    let captures = AGENCY_LINE.captures(line.trim())?;
    Agency::from_known_name(captures.name("agency")?.as_str())
}

/// The agency a line of photo credit names, when the line is only that: "REUTERS/Khalil
/// Ashawi/File Photo", "Copyright Khalil Ashawi(Reuters)", "AFP/Getty Images", "Photo:
/// AP". Such a line belongs to the caption above it.
pub fn photo_credit_line(line: &str) -> Option<Agency> {
    let line = line.trim();
    if line.contains('\n') || !at_most_words(line, PHOTO_CREDIT_WORDS) {
        return None;
    }
    agency_line(line).or_else(|| {
        let credit = caption_credit(line)?;
        // A credit line is names and the agency, not a clause: "Rescuers (AFP) said"
        // is not one.
        let lower_words = line
            .split_whitespace()
            .filter(|word| word.starts_with(char::is_lowercase))
            .filter(|word| {
                !matches!(
                    *word,
                    "via" | "by" | "and" | "for" | "de" | "al" | "el" | "bin"
                )
            })
            .count();
        (lower_words == 0).then_some(credit)
    })
}

/// Whether a paragraph closes a story by naming who reported, wrote and edited it.
pub fn is_reporting_credit(paragraph: &str) -> bool {
    let paragraph = paragraph.trim();
    REPORTING_CREDIT_OPENS.is_match(paragraph)
        || REPORTING_CREDIT_CLOSES.is_match(closing_stretch(paragraph).1)
}

/// The agency a story says it relies on ("… Reuters reported"), if it names one.
pub fn reported_by(text: &str) -> Option<Agency> {
    let captures = REPORTED.captures(text)?;
    Agency::from_known_name(captures.name("agency")?.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credits_closing_a_paragraph() {
        let body = "who deny bombing, say they are fighting jihadist militants.- Reuters";
        let (at, agency) = trailing_credit(body).unwrap();
        assert_eq!((&body[at..], agency), ("- Reuters", Agency::Reuters));
        let caption = "in Syria’s northern Idlib province yesterday. – AFP";
        assert_eq!(trailing_credit(caption).map(|c| c.1), Some(Agency::Afp));
        assert_eq!(
            trailing_credit("the item ends -- NTB").map(|c| c.1),
            Some(Agency::Other("NTB".to_owned()))
        );
        assert_eq!(trailing_credit("a well-known fact"), None);
        assert_eq!(
            trailing_credit("— Reuters/AFP").map(|c| c.1),
            Some(Agency::Reuters)
        );
        assert_eq!(trailing_credit("Moscow-based analysts said so"), None);
    }

    #[test]
    fn datelines_opening_a_paragraph() {
        let (end, agency) = dateline("AMMAN: Ten of thousands of people").unwrap();
        assert_eq!((end, agency), (6, None));
        let story = "GROSSETO, Italy (AP) -- The trial of the captain";
        let (end, agency) = dateline(story).unwrap();
        assert_eq!(
            (&story[..end], agency),
            ("GROSSETO, Italy (AP) --", Some(Agency::Ap))
        );
        assert!(dateline("NEW YORK (Reuters) - Stocks fell").is_some());
        let reuters = "LONDON, Jan 5 (Reuters) - Stocks fell";
        let (end, agency) = dateline(reuters).unwrap();
        assert_eq!(
            (&reuters[..end], agency),
            ("LONDON, Jan 5 (Reuters) -", Some(Agency::Reuters))
        );
        let cnn = "Washington (CNN) — Lawmakers met";
        assert_eq!(
            dateline(cnn).map(|(end, _)| &cnn[..end]),
            Some("Washington (CNN) —")
        );
        assert_eq!(dateline("Rescuers there said"), None);
        assert_eq!(dateline("Rescuers (there) said: nothing"), None);
        assert_eq!(dateline("EDITOR'S NOTE: This story has been updated"), None);
        assert_eq!(dateline("UPDATE: more raids"), None);
        assert_eq!(
            dateline("(Reuters) - Jordan's football federation"),
            Some((11, Some(Agency::Reuters)))
        );
        assert_eq!(dateline("(Sources) - a note"), None);
        assert!(dateline("BEIRUT/AMMAN (Reuters) - Talks").is_some());
        let two_commas = "PESHAWAR, Pakistan, Aug 15 (AFP) - Flash floods";
        assert_eq!(
            dateline(two_commas).map(|(end, agency)| (&two_commas[..end], agency)),
            Some(("PESHAWAR, Pakistan, Aug 15 (AFP) -", Some(Agency::Afp)))
        );
    }

    #[test]
    fn credits_inside_captions() {
        assert_eq!(
            caption_credit("Rescuers at work (AFP Photo/Omar Haj Kadour)"),
            Some(Agency::Afp)
        );
        assert_eq!(
            caption_credit("Photo: Reuters/Khalil Ashawi"),
            Some(Agency::Reuters)
        );
        assert_eq!(caption_credit("A man walks past rubble."), None);
        assert_eq!(
            caption_credit("White Helmets (SCD) carry a victim. AFP PHOTO / Omar Haj Kadour"),
            Some(Agency::Afp)
        );
        assert_eq!(
            caption_credit("Photograph: AFP/Getty Images"),
            Some(Agency::Afp)
        );
    }

    #[test]
    fn paragraphs_closed_by_a_photo_credit() {
        for caption in [
            "Relatives wait outside the court in Minya, Egypt, on Monday. Photo: AP",
            "A man walks past a road blocked by a landslide. (AFP Photo)",
            "A soldier walks through Maarat al-Numan, Syria, January 30. REUTERS/Yamam Al Shaar",
            "Boys watch belongings being loaded on trucks. Aaref Watad / AFP",
            "People fill jerrycans in Amman. (AP Photo/Nasser Khalil)",
        ] {
            assert!(ends_with_photo_credit(caption), "{caption}");
        }
        for body in [
            "The ministry confirmed the toll, Interfax said (Reuters).",
            "Talks resume in Geneva on Monday, officials said.",
            "The AP/NORC poll found most voters undecided about the plan.",
        ] {
            assert!(!ends_with_photo_credit(body), "{body}");
        }
    }

    #[test]
    fn stories_that_say_whose_report_they_use() {
        assert_eq!(
            reported_by("the ministry said, Reuters reported."),
            Some(Agency::Reuters)
        );
        assert_eq!(
            reported_by("Abdul Rahman told Reuters from the area."),
            None
        );
    }
}
