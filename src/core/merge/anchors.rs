//! Claims' places after a merge: a claim's words must be where its anchor says in the
//! text the merge kept, or the claim must be marked orphaned.

use super::report::MergeReport;
use super::three_way::Conflicts;
use crate::core::anchor::reanchor_all;
use crate::core::claims::Stamp;
use crate::core::project::{ConflictField, Project, Subject};

/// Who the history says moved a claim when the merge had to find its words again.
const MERGE_AUTHOR: &str = "Factdesk merge";

/// Makes every claim's place fit the text the merge kept for its document. A copy that
/// placed a claim in a version of the text the merge did not keep (the other copy's
/// new version won, or was kept in a conflict) had its place for other words: the
/// copy whose place fits the kept text is taken, and failing that the words are found
/// again (or the claim is orphaned), as when a new version is imported. Places in two
/// different texts do not conflict: the place follows the text, and the text's own
/// conflict (if any) is where the editor decides.
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
        let fits = claim.orphaned || claim.anchor.matches(text);
        let [ours_text, theirs_text] = copies.map(|copy| {
            copy.document(&claim.document)
                .map(|document| document.text.as_str())
        });
        if !fits || ours_text != theirs_text {
            let subject = Subject::Claim(claim.id.clone());
            conflicts
                .found
                .retain(|c| c.subject != subject || c.field != ConflictField::Anchor);
        }
        if fits {
            continue;
        }
        let fitting = copies
            .iter()
            .filter_map(|copy| copy.claim(&claim.id))
            .find(|copy| !copy.orphaned && copy.anchor.matches(text));
        if let Some(fitting) = fitting {
            claim.anchor = fitting.anchor.clone();
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
