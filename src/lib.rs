//! Factdesk: a desktop fact-check workbench for copy editors, fact-checkers and
//! standards desks.
//!
//! # Layers
//! - [`core`]: the domain (articles, import, sentence alignment and word diffs, claims,
//!   anchors, project files). No GUI code; everything is testable without a display.
//! - [`ui`]: the egui workbench. Views read the state and return [`ui::Action`]s; the
//!   app applies them in one place per frame, which is where the project is changed and
//!   marked dirty.
//! - [`cli`]: subcommands over the same core (`factdesk check`, …).
//!
//! Data flows one way: files → `core::import` → `core::project::Project` → views, and
//! edits flow back as actions → `Project` methods → `Project::save`.

pub mod cli;
pub mod core;
pub mod ui;
