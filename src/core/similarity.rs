//! How alike two passages are in what they say, as opposed to how they are written.
//!
//! Sentence alignment, provenance and corroboration all ask "is this sentence the same
//! statement as that one?" across versions that reword, reorder and restyle. They
//! answer it the same way: each passage becomes the set of its content words (lower
//! case, typography folded, thousands separators dropped, small function words left
//! out), and two sets are compared with the Dice coefficient. Word order and style
//! edits ("Defense"/"Defence" aside) barely move the score; a different statement
//! shares few content words.

use crate::core::fast_hash::hash_str;
use crate::core::word_bounds::{is_word, word_bounds};

/// Words that carry no content of their own: articles, pronouns, auxiliaries,
/// conjunctions and the commonest prepositions. Leaving them out keeps two unrelated
/// sentences from looking alike because both say "the … of the … in".
const FUNCTION_WORDS: [&str; 48] = [
    "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "had", "has",
    "have", "he", "her", "his", "in", "into", "is", "it", "its", "of", "on", "or", "she", "so",
    "that", "the", "their", "them", "there", "they", "this", "those", "to", "was", "we", "were",
    "which", "who", "will", "with", "would", "also", "not", "than",
];

/// The longest function word, in bytes.
const LONGEST_FUNCTION_WORD: usize = 5;

/// A word of at most 8 bytes as one number, so that looking it up among the function
/// words is a few integer comparisons rather than string comparisons (every word of
/// every compared passage is looked up).
const fn packed(word: &str) -> u64 {
    let bytes = word.as_bytes();
    let mut value = 0_u64;
    let mut at = 0;
    while at < bytes.len() && at < 8 {
        value = (value << 8) | bytes[at] as u64;
        at += 1;
    }
    value
}

/// `FUNCTION_WORDS`, packed.
const PACKED_FUNCTION_WORDS: [u64; FUNCTION_WORDS.len()] = {
    let mut words = [0; FUNCTION_WORDS.len()];
    let mut at = 0;
    while at < words.len() {
        words[at] = packed(FUNCTION_WORDS[at]);
        at += 1;
    }
    words
};

/// Whether `word` (lower case) is one of `FUNCTION_WORDS`.
pub fn is_function_word(word: &str) -> bool {
    word.len() <= LONGEST_FUNCTION_WORD && PACKED_FUNCTION_WORDS.contains(&packed(word))
}

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
    let words = word_bounds(text)
        .map(|(_, token)| token)
        .filter(|token| is_word(token));
    words.filter_map(|word| {
        let mut folded = String::with_capacity(word.len());
        fold_word_into(word, &mut folded);
        (!is_function_word(&folded)).then_some(folded)
    })
}

/// A word as compared across versions: lower case, typography folded, thousands
/// separators dropped ("Syria’s" and "syria's", "60,000" and "60000" are one word).
pub fn fold_word(word: &str) -> String {
    let mut folded = String::with_capacity(word.len());
    fold_word_into(word, &mut folded);
    folded
}

/// Writes the compared form of `word` (see [`fold_word`]) into `folded`.
fn fold_word_into(word: &str, folded: &mut String) {
    if word.is_ascii() {
        folded.extend(
            word.bytes()
                .filter(|&byte| byte != b',')
                .map(|byte| char::from(byte.to_ascii_lowercase())),
        );
    } else {
        folded.extend(
            word.chars()
                .map(fold_typography)
                .filter(|c| *c != ',')
                .flat_map(char::to_lowercase),
        );
    }
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
        // `content_words` without a string per word: profiles are made by the thousand.
        let mut folded = String::new();
        let mut words: Vec<u64> = word_bounds(text)
            .filter(|(_, token)| is_word(token))
            .filter_map(|(_, word)| {
                folded.clear();
                fold_word_into(word, &mut folded);
                (!is_function_word(&folded)).then(|| hash_word(&folded))
            })
            .collect();
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
    hash_str(word)
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
    fn function_words_are_found_packed() {
        assert!(FUNCTION_WORDS.iter().all(|word| is_function_word(word)));
        assert!(
            FUNCTION_WORDS
                .iter()
                .all(|word| word.len() <= LONGEST_FUNCTION_WORD)
        );
        assert!(!is_function_word("said") && !is_function_word("ww") && !is_function_word(""));
        assert!(!is_function_word("thereby"));
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
