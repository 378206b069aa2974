//! The rules every part of a project is merged by: one value, a list of whole items,
//! a history. Each compares both copies with the version they started from (the base).

use serde::Serialize;
use serde_json::Value;

use crate::core::claims::HistoryEntry;
use crate::core::project::{Conflict, ConflictField, Subject};

/// One thing as it was in the base and as each copy has it. `base` is `None` when both
/// copies added it independently (so neither can be said to have left it alone).
pub(super) struct Sides<'a, T: ?Sized> {
    /// As it was before the copies went their ways.
    pub(super) base: Option<&'a T>,
    /// This copy's.
    pub(super) ours: &'a T,
    /// The other copy's.
    pub(super) theirs: &'a T,
}

impl<T: ?Sized> Clone for Sides<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: ?Sized> Copy for Sides<'_, T> {}

/// The value of one field after a three-way merge.
pub(super) enum Pick<'a, T: ?Sized> {
    /// Both copies agree, or only one changed it: this is the value.
    Agreed(&'a T),
    /// Both changed it, to different values.
    Clash,
}

impl<'a, T: ?Sized> Sides<'a, T> {
    /// One part of the thing, on each side.
    pub(super) fn map<U: ?Sized>(self, part: impl Fn(&'a T) -> &'a U) -> Sides<'a, U> {
        Sides {
            base: self.base.map(&part),
            ours: part(self.ours),
            theirs: part(self.theirs),
        }
    }

    /// The side that changed the value, or the value both agree on.
    pub(super) fn pick(self) -> Pick<'a, T>
    where
        T: PartialEq,
    {
        if self.ours == self.theirs || self.base == Some(self.theirs) {
            Pick::Agreed(self.ours)
        } else if self.base == Some(self.ours) {
            Pick::Agreed(self.theirs)
        } else {
            Pick::Clash
        }
    }
}

/// The conflicts a merge found, in the order it found them.
#[derive(Default)]
pub(super) struct Conflicts {
    /// Each field both copies changed differently.
    pub(super) found: Vec<Conflict>,
}

impl Conflicts {
    /// Merges one field: the changed side's value, or on a clash ours, with theirs
    /// recorded.
    pub(super) fn settle<T: PartialEq + Clone + Serialize>(
        &mut self,
        subject: &Subject,
        field: ConflictField,
        sides: Sides<T>,
    ) -> T {
        match sides.pick() {
            Pick::Agreed(value) => value.clone(),
            Pick::Clash => {
                self.record(subject, field, sides.ours, sides.theirs);
                sides.ours.clone()
            }
        }
    }

    /// Records that both copies changed `field` of `subject`, to `ours` and `theirs`.
    pub(super) fn record<T: Serialize + ?Sized>(
        &mut self,
        subject: &Subject,
        field: ConflictField,
        ours: &T,
        theirs: &T,
    ) {
        self.found.push(Conflict {
            subject: subject.clone(),
            field,
            ours: as_written(ours),
            theirs: as_written(theirs),
        });
    }
}

/// A value exactly as the project file writes it.
///
/// # Panics
/// Never in practice: project values are strings, numbers, lists and plain structs,
/// which always serialise (as `Project::to_json` relies on too).
fn as_written<T: Serialize + ?Sized>(value: &T) -> Value {
    #[expect(clippy::expect_used, reason = "cannot fail, see above")]
    serde_json::to_value(value).expect("project values serialise")
}

/// Three-way merge of a list of whole items: an item stays when both copies have it,
/// or when one has it and the base did not (it was added); it goes when one copy
/// removed it. Ours' order, then theirs' additions. A list only one copy changed is
/// taken as that copy has it.
pub(super) fn merge_list<T: PartialEq + Clone>(sides: Sides<[T]>) -> Vec<T> {
    if let Pick::Agreed(list) = sides.pick() {
        return list.to_vec();
    }
    let in_base = |item: &T| sides.base.is_some_and(|base| base.contains(item));
    let mut merged: Vec<T> = sides
        .ours
        .iter()
        .filter(|item| sides.theirs.contains(item) || !in_base(item))
        .cloned()
        .collect();
    merged.extend(
        sides
            .theirs
            .iter()
            .filter(|item| !sides.ours.contains(item) && !in_base(item))
            .cloned(),
    );
    merged
}

/// Ours' items, then theirs' that ours does not have: nothing is taken away.
pub(super) fn union<T: PartialEq + Clone>(ours: &[T], theirs: &[T]) -> Vec<T> {
    let mut merged = ours.to_vec();
    merged.extend(theirs.iter().filter(|item| !ours.contains(item)).cloned());
    merged
}

/// Every entry of both histories, once each, oldest first (ours' first when two were
/// made in the same second). Histories are only ever appended to, so nothing either
/// copy recorded is dropped; an entry both copies have (from the base) appears once.
pub(super) fn merge_history(sides: Sides<[HistoryEntry]>) -> Vec<HistoryEntry> {
    if let Pick::Agreed(history) = sides.pick() {
        return history.to_vec();
    }
    let mut unmatched: Vec<&HistoryEntry> = sides.ours.iter().collect();
    let mut merged = sides.ours.to_vec();
    for entry in sides.theirs {
        match unmatched.iter().position(|ours| *ours == entry) {
            Some(index) => {
                unmatched.swap_remove(index);
            }
            None => merged.push(entry.clone()),
        }
    }
    merged.sort_by_key(|entry| entry.at);
    merged
}
