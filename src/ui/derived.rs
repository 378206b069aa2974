//! Results of the core's analysis that views show every frame, kept between frames and
//! recomputed only when their inputs change (a word diff of two long wire stories is
//! far too slow to redo 60 times a second).
//!
//! Results are keyed by document id and digest: the id tells documents apart even when
//! a hand-edited file gives two of them the same (stale) digest, and the digest
//! changes whenever Factdesk changes a text (putting back text set aside on import).
//! The app starts these caches afresh with each project it opens.

use std::collections::HashMap;
use std::sync::Arc;

use crate::core::align::Alignment;
use crate::core::align::versions::{VersionRow, version_rows};
use crate::core::article::{Document, DocumentId, Segment, count_words};
use crate::core::changes::{Event, events};
use crate::core::claims::ClaimId;
use crate::core::claims::candidates::{Candidate, document_candidates};
use crate::core::compare_options::CompareOptions;
use crate::core::corroboration::Passage;
use crate::core::diff::WordDiff;
use crate::core::find::find_all;
use crate::core::hidden_chars::{HiddenChar, find_hidden};
use crate::core::project::Project;
use crate::core::provenance::{ProvenanceMap, provenance};

use super::background::{Background, Work};
use super::state::{FindScope, Session, Side};

/// Identifies a document's text as it is now.
type TextKey = (DocumentId, String);

fn text_key(document: &Document) -> TextKey {
    (document.id.clone(), document.sha256.clone())
}

/// What the comparison of the panes' two versions found: the diff the panes paint and
/// the changes that matter, which the changes list shows.
pub struct Analysis {
    /// The sentence alignment and word diff.
    pub diff: WordDiff,
    /// The changes that matter as events, most important first.
    pub events: Vec<Event>,
}

/// What a comparison is worked out from: both texts and their story parts, the other
/// versions an added passage may come from, and the options.
#[derive(PartialEq)]
struct ComparisonKey {
    old: TextKey,
    new: TextKey,
    old_parts: Vec<Segment>,
    new_parts: Vec<Segment>,
    others: Vec<TextKey>,
    options: CompareOptions,
}

/// The comparison of the two documents in the panes, worked out on a worker thread
/// when they are long.
pub struct Comparison {
    /// The analyses, keyed by what they are worked out from.
    work: Background<ComparisonKey, Analysis>,
    /// The analysis of the panes as they were at the last refresh, once it is ready.
    current: Option<Arc<Analysis>>,
}

impl Default for Comparison {
    fn default() -> Self {
        Self {
            work: Background::new("factdesk-compare"),
            current: None,
        }
    }
}

impl Comparison {
    /// What the status bar says while a worker computes this, or `None`.
    pub fn work_under_way(&self) -> Option<&'static str> {
        self.work
            .is_working()
            .then_some("Comparing the two versions…")
    }

    /// The analysis of the two panes' documents, or `None` when a pane is empty;
    /// starts the work when the documents or the options changed.
    pub fn refresh(
        &mut self,
        ctx: &egui::Context,
        session: &Session,
        options: CompareOptions,
    ) -> Option<Work<Analysis>> {
        let old = session.pane_document(Side::Left);
        let new = session.pane_document(Side::Right);
        let shown = [old, new].map(|document| document.map(|document| &document.id));
        let others: Vec<&Document> = session
            .project
            .documents
            .iter()
            .filter(|document| !shown.contains(&Some(&document.id)))
            .collect();
        self.refresh_pair(ctx, old, new, &others, options)
    }

    /// The analysis of `old` against `new`, or `None` when either is missing; starts
    /// the work when the documents or the options changed. `others` are the versions
    /// an added passage may come from.
    pub fn refresh_pair(
        &mut self,
        ctx: &egui::Context,
        old: Option<&Document>,
        new: Option<&Document>,
        others: &[&Document],
        options: CompareOptions,
    ) -> Option<Work<Analysis>> {
        let (Some(old), Some(new)) = (old, new) else {
            self.current = None;
            return None;
        };
        let key = ComparisonKey {
            old: text_key(old),
            new: text_key(new),
            old_parts: old.segments.clone(),
            new_parts: new.segments.clone(),
            others: others.iter().map(|document| text_key(document)).collect(),
            options,
        };
        let size = old.text.len() + new.text.len();
        let work = self.work.get(ctx, key, size, || {
            let (old, new) = (old.clone(), new.clone());
            let others: Vec<Document> = others.iter().map(|document| (*document).clone()).collect();
            move || {
                let diff = WordDiff::compute_with(&old.text, &new.text, &options);
                let others: Vec<&Document> = others.iter().collect();
                let events = events(&old, &new, &diff, &others);
                Analysis { diff, events }
            }
        });
        self.current = work.ready();
        Some(work)
    }

    /// The analysis found by the last refresh, if it was ready.
    pub fn current(&self) -> Option<Arc<Analysis>> {
        self.current.clone()
    }
}

/// Every other version of the story aligned to one: what the versions view shows.
pub struct VersionsAlignment {
    /// The version the others are aligned to.
    pub base: DocumentId,
    /// Each other version, in project order, and its comparison with the base.
    pub others: Vec<(DocumentId, WordDiff)>,
    /// The table of sentences: each base sentence with its counterparts.
    pub rows: Vec<VersionRow>,
}

/// The versions view's alignment, worked out on a worker thread when long.
pub struct Versions {
    /// Alignments keyed by the base text, the other texts and the options.
    work: Background<(TextKey, Vec<TextKey>, CompareOptions), VersionsAlignment>,
}

impl Default for Versions {
    fn default() -> Self {
        Self {
            work: Background::new("factdesk-versions"),
        }
    }
}

impl Versions {
    /// What the status bar says while a worker computes this, or `None`.
    pub fn work_under_way(&self) -> Option<&'static str> {
        self.work.is_working().then_some("Aligning every version…")
    }

    /// The last alignment worked out, whatever versions it was for.
    pub fn latest(&self) -> Option<Arc<VersionsAlignment>> {
        self.work.latest()
    }

    /// Every document of the project aligned to `base`.
    pub fn refresh(
        &mut self,
        ctx: &egui::Context,
        project: &Project,
        base: &Document,
        options: CompareOptions,
    ) -> Work<VersionsAlignment> {
        let others: Vec<&Document> = project
            .documents
            .iter()
            .filter(|document| document.id != base.id)
            .collect();
        let key = (
            text_key(base),
            others.iter().map(|document| text_key(document)).collect(),
            options,
        );
        let size = base.text.len() * others.len().max(1)
            + others
                .iter()
                .map(|document| document.text.len())
                .sum::<usize>();
        self.work.get(ctx, key, size, || {
            let (base_id, base_text) = (base.id.clone(), base.text.clone());
            let other_texts: Vec<(DocumentId, String)> = others
                .iter()
                .map(|document| (document.id.clone(), document.text.clone()))
                .collect();
            move || {
                let others: Vec<(DocumentId, WordDiff)> = other_texts
                    .into_iter()
                    .map(|(id, text)| (id, WordDiff::compute_with(&base_text, &text, &options)))
                    .collect();
                let alignments: Vec<&Alignment> =
                    others.iter().map(|(_, diff)| &diff.alignment).collect();
                let rows = version_rows(&alignments);
                VersionsAlignment {
                    base: base_id,
                    others,
                    rows,
                }
            }
        })
    }
}

/// What decides a provenance map: the published text and each source's text and
/// segments (a segment's agency names the source a sentence came from).
type ProvenanceKey = (TextKey, Vec<(TextKey, Vec<Segment>)>);

/// Where each sentence of a published version came from, worked out on a worker
/// thread when long.
pub struct Provenance {
    /// Maps keyed by the published text and the sources.
    work: Background<ProvenanceKey, ProvenanceMap>,
}

impl Default for Provenance {
    fn default() -> Self {
        Self {
            work: Background::new("factdesk-provenance"),
        }
    }
}

impl Provenance {
    /// What the status bar says while a worker computes this, or `None`.
    pub fn work_under_way(&self) -> Option<&'static str> {
        self.work
            .is_working()
            .then_some("Tracing where sentences came from…")
    }

    /// The provenance of `published`, with every other document of the project as a
    /// possible source.
    pub fn refresh(
        &mut self,
        ctx: &egui::Context,
        project: &Project,
        published: &Document,
    ) -> Work<ProvenanceMap> {
        let sources = || {
            project
                .documents
                .iter()
                .filter(|document| document.id != published.id)
        };
        let key = (
            text_key(published),
            sources()
                .map(|source| (text_key(source), source.segments.clone()))
                .collect(),
        );
        let size = project
            .documents
            .iter()
            .map(|document| document.text.len())
            .sum();
        self.work.get(ctx, key, size, || {
            let published = published.clone();
            let sources: Vec<Document> = sources().cloned().collect();
            move || {
                let sources: Vec<&Document> = sources.iter().collect();
                provenance(&published, &sources)
            }
        })
    }
}

/// How many passages the corroboration list offers for a claim.
const CORROBORATING_PASSAGES: usize = 6;

/// The passages of other documents that bear on the selected claim.
pub struct Corroboration {
    /// Passages keyed by the claim, its statement and the documents' texts.
    work: Background<(ClaimId, String, Vec<TextKey>), Vec<Passage>>,
}

impl Default for Corroboration {
    fn default() -> Self {
        Self {
            work: Background::new("factdesk-corroborate"),
        }
    }
}

impl Corroboration {
    /// What the status bar says while a worker computes this, or `None`.
    pub fn work_under_way(&self) -> Option<&'static str> {
        self.work
            .is_working()
            .then_some("Finding passages in other versions…")
    }

    /// The passages bearing on `claim_id`, best first.
    pub fn refresh(
        &mut self,
        ctx: &egui::Context,
        project: &Project,
        claim_id: &ClaimId,
    ) -> Option<Work<Vec<Passage>>> {
        let claim = project.claim(claim_id)?;
        let key = (
            claim_id.clone(),
            claim.statement().to_owned(),
            project.documents.iter().map(text_key).collect(),
        );
        let size = project
            .documents
            .iter()
            .map(|document| document.text.len())
            .sum();
        Some(self.work.get(ctx, key, size, || {
            let (project, claim_id) = (project.clone(), claim_id.clone());
            move || project.corroborating_passages(&claim_id, CORROBORATING_PASSAGES)
        }))
    }
}

/// What decides which candidates of a document are open: its text, where its claims
/// are, and how many sentences were dismissed (dismissals are only ever added).
type OpenKey = (TextKey, Vec<(usize, usize)>, usize);

/// The claim candidates of each document, as detected in its text, and the ones still
/// open in the document last asked about.
#[derive(Default)]
pub struct Candidates {
    /// Candidates by text.
    by_text: HashMap<TextKey, Arc<Vec<Candidate>>>,
    /// What the open candidates were last worked out from.
    open_key: Option<OpenKey>,
    /// The candidates that were open then.
    open: Arc<Vec<Candidate>>,
}

impl Candidates {
    /// The candidates of a document's text, in reading order.
    pub fn of(&mut self, document: &Document) -> Arc<Vec<Candidate>> {
        self.by_text
            .entry(text_key(document))
            .or_insert_with(|| Arc::new(document_candidates(document)))
            .clone()
    }

    /// The candidates of a document the desk has not yet claimed or dismissed. Worked
    /// out again only when the text, its claims or the dismissals change, so a long
    /// story's list costs nothing per frame.
    pub fn open(&mut self, project: &Project, document: &Document) -> Arc<Vec<Candidate>> {
        let claimed: Vec<(usize, usize)> = project
            .claims_on(&document.id)
            .filter(|claim| !claim.orphaned)
            .map(|claim| (claim.anchor.start, claim.anchor.end))
            .collect();
        let key = (
            text_key(document),
            claimed,
            project.dismissed_candidates.len(),
        );
        if self.open_key.as_ref() != Some(&key) {
            let open = self
                .of(document)
                .iter()
                .filter(|candidate| project.is_open_candidate(&document.id, candidate))
                .cloned()
                .collect();
            self.open = Arc::new(open);
            self.open_key = Some(key);
        }
        self.open.clone()
    }
}

/// What the workbench shows about each document's text besides the text: its word
/// count and its hidden characters, worked out once per text.
#[derive(Default)]
pub struct TextFacts {
    /// Facts of the texts seen so far.
    by_text: HashMap<TextKey, Facts>,
}

/// The facts of one text.
struct Facts {
    words: usize,
    hidden: Arc<[HiddenChar]>,
}

impl TextFacts {
    fn of(&mut self, document: &Document) -> &Facts {
        self.by_text
            .entry(text_key(document))
            .or_insert_with(|| Facts {
                words: count_words(&document.text),
                hidden: find_hidden(&document.text).into(),
            })
    }

    /// The number of words in a document's text.
    pub fn words(&mut self, document: &Document) -> usize {
        self.of(document).words
    }

    /// The hidden characters (bidi controls, zero-width and control characters) in a
    /// document's text, in order.
    pub fn hidden(&mut self, document: &Document) -> Arc<[HiddenChar]> {
        self.of(document).hidden.clone()
    }
}

/// One match of the find bar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FindMatch {
    /// The document it is in.
    pub document: DocumentId,
    /// Where, in code points.
    pub chars: std::ops::Range<usize>,
}

/// The matches of the find bar, in the order the bar steps through them (document by
/// document, then by place), found again only when the query or the texts change.
#[derive(Default)]
pub struct FindResults {
    /// What the matches were found for: the query, whether case mattered, and the
    /// texts searched.
    key: Option<(String, bool, Vec<TextKey>)>,
    /// The matches for that key.
    matches: Arc<Vec<FindMatch>>,
}

impl FindResults {
    /// The matches of the session's find bar; none when the bar is closed.
    pub fn refresh(&mut self, session: &Session) -> Arc<Vec<FindMatch>> {
        let Some(find) = &session.find else {
            return Arc::default();
        };
        let documents: Vec<&Document> = match find.scope {
            FindScope::Panes => {
                let mut shown: Vec<&Document> = Side::BOTH
                    .into_iter()
                    .filter_map(|side| session.pane_document(side))
                    .collect();
                shown.dedup_by(|a, b| a.id == b.id);
                shown
            }
            FindScope::AllDocuments => session.project.documents.iter().collect(),
        };
        let key = (
            find.query.clone(),
            find.match_case,
            documents
                .iter()
                .map(|document| text_key(document))
                .collect(),
        );
        if self.key.as_ref() != Some(&key) {
            let matches = documents
                .iter()
                .flat_map(|document| {
                    find_all(&document.text, &find.query, find.match_case)
                        .into_iter()
                        .map(|chars| FindMatch {
                            document: document.id.clone(),
                            chars,
                        })
                })
                .collect();
            self.matches = Arc::new(matches);
            self.key = Some(key);
        }
        self.matches.clone()
    }
}
