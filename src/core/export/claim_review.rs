//! ClaimReview JSON-LD: the schema.org markup a published fact-check carries so that
//! search engines can show its verdict (<https://schema.org/ClaimReview>, as Google's
//! fact-check markup documents it).
//!
//! One review per claim with a verdict, in reading order, as a JSON array. The review's
//! `claimReviewed` is the statement kept under 75 characters (Google truncates longer
//! ones); the whole statement is the `text` of `itemReviewed`.

use serde_json::{Map, Value, json};

use super::{
    Export, day, document_url, settings_warnings, shorten, skipped_claim, verdict, verdict_date,
};
use crate::core::article::Document;
use crate::core::claims::Claim;
use crate::core::project::Project;

/// Longest `claimReviewed` Google shows in full.
const CLAIM_REVIEWED_MAX_CHARS: usize = 75;

/// The ClaimReviews of `project`'s claims that have a verdict.
pub(super) fn export(project: &Project) -> Export {
    let mut reviews = Vec::new();
    let mut skipped = Vec::new();
    let mut warnings = settings_warnings(project);
    for claim in &project.claims {
        let Some(verdict) = verdict(project, claim) else {
            skipped.push(skipped_claim(claim, "no verdict yet"));
            continue;
        };
        if !project.verdict_scale.is_conclusion_only()
            && project.verdict_scale.rating(verdict).is_none()
        {
            warnings.push(format!(
                "{} is not on the project's scale, so its review has no rating value",
                skipped_claim(claim, verdict)
            ));
        }
        reviews.push(review(project, claim, verdict));
    }
    Export {
        contents: super::to_json(&Value::Array(reviews)),
        skipped,
        warnings,
    }
}

/// One claim's review.
fn review(project: &Project, claim: &Claim, verdict: &str) -> Value {
    let mut review = Map::new();
    review.insert("@context".into(), json!("https://schema.org"));
    review.insert("@type".into(), json!("ClaimReview"));
    let settings = &project.settings;
    if !settings.review_url.trim().is_empty() {
        let page = settings.review_url.trim();
        let page = page.split_once('#').map_or(page, |(page, _)| page);
        review.insert("url".into(), json!(format!("{page}#{}", claim.id)));
    }
    review.insert(
        "claimReviewed".into(),
        json!(shorten(claim.statement(), CLAIM_REVIEWED_MAX_CHARS)),
    );
    if !claim.conclusion.trim().is_empty() {
        review.insert("reviewBody".into(), json!(claim.conclusion.trim()));
    }
    review.insert("reviewRating".into(), rating(project, verdict));
    review.insert("itemReviewed".into(), item_reviewed(project, claim));
    review.insert(
        "author".into(),
        organization(&settings.desk, &settings.desk_url),
    );
    review.insert(
        "datePublished".into(),
        json!(day(verdict_date(project, claim))),
    );
    Value::Object(review)
}

/// The `reviewRating`: the rating's label, and its place on the scale counted so that
/// the best rating is the highest number; on a conclusion-only scale, the conclusion.
fn rating(project: &Project, verdict: &str) -> Value {
    let ratings = &project.verdict_scale.ratings;
    let mut rating = Map::new();
    rating.insert("@type".into(), json!("Rating"));
    if ratings.is_empty() {
        rating.insert(
            "alternateName".into(),
            json!(shorten(verdict, CLAIM_REVIEWED_MAX_CHARS)),
        );
        return Value::Object(rating);
    }
    rating.insert("alternateName".into(), json!(verdict));
    if let Some(index) = ratings.iter().position(|r| r.label == verdict) {
        rating.insert("ratingValue".into(), json!(ratings.len() - index));
        rating.insert("bestRating".into(), json!(ratings.len()));
        rating.insert("worstRating".into(), json!(1));
    }
    Value::Object(rating)
}

/// The `itemReviewed`: the claim, with the whole statement, the document it was
/// found in (`appearance`) and the first document of the project with the same words
/// (`firstAppearance`: the wire copy a desk edit took them from), whose source is the
/// claim's `author`.
fn item_reviewed(project: &Project, claim: &Claim) -> Value {
    let mut item = Map::new();
    item.insert("@type".into(), json!("Claim"));
    item.insert("text".into(), json!(claim.statement().trim()));
    let Some(document) = project.document(&claim.document) else {
        return Value::Object(item);
    };
    let first = project
        .documents
        .iter()
        .find(|earlier| earlier.text.contains(claim.anchor.exact.as_str()))
        .unwrap_or(document);
    let first_work = creative_work(first);
    if let Some(author) = first_work.get("author") {
        item.insert("author".into(), author.clone());
    }
    if let Some(published) = first_work.get("datePublished") {
        item.insert("datePublished".into(), published.clone());
    }
    item.insert("appearance".into(), json!([creative_work(document)]));
    item.insert("firstAppearance".into(), first_work);
    Value::Object(item)
}

/// The document the claim appeared in, as a schema.org CreativeWork.
fn creative_work(document: &Document) -> Value {
    let mut work = Map::new();
    work.insert("@type".into(), json!("CreativeWork"));
    work.insert("headline".into(), json!(document.label));
    work.insert("name".into(), json!(document.label));
    work.insert("author".into(), organization(document.source.label(), ""));
    let metadata = &document.metadata;
    if let Some(published) = metadata
        .version_created
        .as_deref()
        .or(metadata.first_created.as_deref())
    {
        work.insert("datePublished".into(), json!(published));
    }
    if let Some(url) = document_url(document) {
        work.insert("url".into(), json!(url));
    }
    Value::Object(work)
}

/// A schema.org Organization, with its `url` when there is one.
fn organization(name: &str, url: &str) -> Value {
    let mut organization = Map::new();
    organization.insert("@type".into(), json!("Organization"));
    organization.insert("name".into(), json!(name.trim()));
    if !url.trim().is_empty() {
        organization.insert("url".into(), json!(url.trim()));
    }
    Value::Object(organization)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::claims::VerdictScale;

    fn sample() -> Project {
        Project::from_json(include_str!("../../../projects/idlib-2019.factdesk.json")).unwrap()
    }

    #[test]
    fn the_best_rating_is_the_highest_value() {
        let project = sample();
        let correct = rating(&project, "Correct");
        assert_eq!(correct["ratingValue"], 6);
        assert_eq!(correct["bestRating"], 6);
        assert_eq!(rating(&project, "Opinion")["ratingValue"], 1);
    }

    #[test]
    fn words_taken_from_the_wire_first_appeared_there() {
        let project = sample();
        let claim = project
            .claims
            .iter()
            .find(|c| c.anchor.exact.starts_with("There were 15 raids"))
            .unwrap();
        let item = item_reviewed(&project, claim);
        assert_eq!(item["appearance"][0]["author"]["name"], "Desk edit");
        assert_eq!(item["firstAppearance"]["author"]["name"], "Reuters");
        assert_eq!(item["author"]["name"], "Reuters");
    }

    #[test]
    fn unrated_claims_are_skipped_and_named() {
        let export = export(&sample());
        let reviews: Vec<Value> = serde_json::from_str(&export.contents).unwrap();
        assert_eq!(reviews.len(), 4);
        assert_eq!(export.skipped.len(), 2);
        assert!(
            export.skipped[0].contains("Ten of thousands"),
            "{:?}",
            export.skipped
        );
        assert!(export.warnings.is_empty(), "{:?}", export.warnings);
        let urls: Vec<&Value> = reviews.iter().map(|r| &r["url"]).collect();
        assert!(
            urls.iter()
                .all(|url| url.as_str().unwrap().contains("#claim-"))
        );
    }

    #[test]
    fn a_conclusion_only_scale_reviews_the_claims_with_a_conclusion() {
        let mut project = sample();
        project.verdict_scale = VerdictScale::conclusion_only();
        project.settings.review_url.clear();
        let export = export(&project);
        let reviews: Vec<Value> = serde_json::from_str(&export.contents).unwrap();
        assert_eq!(reviews.len(), 3, "claims with a written conclusion");
        assert!(reviews[0]["reviewRating"].get("ratingValue").is_none());
        assert!(reviews[0].get("url").is_none());
        assert_eq!(export.warnings.len(), 1, "{:?}", export.warnings);
    }
}
