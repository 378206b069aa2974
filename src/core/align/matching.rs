//! Pairing sentences that say nearly the same thing: which old sentence became which
//! reworded new one, and which were moved.
//!
//! Comparing every deleted sentence with every inserted one is quadratic: fine for the
//! handful in a reworded paragraph, not for the thousands left over when two long
//! texts differ a lot. So candidates are found through an index of the new sentences
//! by content word, probing only the rarest words of each old sentence: enough of
//! them that any sentence similar enough must share at least one (prefix filtering).

use std::collections::{BTreeMap, HashMap};

use crate::core::similarity::Profile;

/// Below this many old × new sentences, every pair is compared directly.
const DIRECT_COMPARISONS: usize = 1024;

/// At most this many candidates are kept for one old sentence (the most similar): a
/// text that repeats one sentence a thousand times must not make a million pairs.
const CANDIDATES_PER_SENTENCE: usize = 16;

/// Words that more new sentences than this hold are not used to find candidates, for
/// the same reason. Only texts that repeat a sentence hundreds of times reach it, and
/// their repeats are paired by key before this runs.
const LONGEST_POSTING_LIST: usize = 1000;

/// At most this many pairs of sentences are compared in one search through the index,
/// and at most `VISIT_BUDGET` entries of the index looked at (each about 20 ms of
/// work). Past either, the remaining old sentences get no candidates: two long
/// unrelated texts, where every sentence shares common words with thousands of others,
/// then come out as deleted and inserted (as they should) instead of after a quadratic
/// wait.
const COMPARISON_BUDGET: usize = 100_000;

/// See `COMPARISON_BUDGET`.
const VISIT_BUDGET: usize = 10_000_000;

/// A possible pairing of an old and a new unit and how alike they are.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Candidate {
    /// The old unit.
    pub old: usize,
    /// The new unit.
    pub new: usize,
    /// Dice similarity of their content words, 0 to 1.
    pub similarity: f32,
}

/// The pairs of an old unit from `olds` and a new unit from `news` whose content words
/// are at least `threshold` similar (at most `CANDIDATES_PER_SENTENCE` per old unit).
/// `old_profiles`/`new_profiles` are indexed by unit and must hold the profiles of
/// the units asked about; a unit without one pairs with nothing.
pub(super) fn similar_pairs(
    olds: &[usize],
    news: &[usize],
    old_profiles: &[Option<Profile>],
    new_profiles: &[Option<Profile>],
    threshold: f32,
) -> Vec<Candidate> {
    let news: Vec<(usize, &Profile)> = news
        .iter()
        .filter_map(|&unit| profile_of(new_profiles, unit).map(|p| (unit, p)))
        .collect();
    let olds: Vec<(usize, &Profile)> = olds
        .iter()
        .filter_map(|&unit| profile_of(old_profiles, unit).map(|p| (unit, p)))
        .collect();
    if olds.len().saturating_mul(news.len()) <= DIRECT_COMPARISONS {
        compare_directly(&olds, &news, threshold)
    } else {
        compare_through_index(&olds, &news, threshold)
    }
}

/// The profile of `unit`, if it has one with any content word.
fn profile_of(profiles: &[Option<Profile>], unit: usize) -> Option<&Profile> {
    profiles
        .get(unit)
        .and_then(Option::as_ref)
        .filter(|profile| !profile.is_empty())
}

/// `similar_pairs` by comparing every old unit with every new one.
fn compare_directly(
    olds: &[(usize, &Profile)],
    news: &[(usize, &Profile)],
    threshold: f32,
) -> Vec<Candidate> {
    let mut candidates = Vec::new();
    for &(old, old_profile) in olds {
        let start = candidates.len();
        for &(new, new_profile) in news {
            let similarity = old_profile.similarity(new_profile);
            if similarity >= threshold {
                candidates.push(Candidate {
                    old,
                    new,
                    similarity,
                });
            }
        }
        keep_best(&mut candidates, start);
    }
    candidates
}

/// `similar_pairs` through an index of the new units by content word.
fn compare_through_index(
    olds: &[(usize, &Profile)],
    news: &[(usize, &Profile)],
    threshold: f32,
) -> Vec<Candidate> {
    let mut postings: HashMap<u64, Vec<usize>> = HashMap::new();
    for (position, (_, new_profile)) in news.iter().enumerate() {
        for &word in new_profile.words() {
            postings.entry(word).or_default().push(position);
        }
    }
    let mut candidates = Vec::new();
    let mut seen_by = vec![usize::MAX; news.len()];
    let mut words: Vec<(usize, u64)> = Vec::new();
    let mut comparisons_left = COMPARISON_BUDGET;
    let mut visits_left = VISIT_BUDGET;
    for (probe, &(old, old_profile)) in olds.iter().enumerate() {
        words.clear();
        words.extend(
            old_profile
                .words()
                .iter()
                .map(|word| (postings.get(word).map_or(0, Vec::len), *word)),
        );
        words.sort_unstable();
        let start = candidates.len();
        for (_, word) in words.iter().take(probe_length(words.len(), threshold)) {
            let Some(positions) = postings.get(word) else {
                continue;
            };
            if positions.len() > LONGEST_POSTING_LIST {
                continue;
            }
            let Some(left) = visits_left.checked_sub(positions.len()) else {
                keep_best(&mut candidates, start);
                return candidates;
            };
            visits_left = left;
            for &position in positions {
                let (Some(seen), Some(&(new, new_profile))) =
                    (seen_by.get_mut(position), news.get(position))
                else {
                    continue;
                };
                if *seen == probe {
                    continue;
                }
                *seen = probe;
                let Some(left) = comparisons_left.checked_sub(1) else {
                    keep_best(&mut candidates, start);
                    return candidates;
                };
                comparisons_left = left;
                let similarity = old_profile.similarity(new_profile);
                if similarity >= threshold {
                    candidates.push(Candidate {
                        old,
                        new,
                        similarity,
                    });
                }
            }
        }
        keep_best(&mut candidates, start);
    }
    candidates
}

/// How many of a sentence's `words` (rarest first) must be probed so that every
/// sentence at least `threshold` similar shares one of them. Dice ≥ t needs at least
/// t·n/(2 − t) shared words, so any n − that + 1 words of the sentence include one of
/// them.
fn probe_length(words: usize, threshold: f32) -> usize {
    let threshold = f64::from(threshold.clamp(0.0, 1.0));
    let needed = (threshold * words as f64 / (2.0 - threshold)).floor();
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "a non-negative count no larger than `words`"
    )]
    let needed = (needed as usize).max(1);
    words.saturating_sub(needed) + 1
}

/// Keeps the `CANDIDATES_PER_SENTENCE` best of the candidates from `start` on.
fn keep_best(candidates: &mut Vec<Candidate>, start: usize) {
    if let Some(found) = candidates.get_mut(start..)
        && found.len() > CANDIDATES_PER_SENTENCE
    {
        sort_best_first(found);
        candidates.truncate(start + CANDIDATES_PER_SENTENCE);
    }
}

/// Most similar first; ties in reading order, so pairing is deterministic.
fn sort_best_first(candidates: &mut [Candidate]) {
    candidates.sort_by(|a, b| {
        b.similarity
            .total_cmp(&a.similarity)
            .then(a.old.cmp(&b.old))
            .then(a.new.cmp(&b.new))
    });
}

/// One-to-one pairs from `candidates`, best first, that keep the reading order of both
/// texts (no pair crosses another): the reworded sentences of one changed passage.
/// Returned in reading order.
pub(super) fn pair_in_order(mut candidates: Vec<Candidate>) -> Vec<Candidate> {
    sort_best_first(&mut candidates);
    let mut chosen: BTreeMap<usize, Candidate> = BTreeMap::new();
    for candidate in candidates {
        if chosen.contains_key(&candidate.old) {
            continue;
        }
        let before_ok = chosen
            .range(..candidate.old)
            .next_back()
            .is_none_or(|(_, before)| before.new < candidate.new);
        let after_ok = chosen
            .range(candidate.old + 1..)
            .next()
            .is_none_or(|(_, after)| after.new > candidate.new);
        if before_ok && after_ok {
            chosen.insert(candidate.old, candidate);
        }
    }
    chosen.into_values().collect()
}

/// One-to-one pairs from `candidates`, best first, in any order: moved sentences.
/// `old_taken`/`new_taken` (indexed by unit) say which units are already paired and
/// are updated.
pub(super) fn pair_freely(
    mut candidates: Vec<Candidate>,
    old_taken: &mut [bool],
    new_taken: &mut [bool],
) -> Vec<Candidate> {
    sort_best_first(&mut candidates);
    let mut chosen = Vec::new();
    for candidate in candidates {
        let (Some(old_taken), Some(new_taken)) = (
            old_taken.get_mut(candidate.old),
            new_taken.get_mut(candidate.new),
        ) else {
            continue;
        };
        if *old_taken || *new_taken {
            continue;
        }
        *old_taken = true;
        *new_taken = true;
        chosen.push(candidate);
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_index_finds_what_direct_comparison_finds() {
        let sentences: Vec<String> = (0..300)
            .map(|i| {
                format!(
                    "Rescuers counted {} families leaving district {} near town {}",
                    i % 40,
                    i % 7,
                    i % 5
                )
            })
            .collect();
        let profiles: Vec<Profile> = sentences.iter().map(|s| Profile::of(s)).collect();
        let units: Vec<(usize, &Profile)> = profiles.iter().enumerate().collect();
        let (olds, news) = units.split_at(100);
        for threshold in [0.5, 0.8, 0.95] {
            let mut by_index = compare_through_index(olds, news, threshold);
            let mut direct = compare_directly(olds, news, threshold);
            assert!(!direct.is_empty());
            for found in [&mut by_index, &mut direct] {
                sort_best_first(found);
            }
            assert_eq!(by_index, direct, "threshold {threshold}");
        }
    }

    #[test]
    fn a_search_stops_at_its_budget() {
        let profile = Profile::of("Rescuers counted families leaving the district near the town");
        let units: Vec<(usize, &Profile)> = (0..600).map(|unit| (unit, &profile)).collect();
        let found = compare_through_index(&units, &units, 0.5);
        // Every pair is similar, but only the budget's worth were compared, and each
        // old sentence keeps at most its best few.
        assert!(found.len() <= COMPARISON_BUDGET.min(600 * CANDIDATES_PER_SENTENCE));
        assert!(found.iter().all(|candidate| candidate.old < 600));
        assert!(found.iter().any(|candidate| candidate.old == 0));
        assert!(!found.iter().any(|candidate| candidate.old == 599));
    }

    #[test]
    fn probing_enough_words() {
        assert_eq!(probe_length(10, 0.8), 10 - 6 + 1);
        assert_eq!(probe_length(1, 0.8), 1);
        assert_eq!(probe_length(3, 0.0), 3);
    }

    #[test]
    fn ordered_pairs_do_not_cross() {
        let candidate = |old, new, similarity| Candidate {
            old,
            new,
            similarity,
        };
        let pairs = pair_in_order(vec![
            candidate(0, 1, 0.9),
            candidate(1, 0, 0.95),
            candidate(0, 0, 0.6),
            candidate(2, 2, 0.7),
        ]);
        assert_eq!(pairs, [candidate(1, 0, 0.95), candidate(2, 2, 0.7)]);
        let (mut old_taken, mut new_taken) = (vec![false; 3], vec![false; 3]);
        let free = pair_freely(
            vec![candidate(0, 1, 0.9), candidate(1, 1, 0.95)],
            &mut old_taken,
            &mut new_taken,
        );
        assert_eq!(free, [candidate(1, 1, 0.95)]);
        assert_eq!(old_taken, [false, true, false]);
    }
}
