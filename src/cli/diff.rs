//! `factdesk diff`: what changed between two versions of a story, sentence by sentence,
//! or (with `--changes`) the changes that matter to a fact-checker, as text (coloured on
//! a terminal), JSON or a standalone HTML page.

use std::io::{self, IsTerminal as _, Write as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use serde::Serialize;

use crate::core::align::RowKind;
use crate::core::article::Document;
use crate::core::changes::{Event, events};
use crate::core::compare_options::{CompareOptions, Granularity};
use crate::core::diff::WordDiff;
use crate::core::export::diff_page::diff_page;
use crate::core::export::diff_text::{Marks, write_rows};
use crate::core::export::html;
use crate::core::import::import_file;
use crate::core::project::timestamp_now;
use crate::core::two_threads::both;

use super::EXIT_FINDINGS;

/// What `factdesk diff` was asked.
#[derive(Debug, clap::Args)]
#[expect(
    clippy::struct_excessive_bools,
    reason = "one field per command-line switch, as clap reads them"
)]
pub struct DiffArgs {
    /// The old version: a text file, a saved web page, an IPTC ninjs (.json) or
    /// NewsML-G2 (.xml) item.
    pub old: PathBuf,
    /// The new version, in any of the same formats.
    pub new: PathBuf,
    /// List the changes that matter to a fact-checker, as an editor lists them (an
    /// attribution dropped, a figure changed, a passage dropped or added, the end cut,
    /// a caption replaced, house style counted by kind), instead of the sentences.
    #[arg(long)]
    pub changes: bool,
    /// What to print: text (deleted words in [-…-], inserted in {+…+}), JSON for
    /// scripts, or a standalone HTML page (the sentences side by side, and with
    /// --changes the changes that matter above them).
    #[arg(long, value_enum, default_value = "text")]
    pub format: DiffFormat,
    /// The same as --format json.
    #[arg(long, conflicts_with = "format")]
    pub json: bool,
    /// Colour the text output: auto (only on a terminal, and not when NO_COLOR is
    /// set), always or never.
    #[arg(long, value_enum, default_value = "auto")]
    pub color: ColorChoice,
    /// How finely changes inside a reworded sentence are marked.
    #[arg(long, value_enum, default_value = "word")]
    pub granularity: GranularityArg,
    /// "Syrian Army" and "Syrian army" count as the same words.
    #[arg(long)]
    pub ignore_case: bool,
    /// Punctuation does not count.
    #[arg(long)]
    pub ignore_punctuation: bool,
    /// Curly and straight quotes, and the different dashes, count as different.
    #[arg(long)]
    pub strict_typography: bool,
    /// Extra spaces and line breaks count as changes.
    #[arg(long)]
    pub strict_whitespace: bool,
}

/// `--format` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum DiffFormat {
    /// Lines of text, marked like wdiff.
    Text,
    /// JSON for scripts.
    Json,
    /// A standalone HTML page.
    Html,
}

/// `--color` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// Colour when standard output is a terminal and NO_COLOR is not set.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

impl ColorChoice {
    /// Whether the text output is coloured.
    fn colours(self) -> bool {
        match self {
            Self::Auto => {
                io::stdout().is_terminal()
                    && std::env::var_os("NO_COLOR").is_none_or(|value| value.is_empty())
            }
            Self::Always => true,
            Self::Never => false,
        }
    }
}

/// `--granularity` values.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum GranularityArg {
    /// Mark the words that changed.
    Word,
    /// Mark the letters that changed.
    Char,
    /// Mark reworded sentences as a whole.
    Sentence,
}

impl DiffArgs {
    fn options(&self) -> CompareOptions {
        CompareOptions {
            granularity: match self.granularity {
                GranularityArg::Word => Granularity::Word,
                GranularityArg::Char => Granularity::Character,
                GranularityArg::Sentence => Granularity::Sentence,
            },
            ignore_case: self.ignore_case,
            ignore_punctuation: self.ignore_punctuation,
            fold_typography: !self.strict_typography,
            ignore_whitespace: !self.strict_whitespace,
        }
    }
}

/// Compares the two files; exits 0 when they say the same, 1 when they differ (or, with
/// `--changes`, when there are changes), 2 when a file cannot be read.
pub(super) fn diff(args: &DiffArgs) -> anyhow::Result<ExitCode> {
    let (old, new) = import_both(&args.old, &args.new)?;
    let diff = WordDiff::compute_with(&old.text, &new.text, &args.options());
    let changes = args.changes.then(|| events(&old, &new, &diff, &[]));
    let names = [&args.old, &args.new].map(|path| path.display().to_string());
    let names = [names[0].as_str(), names[1].as_str()];
    let format = if args.json {
        DiffFormat::Json
    } else {
        args.format
    };
    let mut out = io::stdout().lock();
    match (format, &changes) {
        (DiffFormat::Json, Some(changes)) => write_json(&mut out, changes),
        (DiffFormat::Json, None) => write_json(&mut out, &RowRecord::all(&diff, &old, &new)),
        (DiffFormat::Text, Some(changes)) => write_events(&mut out, changes),
        (DiffFormat::Text, None) => {
            let marks = if args.color.colours() {
                &Marks::COLOURED
            } else {
                &Marks::PLAIN
            };
            write_rows(&mut out, &diff, [&old.text, &new.text], names, marks)
        }
        (DiffFormat::Html, changes) => {
            let page = diff_page(
                &format!("Compared: {} → {}", names[0], names[1]),
                names,
                [&old.text, &new.text],
                &diff,
                changes.as_deref(),
            );
            out.write_all(html::render(&page).as_bytes())
        }
    }
    .context("could not write to standard output")?;
    let differs = match &changes {
        Some(changes) => !changes.is_empty(),
        None => diff
            .alignment
            .rows()
            .iter()
            .any(|row| row.kind != RowKind::Same),
    };
    Ok(if differs {
        ExitCode::from(EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    })
}

/// Reads the two versions, the new one on a second thread: reading and segmenting a
/// long story is a good part of what a diff costs.
fn import_both(old: &Path, new: &Path) -> anyhow::Result<(Document, Document)> {
    let now = timestamp_now();
    let (old, new) = both(
        "import-new-version",
        || import_file(old, now),
        || import_file(new, now),
    );
    Ok((old?, new?))
}

/// The events as an editor reads a list: a count, then each change that matters as a
/// line, with its places and the facts a passage or part held, then the house style.
fn write_events(out: &mut impl io::Write, events: &[Event]) -> io::Result<()> {
    let (style, mattering): (Vec<&Event>, Vec<&Event>) =
        events.iter().partition(|event| event.class.is_minor());
    let edits: usize = style.iter().map(|event| event.count).sum();
    writeln!(
        out,
        "{} change(s) that matter · {edits} house-style edit(s)",
        mattering.len()
    )?;
    for event in &mattering {
        writeln!(out)?;
        writeln!(out, "{}", event.summary)?;
        writeln!(
            out,
            "  old {}  new {}",
            place(event.old.as_ref().map(|text| &text.chars)),
            place(event.new.as_ref().map(|text| &text.chars)),
        )?;
        for fact in &event.facts {
            writeln!(out, "  · {}: {}", fact.class.label(), fact.text)?;
        }
    }
    if !style.is_empty() {
        writeln!(out)?;
        for event in style {
            writeln!(out, "{}", event.summary)?;
        }
    }
    Ok(())
}

/// "120–131" or "—" for a side the change has no text on.
fn place(chars: Option<&std::ops::Range<usize>>) -> String {
    chars.map_or_else(
        || "—".to_owned(),
        |chars| format!("{}–{}", chars.start, chars.end),
    )
}

/// One alignment row in the JSON output.
#[derive(Serialize)]
struct RowRecord<'a> {
    /// same, changed, moved, deleted or inserted.
    kind: &'static str,
    /// How alike the two sentences are, 0–1.
    similarity: f32,
    /// The old sentence and its code-point offsets, when the row has one.
    old: Option<SentenceRecord<'a>>,
    /// The new sentence and its code-point offsets, when the row has one.
    new: Option<SentenceRecord<'a>>,
}

/// A sentence of one version in the JSON output.
#[derive(Serialize)]
struct SentenceRecord<'a> {
    start: usize,
    end: usize,
    paragraph: usize,
    text: &'a str,
}

impl<'a> RowRecord<'a> {
    fn all(diff: &WordDiff, old: &'a Document, new: &'a Document) -> Vec<Self> {
        let alignment = &diff.alignment;
        let sentence = |text: &'a str, unit: &crate::core::align::Unit| SentenceRecord {
            start: unit.chars.start,
            end: unit.chars.end,
            paragraph: unit.paragraph,
            text: text.get(unit.bytes.clone()).unwrap_or_default(),
        };
        alignment
            .rows()
            .iter()
            .map(|row| RowRecord {
                kind: row.kind.key(),
                similarity: row.similarity,
                old: row
                    .old
                    .and_then(|unit| alignment.old_units().get(unit))
                    .map(|unit| sentence(&old.text, unit)),
                new: row
                    .new
                    .and_then(|unit| alignment.new_units().get(unit))
                    .map(|unit| sentence(&new.text, unit)),
            })
            .collect()
    }
}

/// Anything serialisable as pretty JSON, then a line break.
fn write_json(out: &mut impl io::Write, value: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)
}
