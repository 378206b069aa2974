//! Text anchors: where in a document a claim's words are.
//!
//! An anchor records both the position (start/end offsets, as in the W3C Web Annotation
//! `TextPositionSelector`) and the words with a little context around them (as in its
//! `TextQuoteSelector`), so another tool can find the passage even if it counts offsets
//! differently, and a later Factdesk can re-find it after the text changes.
//!
//! Offsets count Unicode code points (Rust `char`s), not bytes, as the W3C selectors do.
//!
//! When a document's text is replaced by a new version, [`reanchor_all`] finds every
//! claim's words again: at the same offsets ([`Placement::Unchanged`]), elsewhere word for
//! word ([`Placement::Moved`], or [`Placement::Context`] when the surroundings had to
//! choose between repeats), reworded but close ([`Placement::Fuzzy`], at least
//! [`FUZZY_MIN_SIMILARITY_PERCENT`] % of the quote kept), or not at all
//! ([`Placement::Orphaned`]: the claim stays, waiting to be re-attached). The steps, their
//! bounds and limitations are described in `reanchor.rs`.

pub(crate) mod edit_distance;
mod new_text;
mod reanchor;

use std::ops::Range;

use serde::{Deserialize, Serialize};

pub use reanchor::{
    FUZZY_MAX_QUOTE_CHARS, FUZZY_MIN_SIMILARITY_PERCENT, FUZZY_WINDOW_CHARS,
    MAX_COMPARED_OCCURRENCES, MAX_SEED_REGIONS, Placement, Reanchored, reanchor, reanchor_all,
};

/// How many characters of context an anchor keeps on each side of its quote.
pub const CONTEXT_CHARS: usize = 32;

/// A passage of a document, by position and by quotation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TextAnchor {
    /// The quoted words exactly as they appear in the document.
    pub exact: String,
    /// Up to [`CONTEXT_CHARS`] characters just before the quote.
    pub prefix: String,
    /// Up to [`CONTEXT_CHARS`] characters just after the quote.
    pub suffix: String,
    /// Code-point offset of the quote's first character.
    pub start: usize,
    /// Code-point offset just past the quote's last character.
    pub end: usize,
}

/// Why a selection cannot become an anchor.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum AnchorError {
    /// The selection holds nothing but whitespace.
    #[error("the selection is empty")]
    Empty,
    /// The selection reaches past the end of the text.
    #[error("the selection ({start}..{end}) lies outside the text ({len} characters)")]
    OutOfBounds {
        /// First selected code point.
        start: usize,
        /// One past the last selected code point.
        end: usize,
        /// Length of the text in code points.
        len: usize,
    },
}

impl TextAnchor {
    /// Anchors the selected code points of `text`, trimming whitespace at either end
    /// (a selection dragged with the mouse often catches a space or a line break).
    pub fn from_selection(text: &str, selection: Range<usize>) -> Result<Self, AnchorError> {
        let chars: Vec<char> = text.chars().collect();
        let Range { mut start, mut end } = selection;
        if start > end || end > chars.len() {
            return Err(AnchorError::OutOfBounds {
                start,
                end,
                len: chars.len(),
            });
        }
        while start < end && chars[start].is_whitespace() {
            start += 1;
        }
        while end > start && chars[end - 1].is_whitespace() {
            end -= 1;
        }
        if start == end {
            return Err(AnchorError::Empty);
        }
        Ok(Self {
            exact: chars[start..end].iter().collect(),
            prefix: chars[start.saturating_sub(CONTEXT_CHARS)..start]
                .iter()
                .collect(),
            suffix: chars[end..(end + CONTEXT_CHARS).min(chars.len())]
                .iter()
                .collect(),
            start,
            end,
        })
    }

    /// The same quote after `chars` code points were inserted before it in `text` (the
    /// text as it is now): offsets moved, context read afresh.
    #[must_use]
    pub fn moved_by(&self, text: &str, chars: usize) -> Self {
        let (start, end) = (self.start + chars, self.end + chars);
        let context = |range: Range<usize>| char_slice(text, &range).unwrap_or_default().to_owned();
        Self {
            exact: self.exact.clone(),
            prefix: context(start.saturating_sub(CONTEXT_CHARS)..start),
            suffix: context(end..(end + CONTEXT_CHARS).min(text.chars().count())),
            start,
            end,
        }
    }

    /// The anchor's position in code points.
    pub fn char_range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The anchor's position as a byte range of `text`, or `None` when the offsets lie
    /// outside it.
    pub fn byte_range(&self, text: &str) -> Option<Range<usize>> {
        byte_range(text, &self.char_range())
    }

    /// Whether `text` holds exactly the quoted words at the anchor's offsets.
    pub fn matches(&self, text: &str) -> bool {
        self.byte_range(text)
            .is_some_and(|range| text[range] == self.exact)
    }
}

/// Byte offset of the code point at `char_offset` in `text`; the text's length for the
/// offset just past its end, `None` beyond that.
pub fn byte_offset(text: &str, char_offset: usize) -> Option<usize> {
    text.char_indices()
        .map(|(byte, _)| byte)
        .chain(std::iter::once(text.len()))
        .nth(char_offset)
}

/// The byte range of `text` that the code-point range `chars` covers, or `None` when
/// it lies outside the text.
pub fn byte_range(text: &str, chars: &Range<usize>) -> Option<Range<usize>> {
    if chars.start > chars.end {
        return None;
    }
    let start = byte_offset(text, chars.start)?;
    let end = start + byte_offset(&text[start..], chars.end - chars.start)?;
    Some(start..end)
}

/// The words of `text` in the code-point range `chars`, or `None` when it lies outside
/// the text.
pub fn char_slice<'t>(text: &'t str, chars: &Range<usize>) -> Option<&'t str> {
    byte_range(text, chars).map(|bytes| &text[bytes])
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str =
        "Rescuers there said around 60,000 people had fled in the last four days alone.";

    #[test]
    fn selection_is_trimmed_and_quoted_with_context() {
        let start = TEXT.find("around").unwrap();
        let anchor = TextAnchor::from_selection(TEXT, start - 1..start + 21).unwrap();
        assert_eq!(anchor.exact, "around 60,000 people");
        assert_eq!(anchor.prefix, "Rescuers there said ");
        assert_eq!(anchor.suffix, " had fled in the last four days ");
        assert_eq!(anchor.suffix.chars().count(), CONTEXT_CHARS);
        assert!(anchor.matches(TEXT));
    }

    #[test]
    fn offsets_count_code_points_not_bytes() {
        let text = "“The flow of cars” said Younis";
        let anchor = TextAnchor::from_selection(text, 1..17).unwrap();
        assert_eq!(anchor.exact, "The flow of cars");
        assert_eq!(anchor.prefix, "“");
        assert_eq!(anchor.byte_range(text), Some(3..19));
        assert_eq!(char_slice(text, &(19..23)), Some("said"));
        assert_eq!(char_slice(text, &(18..99)), None);
    }

    #[test]
    fn whitespace_only_and_out_of_bounds_selections_are_refused() {
        assert_eq!(
            TextAnchor::from_selection("a   b", 1..4),
            Err(AnchorError::Empty)
        );
        assert_eq!(
            TextAnchor::from_selection("abc", 1..9),
            Err(AnchorError::OutOfBounds {
                start: 1,
                end: 9,
                len: 3
            })
        );
    }

    #[test]
    fn anchor_no_longer_matches_edited_text() {
        let anchor = TextAnchor::from_selection(TEXT, 27..33).unwrap();
        assert_eq!(anchor.exact, "60,000");
        assert!(!anchor.matches(&TEXT.replace("60,000", "50,000")));
        assert!(!anchor.matches("too short"));
    }

    #[test]
    fn byte_offsets_cover_the_end_of_the_text() {
        assert_eq!(byte_offset("aé", 2), Some(3));
        assert_eq!(byte_offset("aé", 3), None);
    }
}
