//! The project file: every version of a story and every claim on it, in one
//! self-contained, deterministic JSON file (`*.factdesk.json`) that a colleague can
//! open, diff in git and trust. `docs/project-format.md` describes it for other tools.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::agency::Agency;
use super::anchor::byte_offset;
use super::article::{Document, DocumentId, Role, Source};
use super::atomic_file::{AtomicWriteError, replace_file};
use super::claims::{Claim, ClaimId, Status};

/// The value of the `"format"` field that marks a Factdesk project.
pub const FORMAT_NAME: &str = "factdesk-project";
/// The newest project format version this build reads and the one it writes.
///
/// Version 2 added documents' `metadata`, `segments` and `set_aside`; a version-1 file
/// reads as a version-2 project whose documents have none of them.
pub const FORMAT_VERSION: u64 = 2;
/// The file name ending of project files.
pub const FILE_EXTENSION: &str = ".factdesk.json";

/// The current time, to the second: project files carry no sub-second noise.
pub fn timestamp_now() -> Timestamp {
    Timestamp::from_second(Timestamp::now().as_second()).unwrap_or(Timestamp::UNIX_EPOCH)
}

/// A fact-check project: the versions of a story and the claims being checked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Project {
    /// Always [`FORMAT_NAME`]; checked before the rest of the file is read.
    format: String,
    /// Always [`FORMAT_VERSION`] once loaded; checked before the rest of the file is read.
    version: u64,
    /// The project's name, shown in the window title.
    pub title: String,
    /// When the project was created.
    pub created: Timestamp,
    /// When the project's contents last changed.
    pub modified: Timestamp,
    /// The versions of the story, in the order the editor added them.
    pub documents: Vec<Document>,
    /// The claims, in reading order: by document, then by position in it.
    pub claims: Vec<Claim>,
}

/// Why the contents of a file are not a project this build can open.
#[derive(Debug, thiserror::Error)]
pub enum FormatError {
    /// The file is not JSON, or JSON of the wrong shape.
    #[error("{message} at line {line}, column {column}")]
    Json {
        /// What the parser expected or found.
        message: String,
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem.
        column: usize,
    },
    /// The file is JSON but not a Factdesk project.
    #[error("not a Factdesk project (its \"format\" field is {found}, not \"{FORMAT_NAME}\")")]
    NotAProject {
        /// The `format` value found, or "missing".
        found: String,
    },
    /// The file was written by a newer Factdesk.
    #[error(
        "saved by a newer Factdesk (project format version {found}; this build reads version {FORMAT_VERSION} and older): update Factdesk to open it"
    )]
    NewerVersion {
        /// The version found in the file.
        found: u64,
    },
    /// The `version` field is missing or not a positive whole number.
    #[error("the \"version\" field is {found}, not a positive whole number")]
    BadVersion {
        /// The `version` value found, or "missing".
        found: String,
    },
    /// The JSON is well-formed but contradicts itself.
    #[error("the project contradicts itself: {}", problems.join("; "))]
    Inconsistent {
        /// One sentence per problem.
        problems: Vec<String>,
    },
}

impl FormatError {
    fn from_json(err: &serde_json::Error) -> Self {
        Self::Json {
            message: json_message(err),
            line: err.line(),
            column: err.column(),
        }
    }
}

/// What serde_json says went wrong, without the " at line … column …" it appends (the
/// position is reported on its own).
pub(crate) fn json_message(err: &serde_json::Error) -> String {
    let full = err.to_string();
    let suffix = format!(" at line {} column {}", err.line(), err.column());
    full.strip_suffix(&suffix).unwrap_or(&full).to_owned()
}

/// Why text set aside on import could not be put back.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum RestoreError {
    /// The document or the set-aside entry is gone.
    #[error("the document has no such set-aside text")]
    NotFound,
    /// The text would land inside a claim's words and change its quote.
    #[error("it would land inside the claim “{quote}”")]
    SplitsClaim {
        /// The claim's quoted words.
        quote: String,
    },
}

/// A project file that could not be opened; the file itself is never modified.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read.
    #[error("could not read {}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// What the operating system said.
        #[source]
        source: std::io::Error,
    },
    /// The file is not valid UTF-8.
    #[error("not UTF-8 text, so not a Factdesk project: {}", path.display())]
    NotText {
        /// The file.
        path: PathBuf,
    },
    /// The file's contents are not a project this build can open.
    #[error("could not open {}", path.display())]
    Format {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        #[source]
        source: FormatError,
    },
}

/// Where a claim comes in reading order: by its document's place in the project, then
/// by its position in the document.
fn project_reading_order(documents: &[Document], claim: &Claim) -> (Option<usize>, usize, usize) {
    let document_index = documents.iter().position(|d| d.id == claim.document);
    (document_index, claim.anchor.start, claim.anchor.end)
}

/// The only header fields looked at before the rest of the file, so that a file from a
/// newer Factdesk is refused for its version, not for fields this build does not know.
#[derive(Deserialize)]
struct Header {
    format: Option<serde_json::Value>,
    version: Option<serde_json::Value>,
}

fn describe(value: Option<&serde_json::Value>) -> String {
    value.map_or_else(|| "missing".to_owned(), ToString::to_string)
}

impl Project {
    /// A new, empty project.
    pub fn new(title: impl Into<String>, now: Timestamp) -> Self {
        Self {
            format: FORMAT_NAME.to_owned(),
            version: FORMAT_VERSION,
            title: title.into(),
            created: now,
            modified: now,
            documents: Vec::new(),
            claims: Vec::new(),
        }
    }

    /// Reads a project file. Never modifies the file, whatever is wrong with it.
    pub fn load(path: &Path) -> Result<Self, LoadError> {
        let bytes = std::fs::read(path).map_err(|source| LoadError::Read {
            path: path.to_owned(),
            source,
        })?;
        let text = String::from_utf8(bytes).map_err(|_| LoadError::NotText {
            path: path.to_owned(),
        })?;
        Self::from_json(&text).map_err(|source| LoadError::Format {
            path: path.to_owned(),
            source,
        })
    }

    /// Parses a project from the text of a project file.
    pub fn from_json(text: &str) -> Result<Self, FormatError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let header: Header =
            serde_json::from_str(text).map_err(|err| FormatError::from_json(&err))?;
        if header.format.as_ref().and_then(serde_json::Value::as_str) != Some(FORMAT_NAME) {
            return Err(FormatError::NotAProject {
                found: describe(header.format.as_ref()),
            });
        }
        match header.version.as_ref().and_then(serde_json::Value::as_u64) {
            Some(found) if found > FORMAT_VERSION => {
                return Err(FormatError::NewerVersion { found });
            }
            Some(1..) => {}
            _ => {
                return Err(FormatError::BadVersion {
                    found: describe(header.version.as_ref()),
                });
            }
        }
        let mut project: Self =
            serde_json::from_str(text).map_err(|err| FormatError::from_json(&err))?;
        let problems = project.problems();
        if !problems.is_empty() {
            return Err(FormatError::Inconsistent { problems });
        }
        // Files written by hand or merged by git may list claims out of order; the
        // project keeps them in reading order, as it writes them.
        project
            .claims
            .sort_by_cached_key(|claim| project_reading_order(&project.documents, claim));
        // Migration: a version-1 file has read as a version-2 project whose documents
        // have no metadata, segments or set-aside text; it is saved as version 2.
        project.version = FORMAT_VERSION;
        Ok(project)
    }

    /// The project as the text of a project file: pretty-printed JSON ending in a
    /// newline. The same project always gives the same bytes.
    ///
    /// # Panics
    /// Never in practice: a project holds only strings, numbers and lists, which always
    /// serialise.
    pub fn to_json(&self) -> String {
        #[expect(clippy::expect_used, reason = "cannot fail, see above")]
        let mut json = serde_json::to_string_pretty(self).expect("project serialises");
        json.push('\n');
        json
    }

    /// Writes the project to `path` atomically: on failure the previous file is left
    /// byte-identical.
    pub fn save(&self, path: &Path) -> Result<(), AtomicWriteError> {
        replace_file(path, self.to_json().as_bytes())
    }

    /// Contradictions that make the project unusable: duplicate ids, claims on missing
    /// documents, anchors outside their document.
    fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let mut document_ids = HashSet::new();
        for document in &self.documents {
            if !document_ids.insert(&document.id) {
                problems.push(format!("two documents have the id {}", document.id));
            }
        }
        for document in &self.documents {
            let length = document.text.chars().count();
            let segments_in_order = document
                .segments
                .windows(2)
                .all(|pair| pair[0].end <= pair[1].start);
            let segments_inside = document
                .segments
                .iter()
                .all(|s| s.start <= s.end && s.end <= length);
            if !segments_in_order || !segments_inside {
                problems.push(format!(
                    "the segments of document “{}” overlap or lie outside its text",
                    document.label
                ));
            }
            let set_aside_in_order = document.set_aside.windows(2).all(|p| p[0].at <= p[1].at);
            if !set_aside_in_order || document.set_aside.iter().any(|e| e.at > length) {
                problems.push(format!(
                    "the set-aside text of document “{}” is out of order or outside its text",
                    document.label
                ));
            }
        }
        let mut claim_ids = HashSet::new();
        for claim in &self.claims {
            if !claim_ids.insert(&claim.id) {
                problems.push(format!("two claims have the id {}", claim.id));
            }
            let Some(document) = self.document(&claim.document) else {
                problems.push(format!(
                    "claim {} is on document {}, which the project does not have",
                    claim.id, claim.document
                ));
                continue;
            };
            let anchor = &claim.anchor;
            if anchor.start > anchor.end || byte_offset(&document.text, anchor.end).is_none() {
                problems.push(format!(
                    "claim {} points at characters {}..{}, outside document “{}” ({} characters)",
                    claim.id,
                    anchor.start,
                    anchor.end,
                    document.label,
                    document.text.chars().count()
                ));
            }
        }
        problems
    }

    /// Signs that the file was edited outside Factdesk, which the desk should look at
    /// but which do not stop the project from opening: a document whose text no longer
    /// matches its digest, a claim whose quote is no longer at its place.
    pub fn integrity_warnings(&self) -> Vec<String> {
        let mut warnings = Vec::new();
        for document in &self.documents {
            if !document.digest_matches() {
                warnings.push(format!(
                    "the text of document “{}” does not match its sha256: it was changed outside Factdesk",
                    document.label
                ));
            }
        }
        for claim in &self.claims {
            if let Some(document) = self.document(&claim.document)
                && !claim.anchor.matches(&document.text)
            {
                warnings.push(format!(
                    "claim “{}” no longer matches the text of “{}” at characters {}..{}",
                    claim.anchor.exact, document.label, claim.anchor.start, claim.anchor.end
                ));
            }
        }
        warnings
    }

    /// The document with this id.
    pub fn document(&self, document_id: &DocumentId) -> Option<&Document> {
        self.documents.iter().find(|doc| &doc.id == document_id)
    }

    fn document_mut(&mut self, document_id: &DocumentId) -> Option<&mut Document> {
        self.documents.iter_mut().find(|doc| &doc.id == document_id)
    }

    /// The claim with this id.
    pub fn claim(&self, claim_id: &ClaimId) -> Option<&Claim> {
        self.claims.iter().find(|claim| &claim.id == claim_id)
    }

    fn claim_mut(&mut self, claim_id: &ClaimId) -> Option<&mut Claim> {
        self.claims.iter_mut().find(|claim| &claim.id == claim_id)
    }

    /// The claim whose words cover the code point at `offset` of a document (the first,
    /// if claims overlap there).
    pub fn claim_at(&self, document_id: &DocumentId, offset: usize) -> Option<&Claim> {
        self.claims.iter().find(|claim| {
            &claim.document == document_id && claim.anchor.char_range().contains(&offset)
        })
    }

    /// The claims on one document, in reading order.
    pub fn claims_on<'a>(&'a self, document_id: &'a DocumentId) -> impl Iterator<Item = &'a Claim> {
        self.claims
            .iter()
            .filter(move |claim| &claim.document == document_id)
    }

    /// How many claims have each status, in [`Status::ALL`] order.
    pub fn status_counts(&self) -> [(Status, usize); Status::ALL.len()] {
        Status::ALL.map(|status| {
            let count = self.claims.iter().filter(|c| c.status == status).count();
            (status, count)
        })
    }

    /// Renames the project. Returns whether anything changed.
    pub fn set_title(&mut self, title: String, now: Timestamp) -> bool {
        if self.title == title {
            return false;
        }
        self.title = title;
        self.modified = now;
        true
    }

    /// Adds a version of the story after the others.
    pub fn add_document(&mut self, document: Document, now: Timestamp) -> DocumentId {
        let document_id = document.id.clone();
        self.documents.push(document);
        self.modified = now;
        document_id
    }

    /// Removes a document and the claims on it, and returns them.
    pub fn remove_document(
        &mut self,
        document_id: &DocumentId,
        now: Timestamp,
    ) -> Option<(Document, Vec<Claim>)> {
        let index = self.documents.iter().position(|d| &d.id == document_id)?;
        let document = self.documents.remove(index);
        let (removed, kept) = std::mem::take(&mut self.claims)
            .into_iter()
            .partition(|claim| &claim.document == document_id);
        self.claims = kept;
        self.modified = now;
        Some((document, removed))
    }

    /// Changes a document's label. Returns whether anything changed.
    pub fn rename_document(
        &mut self,
        document_id: &DocumentId,
        label: String,
        now: Timestamp,
    ) -> bool {
        let Some(document) = self.document_mut(document_id) else {
            return false;
        };
        if document.label == label {
            return false;
        }
        document.label = label;
        self.modified = now;
        true
    }

    /// Changes who a document is credited to. Returns whether anything changed.
    pub fn set_document_source(
        &mut self,
        document_id: &DocumentId,
        source: Source,
        now: Timestamp,
    ) -> bool {
        let Some(document) = self.document_mut(document_id) else {
            return false;
        };
        if document.source == source {
            return false;
        }
        document.source = source;
        self.modified = now;
        true
    }

    /// Puts text set aside on import back into its document, moving the claims after it
    /// with the text. Refused, changing nothing, when the text would land inside a
    /// claim's words.
    pub fn restore_set_aside(
        &mut self,
        document_id: &DocumentId,
        index: usize,
        now: Timestamp,
    ) -> Result<(), RestoreError> {
        let at = self
            .document(document_id)
            .and_then(|document| document.set_aside.get(index))
            .ok_or(RestoreError::NotFound)?
            .at;
        if let Some(claim) = self
            .claims_on(document_id)
            .find(|claim| claim.anchor.start < at && at < claim.anchor.end)
        {
            return Err(RestoreError::SplitsClaim {
                quote: claim.anchor.exact.clone(),
            });
        }
        let document = self
            .document_mut(document_id)
            .ok_or(RestoreError::NotFound)?;
        let restored = document
            .restore_set_aside(index)
            .ok_or(RestoreError::NotFound)?;
        let text = document.text.clone();
        for claim in self
            .claims
            .iter_mut()
            .filter(|c| &c.document == document_id)
        {
            // The context is read afresh even for claims before the text put back: it
            // may reach into it.
            let shift = if claim.anchor.start >= restored.start {
                restored.len()
            } else {
                0
            };
            claim.anchor = claim.anchor.moved_by(&text, shift);
        }
        self.modified = now;
        Ok(())
    }

    /// Corrects what a segment of a document is and who it is credited to. Returns
    /// whether anything changed.
    pub fn set_segment(
        &mut self,
        document_id: &DocumentId,
        index: usize,
        role: Role,
        agency: Agency,
        now: Timestamp,
    ) -> bool {
        let Some(segment) = self
            .document_mut(document_id)
            .and_then(|document| document.segments.get_mut(index))
        else {
            return false;
        };
        if segment.role == role && segment.agency == agency {
            return false;
        }
        segment.role = role;
        segment.agency = agency;
        self.modified = now;
        true
    }

    /// Adds a claim at its place in reading order. Returns `None` (and adds nothing)
    /// when the claim is on a document the project does not have.
    pub fn add_claim(&mut self, claim: Claim, now: Timestamp) -> Option<ClaimId> {
        self.document(&claim.document)?;
        let key = project_reading_order(&self.documents, &claim);
        let at = self
            .claims
            .partition_point(|c| project_reading_order(&self.documents, c) <= key);
        let claim_id = claim.id.clone();
        self.claims.insert(at, claim);
        self.modified = now;
        Some(claim_id)
    }

    /// Removes a claim and returns it.
    pub fn remove_claim(&mut self, claim_id: &ClaimId, now: Timestamp) -> Option<Claim> {
        let index = self.claims.iter().position(|c| &c.id == claim_id)?;
        self.modified = now;
        Some(self.claims.remove(index))
    }

    /// Moves a claim to a new status, recording it in the claim's history.
    /// Returns whether anything changed.
    pub fn set_claim_status(&mut self, claim_id: &ClaimId, status: Status, now: Timestamp) -> bool {
        let changed = self
            .claim_mut(claim_id)
            .is_some_and(|claim| claim.set_status(status, now));
        if changed {
            self.modified = now;
        }
        changed
    }

    /// Replaces a claim's note. Returns whether anything changed.
    pub fn set_claim_note(&mut self, claim_id: &ClaimId, note: String, now: Timestamp) -> bool {
        let changed = self
            .claim_mut(claim_id)
            .is_some_and(|claim| claim.set_note(note, now));
        if changed {
            self.modified = now;
        }
        changed
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::anchor::TextAnchor;
    use crate::core::article::{DocumentKind, SetAside};

    fn at(second: i64) -> Timestamp {
        Timestamp::from_second(second).unwrap()
    }

    fn sample() -> Project {
        let mut project = Project::new("Idlib offensive", at(0));
        let text = "Rescuers there said around 60,000 people had fled.".to_owned();
        let document = Document::new(
            "Reuters wire",
            Source::Reuters,
            DocumentKind::TextFile,
            Some("wire.txt".to_owned()),
            text.clone(),
            at(1),
        );
        let document_id = project.add_document(document, at(1));
        let anchor = TextAnchor::from_selection(&text, 27..40).unwrap();
        let claim = Claim::new(document_id, anchor, at(2));
        let claim_id = project.add_claim(claim, at(2)).unwrap();
        project.set_claim_status(&claim_id, Status::Verified, at(3));
        project
    }

    #[test]
    fn round_trip_gives_identical_bytes() {
        let project = sample();
        let json = project.to_json();
        let reloaded = Project::from_json(&json).unwrap();
        assert_eq!(reloaded, project);
        assert_eq!(reloaded.to_json(), json);
        assert!(json.starts_with("{\n  \"format\": \"factdesk-project\",\n  \"version\": 2,"));
        assert!(json.ends_with("}\n"));
    }

    #[test]
    fn syntax_errors_give_line_and_column() {
        let err =
            Project::from_json("{\n  \"format\": \"factdesk-project\",\n  oops\n}").unwrap_err();
        let FormatError::Json { line, column, .. } = &err else {
            panic!("{err}");
        };
        assert_eq!((*line, *column), (3, 3));
        assert!(err.to_string().ends_with("at line 3, column 3"), "{err}");
    }

    #[test]
    fn other_json_is_not_a_project() {
        let err = Project::from_json(r#"{"name": "package.json"}"#).unwrap_err();
        assert!(matches!(err, FormatError::NotAProject { .. }), "{err}");
        assert!(err.to_string().contains("missing"), "{err}");
    }

    #[test]
    fn newer_version_is_refused_before_its_fields_are_read() {
        let json = sample()
            .to_json()
            .replace("\"version\": 2,", "\"version\": 7,\n  \"layers\": [],");
        let err = Project::from_json(&json).unwrap_err();
        assert!(
            matches!(err, FormatError::NewerVersion { found: 7 }),
            "{err}"
        );
        assert!(err.to_string().contains("update Factdesk"), "{err}");
    }

    #[test]
    fn unknown_fields_are_refused_rather_than_dropped_on_save() {
        let json = sample()
            .to_json()
            .replace("\"title\":", "\"colour\": \"red\",\n  \"title\":");
        let err = Project::from_json(&json).unwrap_err();
        assert!(err.to_string().contains("unknown field `colour`"), "{err}");
    }

    #[test]
    fn claims_on_missing_documents_are_refused() {
        let mut project = sample();
        project.claims[0].document = DocumentId("doc-gone".to_owned());
        let err = Project::from_json(&project.to_json()).unwrap_err();
        assert!(err.to_string().contains("doc-gone"), "{err}");
    }

    #[test]
    fn edits_outside_factdesk_are_warned_about() {
        let mut project = sample();
        assert!(project.integrity_warnings().is_empty());
        project.documents[0].text = project.documents[0].text.replace("60,000", "50,000");
        let warnings = project.integrity_warnings();
        assert_eq!(warnings.len(), 2, "{warnings:?}");
    }

    #[test]
    fn claims_are_kept_in_reading_order() {
        let mut project = sample();
        let document_id = project.documents[0].id.clone();
        let text = project.documents[0].text.clone();
        for range in [45..49, 0..8] {
            let anchor = TextAnchor::from_selection(&text, range).unwrap();
            project.add_claim(Claim::new(document_id.clone(), anchor, at(4)), at(4));
        }
        let quotes: Vec<_> = project
            .claims
            .iter()
            .map(|c| c.anchor.exact.as_str())
            .collect();
        assert_eq!(quotes, ["Rescuers", "60,000 people", "fled"]);
    }

    #[test]
    fn claims_out_of_order_in_a_file_are_read_in_reading_order() {
        let mut project = sample();
        let document_id = project.documents[0].id.clone();
        let text = project.documents[0].text.clone();
        let anchor = TextAnchor::from_selection(&text, 0..8).unwrap();
        project.add_claim(Claim::new(document_id.clone(), anchor, at(4)), at(4));
        project.claims.reverse();
        let reloaded = Project::from_json(&project.to_json()).unwrap();
        let quotes: Vec<_> = reloaded
            .claims
            .iter()
            .map(|c| c.anchor.exact.as_str())
            .collect();
        assert_eq!(quotes, ["Rescuers", "60,000 people"]);
        assert_eq!(
            reloaded
                .claim_at(&document_id, 30)
                .map(|c| c.anchor.exact.as_str()),
            Some("60,000 people")
        );
        assert!(reloaded.claim_at(&document_id, 45).is_none());
    }

    #[test]
    fn a_version_1_file_opens_as_version_2_unchanged_in_meaning() {
        let project = sample();
        let version_1 = project
            .to_json()
            .replace("\"version\": 2,", "\"version\": 1,")
            .replace(
                "      \"metadata\": {},\n      \"segments\": [],\n      \"set_aside\": [],\n",
                "",
            );
        assert!(!version_1.contains("segments"), "{version_1}");
        let migrated = Project::from_json(&version_1).unwrap();
        assert_eq!(migrated, project);
        assert_eq!(migrated.to_json(), project.to_json());
    }

    #[test]
    fn restoring_set_aside_text_moves_the_claims_after_it() {
        let mut project = sample();
        let document_id = project.documents[0].id.clone();
        let document = &mut project.documents[0];
        document.text = document.text.replacen("Rescuers there said ", "", 1);
        document.sha256 = crate::core::article::sha256_hex(&document.text);
        document.set_aside.push(SetAside {
            text: "Rescuers there said ".to_owned(),
            at: 0,
            reason: "test".to_owned(),
        });
        let text = document.text.clone();
        project.claims[0].anchor = TextAnchor::from_selection(&text, 7..20).unwrap();
        assert_eq!(project.claims[0].anchor.exact, "60,000 people");

        assert_eq!(project.restore_set_aside(&document_id, 0, at(20)), Ok(()));
        let claim = &project.claims[0];
        assert_eq!(
            (claim.anchor.start, claim.anchor.exact.as_str()),
            (27, "60,000 people")
        );
        assert_eq!(claim.anchor.prefix, "Rescuers there said around ");
        assert!(project.integrity_warnings().is_empty());
        assert_eq!(
            project.restore_set_aside(&document_id, 0, at(21)),
            Err(RestoreError::NotFound)
        );
    }

    #[test]
    fn text_is_not_put_back_inside_a_claim() {
        let mut project = sample();
        let document_id = project.documents[0].id.clone();
        project.documents[0].set_aside.push(SetAside {
            text: "[advert]".to_owned(),
            at: 30,
            reason: "test".to_owned(),
        });
        let before = project.clone();
        let err = project
            .restore_set_aside(&document_id, 0, at(20))
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "it would land inside the claim “60,000 people”"
        );
        assert_eq!(project, before);
    }

    #[test]
    fn segments_outside_the_text_are_refused() {
        let mut project = sample();
        project.documents[0]
            .segments
            .push(crate::core::article::Segment {
                role: Role::Body,
                agency: Agency::Unknown,
                start: 10,
                end: 9999,
            });
        let err = Project::from_json(&project.to_json()).unwrap_err();
        assert!(err.to_string().contains("segments"), "{err}");
    }

    #[test]
    fn removing_a_document_removes_its_claims() {
        let mut project = sample();
        let document_id = project.documents[0].id.clone();
        let (_, claims) = project.remove_document(&document_id, at(9)).unwrap();
        assert_eq!(claims.len(), 1);
        assert!(project.claims.is_empty());
        assert_eq!(project.modified, at(9));
    }

    #[test]
    fn unchanged_edits_leave_modified_alone() {
        let mut project = sample();
        let before = project.modified;
        let claim_id = project.claims[0].id.clone();
        assert!(!project.set_claim_status(&claim_id, Status::Verified, at(10)));
        assert!(!project.set_title("Idlib offensive".to_owned(), at(10)));
        assert_eq!(project.modified, before);
    }
}
