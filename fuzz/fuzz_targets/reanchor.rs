//! Fuzzes re-anchoring: finding a claim's words again after its document's text was
//! replaced (`anchor::reanchor`, and `anchor::reanchor_all`, which the app runs for all
//! of a document's claims on a re-import and a merge runs after it).
//!
//! Input layout (texts are read as lossy UTF-8, so every input is used):
//! - byte 0: bits 0–1, how many extra anchors (0–3) besides the first; bit 2, whether
//!   the extras keep their quote but get raw offsets, small or near `usize::MAX`, as a
//!   damaged or hand-edited project file may hold;
//! - 4 bytes per anchor: start and length (u16, little-endian) of a selection, taken
//!   modulo the old text's length in code points;
//! - the old text, a 0xFF byte (never part of UTF-8), the new text; without a 0xFF
//!   byte the new text is the old one.
//!
//! Checks the invariants `src/core/anchor/reanchor.rs` documents and `tests/reanchor.rs`
//! asserts: nothing panics; a placed anchor lies inside the new text (in code points)
//! and quotes it exactly at its offsets, with its prefix and suffix read from the new
//! text there; only orphans have no anchor; a fuzzy match keeps at least 75 % of the
//! quote (and less than all of it, or it would have been found word for word); a quote
//! still at its old offsets is "unchanged"; a quote found word for word anywhere in the
//! new text is taken there ("unchanged", "moved" or "found by context", with the same
//! words); `reanchor_all` gives one result per anchor.

#![no_main]

use factdesk::core::anchor::{
    CONTEXT_CHARS, FUZZY_MIN_SIMILARITY_PERCENT, Placement, Reanchored, TextAnchor, char_slice,
    reanchor, reanchor_all,
};
use libfuzzer_sys::fuzz_target;

/// Byte that separates the old text from the new one; it never occurs in UTF-8.
const SEPARATOR: u8 = 0xFF;

/// A raw offset: small as given, or near `usize::MAX` for the top 256 values.
fn raw_offset(value: u16) -> usize {
    if value >= 0xFF00 {
        usize::MAX - usize::from(0xFFFF - value)
    } else {
        usize::from(value)
    }
}

/// Checks one result against the anchor it was made from and the new text.
fn assert_sound(old: &TextAnchor, result: &Reanchored, new_text: &str) {
    let length = new_text.chars().count();
    match (&result.anchor, &result.placement) {
        (None, Placement::Orphaned) => {}
        (Some(anchor), placement) if *placement != Placement::Orphaned => {
            assert!(
                anchor.start <= anchor.end && anchor.end <= length,
                "placed at {}..{}, outside the new text ({length} characters): {old:?} → {anchor:?}",
                anchor.start,
                anchor.end
            );
            assert!(
                anchor.matches(new_text),
                "{anchor:?} does not quote {new_text:?}"
            );
            let before = anchor.start.saturating_sub(CONTEXT_CHARS)..anchor.start;
            let after = anchor.end..(anchor.end + CONTEXT_CHARS).min(length);
            assert_eq!(Some(anchor.prefix.as_str()), char_slice(new_text, &before));
            assert_eq!(Some(anchor.suffix.as_str()), char_slice(new_text, &after));
            match placement {
                Placement::Fuzzy { similarity } => {
                    let least = FUZZY_MIN_SIMILARITY_PERCENT as f32 / 100.0;
                    assert!(
                        (least..1.0).contains(similarity),
                        "fuzzy similarity {similarity}: {old:?} → {anchor:?}"
                    );
                }
                Placement::Unchanged => {
                    assert_eq!(anchor.exact, old.exact, "unchanged but other words");
                    assert_eq!(anchor.char_range(), old.char_range(), "unchanged but moved");
                }
                _ => assert_eq!(anchor.exact, old.exact, "{placement:?} but other words"),
            }
        }
        other => panic!("anchor and placement disagree: {other:?}"),
    }
    if old.matches(new_text) && !old.exact.is_empty() {
        assert_eq!(
            result.placement,
            Placement::Unchanged,
            "the quote is still at its offsets: {old:?}"
        );
    }
    if !old.exact.is_empty() && new_text.contains(&old.exact) {
        assert!(
            matches!(
                result.placement,
                Placement::Unchanged | Placement::Moved | Placement::Context
            ),
            "the quote is in the new text word for word, but was placed {:?}: {old:?}",
            result.placement
        );
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let count = 1 + usize::from(flags & 0b11);
    let raw_extras = flags & 0b100 != 0;
    if rest.len() < 4 * count {
        return;
    }
    let (header, texts) = rest.split_at(4 * count);
    let (old_bytes, new_bytes) = match texts.iter().position(|&b| b == SEPARATOR) {
        Some(at) => (&texts[..at], &texts[at + 1..]),
        None => (texts, texts),
    };
    let old_text = String::from_utf8_lossy(old_bytes);
    let new_text = String::from_utf8_lossy(new_bytes);
    let old_length = old_text.chars().count();

    let mut anchors = Vec::with_capacity(count);
    for (index, numbers) in header.chunks_exact(4).enumerate() {
        let start = u16::from_le_bytes([numbers[0], numbers[1]]);
        let length = u16::from_le_bytes([numbers[2], numbers[3]]);
        let from = usize::from(start) % (old_length + 1);
        let to = (from + usize::from(length)).min(old_length);
        let selected = TextAnchor::from_selection(&old_text, from..to);
        if index > 0 && raw_extras {
            // The quote and context of the selection (or its bare characters), at
            // offsets no selection gives.
            let mut anchor = selected.unwrap_or_else(|_| TextAnchor {
                exact: char_slice(&old_text, &(from..to))
                    .unwrap_or_default()
                    .to_owned(),
                prefix: String::new(),
                suffix: String::new(),
                start: 0,
                end: 0,
            });
            anchor.start = raw_offset(start);
            anchor.end = raw_offset(start).saturating_add(raw_offset(length));
            anchors.push(anchor);
        } else if let Ok(anchor) = selected {
            anchors.push(anchor);
        }
    }
    if anchors.is_empty() {
        return;
    }

    for anchor in &anchors {
        assert_sound(anchor, &reanchor(anchor, &new_text), &new_text);
    }
    let results = reanchor_all(&anchors, &new_text);
    assert_eq!(
        results.len(),
        anchors.len(),
        "reanchor_all lost or added results"
    );
    for (anchor, result) in anchors.iter().zip(&results) {
        assert_sound(anchor, result, &new_text);
    }
});
