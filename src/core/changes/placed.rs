//! A change's words placed in its version's whole text: what a finding found in one
//! sentence, as a stretch of the document the panes show.

use std::ops::Range;

use serde::Serialize;

use crate::core::align::Unit;

/// A stretch of one version's text that a change is about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ChangeText {
    /// Code points of the stretch in its version's text.
    pub chars: Range<usize>,
    /// The words, as written there.
    pub text: String,
}

/// A finding's bytes within a sentence, as a stretch of the whole text.
pub(super) fn place(
    text: &str,
    unit: Option<&Unit>,
    bytes: Option<Range<usize>>,
) -> Option<ChangeText> {
    let (unit, bytes) = (unit?, bytes?);
    let sentence = text.get(unit.bytes.clone())?;
    let words = sentence.get(bytes.clone())?;
    let start = unit.chars.start + sentence.get(..bytes.start)?.chars().count();
    Some(ChangeText {
        chars: start..start + words.chars().count(),
        text: words.to_owned(),
    })
}
