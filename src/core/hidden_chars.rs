//! Characters that change copy without showing in it: bidirectional controls, zero-width
//! characters, control characters and Unicode tags.
//!
//! An editor must see them. A right-to-left override pasted into a name makes it read
//! backwards in a browser ("Trojan Source"); a zero-width space splits a figure so that
//! a search for it fails; tag characters carry text no reader sees. Factdesk keeps such
//! characters (they are part of what the wire sent) and finds them here, so the
//! workbench can draw a visible marker in their place and `factdesk check` can list
//! them.
//!
//! Ordinary spacing and line breaks (space, tab, newline, carriage return, no-break
//! spaces, line and paragraph separators) are not hidden characters: they show as
//! space.

use std::ops::Range;

/// What kind of hidden character a character is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum HiddenKind {
    /// Changes the direction text is shown in (U+202A–U+202E, U+2066–U+2069, the
    /// left-to-right, right-to-left and Arabic letter marks).
    Bidi,
    /// Takes no space: zero-width space, joiners, word joiner, invisible operators, the
    /// byte order mark inside text, the soft hyphen, the Mongolian vowel separator.
    ZeroWidth,
    /// A C0 or C1 control character other than tab and line breaks, or DEL.
    Control,
    /// A Unicode tag character (U+E0000–U+E007F): invisible text riding along with the
    /// visible.
    Tag,
}

impl HiddenKind {
    /// All kinds, in the order summaries list them.
    pub const ALL: [Self; 4] = [Self::Bidi, Self::ZeroWidth, Self::Control, Self::Tag];

    /// The kind's name for a count ("2 bidirectional controls").
    pub fn noun(self, count: usize) -> &'static str {
        match (self, count) {
            (Self::Bidi, 1) => "bidirectional control",
            (Self::Bidi, _) => "bidirectional controls",
            (Self::ZeroWidth, 1) => "zero-width character",
            (Self::ZeroWidth, _) => "zero-width characters",
            (Self::Control, 1) => "control character",
            (Self::Control, _) => "control characters",
            (Self::Tag, 1) => "tag character",
            (Self::Tag, _) => "tag characters",
        }
    }
}

/// The kind of hidden character `ch` is, or `None` for a character that shows.
pub fn hidden_kind(ch: char) -> Option<HiddenKind> {
    match ch {
        '\u{061C}'
        | '\u{200E}'
        | '\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}' => Some(HiddenKind::Bidi),
        '\u{00AD}'
        | '\u{180E}'
        | '\u{200B}'..='\u{200D}'
        | '\u{2060}'..='\u{2064}'
        | '\u{FEFF}' => Some(HiddenKind::ZeroWidth),
        '\t' | '\n' | '\r' => None,
        '\u{0}'..='\u{1F}' | '\u{7F}'..='\u{9F}' => Some(HiddenKind::Control),
        '\u{E0000}'..='\u{E007F}' => Some(HiddenKind::Tag),
        _ => None,
    }
}

/// One hidden character in a text.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct HiddenChar {
    /// Its place in the text, in code points (as claims and selections count).
    pub char_index: usize,
    /// Its bytes in the text.
    pub bytes: Range<usize>,
    /// The character.
    pub ch: char,
    /// What kind of hidden character it is.
    pub kind: HiddenKind,
}

impl HiddenChar {
    /// Its code point and name, for a tooltip or a report: "U+202E right-to-left
    /// override".
    pub fn describe(&self) -> String {
        format!("U+{:04X} {}", u32::from(self.ch), char_name(self.ch))
    }
}

/// Every hidden character in `text`, in order.
pub fn find_hidden(text: &str) -> Vec<HiddenChar> {
    text.char_indices()
        .enumerate()
        .filter_map(|(char_index, (byte, ch))| {
            Some(HiddenChar {
                char_index,
                bytes: byte..byte + ch.len_utf8(),
                ch,
                kind: hidden_kind(ch)?,
            })
        })
        .collect()
}

/// How many of `hidden` there are of each kind, for the kinds there are, in the order
/// of [`HiddenKind::ALL`].
pub fn count_by_kind(hidden: &[HiddenChar]) -> Vec<(HiddenKind, usize)> {
    HiddenKind::ALL
        .into_iter()
        .map(|kind| (kind, hidden.iter().filter(|h| h.kind == kind).count()))
        .filter(|&(_, count)| count > 0)
        .collect()
}

/// What a text's hidden characters are, counted by kind: "2 bidirectional controls and
/// 1 zero-width character". `None` when there are none.
pub fn summarize(hidden: &[HiddenChar]) -> Option<String> {
    let parts: Vec<String> = count_by_kind(hidden)
        .into_iter()
        .map(|(kind, count)| format!("{count} {}", kind.noun(count)))
        .collect();
    join_as_list(&parts)
}

/// "a", "a and b", "a, b and c"; `None` for no parts.
pub fn join_as_list(parts: &[String]) -> Option<String> {
    match parts {
        [] => None,
        [one] => Some(one.clone()),
        [init @ .., last] => Some(format!("{} and {last}", init.join(", "))),
    }
}

/// The Unicode name of a hidden character, in lower case; control characters without
/// a name of their own are "control character".
fn char_name(ch: char) -> &'static str {
    match ch {
        '\u{061C}' => "Arabic letter mark",
        '\u{200E}' => "left-to-right mark",
        '\u{200F}' => "right-to-left mark",
        '\u{202A}' => "left-to-right embedding",
        '\u{202B}' => "right-to-left embedding",
        '\u{202C}' => "pop directional formatting",
        '\u{202D}' => "left-to-right override",
        '\u{202E}' => "right-to-left override",
        '\u{2066}' => "left-to-right isolate",
        '\u{2067}' => "right-to-left isolate",
        '\u{2068}' => "first strong isolate",
        '\u{2069}' => "pop directional isolate",
        '\u{00AD}' => "soft hyphen",
        '\u{180E}' => "Mongolian vowel separator",
        '\u{200B}' => "zero-width space",
        '\u{200C}' => "zero-width non-joiner",
        '\u{200D}' => "zero-width joiner",
        '\u{2060}' => "word joiner",
        '\u{2061}'..='\u{2064}' => "invisible operator",
        '\u{FEFF}' => "zero-width no-break space (byte order mark)",
        '\u{0}' => "null",
        '\u{1B}' => "escape",
        '\u{7F}' => "delete",
        '\u{E0000}'..='\u{E007F}' => "tag character",
        _ => "control character",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_each_kind_where_it_is() {
        let text = "Idlib\u{202E}bilds 60\u{200B}000 \u{7}fled\u{E0041}";
        let hidden = find_hidden(text);
        let found: Vec<(usize, HiddenKind)> =
            hidden.iter().map(|h| (h.char_index, h.kind)).collect();
        assert_eq!(
            found,
            [
                (5, HiddenKind::Bidi),
                (14, HiddenKind::ZeroWidth),
                (19, HiddenKind::Control),
                (24, HiddenKind::Tag),
            ]
        );
        for h in &hidden {
            assert_eq!(text[h.bytes.clone()].chars().next(), Some(h.ch));
        }
        assert_eq!(hidden[0].describe(), "U+202E right-to-left override");
        assert_eq!(hidden[3].describe(), "U+E0041 tag character");
    }

    #[test]
    fn spacing_and_line_breaks_are_not_hidden() {
        let text = "Line one\r\n\tLine\u{00A0}two\u{2028}three\u{2029}";
        assert!(find_hidden(text).is_empty());
    }

    #[test]
    fn summaries_count_by_kind() {
        assert_eq!(summarize(&find_hidden("plain copy")), None);
        assert_eq!(
            summarize(&find_hidden("a\u{202E}b")).as_deref(),
            Some("1 bidirectional control")
        );
        assert_eq!(
            summarize(&find_hidden("\u{202E}\u{2066}a\u{200B}b\u{0}")).as_deref(),
            Some("2 bidirectional controls, 1 zero-width character and 1 control character")
        );
    }
}
