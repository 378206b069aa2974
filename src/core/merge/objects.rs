//! Merging one document or one claim that both copies still have, field by field.

use super::three_way::{Conflicts, Pick, Sides, merge_history, merge_list, union};
use crate::core::article::{Document, DocumentId, Source};
use crate::core::claims::Claim;
use crate::core::project::{ConflictField, Subject};

/// A document both copies have: label and source field by field; the text, with
/// everything that came with it on import, as one version (two different new versions
/// cannot be mixed).
pub(super) fn merge_document(sides: Sides<Document>, conflicts: &mut Conflicts) -> Document {
    if let Pick::Agreed(document) = sides.pick() {
        return document.clone();
    }
    let subject = Subject::Document(sides.ours.id.clone());
    let label = conflicts.settle(&subject, ConflictField::Label, sides.map(|d| &d.label));
    let source = conflicts.settle(&subject, ConflictField::Source, sides.map(|d| &d.source));
    let base_version = sides.base.map(version_of);
    let (ours_version, theirs_version) = (version_of(sides.ours), version_of(sides.theirs));
    let versions = Sides {
        base: base_version.as_ref(),
        ours: &ours_version,
        theirs: &theirs_version,
    };
    let version = match versions.pick() {
        Pick::Agreed(version) => version.clone(),
        Pick::Clash => {
            conflicts.record(&subject, ConflictField::Version, sides.ours, sides.theirs);
            ours_version.clone()
        }
    };
    Document {
        id: sides.ours.id.clone(),
        label,
        source,
        ..version
    }
}

/// A document's version: everything but its id, label and source, which the editor
/// sets and a new import keeps.
fn version_of(document: &Document) -> Document {
    Document {
        id: DocumentId(String::new()),
        label: String::new(),
        source: Source::Other,
        ..document.clone()
    }
}

/// A claim both copies have: each scalar field three-way, evidence as a set, kinds and
/// history as unions. Where its words are is merged here as one value (anchor and
/// orphaned together); whether they fit the text the merge kept is seen to afterwards.
pub(super) fn merge_claim(sides: Sides<Claim>, conflicts: &mut Conflicts) -> Claim {
    if let Pick::Agreed(claim) = sides.pick() {
        return claim.clone();
    }
    let (ours, theirs) = (sides.ours, sides.theirs);
    let subject = Subject::Claim(ours.id.clone());
    let place = |claim: &Claim| (claim.anchor.clone(), claim.orphaned);
    let base_place = sides.base.map(place);
    let (ours_place, theirs_place) = (place(ours), place(theirs));
    let places = Sides {
        base: base_place.as_ref(),
        ours: &ours_place,
        theirs: &theirs_place,
    };
    let (anchor, orphaned) = match places.pick() {
        Pick::Agreed(place) => place.clone(),
        Pick::Clash => {
            conflicts.record(
                &subject,
                ConflictField::Anchor,
                &ours.anchor,
                &theirs.anchor,
            );
            ours_place.clone()
        }
    };
    Claim {
        id: ours.id.clone(),
        document: ours.document.clone(),
        anchor,
        orphaned,
        wording: conflicts.settle(&subject, ConflictField::Wording, sides.map(|c| &c.wording)),
        kinds: union(&ours.kinds, &theirs.kinds),
        status: conflicts.settle(&subject, ConflictField::Status, sides.map(|c| &c.status)),
        rating: conflicts.settle(&subject, ConflictField::Rating, sides.map(|c| &c.rating)),
        conclusion: conflicts.settle(
            &subject,
            ConflictField::Conclusion,
            sides.map(|c| &c.conclusion),
        ),
        note: conflicts.settle(&subject, ConflictField::Note, sides.map(|c| &c.note)),
        evidence: merge_list(sides.map(|c| c.evidence.as_slice())),
        created: ours.created,
        created_by: ours.created_by.clone(),
        modified: ours.modified.max(theirs.modified),
        history: merge_history(sides.map(|c| c.history.as_slice())),
    }
}
