//! Whether a name a finding reports is a name. The name finder reads one sentence, so
//! the capitalised word that opens it ("Members", "Smoke", "Residents") looks like a
//! name; the two versions together say whether it is one: a name is capitalised in
//! the middle of a sentence too.

use super::Reading;
use crate::core::changes::spelling::same_words;
use crate::core::changes::{ChangeClass, Finding};
use crate::core::similarity::is_function_word;

/// Units and currencies written with a capital, which name no party: "42 degrees
/// Celsius", "Tk 12,000".
const UNITS: [&str; 10] = [
    "Celsius",
    "Fahrenheit",
    "Kelvin",
    "Richter",
    "Tk",
    "Rs",
    "Sh",
    "Ksh",
    "GMT",
    "UTC",
];

/// Whether the name `finding` reports (in `old_words` or `new_words`, the sentences
/// compared) is a name: more than one word, or a word that does not open its sentence,
/// or one the versions capitalise in the middle of a sentence somewhere.
pub(super) fn has_evidence(
    finding: &Finding,
    old_words: &str,
    new_words: &str,
    reading: &Reading<'_>,
) -> bool {
    let (sentence, range) = match (&finding.old, &finding.new) {
        (Some(range), _) => (old_words, range.clone()),
        (None, Some(range)) => (new_words, range.clone()),
        (None, None) => return true,
    };
    let Some(name) = sentence.get(range.clone()) else {
        return true;
    };
    if UNITS.contains(&name.trim()) {
        return false;
    }
    let opens_sentence = sentence[..range.start]
        .chars()
        .all(|c| !c.is_alphanumeric());
    if !opens_sentence || name.split_whitespace().nth(1).is_some() {
        return true;
    }
    reading.capitalised_mid_sentence(name.trim())
}

/// A minor finding that replaced a capitalised word in the middle of a sentence with
/// another ("Labor Minister Ximena Rojas" → "Ximena Ríos") as the Name change it is;
/// a respelling ("Defense" → "Defence") stays minor. Other findings pass as they are.
pub(super) fn name_if_renamed(finding: Finding, old_words: &str, new_words: &str) -> Finding {
    if !finding.class.is_minor() {
        return finding;
    }
    let (Some(old_range), Some(new_range)) = (&finding.old, &finding.new) else {
        return finding;
    };
    let (Some(old), Some(new)) = (
        old_words.get(old_range.clone()),
        new_words.get(new_range.clone()),
    ) else {
        return finding;
    };
    let capitalised = |text: &str| {
        let mut words = text.split_whitespace().peekable();
        words.peek().is_some()
            && words.all(|word| {
                word.starts_with(char::is_uppercase) && !is_function_word(&word.to_lowercase())
            })
    };
    let mid_sentence = old_words[..old_range.start]
        .chars()
        .any(char::is_alphanumeric);
    if mid_sentence && capitalised(old) && capitalised(new) && !same_words(old, new) {
        return Finding {
            class: ChangeClass::Name,
            explanation: format!("“{}” became “{}”", old.trim(), new.trim()),
            ..finding
        };
    }
    finding
}

/// Whether `text` capitalises `word` after another word of its sentence ("said
/// Idlib", "in Maarat"): a name the text shows. The word is searched for with SIMD
/// (`memchr`), so asking costs little even of a long text.
pub(super) fn capitalised_mid_sentence(text: &str, word: &str) -> bool {
    if word.is_empty() {
        return false;
    }
    memchr::memmem::find_iter(text.as_bytes(), word.as_bytes()).any(|at| {
        let after = text[at + word.len()..].chars().next();
        let whole_word = after.is_none_or(|c| !c.is_alphanumeric());
        let before = &text[..at];
        let separated = before.ends_with(char::is_whitespace);
        let mark = before
            .trim_end()
            .trim_end_matches(['"', '“', '‘', '\'', '('])
            .chars()
            .next_back();
        let goes_on = mark
            .is_some_and(|c| c.is_alphanumeric() || matches!(c, ',' | ';' | ':' | '-' | '–' | '—'));
        whole_word && separated && goes_on
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_is_a_name_when_capitalised_mid_sentence() {
        let text = "Smoke rose over the town. Members of the civil defence said Idlib was hit. \
                    “Rescuers reached Maarat,” he said. Rescuers left, said Ali.";
        for word in ["Idlib", "Maarat", "Ali"] {
            assert!(capitalised_mid_sentence(text, word), "{word}");
        }
        for word in ["Smoke", "Members", "Rescuers", "Idl"] {
            assert!(!capitalised_mid_sentence(text, word), "{word}");
        }
    }
}
