use super::stretches::MOVED_SIMILARITY;
use super::*;
use crate::core::compare_options::Granularity;
use crate::core::project::Project;

/// The sample project: the scraped wire page and the desk's edit of it.
const SAMPLE: &str = include_str!("../../../projects/idlib-2019.factdesk.json");

fn sample_texts() -> (String, String) {
    let project = Project::from_json(SAMPLE).unwrap();
    (
        project.documents[0].text.clone(),
        project.documents[1].text.clone(),
    )
}

/// Each row as "kind: old sentence => new sentence", for readable assertions.
fn describe(old: &str, new: &str, alignment: &Alignment) -> Vec<String> {
    let text = |text: &'_ str, unit: Option<&Unit>| {
        unit.map_or(String::new(), |unit| text[unit.bytes.clone()].to_owned())
    };
    alignment
        .rows()
        .iter()
        .map(|row| {
            let old_text = text(old, row.old.map(|unit| &alignment.old_units()[unit]));
            let new_text = text(new, row.new.map(|unit| &alignment.new_units()[unit]));
            format!("{:?}: {old_text} => {new_text}", row.kind)
        })
        .collect()
}

fn kinds(alignment: &Alignment) -> Vec<RowKind> {
    alignment.rows().iter().map(|row| row.kind).collect()
}

#[test]
fn a_moved_paragraph_is_moved_on_both_sides() {
    let old = "Rebels fled the town.\n\nJets bombed the hospital at dawn. Twelve patients died.\n\n\
               Rescuers counted 60,000 displaced. Aid convoys waited at the border.";
    let new = "Rebels fled the town.\n\nRescuers counted 60,000 displaced. Aid convoys waited \
               at the border.\n\nJets bombed the hospital at dawn. Twelve patients died.";
    let alignment = align(old, new, &CompareOptions::default());
    assert!(
        !kinds(&alignment)
            .iter()
            .any(|kind| matches!(kind, RowKind::Deleted | RowKind::Inserted)),
        "{:#?}",
        describe(old, new, &alignment)
    );
    let moved: Vec<&Row> = alignment
        .rows()
        .iter()
        .filter(|row| row.kind == RowKind::Moved)
        .collect();
    assert_eq!(moved.len(), 2, "{:#?}", describe(old, new, &alignment));
    assert_eq!(
        alignment.moved_paragraphs(),
        [MovedParagraph {
            old_paragraph: alignment.old_units()[moved[0].old.unwrap()].paragraph,
            new_paragraph: alignment.new_units()[moved[0].new.unwrap()].paragraph,
        }]
    );
    for row in moved {
        let (old_unit, new_unit) = (row.old.unwrap(), row.new.unwrap());
        assert_eq!(
            alignment.counterpart_in_new(old_unit).map(|c| c.unit),
            Some(new_unit)
        );
        assert_eq!(
            alignment.row_of_old(old_unit),
            alignment.row_of_new(new_unit)
        );
    }
}

#[test]
fn a_reworded_sentence_is_paired_with_its_similarity() {
    let old = "AMMAN: Ten of thousands of people have fled to the Turkish border. They left.";
    let new = "AMMAN (Reuters) - Tens of thousands of people fled to the Turkish border. \
               A new sentence about something else entirely. They left.";
    let alignment = align(old, new, &CompareOptions::default());
    assert_eq!(
        describe(old, new, &alignment),
        [
            "Changed: Ten of thousands of people have fled to the Turkish border. => \
             Tens of thousands of people fled to the Turkish border.",
            "Inserted:  => A new sentence about something else entirely.",
            "Same: They left. => They left.",
        ]
    );
    let changed = &alignment.rows()[0];
    // {ten|tens, thousands, people, fled, turkish, border}: 5 of 6 shared on each side.
    assert!((changed.similarity - 10.0 / 12.0).abs() < 1e-6);
    assert_eq!(alignment.counterpart_in_old(1), None);
}

#[test]
fn deleted_rows_stand_where_they_were_in_new_reading_order() {
    let old = "One stays. Two goes. Three stays. Four goes.";
    let new = "One stays. Three stays. Five arrives.";
    let alignment = align(old, new, &CompareOptions::default());
    assert_eq!(
        describe(old, new, &alignment),
        [
            "Same: One stays. => One stays.",
            "Deleted: Two goes. => ",
            "Same: Three stays. => Three stays.",
            "Deleted: Four goes. => ",
            "Inserted:  => Five arrives.",
        ]
    );
    assert_eq!(alignment.row_of_old(3), Some(3));
    assert_eq!(alignment.row_of_new(2), Some(4));
    assert_eq!(alignment.row_of_new(9), None);
}

#[test]
fn options_make_their_differences_disappear() {
    let cases = [
        (
            "The Syrian Army advanced.",
            "The Syrian army advanced.",
            CompareOptions {
                ignore_case: true,
                ..CompareOptions::default()
            },
        ),
        (
            "Rescuers said 60,000 fled, residents said.",
            "Rescuers said 60000 fled residents said",
            CompareOptions {
                ignore_punctuation: true,
                ..CompareOptions::default()
            },
        ),
        (
            "The ‘White Helmets’ said “no” – again.",
            "The 'White Helmets' said \"no\" - again.",
            CompareOptions::default(),
        ),
        (
            "They left  the city. Rebels stayed.",
            "They left the city.\n\nRebels stayed.",
            CompareOptions::default(),
        ),
    ];
    for (old, new, options) in cases {
        let loose = align(old, new, &options);
        assert!(
            kinds(&loose).iter().all(|kind| *kind == RowKind::Same),
            "{:#?}",
            describe(old, new, &loose)
        );
        let strict = CompareOptions {
            granularity: Granularity::Word,
            ignore_case: false,
            ignore_punctuation: false,
            fold_typography: false,
            ignore_whitespace: false,
        };
        let strict_alignment = align(old, new, &strict);
        // Line breaks only move sentences between paragraphs: they show in the word
        // diff, not in the alignment.
        if !new.contains('\n') {
            assert!(
                kinds(&strict_alignment).contains(&RowKind::Changed),
                "{:#?}",
                describe(old, new, &strict_alignment)
            );
        }
    }
}

#[test]
fn versions_are_aligned_to_one_base() {
    let base = "Jets struck the hospital. Twelve patients died. Rescuers searched the rubble.";
    let trimmed = "Jets struck the hospital. Rescuers searched the rubble.";
    let reworded = "Jets struck the hospital. Twelve patients were killed, medics said. \
                    Rescuers searched the rubble.";
    let reordered = "Rescuers searched the rubble. Jets struck the hospital. Twelve patients died.";
    let alignments = align_versions(
        base,
        &[trimmed, reworded, reordered],
        &CompareOptions::default(),
    );
    let table: Vec<Vec<Option<RowKind>>> = (0..3)
        .map(|base_unit| {
            alignments
                .iter()
                .map(|alignment| {
                    alignment
                        .counterpart_in_new(base_unit)
                        .map(|counterpart| counterpart.kind)
                })
                .collect()
        })
        .collect();
    assert_eq!(
        table,
        [
            [
                Some(RowKind::Same),
                Some(RowKind::Same),
                Some(RowKind::Same)
            ],
            [None, Some(RowKind::Changed), Some(RowKind::Same)],
            [
                Some(RowKind::Same),
                Some(RowKind::Same),
                Some(RowKind::Moved)
            ],
        ]
    );
    assert_eq!(
        alignments[2].counterpart_in_new(2),
        Some(Counterpart {
            unit: 0,
            kind: RowKind::Moved,
            similarity: 1.0
        })
    );
}

#[test]
fn the_sample_caption_moved_from_top_to_bottom() {
    let (scraped, desk_edit) = sample_texts();
    let alignment = align(&scraped, &desk_edit, &CompareOptions::default());
    let rows = describe(&scraped, &desk_edit, &alignment);
    let caption = alignment
        .rows()
        .iter()
        .find(|row| {
            row.old.is_some_and(|unit| {
                scraped[alignment.old_units()[unit].bytes.clone()].starts_with("Members")
            })
        })
        .unwrap();
    assert_eq!(caption.kind, RowKind::Moved, "{rows:#?}");
    assert!(caption.similarity >= MOVED_SIMILARITY);
    let new_caption = &alignment.new_units()[caption.new.unwrap()];
    assert!(desk_edit[new_caption.bytes.clone()].starts_with("Photo: Members"));
    assert!(
        alignment.moved_paragraphs().contains(&MovedParagraph {
            old_paragraph: 1,
            new_paragraph: new_caption.paragraph
        }),
        "{rows:#?}"
    );
    // The headline and half the body are kept, the rest reworded in place; the
    // dateline change is in no sentence; the caption's new credit and the desk's own
    // paragraph of context are inserted.
    let count = |wanted: RowKind| {
        kinds(&alignment)
            .iter()
            .filter(|kind| **kind == wanted)
            .count()
    };
    assert_eq!(alignment.rows()[0].kind, RowKind::Same);
    assert_eq!(
        [
            RowKind::Same,
            RowKind::Changed,
            RowKind::Moved,
            RowKind::Deleted,
            RowKind::Inserted
        ]
        .map(count),
        [7, 9, 1, 0, 2],
        "{rows:#?}"
    );
}

#[test]
fn rows_follow_the_new_text() {
    let (scraped, desk_edit) = sample_texts();
    for (old, new) in [(&scraped, &desk_edit), (&desk_edit, &scraped)] {
        let alignment = align(old, new, &CompareOptions::default());
        let new_order: Vec<usize> = alignment.rows().iter().filter_map(|row| row.new).collect();
        assert_eq!(
            new_order,
            (0..alignment.new_units().len()).collect::<Vec<_>>()
        );
        let mut old_seen: Vec<usize> = alignment.rows().iter().filter_map(|row| row.old).collect();
        old_seen.sort_unstable();
        assert_eq!(
            old_seen,
            (0..alignment.old_units().len()).collect::<Vec<_>>()
        );
    }
}
