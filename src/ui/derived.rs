//! Results of the core's analysis that views show every frame, kept between frames and
//! recomputed only when their inputs change (a word diff of two long wire stories is
//! far too slow to redo 60 times a second).
//!
//! Documents never change their text while a project is open, so results are keyed
//! by document id; the app starts these caches afresh with each project it opens.
//! (Not by the `sha256` stored in the file: a file edited by hand may carry a stale one.)

use std::collections::HashMap;
use std::sync::Arc;

use crate::core::article::{Document, DocumentId, count_words};
use crate::core::diff::WordDiff;

use super::state::{Session, Side};

/// The word diff of the two documents in the panes.
#[derive(Default)]
pub struct Comparison {
    /// The left and right documents the diff was computed from.
    key: Option<(DocumentId, DocumentId)>,
    /// The diff of those two documents.
    diff: Option<Arc<WordDiff>>,
}

impl Comparison {
    /// The diff of the two panes' documents, or `None` when a pane is empty.
    pub fn refresh(&mut self, session: &Session) -> Option<Arc<WordDiff>> {
        let (Some(old), Some(new)) = (
            session.pane_document(Side::Left),
            session.pane_document(Side::Right),
        ) else {
            self.key = None;
            self.diff = None;
            return None;
        };
        let key = (old.id.clone(), new.id.clone());
        if self.key.as_ref() != Some(&key) {
            self.diff = Some(Arc::new(WordDiff::compute(&old.text, &new.text)));
            self.key = Some(key);
        }
        self.diff.clone()
    }
}

/// Word counts of the open project's documents.
#[derive(Default)]
pub struct WordCounts {
    /// Counted documents.
    by_document: HashMap<DocumentId, usize>,
}

impl WordCounts {
    /// The number of words in a document's text.
    pub fn of(&mut self, document: &Document) -> usize {
        *self
            .by_document
            .entry(document.id.clone())
            .or_insert_with(|| count_words(&document.text))
    }
}
