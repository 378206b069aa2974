//! Results of the core's analysis that views show every frame, kept between frames and
//! recomputed only when their inputs change (a word diff of two long wire stories is
//! far too slow to redo 60 times a second).

use std::collections::HashMap;
use std::sync::Arc;

use crate::core::article::{Document, count_words};
use crate::core::diff::WordDiff;

use super::state::{Session, Side};

/// The word diff of the two documents in the panes.
#[derive(Default)]
pub struct Comparison {
    /// Digests of the left and right texts the diff was computed from.
    key: Option<(String, String)>,
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
        let key = (old.sha256.clone(), new.sha256.clone());
        if self.key.as_ref() != Some(&key) {
            self.diff = Some(Arc::new(WordDiff::compute(&old.text, &new.text)));
            self.key = Some(key);
        }
        self.diff.clone()
    }
}

/// Word counts of documents, by the digest of their text.
#[derive(Default)]
pub struct WordCounts {
    by_digest: HashMap<String, usize>,
}

impl WordCounts {
    /// The number of words in a document's text.
    pub fn of(&mut self, document: &Document) -> usize {
        *self
            .by_digest
            .entry(document.sha256.clone())
            .or_insert_with(|| count_words(&document.text))
    }
}
