//! Claims' places after a merge: a claim's words must be where its anchor says in the
//! text the merge kept, or the claim must be marked orphaned.

use super::report::MergeReport;
use super::three_way::Conflicts;
use crate::core::anchor::reanchor_all;
use crate::core::claims::Stamp;
use crate::core::project::{ConflictField, Project, Subject};

/// Who the history says moved a claim when the merge had to find its words again.
const MERGE_AUTHOR: &str = "Factdesk merge";

/// Makes every claim's place fit the text the merge kept for its document. When the
/// copies have different texts of the document, their places are in different texts
/// and cannot be compared: the place comes from the copy whose text was kept (an
/// anchor conflict on the claim is dropped; the text's own conflict, if any, is where
/// the editor decides). A claim only the other copy has is found again in the kept
/// text, or orphaned, as when a new version is imported.
pub(super) fn fit_to_kept_text(
    project: &mut Project,
    copies: [&Project; 2],
    conflicts: &mut Conflicts,
    report: &mut MergeReport,
) {
    let stamp = Stamp::new(project.modified, MERGE_AUTHOR);
    for claim in &mut project.claims {
        let Some(document) = project.documents.iter().find(|d| d.id == claim.document) else {
            continue;
        };
        let text = &document.text;
        let [ours_text, theirs_text] = copies.map(|copy| {
            copy.document(&claim.document)
                .map(|document| document.text.as_str())
        });
        if ours_text != theirs_text {
            let subject = Subject::Claim(claim.id.clone());
            conflicts
                .found
                .retain(|c| c.subject != subject || c.field != ConflictField::Anchor);
            let native = copies
                .iter()
                .find(|copy| {
                    copy.document(&claim.document)
                        .is_some_and(|d| &d.text == text)
                })
                .and_then(|copy| copy.claim(&claim.id));
            if let Some(native) = native {
                claim.anchor = native.anchor.clone();
                claim.orphaned = native.orphaned;
            }
        }
        if claim.orphaned || claim.anchor.matches(text) {
            continue;
        }
        let found = reanchor_all(std::slice::from_ref(&claim.anchor), text)
            .pop()
            .and_then(|found| found.anchor);
        if let Some(anchor) = found {
            claim.place(anchor, "found again after a merge", &stamp);
            report.reanchored += 1;
        } else {
            claim.orphan(&stamp);
            report.orphaned += 1;
        }
    }
}
