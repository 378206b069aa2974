//! Source sentences, searchable by their content words, so that finding the closest
//! source sentence for every sentence of a 1 MB text does not compare every pair.
//!
//! Each content word lists the sentences it is in (an inverted index); a published
//! sentence meets only the source sentences it shares a word with, counting shared
//! words as it goes, and the count gives the Dice similarity directly. Two things keep
//! this fast on long, repetitive copy, where a handful of words ("said", "Syrian") are
//! in thousands of sentences:
//! - sentences with exactly the same content words are indexed once, as the first of
//!   them (a file of wire updates repeats many sentences word for word);
//! - the [`COMMON_WORDS`] most frequent words are not listed. Each sentence instead
//!   carries a 64-bit mask of which of them it holds, so shared common words are counted
//!   with one AND. A sentence whose common words alone could make a match is still
//!   found: then every indexed sentence is compared by mask, which is rare and cheap.
//!
//! The results are exactly those of comparing every pair.

use std::collections::HashMap;
use std::ops::Range;

use crate::core::similarity::Profile;

/// How many of the most frequent words are counted by mask instead of listed.
const COMMON_WORDS: usize = 64;

/// A word is counted by mask only when it is in at least this many indexed sentences;
/// below that its list is short anyway, and short texts are indexed plainly.
const COMMON_WORD_MIN_SENTENCES: usize = 32;

/// Below this similarity the best single sentence may be half of what the published
/// sentence says, so two neighbouring sentences read as one are tried as well; above
/// it the sentence is plainly the same one, lightly edited.
const MERGE_BELOW_SIMILARITY: f32 = 0.8;

/// One sentence of a source document.
#[derive(Clone, Debug)]
pub(super) struct SourceSentence {
    /// The source document's position in the list of sources.
    pub document: usize,
    /// Where the sentence is in that document, in code points.
    pub chars: Range<usize>,
    /// Its content words.
    pub profile: Profile,
}

/// The closest source passage found for a sentence: one source sentence, or two
/// neighbouring ones that the sentence merges.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Match {
    /// The first source sentence, as an index into [`SentenceIndex::sentence`].
    pub first: usize,
    /// The last source sentence: `first`, or the one after it for a merge.
    pub last: usize,
    /// The Dice similarity of the content words.
    pub similarity: f32,
}

/// Source sentences and the index over their content words.
pub(super) struct SentenceIndex {
    /// Every source sentence, in order: by document, then by position.
    sentences: Vec<SourceSentence>,
    /// The indexed sentences: the first of each set of identical content words.
    distinct: Vec<usize>,
    /// For each word that is not common, the indexed sentences holding it, in order.
    postings: HashMap<u64, Vec<usize>>,
    /// For each common word, its bit in the masks.
    common_bits: HashMap<u64, u32>,
    /// For each sentence, which common words it holds.
    masks: Vec<u64>,
}

impl SentenceIndex {
    /// Indexes `sentences`, given in order (by document, then by position) so that ties
    /// and merges follow the order of the text.
    pub fn new(sentences: Vec<SourceSentence>) -> Self {
        let mut first_with_words: HashMap<&[u64], usize> = HashMap::new();
        let mut distinct = Vec::new();
        for (index, sentence) in sentences.iter().enumerate() {
            let words = sentence.profile.words();
            if !words.is_empty() && !first_with_words.contains_key(words) {
                first_with_words.insert(words, index);
                distinct.push(index);
            }
        }

        let mut sentences_with_word: HashMap<u64, usize> = HashMap::new();
        for &index in &distinct {
            for &word in sentences[index].profile.words() {
                *sentences_with_word.entry(word).or_default() += 1;
            }
        }
        let mut common: Vec<(u64, usize)> = sentences_with_word
            .into_iter()
            .filter(|&(_, count)| count >= COMMON_WORD_MIN_SENTENCES)
            .collect();
        common.sort_unstable_by_key(|&(word, count)| (std::cmp::Reverse(count), word));
        let common_bits: HashMap<u64, u32> = common
            .into_iter()
            .take(COMMON_WORDS)
            .zip(0..)
            .map(|((word, _), bit)| (word, bit))
            .collect();

        let mut postings: HashMap<u64, Vec<usize>> = HashMap::new();
        let mut masks = vec![0_u64; sentences.len()];
        for &index in &distinct {
            for &word in sentences[index].profile.words() {
                match common_bits.get(&word) {
                    Some(bit) => masks[index] |= 1 << bit,
                    None => postings.entry(word).or_default().push(index),
                }
            }
        }
        Self {
            sentences,
            distinct,
            postings,
            common_bits,
            masks,
        }
    }

    /// The source sentence at `index` (as in a [`Match`]).
    pub fn sentence(&self, index: usize) -> Option<&SourceSentence> {
        self.sentences.get(index)
    }

    /// A searcher with its own scratch space, reused from one query to the next.
    pub fn searcher(&self) -> Searcher<'_> {
        Searcher {
            index: self,
            shared_rare: vec![0; self.sentences.len()],
            touched: Vec::new(),
        }
    }
}

/// A candidate's similarity as the exact fraction 2·shared / total, so that candidates
/// compare without rounding and ties go to the earlier sentence.
#[derive(Clone, Copy, Debug)]
struct Score {
    /// Content words shared with the query.
    shared: usize,
    /// Distinct content words of the query and the candidate together (counted twice
    /// when shared, as Dice counts them).
    total: usize,
    /// The candidate, as an index into the source sentences.
    sentence: usize,
}

impl Score {
    /// Whether this candidate is more similar than `other`, or as similar and earlier.
    fn beats(&self, other: &Self) -> bool {
        let this = self.shared * other.total;
        let that = other.shared * self.total;
        this > that || (this == that && self.sentence < other.sentence)
    }

    /// The Dice similarity.
    fn similarity(&self) -> f32 {
        if self.total == 0 {
            return 0.0;
        }
        2.0 * self.shared as f32 / self.total as f32
    }
}

/// Looks up sentences in a [`SentenceIndex`], counting shared words in scratch space
/// that is cleared after each query.
pub(super) struct Searcher<'i> {
    /// The index searched.
    index: &'i SentenceIndex,
    /// For each source sentence, the listed (not common) words it shares with the query.
    shared_rare: Vec<usize>,
    /// The sentences whose count is not zero, to clear them afterwards.
    touched: Vec<usize>,
}

impl Searcher<'_> {
    /// The source passage most similar to `profile`, if one is at least
    /// `min_similarity` alike. When no single sentence is [`MERGE_BELOW_SIMILARITY`]
    /// alike, two neighbouring sentences read as one are tried too, since an edit often
    /// joins two sentences of the wire; the pair wins only when it is more alike.
    pub fn best_match(&mut self, profile: &Profile, min_similarity: f32) -> Option<Match> {
        let index = self.index;
        let query_words = profile.words().len();
        let mut query_mask = 0_u64;
        for word in profile.words() {
            if let Some(bit) = index.common_bits.get(word) {
                query_mask |= 1 << bit;
                continue;
            }
            for &sentence in index.postings.get(word).into_iter().flatten() {
                if self.shared_rare[sentence] == 0 {
                    self.touched.push(sentence);
                }
                self.shared_rare[sentence] += 1;
            }
        }
        let score = |sentence: usize, shared_rare: usize| Score {
            shared: shared_rare + (query_mask & index.masks[sentence]).count_ones() as usize,
            total: query_words + index.sentences[sentence].profile.len(),
            sentence,
        };

        let mut best: Option<Score> = None;
        for &sentence in &self.touched {
            let candidate = score(sentence, self.shared_rare[sentence]);
            if best.is_none_or(|best| candidate.beats(&best)) {
                best = Some(candidate);
            }
        }
        // Sentences sharing only common words were not met above; look at them when
        // those words alone could make a better match.
        let common_in_query = query_mask.count_ones() as usize;
        let reachable = Score {
            shared: common_in_query,
            total: query_words + common_in_query,
            sentence: 0,
        };
        let worth_scanning = common_in_query > 0
            && reachable.similarity() >= min_similarity
            && best.is_none_or(|best| reachable.beats(&best));
        if worth_scanning {
            for &sentence in &index.distinct {
                if self.shared_rare[sentence] > 0 || query_mask & index.masks[sentence] == 0 {
                    continue;
                }
                let candidate = score(sentence, 0);
                if best.is_none_or(|best| candidate.beats(&best)) {
                    best = Some(candidate);
                }
            }
        }

        let merged = match best {
            Some(best) if best.similarity() < MERGE_BELOW_SIMILARITY => self.best_merge(profile),
            _ => None,
        };
        for &sentence in &self.touched {
            self.shared_rare[sentence] = 0;
        }
        self.touched.clear();

        let best = best?;
        let single = Match {
            first: best.sentence,
            last: best.sentence,
            similarity: best.similarity(),
        };
        let found = match merged {
            Some(merged) if merged.similarity > single.similarity => merged,
            _ => single,
        };
        (found.similarity >= min_similarity).then_some(found)
    }

    /// The best pair of neighbouring source sentences read as one, around the two
    /// sentences sharing the most listed words with the query (the counts of the query
    /// just run must still be in place).
    fn best_merge(&self, profile: &Profile) -> Option<Match> {
        const MERGE_SEEDS: usize = 2;
        let index = self.index;
        let mut seeds: Vec<usize> = self.touched.clone();
        seeds.sort_unstable_by_key(|&sentence| {
            (std::cmp::Reverse(self.shared_rare[sentence]), sentence)
        });
        seeds.truncate(MERGE_SEEDS);

        let mut best: Option<(Score, usize)> = None;
        for seed in seeds {
            let pairs = [
                seed.checked_sub(1).map(|before| (before, seed)),
                Some((seed, seed + 1)),
            ];
            for (first, last) in pairs.into_iter().flatten() {
                let (Some(first_sentence), Some(last_sentence)) =
                    (index.sentences.get(first), index.sentences.get(last))
                else {
                    continue;
                };
                if first_sentence.document != last_sentence.document {
                    continue;
                }
                let together = first_sentence.profile.union(&last_sentence.profile);
                let candidate = Score {
                    shared: profile.shared(&together),
                    total: profile.len() + together.len(),
                    sentence: first,
                };
                if best.is_none_or(|(best, _)| candidate.beats(&best)) {
                    best = Some((candidate, last));
                }
            }
        }
        best.map(|(score, last)| Match {
            first: score.sentence,
            last,
            similarity: score.similarity(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(texts: &[&str]) -> Vec<SourceSentence> {
        texts
            .iter()
            .enumerate()
            .map(|(position, text)| SourceSentence {
                document: 0,
                chars: position..position + 1,
                profile: Profile::of(text),
            })
            .collect()
    }

    /// The best single sentence by comparing every pair, ties to the earliest.
    fn best_by_brute_force(all: &[SourceSentence], query: &Profile) -> Option<(usize, f32)> {
        let mut best: Option<(usize, f32)> = None;
        for (index, sentence) in all.iter().enumerate() {
            let similarity = query.similarity(&sentence.profile);
            if similarity > 0.0 && best.is_none_or(|(_, best)| similarity > best) {
                best = Some((index, similarity));
            }
        }
        best
    }

    /// A deterministic corpus where a few words are in most sentences, so the masks are
    /// used, with sentences repeated word for word.
    fn corpus() -> Vec<String> {
        let common = [
            "said", "syrian", "army", "rebels", "town", "people", "tuesday",
        ];
        let mut state = 0x2545_f491_u64;
        let mut next = move |below: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            usize::try_from(state % below as u64).unwrap()
        };
        (0..400)
            .map(|n| {
                if n % 10 == 9 {
                    return "The Syrian army said rebels left the town.".to_owned();
                }
                let mut words: Vec<String> = (0..next(6) + 2)
                    .map(|_| common[next(common.len())].to_owned())
                    .collect();
                words.extend((0..next(5)).map(|_| format!("word{}", next(300))));
                words.join(" ")
            })
            .collect()
    }

    #[test]
    fn the_index_finds_what_comparing_every_pair_finds() {
        let texts = corpus();
        let all = sentences(&texts.iter().map(String::as_str).collect::<Vec<_>>());
        let index = SentenceIndex::new(all.clone());
        assert!(!index.common_bits.is_empty(), "the masks are exercised");
        let mut searcher = index.searcher();
        let queries = texts.iter().map(String::as_str).chain([
            "Syrian army",
            "said Tuesday",
            "word7 word8 people",
            "nothing shared",
        ]);
        for query in queries {
            let profile = Profile::of(query);
            let expected = best_by_brute_force(&all, &profile);
            let found = searcher
                .best_match(&profile, 0.0)
                .map(|found| (found.first, found.similarity));
            match (expected, found) {
                (Some((_, expected)), Some((sentence, similarity))) => {
                    assert!((expected - similarity).abs() < 1e-6, "{query}");
                    let chosen = all[sentence].profile.similarity(&profile);
                    assert!((chosen - expected).abs() < 1e-6, "{query}");
                }
                (None, None) => {}
                other => panic!("{query}: {other:?}"),
            }
        }
    }

    #[test]
    fn repeated_sentences_are_indexed_once_and_the_first_is_found() {
        let index = SentenceIndex::new(sentences(&["Jets struck.", "Jets struck!", "Rain."]));
        assert_eq!(index.distinct, [0, 2]);
        let found = index
            .searcher()
            .best_match(&Profile::of("jets struck"), 0.5)
            .unwrap();
        assert_eq!((found.first, found.last), (0, 0));
    }

    #[test]
    fn two_neighbouring_sentences_can_make_one_match() {
        let index = SentenceIndex::new(sentences(&[
            "Government forces seized a highway near Khan Sheikhoun.",
            "Rebels concede most fighters fled the town.",
            "Moscow denies bombing civilians.",
        ]));
        let merged = Profile::of(
            "Government forces seized a highway near Khan Sheikhoun, and rebels concede \
             most fighters fled.",
        );
        let found = index.searcher().best_match(&merged, 0.5).unwrap();
        assert_eq!((found.first, found.last), (0, 1));
        assert!(found.similarity > 0.9, "{}", found.similarity);
        let single = index
            .searcher()
            .best_match(&Profile::of("Moscow denies bombing civilians"), 0.5)
            .unwrap();
        assert_eq!((single.first, single.last), (2, 2));
    }
}
