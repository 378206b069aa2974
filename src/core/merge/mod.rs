//! Three-way merge of two copies of a project that went separate ways from a common
//! base: what a small desk sharing a project through git needs (`factdesk
//! merge-driver`), and what the workbench can offer when a file changed on disk.
//!
//! Documents and claims are matched by their ids, which are random and so never
//! collide. What only one copy changed is taken from it; what both changed the same
//! way is taken once; a field both changed differently keeps our value in place and
//! records theirs as a [`Conflict`] for the editor to settle. Nothing either editor did
//! is lost: histories are unions, an edit beats a removal, and the result is always a
//! valid project. `docs/project-format.md` § Merging states the rules for editors.

mod anchors;
mod objects;
mod report;
mod three_way;

#[cfg(test)]
mod properties;
#[cfg(test)]
mod tests;

pub use report::{MergeReport, SideCounts};

use std::collections::HashMap;
use std::hash::Hash;

use crate::core::article::Document;
use crate::core::claims::Claim;
use crate::core::project::{Conflict, ConflictField, Project, Subject};
use three_way::{Conflicts, Sides, merge_list};

/// The result of a merge: the project to save, and what the merge did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Merged {
    /// The merged project, valid and ready to save, with any new conflicts recorded.
    pub project: Project,
    /// What came from where, for the editor.
    pub report: MergeReport,
}

/// Which copy something is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Side {
    Ours,
    Theirs,
}

impl<'a, T: ?Sized> Sides<'a, T> {
    fn side(self, side: Side) -> &'a T {
        match side {
            Side::Ours => self.ours,
            Side::Theirs => self.theirs,
        }
    }
}

/// Merges `ours` and `theirs`, two copies of `base` edited separately. The result
/// keeps ours' metadata and order and adds what theirs brought; see the module docs.
pub fn merge(base: &Project, ours: &Project, theirs: &Project) -> Merged {
    let projects = Sides {
        base: Some(base),
        ours,
        theirs,
    };
    let mut conflicts = Conflicts::default();
    let mut report = MergeReport {
        claims_ours: SideCounts::between(&base.claims, &ours.claims, |c| &c.id),
        claims_theirs: SideCounts::between(&base.claims, &theirs.claims, |c| &c.id),
        documents_ours: SideCounts::between(&base.documents, &ours.documents, |d| &d.id),
        documents_theirs: SideCounts::between(&base.documents, &theirs.documents, |d| &d.id),
        ..MergeReport::default()
    };
    let mut project = ours.clone();
    merge_project_fields(&mut project, projects, &mut conflicts);

    // A document one copy removed stays when the other changed it or its claims.
    let untouched_document = |side: Side, old: &Document, document: &Document| {
        document == old
            && projects
                .side(side)
                .claims_on(&document.id)
                .eq(base.claims_on(&document.id))
    };
    let (documents, rescued_documents) = by_id(
        projects.map(|p| p.documents.as_slice()),
        |d| &d.id,
        untouched_document,
        |sides| objects::merge_document(sides, &mut conflicts),
    );
    // The claims of a document kept that way stay with it.
    let untouched_claim = |_: Side, old: &Claim, claim: &Claim| {
        claim == old && !rescued_documents.contains(&claim.document)
    };
    let (claims, rescued_claims) = by_id(
        projects.map(|p| p.claims.as_slice()),
        |c| &c.id,
        untouched_claim,
        |sides| objects::merge_claim(sides, &mut conflicts),
    );
    report.kept_over_removal = rescued_documents.len() + rescued_claims.len();
    project.documents = documents;
    project.claims = claims;
    anchors::fit_to_kept_text(&mut project, [ours, theirs], &mut conflicts, &mut report);
    project.sort_claims();

    report.conflicts = conflicts
        .found
        .iter()
        .map(|conflict| describe(&project, conflict))
        .collect();
    project.conflicts = merge_conflicts(&project, projects, conflicts.found);
    Merged { project, report }
}

/// The project's own fields: title, verdict scale and settings three-way; dismissed
/// candidates as a set; `modified` the later of the two.
fn merge_project_fields(
    project: &mut Project,
    projects: Sides<Project>,
    conflicts: &mut Conflicts,
) {
    project.title = conflicts.settle(
        &Subject::Project,
        ConflictField::Title,
        projects.map(|p| &p.title),
    );
    project.verdict_scale = conflicts.settle(
        &Subject::Project,
        ConflictField::VerdictScale,
        projects.map(|p| &p.verdict_scale),
    );
    project.settings = conflicts.settle(
        &Subject::Project,
        ConflictField::Settings,
        projects.map(|p| &p.settings),
    );
    project.modified = projects.ours.modified.max(projects.theirs.modified);
    project.dismissed_candidates = merge_list(projects.map(|p| p.dismissed_candidates.as_slice()));
    project.dismissed_candidates.sort_unstable();
    project.dismissed_candidates.dedup();
}

/// The conflicts the copies had, as a set (one settled in either copy stays settled;
/// those about something no longer there are dropped), with this merge's new ones,
/// sorted by what they are about.
fn merge_conflicts(
    project: &Project,
    projects: Sides<Project>,
    found: Vec<Conflict>,
) -> Vec<Conflict> {
    let mut all = merge_list(projects.map(|p| p.conflicts.as_slice()));
    all.retain(|conflict| project.has_subject(&conflict.subject));
    for conflict in found {
        if !all.contains(&conflict) {
            all.push(conflict);
        }
    }
    all.sort_by(|a, b| (&a.subject, a.field).cmp(&(&b.subject, b.field)));
    all
}

/// Objects matched by id, in ours' order then theirs' additions (theirs' order when
/// only theirs changed the list): merged with `merge_one` when both copies have them;
/// kept when one copy added them; dropped when one copy removed them and the other left
/// them `untouched`, kept otherwise (an edit beats a removal). Returns the objects and the ids of those kept over a removal.
fn by_id<T: Clone + PartialEq, K: Eq + Hash + Clone>(
    lists: Sides<[T]>,
    id: impl Fn(&T) -> &K,
    untouched: impl Fn(Side, &T, &T) -> bool,
    mut merge_one: impl FnMut(Sides<T>) -> T,
) -> (Vec<T>, Vec<K>) {
    // Looked up by id, so projects with thousands of claims merge in linear time.
    let base = lists.base.map(|list| by_key(list, &id)).unwrap_or_default();
    let ours = by_key(lists.ours, &id);
    let theirs = by_key(lists.theirs, &id);
    // The order of a list only theirs changed is theirs' (claims at the same place
    // stay as theirs has them).
    let (first, second, first_index) = if lists.base == Some(lists.ours) {
        (lists.theirs, lists.ours, &theirs)
    } else {
        (lists.ours, lists.theirs, &ours)
    };
    let added = second
        .iter()
        .filter(|item| !first_index.contains_key(id(item)));
    let mut merged = Vec::new();
    let mut rescued = Vec::new();
    for item in first.iter().chain(added) {
        let key = id(item);
        let base = base.get(key).copied();
        let (alone, side) = match (ours.get(key).copied(), theirs.get(key).copied()) {
            (Some(ours), Some(theirs)) => {
                merged.push(merge_one(Sides { base, ours, theirs }));
                continue;
            }
            (Some(ours), None) => (ours, Side::Ours),
            (None, Some(theirs)) => (theirs, Side::Theirs),
            (None, None) => continue,
        };
        match base {
            None => merged.push(alone.clone()),
            Some(old) if untouched(side, old, alone) => {}
            Some(_) => {
                rescued.push(key.clone());
                merged.push(alone.clone());
            }
        }
    }
    (merged, rescued)
}

/// The items of `list` by their ids.
fn by_key<'a, T, K: Eq + Hash>(
    list: &'a [T],
    id: &impl Fn(&'a T) -> &'a K,
) -> HashMap<&'a K, &'a T> {
    list.iter().map(|item| (id(item), item)).collect()
}

/// "verdict of claim “60,000 people”", "label of document “Reuters wire”".
fn describe(project: &Project, conflict: &Conflict) -> String {
    let what = conflict.field.label().to_lowercase();
    format!("{what} of {}", project.subject_name(&conflict.subject))
}
