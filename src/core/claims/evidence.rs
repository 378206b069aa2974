//! Evidence: what a checker found for or against a claim, and where.

use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// Where a piece of evidence can be found again.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Locator {
    /// A web page or document online.
    Url(String),
    /// A file the desk keeps (a PDF, a recording, a screenshot).
    File(String),
    /// A wire item, by its agency id (`urn:newsml:…`, an AFP or Reuters id).
    WireItem(String),
}

impl Locator {
    /// One locator of each kind, with no location yet: the choices a picker offers.
    pub fn kinds() -> [Self; 3] {
        [
            Self::Url(String::new()),
            Self::File(String::new()),
            Self::WireItem(String::new()),
        ]
    }

    /// What kind of locator this is, as an editor says it.
    pub fn kind_label(&self) -> &'static str {
        match self {
            Self::Url(_) => "Web address",
            Self::File(_) => "File",
            Self::WireItem(_) => "Wire item",
        }
    }

    /// The address, path or id.
    pub fn location(&self) -> &str {
        match self {
            Self::Url(location) | Self::File(location) | Self::WireItem(location) => location,
        }
    }

    /// The same kind of locator pointing somewhere else.
    #[must_use]
    pub fn with_location(&self, location: String) -> Self {
        match self {
            Self::Url(_) => Self::Url(location),
            Self::File(_) => Self::File(location),
            Self::WireItem(_) => Self::WireItem(location),
        }
    }

    /// The web site's host name, for a web address.
    fn host(&self) -> Option<&str> {
        let Self::Url(url) = self else { return None };
        let rest = url.split_once("://").map_or(url.as_str(), |(_, rest)| rest);
        let host = rest.split(['/', '?', '#']).next()?;
        let host = host.rsplit('@').next()?.split(':').next()?;
        Some(host.strip_prefix("www.").unwrap_or(host)).filter(|h| !h.is_empty())
    }
}

/// Whether a piece of evidence backs the claim or not.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    /// It says the claim is right.
    #[default]
    Supports,
    /// It says the claim is wrong.
    Contradicts,
    /// It neither confirms nor refutes, but matters (background, a denial).
    Context,
}

impl Stance {
    /// Every stance, in the order pickers list them.
    pub const ALL: [Self; 3] = [Self::Supports, Self::Contradicts, Self::Context];

    /// The name an editor reads.
    pub fn label(self) -> &'static str {
        match self {
            Self::Supports => "Supports",
            Self::Contradicts => "Contradicts",
            Self::Context => "Context",
        }
    }
}

/// One piece of evidence on a claim.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// Where it is.
    pub locator: Locator,
    /// Its title or a short description.
    pub title: String,
    /// Who stands behind it (UNHCR, the Syrian Observatory, AFP). Two pieces from the
    /// same publisher are not independent.
    pub publisher: String,
    /// The passage that supports or contradicts the claim, quoted.
    pub passage: String,
    /// Whether it supports or contradicts the claim.
    pub stance: Stance,
    /// When the checker read it (web pages change).
    pub accessed: Option<Date>,
    /// SHA-256 of the copy the desk saved, so the copy can be shown unaltered later.
    pub sha256: Option<String>,
    /// When it was added.
    pub added: Timestamp,
    /// Who added it.
    pub added_by: String,
}

impl Evidence {
    /// What makes two pieces of evidence dependent: the same publisher, or failing
    /// that the same web site, file or wire item.
    pub fn origin(&self) -> String {
        let publisher = self.publisher.trim();
        if !publisher.is_empty() {
            return publisher.to_lowercase();
        }
        self.locator
            .host()
            .unwrap_or_else(|| self.locator.location().trim())
            .to_lowercase()
    }

    /// One line for lists and history entries: stance, title or location.
    pub fn summary(&self) -> String {
        let name = if self.title.trim().is_empty() {
            self.locator.location()
        } else {
            self.title.trim()
        };
        format!("{}: {name}", self.stance.label())
    }
}

/// Why an evidence form cannot be saved.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum EvidenceError {
    /// Nothing says where the evidence is.
    #[error("say where the evidence is: a web address, a file or a wire item id")]
    NoLocation,
    /// The accessed date is not a date.
    #[error("the accessed date “{0}” is not a date like 2019-08-21")]
    BadDate(String),
    /// The digest is not 64 hexadecimal digits.
    #[error("a SHA-256 is 64 hexadecimal digits; “{0}” is not one")]
    BadDigest(String),
}

/// Reads an accessed date typed as YYYY-MM-DD; blank means none.
pub fn parse_accessed(text: &str) -> Result<Option<Date>, EvidenceError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    text.parse()
        .map(Some)
        .map_err(|_| EvidenceError::BadDate(text.to_owned()))
}

/// Reads a SHA-256 digest as typed or pasted (any case, spaces allowed around it);
/// blank means none.
pub fn parse_sha256(text: &str) -> Result<Option<String>, EvidenceError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    if text.len() == 64 && text.chars().all(|c| c.is_ascii_hexdigit()) {
        Ok(Some(text.to_ascii_lowercase()))
    } else {
        Err(EvidenceError::BadDigest(text.to_owned()))
    }
}

/// How many independent origins support a claim (AFP's rule asks for two).
pub fn independent_support(evidence: &[Evidence]) -> usize {
    let mut origins: Vec<String> = evidence
        .iter()
        .filter(|e| e.stance == Stance::Supports)
        .map(Evidence::origin)
        .filter(|origin| !origin.is_empty())
        .collect();
    origins.sort_unstable();
    origins.dedup();
    origins.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn evidence(locator: Locator, publisher: &str, stance: Stance) -> Evidence {
        Evidence {
            locator,
            title: String::new(),
            publisher: publisher.to_owned(),
            passage: String::new(),
            stance,
            accessed: None,
            sha256: None,
            added: Timestamp::UNIX_EPOCH,
            added_by: String::new(),
        }
    }

    #[test]
    fn the_same_site_twice_is_one_source() {
        let a = evidence(
            Locator::Url("https://www.unhcr.org/a".into()),
            "",
            Stance::Supports,
        );
        let b = evidence(
            Locator::Url("http://unhcr.org/b?x=1".into()),
            "",
            Stance::Supports,
        );
        assert_eq!(independent_support(&[a.clone(), b]), 1);
        let c = evidence(
            Locator::WireItem("urn:afp:123".into()),
            "AFP",
            Stance::Supports,
        );
        assert_eq!(independent_support(&[a.clone(), c]), 2);
        let against = evidence(Locator::File("call.mp3".into()), "", Stance::Contradicts);
        assert_eq!(independent_support(&[a, against]), 1);
    }

    #[test]
    fn typed_dates_and_digests_are_checked() {
        assert_eq!(parse_accessed(" "), Ok(None));
        assert_eq!(
            parse_accessed("2019-08-21").unwrap().unwrap().to_string(),
            "2019-08-21"
        );
        assert!(matches!(
            parse_accessed("21/08/2019"),
            Err(EvidenceError::BadDate(_))
        ));
        let digest = "AB".repeat(32);
        assert_eq!(parse_sha256(&digest), Ok(Some("ab".repeat(32))));
        assert!(parse_sha256("abc").is_err());
    }

    #[test]
    fn a_named_publisher_outweighs_the_address() {
        let a = evidence(
            Locator::Url("https://reliefweb.int/1".into()),
            "OCHA",
            Stance::Supports,
        );
        let b = evidence(
            Locator::Url("https://unocha.org/2".into()),
            "ocha",
            Stance::Supports,
        );
        assert_eq!(independent_support(&[a, b]), 1);
    }
}
