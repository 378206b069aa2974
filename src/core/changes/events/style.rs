//! House style: the edits that change no fact (curly or straight quotes, "al-" or
//! "Al ", capitals, British or American spelling, "around" or "about"), grouped by kind
//! with a count, so that a restyled republication gives a line per kind, not a line per
//! edit.

use std::collections::BTreeMap;

use super::{Event, EventClass, Fact};
use crate::core::changes::spelling::same_words;
use crate::core::changes::{ChangeClass, Finding};
use crate::core::similarity::fold_typography;

/// The particles of Arabic and other names that desks write apart, hyphenated or
/// capitalised ("al Numan", "al-Numan", "Al-Numan").
const PARTICLES: [&str; 6] = ["al", "el", "bin", "ibn", "abu", "abd"];

/// How many examples of a kind an event shows.
const EXAMPLES: usize = 3;

/// The kinds of house-style edit, in the order they are listed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    QuoteMarks,
    Dashes,
    Capitals,
    NameParticles,
    Spelling,
    Punctuation,
    NumberStyle,
    Wording,
}

impl Kind {
    fn label(self) -> &'static str {
        match self {
            Self::QuoteMarks => "quote marks",
            Self::Dashes => "dashes and hyphens",
            Self::Capitals => "capitals",
            Self::NameParticles => "name particles (al-, Al)",
            Self::Spelling => "spelling",
            Self::Punctuation => "punctuation",
            Self::NumberStyle => "how figures are written",
            Self::Wording => "wording",
        }
    }

    /// The kind of an edit from `old` to `new` (either may be empty).
    fn of(old: &str, new: &str) -> Self {
        let letters = |text: &str, keep: fn(char) -> bool| -> String {
            text.chars().filter(|c| keep(*c)).collect()
        };
        let quotes_folded = |text: &str| -> String {
            text.chars()
                .map(|c| match fold_typography(c) {
                    '"' | '\'' => '"',
                    other => other,
                })
                .collect()
        };
        let is_quote = |c: char| matches!(fold_typography(c), '"' | '\'');
        let is_dash = |c: char| fold_typography(c) == '-';
        if quotes_folded(old) == quotes_folded(new)
            && (old.chars().any(is_quote) || new.chars().any(is_quote))
        {
            return Self::QuoteMarks;
        }
        let squeezed = |text: &str| -> String {
            text.chars()
                .filter(|c| !is_dash(*c) && !c.is_whitespace())
                .flat_map(char::to_lowercase)
                .collect()
        };
        let has_particle = |text: &str| {
            text.split(|c: char| c.is_whitespace() || is_dash(c))
                .any(|word| PARTICLES.contains(&word.to_lowercase().as_str()))
        };
        if squeezed(old) == squeezed(new) && (has_particle(old) || has_particle(new)) {
            return Self::NameParticles;
        }
        if old.to_lowercase() == new.to_lowercase() {
            return Self::Capitals;
        }
        if squeezed(old) == squeezed(new) {
            return Self::Dashes;
        }
        let alphanumeric = |c: char| c.is_alphanumeric();
        if letters(old, alphanumeric) == letters(new, alphanumeric) {
            return Self::Punctuation;
        }
        if old.chars().any(|c| c.is_ascii_digit()) || new.chars().any(|c| c.is_ascii_digit()) {
            return Self::NumberStyle;
        }
        let words = |text: &str| text.split_whitespace().count();
        if words(old) == 1 && words(new) == 1 && same_words(old, new) {
            return Self::Spelling;
        }
        Self::Wording
    }
}

/// The old and new words of a minor finding, for counting it by kind: whole words,
/// so that an edit of a space or a hyphen is read with the words around it ("al
/// Numan" → "al-Numan").
pub(super) fn edit_of(finding: &Finding, old_words: &str, new_words: &str) -> (String, String) {
    let words = |sentence: &str, range: &Option<std::ops::Range<usize>>| {
        let Some(range) = range
            .clone()
            .filter(|range| sentence.get(range.clone()).is_some())
        else {
            return String::new();
        };
        let start = sentence[..range.start]
            .rfind(char::is_whitespace)
            .map_or(0, |at| at + 1)
            .min(range.start);
        let end = sentence[range.end..]
            .find(char::is_whitespace)
            .map_or(sentence.len(), |at| range.end + at)
            .max(range.end);
        let edited = &sentence[range.clone()];
        // Only a space or a mark changed: read the words it stands between.
        let whole = if edited.chars().any(char::is_alphanumeric) {
            edited
        } else {
            &sentence[start..end]
        };
        whole.trim().to_owned()
    };
    (
        words(old_words, &finding.old),
        words(new_words, &finding.new),
    )
}

/// One house-style event per kind of edit, with its count and a few examples.
pub(super) fn style_events(edits: &[(String, String)]) -> Vec<Event> {
    let mut kinds: BTreeMap<Kind, Vec<&(String, String)>> = BTreeMap::new();
    for edit in edits {
        kinds
            .entry(Kind::of(&edit.0, &edit.1))
            .or_default()
            .push(edit);
    }
    kinds
        .into_iter()
        .map(|(kind, edits)| Event {
            class: EventClass::Style,
            summary: format!("House style: {} ×{}", kind.label(), edits.len()),
            old: None,
            new: None,
            facts: edits
                .iter()
                .take(EXAMPLES)
                .map(|(old, new)| Fact {
                    class: ChangeClass::Minor,
                    text: match (old.is_empty(), new.is_empty()) {
                        (true, _) => format!("“{new}” added"),
                        (_, true) => format!("“{old}” dropped"),
                        _ => format!("“{old}” → “{new}”"),
                    },
                    old: None,
                    new: None,
                })
                .collect(),
            count: edits.len(),
            old_sentence: None,
            new_sentence: None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_are_sorted_by_kind() {
        for (old, new, kind) in [
            ("“flow", "\"flow", Kind::QuoteMarks),
            ("Ten", "Tens", Kind::Wording),
            ("al Numan", "al-Numan", Kind::NameParticles),
            ("al-Numan", "Al-Numan", Kind::NameParticles),
            ("Army", "army", Kind::Capitals),
            ("2015 –", "2015 -", Kind::Dashes),
            ("Defense", "Defence", Kind::Spelling),
            ("medics and NGOs", "medics, NGOs", Kind::Wording),
            ("60,000", "60000", Kind::Punctuation),
            ("around", "about", Kind::Wording),
        ] {
            assert_eq!(Kind::of(old, new), kind, "{old} → {new}");
        }
    }

    #[test]
    fn one_event_per_kind_with_its_count() {
        let edits = [
            ("“a".to_owned(), "\"a".to_owned()),
            ("b”".to_owned(), "b\"".to_owned()),
            ("Army".to_owned(), "army".to_owned()),
        ];
        let events = style_events(&edits);
        let summaries: Vec<&str> = events.iter().map(|e| e.summary.as_str()).collect();
        assert_eq!(
            summaries,
            ["House style: quote marks ×2", "House style: capitals ×1"]
        );
        assert_eq!(events[0].count, 2);
    }
}
