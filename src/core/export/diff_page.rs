//! Two versions of a story compared, as a [`Page`]: the word counts, the changes that
//! matter and every sentence that is not the same, side by side with its words marked.
//! `factdesk diff --format html` renders it; the verification report reuses its
//! summary and its table of changes.

use crate::core::align::RowKind;
use crate::core::changes::Event;
use crate::core::diff::{Span, SpanKind, WordDiff};

use super::page::{Block, Inline, Page, Rich, plain};

/// How many sentences were added, removed, reworded and moved between two versions.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SentenceCounts {
    /// Sentences only the new version has.
    pub added: usize,
    /// Sentences only the old version has.
    pub removed: usize,
    /// Sentences reworded in place.
    pub reworded: usize,
    /// Sentences taken to another place.
    pub moved: usize,
}

impl SentenceCounts {
    /// The counts of `diff`'s sentence alignment.
    pub fn of(diff: &WordDiff) -> Self {
        let mut counts = Self::default();
        for row in diff.alignment.rows() {
            match row.kind {
                RowKind::Inserted => counts.added += 1,
                RowKind::Deleted => counts.removed += 1,
                RowKind::Changed => counts.reworded += 1,
                RowKind::Moved => counts.moved += 1,
                RowKind::Same => {}
            }
        }
        counts
    }
}

/// The word and sentence counts of a comparison, as a two-column table.
pub fn summary_table(diff: &WordDiff) -> Block {
    let stats = diff.stats;
    let sentences = SentenceCounts::of(diff);
    let rows = [
        ("Words kept", stats.words_kept),
        ("Words deleted", stats.words_deleted),
        ("Words inserted", stats.words_inserted),
        ("Words moved", stats.words_moved),
        ("Sentences added", sentences.added),
        ("Sentences removed", sentences.removed),
        ("Sentences reworded", sentences.reworded),
        ("Sentences moved", sentences.moved),
    ];
    Block::Table {
        header: vec!["Measure".into(), "Count".into()],
        rows: rows
            .iter()
            .map(|(label, count)| vec![plain(*label), plain(count.to_string())])
            .collect(),
    }
}

/// The changes that matter, most important first: what kind, what changed, and the
/// facts a passage or part held. `None` when there are none (the caller says so in
/// words).
pub fn changes_table(events: &[Event]) -> Option<Block> {
    let rows: Vec<Vec<Rich>> = events
        .iter()
        .filter(|event| !event.class.is_minor())
        .map(|event| {
            let facts: Vec<String> = event
                .facts
                .iter()
                .map(|fact| format!("{}: {}", fact.class.label(), fact.text))
                .collect();
            vec![
                vec![Inline::Strong(event.class.label().to_owned())],
                plain(event.detail().to_owned()),
                plain(if facts.is_empty() {
                    "—".to_owned()
                } else {
                    facts.join("; ")
                }),
            ]
        })
        .collect();
    (!rows.is_empty()).then(|| Block::Table {
        header: vec!["Kind".into(), "What changed".into(), "Facts inside".into()],
        rows,
    })
}

/// A paragraph saying how many changes matter and what house style was left out of
/// the list ("quote marks ×6, capitals ×2").
pub fn changes_count(events: &[Event]) -> String {
    let mattering = events
        .iter()
        .filter(|event| !event.class.is_minor())
        .count();
    let style: Vec<String> = events
        .iter()
        .filter(|event| event.class.is_minor())
        .map(|event| event.summary.trim_start_matches("House style: ").to_owned())
        .collect();
    if style.is_empty() {
        format!("{mattering} change(s) that matter.")
    } else {
        format!(
            "{mattering} change(s) that matter; house style not listed: {}.",
            style.join(", ")
        )
    }
}

/// The whole comparison page: summary, the changes that matter when `changes` are
/// given, then each sentence that is not the same, old and new side by side.
pub fn diff_page(
    title: &str,
    [old_name, new_name]: [&str; 2],
    [old, new]: [&str; 2],
    diff: &WordDiff,
    changes: Option<&[Event]>,
) -> Page {
    let mut page = Page::new(title);
    page.blocks.push(Block::Fields(vec![
        ("Old".into(), plain(old_name)),
        ("New".into(), plain(new_name)),
    ]));
    page.heading(2, "Summary");
    page.blocks.push(summary_table(diff));
    if let Some(changes) = changes {
        page.heading(2, "Changes that matter");
        page.paragraph(changes_count(changes));
        page.blocks.extend(changes_table(changes));
    }
    page.heading(2, "Sentences");
    let alignment = &diff.alignment;
    let mut rows = Vec::new();
    for (index, row) in alignment.rows().iter().enumerate() {
        if row.kind == RowKind::Same {
            continue;
        }
        let old_unit = row.old.and_then(|unit| alignment.old_units().get(unit));
        let new_unit = row.new.and_then(|unit| alignment.new_units().get(unit));
        let paragraph = |unit: Option<&crate::core::align::Unit>| {
            unit.map_or_else(String::new, |unit| format!("¶{}", unit.paragraph + 1))
        };
        let (old_spans, new_spans) = diff.row_spans(index);
        rows.push(vec![
            plain(row.kind.key()),
            plain(paragraph(old_unit)),
            marked(old, &old_spans),
            plain(paragraph(new_unit)),
            marked(new, &new_spans),
        ]);
    }
    if rows.is_empty() {
        page.paragraph("Both versions have the same sentences.");
    } else {
        page.blocks.push(Block::Table {
            header: ["What", "Old ¶", "Old", "New ¶", "New"]
                .map(str::to_owned)
                .to_vec(),
            rows,
        });
    }
    page
}

/// The text of `spans` with each stretch marked as what happened to it.
pub fn marked(text: &str, spans: &[Span]) -> Rich {
    spans
        .iter()
        .filter_map(|span| {
            let words = text.get(span.bytes.clone())?.to_owned();
            Some(match span.kind {
                SpanKind::Equal => Inline::Text(words),
                SpanKind::Deleted => Inline::Deleted(words),
                SpanKind::Inserted => Inline::Inserted(words),
                SpanKind::Moved => Inline::Moved(words),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::article::{Document, DocumentKind, Source};
    use crate::core::changes::events;
    use crate::core::export::html;

    #[test]
    fn a_reworded_sentence_shows_its_deleted_and_inserted_words() {
        let old = "Hundreds were killed and at least 400,000 people displaced, medics said.";
        let new = "Hundreds were killed and 400,000 people displaced, medics said.";
        let diff = WordDiff::compute(old, new);
        let document = |text: &str| {
            Document::new(
                "v",
                Source::Reuters,
                DocumentKind::TextFile,
                None,
                text.to_owned(),
                jiff::Timestamp::UNIX_EPOCH,
            )
        };
        let changes = events(&document(old), &document(new), &diff, &[]);
        let page = diff_page("Diff", ["a", "b"], [old, new], &diff, Some(&changes));
        let rendered = html::render(&page);
        assert!(rendered.contains("<del>at least"), "{rendered}");
        assert!(rendered.contains("Number"), "{rendered}");
        assert_eq!(SentenceCounts::of(&diff).reworded, 1);
    }
}
