//! Sentence splitting for news copy.
