//! Factdesk: a desktop fact-check workbench for copy editors, fact-checkers and
//! standards desks.
//!
//! [`core`] holds the domain (articles, import, word diffs, claims, anchors, project
//! files), with no GUI code, so everything is testable without a display.

pub mod core;
