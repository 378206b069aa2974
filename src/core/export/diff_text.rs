//! Two versions of a story compared, as lines of text the way wdiff prints them: each
//! sentence that is not the same, its deleted words in `[-…-]` and inserted ones in
//! `{+…+}` (coloured for a terminal when asked), then the word counts. What
//! `factdesk diff` prints by default.

use std::io;

use crate::core::align::RowKind;
use crate::core::diff::{Span, SpanKind, WordDiff};

/// How the text output marks deleted and inserted words: the wdiff brackets, in red
/// struck through and in green (ANSI SGR codes) when coloured.
pub struct Marks {
    /// What goes before and after deleted words.
    pub deleted: [&'static str; 2],
    /// What goes before and after inserted words.
    pub inserted: [&'static str; 2],
}

impl Marks {
    /// The wdiff brackets alone, for files, pipes and NO_COLOR.
    pub const PLAIN: Self = Self {
        deleted: ["[-", "-]"],
        inserted: ["{+", "+}"],
    };
    /// The brackets in colour, for a terminal.
    pub const COLOURED: Self = Self {
        deleted: ["\x1b[31;9m[-", "-]\x1b[0m"],
        inserted: ["\x1b[32m{+", "+}\x1b[0m"],
    };
}

/// Every sentence that is not the same in both, in the order of the new text, with its
/// words marked `[-deleted-]` and `{+inserted+}` as wdiff does; then the word counts.
pub fn write_rows(
    out: &mut impl io::Write,
    diff: &WordDiff,
    [old, new]: [&str; 2],
    [old_name, new_name]: [&str; 2],
    marks: &Marks,
) -> io::Result<()> {
    writeln!(out, "--- {old_name}")?;
    writeln!(out, "+++ {new_name}")?;
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
            interleave(old, &old_spans, new, &new_spans, marks)
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
fn interleave(
    old: &str,
    old_spans: &[Span],
    new: &str,
    new_spans: &[Span],
    marks: &Marks,
) -> String {
    let marked = |span: &Span| !matches!(span.kind, SpanKind::Equal | SpanKind::Moved);
    let mut line = String::new();
    let (mut old_spans, mut new_spans) = (old_spans.iter().peekable(), new_spans.iter().peekable());
    loop {
        if let Some(span) = old_spans.next_if(|span| marked(span)) {
            line.push_str(marks.deleted[0]);
            line.push_str(&old[span.bytes.clone()]);
            line.push_str(marks.deleted[1]);
        } else if let Some(span) = new_spans.next_if(|span| marked(span)) {
            line.push_str(marks.inserted[0]);
            line.push_str(&new[span.bytes.clone()]);
            line.push_str(marks.inserted[1]);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(old: &str, new: &str, marks: &Marks) -> String {
        let diff = WordDiff::compute(old, new);
        let mut out = Vec::new();
        write_rows(&mut out, &diff, [old, new], ["old.txt", "new.txt"], marks).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn reworded_words_are_bracketed_and_coloured_only_when_asked() {
        let old = "Medics said at least 400,000 people were displaced.";
        let new = "Medics said 400,000 people were displaced.";
        let plain = text_of(old, new, &Marks::PLAIN);
        assert!(plain.starts_with("--- old.txt\n+++ new.txt\n"), "{plain}");
        assert!(plain.contains("[-at least"), "{plain}");
        assert!(!plain.contains('\u{1b}'));
        let coloured = text_of(old, new, &Marks::COLOURED);
        assert!(coloured.contains("\u{1b}[31;9m[-at least"), "{coloured}");
    }
}
