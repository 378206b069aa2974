//! Minor findings: every edit no other finding explains (spelling, style,
//! punctuation, typography), one per contiguous edit so that style edits do not drown
//! the changes that matter.

use super::wording::{in_context, quoted};
use super::{ChangeClass, Finding, Pair};

/// Adds a Minor finding for every edit of `pair` that no finding in `findings` covers.
pub(super) fn minor_findings(pair: &Pair<'_>, findings: &mut Vec<Finding>) {
    let edits = pair.alignment.edits();
    for (index, edit) in edits.iter().enumerate() {
        let old = (!edit.old.is_empty()).then(|| edit.old.clone());
        let new = (!edit.new.is_empty()).then(|| edit.new.clone());
        if findings
            .iter()
            .any(|finding| finding.covers(old.as_ref(), new.as_ref()))
        {
            continue;
        }
        let (old_words, new_words) = in_context(pair.old, pair.new, edits, index);
        let explanation = match (old_words.trim().is_empty(), new_words.trim().is_empty()) {
            (true, false) => format!("{} added", quoted(new_words)),
            (false, true) => format!("{} dropped", quoted(old_words)),
            _ => format!("{} became {}", quoted(old_words), quoted(new_words)),
        };
        findings.push(Finding {
            class: ChangeClass::Minor,
            old,
            new,
            explanation,
        });
    }
}
