//! Articles: the versions of a story an editor compares.
//!
//! A [`Document`] keeps its full text inside the project so that a project still opens
//! when the file it was imported from is gone, and a SHA-256 of that text so a colleague
//! can tell whether it was edited outside Factdesk.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};
use unicode_segmentation::UnicodeSegmentation as _;

/// Stable identifier of a document within a project; claims refer to documents by it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DocumentId(pub String);

impl DocumentId {
    /// A fresh random identifier, so that two editors adding documents to copies of
    /// the same project never pick the same one.
    pub fn new_random() -> Self {
        Self(format!("doc-{}", uuid::Uuid::new_v4().simple()))
    }
}

impl std::fmt::Display for DocumentId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Who produced a version of the story: a wire agency, the paper itself, or someone else.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// Thomson Reuters wire copy.
    Reuters,
    /// Agence France-Presse wire copy or photo caption.
    Afp,
    /// Associated Press wire copy.
    Ap,
    /// The copy as the paper published (or is about to publish) it.
    PublishedCopy,
    /// A version edited on the desk.
    DeskEdit,
    /// Anything else: a press release, a second-hand report, a reader's tip.
    Other,
}

impl Source {
    /// Every source, in the order pickers list them.
    pub const ALL: [Self; 6] = [
        Self::Reuters,
        Self::Afp,
        Self::Ap,
        Self::PublishedCopy,
        Self::DeskEdit,
        Self::Other,
    ];

    /// The name an editor reads in lists and pickers.
    pub fn label(self) -> &'static str {
        match self {
            Self::Reuters => "Reuters",
            Self::Afp => "AFP",
            Self::Ap => "AP",
            Self::PublishedCopy => "Published copy",
            Self::DeskEdit => "Desk edit",
            Self::Other => "Other",
        }
    }
}

/// How a document's text entered the project.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// Read from a plain-text file.
    TextFile,
    /// Pasted from the clipboard.
    Clipboard,
}

impl DocumentKind {
    /// The name an editor reads in the documents list.
    pub fn label(self) -> &'static str {
        match self {
            Self::TextFile => "Text file",
            Self::Clipboard => "Pasted text",
        }
    }
}

/// One version of the story, with its full text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// Stable identifier claims refer to.
    pub id: DocumentId,
    /// The editor's name for this version, e.g. "Reuters wire, 14:02".
    pub label: String,
    /// Who produced this version.
    pub source: Source,
    /// How the text entered the project.
    pub kind: DocumentKind,
    /// The file the text was read from, if any, as it was given when importing.
    pub original_path: Option<String>,
    /// When the text entered the project.
    pub imported: Timestamp,
    /// Lower-case hex SHA-256 of `text` (UTF-8), to detect edits made outside Factdesk.
    pub sha256: String,
    /// The full text, with `\n` line endings.
    pub text: String,
}

impl Document {
    /// A new document with a fresh id and the digest of `text`.
    pub fn new(
        label: impl Into<String>,
        source: Source,
        kind: DocumentKind,
        original_path: Option<String>,
        text: String,
        now: Timestamp,
    ) -> Self {
        Self {
            id: DocumentId::new_random(),
            label: label.into(),
            source,
            kind,
            original_path,
            imported: now,
            sha256: sha256_hex(&text),
            text,
        }
    }

    /// Whether `sha256` still matches `text`; false means the text was edited by hand.
    pub fn digest_matches(&self) -> bool {
        self.sha256 == sha256_hex(&self.text)
    }
}

/// Lower-case hex SHA-256 of a text's UTF-8 bytes.
pub fn sha256_hex(text: &str) -> String {
    use std::fmt::Write as _;
    Sha256::digest(text.as_bytes())
        .iter()
        .fold(String::with_capacity(64), |mut hex, byte| {
            // Writing to a String cannot fail.
            let _ = write!(hex, "{byte:02x}");
            hex
        })
}

/// Number of words in a text, by Unicode word boundaries (so "60,000" is one word and
/// "al-Numan" is two, as a word processor counts them).
pub fn count_words(text: &str) -> usize {
    text.unicode_words().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digest_is_the_well_known_sha256() {
        assert_eq!(
            sha256_hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn digest_mismatch_is_detected() {
        let mut doc = Document::new(
            "Wire",
            Source::Reuters,
            DocumentKind::Clipboard,
            None,
            "Rescuers said 60,000 fled.".to_owned(),
            Timestamp::UNIX_EPOCH,
        );
        assert!(doc.digest_matches());
        doc.text.push('!');
        assert!(!doc.digest_matches());
    }

    #[test]
    fn words_are_counted_like_a_word_processor() {
        assert_eq!(count_words("Around 60,000 people had fled."), 5);
        assert_eq!(count_words("“The flow of cars…” – AFP"), 5);
        assert_eq!(count_words(""), 0);
    }

    #[test]
    fn fresh_ids_differ() {
        assert_ne!(DocumentId::new_random(), DocumentId::new_random());
    }
}
