//! Plain text as it really arrives (scraped pages, word-processor exports, pastes):
//! splitting it into paragraphs, setting aside site debris, and recognising the
//! headline, captions, bylines, the dateline and the credits.
//!
//! Everything here is a heuristic an editor can correct: a set-aside line can be put
//! back, a segment's type and agency changed.

use std::ops::Range;

use crate::core::agency::Agency;
use crate::core::article::Role;

use super::credit::{caption_credit, dateline, trailing_credit};
use super::layout::{Layout, LayoutBuilder};

/// Longest a line can be, in words, to count as site debris or a headline.
const DEBRIS_WORDS: usize = 8;
const HEADLINE_WORDS: usize = 30;
/// Longest a caption can be, in words.
const CAPTION_WORDS: usize = 80;
/// Longest a byline can be, in words.
const BYLINE_WORDS: usize = 14;

/// Button and link text that news sites leave in a scraped page.
const SITE_PHRASES: [&str; 24] = [
    "advertisement",
    "back to top",
    "back to top button",
    "click here",
    "comments",
    "follow us",
    "leave a comment",
    "most read",
    "print",
    "read more",
    "related articles",
    "related stories",
    "share",
    "share this",
    "share this article",
    "share on facebook",
    "share on twitter",
    "sign up",
    "skip to content",
    "skip to main content",
    "sponsored",
    "subscribe",
    "top stories",
    "you may also like",
];

/// What a paragraph of plain text turned out to be.
#[derive(Debug, PartialEq, Eq)]
enum Class {
    /// Not part of the story; set aside for this reason.
    Debris(&'static str),
    /// Part of the story.
    Kept(Role, Agency),
}

/// Splits plain text into paragraphs and segments, setting site debris aside. The
/// text's own line breaks and spacing are kept, so that putting everything set aside
/// back gives the text exactly as received.
pub fn segment_plain_text(text: &str) -> Layout {
    let paragraphs = paragraphs(text);
    let classes = classify(text, &paragraphs);

    let mut builder = LayoutBuilder::default();
    let mut copied_to = 0;
    for (index, (range, class)) in paragraphs.iter().zip(&classes).enumerate() {
        match class {
            Class::Debris(reason) => {
                // Take the paragraph with the break after it (the first one also with
                // any blank lines before it); the last paragraph takes the break before
                // it instead, unless that went with a paragraph set aside too.
                let previous_kept = index > 0 && matches!(classes[index - 1], Class::Kept(..));
                let start = if index == 0 { 0 } else { range.start };
                let removed = match paragraphs.get(index + 1) {
                    Some(next) => start..next.start,
                    None if previous_kept => copied_to..range.end,
                    None => start..range.end,
                };
                // The break before a paragraph taken out with the one after it stays.
                builder.append_text(&text[copied_to..removed.start]);
                builder.set_aside_exactly(text[removed.clone()].to_owned(), reason);
                copied_to = removed.end;
            }
            Class::Kept(role, agency) => {
                builder.append(
                    &text[copied_to..range.start],
                    *role,
                    agency.clone(),
                    &text[range.clone()],
                );
                copied_to = range.end;
            }
        }
    }
    if copied_to < text.len() {
        builder.append_text(&text[copied_to..]);
    }
    builder.finish(&Agency::Unknown)
}

/// Byte ranges of the paragraphs, without the line break that ends their last line:
/// runs of non-blank lines; or, in text with no blank line at all (a word-processor
/// export, one paragraph a line), the lines themselves.
fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut lines = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let blank = content.trim().is_empty();
        lines.push((offset..offset + content.len(), blank));
        offset += line.len();
    }
    let has_blank_line = lines
        .iter()
        .any(|(range, blank)| *blank && range.end < text.len());
    let mut paragraphs = Vec::new();
    let mut current: Option<Range<usize>> = None;
    for (line, blank) in lines {
        if blank {
            paragraphs.extend(current.take());
        } else if has_blank_line {
            current = Some(current.map_or(line.clone(), |range| range.start..line.end));
        } else {
            paragraphs.push(line);
        }
    }
    paragraphs.extend(current);
    paragraphs
}

/// Whether `text` has at most `limit` words, without counting past the limit: the
/// tests below ask it of every paragraph, and most paragraphs are long.
fn at_most_words(text: &str, limit: usize) -> bool {
    text.split_whitespace().nth(limit).is_none()
}

/// Why a paragraph is site debris, if it is: link text run together ("Middle EastTop
/// StoriesWorld") or a site's button text ("Back to top button").
fn debris_reason(paragraph: &str) -> Option<&'static str> {
    let line = paragraph.trim();
    if line.contains('\n') || !at_most_words(line, DEBRIS_WORDS) {
        return None;
    }
    if line.ends_with(['.', '?', '!', '”', '"']) || is_byline(line) {
        return None;
    }
    let lower = line.to_lowercase();
    let lower = lower.trim_end_matches([':', '›', '»', '>']).trim();
    if SITE_PHRASES.contains(&lower) {
        return Some("site button or link text");
    }
    let joins: usize = line.split_whitespace().map(menu_joins).sum();
    (joins >= 2).then_some("site menu links run together")
}

/// How many times a word joins two menu links scraped without a space: a lower-case
/// run of three letters or more straight into a capitalised word of three or more
/// ("EastTop", "StoriesWorld"). Brand names and surnames join shorter runs
/// ("YouTube", "MacDonald", "McManus") and do not count.
fn menu_joins(word: &str) -> usize {
    let chars: Vec<char> = word.chars().collect();
    (1..chars.len())
        .filter(|&at| {
            let before = chars[..at]
                .iter()
                .rev()
                .take_while(|c| c.is_lowercase())
                .count();
            let after = chars[at..]
                .iter()
                .enumerate()
                .take_while(|(i, c)| {
                    if *i == 0 {
                        c.is_uppercase()
                    } else {
                        c.is_lowercase()
                    }
                })
                .count();
            before >= 3 && after >= 3
        })
        .count()
}

fn is_byline(paragraph: &str) -> bool {
    let starts = [
        "By ",
        "BY ",
        "Reporting by ",
        "Writing by ",
        "Von ",
        "Par ",
        "Por ",
    ];
    // A byline is a name or two, not a sentence ("By Tuesday, 60,000 had fled.").
    starts.iter().any(|start| paragraph.starts_with(start))
        && at_most_words(paragraph, BYLINE_WORDS)
        && !ends_a_sentence(paragraph)
}

/// Whether text ends like a sentence: a full stop, question or exclamation mark, also
/// inside closing quotes (`…not stopping.”`).
fn ends_a_sentence(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(['”', '"', '’', '\'', ')'])
        .ends_with(['.', '?', '!'])
}

fn is_headline(paragraph: &str) -> bool {
    !paragraph.contains('\n')
        && at_most_words(paragraph, HEADLINE_WORDS)
        && !ends_a_sentence(paragraph)
        && dateline(paragraph).is_none()
        && !is_byline(paragraph)
}

/// A caption: marked as a photo's, or a short paragraph closed by an agency credit that
/// is not the story's last (the story's own closing credit comes last).
fn is_caption(paragraph: &str, is_last: bool) -> bool {
    let marked = ["Photo:", "PHOTO:", "Caption:", "Pictured:"]
        .iter()
        .any(|mark| paragraph.starts_with(mark));
    let credited = trailing_credit(paragraph).is_some() && !is_last;
    marked || (credited && at_most_words(paragraph, CAPTION_WORDS))
}

/// Decides what each paragraph is, reading the article top to bottom.
fn classify(text: &str, paragraphs: &[Range<usize>]) -> Vec<Class> {
    let mut classes: Vec<Class> = paragraphs
        .iter()
        .map(|range| match debris_reason(&text[range.clone()]) {
            Some(reason) => Class::Debris(reason),
            None => Class::Kept(Role::Body, Agency::Unknown),
        })
        .collect();
    if classes
        .iter()
        .all(|class| matches!(class, Class::Debris(_)))
    {
        // Nothing but "debris" is no article the heuristics understand: keep it all.
        classes.fill_with(|| Class::Kept(Role::Body, Agency::Unknown));
    }
    let kept: Vec<usize> = (0..paragraphs.len())
        .filter(|&i| matches!(classes[i], Class::Kept(..)))
        .collect();
    let last_kept = kept.last().copied();
    let mut story_started = false;
    for (position, &index) in kept.iter().enumerate() {
        let paragraph = &text[paragraphs[index].clone()];
        let role = if position == 0 && is_headline(paragraph) {
            Role::Headline
        } else if is_byline(paragraph) {
            Role::Byline
        } else if is_caption(paragraph, Some(index) == last_kept) {
            Role::Caption
        } else if story_started {
            Role::Body
        } else if dateline(paragraph).is_some()
            || !has_dateline_below(text, paragraphs, &kept[position..])
        {
            story_started = true;
            Role::Body
        } else {
            Role::Standfirst
        };
        let agency = if role == Role::Caption {
            caption_credit(paragraph).unwrap_or_default()
        } else {
            Agency::Unknown
        };
        classes[index] = Class::Kept(role, agency);
    }
    classes
}

/// Whether a later paragraph opens the story with a dateline (so the ones before it,
/// after the headline, are a standfirst).
fn has_dateline_below(text: &str, paragraphs: &[Range<usize>], kept: &[usize]) -> bool {
    kept.iter()
        .map(|&index| &text[paragraphs[index].clone()])
        .any(|paragraph| dateline(paragraph).is_some() && !is_caption(paragraph, false))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roles(text: &str) -> Vec<(Role, String)> {
        let layout = segment_plain_text(text);
        layout
            .segments
            .iter()
            .map(|s| {
                let words: String = layout
                    .text
                    .chars()
                    .skip(s.start)
                    .take(s.end - s.start)
                    .collect();
                (s.role, words)
            })
            .collect()
    }

    #[test]
    fn paragraphs_are_runs_of_lines() {
        let text = "\nOne\nline two\n\n\nThree\n";
        let found: Vec<_> = paragraphs(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(found, ["One\nline two", "Three"]);
    }

    #[test]
    fn site_debris_is_recognised_but_brand_names_are_not() {
        assert_eq!(
            debris_reason("Middle EastTop StoriesWorld"),
            Some("site menu links run together")
        );
        assert_eq!(
            debris_reason("Back to top button"),
            Some("site button or link text")
        );
        assert_eq!(debris_reason("McDonald's opens in Idlib"), None);
        assert_eq!(debris_reason("YouTube, TikTok remove videos"), None);
        assert_eq!(debris_reason("By Ian MacDonald and Sean McManus"), None);
        assert_eq!(debris_reason("McCain, McConnell clash"), None);
        assert_eq!(debris_reason("Share this."), None);
        assert_eq!(
            debris_reason("Share this:"),
            Some("site button or link text")
        );
    }

    #[test]
    fn bylines_are_names_and_headlines_are_not_sentences() {
        assert!(is_byline("By Suleiman Al-Khalidi"));
        assert!(!is_byline("By Tuesday, 60,000 had fled."));
        assert!(!is_headline(
            "“The flow of cars and vehicles leaving is not stopping.”"
        ));
        assert!(is_headline("Tens of thousands flee Russia-led onslaught"));
    }

    #[test]
    fn text_without_blank_lines_has_a_paragraph_a_line() {
        let text = "Tens of thousands flee\nAMMAN: Tens fled.\nRescuers said so.- Reuters\n";
        assert_eq!(
            roles(text),
            [
                (Role::Headline, "Tens of thousands flee".to_owned()),
                (Role::Dateline, "AMMAN:".to_owned()),
                (Role::Body, "Tens fled.".to_owned()),
                (Role::Body, "Rescuers said so.".to_owned()),
                (Role::Credit, "- Reuters".to_owned()),
            ]
        );
        let layout = segment_plain_text("Share");
        assert_eq!((layout.text.as_str(), layout.set_aside.len()), ("Share", 0));
    }

    #[test]
    fn a_story_without_a_dateline_is_headline_then_body() {
        assert_eq!(
            roles("Google buys land\n\nGoogle has bought land in Skien.\n\nIt may build there."),
            [
                (Role::Headline, "Google buys land".to_owned()),
                (Role::Body, "Google has bought land in Skien.".to_owned()),
                (Role::Body, "It may build there.".to_owned()),
            ]
        );
    }

    #[test]
    fn a_standfirst_and_a_byline_come_before_the_dateline() {
        let text = "Fed to halt QE\n\nThe bank says bubbles loom.\n\nBy Meredith Jameson\n\nNEW YORK (Reuters) - The Fed said.";
        assert_eq!(
            roles(text),
            [
                (Role::Headline, "Fed to halt QE".to_owned()),
                (Role::Standfirst, "The bank says bubbles loom.".to_owned()),
                (Role::Byline, "By Meredith Jameson".to_owned()),
                (Role::Dateline, "NEW YORK (Reuters) -".to_owned()),
                (Role::Body, "The Fed said.".to_owned()),
            ]
        );
    }

    #[test]
    fn debris_at_both_ends_comes_back_exactly() {
        let text = "Top StoriesWorldSport\n\nHeadline\n\nBody text.\n\nBack to top\n";
        let layout = segment_plain_text(text);
        assert_eq!(layout.text, "Headline\n\nBody text.\n");
        let mut document = crate::core::article::Document::new(
            "t",
            crate::core::article::Source::Other,
            crate::core::article::DocumentKind::TextFile,
            None,
            layout.text,
            jiff::Timestamp::UNIX_EPOCH,
        );
        document.set_aside = layout.set_aside;
        assert_eq!(document.received_text(), text);
    }
}
