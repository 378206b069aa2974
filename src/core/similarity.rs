//! How alike two passages are in what they say, as opposed to how they are written.
//!
//! Sentence alignment, provenance and corroboration all ask "is this sentence the same
//! statement as that one?" across versions that reword, reorder and restyle. They
//! answer it the same way: each passage becomes the set of its content words (lower
//! case, typography folded, thousands separators dropped, small function words left
//! out), and two sets are compared with the Dice coefficient. Word order and style
//! edits ("Defense"/"Defence" aside) barely move the score; a different statement
//! shares few content words.

use std::hash::{DefaultHasher, Hash as _, Hasher as _};

use unicode_segmentation::UnicodeSegmentation as _;

/// Words that carry no content of their own: articles, pronouns, auxiliaries,
/// conjunctions and the commonest prepositions. Leaving them out keeps two unrelated
/// sentences from looking alike because both say "the … of the … in".
const FUNCTION_WORDS: [&str; 48] = [
    "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "had", "has",
    "have", "he", "her", "his", "in", "into", "is", "it", "its", "of", "on", "or", "she", "so",
    "that", "the", "their", "them", "there", "they", "this", "those", "to", "was", "we", "were",
    "which", "who", "will", "with", "would", "also", "not", "than",
];

/// Typographic variants an editor does not count as a change: curly quotes and
/// apostrophes become straight ones, every dash a hyphen, a non-breaking space a space.
pub fn fold_typography(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '«' | '»' => '"',
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        '\u{00A0}' | '\u{2007}' | '\u{202F}' => ' ',
        other => other,
    }
}

/// The content words of `text`, in order: lower case, typography folded, thousands
/// separators dropped ("60,000" and "60000" are one word), function words left out.
pub fn content_words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.unicode_words().filter_map(|word| {
        let folded = fold_word(word);
        (!is_function_word(&folded)).then_some(folded)
    })
}

/// One word as it is compared: lower case, typography folded, thousands separators
/// dropped.
pub fn fold_word(word: &str) -> String {
    word.chars()
        .map(fold_typography)
        .filter(|c| *c != ',')
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether a folded word (see [`fold_word`]) is a function word, which says nothing of
/// what a passage is about.
pub fn is_function_word(folded: &str) -> bool {
    FUNCTION_WORDS.contains(&folded)
}

/// The content of a passage, ready to compare: its distinct content words, hashed and
/// sorted so that comparing two profiles is one merge of two sorted lists.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Profile {
    words: Vec<u64>,
}

impl Profile {
    /// The profile of `text`.
    pub fn of(text: &str) -> Self {
        let mut words: Vec<u64> = content_words(text).map(|word| hash_word(&word)).collect();
        words.sort_unstable();
        words.dedup();
        Self { words }
    }

    /// Whether the passage has no content words at all.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The number of distinct content words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// The hashed content words, sorted, for callers that index passages by word.
    pub fn words(&self) -> &[u64] {
        &self.words
    }

    /// The profile of two passages read as one (a sentence and the next), for
    /// comparing with a passage that merges them.
    #[must_use]
    pub fn union(&self, other: &Self) -> Self {
        let mut words = Vec::with_capacity(self.words.len() + other.words.len());
        words.extend_from_slice(&self.words);
        words.extend_from_slice(&other.words);
        words.sort_unstable();
        words.dedup();
        Self { words }
    }

    /// How many content words the two passages share.
    pub fn shared(&self, other: &Self) -> usize {
        let (mut i, mut j, mut shared) = (0, 0, 0);
        while i < self.words.len() && j < other.words.len() {
            match self.words[i].cmp(&other.words[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    shared += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        shared
    }

    /// The Dice coefficient of the two sets of content words: 1 when they are the same
    /// words, 0 when they share none (or either has none).
    pub fn similarity(&self, other: &Self) -> f32 {
        let total = self.words.len() + other.words.len();
        if total == 0 {
            return 0.0;
        }
        2.0 * self.shared(other) as f32 / total as f32
    }
}

/// The hash a content word is compared by.
pub fn hash_word(word: &str) -> u64 {
    let mut hasher = DefaultHasher::new();
    word.hash(&mut hasher);
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rewording_keeps_most_of_the_content() {
        let wire = Profile::of(
            "On Tuesday, Russian and Syrian jets intensified their bombing of scattered \
             villages and towns around Maarat al-Numan, with the al-Rahma hospital in the \
             area struck, residents said.",
        );
        let edit = Profile::of(
            "On Tuesday, Russian and Syrian jets intensified their bombing of villages and \
             towns around Maarat al-Numan, and the al-Rahma hospital in the area was \
             struck, residents said.",
        );
        let other = Profile::of("Rescuers there said around 60,000 people had fled.");
        assert!(wire.similarity(&edit) > 0.9, "{}", wire.similarity(&edit));
        assert!(wire.similarity(&other) < 0.2, "{}", wire.similarity(&other));
    }

    #[test]
    fn style_and_typography_do_not_count() {
        let a = Profile::of("The ‘White Helmets’ said 60,000 fled — again.");
        let b = Profile::of("the 'white helmets' said 60000 fled - again");
        assert_eq!(a, b);
        assert!((a.similarity(&b) - 1.0).abs() < f32::EPSILON);
    }

    #[test]
    fn two_passages_read_as_one() {
        let first = Profile::of("Jets struck the hospital.");
        let second = Profile::of("Residents said the hospital was hit.");
        let both = first.union(&second);
        assert_eq!(
            both,
            Profile::of("Jets struck the hospital. Residents said it was hit.")
        );
        assert_eq!(both.len(), 6);
    }

    #[test]
    fn function_words_alone_are_nothing_to_compare() {
        let a = Profile::of("It was in the, and of the.");
        assert!(a.is_empty());
        assert!(a.similarity(&Profile::of("in the")).abs() < f32::EPSILON);
        assert_eq!(Profile::of("Moscow and Damascus").len(), 2);
    }
}
