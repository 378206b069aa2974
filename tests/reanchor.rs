//! Re-anchoring never panics, whatever the anchor and the new text, and every anchor it
//! returns quotes the new text exactly where it points.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test should fail loudly when a fixture or helper breaks"
)]

use factdesk::core::anchor::{
    CONTEXT_CHARS, Placement, Reanchored, TextAnchor, char_slice, reanchor, reanchor_all,
};
use proptest::prelude::*;

/// Text built from the pieces news copy is made of, non-ASCII included.
fn copy_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Rescuers there said around 60,000 people had fled. ".to_owned()),
        Just("“The flow of cars is not stopping,” said Abdullah Younis. ".to_owned()),
        Just("عبد الله يونس ".to_owned()),
        Just("🚗🚑 ".to_owned()),
        Just("\n\n".to_owned()),
        Just("at least 400,000 ".to_owned()),
        "[a-zA-Zé0-9 ,.’]{0,30}",
    ];
    prop::collection::vec(piece, 0..16).prop_map(|pieces| pieces.concat())
}

/// An offset as a damaged or hand-edited project file may hold one: small, huge, or
/// anything.
fn offset() -> impl Strategy<Value = usize> {
    prop_oneof![0..400_usize, (usize::MAX - 8)..=usize::MAX, any::<usize>()]
}

/// One edit an editor or a re-import makes: replace the characters `at..at + removed`
/// (positions taken modulo the text's length) by `inserted`.
#[derive(Clone, Debug)]
struct Edit {
    at: usize,
    removed: usize,
    inserted: String,
}

fn edit() -> impl Strategy<Value = Edit> {
    (any::<usize>(), 0..40_usize, copy_like()).prop_map(|(at, removed, inserted)| Edit {
        at,
        removed,
        inserted,
    })
}

impl Edit {
    fn apply(&self, text: &str) -> String {
        let chars: Vec<char> = text.chars().collect();
        let at = self.at % (chars.len() + 1);
        let end = (at + self.removed).min(chars.len());
        let mut edited: String = chars[..at].iter().collect();
        edited.push_str(&self.inserted);
        edited.extend(&chars[end..]);
        edited
    }
}

/// A result is sound when its anchor quotes the new text at its offsets, with the context
/// read from there, and orphans (only they) have no anchor.
fn assert_sound(result: &Reanchored, new_text: &str) {
    match (&result.anchor, &result.placement) {
        (None, Placement::Orphaned) => {}
        (Some(anchor), placement) if *placement != Placement::Orphaned => {
            assert!(anchor.matches(new_text), "{anchor:?} in {new_text:?}");
            let length = new_text.chars().count();
            let before = anchor.start.saturating_sub(CONTEXT_CHARS)..anchor.start;
            let after = anchor.end..(anchor.end + CONTEXT_CHARS).min(length);
            assert_eq!(Some(anchor.prefix.as_str()), char_slice(new_text, &before));
            assert_eq!(Some(anchor.suffix.as_str()), char_slice(new_text, &after));
            if let Placement::Fuzzy { similarity } = placement {
                assert!((0.75..1.0).contains(similarity), "{similarity}");
            }
        }
        other => panic!("anchor and placement disagree: {other:?}"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn edited_text_reanchors_soundly(
        old_text in copy_like(),
        selection in (any::<usize>(), 1..80_usize),
        edits in prop::collection::vec(edit(), 1..4),
    ) {
        let length = old_text.chars().count();
        let start = selection.0 % (length + 1);
        let Ok(anchor) = TextAnchor::from_selection(&old_text, start..(start + selection.1).min(length)) else {
            return Ok(());
        };
        let new_text = edits.iter().fold(old_text.clone(), |text, edit| edit.apply(&text));
        let result = reanchor(&anchor, &new_text);
        assert_sound(&result, &new_text);
        if new_text.contains(&anchor.exact) {
            prop_assert!(matches!(
                result.placement,
                Placement::Unchanged | Placement::Moved | Placement::Context
            ));
        }
        if anchor.matches(&new_text) {
            prop_assert_eq!(result.placement, Placement::Unchanged);
        }
    }

    #[test]
    fn arbitrary_anchors_never_panic(
        anchors in prop::collection::vec(
            (copy_like(), ".{0,40}", ".{0,40}", offset(), offset()),
            0..8,
        ),
        new_text in copy_like(),
    ) {
        let anchors: Vec<TextAnchor> = anchors
            .into_iter()
            .map(|(exact, prefix, suffix, start, end)| TextAnchor { exact, prefix, suffix, start, end })
            .collect();
        let results = reanchor_all(&anchors, &new_text);
        prop_assert_eq!(results.len(), anchors.len());
        for (anchor, result) in anchors.iter().zip(&results) {
            assert_sound(result, &new_text);
            assert_sound(&reanchor(anchor, &new_text), &new_text);
        }
    }
}

/// Texts no editor writes, where a careless search would read the text once per
/// character: one letter repeated, and the same letter pattern shifted by one.
#[test]
fn degenerate_long_texts_are_not_searched_quadratically() {
    let old = "a".repeat(300_000);
    let anchors: Vec<TextAnchor> = (0..20)
        .map(|index| TextAnchor::from_selection(&old, index * 15_000..index * 15_000 + 60).unwrap())
        .collect();
    for new in [format!("b{old}"), "ab".repeat(150_000), "b".repeat(300_000)] {
        for result in reanchor_all(&anchors, &new) {
            assert_sound(&result, &new);
        }
    }
}
