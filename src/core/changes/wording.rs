//! How a finding quotes the copy: the words in curly quotes, single-spaced, long
//! passages shortened, and an edit shown with enough of the words around it to read
//! ("“al Halabi” → “al-Halabi”", not "“ ” → “-”").

use std::iter::Peekable;
use std::ops::Range;

use super::alignment::Edit;
use crate::core::claims::candidates::attribution::single_spaced;

/// The longest passage an explanation quotes in full, in characters.
const MAX_QUOTED_CHARS: usize = 80;

/// `text` in curly quotes, single-spaced, shortened with "…" past
/// [`MAX_QUOTED_CHARS`].
pub(super) fn quoted(text: &str) -> String {
    let spaced = single_spaced(text);
    match spaced.char_indices().nth(MAX_QUOTED_CHARS) {
        Some((cut, _)) => format!("“{}…”", spaced[..cut].trim_end()),
        None => format!("“{spaced}”"),
    }
}

/// The words the edit at `index` of `edits` changed, on each side, taken out to whole
/// words; with a word of the unchanged text on each side when the edit only adds or
/// only removes words, or starts or ends at punctuation or a space.
pub(super) fn in_context<'s>(
    old: &'s str,
    new: &'s str,
    edits: &[Edit],
    index: usize,
) -> (&'s str, &'s str) {
    let Some(edit) = edits.get(index) else {
        return ("", "");
    };
    // The unchanged words around an edit are the same on both sides: reach into them
    // by the same number of bytes on both.
    let floor = index
        .checked_sub(1)
        .and_then(|previous| edits.get(previous))
        .map_or(0, |previous| previous.old.end);
    let ceiling = edits
        .get(index + 1)
        .map_or(old.len(), |next| next.old.start);
    let before = &old[floor..edit.old.start];
    let after = &old[edit.old.end..ceiling];
    let with = |back: usize, ahead: usize| {
        (
            &old[edit.old.start - back..edit.old.end + ahead],
            &new[edit.new.start - back..edit.new.end + ahead],
        )
    };
    let (old_words, new_words) = with(
        reach(before.chars().rev(), false),
        reach(after.chars(), false),
    );
    // An edit that stops at a space or a mark reads better with the word beyond it.
    let bare = |edited: &str| {
        let mark = |c: char| !c.is_alphanumeric();
        edited.is_empty() || edited.starts_with(mark) || edited.ends_with(mark)
    };
    let wordless = |words: &str| !words.contains(char::is_alphanumeric);
    if bare(&old[edit.old.clone()])
        || bare(&new[edit.new.clone()])
        || wordless(old_words)
        || wordless(new_words)
    {
        with(
            reach(before.chars().rev(), true),
            reach(after.chars(), true),
        )
    } else {
        (old_words, new_words)
    }
}

/// How many bytes of unchanged text (its characters given walking away from an edit)
/// finish the word the edit is next to; with `whole_word`, when that is nothing, the
/// spaces and punctuation and the one word after them.
fn reach(chars: impl Iterator<Item = char> + Clone, whole_word: bool) -> usize {
    let mut chars = chars.peekable();
    let mut length = take_word(&mut chars);
    if length > 0 || !whole_word {
        return length;
    }
    while let Some(c) = chars.next_if(|c| !c.is_alphanumeric()) {
        length += c.len_utf8();
    }
    length + take_word(&mut chars)
}

/// The length of the word `chars` start with, marks inside it included ("60,000",
/// "Syria’s", "al-Numan").
fn take_word(chars: &mut Peekable<impl Iterator<Item = char> + Clone>) -> usize {
    let mut length = 0;
    loop {
        while let Some(c) = chars.next_if(|c| c.is_alphanumeric()) {
            length += c.len_utf8();
        }
        // A mark joins two parts of a word only with a letter or digit on both sides.
        let mut ahead = chars.clone();
        let joined = length > 0
            && ahead
                .next()
                .is_some_and(|c| matches!(c, ',' | '.' | '\'' | '’' | '-'))
            && ahead.peek().is_some_and(|c| c.is_alphanumeric());
        if !joined {
            return length;
        }
        length += chars.next().map_or(0, char::len_utf8);
    }
}

/// The bytes of `range` inside `within`, empty at the nearer edge when they do not meet.
pub(super) fn clamp(range: &Range<usize>, within: &Range<usize>) -> Range<usize> {
    let start = range.start.clamp(within.start, within.end);
    start..range.end.clamp(start, within.end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::changes::alignment::Alignment;
    use crate::core::changes::parts::word_tokens;

    /// The first edit of `old` → `new` in context.
    fn first_edit<'s>(old: &'s str, new: &'s str) -> (&'s str, &'s str) {
        let alignment = Alignment::new(old, new, &word_tokens(old), &word_tokens(new));
        in_context(old, new, alignment.edits(), 0)
    }

    #[test]
    fn edits_are_shown_as_whole_words() {
        assert_eq!(
            first_edit("Abdul Rahman al Halabi told", "Abdul Rahman al-Halabi told"),
            ("al Halabi", "al-Halabi")
        );
        assert_eq!(
            first_edit("further to the south.", "further south."),
            ("further to the south", "further south")
        );
        assert_eq!(
            first_edit(
                "said on Tuesday that 60,000 fled",
                "said on Tuesday 60,000 fled"
            ),
            ("Tuesday that 60,000", "Tuesday 60,000")
        );
        assert_eq!(
            first_edit("Ten of thousands", "Tens of thousands"),
            ("Ten", "Tens")
        );
        assert_eq!(
            first_edit("medics and NGOs and the", "medics, NGOs and the"),
            ("medics and NGOs", "medics, NGOs")
        );
    }

    #[test]
    fn long_passages_are_shortened() {
        assert_eq!(quoted("a  b\nc"), "“a b c”");
        let long = "word ".repeat(40);
        let shortened = quoted(&long);
        assert!(shortened.ends_with("…”"), "{shortened}");
        assert!(shortened.chars().count() <= MAX_QUOTED_CHARS + 3);
    }

    #[test]
    fn clamping_keeps_inside() {
        assert_eq!(clamp(&(2..9), &(4..6)), 4..6);
        assert_eq!(clamp(&(0..2), &(4..6)), 4..4);
        assert_eq!(clamp(&(7..9), &(4..6)), 6..6);
    }
}
