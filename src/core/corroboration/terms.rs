//! The terms a claim and a passage are compared by, and how much each one counts.
//!
//! A term is a content word in its base form (see [`super::word_forms`]), weighted by
//! what it is and by how rare it is. A number weighs [`NUMBER_WEIGHT`] times as much as
//! a plain word, a name (a capitalised word that does not open its sentence)
//! [`NAME_WEIGHT`] times and a word for what happened [`EVENT_WEIGHT`] times: two
//! passages that share "60,000", "Tallmannis" or "air strike" are far more likely to
//! be about the same event than two that share "area". And a term in
//! few of the sentences searched weighs more than one in many (see [`Rarity`]): in a
//! story about Syria, sharing "Syrian" or "said" tells little, sharing "hospital" much.
//! Two term sets are compared by a weighted Dice coefficient: twice the weight they
//! share over the weight of both.

use std::collections::HashMap;

use unicode_segmentation::UnicodeSegmentation as _;

use super::word_forms::base_form;
use crate::core::similarity::{fold_word, hash_word, is_function_word};

/// How much a shared number counts, against 1 for a plain word: figures are what a
/// checker looks for, and the same figure is rarely a coincidence.
pub const NUMBER_WEIGHT: u32 = 3;

/// How much a shared name (a person, a place, a weekday) counts, against 1 for a plain
/// word.
pub const NAME_WEIGHT: u32 = 2;

/// How much a shared word for what happened (a strike, a death, a flight: the
/// near-synonyms of `word_forms`) counts, against 1 for a plain word: two passages
/// reporting the same kind of event in the same place are about the same thing even
/// when they share little else.
pub const EVENT_WEIGHT: u32 = 2;

/// One term of a passage.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Term<'t> {
    /// The hash of its base form, which terms are matched by.
    key: u64,
    /// How much what it is counts (a number, a name, a word); the most of its
    /// occurrences.
    emphasis: u32,
    /// How much it counts: its emphasis times its rarity.
    weight: f32,
    /// Its first occurrence, as written, for showing what matched.
    surface: &'t str,
    /// Where that occurrence comes among the passage's words, to list matches in
    /// reading order.
    position: usize,
}

/// The terms of a passage, one per base form.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Terms<'t> {
    /// Sorted by key, so two sets compare in one merge.
    terms: Vec<Term<'t>>,
    /// The sum of the weights.
    total_weight: f32,
}

/// What a word is matched by, worked out once per distinct word.
#[derive(Clone, Copy, Debug)]
struct Form {
    /// The hash of its base form.
    key: u64,
    /// How much it counts for what it is, before its place in the sentence (a name
    /// opening a sentence is not told from a plain word).
    emphasis: Emphasis,
}

/// What kind of word a term is, as far as its weight goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Emphasis {
    /// A number ("60,000", "3.5").
    Number,
    /// A word for what happened (see [`EVENT_WEIGHT`]).
    Event,
    /// Any other word; a name when capitalised inside a sentence.
    Word,
}

/// The forms of the words met so far, so that each distinct word of a long text is
/// folded and stemmed once rather than at every occurrence.
#[derive(Default)]
pub(super) struct FormCache<'t> {
    /// For each word as written, its form, or `None` for a function word.
    forms: HashMap<&'t str, Option<Form>>,
}

impl<'t> FormCache<'t> {
    /// The form of `word`, or `None` when it is a function word.
    fn form(&mut self, word: &'t str) -> Option<Form> {
        *self.forms.entry(word).or_insert_with(|| {
            let folded = fold_word(word);
            if is_function_word(&folded) {
                return None;
            }
            let is_number = folded.starts_with(|c: char| c.is_ascii_digit())
                && folded.chars().all(|c| c.is_ascii_digit() || c == '.');
            if is_number {
                return Some(Form {
                    key: hash_word(&folded),
                    emphasis: Emphasis::Number,
                });
            }
            let base = base_form(&folded);
            Some(Form {
                key: hash_word(&base.key),
                emphasis: if base.names_an_event {
                    Emphasis::Event
                } else {
                    Emphasis::Word
                },
            })
        })
    }
}

impl<'t> Terms<'t> {
    /// The terms of one sentence. Its first word is not taken for a name, since every
    /// sentence opens with a capital.
    pub fn of_sentence(sentence: &'t str, forms: &mut FormCache<'t>) -> Self {
        let mut terms: Vec<Term<'t>> = Vec::new();
        for (position, word) in sentence.unicode_words().enumerate() {
            let Some(form) = forms.form(word) else {
                continue;
            };
            let emphasis = match form.emphasis {
                Emphasis::Number => NUMBER_WEIGHT,
                Emphasis::Event => EVENT_WEIGHT,
                Emphasis::Word if position > 0 && word.starts_with(char::is_uppercase) => {
                    NAME_WEIGHT
                }
                Emphasis::Word => 1,
            };
            terms.push(Term {
                key: form.key,
                emphasis,
                weight: emphasis as f32,
                surface: word,
                position,
            });
        }
        Self::from_occurrences(terms)
    }

    /// The set of the occurrences' terms: one per key, with the most emphasis (and
    /// weight) and the first occurrence.
    fn from_occurrences(mut occurrences: Vec<Term<'t>>) -> Self {
        occurrences.sort_by_key(|term| (term.key, term.position));
        let mut terms: Vec<Term<'t>> = Vec::with_capacity(occurrences.len());
        for occurrence in occurrences {
            match terms.last_mut() {
                Some(last) if last.key == occurrence.key => {
                    if occurrence.emphasis > last.emphasis {
                        last.emphasis = occurrence.emphasis;
                        last.weight = occurrence.weight;
                    }
                }
                _ => terms.push(occurrence),
            }
        }
        let total_weight = terms.iter().map(|term| term.weight).sum();
        Self {
            terms,
            total_weight,
        }
    }

    /// Weighs each term by its emphasis and its rarity among the sentences searched.
    pub fn weigh(&mut self, rarity: &Rarity) {
        for term in &mut self.terms {
            term.weight = term.emphasis as f32 * rarity.weight(term.key);
        }
        self.total_weight = self.terms.iter().map(|term| term.weight).sum();
    }

    /// Whether there is nothing to compare.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The terms of this passage followed by `next`, read as one.
    #[must_use]
    pub fn followed_by(&self, next: &Self) -> Self {
        let offset = self.terms.iter().map(|term| term.position + 1).max();
        let shifted = next.terms.iter().map(|term| Term {
            position: term.position + offset.unwrap_or(0),
            ..*term
        });
        Self::from_occurrences(self.terms.iter().copied().chain(shifted).collect())
    }

    /// How alike the two are (weighted Dice, 0 to 1) and the terms they share, as this
    /// passage writes them, in its reading order.
    pub fn compare(&self, other: &Terms<'_>) -> (f32, Vec<&'t str>) {
        let total = self.total_weight + other.total_weight;
        if total <= 0.0 {
            return (0.0, Vec::new());
        }
        let (mut i, mut j) = (0, 0);
        let mut shared_weight = 0.0;
        let mut shared: Vec<&Term<'t>> = Vec::new();
        while let (Some(mine), Some(theirs)) = (self.terms.get(i), other.terms.get(j)) {
            match mine.key.cmp(&theirs.key) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    shared_weight += mine.weight.min(theirs.weight);
                    shared.push(mine);
                    i += 1;
                    j += 1;
                }
            }
        }
        shared.sort_by_key(|term| term.position);
        let similarity = 2.0 * shared_weight / total;
        (
            similarity,
            shared.into_iter().map(|term| term.surface).collect(),
        )
    }
}

/// How rare each term is among the sentences searched, as an inverse document
/// frequency: ln((sentences + 1) / (sentences with the term + 1)) + 1, from 1 for a term
/// in every sentence up to about 10 for one in none of a million.
#[derive(Clone, Debug, Default)]
pub(super) struct Rarity {
    /// How many sentences were counted.
    sentences: usize,
    /// For each term, how many of them it is in.
    sentences_with: HashMap<u64, usize>,
}

impl Rarity {
    /// Counts the terms of each sentence searched.
    pub fn of<'a, 't: 'a>(sentences: impl IntoIterator<Item = &'a Terms<'t>>) -> Self {
        let mut rarity = Self::default();
        for terms in sentences {
            rarity.sentences += 1;
            for term in &terms.terms {
                *rarity.sentences_with.entry(term.key).or_default() += 1;
            }
        }
        rarity
    }

    /// The weight a term's rarity gives it.
    fn weight(&self, key: u64) -> f32 {
        let with = self.sentences_with.get(&key).copied().unwrap_or(0);
        ((self.sentences + 1) as f32 / (with + 1) as f32).ln() + 1.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(sentence: &str) -> Terms<'_> {
        Terms::of_sentence(sentence, &mut FormCache::default())
    }

    #[test]
    fn numbers_names_and_events_weigh_more_than_words() {
        let found = terms("Rescuers said 60,000 fled Maarat al-Numan.");
        let weights: Vec<(&str, u32)> = {
            let mut by_position = found.terms.clone();
            by_position.sort_by_key(|term| term.position);
            by_position
                .iter()
                .map(|t| (t.surface, t.emphasis))
                .collect()
        };
        assert_eq!(
            weights,
            [
                ("Rescuers", 1),
                ("said", 1),
                ("60,000", NUMBER_WEIGHT),
                ("fled", EVENT_WEIGHT),
                ("Maarat", NAME_WEIGHT),
                ("al", 1),
                ("Numan", NAME_WEIGHT),
            ]
        );
        assert!((found.total_weight - 12.0).abs() < 1e-6);
    }

    #[test]
    fn shared_terms_are_listed_as_the_passage_writes_them() {
        let claim = terms("The hospital was struck by jets, killing 3.");
        let passage = terms("Three died when an air strike hit a clinic; 3 bodies were found.");
        let (similarity, shared) = passage.compare(&claim);
        assert_eq!(shared, ["died", "strike", "clinic", "3"]);
        // Hospital, strike, jet, kill and 3 (weighing 2 + 2 + 1 + 2 + 3) against three,
        // die, when, air, strike, hit, clinic, 3, body and found (15): kill, strike,
        // hospital and 3 shared, weighing 9.
        assert!((similarity - 18.0 / 25.0).abs() < 1e-6, "{similarity}");
        assert!((claim.compare(&passage).0 - similarity).abs() < 1e-6);
    }

    #[test]
    fn a_term_in_every_sentence_counts_least() {
        let searched = [terms("Syrian jets struck."), terms("Syrian rebels fled.")];
        let rarity = Rarity::of(&searched);
        let mut claim = terms("Syrian jets");
        claim.weigh(&rarity);
        let weight = |surface: &str| {
            let term = claim.terms.iter().find(|t| t.surface == surface).unwrap();
            term.weight
        };
        assert!((weight("Syrian") - 1.0).abs() < 1e-6);
        assert!((weight("jets") - (1.5_f32.ln() + 1.0)).abs() < 1e-6);
        // A term found nowhere is as rare as can be.
        assert!(rarity.weight(hash_word("tallmannis")) > weight("jets"));
    }

    #[test]
    fn two_sentences_read_as_one_keep_their_order() {
        let first = terms("Jets struck Idlib.");
        let both = first.followed_by(&terms("Idlib residents fled."));
        let (_, shared) = both.compare(&terms("residents of Idlib fled the strikes"));
        assert_eq!(shared, ["struck", "Idlib", "residents", "fled"]);
        assert!(terms("It was.").is_empty());
    }
}
