//! W3C Web Annotation JSON-LD (<https://www.w3.org/TR/annotation-model/>): each claim as
//! an annotation that assesses the words it is anchored to, so annotation tools can
//! show the desk's work on the text.
//!
//! The export is one AnnotationCollection holding every claim, checked or not, in
//! reading order. Each annotation's target is its document (its web address when it
//! was imported from one, else `urn:factdesk:<document id>`) with a TextQuoteSelector
//! (the words and the text around them) and a TextPositionSelector (code points, as the
//! model counts). An orphaned claim's words are no longer in its document, so its stale
//! positions are left out: it keeps only the quote selector, and a commenting body
//! says it is orphaned.

use serde_json::{Value, json};

use super::{Export, document_url, verdict};
use crate::core::claims::Claim;
use crate::core::project::Project;

/// What the body saying a claim is orphaned reads.
const ORPHANED_NOTE: &str =
    "Orphaned: these words are no longer in the document; the claim waits to be re-attached.";

/// Every claim of `project` as a Web Annotation, in one collection.
pub(super) fn export(project: &Project) -> Export {
    let items: Vec<Value> = project
        .claims
        .iter()
        .map(|claim| annotation(project, claim))
        .collect();
    let collection = json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "AnnotationCollection",
        "label": project.title,
        "total": items.len(),
        "first": {
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
    });
    Export {
        contents: super::to_json(&collection),
        skipped: Vec::new(),
        warnings: Vec::new(),
    }
}

/// One claim's annotation.
fn annotation(project: &Project, claim: &Claim) -> Value {
    let mut annotation = json!({
        "id": format!("urn:factdesk:{}", claim.id),
        "type": "Annotation",
        "motivation": "assessing",
        "created": claim.created.to_string(),
        "modified": claim.modified.to_string(),
    });
    if !claim.created_by.trim().is_empty() {
        annotation["creator"] = json!({ "type": "Person", "name": claim.created_by.trim() });
    }
    annotation["body"] = Value::Array(bodies(project, claim));
    annotation["target"] = target(project, claim);
    annotation
}

/// The verdict (assessing), then the conclusion, the note and an orphaned claim's
/// notice (commenting); the status always, so no annotation is without a body.
fn bodies(project: &Project, claim: &Claim) -> Vec<Value> {
    let textual = |value: &str, purpose: &str| {
        json!({
            "type": "TextualBody",
            "value": value,
            "format": "text/plain",
            "purpose": purpose,
        })
    };
    let mut bodies = Vec::new();
    if let Some(verdict) =
        verdict(project, claim).filter(|_| !project.verdict_scale.is_conclusion_only())
    {
        bodies.push(textual(verdict, "assessing"));
    }
    bodies.push(textual(
        &format!("Status: {}", claim.status.label()),
        "tagging",
    ));
    if !claim.conclusion.trim().is_empty() {
        let purpose = if project.verdict_scale.is_conclusion_only() {
            "assessing"
        } else {
            "commenting"
        };
        bodies.push(textual(claim.conclusion.trim(), purpose));
    }
    if !claim.note.trim().is_empty() {
        bodies.push(textual(claim.note.trim(), "commenting"));
    }
    if claim.orphaned {
        bodies.push(textual(ORPHANED_NOTE, "commenting"));
    }
    bodies
}

/// The claim's words in its document.
fn target(project: &Project, claim: &Claim) -> Value {
    let document = project.document(&claim.document);
    let source = document
        .and_then(document_url)
        .map_or_else(|| format!("urn:factdesk:{}", claim.document), str::to_owned);
    let anchor = &claim.anchor;
    let mut selectors = vec![json!({
        "type": "TextQuoteSelector",
        "exact": anchor.exact,
        "prefix": anchor.prefix,
        "suffix": anchor.suffix,
    })];
    if !claim.orphaned {
        selectors.push(json!({
            "type": "TextPositionSelector",
            "start": anchor.start,
            "end": anchor.end,
        }));
    }
    json!({ "source": source, "selector": selectors })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Project {
        Project::from_json(include_str!("../../../projects/idlib-2019.factdesk.json")).unwrap()
    }

    #[test]
    fn every_claim_is_an_assessing_annotation_on_its_words() {
        let project = sample();
        let collection: Value = serde_json::from_str(&export(&project).contents).unwrap();
        let items = collection["first"]["items"].as_array().unwrap();
        assert_eq!(items.len(), project.claims.len());
        let first = &items[0]["target"];
        assert_eq!(
            first["selector"][0]["exact"],
            project.claims[0].anchor.exact
        );
        assert_eq!(
            first["selector"][1]["start"],
            project.claims[0].anchor.start
        );
        assert!(
            first["source"]
                .as_str()
                .unwrap()
                .starts_with("urn:factdesk:doc-")
        );
    }

    #[test]
    fn an_orphaned_claim_keeps_only_its_quote_and_says_so() {
        let mut project = sample();
        project.claims[0].orphaned = true;
        let collection: Value = serde_json::from_str(&export(&project).contents).unwrap();
        let orphan = &collection["first"]["items"][0];
        assert_eq!(orphan["target"]["selector"].as_array().unwrap().len(), 1);
        let bodies = orphan["body"].as_array().unwrap();
        assert!(bodies.iter().any(|b| b["value"] == ORPHANED_NOTE));
    }
}
