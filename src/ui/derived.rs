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

use crate::core::article::{Document, DocumentId, count_words};
use crate::core::claims::candidates::{Candidate, document_candidates};
use crate::core::diff::WordDiff;
use crate::core::project::Project;

use super::background::{Background, Work};
use super::state::{Session, Side};

/// Identifies a document's text as it is now.
type TextKey = (DocumentId, String);

fn text_key(document: &Document) -> TextKey {
    (document.id.clone(), document.sha256.clone())
}

/// The word diff of the two documents in the panes, worked out on a worker thread
/// when they are long.
pub struct Comparison {
    /// The diffs, keyed by the left and right texts.
    work: Background<(TextKey, TextKey), WordDiff>,
    /// The diff of the panes as they were at the last refresh, once it is ready.
    current: Option<Arc<WordDiff>>,
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
    /// The diff of the two panes' documents, or `None` when a pane is empty; starts the
    /// work when the documents changed.
    pub fn refresh(&mut self, ctx: &egui::Context, session: &Session) -> Option<Work<WordDiff>> {
        let (Some(old), Some(new)) = (
            session.pane_document(Side::Left),
            session.pane_document(Side::Right),
        ) else {
            self.current = None;
            return None;
        };
        let key = (text_key(old), text_key(new));
        let (old_text, new_text) = (old.text.clone(), new.text.clone());
        let work = self
            .work
            .get(ctx, key, old_text.len() + new_text.len(), move || {
                WordDiff::compute(&old_text, &new_text)
            });
        self.current = work.ready();
        Some(work)
    }

    /// The diff found by the last refresh, if it was ready.
    pub fn current(&self) -> Option<Arc<WordDiff>> {
        self.current.clone()
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

/// Word counts of the open project's documents.
#[derive(Default)]
pub struct WordCounts {
    /// Counted texts.
    by_text: HashMap<TextKey, usize>,
}

impl WordCounts {
    /// The number of words in a document's text.
    pub fn of(&mut self, document: &Document) -> usize {
        *self
            .by_text
            .entry(text_key(document))
            .or_insert_with(|| count_words(&document.text))
    }
}
