//! What a merge did, for the editor: counts, and the conflicts it left to settle.

use std::collections::{HashMap, HashSet};
use std::hash::Hash;

/// How one copy differs from the base, for one kind of object (claims or documents).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SideCounts {
    /// Objects the copy has and the base did not.
    pub added: usize,
    /// Objects the base had and the copy does not.
    pub removed: usize,
    /// Objects both have, changed in the copy.
    pub changed: usize,
}

impl SideCounts {
    /// Compares a copy's objects with the base's, matching them by `id`.
    pub fn between<'a, T: PartialEq, K: Eq + Hash + 'a>(
        base: &'a [T],
        copy: &'a [T],
        id: impl Fn(&'a T) -> &'a K,
    ) -> Self {
        let in_base: HashMap<&K, &T> = base.iter().map(|item| (id(item), item)).collect();
        let in_copy: HashSet<&K> = copy.iter().map(&id).collect();
        let mut counts = Self::default();
        for item in copy {
            match in_base.get(id(item)) {
                None => counts.added += 1,
                Some(old) if *old != item => counts.changed += 1,
                Some(_) => {}
            }
        }
        counts.removed = base
            .iter()
            .filter(|item| !in_copy.contains(id(item)))
            .count();
        counts
    }

    /// "2 claims added, 1 changed", or `None` when the copy changed nothing.
    pub fn describe(self, noun: &str) -> Option<String> {
        let parts: Vec<(usize, &str)> = [
            (self.added, "added"),
            (self.changed, "changed"),
            (self.removed, "removed"),
        ]
        .into_iter()
        .filter(|(count, _)| *count > 0)
        .collect();
        let ((count, what), rest) = parts.split_first()?;
        let first = format!("{} {what}", counted(*count, noun));
        let rest = rest.iter().map(|(count, what)| format!("{count} {what}"));
        Some(
            std::iter::once(first)
                .chain(rest)
                .collect::<Vec<_>>()
                .join(", "),
        )
    }
}

/// "1 claim", "3 claims".
fn counted(count: usize, noun: &str) -> String {
    let plural = if count == 1 { "" } else { "s" };
    format!("{count} {noun}{plural}")
}

/// What a merge did: how each copy differed from the base, and what it had to decide.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergeReport {
    /// How this copy's claims differ from the base's.
    pub claims_ours: SideCounts,
    /// How the other copy's claims differ from the base's: what the merge brought in.
    pub claims_theirs: SideCounts,
    /// How this copy's documents differ from the base's.
    pub documents_ours: SideCounts,
    /// How the other copy's documents differ from the base's.
    pub documents_theirs: SideCounts,
    /// Claims and documents one copy removed and the other edited: kept, since an
    /// edit says someone still needs them (a document kept so keeps all its claims,
    /// and they are counted too).
    pub kept_over_removal: usize,
    /// Claims whose words had to be found again in the text the merge kept (one copy
    /// placed them in a version of the text the merge did not keep).
    pub reanchored: usize,
    /// Claims whose words could not be found in the kept text, now orphaned.
    pub orphaned: usize,
    /// The conflicts this merge recorded, as an editor reads them ("verdict of
    /// “60,000 people”").
    pub conflicts: Vec<String>,
}

impl MergeReport {
    /// One line for the command line and the status bar: what the other copy brought
    /// in and what is left to settle, e.g. "merged: 2 claims added, 1 changed;
    /// 1 conflict (verdict of claim “60,000 people”)".
    pub fn summary(&self) -> String {
        let mut parts: Vec<String> = [
            self.claims_theirs.describe("claim"),
            self.documents_theirs.describe("document"),
        ]
        .into_iter()
        .flatten()
        .collect();
        if parts.is_empty() {
            parts.push("nothing new from the other copy".to_owned());
        }
        let mut notes = Vec::new();
        if self.kept_over_removal > 0 {
            notes.push(format!(
                "{} kept that one copy removed and the other edited",
                self.kept_over_removal
            ));
        }
        if self.reanchored > 0 {
            notes.push(format!(
                "{} placed again in the kept text",
                counted(self.reanchored, "claim")
            ));
        }
        if self.orphaned > 0 {
            notes.push(format!("{} orphaned", counted(self.orphaned, "claim")));
        }
        match self.conflicts.len() {
            0 => {}
            1 => notes.push(format!("1 conflict ({})", self.conflicts[0])),
            count => notes.push(format!("{count} conflicts ({})", self.conflicts.join(", "))),
        }
        let mut line = format!("merged: {}", parts.join("; "));
        for note in notes {
            line.push_str("; ");
            line.push_str(&note);
        }
        line
    }
}
