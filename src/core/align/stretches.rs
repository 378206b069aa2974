//! Which sentence matches which: the matching behind an alignment, before it is laid
//! out as rows.
//!
//! The matching is always worked out in one canonical direction (the text with the
//! smaller key sequence as the old one) and turned round when asked the other way, so
//! that swapping the two versions swaps deleted and inserted and changes nothing else
//! (see `core::sequence_diff`).

use std::collections::{HashMap, VecDeque};
use std::ops::Range;
use std::time::Instant;

use similar::{Algorithm, DiffTag};

use crate::core::sequence_diff::diff_keys;
use crate::core::similarity::Profile;

use super::matching::{Candidate, pair_freely, pair_in_order, similar_pairs};
use super::units::PreparedText;

/// How alike (content-word Dice similarity) an old and a new sentence between the same
/// two kept sentences must be to count as one sentence reworded.
const CHANGED_SIMILARITY: f32 = 0.5;

/// How alike a lone old sentence and a lone new one between the same two kept
/// sentences must be to count as one sentence reworded: any content word in common will
/// do, since there is no other sentence either could be ("said Abdullah Younis" →
/// "said Abdul Rahman" is a correction, not a new sentence).
const LONE_PAIR_SIMILARITY: f32 = f32::MIN_POSITIVE;

/// How alike a deleted and an inserted sentence elsewhere must be to count as one
/// sentence moved. Higher than for rewording in place: two sentences far apart are
/// more often merely on the same subject.
pub(super) const MOVED_SIMILARITY: f32 = 0.8;

/// A stretch of the two texts between sentences that matched by key, where the old
/// sentences left over are paired with the new ones left over.
pub(super) struct Gap {
    /// The old units in it.
    pub old: Range<usize>,
    /// The new units in it.
    pub new: Range<usize>,
    /// Pairs of a reworded old and new sentence, in reading order.
    pub pairs: Vec<Candidate>,
}

/// A part of the matching, in order on both sides.
pub(super) enum Stretch {
    /// `length` units equal by key, from `old_start` and `new_start`.
    Same {
        /// The first old unit.
        old_start: usize,
        /// The first new unit.
        new_start: usize,
        /// How many units on each side.
        length: usize,
    },
    /// Units that are not.
    Gap(Gap),
}

/// Which old sentence matches which new one.
pub(super) struct Matching {
    /// Both texts, in order, as runs of equal sentences and gaps between them.
    pub stretches: Vec<Stretch>,
    /// Sentences that moved, in no particular order.
    pub moves: Vec<Candidate>,
}

impl Matching {
    /// Matches the sentences of `old` and `new`; the longest common subsequence (by the
    /// Hunt–Szymanski algorithm, fast when most sentences match few others, as in
    /// edited copy) settles for a rougher answer after `deadline`.
    pub fn of(old: &PreparedText<'_>, new: &PreparedText<'_>, deadline: Instant) -> Self {
        if old.keys <= new.keys {
            Self::canonical(old, new, deadline)
        } else {
            Self::canonical(new, old, deadline).mirrored()
        }
    }

    /// The matching seen from the other side.
    fn mirrored(self) -> Self {
        let swap = |candidate: Candidate| Candidate {
            old: candidate.new,
            new: candidate.old,
            similarity: candidate.similarity,
        };
        let stretches = self
            .stretches
            .into_iter()
            .map(|stretch| match stretch {
                Stretch::Same {
                    old_start,
                    new_start,
                    length,
                } => Stretch::Same {
                    old_start: new_start,
                    new_start: old_start,
                    length,
                },
                Stretch::Gap(gap) => Stretch::Gap(Gap {
                    old: gap.new,
                    new: gap.old,
                    pairs: gap.pairs.into_iter().map(swap).collect(),
                }),
            })
            .collect();
        Self {
            stretches,
            moves: self.moves.into_iter().map(swap).collect(),
        }
    }

    /// The matching, in whichever direction it is asked.
    fn canonical(old: &PreparedText<'_>, new: &PreparedText<'_>, deadline: Instant) -> Self {
        let mut stretches: Vec<Stretch> =
            diff_keys(Algorithm::Hunt, &old.keys, &new.keys, Some(deadline))
                .iter()
                .map(|op| {
                    let (tag, old_range, new_range) = op.as_tag_tuple();
                    if tag == DiffTag::Equal {
                        Stretch::Same {
                            old_start: old_range.start,
                            new_start: new_range.start,
                            length: old_range.len(),
                        }
                    } else {
                        Stretch::Gap(Gap {
                            old: old_range,
                            new: new_range,
                            pairs: Vec::new(),
                        })
                    }
                })
                .collect();

        let gap_ranges = |stretches: &[Stretch], side: fn(&Gap) -> Range<usize>| {
            stretches
                .iter()
                .filter_map(|stretch| match stretch {
                    Stretch::Gap(gap) => Some(side(gap)),
                    Stretch::Same { .. } => None,
                })
                .collect::<Vec<_>>()
        };
        let old_gaps = gap_ranges(&stretches, |gap| gap.old.clone());
        let new_gaps = gap_ranges(&stretches, |gap| gap.new.clone());
        let old_profiles = old.profiles_for(&old_gaps);
        let new_profiles = new.profiles_for(&new_gaps);

        let mut old_taken = vec![false; old.units.len()];
        let mut new_taken = vec![false; new.units.len()];
        for stretch in &mut stretches {
            let Stretch::Gap(gap) = stretch else {
                continue;
            };
            if gap.old.is_empty() || gap.new.is_empty() {
                continue;
            }
            let olds: Vec<usize> = gap.old.clone().collect();
            let news: Vec<usize> = gap.new.clone().collect();
            let threshold = if olds.len() == 1 && news.len() == 1 {
                LONE_PAIR_SIMILARITY
            } else {
                CHANGED_SIMILARITY
            };
            gap.pairs = pair_in_order(similar_pairs(
                &olds,
                &news,
                &old_profiles,
                &new_profiles,
                threshold,
            ));
            for pair in &gap.pairs {
                old_taken[pair.old] = true;
                new_taken[pair.new] = true;
            }
        }

        let left_over = |gaps: &[Range<usize>], taken: &[bool]| -> Vec<usize> {
            gaps.iter()
                .flat_map(Clone::clone)
                .filter(|&unit| !taken[unit])
                .collect()
        };
        let old_left = left_over(&old_gaps, &old_taken);
        let new_left = left_over(&new_gaps, &new_taken);
        let moves = find_moves(
            &MovesInput {
                old,
                new,
                old_left: &old_left,
                new_left: &new_left,
                old_profiles: &old_profiles,
                new_profiles: &new_profiles,
            },
            &mut old_taken,
            &mut new_taken,
        );
        Self { stretches, moves }
    }
}

/// What `find_moves` looks through.
struct MovesInput<'a> {
    /// The old text, for its keys.
    old: &'a PreparedText<'a>,
    /// The new text, for its keys.
    new: &'a PreparedText<'a>,
    /// The old units not matched in place, in reading order.
    old_left: &'a [usize],
    /// The new units not matched in place, in reading order.
    new_left: &'a [usize],
    /// Content profiles of (at least) the old units left over, by unit.
    old_profiles: &'a [Option<Profile>],
    /// Content profiles of (at least) the new units left over, by unit.
    new_profiles: &'a [Option<Profile>],
}

/// Pairs old and new sentences left over after matching in place that are the same
/// sentence elsewhere in the text: first those with equal keys (the n-th copy of a
/// repeated sentence with the n-th), then those at least `MOVED_SIMILARITY` alike.
fn find_moves(
    input: &MovesInput<'_>,
    old_taken: &mut [bool],
    new_taken: &mut [bool],
) -> Vec<Candidate> {
    let mut moves = Vec::new();
    let mut new_by_key: HashMap<u64, VecDeque<usize>> = HashMap::new();
    for &new_unit in input.new_left {
        if let Some(&key) = input.new.keys.get(new_unit) {
            new_by_key.entry(key).or_default().push_back(new_unit);
        }
    }
    for &old_unit in input.old_left {
        let Some(new_unit) = input
            .old
            .keys
            .get(old_unit)
            .and_then(|key| new_by_key.get_mut(key))
            .and_then(VecDeque::pop_front)
        else {
            continue;
        };
        old_taken[old_unit] = true;
        new_taken[new_unit] = true;
        moves.push(Candidate {
            old: old_unit,
            new: new_unit,
            similarity: 1.0,
        });
    }

    let still_left = |units: &[usize], taken: &[bool]| -> Vec<usize> {
        units.iter().copied().filter(|&unit| !taken[unit]).collect()
    };
    let olds = still_left(input.old_left, old_taken);
    let news = still_left(input.new_left, new_taken);
    let candidates = similar_pairs(
        &olds,
        &news,
        input.old_profiles,
        input.new_profiles,
        MOVED_SIMILARITY,
    );
    moves.extend(pair_freely(candidates, old_taken, new_taken));
    moves
}
