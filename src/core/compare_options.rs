//! What counts as a difference when two versions of a story are compared.
//!
//! An editor comparing the wire with the desk's copy usually does not care that one
//! has curly quotes and the other straight ones, or that a paragraph was split in two;
//! sometimes they do. These options say which differences to look past and how finely
//! to mark the ones that remain. Sentence alignment (`core::align`) and the word diff
//! (`core::diff`) read the same options, so a sentence the alignment calls the same
//! never shows a marked word.

use serde::{Deserialize, Serialize};

use crate::core::fast_hash::hash_str;
use crate::core::similarity::fold_typography;

/// How finely changes inside a reworded sentence are marked.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Granularity {
    /// Mark the words that changed ("Ten" → "Tens" marks both words).
    #[default]
    Word,
    /// Mark the letters that changed ("Ten" → "Tens" marks only the "s"): for
    /// spelling, typos and figures. A word replaced by one that keeps fewer than half
    /// its letters is marked whole.
    Character,
    /// Mark a reworded sentence as a whole: for a quick read of which sentences were
    /// touched, without the detail.
    Sentence,
}

impl Granularity {
    /// Every granularity, in the order a menu lists them.
    pub const ALL: [Self; 3] = [Self::Word, Self::Character, Self::Sentence];

    /// The name shown in the comparison settings.
    pub fn label(self) -> &'static str {
        match self {
            Self::Word => "Words",
            Self::Character => "Characters",
            Self::Sentence => "Whole sentences",
        }
    }
}

/// What counts as a difference when two texts are compared. The UI keeps the editor's
/// choice between sessions, hence the serde derive; a field missing from stored
/// preferences takes its default.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
#[expect(
    clippy::struct_excessive_bools,
    reason = "four independent on/off settings, one checkbox each"
)]
pub struct CompareOptions {
    /// How finely changes inside a reworded sentence are marked.
    pub granularity: Granularity,
    /// "Syrian Army" and "Syrian army" count as the same words.
    pub ignore_case: bool,
    /// Punctuation does not count: an added comma or a dropped full stop is not a
    /// change, and "60,000" matches "60000".
    pub ignore_punctuation: bool,
    /// Curly and straight quotes and apostrophes, the different dashes and
    /// non-breaking spaces count as the same characters (‘White Helmets’ matches
    /// 'White Helmets').
    pub fold_typography: bool,
    /// How much space separates words does not count: extra spaces, tabs and line
    /// breaks (a paragraph split in two) are not changes. Words run together ("ab"
    /// for "a b") still are.
    pub ignore_whitespace: bool,
}

impl Default for CompareOptions {
    /// Word marks; case and punctuation count; typography and spacing do not (an
    /// editor rarely wants a straightened quote or a re-flowed paragraph flagged).
    fn default() -> Self {
        Self {
            granularity: Granularity::Word,
            ignore_case: false,
            ignore_punctuation: false,
            fold_typography: true,
            ignore_whitespace: true,
        }
    }
}

/// What a token of text is, for comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TokenRole {
    /// Holds a letter or a digit: counted in the word statistics.
    Word,
    /// Punctuation or a symbol.
    Mark,
    /// Spaces, tabs or line breaks.
    Space,
}

impl TokenRole {
    /// The role of `token`, a word-boundary token (a word, a run of spaces, or one
    /// other character) or a single character.
    pub(crate) fn of(token: &str) -> Self {
        match token.as_bytes() {
            [first, ..] if first.is_ascii_alphanumeric() => return Self::Word,
            [b' ' | b'\t' | b'\n' | b'\r', ..] => return Self::Space,
            [single] if single.is_ascii_punctuation() => return Self::Mark,
            _ => {}
        }
        let mut chars = token.chars();
        match chars.next() {
            Some(first) if first.is_whitespace() => Self::Space,
            Some(first) if first.is_alphanumeric() || chars.any(char::is_alphanumeric) => {
                Self::Word
            }
            _ => Self::Mark,
        }
    }
}

impl CompareOptions {
    /// Whether tokens of this role are looked past altogether (spacing when spacing is
    /// ignored, punctuation when punctuation is).
    pub(crate) fn ignores(self, role: TokenRole) -> bool {
        match role {
            TokenRole::Word => false,
            TokenRole::Mark => self.ignore_punctuation,
            TokenRole::Space => self.ignore_whitespace,
        }
    }

    /// The hash of the form `token` is compared by (see `push_token_key`); the tokens
    /// the options ignore hash to one value per role, so spaces still line up with
    /// spaces. `scratch` is working space.
    pub(crate) fn token_hash(self, token: &str, role: TokenRole, scratch: &mut String) -> u64 {
        if self.ignores(role) {
            return hash_str(if role == TokenRole::Space {
                "\u{1F}space"
            } else {
                "\u{1F}mark"
            });
        }
        let drop_marks = self.ignore_punctuation && role == TokenRole::Word;
        if token.is_ascii() && !drop_marks && !self.ignore_case {
            // Compared as it is: no need to copy it.
            return hash_str(token);
        }
        scratch.clear();
        self.push_token_key(token, role, scratch);
        hash_str(scratch)
    }

    /// Appends the form `token` is compared by to `key`: typography folded, case
    /// folded, punctuation inside a word ("60,000", "Syria’s") dropped, as the options
    /// ask. Tokens the options ignore altogether append nothing.
    pub(crate) fn push_token_key(self, token: &str, role: TokenRole, key: &mut String) {
        if self.ignores(role) {
            return;
        }
        let drop_marks = self.ignore_punctuation && role == TokenRole::Word;
        if token.is_ascii() && !drop_marks && !self.ignore_case {
            // Typography folding changes nothing in ASCII.
            key.push_str(token);
            return;
        }
        if token.is_ascii() {
            for byte in token.bytes() {
                if drop_marks && !byte.is_ascii_alphanumeric() {
                    continue;
                }
                let byte = if self.ignore_case {
                    byte.to_ascii_lowercase()
                } else {
                    byte
                };
                key.push(char::from(byte));
            }
            return;
        }
        for c in token.chars() {
            let c = if self.fold_typography {
                fold_typography(c)
            } else {
                c
            };
            if drop_marks && !c.is_alphanumeric() {
                continue;
            }
            if self.ignore_case {
                key.extend(c.to_lowercase());
            } else {
                key.push(c);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(options: CompareOptions, token: &str) -> String {
        let mut key = String::new();
        options.push_token_key(token, TokenRole::of(token), &mut key);
        key
    }

    #[test]
    fn defaults_fold_typography_and_ignore_spacing_only() {
        let options = CompareOptions::default();
        assert_eq!(key(options, "Syria’s"), "Syria's");
        assert_eq!(key(options, "Army"), "Army");
        assert_eq!(key(options, "\n\n"), "");
        assert_eq!(key(options, ","), ",");
        assert_eq!(key(options, "60,000"), "60,000");
    }

    #[test]
    fn each_option_looks_past_its_difference() {
        let options = CompareOptions {
            ignore_case: true,
            ignore_punctuation: true,
            fold_typography: false,
            ignore_whitespace: false,
            ..CompareOptions::default()
        };
        assert_eq!(key(options, "ARMY"), "army");
        assert_eq!(key(options, "60,000"), "60000");
        assert_eq!(key(options, "Syria’s"), "syrias");
        assert_eq!(key(options, "—"), "");
        assert_eq!(key(options, "\n"), "\n");
    }

    #[test]
    fn roles_of_tokens() {
        assert_eq!(TokenRole::of("Ten"), TokenRole::Word);
        assert_eq!(TokenRole::of("_1"), TokenRole::Word);
        assert_eq!(TokenRole::of("“"), TokenRole::Mark);
        assert_eq!(TokenRole::of("\u{a0}"), TokenRole::Space);
        assert_eq!(TokenRole::of(""), TokenRole::Mark);
    }

    #[test]
    fn stored_options_missing_a_field_take_its_default() {
        let options: CompareOptions =
            serde_json::from_str(r#"{"granularity":"character","ignore_case":true}"#).unwrap();
        assert_eq!(
            options,
            CompareOptions {
                granularity: Granularity::Character,
                ignore_case: true,
                ..CompareOptions::default()
            }
        );
        let json = serde_json::to_string(&CompareOptions::default()).unwrap();
        assert_eq!(
            serde_json::from_str::<CompareOptions>(&json).unwrap(),
            CompareOptions::default()
        );
    }
}
