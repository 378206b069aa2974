//! `factdesk diff`: what changed between two versions of a story, sentence by sentence,
//! or (with `--changes`) the changes that matter to a fact-checker.

use std::io;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use serde::Serialize;

use crate::core::align::RowKind;
use crate::core::article::Document;
use crate::core::changes::{Change, changes_between};
use crate::core::compare_options::{CompareOptions, Granularity};
use crate::core::diff::{Span, SpanKind, WordDiff};
use crate::core::import::import_file;
use crate::core::project::timestamp_now;

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
    /// List the changes that matter to a fact-checker (numbers, quotes, speakers,
    /// attributions, names, hedges, dates, minor edits) instead of the sentences.
    #[arg(long)]
    pub changes: bool,
    /// Print JSON for scripts instead of text.
    #[arg(long)]
    pub json: bool,
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
    let now = timestamp_now();
    let old = import_file(&args.old, now)?;
    let new = import_file(&args.new, now)?;
    let diff = WordDiff::compute_with(&old.text, &new.text, &args.options());
    let mut out = io::stdout().lock();
    let differs = if args.changes {
        let changes = changes_between(&diff, &old.text, &new.text);
        if args.json {
            write_json(&mut out, &changes)
        } else {
            write_changes(&mut out, &changes)
        }
        .context("could not write to standard output")?;
        !changes.is_empty()
    } else {
        if args.json {
            write_json(&mut out, &RowRecord::all(&diff, &old, &new))
        } else {
            write_rows(&mut out, &diff, &old, &new, [&args.old, &args.new])
        }
        .context("could not write to standard output")?;
        diff.alignment
            .rows()
            .iter()
            .any(|row| row.kind != RowKind::Same)
    };
    Ok(if differs {
        ExitCode::from(EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    })
}

/// Each change as a block: class and places, then old → new and why.
fn write_changes(out: &mut impl io::Write, changes: &[Change]) -> io::Result<()> {
    let minor = changes
        .iter()
        .filter(|change| change.class.is_minor())
        .count();
    writeln!(
        out,
        "{} change(s) that matter · {minor} minor edit(s)",
        changes.len() - minor
    )?;
    for change in changes {
        writeln!(out)?;
        writeln!(
            out,
            "{}  old {}  new {}",
            change.class.label(),
            place(change.old.as_ref().map(|text| &text.chars)),
            place(change.new.as_ref().map(|text| &text.chars)),
        )?;
        writeln!(out, "  {}", change.explanation)?;
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

/// Every sentence that is not the same in both, in the order of the new text, with its
/// words marked `[-deleted-]` and `{+inserted+}` as wdiff does; then the word counts.
fn write_rows(
    out: &mut impl io::Write,
    diff: &WordDiff,
    old: &Document,
    new: &Document,
    paths: [&Path; 2],
) -> io::Result<()> {
    writeln!(out, "--- {}", paths[0].display())?;
    writeln!(out, "+++ {}", paths[1].display())?;
    let alignment = &diff.alignment;
    for (index, row) in alignment.rows().iter().enumerate() {
        let old_unit = row.old.and_then(|unit| alignment.old_units().get(unit));
        let new_unit = row.new.and_then(|unit| alignment.new_units().get(unit));
        let heading = match (row.kind, old_unit, new_unit) {
            (RowKind::Changed, Some(_), Some(unit)) => format!(
                "¶{} changed ({:.0}% alike)",
                unit.paragraph + 1,
                row.similarity * 100.0
            ),
            (RowKind::Moved, Some(from), Some(to)) => {
                format!("¶{} moved from ¶{}", to.paragraph + 1, from.paragraph + 1)
            }
            (RowKind::Deleted, Some(unit), _) => {
                format!("¶{} of the old text deleted", unit.paragraph + 1)
            }
            (RowKind::Inserted, _, Some(unit)) => format!("¶{} inserted", unit.paragraph + 1),
            _ => continue,
        };
        writeln!(out, "\n{heading}")?;
        let (old_spans, new_spans) = diff.row_spans(index);
        writeln!(
            out,
            "  {}",
            interleave(&old.text, &old_spans, &new.text, &new_spans)
        )?;
    }
    let stats = diff.stats;
    writeln!(
        out,
        "\n{} words kept · {} deleted · {} inserted · {} moved",
        stats.words_kept, stats.words_deleted, stats.words_inserted, stats.words_moved
    )
}

/// One sentence pair as one line: text both have once, what only the old has in
/// `[-…-]`, what only the new has in `{+…+}`. Stretches both have come in the same order
/// on both sides, so the two lists are walked together.
fn interleave(old: &str, old_spans: &[Span], new: &str, new_spans: &[Span]) -> String {
    let marked = |span: &Span| !matches!(span.kind, SpanKind::Equal | SpanKind::Moved);
    let mut line = String::new();
    let (mut old_spans, mut new_spans) = (old_spans.iter().peekable(), new_spans.iter().peekable());
    loop {
        if let Some(span) = old_spans.next_if(|span| marked(span)) {
            line.push_str("[-");
            line.push_str(&old[span.bytes.clone()]);
            line.push_str("-]");
        } else if let Some(span) = new_spans.next_if(|span| marked(span)) {
            line.push_str("{+");
            line.push_str(&new[span.bytes.clone()]);
            line.push_str("+}");
        } else {
            match (old_spans.next(), new_spans.next()) {
                (_, Some(span)) => line.push_str(&new[span.bytes.clone()]),
                (Some(span), None) => line.push_str(&old[span.bytes.clone()]),
                (None, None) => break,
            }
        }
    }
    line.replace('\n', " ")
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
