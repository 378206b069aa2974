//! The project file: every version of a story and every claim on it, in one
//! self-contained, deterministic JSON file (`*.factdesk.json`) that a colleague can
//! open, diff in git and trust. `docs/project-format.md` describes it for other tools.

mod conflict;
mod lock;
mod migrate;
mod on_disk;
mod recovery;
mod settings;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::agency::Agency;
use super::anchor::{Placement, TextAnchor, reanchor_all};
use super::article::{Document, DocumentId, Role, Source};
use super::atomic_file::{AtomicWriteError, replace_file_keeping_backup};
use super::bounded_read::{BoundedReadError, read_at_most};
use super::claims::candidates::Candidate;
use super::claims::{Claim, ClaimId, Evidence, Stamp, Status, TextField, VerdictScale};
use super::corroboration::{Passage, corroborate};

pub use conflict::{Choice, Conflict, ConflictField, ResolveError, Subject};
pub use lock::{LockHolder, ProjectLock, lock_path};
pub use on_disk::{DiskVersion, FileDigest, FileStamp, NewerProject};
pub use recovery::{describe_unsaved_work, recovery_path};
pub use settings::Settings;

/// The value of the `"format"` field that marks a Factdesk project.
pub const FORMAT_NAME: &str = "factdesk-project";
/// The newest project format version this build reads and the one it writes.
///
/// Version 2 added documents' `metadata`, `segments` and `set_aside`. Version 3 split
/// the verdict from the workflow status and added the verdict scale, evidence, claim
/// wording, orphaned claims, who-did-what history and dismissed candidates. Version 4
/// added the desk's settings (for exports) and the conflicts a merge left to settle.
/// Version 5 added a document's publication, page dates, cut-off flag and import
/// notices to its metadata. Older files are brought up to date on load (see
/// `migrate.rs`).
pub const FORMAT_VERSION: u64 = 5;
/// The largest project file Factdesk opens: far more than any story's versions and
/// claims, and small enough to hold in memory several times over.
pub const MAX_PROJECT_BYTES: u64 = 256 * 1024 * 1024;
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
    /// The ratings verdicts are given on.
    pub verdict_scale: VerdictScale,
    /// Who publishes the checks and where, for exports.
    pub settings: Settings,
    /// The versions of the story, in the order the editor added them.
    pub documents: Vec<Document>,
    /// The claims, in reading order: by document, then by position in it.
    pub claims: Vec<Claim>,
    /// Sentences the desk decided are not worth checking (whitespace-normalised), so
    /// they are not proposed again; sorted, so merges of the file stay clean.
    pub dismissed_candidates: Vec<String>,
    /// Fields two editors changed differently, left by a merge for the desk to settle;
    /// sorted by what they are about.
    pub conflicts: Vec<Conflict>,
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
    /// A file from a newer Factdesk with fields this build does not know, so it cannot
    /// even be shown read-only.
    #[error(
        "saved by a newer Factdesk (project format version {found}) with contents this build does not know ({message}): update Factdesk to open it"
    )]
    NewerShape {
        /// The version found in the file.
        found: u64,
        /// What this build could not read.
        message: String,
    },
    /// The `version` field is missing or not a positive whole number.
    #[error("the \"version\" field is {found}, not a positive whole number")]
    BadVersion {
        /// The `version` value found, or "missing".
        found: String,
    },
    /// An older project file whose contents do not have the shape its version had.
    #[error("{message} (in a version-{version} project file)")]
    OldShape {
        /// The version the file says it is.
        version: u64,
        /// What the parser expected or found.
        message: String,
    },
    /// The JSON is well-formed but contradicts itself.
    #[error("the project contradicts itself: {}", problems.join("; "))]
    Inconsistent {
        /// One sentence per problem.
        problems: Vec<String>,
    },
}

impl FormatError {
    pub(super) fn from_json(err: &serde_json::Error) -> Self {
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

/// Why claims could not be merged, split or re-attached; nothing was changed.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ClaimEditError {
    /// A claim or its document is gone.
    #[error("the claim is no longer in the project")]
    NotFound,
    /// Only two different claims on the same document can be merged.
    #[error("only two claims on the same document can be merged")]
    NotMergeable,
    /// An orphaned claim must be re-attached before it can be merged or split.
    #[error("the claim is orphaned: re-attach it to the text first")]
    Orphaned,
    /// The split point leaves one side without words.
    #[error("split inside the claim's words, between two words")]
    SplitOutside,
    /// The new words are not in the claim's document.
    #[error("select the words in the claim's own document")]
    NotInDocument,
}

/// What became of a document's claims when its text was replaced by a new version.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Replacement {
    /// Each claim on the document and how it was placed in the new text.
    pub placements: Vec<(ClaimId, Placement)>,
}

impl Replacement {
    /// How many claims could not be placed.
    pub fn orphaned(&self) -> usize {
        self.placements
            .iter()
            .filter(|(_, placement)| *placement == Placement::Orphaned)
            .count()
    }

    /// "5 claims: 3 unchanged, 1 moved, 1 orphaned", for the editor.
    pub fn summary(&self) -> String {
        let mut counts: Vec<(&'static str, usize)> = Vec::new();
        for (_, placement) in &self.placements {
            let kind = match placement {
                Placement::Unchanged => "unchanged",
                Placement::Moved => "moved",
                Placement::Context => "found by context",
                Placement::Fuzzy { .. } => "reworded (fuzzy match)",
                Placement::Orphaned => "orphaned",
            };
            match counts.iter_mut().find(|(k, _)| *k == kind) {
                Some((_, count)) => *count += 1,
                None => counts.push((kind, 1)),
            }
        }
        let total = self.placements.len();
        let parts: Vec<String> = counts.iter().map(|(k, n)| format!("{n} {k}")).collect();
        match total {
            0 => "no claims to place".to_owned(),
            1 => format!("1 claim: {}", parts.join(", ")),
            _ => format!("{total} claims: {}", parts.join(", ")),
        }
    }
}

/// A project file that could not be opened; the file itself is never modified.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file is too large, or a folder.
    #[error("could not open {}: {source}", path.display())]
    Unreadable {
        /// The file.
        path: PathBuf,
        /// Why it was not read.
        source: BoundedReadError,
    },
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
            verdict_scale: VerdictScale::default(),
            settings: Settings::default(),
            documents: Vec::new(),
            claims: Vec::new(),
            dismissed_candidates: Vec::new(),
            conflicts: Vec::new(),
        }
    }

    /// Reads a project file. Never modifies the file, whatever is wrong with it.
    pub fn load(path: &Path) -> Result<Self, LoadError> {
        Self::from_bytes(path, Self::read_bytes(path)?)
    }

    /// Reads the bytes of the project file at `path`, up to [`MAX_PROJECT_BYTES`].
    fn read_bytes(path: &Path) -> Result<Vec<u8>, LoadError> {
        read_at_most(path, MAX_PROJECT_BYTES).map_err(|err| match err {
            BoundedReadError::Io(source) => LoadError::Read {
                path: path.to_owned(),
                source,
            },
            source => LoadError::Unreadable {
                path: path.to_owned(),
                source,
            },
        })
    }

    /// Parses the bytes of the project file at `path`.
    fn from_bytes(path: &Path, bytes: Vec<u8>) -> Result<Self, LoadError> {
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
        // A file of this version is read in one pass; any other (older, newer, not a
        // project, broken) is looked at header first, to migrate it or say what it is.
        let mut project = match serde_json::from_str::<Self>(text) {
            Ok(project) if project.format == FORMAT_NAME && project.version == FORMAT_VERSION => {
                project
            }
            _ => Self::from_json_by_header(text)?,
        };
        let problems = project.problems();
        if !problems.is_empty() {
            return Err(FormatError::Inconsistent { problems });
        }
        // Files written by hand or merged by git may list claims out of order; the
        // project keeps them in reading order, as it writes them.
        project
            .claims
            .sort_by_cached_key(|claim| project_reading_order(&project.documents, claim));
        project.dismissed_candidates.sort_unstable();
        project.dismissed_candidates.dedup();
        project
            .conflicts
            .sort_by(|a, b| (&a.subject, a.field).cmp(&(&b.subject, b.field)));
        // An older file has been read as a current project; it is saved as one.
        project.version = FORMAT_VERSION;
        Ok(project)
    }

    /// Reads a project whose header must be looked at first: refuses what is not a
    /// project or is newer, brings an older version up to date.
    fn from_json_by_header(text: &str) -> Result<Self, FormatError> {
        let header: Header =
            serde_json::from_str(text).map_err(|err| FormatError::from_json(&err))?;
        if header.format.as_ref().and_then(serde_json::Value::as_str) != Some(FORMAT_NAME) {
            return Err(FormatError::NotAProject {
                found: describe(header.format.as_ref()),
            });
        }
        let project: Self = match header.version.as_ref().and_then(serde_json::Value::as_u64) {
            Some(found) if found > FORMAT_VERSION => {
                return Err(FormatError::NewerVersion { found });
            }
            Some(FORMAT_VERSION) => {
                serde_json::from_str(text).map_err(|err| FormatError::from_json(&err))?
            }
            Some(version @ 1..) => {
                let mut value: serde_json::Value =
                    serde_json::from_str(text).map_err(|err| FormatError::from_json(&err))?;
                migrate::to_current(&mut value, version);
                serde_json::from_value(value).map_err(|err| FormatError::OldShape {
                    version,
                    message: json_message(&err),
                })?
            }
            _ => {
                return Err(FormatError::BadVersion {
                    found: describe(header.version.as_ref()),
                });
            }
        };
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

    /// Writes the project to `path` atomically, keeping the file's previous version as
    /// `NAME.bak`: on failure the previous file is left byte-identical. Returns the
    /// digest of what was written.
    pub fn save(&self, path: &Path) -> Result<FileDigest, AtomicWriteError> {
        let json = self.to_json();
        replace_file_keeping_backup(path, json.as_bytes())?;
        Ok(FileDigest::of(json.as_bytes()))
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
        // Each text's length in code points, counted once for all its claims.
        let mut lengths: HashMap<&DocumentId, usize> = HashMap::new();
        for document in &self.documents {
            let length = document.text.chars().count();
            lengths.insert(&document.id, length);
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
            let (Some(document), Some(&length)) =
                (self.document(&claim.document), lengths.get(&claim.document))
            else {
                problems.push(format!(
                    "claim {} is on document {}, which the project does not have",
                    claim.id, claim.document
                ));
                continue;
            };
            let anchor = &claim.anchor;
            // An orphan's anchor is where its words were in an older text.
            let outside = anchor.start > anchor.end || anchor.end > length;
            if !claim.orphaned && outside {
                problems.push(format!(
                    "claim {} points at characters {}..{}, outside document “{}” ({length} characters)",
                    claim.id, anchor.start, anchor.end, document.label,
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
        for claim in self.claims.iter().filter(|claim| !claim.orphaned) {
            if let Some(document) = self.document(&claim.document)
                && !claim.anchor.matches(&document.text)
            {
                warnings.push(format!(
                    "claim “{}” no longer matches the text of “{}” at characters {}..{}",
                    claim.anchor.exact, document.label, claim.anchor.start, claim.anchor.end
                ));
            }
        }
        for claim in &self.claims {
            if let Some(rating) = &claim.rating
                && self.verdict_scale.rating(rating).is_none()
            {
                warnings.push(format!(
                    "claim “{}” is rated “{rating}”, which is not on the project's scale ({})",
                    claim.anchor.exact, self.verdict_scale.name
                ));
            }
        }
        warnings
    }

    /// The version the others are compared with by default: the first wire copy (a
    /// wire item, or a document credited to an agency), else the first document.
    pub fn base_version(&self) -> Option<&Document> {
        self.documents
            .iter()
            .find(|document| document.is_wire_copy())
            .or_else(|| self.documents.first())
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
            &claim.document == document_id
                && !claim.orphaned
                && claim.anchor.char_range().contains(&offset)
        })
    }

    /// The claims on one document, in reading order.
    pub fn claims_on<'a>(&'a self, document_id: &'a DocumentId) -> impl Iterator<Item = &'a Claim> {
        self.claims
            .iter()
            .filter(move |claim| &claim.document == document_id)
    }

    /// The passages of the project's other documents that bear on a claim, best first,
    /// at most `limit` (see [`corroborate`]); empty when the claim is gone. The claim's
    /// own document is left out: its words are already in front of the checker.
    pub fn corroborating_passages(&self, claim_id: &ClaimId, limit: usize) -> Vec<Passage> {
        let Some(claim) = self.claim(claim_id) else {
            return Vec::new();
        };
        let others: Vec<&Document> = self
            .documents
            .iter()
            .filter(|document| document.id != claim.document)
            .collect();
        corroborate(claim.statement(), &others, limit)
    }

    /// How many claims have each status, in [`Status::ALL`] order.
    pub fn status_counts(&self) -> [(Status, usize); Status::ALL.len()] {
        Status::ALL.map(|status| {
            let count = self.claims.iter().filter(|c| c.status == status).count();
            (status, count)
        })
    }

    /// Whether a claim (not an orphan) already covers part of a passage of a document:
    /// such a candidate sentence is not proposed again.
    pub fn is_claimed(&self, document_id: &DocumentId, chars: &std::ops::Range<usize>) -> bool {
        self.claim_over(document_id, chars).is_some()
    }

    /// The first claim whose words overlap `chars` of a document (orphans have no
    /// place and never do).
    pub fn claim_over<'a>(
        &'a self,
        document_id: &'a DocumentId,
        chars: &std::ops::Range<usize>,
    ) -> Option<&'a Claim> {
        self.claims_on(document_id).find(|claim| {
            !claim.orphaned && claim.anchor.start < chars.end && chars.start < claim.anchor.end
        })
    }

    /// Whether a candidate sentence of a document is still to be proposed: neither
    /// dismissed nor already (partly) a claim.
    pub fn is_open_candidate(&self, document_id: &DocumentId, candidate: &Candidate) -> bool {
        !self.is_dismissed(&candidate.key())
            && !self.is_claimed(document_id, &(candidate.start..candidate.end))
    }

    /// How many claims the checkers are done with, and how many there are.
    pub fn progress(&self) -> (usize, usize) {
        let done = self.claims.iter().filter(|c| c.status.is_done()).count();
        (done, self.claims.len())
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

    /// Changes who publishes the checks and where. Returns whether anything changed.
    pub fn set_settings(&mut self, settings: Settings, now: Timestamp) -> bool {
        if self.settings == settings {
            return false;
        }
        self.settings = settings;
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

    /// Changes the publication a document comes from (empty for none). Returns whether
    /// anything changed.
    pub fn set_document_publication(
        &mut self,
        document_id: &DocumentId,
        publication: &str,
        now: Timestamp,
    ) -> bool {
        let Some(document) = self.document_mut(document_id) else {
            return false;
        };
        let publication = Some(publication.trim().to_owned()).filter(|name| !name.is_empty());
        if document.metadata.publication == publication {
            return false;
        }
        document.metadata.publication = publication;
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

    /// Replaces a document's text with a new version of it (a re-import), keeping the
    /// editor's label and source, and finds each of its claims again in the new text
    /// (see `anchor::reanchor`). Claims that cannot be placed are marked orphaned, never
    /// removed; orphans whose words are back are placed again. Returns `None` when the
    /// document is gone.
    pub fn replace_document_text(
        &mut self,
        document_id: &DocumentId,
        new_version: Document,
        stamp: &Stamp,
    ) -> Option<Replacement> {
        let document = self.document_mut(document_id)?;
        *document = Document {
            id: document.id.clone(),
            label: document.label.clone(),
            source: document.source,
            ..new_version
        };
        let text = document.text.clone();
        let on_document: Vec<usize> = (0..self.claims.len())
            .filter(|&index| &self.claims[index].document == document_id)
            .collect();
        let anchors: Vec<TextAnchor> = on_document
            .iter()
            .map(|&index| self.claims[index].anchor.clone())
            .collect();
        let mut replacement = Replacement::default();
        for (index, found) in on_document.into_iter().zip(reanchor_all(&anchors, &text)) {
            let claim = &mut self.claims[index];
            match found.anchor {
                Some(anchor) if anchor == claim.anchor && !claim.orphaned => {}
                Some(anchor) => {
                    let how = found.placement.to_string().to_lowercase();
                    claim.place(anchor, &how, stamp);
                }
                None => claim.orphan(stamp),
            }
            replacement
                .placements
                .push((claim.id.clone(), found.placement));
        }
        self.sort_claims();
        self.modified = stamp.at;
        Some(replacement)
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

    /// Applies `change` to a claim and marks the project modified when it says
    /// something changed.
    fn edit_claim(
        &mut self,
        claim_id: &ClaimId,
        now: Timestamp,
        change: impl FnOnce(&mut Claim) -> bool,
    ) -> bool {
        let changed = self.claim_mut(claim_id).is_some_and(change);
        if changed {
            self.modified = now;
        }
        changed
    }

    /// Moves a claim to a new status. Returns whether anything changed.
    pub fn set_claim_status(&mut self, claim_id: &ClaimId, status: Status, stamp: &Stamp) -> bool {
        self.edit_claim(claim_id, stamp.at, |claim| claim.set_status(status, stamp))
    }

    /// Gives a claim a rating from the project's scale (`None` takes it back). A label
    /// not on the scale changes nothing. Returns whether anything changed.
    pub fn set_claim_rating(
        &mut self,
        claim_id: &ClaimId,
        rating: Option<String>,
        stamp: &Stamp,
    ) -> bool {
        if rating
            .as_deref()
            .is_some_and(|label| self.verdict_scale.rating(label).is_none())
        {
            return false;
        }
        self.edit_claim(claim_id, stamp.at, |claim| claim.set_rating(rating, stamp))
    }

    /// Replaces a claim's wording, conclusion or note. Returns whether anything changed.
    pub fn set_claim_text(
        &mut self,
        claim_id: &ClaimId,
        field: TextField,
        text: String,
        stamp: &Stamp,
    ) -> bool {
        self.edit_claim(claim_id, stamp.at, |claim| {
            claim.set_text(field, text, stamp)
        })
    }

    /// Adds a piece of evidence to a claim. Returns whether the claim exists.
    pub fn add_evidence(&mut self, claim_id: &ClaimId, evidence: Evidence, stamp: &Stamp) -> bool {
        self.edit_claim(claim_id, stamp.at, |claim| {
            claim.add_evidence(evidence, stamp);
            true
        })
    }

    /// Replaces a claim's piece of evidence at `index`. Returns whether anything changed.
    pub fn replace_evidence(
        &mut self,
        claim_id: &ClaimId,
        index: usize,
        evidence: Evidence,
        stamp: &Stamp,
    ) -> bool {
        self.edit_claim(claim_id, stamp.at, |claim| {
            claim.replace_evidence(index, evidence, stamp)
        })
    }

    /// Removes a claim's piece of evidence at `index`. Returns whether anything changed.
    pub fn remove_evidence(&mut self, claim_id: &ClaimId, index: usize, stamp: &Stamp) -> bool {
        self.edit_claim(claim_id, stamp.at, |claim| {
            claim.remove_evidence(index, stamp).is_some()
        })
    }

    /// Merges claim `absorbed` into claim `kept`: the kept claim then covers both
    /// passages and everything between, with both claims' notes, conclusions and
    /// evidence. When the two disagree on status or rating the merged claim goes back to
    /// "In progress" with no rating, since neither verdict covers the whole. The absorbed
    /// claim's history follows a "Merged" entry in the kept claim's history.
    pub fn merge_claims(
        &mut self,
        kept: &ClaimId,
        absorbed: &ClaimId,
        stamp: &Stamp,
    ) -> Result<(), ClaimEditError> {
        let (Some(first), Some(second)) = (self.claim(kept), self.claim(absorbed)) else {
            return Err(ClaimEditError::NotFound);
        };
        if kept == absorbed || first.document != second.document {
            return Err(ClaimEditError::NotMergeable);
        }
        if first.orphaned || second.orphaned {
            return Err(ClaimEditError::Orphaned);
        }
        let text = &self
            .document(&first.document)
            .ok_or(ClaimEditError::NotFound)?
            .text;
        let span =
            first.anchor.start.min(second.anchor.start)..first.anchor.end.max(second.anchor.end);
        let anchor =
            TextAnchor::from_selection(text, span).map_err(|_| ClaimEditError::NotFound)?;
        let agree = first.status == second.status && first.rating == second.rating;
        let Some(absorbed) = self.remove_claim(absorbed, stamp.at) else {
            return Err(ClaimEditError::NotFound);
        };
        self.edit_claim(kept, stamp.at, |claim| {
            claim.absorb(absorbed, anchor, agree, stamp);
            true
        });
        self.sort_claims();
        Ok(())
    }

    /// Splits a claim in two at code point `at` of its document, which must fall
    /// inside the claim's words: the claim keeps the words before, a new claim with the
    /// same status, verdict, note and evidence takes the words after. Returns the new
    /// claim's id.
    pub fn split_claim(
        &mut self,
        claim_id: &ClaimId,
        at: usize,
        stamp: &Stamp,
    ) -> Result<ClaimId, ClaimEditError> {
        let claim = self.claim(claim_id).ok_or(ClaimEditError::NotFound)?;
        if claim.orphaned {
            return Err(ClaimEditError::Orphaned);
        }
        let text = &self
            .document(&claim.document)
            .ok_or(ClaimEditError::NotFound)?
            .text;
        let (start, end) = (claim.anchor.start, claim.anchor.end);
        let split = |range| TextAnchor::from_selection(text, range).ok();
        let (Some(before), Some(after)) = (split(start..at.min(end)), split(at.max(start)..end))
        else {
            return Err(ClaimEditError::SplitOutside);
        };
        let mut second = claim.clone();
        second.id = ClaimId::new_random();
        let second_id = second.id.clone();
        second.split_off(after, stamp);
        self.edit_claim(claim_id, stamp.at, |claim| {
            claim.split_off(before, stamp);
            true
        });
        self.add_claim(second, stamp.at);
        self.sort_claims();
        Ok(second_id)
    }

    /// Puts a claim on new words of its document: to re-attach an orphan, or to correct
    /// where a claim points.
    pub fn reattach_claim(
        &mut self,
        claim_id: &ClaimId,
        anchor: TextAnchor,
        stamp: &Stamp,
    ) -> Result<(), ClaimEditError> {
        let claim = self.claim(claim_id).ok_or(ClaimEditError::NotFound)?;
        let document = self
            .document(&claim.document)
            .ok_or(ClaimEditError::NotFound)?;
        if !anchor.matches(&document.text) {
            return Err(ClaimEditError::NotInDocument);
        }
        self.edit_claim(claim_id, stamp.at, |claim| {
            claim.place(anchor, "re-attached by hand", stamp);
            true
        });
        self.sort_claims();
        Ok(())
    }

    /// Puts the claims back in reading order after one moved.
    pub(crate) fn sort_claims(&mut self) {
        let documents = &self.documents;
        self.claims
            .sort_by_cached_key(|claim| project_reading_order(documents, claim));
    }

    /// Changes the verdict scale. Ratings already given stay; those not on the new
    /// scale are reported by [`Self::integrity_warnings`]. Returns whether anything
    /// changed.
    pub fn set_verdict_scale(&mut self, scale: VerdictScale, now: Timestamp) -> bool {
        if self.verdict_scale == scale {
            return false;
        }
        self.verdict_scale = scale;
        self.modified = now;
        true
    }

    /// Remembers that a candidate sentence is not worth checking. Returns whether it
    /// was new.
    pub fn dismiss_candidate(&mut self, key: String, now: Timestamp) -> bool {
        match self.dismissed_candidates.binary_search(&key) {
            Ok(_) => false,
            Err(at) => {
                self.dismissed_candidates.insert(at, key);
                self.modified = now;
                true
            }
        }
    }

    /// Whether a candidate sentence was dismissed.
    pub fn is_dismissed(&self, key: &str) -> bool {
        self.dismissed_candidates
            .binary_search_by(|dismissed| dismissed.as_str().cmp(key))
            .is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::anchor::TextAnchor;
    use crate::core::article::{DocumentKind, SetAside};
    use crate::core::claims::Field;
    use crate::core::test_projects::{base, edited, edits};

    fn at(second: i64) -> Timestamp {
        Timestamp::from_second(second).unwrap()
    }

    fn stamp(second: i64) -> Stamp {
        Stamp::new(at(second), "Dana")
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
        let claim = Claim::new(document_id, anchor, &stamp(2));
        let claim_id = project.add_claim(claim, at(2)).unwrap();
        project.set_claim_status(&claim_id, Status::Checked, &stamp(3));
        project.set_claim_rating(&claim_id, Some("Correct".to_owned()), &stamp(3));
        project
    }

    #[test]
    fn round_trip_gives_identical_bytes() {
        let project = sample();
        let json = project.to_json();
        let reloaded = Project::from_json(&json).unwrap();
        assert_eq!(reloaded, project);
        assert_eq!(reloaded.to_json(), json);
        let header =
            format!("{{\n  \"format\": \"factdesk-project\",\n  \"version\": {FORMAT_VERSION},");
        assert!(json.starts_with(&header), "{json}");
        assert!(json.ends_with("}\n"));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(128))]

        /// Whatever edits made it and whatever characters its title and notes hold
        /// (control, bidi and zero-width characters included), a project saved to disk
        /// loads back equal and saves again to the same bytes.
        #[test]
        fn saved_projects_load_back_unchanged(
            edits in edits(),
            title in proptest::prelude::any::<String>(),
            note in proptest::prelude::any::<String>(),
        ) {
            let mut project = edited(&base(), &edits, 10);
            project.set_title(title, at(1000));
            if let Some(claim_id) = project.claims.first().map(|claim| claim.id.clone()) {
                project.set_claim_text(&claim_id, TextField::Note, note, &stamp(1000));
            }
            let folder = tempfile::tempdir().unwrap();
            let path = folder.path().join("random.factdesk.json");
            project.save(&path).unwrap();
            let loaded = Project::load(&path).unwrap();
            proptest::prop_assert_eq!(&loaded, &project);
            proptest::prop_assert_eq!(loaded.to_json(), std::fs::read_to_string(&path).unwrap());
        }
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
        let json = sample().to_json().replace(
            &format!("\"version\": {FORMAT_VERSION},"),
            "\"version\": 7,\n  \"layers\": [],",
        );
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
            project.add_claim(Claim::new(document_id.clone(), anchor, &stamp(4)), at(4));
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
        project.add_claim(Claim::new(document_id.clone(), anchor, &stamp(4)), at(4));
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

    /// A version-1 project file as Factdesk wrote it: one verified claim.
    const VERSION_1: &str =
        include_str!("../../../tests/fixtures/idlib-offensive.v1.factdesk.json");

    #[test]
    fn a_version_1_file_opens_unchanged_in_meaning() {
        let project = Project::from_json(VERSION_1).unwrap();
        let claim = &project.claims[0];
        assert_eq!(
            (claim.status, claim.rating.as_deref(), claim.note.as_str()),
            (Status::Checked, Some("Correct"), "UNHCR confirms")
        );
        let history: Vec<_> = claim
            .history
            .iter()
            .map(|e| (e.field, e.old.as_str(), e.new.as_str()))
            .collect();
        assert_eq!(
            history,
            [
                (Field::Status, "Unchecked", "In progress"),
                (Field::Status, "In progress", "Checked"),
                (Field::Rating, "", "Correct"),
            ]
        );
        assert_eq!(project.verdict_scale, VerdictScale::desk());
        assert!(project.documents[0].segments.is_empty());
        let json = project.to_json();
        assert!(
            json.contains(&format!("\"version\": {FORMAT_VERSION},")),
            "{json}"
        );
        assert_eq!(Project::from_json(&json).unwrap(), project);
    }

    #[test]
    fn old_statuses_map_onto_status_and_rating() {
        for (old, status, rating) in [
            ("false", Status::Checked, Some("Incorrect")),
            ("unverifiable", Status::Checked, Some("Unverifiable")),
            ("needs_correction", Status::NeedsCorrection, None),
            ("in_progress", Status::InProgress, None),
        ] {
            let json = VERSION_1.replace(
                "\"status\": \"verified\"",
                &format!("\"status\": \"{old}\""),
            );
            let project = Project::from_json(&json).unwrap();
            assert_eq!(
                (
                    project.claims[0].status,
                    project.claims[0].rating.as_deref()
                ),
                (status, rating),
                "{old}"
            );
        }
    }

    #[test]
    fn a_malformed_old_file_names_its_version() {
        let json = VERSION_1.replace("\"note\": \"UNHCR confirms\"", "\"note\": 7");
        let err = Project::from_json(&json).unwrap_err();
        assert!(
            matches!(err, FormatError::OldShape { version: 1, .. }),
            "{err}"
        );
        assert!(err.to_string().contains("version-1 project file"), "{err}");
    }

    #[test]
    fn merging_two_claims_covers_both_and_keeps_both_records() {
        let mut project = sample();
        let document_id = project.documents[0].id.clone();
        let text = project.documents[0].text.clone();
        let rescuers = TextAnchor::from_selection(&text, 0..8).unwrap();
        let first = project
            .add_claim(Claim::new(document_id, rescuers, &stamp(4)), at(4))
            .unwrap();
        project.set_claim_text(
            &first,
            TextField::Note,
            "Who are they?".to_owned(),
            &stamp(5),
        );
        let second = project.claims[1].id.clone();

        project.merge_claims(&first, &second, &stamp(6)).unwrap();
        assert_eq!(project.claims.len(), 1);
        let merged = &project.claims[0];
        assert_eq!(
            merged.anchor.exact,
            "Rescuers there said around 60,000 people"
        );
        assert_eq!(merged.note, "Who are they?");
        // The statuses differed: the merged claim needs checking again.
        assert_eq!(
            (merged.status, merged.rating.as_deref()),
            (Status::InProgress, None)
        );
        assert!(merged.history.iter().any(|e| e.field == Field::Merged));
        assert!(
            merged.history.iter().any(|e| e.new == "Correct"),
            "the absorbed claim's record is kept"
        );
        assert_eq!(
            project.merge_claims(&first, &first, &stamp(7)),
            Err(ClaimEditError::NotMergeable)
        );
    }

    #[test]
    fn splitting_a_claim_gives_two_with_the_same_verdict() {
        let mut project = sample();
        let claim_id = project.claims[0].id.clone();
        // "60,000 people" starts at 27; split before "people".
        let second = project.split_claim(&claim_id, 34, &stamp(8)).unwrap();
        let quotes: Vec<_> = project
            .claims
            .iter()
            .map(|c| c.anchor.exact.as_str())
            .collect();
        assert_eq!(quotes, ["60,000", "people"]);
        let second = project.claim(&second).unwrap();
        assert_eq!(second.rating.as_deref(), Some("Correct"));
        assert_eq!(second.history.last().unwrap().field, Field::Split);
        assert_eq!(
            project.split_claim(&claim_id, 27, &stamp(9)),
            Err(ClaimEditError::SplitOutside)
        );
        assert!(project.integrity_warnings().is_empty());
    }

    #[test]
    fn an_orphan_is_reattached_to_words_of_its_document() {
        let mut project = sample();
        let claim_id = project.claims[0].id.clone();
        project.claims[0].orphan(&stamp(10));
        assert!(
            project
                .claim_at(&project.documents[0].id.clone(), 30)
                .is_none()
        );
        let text = project.documents[0].text.clone();
        let elsewhere = TextAnchor::from_selection("other words", 0..5).unwrap();
        assert_eq!(
            project.reattach_claim(&claim_id, elsewhere, &stamp(11)),
            Err(ClaimEditError::NotInDocument)
        );
        let anchor = TextAnchor::from_selection(&text, 27..33).unwrap();
        project
            .reattach_claim(&claim_id, anchor, &stamp(11))
            .unwrap();
        let claim = &project.claims[0];
        assert!(!claim.orphaned);
        assert_eq!(claim.anchor.exact, "60,000");
        assert_eq!(claim.history.last().unwrap().field, Field::Anchor);
    }

    #[test]
    fn replacing_a_text_places_the_claims_again_or_orphans_them() {
        let mut project = sample();
        let document_id = project.documents[0].id.clone();
        let text = project.documents[0].text.clone();
        let rescuers = TextAnchor::from_selection(&text, 0..19).unwrap();
        project.add_claim(Claim::new(document_id.clone(), rescuers, &stamp(4)), at(4));
        let new_version = Document::new(
            "re-import",
            Source::Afp,
            DocumentKind::TextFile,
            Some("wire-v2.txt".to_owned()),
            "UPDATE: Officials said around 60,000 people had fled.".to_owned(),
            at(5),
        );
        let replacement = project
            .replace_document_text(&document_id, new_version, &stamp(6))
            .unwrap();
        assert_eq!(replacement.summary(), "2 claims: 1 orphaned, 1 moved");
        let document = &project.documents[0];
        assert_eq!(
            (document.label.as_str(), &document.source),
            ("Reuters wire", &Source::Reuters)
        );
        assert_eq!(document.original_path.as_deref(), Some("wire-v2.txt"));
        let figures = project.claims.iter().find(|c| !c.orphaned).unwrap();
        assert_eq!(
            (figures.anchor.exact.as_str(), figures.anchor.start),
            ("60,000 people", 30)
        );
        let orphan = project.claims.iter().find(|c| c.orphaned).unwrap();
        assert_eq!(orphan.anchor.exact, "Rescuers there said");
        assert_eq!(orphan.history.last().unwrap().field, Field::Anchor);
        // The project stays sound: an orphan's old offsets are not held against it.
        assert!(Project::from_json(&project.to_json()).is_ok());
        assert!(project.integrity_warnings().is_empty());
    }

    #[test]
    fn dismissed_candidates_stay_sorted_and_unique() {
        let mut project = sample();
        assert!(project.dismiss_candidate("b".to_owned(), at(5)));
        assert!(project.dismiss_candidate("a".to_owned(), at(5)));
        assert!(!project.dismiss_candidate("b".to_owned(), at(6)));
        assert_eq!(project.dismissed_candidates, ["a", "b"]);
        assert!(project.is_dismissed("a") && !project.is_dismissed("c"));
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
        assert!(!project.set_claim_status(&claim_id, Status::Checked, &stamp(10)));
        assert!(!project.set_claim_rating(&claim_id, Some("Correct".to_owned()), &stamp(10)));
        assert!(!project.set_claim_rating(&claim_id, Some("Pants on Fire".to_owned()), &stamp(10)));
        assert!(!project.set_title("Idlib offensive".to_owned(), at(10)));
        assert_eq!(project.modified, before);
    }
}
