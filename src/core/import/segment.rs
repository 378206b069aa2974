//! Plain text as it really arrives (a browser's copy of a page, a saved page, a
//! word-processor export, a paste): cut into blocks, read as a story by the rules of
//! [`story`](super::story), and assembled into a [`Layout`] that keeps the text's own
//! line breaks and spacing, so that putting everything set aside back gives the text
//! exactly as received.
//!
//! Everything here is a heuristic an editor can correct: a set-aside passage can be put
//! back, a segment's type and agency changed.

use std::ops::Range;

use crate::core::agency::Agency;

use super::dates::{PageDates, leading_date_label};
use super::layout::{Layout, LayoutBuilder};
use super::story::{Block, Class, Markup, read_story};

/// Fewest lines a paragraph has to be read as prose wrapped at a fixed width.
const WRAPPED_MIN_LINES: usize = 3;
/// The range of line lengths, in bytes, of text wrapped at a fixed width.
const WRAPPED_LINE_BYTES: Range<usize> = 40..101;
/// How much shorter than the longest a wrapped line can be, in bytes.
const WRAPPED_RAGGEDNESS: usize = 15;

/// Plain text read as a story.
#[derive(Debug)]
pub struct PlainStory {
    /// The text, its segments and what was set aside.
    pub layout: Layout,
    /// When the text says the story was published and updated.
    pub dates: PageDates,
}

/// Cuts plain text into blocks, reads them as a story and sets site debris aside.
/// `site_name` is the publication's name when known, so that a line giving only that
/// name is set aside too.
pub fn segment_plain_text(text: &str, site_name: Option<&str>) -> PlainStory {
    let blocks = blocks(text);
    let reading = read_story(
        &blocks
            .iter()
            .map(|range| Block {
                text: &text[range.clone()],
                markup: Markup::Plain,
            })
            .collect::<Vec<_>>(),
        site_name,
    );
    let classes = reading.classes;

    let mut builder = LayoutBuilder::default();
    let mut copied_to = 0;
    for (index, (range, class)) in blocks.iter().zip(&classes).enumerate() {
        match class {
            Class::SetAside(reason) => {
                // Take the block with the break after it (the first one also with any
                // blank lines before it); the last block takes the break before it
                // instead, unless that went with a block set aside too.
                let previous_kept = index > 0 && matches!(classes[index - 1], Class::Kept(..));
                let start = if index == 0 { 0 } else { range.start };
                let removed = match blocks.get(index + 1) {
                    Some(next) => start..next.start,
                    None if previous_kept => copied_to..range.end,
                    None => start..range.end,
                };
                // The break before a block taken out with the one after it stays.
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
    PlainStory {
        layout: builder.finish(&Agency::Unknown),
        dates: reading.dates,
    }
}

/// Byte ranges of the blocks of a text, without the line break that ends their last
/// line. A paragraph (a run of non-blank lines) is one block when it is prose wrapped
/// at a fixed width, and a block a line otherwise, as a browser's copy of a page puts
/// every headline, caption and button on a line of its own. A date label opening the
/// text ("date 2019-08-21 …") is a block of its own.
fn blocks(text: &str) -> Vec<Range<usize>> {
    let mut blocks = Vec::new();
    for paragraph in paragraphs(text) {
        if is_wrapped_prose(&paragraph) {
            if let (Some(first), Some(last)) = (paragraph.first(), paragraph.last()) {
                blocks.push(first.start..last.end);
            }
        } else {
            blocks.extend(paragraph);
        }
    }
    if let Some(first) = blocks.first().cloned()
        && let Some(label_length) = leading_date_label(&text[first.clone()])
        && first.start + label_length < first.end
    {
        let label = &text[first.start..first.start + label_length];
        blocks[0] = first.start..first.start + label.trim_end().len();
        blocks.insert(1, first.start + label_length..first.end);
    }
    blocks
}

/// The paragraphs of a text, each as the byte ranges of its lines (without their line
/// breaks and outer spaces): runs of non-blank lines.
fn paragraphs(text: &str) -> Vec<Vec<Range<usize>>> {
    let mut paragraphs = Vec::new();
    let mut current = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let start = offset + (content.len() - content.trim_start().len());
        let end = offset + content.trim_end().len();
        offset += line.len();
        if start >= end {
            if !current.is_empty() {
                paragraphs.push(std::mem::take(&mut current));
            }
        } else {
            current.push(start..end);
        }
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    paragraphs
}

/// Whether the lines of a paragraph are prose wrapped at a fixed width: three lines or
/// more, every line but the last about as long as the longest.
fn is_wrapped_prose(lines: &[Range<usize>]) -> bool {
    let Some((_, wrapped)) = lines.split_last() else {
        return false;
    };
    let longest = wrapped
        .iter()
        .map(ExactSizeIterator::len)
        .max()
        .unwrap_or(0);
    lines.len() >= WRAPPED_MIN_LINES
        && wrapped.iter().all(|line| {
            WRAPPED_LINE_BYTES.contains(&line.len()) && line.len() + WRAPPED_RAGGEDNESS >= longest
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::article::Role;

    fn roles(text: &str) -> Vec<(Role, String)> {
        let layout = segment_plain_text(text, None).layout;
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

    fn block_texts(text: &str) -> Vec<&str> {
        blocks(text).into_iter().map(|range| &text[range]).collect()
    }

    #[test]
    fn a_browser_copy_has_a_block_a_line_and_wrapped_prose_a_block_a_paragraph() {
        assert_eq!(
            block_texts("\nOne\n  line two \n\n\nThree\n"),
            ["One", "line two", "Three"]
        );
        let wrapped = "The army pushed a major advance further into the opposition's\nlast major stronghold, residents and rights groups said on\nWednesday, as families fled north.\n\nNext.";
        assert_eq!(
            block_texts(wrapped),
            [&wrapped[..wrapped.find("\n\n").unwrap()], "Next."]
        );
        assert_eq!(
            block_texts(" date 2019-08-21 Tens of thousands fled."),
            ["date 2019-08-21", "Tens of thousands fled."]
        );
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
        let layout = segment_plain_text("Share", None).layout;
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
    fn everything_set_aside_comes_back_exactly() {
        for text in [
            "Top StoriesWorldSport\n\nHeadline of the day\n\nBody text.\n\nBack to top\n",
            " date 2019-08-21 World\nTens of thousands flee the town\nAugust 21, 2019\n  A caption of the scene. – AFP\nA caption of the scene. – AFP\n\nAMMAN — They fled.\n",
            "World\r\n\r\nHeadline here now\r\nText size Aa Aa\r\nBody.",
        ] {
            let layout = segment_plain_text(text, None).layout;
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
}
