//! Copy that stops before its story ends: a page saved before it loaded, a feed that
//! keeps the first thousand characters, a teaser behind a paywall. Its last paragraph
//! ends mid-sentence or mid-word ("… since ste"), or with the ellipsis a teaser ends
//! with. Factdesk flags it, so that a comparison can read the missing tail as a cut
//! rather than as the publication's own edit.

use crate::core::anchor::char_slice;
use crate::core::article::{CutOff, CutOffEnding, Role};

use super::layout::Layout;

/// How many of the last words a flag quotes.
const QUOTED_WORDS: usize = 6;
/// Fewest words the last paragraph has for a missing full stop to mean a cut: shorter
/// lines without one are names and labels.
const MIN_WORDS: usize = 3;

/// How the story of `layout` is cut off, if it is: read from its last body paragraph.
pub fn cut_off(layout: &Layout) -> Option<CutOff> {
    let last_body = layout
        .segments
        .iter()
        .rev()
        .find(|s| s.role == Role::Body)?;
    let paragraph = char_slice(&layout.text, &last_body.char_range())?.trim_end();
    let ending = ending(paragraph)?;
    let words: Vec<&str> = paragraph.split_whitespace().collect();
    let quoted = words[words.len().saturating_sub(QUOTED_WORDS)..].join(" ");
    Some(CutOff {
        ending,
        last_words: quoted,
    })
}

/// How a paragraph ends, when it ends as no finished story does.
fn ending(paragraph: &str) -> Option<CutOffEnding> {
    let closed = paragraph.trim_end_matches(['”', '"', '’', '\'', ')', ']']);
    if closed.ends_with('…') || closed.ends_with("...") || closed.ends_with("[…]") {
        return Some(CutOffEnding::Ellipsis);
    }
    if closed.ends_with(['.', '?', '!', ':', ';']) {
        return None;
    }
    let words: Vec<&str> = paragraph.split_whitespace().collect();
    let names_only = words
        .iter()
        .all(|word| word.starts_with(char::is_uppercase));
    (words.len() >= MIN_WORDS && !names_only).then_some(CutOffEnding::MidSentence)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::agency::Agency;
    use crate::core::article::Segment;

    fn layout_ending_with(last: &str) -> Layout {
        let text = format!("Tens fled.\n\n{last}");
        let start = "Tens fled.\n\n".chars().count();
        Layout {
            segments: vec![
                Segment {
                    role: Role::Body,
                    agency: Agency::Reuters,
                    start: 0,
                    end: 10,
                },
                Segment {
                    role: Role::Body,
                    agency: Agency::Reuters,
                    start,
                    end: start + last.chars().count(),
                },
            ],
            text,
            set_aside: Vec::new(),
        }
    }

    #[test]
    fn copy_that_stops_mid_sentence_or_on_an_ellipsis_is_flagged() {
        let cut = cut_off(&layout_ending_with(
            "Capturing the town would help Moscow in the eight year conflict since ste",
        ))
        .unwrap();
        assert_eq!(cut.ending, CutOffEnding::MidSentence);
        assert_eq!(cut.last_words, "the eight year conflict since ste");
        assert_eq!(
            cut_off(&layout_ending_with("The town is controlled…")).map(|cut| cut.ending),
            Some(CutOffEnding::Ellipsis)
        );
    }

    #[test]
    fn finished_copy_is_not_flagged() {
        for last in [
            "They say they are fighting militants.",
            "“The flow is not stopping,” he said.",
            "Is this the end?",
            "He said:",
            "Omar Haj Kadour",
            "Reuters",
        ] {
            assert_eq!(cut_off(&layout_ending_with(last)), None, "{last}");
        }
    }
}
