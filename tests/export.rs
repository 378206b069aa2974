//! Exports of the sample project: each format read back by a parser for it, and
//! compared byte for byte with the golden files in `tests/golden/`. After a deliberate
//! change to an export, run `FACTDESK_BLESS=1 cargo test --test export` to rewrite
//! them, and read the diff before committing.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test should fail loudly when a fixture or helper breaks"
)]

use std::path::Path;

use factdesk::core::export::{CSV_COLUMNS, Export, ExportFormat, ExportOptions, export};
use factdesk::core::project::Project;
use jiff::Timestamp;
use serde_json::Value;

const SAMPLE: &str = "projects/idlib-2019.factdesk.json";

fn sample() -> Project {
    Project::load(Path::new(SAMPLE)).unwrap()
}

fn options() -> ExportOptions {
    ExportOptions::new("2026-11-26T10:00:00Z".parse::<Timestamp>().unwrap())
}

fn sample_export(format: ExportFormat) -> Export {
    export(&sample(), format, &options())
}

/// Compares `contents` with the golden file `name`, or rewrites it when blessing.
fn assert_golden(name: &str, contents: &str) {
    let path = Path::new("tests/golden").join(name);
    if std::env::var_os("FACTDESK_BLESS").is_some() {
        std::fs::write(&path, contents).unwrap();
        return;
    }
    let golden = std::fs::read_to_string(&path)
        .unwrap_or_else(|err| panic!("{}: {err}; bless with FACTDESK_BLESS=1", path.display()));
    assert!(
        golden == contents,
        "{} differs from the export; if the change is meant, bless with FACTDESK_BLESS=1",
        path.display()
    );
}

#[test]
fn the_exports_of_the_sample_match_the_golden_files() {
    for (format, name) in [
        (ExportFormat::ClaimReview, "claimreview.json"),
        (ExportFormat::Annotations, "annotations.json"),
        (ExportFormat::Markdown, "report.md"),
        (ExportFormat::Html, "report.html"),
        (ExportFormat::Csv, "claims.csv"),
    ] {
        assert_golden(name, &sample_export(format).contents);
    }
}

#[test]
fn claim_reviews_have_the_fields_search_engines_require() {
    let export = sample_export(ExportFormat::ClaimReview);
    let reviews: Vec<Value> = serde_json::from_str(&export.contents).unwrap();
    let project = sample();
    let rated = project.claims.iter().filter(|c| c.rating.is_some()).count();
    assert_eq!(reviews.len(), rated);
    assert_eq!(export.skipped.len(), project.claims.len() - rated);
    let mut urls = Vec::new();
    for review in &reviews {
        assert_eq!(review["@context"], "https://schema.org");
        assert_eq!(review["@type"], "ClaimReview");
        let claim = review["claimReviewed"].as_str().unwrap();
        assert!(!claim.is_empty() && claim.chars().count() <= 75, "{claim}");
        assert!(review["reviewRating"]["alternateName"].is_string());
        let value = review["reviewRating"]["ratingValue"].as_u64().unwrap();
        assert!((1..=6).contains(&value));
        assert_eq!(review["itemReviewed"]["@type"], "Claim");
        assert!(review["itemReviewed"]["appearance"][0]["headline"].is_string());
        assert_eq!(review["author"]["name"], "Factdesk sample desk");
        let date = review["datePublished"].as_str().unwrap();
        assert!(date.parse::<jiff::civil::Date>().is_ok(), "{date}");
        urls.push(review["url"].as_str().unwrap().to_owned());
    }
    urls.sort();
    urls.dedup();
    assert_eq!(urls.len(), reviews.len(), "each review has its own url");
    let misleading = reviews
        .iter()
        .find(|r| r["reviewRating"]["alternateName"] == "Misleading")
        .unwrap();
    assert_eq!(misleading["datePublished"], "2026-11-25");
    assert_eq!(misleading["reviewRating"]["ratingValue"], 4);
}

#[test]
fn a_long_statement_is_cut_for_claim_reviewed_and_kept_whole_in_the_claim() {
    let mut project = sample();
    let long = "Foreign Minister Sergei Lavrov acknowledged on Tuesday that Russia had military personnel on the ground in Idlib province";
    let claim = project
        .claims
        .iter_mut()
        .find(|c| c.anchor.exact == long)
        .unwrap();
    assert!(claim.wording.is_empty());
    let export = export(&project, ExportFormat::ClaimReview, &options());
    let reviews: Vec<Value> = serde_json::from_str(&export.contents).unwrap();
    let review = reviews
        .iter()
        .find(|r| r["itemReviewed"]["text"] == long)
        .unwrap();
    let short = review["claimReviewed"].as_str().unwrap();
    assert!(
        short.ends_with('…') && short.chars().count() <= 75,
        "{short}"
    );
}

#[test]
fn missing_settings_are_warned_about() {
    let mut project = sample();
    project.settings.desk.clear();
    project.settings.review_url.clear();
    let export = export(&project, ExportFormat::ClaimReview, &options());
    assert_eq!(export.warnings.len(), 2, "{:?}", export.warnings);
}

#[test]
fn web_annotations_assess_each_claim_on_its_words() {
    let collection: Value =
        serde_json::from_str(&sample_export(ExportFormat::Annotations).contents).unwrap();
    assert_eq!(collection["@context"], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(collection["type"], "AnnotationCollection");
    let items = collection["first"]["items"].as_array().unwrap();
    let project = sample();
    assert_eq!(items.len(), project.claims.len());
    for (item, claim) in items.iter().zip(&project.claims) {
        assert_eq!(item["type"], "Annotation");
        assert_eq!(item["motivation"], "assessing");
        assert_eq!(item["id"], format!("urn:factdesk:{}", claim.id));
        assert!(item["created"].as_str().unwrap().ends_with('Z'));
        let selectors = item["target"]["selector"].as_array().unwrap();
        assert_eq!(selectors[0]["type"], "TextQuoteSelector");
        assert_eq!(selectors[0]["exact"], claim.anchor.exact);
        assert_eq!(selectors[1]["type"], "TextPositionSelector");
        assert_eq!(selectors[1]["end"], claim.anchor.end);
        if let Some(rating) = &claim.rating {
            let bodies = item["body"].as_array().unwrap();
            assert!(
                bodies
                    .iter()
                    .any(|b| b["purpose"] == "assessing" && b["value"] == rating.as_str())
            );
        }
    }
}

#[test]
fn the_csv_has_one_row_per_claim_under_the_documented_columns() {
    let contents = sample_export(ExportFormat::Csv).contents;
    let mut reader = csv::Reader::from_reader(contents.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(header, CSV_COLUMNS);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), sample().claims.len());
    let docs = std::fs::read_to_string("docs/export-csv.md").unwrap();
    for column in CSV_COLUMNS {
        assert!(
            docs.contains(&format!("`{column}`")),
            "{column} is not documented"
        );
    }
}

#[test]
fn the_html_report_is_well_formed_and_has_no_scripts() {
    let html = sample_export(ExportFormat::Html).contents;
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(!html.to_lowercase().contains("<script"));
    assert!(!html.contains("http://") || html.contains("xmlns=\"http://www.w3.org/1999/xhtml\""));
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..roxmltree::ParsingOptions::default()
    };
    let document = roxmltree::Document::parse_with_options(&html, options).unwrap();
    let headings: Vec<&str> = document
        .descendants()
        .filter(|node| node.has_tag_name("h2"))
        .filter_map(|node| node.text())
        .collect();
    assert!(
        headings.iter().any(|h| h.starts_with("Compared: ")),
        "{headings:?}"
    );
    assert!(headings.contains(&"Sign-off"), "{headings:?}");
    assert!(
        document
            .descendants()
            .all(|node| !node.has_tag_name("link") && !node.has_tag_name("img"))
    );
}

#[test]
fn the_markdown_report_lists_every_claim_and_the_counts() {
    let markdown = sample_export(ExportFormat::Markdown).contents;
    let project = sample();
    assert!(markdown.contains(&format!("## Claims ({})", project.claims.len())));
    assert!(markdown.contains("| Needs correction | 1 |"), "{markdown}");
    assert!(markdown.contains("Checked by ____"));
}
