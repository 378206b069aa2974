//! Who publishes a project's checks and where: what exports need to credit the desk.

use serde::{Deserialize, Serialize};

/// The desk's details, set once per project and written into exports.
///
/// Search engines show a ClaimReview only with its author and the address of the page
/// that publishes it, so the exports warn while these are empty.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// The desk or organisation that publishes the checks ("The Daily Star fact-check
    /// desk"): the `author` of every exported review.
    pub desk: String,
    /// The desk's home page, as the author's `url`.
    pub desk_url: String,
    /// The page where the checks of this story are published: each review's `url`.
    pub review_url: String,
}

impl Settings {
    /// What an export needs but the settings do not give, for the warning an editor
    /// reads ("no review URL: search engines ignore reviews without one").
    pub fn missing_for_export(&self) -> Vec<&'static str> {
        let mut missing = Vec::new();
        if self.desk.trim().is_empty() {
            missing.push("the desk's name (the author of each review)");
        }
        if self.review_url.trim().is_empty() {
            missing.push("the URL where the checks are published (Google requires it)");
        }
        missing
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_settings_miss_the_author_and_the_url() {
        assert_eq!(Settings::default().missing_for_export().len(), 2);
        let settings = Settings {
            desk: "Standards desk".to_owned(),
            desk_url: String::new(),
            review_url: "https://example.org/checks/idlib".to_owned(),
        };
        assert!(settings.missing_for_export().is_empty());
    }
}
