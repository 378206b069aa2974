//! Exports: the project's checks in the formats other people and other tools read.
//!
//! - ClaimReview JSON-LD (schema.org), the markup search engines read on a published
//!   fact-check (`claim_review.rs`);
//! - W3C Web Annotation JSON-LD, each claim pinned to its words (`annotations.rs`);
//! - the verification report a standards editor reads and signs, in Markdown and in a
//!   standalone HTML page (`report.rs`, built once as a [`page::Page`] and rendered by
//!   `markdown.rs` and `html.rs`);
//! - a CSV table of the claims for spreadsheets (`claims_csv.rs`);
//! - two versions compared, as a page (`diff_page.rs`) or wdiff-style text
//!   (`diff_text.rs`), for `factdesk diff`.
//!
//! Everything here works on a [`Project`] in memory and returns text: the caller
//! decides where it goes, and passes the time in, so the same project and the same
//! options always give the same bytes. Nothing is left out silently: [`Export`] lists
//! the claims an export skipped and what it needs that the project does not give.
//! `docs/exports.md` describes the formats for other tools.

mod annotations;
mod claim_review;
mod claims_csv;
pub mod diff_page;
pub mod diff_text;
pub mod html;
pub mod markdown;
pub mod page;
mod report;

use jiff::Timestamp;

use crate::core::article::{Document, DocumentId};
use crate::core::claims::{Claim, Field};
use crate::core::project::Project;

pub use claims_csv::CSV_COLUMNS;

/// The formats a project can be exported to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ExportFormat {
    /// schema.org ClaimReview JSON-LD, one review per claim with a verdict.
    ClaimReview,
    /// W3C Web Annotation JSON-LD, one annotation per claim.
    Annotations,
    /// The verification report as Markdown.
    Markdown,
    /// The verification report as a standalone HTML page.
    Html,
    /// One CSV row per claim.
    Csv,
}

impl ExportFormat {
    /// Every format, in the order menus list them.
    pub const ALL: [Self; 5] = [
        Self::ClaimReview,
        Self::Annotations,
        Self::Markdown,
        Self::Html,
        Self::Csv,
    ];

    /// The name an editor reads in the export menu.
    pub fn label(self) -> &'static str {
        match self {
            Self::ClaimReview => "ClaimReview (JSON-LD for search engines)",
            Self::Annotations => "Web annotations (W3C JSON-LD)",
            Self::Markdown => "Verification report (Markdown)",
            Self::Html => "Verification report (HTML)",
            Self::Csv => "Claims table (CSV)",
        }
    }

    /// Whether the format compares versions of the story (the report does), so the
    /// pairs compared can be chosen.
    pub fn compares_versions(self) -> bool {
        matches!(self, Self::Markdown | Self::Html)
    }

    /// The file name ending for the format, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Self::ClaimReview | Self::Annotations => "jsonld",
            Self::Markdown => "md",
            Self::Html => "html",
            Self::Csv => "csv",
        }
    }

    /// The name the command line uses for the format (`--format claimreview`).
    pub fn key(self) -> &'static str {
        match self {
            Self::ClaimReview => "claimreview",
            Self::Annotations => "annotations",
            Self::Markdown => "markdown",
            Self::Html => "html",
            Self::Csv => "csv",
        }
    }
}

/// What an export needs besides the project.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportOptions {
    /// When the export is made: the report's date. Passed in so that exports are
    /// reproducible and the core never reads the clock.
    pub now: Timestamp,
    /// The pairs of documents (old, new) the report compares; `None` compares each
    /// earlier document with the last one, the copy to publish.
    pub pairs: Option<Vec<(DocumentId, DocumentId)>>,
}

impl ExportOptions {
    /// Options for an export made at `now`, comparing the default pairs.
    pub fn new(now: Timestamp) -> Self {
        Self { now, pairs: None }
    }
}

/// An export's text, and what it left out and why.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Export {
    /// The exported file's contents.
    pub contents: String,
    /// The claims left out, one line each ("“…”: no verdict yet").
    pub skipped: Vec<String>,
    /// What the export needs but the project does not give (missing settings, unknown
    /// documents), one sentence each.
    pub warnings: Vec<String>,
}

/// Exports `project` in `format`.
pub fn export(project: &Project, format: ExportFormat, options: &ExportOptions) -> Export {
    match format {
        ExportFormat::ClaimReview => claim_review::export(project),
        ExportFormat::Annotations => annotations::export(project),
        ExportFormat::Markdown => report::export(project, options, markdown::render),
        ExportFormat::Html => report::export(project, options, html::render),
        ExportFormat::Csv => claims_csv::export(project),
    }
}

/// The verdict a claim was given, as a reader reads it: its rating, or on a
/// conclusion-only scale its conclusion; `None` while it has none.
fn verdict<'c>(project: &Project, claim: &'c Claim) -> Option<&'c str> {
    if project.verdict_scale.is_conclusion_only() {
        Some(claim.conclusion.trim()).filter(|conclusion| !conclusion.is_empty())
    } else {
        claim.rating.as_deref()
    }
}

/// When a claim got its verdict: its latest rating (or, on a conclusion-only scale,
/// conclusion) history entry, else when it last changed.
fn verdict_date(project: &Project, claim: &Claim) -> Timestamp {
    let field = if project.verdict_scale.is_conclusion_only() {
        Field::Conclusion
    } else {
        Field::Rating
    };
    claim
        .history
        .iter()
        .rev()
        .find(|entry| entry.field == field)
        .map_or(claim.modified, |entry| entry.at)
}

/// A timestamp's day in UTC, as YYYY-MM-DD.
fn day(at: Timestamp) -> String {
    at.strftime("%Y-%m-%d").to_string()
}

/// The document's web address, when it was imported from one.
fn document_url(document: &Document) -> Option<&str> {
    document
        .original_path
        .as_deref()
        .filter(|path| path.starts_with("https://") || path.starts_with("http://"))
}

/// `text` cut to fewer than `max_chars` characters at a word boundary, with "…" when
/// anything was cut; whitespace runs (line breaks included) become single spaces.
fn shorten(text: &str, max_chars: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max_chars {
        return text;
    }
    let budget = max_chars.saturating_sub(1);
    let cut: String = text.chars().take(budget).collect();
    let kept = match cut.rfind(' ') {
        Some(space) if space > 0 => &cut[..space],
        _ => cut.as_str(),
    };
    format!("{}…", kept.trim_end_matches([',', ';', ':', ' ']))
}

/// The sentence an export gives for a claim it leaves out.
fn skipped_claim(claim: &Claim, why: &str) -> String {
    format!("“{}”: {why}", shorten(claim.statement(), 80))
}

/// A JSON value as pretty-printed text ending in a line break, like project files.
fn to_json(value: &serde_json::Value) -> String {
    let mut text = format!("{value:#}");
    text.push('\n');
    text
}

/// A warning per setting an export needs but the project lacks.
fn settings_warnings(project: &Project) -> Vec<String> {
    project
        .settings
        .missing_for_export()
        .into_iter()
        .map(|missing| format!("the project's settings lack {missing}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortening_cuts_at_a_word_and_stays_under_the_limit() {
        let text = "Foreign Minister Sergei Lavrov acknowledged on Tuesday that Russia had military personnel on the ground";
        let short = shorten(text, 75);
        assert!(short.chars().count() <= 75, "{short}");
        assert!(short.ends_with("had…"), "{short}");
        assert_eq!(shorten("Short\nenough", 75), "Short enough");
        let one_word = "x".repeat(100);
        assert_eq!(shorten(&one_word, 10).chars().count(), 10);
    }

    #[test]
    fn every_format_has_a_distinct_key() {
        let mut keys: Vec<&str> = ExportFormat::ALL.iter().map(|f| f.key()).collect();
        keys.dedup();
        assert_eq!(keys.len(), ExportFormat::ALL.len());
        assert!(ExportFormat::ALL.iter().all(|f| !f.label().is_empty()));
    }
}
