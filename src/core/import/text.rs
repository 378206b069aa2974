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

/// Words that name what a file is rather than where it comes from ("article.txt",
/// "wire-copy.txt"): a file name with one of them names no publication.
const GENERIC_FILE_WORDS: [&str; 23] = [
    "article",
    "story",
    "page",
    "text",
    "copy",
    "draft",
    "untitled",
    "document",
    "doc",
    "clipboard",
    "paste",
    "pasted",
    "notes",
    "new",
    "final",
    "edit",
    "version",
    "index",
    "download",
    "export",
    "sample",
    "test",
    "seed",
];

/// Longest a file name naming a publication is, in words.
const PUBLICATION_NAME_WORDS: usize = 4;

/// The publication a text file's name gives, when it names one: "euronews.txt" →
/// "Euronews", "gulf-daily.txt" → "Gulf Daily". A name with digits or words that say
/// what the file is ("idlib-2019.txt", "wire-copy.txt") names none.
pub fn publication_from_file_name(stem: &str) -> Option<String> {
    let words: Vec<&str> = stem
        .split(['-', '_', '.', ' '])
        .filter(|word| !word.is_empty())
        .collect();
    let plain = |word: &&str| {
        word.chars()
            .all(|c| c.is_alphabetic() || c == '&' || c == '\'')
            && !GENERIC_FILE_WORDS.contains(&word.to_lowercase().as_str())
    };
    if words.is_empty() || words.len() > PUBLICATION_NAME_WORDS || !words.iter().all(plain) {
        return None;
    }
    let capitalised: Vec<String> = words
        .iter()
        .map(|word| {
            if word.chars().any(char::is_uppercase) {
                (*word).to_owned()
            } else {
                capitalise_first(word)
            }
        })
        .collect();
    Some(capitalised.join(" "))
}

/// Text with its first letter in capitals: a phrase made a line of its own.
pub fn capitalise_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_endings_and_bom_are_normalised() {
        assert_eq!(normalize_text("\u{feff}a\r\nb\rc\n"), "a\nb\nc\n");
    }

    #[test]
    fn file_names_that_name_a_publication() {
        assert_eq!(
            publication_from_file_name("euronews").as_deref(),
            Some("Euronews")
        );
        assert_eq!(
            publication_from_file_name("gulf-daily").as_deref(),
            Some("Gulf Daily")
        );
        assert_eq!(
            publication_from_file_name("the_National").as_deref(),
            Some("The National")
        );
        for stem in [
            "seed-idlib-2019",
            "idlib-page",
            "000_894036aed0cad158",
            "story copy",
            "",
        ] {
            assert_eq!(publication_from_file_name(stem), None, "{stem}");
        }
    }

    #[test]
    fn long_first_lines_are_shortened() {
        let label =
            suggest_label("Tens of thousands flee Russia-led onslaught on opposition enclave");
        assert_eq!(label, "Tens of thousands flee Russia-led onslaught on…");
        assert_eq!(label.chars().count(), 47);
    }
}
