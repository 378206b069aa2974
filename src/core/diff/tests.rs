use super::*;

fn marked(text: &str, spans: &[Span]) -> String {
    spans
        .iter()
        .map(|span| {
            let words = &text[span.bytes.clone()];
            match span.kind {
                SpanKind::Equal => words.to_owned(),
                SpanKind::Deleted => format!("[-{words}-]"),
                SpanKind::Inserted => format!("{{+{words}+}}"),
                SpanKind::Moved => format!("[~{words}~]"),
            }
        })
        .collect()
}

#[test]
fn changed_words_are_marked_on_their_side() {
    let old = "Ten of thousands of people have fled.";
    let new = "Tens of thousands of people fled.";
    let diff = WordDiff::compute(old, new);
    assert_eq!(
        marked(old, &diff.old_spans),
        "[-Ten-] of thousands of people [-have -]fled."
    );
    assert_eq!(
        marked(new, &diff.new_spans),
        "{+Tens+} of thousands of people fled."
    );
    assert_eq!(
        diff.stats,
        DiffStats {
            words_kept: 5,
            words_deleted: 2,
            words_inserted: 1,
            words_moved: 0,
        }
    );
    let retained = diff.stats.retained_percent().unwrap();
    assert!((retained - 500.0 / 7.0).abs() < 1e-9, "{retained}");
}

#[test]
fn segments_cover_each_text_exactly() {
    let old = "Middle EastTop StoriesWorld\n\nAMMAN: Ten of thousands fled.";
    let new = "AMMAN (Reuters) - Tens of thousands fled.";
    let diff = WordDiff::compute(old, new);
    for (text, spans) in [(old, &diff.old_spans), (new, &diff.new_spans)] {
        let joined: String = spans.iter().map(|s| &text[s.bytes.clone()]).collect();
        assert_eq!(joined, text);
        assert!(spans.windows(2).all(|w| w[0].kind != w[1].kind));
    }
}

#[test]
fn blank_gap_between_changes_is_one_change() {
    let diff = WordDiff::compute("said Abdullah Younis", "said Abdul Rahman");
    assert_eq!(
        marked("said Abdullah Younis", &diff.old_spans),
        "said [-Abdullah Younis-]"
    );
}

#[test]
fn spacing_changes_are_not_marked() {
    let old = "said yesterday. They left";
    let new = "said yesterday.\n\nThey left";
    let diff = WordDiff::compute(old, new);
    assert_eq!(marked(old, &diff.old_spans), old);
    assert_eq!(marked(new, &diff.new_spans), new);
}

#[test]
fn identical_texts_retain_everything() {
    let diff = WordDiff::compute("Same words.", "Same words.");
    assert_eq!(diff.stats.retained_percent(), Some(100.0));
    assert_eq!(diff.stats.words_deleted + diff.stats.words_inserted, 0);
    assert_eq!(WordDiff::compute("", "new").stats.retained_percent(), None);
}

#[test]
fn places_map_to_the_matching_place_in_the_other_text() {
    let old = "Site debris. Rescuers said 60,000 fled.";
    let new = "Rescuers said 60,000 fled.";
    let diff = WordDiff::compute(old, new);
    let old_at = old.find("60,000").unwrap();
    let new_at = new.find("60,000").unwrap();
    assert_eq!(diff.counterpart(DiffSide::Old, old_at), new_at);
    assert_eq!(diff.counterpart(DiffSide::New, new_at), old_at);
    assert_eq!(diff.counterpart(DiffSide::Old, 3), 0);
    assert_eq!(diff.counterpart(DiffSide::Old, 10_000), new.chars().count());
}

use proptest::prelude::*;

use crate::core::align::RowKind;
use crate::core::compare_options::Granularity;
use crate::core::project::Project;
use crate::core::word_bounds::count_words;

/// The sample project: the scraped wire page and the desk's edit of it.
const SAMPLE: &str = include_str!("../../../projects/idlib-2019.factdesk.json");

fn sample_texts() -> (String, String) {
    let project = Project::from_json(SAMPLE).unwrap();
    (
        project.documents[0].text.clone(),
        project.documents[1].text.clone(),
    )
}

fn with(granularity: Granularity) -> CompareOptions {
    CompareOptions {
        granularity,
        ..CompareOptions::default()
    }
}

/// Checks that the spans of each side cover its text exactly, in order, and that
/// neighbouring spans differ in kind.
fn assert_covers(diff: &WordDiff, old: &str, new: &str) {
    for (text, spans) in [(old, &diff.old_spans), (new, &diff.new_spans)] {
        let mut at = 0;
        for span in spans {
            assert_eq!(span.bytes.start, at, "{spans:?}");
            assert!(span.bytes.end > span.bytes.start, "{spans:?}");
            at = span.bytes.end;
        }
        assert_eq!(at, text.len(), "{spans:?}");
        assert!(
            spans.windows(2).all(|w| w[0].kind != w[1].kind),
            "{spans:?}"
        );
    }
}

#[test]
fn a_moved_paragraph_is_marked_moved_on_both_sides() {
    let old = "Rebels fled the town.\n\nJets bombed the hospital at dawn. Twelve patients died.\n\n\
               Rescuers counted 60,000 displaced. Aid convoys waited. Talks resume today.";
    let new = "Rebels fled the town.\n\nRescuers counted 60,000 displaced. Aid convoys waited. \
               Talks resume today.\n\nJets bombed the hospital at dawn. Twelve patients died.";
    let diff = WordDiff::compute(old, new);
    assert_covers(&diff, old, new);
    assert_eq!(
        marked(old, &diff.old_spans),
        "Rebels fled the town.\n\n[~Jets bombed the hospital at dawn. Twelve patients died.~]\n\n\
         Rescuers counted 60,000 displaced. Aid convoys waited. Talks resume today."
    );
    assert_eq!(
        marked(new, &diff.new_spans),
        "Rebels fled the town.\n\nRescuers counted 60,000 displaced. Aid convoys waited. \
         Talks resume today.\n\n[~Jets bombed the hospital at dawn. Twelve patients died.~]"
    );
    assert_eq!(
        diff.stats,
        DiffStats {
            words_kept: 14,
            words_deleted: 0,
            words_inserted: 0,
            words_moved: 9,
        }
    );
    assert_eq!(diff.stats.retained_percent(), Some(100.0));
}

#[test]
fn a_moved_sentence_shows_its_edits() {
    let old = "Jets struck the Tallmannis clinic yesterday. Rebels fled. Rescuers searched.";
    let new = "Rebels fled. Rescuers searched. Jets struck the Tallmannis clinic on Monday.";
    let diff = WordDiff::compute(old, new);
    assert_eq!(
        marked(new, &diff.new_spans),
        "Rebels fled. Rescuers searched. [~Jets struck the Tallmannis clinic ~]{+on Monday+}[~.~]"
    );
    assert_eq!(
        marked(old, &diff.old_spans),
        "[~Jets struck the Tallmannis clinic ~][-yesterday-][~.~] Rebels fled. Rescuers searched."
    );
    assert_eq!(diff.stats.words_moved, 5);
    assert_eq!(diff.stats.words_deleted, 1);
}

#[test]
fn character_granularity_marks_only_the_changed_letters() {
    let old = "Ten of thousands of people have fled.";
    let new = "Tens of thousands of people fled.";
    let diff = WordDiff::compute_with(old, new, &with(Granularity::Character));
    assert_covers(&diff, old, new);
    assert_eq!(
        marked(new, &diff.new_spans),
        "Ten{+s+} of thousands of people fled."
    );
    assert_eq!(
        marked(old, &diff.old_spans),
        "Ten of thousands of people [-have -]fled."
    );
    // The summary counts words whatever the marks.
    assert_eq!(diff.stats, WordDiff::compute(old, new).stats);
}

#[test]
fn letters_are_marked_only_inside_similar_words() {
    let old = "AMMAN: Rebels are providing fierce resistance, the Civil Defense said.";
    let new = "AMMAN (Reuters) - Rebels are putting up fierce resistance, the Civil Defence said.";
    let diff = WordDiff::compute_with(old, new, &with(Granularity::Character));
    assert_covers(&diff, old, new);
    assert_eq!(
        marked(old, &diff.old_spans),
        "AMMAN[-:-] Rebels are [-providing-] fierce resistance, the Civil Defen[-s-]e said."
    );
    assert_eq!(
        marked(new, &diff.new_spans),
        "AMMAN {+(Reuters) - +}Rebels are {+putting up+} fierce resistance, the Civil \
         Defen{+c+}e said."
    );
}

#[test]
fn sentence_granularity_marks_the_whole_sentence() {
    let old = "Ten of thousands fled. They left.";
    let new = "Tens of thousands fled. They left.";
    let diff = WordDiff::compute_with(old, new, &with(Granularity::Sentence));
    assert_covers(&diff, old, new);
    assert_eq!(
        marked(old, &diff.old_spans),
        "[-Ten of thousands fled.-] They left."
    );
    assert_eq!(
        marked(new, &diff.new_spans),
        "{+Tens of thousands fled.+} They left."
    );
}

#[test]
fn options_leave_their_differences_unmarked() {
    let strict = CompareOptions {
        granularity: Granularity::Word,
        ignore_case: false,
        ignore_punctuation: false,
        fold_typography: false,
        ignore_whitespace: false,
    };
    let cases = [
        (
            "The Syrian Army advanced.",
            "The Syrian army advanced.",
            CompareOptions {
                ignore_case: true,
                ..strict
            },
        ),
        (
            "Rescuers said 60,000 fled, residents said.",
            "Rescuers said 60000 fled residents said",
            CompareOptions {
                ignore_punctuation: true,
                ..strict
            },
        ),
        (
            "The ‘White Helmets’ said “no” – again.",
            "The 'White Helmets' said \"no\" - again.",
            CompareOptions {
                fold_typography: true,
                ..strict
            },
        ),
        (
            "They left  the city. Rebels stayed.",
            "They left the city.\n\nRebels stayed.",
            CompareOptions {
                ignore_whitespace: true,
                ..strict
            },
        ),
    ];
    for (old, new, options) in cases {
        let loose = WordDiff::compute_with(old, new, &options);
        assert_covers(&loose, old, new);
        assert_eq!(marked(old, &loose.old_spans), old, "{options:?}");
        assert_eq!(marked(new, &loose.new_spans), new, "{options:?}");
        let strict_diff = WordDiff::compute_with(old, new, &strict);
        assert_ne!(marked(new, &strict_diff.new_spans), new, "{options:?}");
    }
}

#[test]
fn a_changed_dateline_is_marked_though_it_is_in_no_sentence() {
    let old = "AMMAN: Tens of thousands fled.";
    let new = "AMMAN (Reuters) - Tens of thousands fled.";
    let diff = WordDiff::compute(old, new);
    assert_eq!(
        marked(old, &diff.old_spans),
        "AMMAN[-:-] Tens of thousands fled."
    );
    assert_eq!(
        marked(new, &diff.new_spans),
        "AMMAN {+(Reuters) - +}Tens of thousands fled."
    );
    assert_eq!(diff.alignment.rows()[0].kind, RowKind::Same);
}

#[test]
fn row_spans_give_the_changed_words_of_a_pair() {
    let old = "They left. Ten of thousands of people have fled.";
    let new = "They left. Tens of thousands of people fled.";
    let diff = WordDiff::compute(old, new);
    let row = diff
        .alignment
        .rows()
        .iter()
        .position(|row| row.kind == RowKind::Changed)
        .unwrap();
    let (old_spans, new_spans) = diff.row_spans(row);
    let words = |text: &str, spans: &[Span], kind| -> Vec<String> {
        spans
            .iter()
            .filter(|span| span.kind == kind)
            .map(|span| text[span.bytes.clone()].to_owned())
            .collect()
    };
    assert_eq!(words(old, &old_spans, SpanKind::Deleted), ["Ten", "have "]);
    assert_eq!(words(new, &new_spans, SpanKind::Inserted), ["Tens"]);
    assert_eq!(old_spans.first().unwrap().bytes.start, 11);
    assert_eq!(diff.row_spans(99), (Vec::new(), Vec::new()));
}

#[test]
fn the_sample_diff_marks_the_caption_moved_and_counts_every_word() {
    let (scraped, desk_edit) = sample_texts();
    let diff = WordDiff::compute(&scraped, &desk_edit);
    assert_covers(&diff, &scraped, &desk_edit);
    let moved_text: String = diff
        .new_spans
        .iter()
        .filter(|span| span.kind == SpanKind::Moved)
        .map(|span| &desk_edit[span.bytes.clone()])
        .collect();
    assert!(
        moved_text.contains("Members of the Syrian Civil"),
        "{moved_text}"
    );
    let stats = diff.stats;
    assert!(stats.words_moved >= 20, "{stats:?}");
    assert_eq!(
        stats.words_kept + stats.words_deleted + stats.words_moved,
        count_words(&scraped)
    );
    assert_eq!(
        stats.words_kept + stats.words_inserted + stats.words_moved,
        count_words(&desk_edit)
    );
    // Swapped round, what was inserted is now deleted and the other way about.
    let swapped = WordDiff::compute(&desk_edit, &scraped).stats;
    assert_eq!(
        (swapped.words_deleted, swapped.words_inserted),
        (stats.words_inserted, stats.words_deleted)
    );
    assert_eq!(
        (swapped.words_kept, swapped.words_moved),
        (stats.words_kept, stats.words_moved)
    );
}

/// Words for random stories: names, figures, typography, a dateline-like capital.
const WORDS: [&str; 16] = [
    "Rebels",
    "fled",
    "the",
    "town",
    "60,000",
    "Syria’s",
    "army",
    "said",
    "“Run”",
    "AMMAN",
    "jets",
    "Idlib",
    "é",
    "hospital",
    "3.5",
    "struck",
];

/// A story: paragraphs of sentences of words (indices into `WORDS`).
type Story = Vec<Vec<Vec<usize>>>;

fn render(story: &Story) -> String {
    story
        .iter()
        .map(|paragraph| {
            paragraph
                .iter()
                .map(|sentence| {
                    let words: Vec<&str> = sentence.iter().map(|&word| WORDS[word]).collect();
                    format!("{}.", words.join(" "))
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Applies an edit to a story: drop, add or reword a sentence, move a paragraph to the
/// end, or split a paragraph.
fn edit(story: &mut Story, (kind, at, word): (u8, prop::sample::Index, usize)) {
    let sentences: usize = story.iter().map(Vec::len).sum();
    if story.is_empty() || sentences == 0 {
        story.push(vec![vec![word]]);
        return;
    }
    let paragraph = at.index(story.len());
    let count = story[paragraph].len();
    match kind {
        0 if count > 0 => {
            story[paragraph].remove(at.index(count));
        }
        1 => story[paragraph].insert(at.index(count + 1), vec![word, (word + 3) % WORDS.len()]),
        2 if count > 0 => {
            let sentence = &mut story[paragraph][at.index(count)];
            let place = at.index(sentence.len().max(1));
            if place < sentence.len() {
                sentence[place] = word;
            } else {
                sentence.push(word);
            }
        }
        3 => {
            let moved = story.remove(paragraph);
            story.push(moved);
        }
        _ if count > 1 => {
            let rest = story[paragraph].split_off(at.index(count - 1) + 1);
            story.insert(paragraph + 1, rest);
        }
        _ => {}
    }
}

fn story() -> impl Strategy<Value = Story> {
    prop::collection::vec(
        prop::collection::vec(prop::collection::vec(0..WORDS.len(), 1..7), 0..4),
        0..5,
    )
}

fn options() -> impl Strategy<Value = CompareOptions> {
    (0..3_usize, any::<[bool; 4]>()).prop_map(
        |(granularity, [case, punctuation, typography, space])| CompareOptions {
            granularity: Granularity::ALL[granularity],
            ignore_case: case,
            ignore_punctuation: punctuation,
            fold_typography: typography,
            ignore_whitespace: space,
        },
    )
}

proptest! {
    #[test]
    fn spans_cover_places_follow_and_sides_swap_on_random_edits(
        mut story in story(),
        edits in prop::collection::vec((0..5_u8, any::<prop::sample::Index>(), 0..WORDS.len()), 0..6),
        options in options(),
    ) {
        let old = render(&story);
        for change in edits {
            edit(&mut story, change);
        }
        let new = render(&story);
        let diff = WordDiff::compute_with(&old, &new, &options);
        assert_covers(&diff, &old, &new);
        let stats = diff.stats;
        prop_assert_eq!(stats.words_kept + stats.words_deleted + stats.words_moved, count_words(&old));
        prop_assert_eq!(stats.words_kept + stats.words_inserted + stats.words_moved, count_words(&new));
        for (side, this, other) in [(DiffSide::Old, &old, &new), (DiffSide::New, &new, &old)] {
            let other_chars = other.chars().count();
            let mut previous = 0;
            for offset in 0..=this.chars().count() + 1 {
                let mapped = diff.counterpart(side, offset);
                prop_assert!(mapped >= previous, "{side:?} {offset} → {mapped} < {previous}");
                prop_assert!(mapped <= other_chars);
                previous = mapped;
            }
        }
        if old == new {
            prop_assert_eq!(stats.words_deleted + stats.words_inserted + stats.words_moved, 0);
        }
        let swapped = WordDiff::compute_with(&new, &old, &options).stats;
        prop_assert_eq!(
            (swapped.words_kept, swapped.words_deleted, swapped.words_inserted, swapped.words_moved),
            (stats.words_kept, stats.words_inserted, stats.words_deleted, stats.words_moved)
        );
    }
}
