//! Unicode word-boundary tokens (UAX #29), fast for the text Factdesk mostly sees.
//!
//! Comparing two 1 MB stories means cutting both into words to count and compare
//! them, and `unicode-segmentation` takes about 30 ms a megabyte for that: most of the
//! time budget of a comparison. Most news copy is ASCII, Latin letters with accents
//! and typographic punctuation (curly quotes, dashes), for which the word-boundary
//! rules reduce to a few lines. Text made only of such characters is cut here, by
//! those rules; any other text (other scripts, combining marks, emoji, soft hyphens) is
//! handed to `unicode-segmentation`. Either way the tokens are the same as
//! `split_word_bound_indices` gives (a test checks this on random text).

use unicode_segmentation::{UWordBoundIndices, UnicodeSegmentation as _};

/// The word-boundary class of a character, as far as the fast path needs it (UAX #29
/// `Word_Break` values).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum WordClass {
    /// `ALetter`: letters that make up words.
    Letter,
    /// `Numeric`: digits.
    Numeric,
    /// `ExtendNumLet`: the underscore, which joins letters and digits.
    ExtendNumLet,
    /// `MidLetter`: a colon or middle dot between two letters.
    MidLetter,
    /// `MidNum`: a comma or semicolon between two digits.
    MidNum,
    /// `MidNumLet` and `Single_Quote`: a full stop or apostrophe between two letters
    /// or two digits.
    MidNumLet,
    /// `WSegSpace`: spaces, which run together.
    Space,
    /// `CR`, kept with a following line feed.
    CarriageReturn,
    /// `LF` and `Newline`: always a token of their own.
    LineBreak,
    /// Any other character the fast path knows: a token of its own.
    Other,
    /// A character the fast path does not handle.
    Unknown,
}

/// The class of each ASCII byte, looked up rather than worked out: this is the inner
/// loop of every comparison.
const ASCII_CLASSES: [WordClass; 128] = {
    let mut classes = [WordClass::Other; 128];
    let mut byte = 0;
    while byte < 128 {
        #[expect(clippy::cast_possible_truncation, reason = "byte is below 128")]
        let ascii = byte as u8;
        classes[byte] = ascii_class(ascii);
        byte += 1;
    }
    classes
};

/// The class of an ASCII byte.
const fn ascii_class(byte: u8) -> WordClass {
    match byte {
        b'a'..=b'z' | b'A'..=b'Z' => WordClass::Letter,
        b'0'..=b'9' => WordClass::Numeric,
        b'_' => WordClass::ExtendNumLet,
        b':' => WordClass::MidLetter,
        b',' | b';' => WordClass::MidNum,
        b'.' | b'\'' => WordClass::MidNumLet,
        b' ' => WordClass::Space,
        b'\r' => WordClass::CarriageReturn,
        b'\n' | 0x0B | 0x0C => WordClass::LineBreak,
        _ => WordClass::Other,
    }
}

/// The class of a character outside ASCII: Latin-1, Latin Extended and the general
/// punctuation of news copy are known; everything else sends the text to the full
/// implementation.
fn class_beyond_ascii(c: char) -> WordClass {
    match c {
        '\u{85}' | '\u{2028}' | '\u{2029}' => WordClass::LineBreak,
        '\u{AA}' | '\u{B5}' | '\u{B8}' | '\u{BA}' | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}' => {
            WordClass::Letter
        }
        '\u{F8}'..='\u{2D7}' => WordClass::Letter,
        '\u{B7}' | '\u{2027}' => WordClass::MidLetter,
        '\u{2018}' | '\u{2019}' | '\u{2024}' => WordClass::MidNumLet,
        '\u{2000}'..='\u{2006}' | '\u{2008}'..='\u{200A}' => WordClass::Space,
        '\u{80}'..='\u{84}'
        | '\u{86}'..='\u{AC}'
        | '\u{AE}'..='\u{B4}'
        | '\u{B6}'
        | '\u{B9}'
        | '\u{BB}'..='\u{BF}'
        | '\u{D7}'
        | '\u{F7}'
        | '\u{2007}'
        | '\u{200B}'
        | '\u{2010}'..='\u{2017}'
        | '\u{201A}'..='\u{2023}'
        | '\u{2025}'
        | '\u{2026}'
        | '\u{2030}'..='\u{203E}'
        | '\u{20AC}' => WordClass::Other,
        _ => WordClass::Unknown,
    }
}

/// The class of the character at byte `at` of `text` and its length in bytes, or
/// `None` at the end of the text.
fn class_at(text: &str, at: usize) -> Option<(WordClass, usize)> {
    let byte = *text.as_bytes().get(at)?;
    if let Some(&class) = ASCII_CLASSES.get(usize::from(byte)) {
        return Some((class, 1));
    }
    let c = text.get(at..)?.chars().next()?;
    Some((class_beyond_ascii(c), c.len_utf8()))
}

/// Whether every character of `text` is one the fast path knows.
fn fast_path_applies(text: &str) -> bool {
    text.is_ascii()
        || text
            .chars()
            .all(|c| c.is_ascii() || class_beyond_ascii(c) != WordClass::Unknown)
}

/// The end of the token starting at byte `start` of `text` (which must hold only
/// known characters).
fn token_end(text: &str, start: usize) -> usize {
    let Some((first, first_len)) = class_at(text, start) else {
        return start;
    };
    let mut end = start + first_len;
    match first {
        WordClass::CarriageReturn if text.as_bytes().get(end) == Some(&b'\n') => end += 1,
        WordClass::Space => {
            while let Some((WordClass::Space, len)) = class_at(text, end) {
                end += len;
            }
        }
        WordClass::Letter | WordClass::Numeric | WordClass::ExtendNumLet => {
            let bytes = text.as_bytes();
            let mut last = first;
            loop {
                // Most of a word is ASCII letters and digits: skip them in one go.
                let run_start = end;
                while bytes.get(end).is_some_and(u8::is_ascii_alphanumeric) {
                    end += 1;
                }
                if end > run_start {
                    last = if bytes[end - 1].is_ascii_digit() {
                        WordClass::Numeric
                    } else {
                        WordClass::Letter
                    };
                }
                let Some((class, len)) = class_at(text, end) else {
                    break;
                };
                match class {
                    WordClass::Letter | WordClass::Numeric | WordClass::ExtendNumLet => {
                        end += len;
                        last = class;
                    }
                    WordClass::MidLetter | WordClass::MidNum | WordClass::MidNumLet => {
                        let Some((after, after_len)) = class_at(text, end + len) else {
                            break;
                        };
                        // UAX #29 WB6/WB7: letter (mid) letter; WB11/WB12: digit (mid) digit.
                        let joins_letters = last == WordClass::Letter
                            && after == WordClass::Letter
                            && class != WordClass::MidNum;
                        let joins_digits = last == WordClass::Numeric
                            && after == WordClass::Numeric
                            && class != WordClass::MidLetter;
                        if !(joins_letters || joins_digits) {
                            break;
                        }
                        end += len + after_len;
                        last = after;
                    }
                    _ => break,
                }
            }
        }
        _ => {}
    }
    end
}

/// The word-boundary tokens of a text with their byte offsets: words, runs of spaces,
/// line breaks and single other characters, covering the whole text in order.
pub struct WordBounds<'a>(Cutter<'a>);

/// How a text is being cut.
enum Cutter<'a> {
    /// By the rules above.
    Fast {
        /// The text.
        text: &'a str,
        /// Where the next token starts.
        at: usize,
    },
    /// By `unicode-segmentation`.
    Full(UWordBoundIndices<'a>),
}

impl<'a> Iterator for WordBounds<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        match &mut self.0 {
            Cutter::Fast { text, at } => {
                let start = *at;
                let end = token_end(text, start);
                if end == start {
                    return None;
                }
                *at = end;
                text.get(start..end).map(|token| (start, token))
            }
            Cutter::Full(tokens) => tokens.next(),
        }
    }
}

/// The word-boundary tokens of `text`, with their byte offsets; the same tokens as
/// `UnicodeSegmentation::split_word_bound_indices`, found faster for news copy.
pub fn word_bounds(text: &str) -> WordBounds<'_> {
    WordBounds(if fast_path_applies(text) {
        Cutter::Fast { text, at: 0 }
    } else {
        Cutter::Full(text.split_word_bound_indices())
    })
}

/// Whether a word-boundary token is a word: it holds a letter or a digit (as
/// `UnicodeSegmentation::unicode_words` counts them).
pub fn is_word(token: &str) -> bool {
    token
        .as_bytes()
        .first()
        .is_some_and(u8::is_ascii_alphanumeric)
        || token.chars().any(char::is_alphanumeric)
}

/// The number of words in `text`, the same as `unicode_words().count()`.
pub fn count_words(text: &str) -> usize {
    word_bounds(text)
        .filter(|(_, token)| is_word(token))
        .count()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn tokens(text: &str) -> Vec<(usize, &str)> {
        word_bounds(text).collect()
    }

    #[test]
    fn news_copy_takes_the_fast_path() {
        let text = "AMMAN: “Syria’s army” took 60,000 km² — U.N. said.\r\n";
        assert!(fast_path_applies("Syria’s “army” — 60,000 é"));
        assert!(!fast_path_applies("日本"));
        assert!(!fast_path_applies("soft\u{AD}hyphen"));
        let expected: Vec<(usize, &str)> = text.split_word_bound_indices().collect();
        assert_eq!(tokens(text), expected);
    }

    #[test]
    fn numbers_and_contractions_stay_whole() {
        let words: Vec<&str> = tokens("60,000 fled; Syria’s U.N. a.m. 3.5")
            .into_iter()
            .map(|(_, token)| token)
            .filter(|token| is_word(token))
            .collect();
        assert_eq!(words, ["60,000", "fled", "Syria’s", "U.N", "a.m", "3.5"]);
        assert_eq!(count_words("Tens of thousands — 60,000 — fled."), 5);
    }

    /// Characters from each class the fast path knows, and a few it hands on.
    const ALPHABET: &[char] = &[
        'a', 'Z', 'é', 'ß', 'Ā', '\u{B8}', '0', '7', '_', ':', '·', ',', ';', '.', '\'', '’', '‘',
        '\u{2024}', ' ', '\u{2003}', '\u{A0}', '\u{202F}', '\t', '\r', '\n', '\u{85}', '\u{2028}',
        '"', '“', '”', '-', '–', '—', '…', '(', '!', '€', '\u{AD}', '\u{301}', '日', 'א', '😀',
    ];

    proptest! {
        #[test]
        fn tokens_match_unicode_segmentation(
            picks in proptest::collection::vec(0..ALPHABET.len(), 0..40)
        ) {
            let text: String = picks.into_iter().map(|i| ALPHABET[i]).collect();
            let expected: Vec<(usize, &str)> = text.split_word_bound_indices().collect();
            prop_assert_eq!(tokens(&text), expected);
            prop_assert_eq!(count_words(&text), text.unicode_words().count());
        }
    }
}
