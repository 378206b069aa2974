//! Finding words in a story, as an editor types them in the find bar.
//!
//! Copy mixes typography freely, so a query matches what it means: curly and straight
//! quotes and apostrophes are alike ("don't" finds "don’t"), so are the dashes and the
//! hyphen, and any run of spaces or line breaks matches any other. Case is ignored
//! unless asked for, with Unicode's case rules ("İDLİB" and "idlib" both find "Idlib"
//! only when the case folds to it).

use std::ops::Range;

use regex::RegexBuilder;

use super::claims::sentences::CharCursor;

/// The most matches one search returns: a one-letter query in a long story would
/// otherwise mark hundreds of thousands of places.
pub const MAX_MATCHES: usize = 10_000;

/// Where `query` occurs in `text`, by code points, in order and without overlaps; at
/// most [`MAX_MATCHES`]. An empty (or all-space) query finds nothing.
pub fn find_all(text: &str, query: &str, match_case: bool) -> Vec<Range<usize>> {
    let query = query.trim();
    if query.is_empty() {
        return Vec::new();
    }
    let Ok(pattern) = RegexBuilder::new(&pattern_of(query))
        .case_insensitive(!match_case)
        .build()
    else {
        // The pattern is built from escaped text and fixed classes; it always compiles
        // unless it is too large, and a query that long finds nothing in practice.
        return Vec::new();
    };
    let mut cursor = CharCursor::default();
    pattern
        .find_iter(text)
        .take(MAX_MATCHES)
        .map(|found| cursor.char_offset(text, found.start())..cursor.char_offset(text, found.end()))
        .collect()
}

/// The pattern for `query`: its characters literally, but a quote, a dash or a run of
/// spaces stands for any of its kind.
fn pattern_of(query: &str) -> String {
    let mut pattern = String::with_capacity(query.len() * 2);
    let mut in_space = false;
    for ch in query.chars() {
        if ch.is_whitespace() {
            if !in_space {
                pattern.push_str(r"\s+");
            }
            in_space = true;
            continue;
        }
        in_space = false;
        match ch {
            '\'' | '‘' | '’' | '‛' | '′' => pattern.push_str("['‘’‛′]"),
            '"' | '“' | '”' | '„' | '″' => pattern.push_str("[\"“”„″]"),
            '-' | '‐' | '‑' | '–' | '—' | '−' => pattern.push_str("[-‐‑–—−]"),
            _ => pattern.push_str(&regex::escape(ch.encode_utf8(&mut [0; 4]))),
        }
    }
    pattern
}

#[cfg(test)]
#[expect(
    clippy::single_range_in_vec_init,
    reason = "the expected matches are lists of ranges, some of one"
)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_place_by_code_points() {
        let text = "Idlib — “Idlib is falling,” said a man from idlib.";
        assert_eq!(find_all(text, "idlib", false), [0..5, 9..14, 44..49]);
        assert_eq!(find_all(text, "idlib", true), [44..49]);
        assert!(find_all(text, "Aleppo", false).is_empty());
        assert!(find_all(text, "  ", false).is_empty());
    }

    #[test]
    fn quotes_dashes_and_spaces_match_what_they_mean() {
        let text = "He said he didn’t know — “not\nyet”.";
        assert_eq!(find_all(text, "didn't", false), [11..17]);
        assert_eq!(find_all(text, "know - \"not yet\"", false), [18..34]);
    }

    #[test]
    fn characters_with_special_meaning_in_patterns_are_literal() {
        let text = "Prices rose 3.5% (or $1.2bn) in [2019].";
        assert_eq!(find_all(text, "3.5%", false), [12..16]);
        assert_eq!(find_all(text, "$1.2bn)", false), [21..28]);
        assert_eq!(find_all(text, "[2019]", false), [32..38]);
        assert!(find_all(text, "3x5", false).is_empty());
    }

    #[test]
    fn matches_are_capped() {
        let text = "a ".repeat(MAX_MATCHES + 5);
        assert_eq!(find_all(&text, "a", false).len(), MAX_MATCHES);
    }
}
