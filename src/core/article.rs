//! Articles: the versions of a story an editor compares.
//!
//! A [`Document`] keeps its full text inside the project so that a project still opens
//! when the file it was imported from is gone, and a SHA-256 of that text so a colleague
//! can tell whether it was edited outside Factdesk. Its [`Segment`]s say what each part
//! of the text is (headline, caption, body…) and which agency it is credited to; lines
//! set aside on import (site menus, button text) are kept in [`SetAside`] entries, so
//! nothing the editor received is ever silently dropped.

use std::ops::Range;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};
use unicode_segmentation::UnicodeSegmentation as _;

use super::agency::Agency;
use super::anchor::byte_offset;

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
    /// Deutsche Presse-Agentur wire copy.
    Dpa,
    /// ANSA wire copy.
    Ansa,
    /// EFE wire copy.
    Efe,
    /// Xinhua wire copy.
    Xinhua,
    /// PA Media wire copy.
    Pa,
    /// The copy as the paper published (or is about to publish) it.
    PublishedCopy,
    /// A version edited on the desk.
    DeskEdit,
    /// Anything else: a press release, a second-hand report, a reader's tip.
    Other,
}

impl Source {
    /// Every source, in the order pickers list them.
    pub const ALL: [Self; 11] = [
        Self::Reuters,
        Self::Afp,
        Self::Ap,
        Self::Dpa,
        Self::Ansa,
        Self::Efe,
        Self::Xinhua,
        Self::Pa,
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
            Self::Dpa => "dpa",
            Self::Ansa => "ANSA",
            Self::Efe => "EFE",
            Self::Xinhua => "Xinhua",
            Self::Pa => "PA",
            Self::PublishedCopy => "Published copy",
            Self::DeskEdit => "Desk edit",
            Self::Other => "Other",
        }
    }
}

impl Source {
    /// The name the project file (and the command line) uses for the source.
    pub fn key(self) -> &'static str {
        match self {
            Self::Reuters => "reuters",
            Self::Afp => "afp",
            Self::Ap => "ap",
            Self::Dpa => "dpa",
            Self::Ansa => "ansa",
            Self::Efe => "efe",
            Self::Xinhua => "xinhua",
            Self::Pa => "pa",
            Self::PublishedCopy => "published_copy",
            Self::DeskEdit => "desk_edit",
            Self::Other => "other",
        }
    }

    /// The source a document credited to `agency` comes from: the agency's own wire,
    /// or "other" for agencies without a source of their own.
    pub fn of_agency(agency: &Agency) -> Self {
        match agency {
            Agency::Reuters => Self::Reuters,
            Agency::Afp => Self::Afp,
            Agency::Ap => Self::Ap,
            Agency::Dpa => Self::Dpa,
            Agency::Ansa => Self::Ansa,
            Agency::Efe => Self::Efe,
            Agency::Xinhua => Self::Xinhua,
            Agency::Pa => Self::Pa,
            Agency::Other(_) | Agency::Unknown => Self::Other,
        }
    }
}

/// How a document's text entered the project: the format it came in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// Read from a plain-text file.
    TextFile,
    /// Extracted from a web page saved as HTML.
    HtmlPage,
    /// Read from an IPTC ninjs item (JSON).
    Ninjs,
    /// Read from an IPTC NewsML-G2 news item (XML).
    NewsmlG2,
    /// Pasted from the clipboard as plain text.
    Clipboard,
    /// Pasted from the clipboard as HTML (copied from a browser).
    ClipboardHtml,
}

impl DocumentKind {
    /// The name an editor reads in the documents list.
    pub fn label(self) -> &'static str {
        match self {
            Self::TextFile => "Text file",
            Self::HtmlPage => "Web page (HTML)",
            Self::Ninjs => "IPTC ninjs",
            Self::NewsmlG2 => "IPTC NewsML-G2",
            Self::Clipboard => "Pasted text",
            Self::ClipboardHtml => "Pasted web page",
        }
    }
}

/// What a segment of an article is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The headline.
    Headline,
    /// The standfirst: a summary under the headline.
    Standfirst,
    /// Who wrote it ("By …", "Reporting by …").
    Byline,
    /// A photo caption, with its credit.
    Caption,
    /// The dateline opening the story ("AMMAN:", "GROSSETO, Italy (AP) --").
    Dateline,
    /// A paragraph of the story.
    Body,
    /// The agency credit closing the story ("- Reuters").
    Credit,
}

impl Role {
    /// Every role, in the order pickers list them.
    pub const ALL: [Self; 7] = [
        Self::Headline,
        Self::Standfirst,
        Self::Byline,
        Self::Caption,
        Self::Dateline,
        Self::Body,
        Self::Credit,
    ];

    /// The name an editor reads.
    pub fn label(self) -> &'static str {
        match self {
            Self::Headline => "Headline",
            Self::Standfirst => "Standfirst",
            Self::Byline => "Byline",
            Self::Caption => "Caption",
            Self::Dateline => "Dateline",
            Self::Body => "Body",
            Self::Credit => "Credit",
        }
    }
}

/// A typed part of a document's text, credited to an agency.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Segment {
    /// What the part is.
    pub role: Role,
    /// Who it is credited to.
    pub agency: Agency,
    /// Code-point offset of its first character in the document's text.
    pub start: usize,
    /// Code-point offset just past its last character.
    pub end: usize,
}

impl Segment {
    /// The segment's position in code points.
    pub fn char_range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The short label shown in the margin: "CAPTION · AFP", "HEADLINE".
    pub fn margin_label(&self) -> String {
        let role = self.role.label().to_uppercase();
        if self.agency.is_known() {
            format!("{role} · {}", self.agency.label())
        } else {
            role
        }
    }
}

/// Text taken out of a document on import because it is not part of the story (a site
/// menu, a "Back to top" button), kept so the editor can put it back.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SetAside {
    /// Exactly what was taken out, line breaks included.
    pub text: String,
    /// Code-point offset in the document's text where it was taken out.
    pub at: usize,
    /// Why, in a few words an editor reads ("site menu links run together").
    pub reason: String,
}

/// How a copy that stops before its story ends stops.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CutOffEnding {
    /// Its last paragraph stops mid-sentence or mid-word ("… since ste").
    MidSentence,
    /// Its last paragraph stops on an ellipsis, as a teaser does ("The town is
    /// controlled…").
    Ellipsis,
}

/// A flag on copy that seems cut off: the page was saved before it loaded, a feed kept
/// its opening only, a paywall hid the rest. A comparison reads its missing tail as a
/// cut, not as the publication's own edit.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CutOff {
    /// How it stops.
    pub ending: CutOffEnding,
    /// Its last words, as received.
    pub last_words: String,
}

impl CutOff {
    /// The flag as an editor reads it: "ends mid-sentence (“… since ste”): this copy may
    /// be cut off".
    pub fn describe(&self) -> String {
        let how = match self.ending {
            CutOffEnding::MidSentence => "ends mid-sentence",
            CutOffEnding::Ellipsis => "ends on an ellipsis",
        };
        format!("{how} (“…{}”): this copy may be cut off", self.last_words)
    }
}

/// What the source format said about the item (versions, status, rights, the
/// publication and its dates) and what the import noticed about it. Every field is
/// optional; plain text carries little of it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Metadata {
    /// The publication the copy comes from ("Gulf Daily"): the page's site name, or
    /// the name its file gives.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publication: Option<String>,
    /// When the page says the story was published, in ISO 8601 ("2019-08-21T21:43").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// When the page says the story was last updated, in ISO 8601.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
    /// Set when the copy seems to stop before its story ends.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cut_off: Option<CutOff>,
    /// What the import noticed about the file ("named .json, but plain text: read as
    /// text").
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notices: Vec<String>,
    /// The character encoding the text was decoded from, when it was not UTF-8.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
    /// The item's identifier (ninjs `uri`, NewsML-G2 `guid`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item_id: Option<String>,
    /// The item's version number, as the agency numbers them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// When this version was created, as the source gives it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version_created: Option<String>,
    /// When the first version was created.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_created: Option<String>,
    /// Where the story happened, as the item names the place.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub located: Option<String>,
    /// Publication status ("usable", "withheld", "canceled").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pub_status: Option<String>,
    /// Signals such as "update" or "correction".
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub signals: Vec<String>,
    /// The previous version this one replaces.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous_version: Option<String>,
    /// Who holds the copyright.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub copyright_holder: Option<String>,
    /// The agency's credit line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credit_line: Option<String>,
    /// Sources the agency names for the item.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub info_sources: Vec<String>,
    /// The agency's note to editors.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ednote: Option<String>,
    /// Who handled the item on its way, oldest first ("2018-10-19T16:15:00Z Thomson
    /// Reuters: created").
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub hop_history: Vec<String>,
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
    /// What the source format said about the item.
    #[serde(default)]
    pub metadata: Metadata,
    /// The typed parts of the text, in order; empty when nothing was recognised.
    #[serde(default)]
    pub segments: Vec<Segment>,
    /// What was taken out on import, in order of position.
    #[serde(default)]
    pub set_aside: Vec<SetAside>,
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
            metadata: Metadata::default(),
            segments: Vec::new(),
            set_aside: Vec::new(),
            text,
        }
    }

    /// Whether the document is an agency's copy: a wire item, or a version credited to
    /// an agency rather than to a paper or a desk.
    pub fn is_wire_copy(&self) -> bool {
        matches!(self.kind, DocumentKind::Ninjs | DocumentKind::NewsmlG2)
            || !matches!(
                self.source,
                Source::PublishedCopy | Source::DeskEdit | Source::Other
            )
    }

    /// Whether `sha256` still matches `text`; false means the text was edited by hand.
    pub fn digest_matches(&self) -> bool {
        self.sha256 == sha256_hex(&self.text)
    }

    /// The words of each segment, in order, found in one pass over the text (segments
    /// outside the text give an empty string).
    pub fn segment_words(&self) -> Vec<&str> {
        segment_words(&self.text, &self.segments)
    }

    /// The segment covering the code point at `offset`, if any.
    pub fn segment_at(&self, offset: usize) -> Option<&Segment> {
        let index = self.segments.partition_point(|s| s.end <= offset);
        self.segments.get(index).filter(|s| s.start <= offset)
    }

    /// Who the words at code point `offset` are credited to, as an editor names them:
    /// the agency of the segment they are in ("AFP" for a caption on a Reuters page),
    /// else the document's source, else, when the source is "Other" and so names
    /// nobody, the document's label.
    pub fn credited_to(&self, offset: usize) -> String {
        match self.segment_at(offset) {
            Some(segment) if segment.agency.is_known() => segment.agency.label().into_owned(),
            _ if self.source == Source::Other => self.label.clone(),
            _ => self.source.label().to_owned(),
        }
    }

    /// The text exactly as it was received: the document's text with everything set
    /// aside put back where it was.
    pub fn received_text(&self) -> String {
        let mut text = self.text.clone();
        let mut inserted_chars = 0;
        for entry in &self.set_aside {
            let at = entry.at + inserted_chars;
            let Some(byte) = byte_offset(&text, at) else {
                break;
            };
            text.insert_str(byte, &entry.text);
            inserted_chars += entry.text.chars().count();
        }
        text
    }

    /// Puts a set-aside entry back into the text where it was, moving the segments and
    /// the other entries after it. Returns the code-point range the restored text now
    /// occupies, or `None` when there is no such entry (or it points outside the text).
    pub fn restore_set_aside(&mut self, index: usize) -> Option<Range<usize>> {
        let entry = self.set_aside.get(index)?;
        let byte = byte_offset(&self.text, entry.at)?;
        let entry = self.set_aside.remove(index);
        let length = entry.text.chars().count();
        self.text.insert_str(byte, &entry.text);
        self.sha256 = sha256_hex(&self.text);
        // Entries taken out at the same place keep their order: the ones that came
        // after this one now come after its text.
        for later in self.set_aside.iter_mut().skip(index) {
            later.at += length;
        }
        for segment in &mut self.segments {
            if segment.start >= entry.at {
                segment.start += length;
                segment.end += length;
            } else if segment.end > entry.at {
                // Put back inside a segment: the segment holds it.
                segment.end += length;
            }
        }
        Some(entry.at..entry.at + length)
    }
}

/// The words of each of `segments` (in order, not overlapping) in `text`, found in one
/// pass over the text; segments outside the text give an empty string.
pub fn segment_words<'t>(text: &'t str, segments: &[Segment]) -> Vec<&'t str> {
    let mut offsets = text
        .char_indices()
        .map(|(byte, _)| byte)
        .chain(std::iter::once(text.len()));
    let mut next_char = 0;
    let mut last = None;
    let mut byte_at = |char_offset: usize| -> Option<usize> {
        // Segments are in order and do not overlap, so offsets only grow; one segment
        // may start where the last ended.
        if let Some((char, byte)) = last
            && char == char_offset
        {
            return Some(byte);
        }
        let byte = offsets.nth(char_offset.checked_sub(next_char)?)?;
        next_char = char_offset + 1;
        last = Some((char_offset, byte));
        Some(byte)
    };
    segments
        .iter()
        .map(|segment| {
            let start = byte_at(segment.start);
            let end = start.and_then(|_| byte_at(segment.end));
            match (start, end) {
                (Some(start), Some(end)) => &text[start..end],
                _ => "",
            }
        })
        .collect()
}

/// Lower-case hex SHA-256 of some bytes (for a text: its UTF-8).
pub fn sha256_hex(bytes: impl AsRef<[u8]>) -> String {
    hex(&Sha256::digest(bytes.as_ref()))
}

/// Lower-case hex SHA-256 of a file, read in pieces: evidence files (recordings,
/// scans) can be far larger than memory should hold.
pub fn sha256_file(path: &std::path::Path) -> std::io::Result<String> {
    use std::io::Read as _;
    let mut file = std::fs::File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buffer = vec![0; 64 * 1024];
    loop {
        let read = file.read(&mut buffer)?;
        if read == 0 {
            return Ok(hex(&hasher.finalize()));
        }
        hasher.update(&buffer[..read]);
    }
}

/// Lower-case hexadecimal of a digest.
fn hex(digest: &[u8]) -> String {
    use std::fmt::Write as _;
    digest
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
        let file = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(file.path(), "abc".repeat(50_000)).unwrap();
        assert_eq!(
            sha256_file(file.path()).unwrap(),
            sha256_hex("abc".repeat(50_000))
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

    fn document_with_set_aside() -> Document {
        let mut document = Document::new(
            "Page",
            Source::Reuters,
            DocumentKind::TextFile,
            None,
            "Headline\n\nBody.".to_owned(),
            Timestamp::UNIX_EPOCH,
        );
        document.segments = vec![Segment {
            role: Role::Body,
            agency: Agency::Reuters,
            start: 10,
            end: 15,
        }];
        document.set_aside = vec![
            SetAside {
                text: "MenuLinks\n\n".to_owned(),
                at: 0,
                reason: "menu".to_owned(),
            },
            SetAside {
                text: "Ad\n\n".to_owned(),
                at: 10,
                reason: "advert".to_owned(),
            },
            SetAside {
                text: "\n\nBack to top".to_owned(),
                at: 15,
                reason: "button".to_owned(),
            },
        ];
        document
    }

    #[test]
    fn segment_words_are_found_in_one_pass() {
        let mut document = document_with_set_aside();
        document.segments.insert(
            0,
            Segment {
                role: Role::Headline,
                agency: Agency::Unknown,
                start: 0,
                end: 8,
            },
        );
        assert_eq!(document.segment_words(), ["Headline", "Body."]);
        document.segments[1].end = 14;
        document.segments.push(Segment {
            role: Role::Credit,
            agency: Agency::Reuters,
            start: 14,
            end: 15,
        });
        assert_eq!(document.segment_words(), ["Headline", "Body", "."]);
        document.segments.pop();
        document.segments[1].end = 15;
        document.segments[1].end = 99;
        assert_eq!(document.segment_words(), ["Headline", ""]);
    }

    #[test]
    fn the_received_text_is_the_text_with_everything_put_back() {
        assert_eq!(
            document_with_set_aside().received_text(),
            "MenuLinks\n\nHeadline\n\nAd\n\nBody.\n\nBack to top"
        );
    }

    #[test]
    fn restoring_moves_what_comes_after() {
        let mut document = document_with_set_aside();
        let received = document.received_text();
        assert_eq!(document.restore_set_aside(1), Some(10..14));
        assert_eq!(document.text, "Headline\n\nAd\n\nBody.");
        assert_eq!(document.segments[0].start, 14);
        assert_eq!(document.set_aside[1].at, 19);
        assert_eq!(document.received_text(), received);
        assert!(document.digest_matches());
        assert_eq!(document.segment_at(15).map(|s| s.role), Some(Role::Body));
        assert_eq!(document.segment_at(3), None);
        assert_eq!(document.restore_set_aside(7), None);
    }

    #[test]
    fn words_are_credited_to_their_segment_then_the_document() {
        let mut document = document_with_set_aside();
        document.segments[0].agency = Agency::Afp;
        assert_eq!(document.credited_to(11), "AFP");
        assert_eq!(document.credited_to(2), "Reuters");
        document.segments[0].agency = Agency::Unknown;
        assert_eq!(document.credited_to(11), "Reuters");
        document.source = Source::Other;
        assert_eq!(document.credited_to(11), "Page");
    }

    #[test]
    fn source_keys_are_the_project_file_names() {
        for source in Source::ALL {
            let json = serde_json::to_string(&source).unwrap();
            assert_eq!(json, format!("\"{}\"", source.key()));
        }
    }

    #[test]
    fn fresh_ids_differ() {
        assert_ne!(DocumentId::new_random(), DocumentId::new_random());
    }
}
