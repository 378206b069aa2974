//! Recognising how copy credits agencies and opens with a dateline: "- Reuters" at the
//! end of a story, "– AFP" after a caption, "GROSSETO, Italy (AP) --" at the start.

use std::sync::LazyLock;

use regex::Regex;

use crate::core::agency::Agency;

/// Agency names as they appear in credits: the known names, or a short run of capitals
/// for agencies Factdesk does not know by name ("NTB", "TT").
const AGENCY_PATTERN: &str = r"(?:(?i:thomson reuters|reuters|agence france-presse|afp|associated press|ap|deutsche presse-agentur|dpa|ansa|efe|xinhua|pa media|press association|pa)|[A-Z]{2,6})";

/// "- Reuters", "– AFP", "-- AP" closing a paragraph, after a space or punctuation.
static TRAILING_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?:^|[\s.,;:!?”’)\x22])(?P<credit>(?:--|[-–—])\s*(?P<agency>{AGENCY_PATTERN}))\s*$"
    ))
});

/// A dateline: a place in capitals, optionally a region or a date and an agency in
/// brackets, then a colon or a dash ("AMMAN:", "GROSSETO, Italy (AP) --", "LONDON, Jan 5
/// (Reuters) -"); or a place in ordinary capitals when an agency in brackets follows it
/// ("Washington (CNN) —").
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"^(?P<dateline>(?:(?P<place>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3})(?:, [A-Z0-9][A-Za-z0-9.]*(?: [A-Z0-9][A-Za-z0-9.]*){0,2})?(?: \((?P<agency>[^()]{2,40})\))?|[A-Z][a-z]+(?: [A-Z][a-z]+)?(?:, [A-Z0-9][A-Za-z0-9.]*(?: [A-Z0-9][A-Za-z0-9.]*){0,2})? \((?P<titled_agency>[^()]{2,40})\)) ?(?::|--|[-–—]))(?:\s|$)",
    )
});

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

/// An agency named in a caption: "(AFP)", "AFP PHOTO", "Photo: Reuters/…",
/// "Photograph: AFP".
static CAPTION_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"\((?P<a>{AGENCY_PATTERN})\b[^()]*\)|\b(?P<b>{AGENCY_PATTERN}) (?i:photo)\b|(?i:photo(?:graph)?|picture)\s*:\s*(?P<c>{AGENCY_PATTERN})\b"
    ))
});

/// "Reuters reported", naming the agency a story relies on.
static REPORTED: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"\b(?P<agency>Reuters|AFP|Agence France-Presse|AP|The Associated Press|Associated Press|dpa|ANSA|EFE|Xinhua|PA Media) reported\b",
    )
});

#[expect(
    clippy::expect_used,
    reason = "the patterns are constants, checked by the tests"
)]
fn compile(pattern: &str) -> Regex {
    Regex::new(pattern).expect("valid pattern")
}

/// The credit closing a paragraph: where it starts (in bytes, at its dash) and the
/// agency it names.
pub fn trailing_credit(paragraph: &str) -> Option<(usize, Agency)> {
    let captures = TRAILING_CREDIT.captures(paragraph)?;
    let credit = captures.name("credit")?;
    let agency = captures.name("agency")?;
    Some((credit.start(), Agency::from_name(agency.as_str())))
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
    let agency = captures
        .name("agency")
        .or_else(|| captures.name("titled_agency"))
        .and_then(|a| Agency::from_known_name(a.as_str()));
    Some((dateline.end(), agency))
}

/// The agency a caption credits, wherever in the caption it says so; an agency
/// Factdesk knows wins over other bracketed capitals ("(SCD)").
pub fn caption_credit(caption: &str) -> Option<Agency> {
    if let Some((_, agency)) = trailing_credit(caption) {
        return Some(agency);
    }
    let named: Vec<Agency> = CAPTION_CREDIT
        .captures_iter(caption)
        .filter_map(|captures| {
            let name = ["a", "b", "c"]
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
