//! The domain: articles, import, diffs, claims, anchors and project files.
//!
//! Nothing here draws or knows about egui, eframe or rfd; the GUI (`crate::ui`) and the
//! command line (`crate::cli`) are both thin layers over this module.

pub mod agency;
pub mod anchor;
pub mod article;
pub mod atomic_file;
pub mod claims;
pub mod corroboration;
pub mod diff;
pub mod import;
pub mod project;
pub mod provenance;
pub mod similarity;
