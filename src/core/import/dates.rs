//! Publication and update time lines ("Published Aug 21, 2019 09:43 pm", "Updated:
//! 21 August 2019 12:30 GMT", "Wed 21 Aug 2019 14.12 BST"): recognised, so that they
//! become the document's date metadata instead of body text.
//!
//! A line is a time line only when nothing but dates, times, time zones, labels
//! ("Published", "Last updated") and separators is left in it: a sentence that
//! mentions a date ("On August 21, 2019, the army…") is story text.

use std::sync::LazyLock;

use regex::Regex;

use super::credit::compile;
use super::words::at_most_words;

/// When a page says its story was published and last updated, as ISO 8601 dates
/// ("2019-08-21", or "2019-08-21T21:43" with the time the page gives).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageDates {
    /// When the story was first published.
    pub published: Option<String>,
    /// When it was last updated.
    pub updated: Option<String>,
}

impl PageDates {
    /// Takes what `other` knows and `self` does not: the first date a page gives of
    /// each kind is the one kept.
    pub fn fill_from(&mut self, other: Self) {
        if self.published.is_none() {
            self.published = other.published;
        }
        if self.updated.is_none() {
            self.updated = other.updated;
        }
    }
}

/// Longest a time line can be, in words ("First published on Wed 21 Aug 2019 14.12 BST
/// · Last modified on Thu 22 Aug 2019 09.30 BST" is 19).
const TIME_LINE_WORDS: usize = 24;

const MONTH: &str = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";
const WEEKDAY: &str = r"(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\.?,?";

/// A calendar date with its year, in the orders news sites print them.
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    let named_month_first = format!(
        r"(?P<month>{MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d{{2}})"
    );
    let day_first = format!(
        r"(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>{MONTH}),?\s+(?P<year2>(?:19|20)\d{{2}})"
    );
    let numeric = r"(?P<n1>\d{1,2})[/.](?P<n2>\d{1,2})[/.](?P<nyear>(?:19|20)\d{2})";
    let iso = r"(?P<iyear>(?:19|20)\d{2})-(?P<imonth>\d{2})-(?P<iday>\d{2})";
    compile(&format!(
        r"(?i)\b(?:{WEEKDAY}\s*)?(?:(?P<a>{named_month_first})|(?P<b>{day_first})|(?P<c>{numeric})|(?P<d>{iso}))",
    ))
});

/// A time of day, with a time zone: "09:43 pm", "14.12 BST", "T14:30:00Z", "10:43 a.m. EDT".
static TIME: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)(?:\b|T)(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?::\d{2}(?:\.\d+)?)?\s*(?P<half>[ap]\.?\s?m\b\.?)?(?:\s*(?:Z\b|[+-]\d{2}:?\d{2}\b|\(?\b(?:gmt|utc|bst|cet|cest|eet|eest|est|edt|cst|cdt|pst|pdt|et|pt|ast|gst|msk|ist|wib|jst|aest|(?-i:[A-Z][A-Za-z]{0,3}T))\b\)?(?:\s*[+-]\d{1,2}(?::?\d{2})?)?))?",
    )
});

/// "3 hours ago", "just now": a time line that names no date.
static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:\d+|an?|one)\s+(?:sec(?:ond)?s?|min(?:ute)?s?|hours?|hrs?|days?|weeks?)\s+ago\b|\bjust now\b",
    )
});

/// Words that label or join the dates of a time line, and reading times.
static FILLER: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:first\s+)?(?:published|updated|last\s+updated|last\s+modified|modified|posted|date|dated|created|on|at|\d+\s+min(?:ute)?s?\s+read|read(?:ing)?\s+time)\b|\bby\s+\S+(?:\s+\S+)?\s*$",
    )
});

/// Labels that say the date after them is an update.
static UPDATE_LABEL: LazyLock<Regex> = LazyLock::new(|| compile(r"(?i)\b(?:updated|modified)\b"));

/// "date 2019-08-21" or "Date: 2019-08-21" opening a text, before its first words: a
/// saved copy's record of when the page was published.
static DATE_LABEL: LazyLock<Regex> =
    LazyLock::new(|| compile(r"^\s*(?i:date)\s*:?\s+(?:19|20)\d{2}-\d{2}-\d{2}\b[ \t]*"));

/// The length in bytes of a date label opening `text` ("date 2019-08-21 Tens of
/// thousands…"), if it opens with one.
pub fn leading_date_label(text: &str) -> Option<usize> {
    DATE_LABEL.find(text).map(|label| label.end())
}

/// Whether a text has a year of the kind [`DATE`] needs ("19xx", "20xx"): a quick look
/// that spares most lines the pattern.
fn names_a_year(text: &str) -> bool {
    text.as_bytes().windows(4).any(|four| {
        matches!(four[..2], [b'1', b'9'] | [b'2', b'0'])
            && four[2].is_ascii_digit()
            && four[3].is_ascii_digit()
    })
}

/// Longest a written date runs, in bytes: "Wednesday, 21 September 2019".
const LONGEST_DATE_BYTES: usize = 40;

/// Whether the first sentence of a paragraph ends with a full date, as a photo desk
/// writes captions ("Smoke billows over Khan Sheikhoun, Syria, on August 20, 2019.").
pub fn ends_with_a_dated_sentence(paragraph: &str) -> bool {
    // Only a date that starts in the first sentence counts: look no further than the
    // first full stop and a date's length past it ("Aug. 21, 2019").
    let first_sentence = paragraph.find(". ").map_or(paragraph.len(), |stop| {
        paragraph.ceil_char_boundary(stop + LONGEST_DATE_BYTES)
    });
    let first_sentence = &paragraph[..first_sentence];
    if !names_a_year(first_sentence) {
        return false;
    }
    let Some(date) = DATE.find(first_sentence) else {
        return false;
    };
    let before = &paragraph[..date.start()];
    let after = paragraph[date.end()..].trim_start_matches(['.', ' ']);
    let sentence_ends = paragraph[date.end()..].starts_with('.') || after.is_empty();
    // The date ends the first sentence: no sentence ended before it.
    sentence_ends && !before.contains(". ")
}

/// The dates a time line gives, if `line` is one: every date on it, the one after an
/// "Updated" label as the update and the others as the publication.
pub fn time_line(line: &str) -> Option<PageDates> {
    let line = line.trim();
    if line.is_empty() || line.contains('\n') || !at_most_words(line, TIME_LINE_WORDS) {
        return None;
    }
    let dates: Vec<(usize, String)> = if names_a_year(line) {
        DATE.captures_iter(line)
            .filter_map(|captures| Some((captures.get(0)?.start(), iso_date(&captures)?)))
            .collect()
    } else {
        Vec::new()
    };
    if dates.is_empty() && !RELATIVE.is_match(line) {
        return None;
    }
    let rest = DATE.replace_all(line, " ");
    let rest = TIME.replace_all(&rest, " ");
    let rest = RELATIVE.replace_all(&rest, " ");
    let rest = FILLER.replace_all(&rest, " ");
    if rest.chars().any(char::is_alphanumeric) {
        return None;
    }
    let mut found = PageDates::default();
    for (at, date) in dates {
        let with_time = with_time_of_day(line, at, date);
        let is_update = UPDATE_LABEL
            .find_iter(&line[..at])
            .last()
            .is_some_and(|label| !line[label.end()..at].contains(['|', '·', '•']));
        let slot = if is_update {
            &mut found.updated
        } else {
            &mut found.published
        };
        if slot.is_none() {
            *slot = Some(with_time);
        }
    }
    Some(found)
}

/// The ISO date a [`DATE`] match names, if it is a real one.
fn iso_date(captures: &regex::Captures<'_>) -> Option<String> {
    let number = |name| captures.name(name)?.as_str().parse::<u32>().ok();
    let (year, month, day) = if captures.name("a").is_some() {
        let month = month_number(captures.name("month")?.as_str())?;
        (number("year")?, month, number("day")?)
    } else if captures.name("b").is_some() {
        let month = month_number(captures.name("month2")?.as_str())?;
        (number("year2")?, month, number("day2")?)
    } else if captures.name("c").is_some() {
        let (first, second) = (number("n1")?, number("n2")?);
        // Day first, as most of the world writes it, unless it cannot be ("08/21/2019").
        let (day, month) = if second > 12 {
            (second, first)
        } else {
            (first, second)
        };
        (number("nyear")?, month, day)
    } else {
        (number("iyear")?, number("imonth")?, number("iday")?)
    };
    let date = jiff::civil::Date::new(
        i16::try_from(year).ok()?,
        i8::try_from(month).ok()?,
        i8::try_from(day).ok()?,
    )
    .ok()?;
    Some(date.to_string())
}

fn month_number(name: &str) -> Option<u32> {
    let prefix: String = name.chars().take(3).collect::<String>().to_lowercase();
    let months = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let index = months.iter().position(|month| *month == prefix)?;
    u32::try_from(index + 1).ok()
}

/// `date` with the time of day that follows it on the line (within a few characters),
/// in 24-hour form: "2019-08-21T21:43".
fn with_time_of_day(line: &str, date_at: usize, date: String) -> String {
    let after = &line[date_at..];
    let Some(captures) = DATE.find(after).and_then(|date_match| {
        let rest = &after[date_match.end()..];
        let captures = TIME.captures(rest)?;
        // Only a time printed right after the date is its time ("… 2019 09:43 pm",
        // "… 2019, at 10:43 a.m.", "2019-08-21T14:30").
        let gap = rest[..captures.get(0)?.start()]
            .trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '-' | '–' | '|' | '@'));
        (gap.is_empty() || gap.eq_ignore_ascii_case("at")).then_some(captures)
    }) else {
        return date;
    };
    let number = |name| captures.name(name)?.as_str().parse::<u32>().ok();
    let (Some(mut hour), Some(minute)) = (number("hour"), number("minute")) else {
        return date;
    };
    if let Some(half) = captures.name("half") {
        let afternoon = half.as_str().to_lowercase().starts_with('p');
        hour %= 12;
        if afternoon {
            hour += 12;
        }
    }
    if hour > 23 || minute > 59 {
        return date;
    }
    format!("{date}T{hour:02}:{minute:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn published(line: &str) -> Option<String> {
        time_line(line)?.published
    }

    #[test]
    fn time_lines_in_the_forms_sites_print_them() {
        let cases = [
            ("Published Aug 21, 2019 09:43 pm", "2019-08-21T21:43"),
            ("August 21, 2019", "2019-08-21"),
            ("Wed 21 Aug 2019 14.12 BST", "2019-08-21T14:12"),
            ("21/08/2019 - 10:30", "2019-08-21T10:30"),
            ("08/21/2019", "2019-08-21"),
            ("Posted on 21.08.2019", "2019-08-21"),
            ("2019-08-21T14:30:00Z", "2019-08-21T14:30"),
            ("Aug. 21, 2019, at 10:43 a.m. EDT", "2019-08-21T10:43"),
            ("Wednesday, August 21st, 2019 | 3 min read", "2019-08-21"),
            ("Published: 21 August 2019 12:00 AM", "2019-08-21T00:00"),
        ];
        for (line, iso) in cases {
            assert_eq!(published(line).as_deref(), Some(iso), "{line}");
        }
    }

    #[test]
    fn the_date_after_an_update_label_is_the_update() {
        let dates = time_line("Published 21.08.2019 | Updated: 22 August 2019 12:30 GMT").unwrap();
        assert_eq!(dates.published.as_deref(), Some("2019-08-21"));
        assert_eq!(dates.updated.as_deref(), Some("2019-08-22T12:30"));
        let only_update = time_line("Last updated: 2019-08-21").unwrap();
        assert_eq!(
            (only_update.published, only_update.updated.as_deref()),
            (None, Some("2019-08-21"))
        );
        let relative = time_line("Updated 3 hours ago").unwrap();
        assert_eq!(relative, PageDates::default());
    }

    #[test]
    fn dated_captions_and_date_labels() {
        assert!(ends_with_a_dated_sentence(
            "Smoke billows over the town in Syria's Idlib province on August 20, 2019. Rebels withdrew."
        ));
        assert!(ends_with_a_dated_sentence(
            "People ride on a motorcycle in Maarat al-Numan, Syria August 21, 2019"
        ));
        assert!(!ends_with_a_dated_sentence(
            "Rebels withdrew. The truce was signed on March 5, 2020."
        ));
        assert!(!ends_with_a_dated_sentence(
            "On August 21, 2019, the army pushed into the town."
        ));
        let text = " date 2019-08-21 Tens of thousands fled.";
        assert_eq!(
            leading_date_label(text).map(|end| &text[end..]),
            Some("Tens of thousands fled.")
        );
        assert_eq!(leading_date_label("Dates 2019-08-21 were set"), None);
        assert_eq!(
            published("Published: 22 Dec 2019 03:30 PM BdST").as_deref(),
            Some("2019-12-22T15:30")
        );
    }

    #[test]
    fn sentences_that_mention_a_date_are_story_text() {
        for line in [
            "On August 21, 2019, the army pushed into the town.",
            "The talks resume on 21 August 2019 in Geneva",
            "Smoke billows after an air strike on August 20, 2019",
            "31/02/2019",
            "In 2019 the war entered its ninth year",
            "Updated",
        ] {
            assert_eq!(time_line(line), None, "{line}");
        }
    }
}
