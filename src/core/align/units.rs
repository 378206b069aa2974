//! A text cut into the units alignment works on: its sentences, each with its place,
//! its paragraph, its word count and the key it is compared by.

use std::ops::Range;

use crate::core::claims::sentences::{CharCursor, paragraphs};
use crate::core::compare_options::{CompareOptions, TokenRole};
use crate::core::fast_hash::hash_str;
use crate::core::similarity::Profile;
use crate::core::two_threads::both;
use crate::core::word_bounds::word_bounds;

use super::Unit;

/// Put between the tokens of a key so that "a b" and "ab" stay different keys when
/// spacing is ignored. A control character that never appears in a token key.
const TOKEN_SEPARATOR: char = '\u{1F}';

/// Below this many bytes in the two texts together, preparing them on a second thread
/// costs more than it saves.
const PARALLEL_BYTES: usize = 64 * 1024;

/// One text, cut into units and ready to align.
pub(super) struct PreparedText<'a> {
    /// The text.
    pub text: &'a str,
    /// Its sentences, in reading order.
    pub units: Vec<Unit>,
    /// Each unit's comparison key (its tokens normalised as the options ask, hashed):
    /// units with equal keys count as the same sentence.
    pub keys: Vec<u64>,
    /// The number of words in each unit.
    pub words: Vec<usize>,
}

impl<'a> PreparedText<'a> {
    /// Cuts `text` into sentences and works out their keys under `options`. Text in no
    /// sentence (datelines, credits, blank lines) is in no unit.
    pub fn new(text: &'a str, options: CompareOptions) -> Self {
        let mut units = Vec::new();
        let mut keys = Vec::new();
        let mut words = Vec::new();
        let mut cursor = CharCursor::default();
        let mut key = String::new();
        for (paragraph, line) in paragraphs(text, 0..text.len()).enumerate() {
            for bytes in line.sentences {
                let Some(sentence) = text.get(bytes.clone()) else {
                    continue;
                };
                let chars =
                    cursor.char_offset(text, bytes.start)..cursor.char_offset(text, bytes.end);
                key.clear();
                words.push(unit_key(sentence, options, &mut key));
                keys.push(hash_str(&key));
                units.push(Unit {
                    chars,
                    bytes,
                    paragraph,
                });
            }
        }
        Self {
            text,
            units,
            keys,
            words,
        }
    }

    /// Prepares two texts, side by side on two threads when they are long enough to be
    /// worth it (cutting and keying is most of the time an alignment takes).
    pub fn pair(old: &'a str, new: &'a str, options: CompareOptions) -> (Self, Self) {
        if old.len() + new.len() < PARALLEL_BYTES {
            return (Self::new(old, options), Self::new(new, options));
        }
        both(
            "align-new-text",
            || Self::new(old, options),
            || Self::new(new, options),
        )
    }

    /// The text of unit `unit`.
    pub fn unit_text(&self, unit: usize) -> &'a str {
        self.units
            .get(unit)
            .and_then(|unit| self.text.get(unit.bytes.clone()))
            .unwrap_or_default()
    }

    /// The content profiles of the units in `units`, for pairing reworded sentences;
    /// units outside the range have none (most units are matched by key and never
    /// need one).
    pub fn profiles_for(&self, units: &[Range<usize>]) -> Vec<Option<Profile>> {
        let mut profiles = vec![None; self.units.len()];
        for range in units {
            for unit in range.clone() {
                if let Some(slot) = profiles.get_mut(unit) {
                    *slot = Some(Profile::of(self.unit_text(unit)));
                }
            }
        }
        profiles
    }
}

/// Writes the comparison key of `sentence` into `key` and returns its word count. The
/// key is the sentence's tokens, normalised by the options, without the ones the
/// options ignore, each followed by a separator: the same tokens the word diff
/// compares, so a sentence the alignment calls the same has no marked word.
fn unit_key(sentence: &str, options: CompareOptions, key: &mut String) -> usize {
    let mut words = 0;
    for (_, token) in word_bounds(sentence) {
        let role = TokenRole::of(token);
        if role == TokenRole::Word {
            words += 1;
        }
        if !options.ignores(role) {
            options.push_token_key(token, role, key);
            key.push(TOKEN_SEPARATOR);
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str, options: CompareOptions) -> Vec<u64> {
        PreparedText::new(text, options).keys
    }

    #[test]
    fn units_are_sentences_with_their_paragraphs() {
        let text = "AMMAN: Ten fled. They left.\n\nRescuers said 60,000.- Reuters";
        let prepared = PreparedText::new(text, CompareOptions::default());
        let sentences: Vec<&str> = (0..prepared.units.len())
            .map(|unit| prepared.unit_text(unit))
            .collect();
        assert_eq!(
            sentences,
            ["Ten fled.", "They left.", "Rescuers said 60,000."]
        );
        let paragraphs: Vec<usize> = prepared.units.iter().map(|u| u.paragraph).collect();
        assert_eq!(paragraphs, [0, 0, 1]);
        assert_eq!(prepared.words, [2, 2, 3]);
        assert_eq!(prepared.units[1].chars, 17..27);
        assert_eq!(prepared.units[1].bytes, 17..27);
    }

    #[test]
    fn keys_follow_the_options() {
        let strict = CompareOptions {
            fold_typography: false,
            ignore_whitespace: false,
            ..CompareOptions::default()
        };
        let loose = CompareOptions {
            ignore_case: true,
            ignore_punctuation: true,
            ..CompareOptions::default()
        };
        let a = "The ‘White Helmets’ said 60,000  fled.";
        let b = "the 'White Helmets' said 60000 fled";
        assert_ne!(keys(a, strict), keys(b, strict));
        assert_eq!(keys(a, loose), keys(b, loose));
        let defaults = CompareOptions::default();
        assert_eq!(
            keys("‘White Helmets’  fled.", defaults),
            keys("'White Helmets' fled.", defaults)
        );
        assert_ne!(keys("White Helmets", loose), keys("WhiteHelmets", loose));
    }
}
