//! Plain text: normalising what editors paste or save, and naming it.

use crate::core::hidden_chars::hidden_kind;

/// Longest label, in characters, made from a text's first line.
const LABEL_CHARS: usize = 48;

/// Strips a leading byte-order mark and turns `\r\n` and lone `\r` line endings into
/// `\n`, so that offsets and diffs do not depend on the machine the copy came from.
pub fn normalize_text(raw: &str) -> String {
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    if !raw.contains('\r') {
        return raw.to_owned();
    }
    raw.replace("\r\n", "\n").replace('\r', "\n")
}

/// A label for a text without a better name: its first non-blank line, without hidden
/// characters (a label is Factdesk's name for the text, not copy to check), shortened
/// to `LABEL_CHARS` characters with an ellipsis.
pub fn suggest_label(text: &str) -> String {
    let first_line: String = text
        .lines()
        .map(str::trim)
        .find(|line| !line.is_empty())
        .unwrap_or_default()
        .chars()
        .filter(|&ch| hidden_kind(ch).is_none())
        .collect();
    let first_line = first_line.trim();
    if first_line.chars().count() <= LABEL_CHARS {
        return first_line.to_owned();
    }
    let shortened: String = first_line.chars().take(LABEL_CHARS - 1).collect();
    format!("{}…", shortened.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_endings_and_bom_are_normalised() {
        assert_eq!(normalize_text("\u{feff}a\r\nb\rc\n"), "a\nb\nc\n");
    }

    #[test]
    fn long_first_lines_are_shortened() {
        let label =
            suggest_label("Tens of thousands flee Russia-led onslaught on opposition enclave");
        assert_eq!(label, "Tens of thousands flee Russia-led onslaught on…");
        assert_eq!(label.chars().count(), 47);
    }
}
