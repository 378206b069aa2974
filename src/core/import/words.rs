//! Counting a block's words, which the import does for every block of every page, many
//! times over (how long a headline, a byline, a caption or a notice can be).
//!
//! A loop of its own rather than `split_whitespace()`: that iterator is several times
//! slower, and on a long text it was a tenth of the import's time.

/// How many words a text has: runs of characters between white space.
pub fn word_count(text: &str) -> usize {
    count_words(text, usize::MAX)
}

/// Whether a text has at most `limit` words.
pub fn at_most_words(text: &str, limit: usize) -> bool {
    count_words(text, limit) <= limit
}

/// How many words a text has, counting no further than one past `limit`.
///
/// It walks the bytes: ASCII ones are looked up directly, and only the lead bytes of
/// the few other characters that are white space (no-break and thin spaces, the line
/// separator, the ideographic space) are decoded.
fn count_words(text: &str, limit: usize) -> usize {
    let bytes = text.as_bytes();
    let mut count = 0;
    let mut in_word = false;
    for (at, &byte) in bytes.iter().enumerate() {
        let space = match byte {
            b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => true,
            // Inside a character: it is what its lead byte said.
            0x80..=0xbf => continue,
            0xc2 | 0xe1 | 0xe2 | 0xe3 => text[at..].chars().next().is_some_and(char::is_whitespace),
            // Any other ASCII byte or lead byte.
            _ => false,
        };
        if !space && !in_word {
            count += 1;
            if count > limit {
                return count;
            }
        }
        in_word = !space;
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_runs_between_any_white_space() {
        let text = "  Smoke\u{a0}billows over\tKhan Sheikhoun \u{2009}– AFP\n";
        assert_eq!(word_count(text), text.split_whitespace().count());
        assert_eq!(word_count(text), 7);
        assert_eq!(word_count(""), 0);
        assert_eq!(word_count("a\u{85}b\u{3000}c\u{2028}d é"), 5);
        assert!(at_most_words(text, 7));
        assert!(!at_most_words(text, 6));
        assert!(at_most_words("", 0));
    }
}
