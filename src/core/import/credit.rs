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

/// A dateline: a place in capitals, optionally a region and an agency in brackets, then
/// a colon or a dash ("AMMAN:", "GROSSETO, Italy (AP) --").
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"^(?P<dateline>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,2})?(?: \((?P<agency>[^()]{2,40})\))? ?(?::|--|[-–—]))(?:\s|$)",
    )
});

/// An agency named in a caption: "(AFP)", "AFP PHOTO", "Photo: Reuters/…".
static CAPTION_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"\((?P<a>{AGENCY_PATTERN})\b[^()]*\)|\b(?P<b>{AGENCY_PATTERN}) (?i:photo)\b|(?i:photo)\s*:\s*(?P<c>{AGENCY_PATTERN})\b"
    ))
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
    let agency = captures
        .name("agency")
        .and_then(|a| Agency::from_known_name(a.as_str()));
    Some((dateline.end(), agency))
}

/// The agency a caption credits, wherever in the caption it says so.
pub fn caption_credit(caption: &str) -> Option<Agency> {
    if let Some((_, agency)) = trailing_credit(caption) {
        return Some(agency);
    }
    let captures = CAPTION_CREDIT.captures(caption)?;
    let name = ["a", "b", "c"]
        .into_iter()
        .find_map(|group| captures.name(group))?;
    Some(Agency::from_name(name.as_str()))
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
        assert_eq!(dateline("Rescuers there said"), None);
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
    }
}
