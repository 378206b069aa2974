//! Whether two spellings are the same words: the same name respelled ("Abdul Rahman al
//! Halabi" and "Abdul Rahman al-Halabi", "Syrian Civil Defense" and "Defence") or
//! another one ("Khan Sheikhoun" and "Maarat al-Numan").
//!
//! Names come into English copy by transliteration, and desks restyle them; a checker
//! needs to see a different person or place, not a house style. Two spellings are the
//! same when their letters and digits agree ignoring case, spaces, hyphens, apostrophes
//! and quotation marks, or differ by at most one character in five (a vowel, a doubled
//! letter: "Idlib" and "Idleb"), or when one abbreviates the other ("the U.N." and
//! "the United Nations"). The limits are a judgement: a short name one letter away from
//! another ("Russia" and "Prussia") reads as the same, and so does any name whose
//! initials an abbreviation spells.

use crate::core::anchor::edit_distance::BitPattern;
use unicode_normalization::UnicodeNormalization as _;

use crate::core::similarity::{fold_typography, fold_word};

/// Characters per edit two spellings of one name may differ by.
const CHARS_PER_EDIT: usize = 5;

/// Whether `old` and `new` spell the same words (see the module notes).
pub(super) fn same_words(old: &str, new: &str) -> bool {
    if abbreviates(old, new) || abbreviates(new, old) {
        return true;
    }
    // Abbreviations are spelled exactly: "U.N." is not "U.S.".
    let abbreviated = has_abbreviation(old) || has_abbreviation(new);
    let old = skeleton(old);
    let new = skeleton(new);
    if old == new {
        return true;
    }
    let allowed = if abbreviated {
        0
    } else {
        old.len().max(new.len()) / CHARS_PER_EDIT
    };
    allowed > 0
        && !old.is_empty()
        && !new.is_empty()
        && BitPattern::new(&old).distance(new.iter().copied()) <= allowed
}

/// Whether `short` abbreviates `long`: `short` has a word in capitals ("U.N.", "UN")
/// and `long` none, and the capitals of `short`'s words spell the initials of `long`'s
/// capitalised words ("The U.N." and "The United Nations" are both "tun").
fn abbreviates(short: &str, long: &str) -> bool {
    if !has_abbreviation(short) || has_abbreviation(long) {
        return false;
    }
    let initials = |text: &str| -> String {
        text.split_whitespace()
            .flat_map(|word| {
                let letters = word.chars().filter(|c| c.is_alphabetic());
                if is_abbreviation(word) {
                    letters.collect::<Vec<_>>()
                } else {
                    letters.take(1).filter(|c| c.is_uppercase()).collect()
                }
            })
            .flat_map(char::to_lowercase)
            .collect()
    };
    let short_initials = initials(short);
    short_initials.chars().count() >= 2 && short_initials == initials(long)
}

/// Whether `text` has a word in capitals ("U.N.", "UN", "NGO").
fn has_abbreviation(text: &str) -> bool {
    text.split_whitespace().any(is_abbreviation)
}

/// Whether `word` is in capitals, two letters or more ("U.N.", "UN").
fn is_abbreviation(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

/// The letters and digits of `text`, lower case, typography folded.
fn skeleton(text: &str) -> Vec<char> {
    // Decomposed, so that accents are marks of their own and fall away: desks that
    // drop diacritics ("Elazığ" → "Elazig") respell a name, they do not change it.
    text.nfd()
        .map(fold_typography)
        .map(without_stroke)
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Letters with a stroke or without a dot, which no decomposition takes apart, as
/// their plain letter.
fn without_stroke(c: char) -> char {
    match c {
        'ı' => 'i',
        'ø' => 'o',
        'Ø' => 'O',
        'ł' => 'l',
        'Ł' => 'L',
        'đ' => 'd',
        'Đ' => 'D',
        other => other,
    }
}

/// The words of `text` as compared across versions (see [`fold_word`]), single-spaced:
/// what is left of a passage when its typography and spacing are set aside.
pub(super) fn folded(text: &str) -> String {
    text.split_whitespace()
        .map(fold_word)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn respelled_names_are_the_same() {
        assert!(same_words(
            "Abdul Rahman al Halabi",
            "Abdul Rahman al-Halabi"
        ));
        assert!(same_words("Syrian Civil Defense", "Syrian Civil Defence"));
        assert!(same_words("Idlib", "Idleb"));
        assert!(same_words("the ‘White Helmets’", "the 'white helmets'"));
        assert!(same_words("The U.N.", "The United Nations"));
        assert!(same_words(
            "the UN refugee agency",
            "the United Nations refugee agency"
        ));
    }

    #[test]
    fn other_names_are_not() {
        assert!(!same_words("Khan Sheikhoun", "Maarat al-Numan"));
        assert!(!same_words("Abdullah Younis", "Abdul Rahman"));
        assert!(!same_words("Iran", "Iraq"));
        assert!(!same_words("residents", "officials"));
        assert!(!same_words("the U.N.", "the U.S."));
        assert!(!same_words("The U.N.", "The Arab League"));
    }

    #[test]
    fn folding_sets_typography_and_spacing_aside() {
        assert_eq!(
            folded("Syria’s  army,\tthe 60,000"),
            "syria's army the 60000"
        );
    }
}
