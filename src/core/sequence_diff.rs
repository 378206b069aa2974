//! Diffs of key sequences that come out the same whichever way round they are taken.
//!
//! A diff algorithm breaks ties (two equally good alignments) by position, so comparing
//! B with A is not always the mirror image of comparing A with B: "– AFP … AMMAN:"
//! against "AMMAN (Reuters) -" keeps "AMMAN" one way and the dash the other. An editor
//! who swaps the panes expects what was deleted to become inserted and nothing else to
//! change, so every comparison is made in one canonical direction (the smaller key
//! sequence first) and turned round when it was asked the other way.

use std::time::Instant;

use similar::{Algorithm, DiffOp, capture_diff_slices_deadline};

/// The diff of `old` against `new` by `algorithm`, settling for a rougher answer after
/// `deadline` if there is one; `diff_keys(new, old, ..)` is its exact mirror image.
pub(crate) fn diff_keys(
    algorithm: Algorithm,
    old: &[u64],
    new: &[u64],
    deadline: Option<Instant>,
) -> Vec<DiffOp> {
    if old <= new {
        capture_diff_slices_deadline(algorithm, old, new, deadline)
    } else {
        capture_diff_slices_deadline(algorithm, new, old, deadline)
            .into_iter()
            .map(mirrored)
            .collect()
    }
}

/// The same operation seen from the other side: deletions become insertions.
fn mirrored(op: DiffOp) -> DiffOp {
    match op {
        DiffOp::Equal {
            old_index,
            new_index,
            len,
        } => DiffOp::Equal {
            old_index: new_index,
            new_index: old_index,
            len,
        },
        DiffOp::Delete {
            old_index,
            old_len,
            new_index,
        } => DiffOp::Insert {
            old_index: new_index,
            new_index: old_index,
            new_len: old_len,
        },
        DiffOp::Insert {
            old_index,
            new_index,
            new_len,
        } => DiffOp::Delete {
            old_index: new_index,
            old_len: new_len,
            new_index: old_index,
        },
        DiffOp::Replace {
            old_index,
            old_len,
            new_index,
            new_len,
        } => DiffOp::Replace {
            old_index: new_index,
            old_len: new_len,
            new_index: old_index,
            new_len: old_len,
        },
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use proptest::prelude::*;

    use super::*;

    proptest! {
        #[test]
        fn swapping_the_sides_mirrors_the_diff(
            old in prop::collection::vec(0..5_u64, 0..30),
            new in prop::collection::vec(0..5_u64, 0..30),
        ) {
            let deadline = Instant::now() + Duration::from_secs(5);
            let forward = diff_keys(Algorithm::Patience, &old, &new, Some(deadline));
            let backward: Vec<DiffOp> = diff_keys(Algorithm::Patience, &new, &old, Some(deadline))
                .into_iter()
                .map(mirrored)
                .collect();
            prop_assert_eq!(forward, backward);
        }
    }
}
