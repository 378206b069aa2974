//! The domain: articles, import, diffs, claims, anchors, project files and exports.
//!
//! Nothing here draws or knows about egui, eframe or rfd; the GUI (`crate::ui`) and the
//! command line (`crate::cli`) are both thin layers over this module.

pub mod agency;
pub mod align;
pub mod anchor;
pub mod article;
pub mod atomic_file;
pub mod bounded_read;
pub mod changes;
pub mod claims;
pub mod compare_options;
pub mod corroboration;
pub mod diff;
pub mod export;
pub(crate) mod fast_hash;
pub mod find;
pub mod hidden_chars;
pub mod import;
pub mod merge;
pub mod numbers;
pub mod project;
pub mod provenance;
pub(crate) mod sequence_diff;
pub mod similarity;
#[cfg(test)]
pub(crate) mod test_projects;
pub(crate) mod two_threads;
pub mod word_bounds;
