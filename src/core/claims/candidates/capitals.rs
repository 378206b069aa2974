//! Runs of capitalised words, the raw material of named parties: "Abdul Rahman al
//! Halabi", "Maarat al-Numan", "U.N.", "O’Brien".
//!
//! The same shape as the crate's `NAME` pattern, read by hand: news copy has a capital
//! every few words, and a pattern engine spends more per match than this scanner spends
//! per run.
//!
//! A word is a capital followed by letters, with inner parts joined by an apostrophe or
//! a hyphen when a capital follows ("O’Brien", "Jean-Pierre"; "Syria’s" and
//! "Russia-led" stop before the mark), or an Arabic article joined by a hyphen
//! ("al-Numan"). Words separated by spaces (not line breaks) make one run, with name
//! particles between them ("al", "bin", "von", "de"…). Dotted initials ("U.N.") are a run
//! of their own.

use std::ops::Range;

/// Lower-case words that belong inside a name ("Bashar al Assad", "Ursula von der
/// Leyen").
const PARTICLES: [&str; 21] = [
    "al", "el", "bin", "ibn", "abu", "abd", "de", "da", "del", "della", "der", "den", "van", "von",
    "la", "le", "du", "di", "dos", "das", "bint",
];

/// Arabic articles joined to a name by a hyphen ("al-Numan", "ash-Sham").
const ARTICLES: [&str; 6] = ["al-", "el-", "ad-", "as-", "ash-", "at-"];

/// The capitalised runs in the byte range `range` of `text`, in order, by byte range of
/// `text`.
pub(super) fn capitalised_runs(text: &str, range: &Range<usize>) -> Vec<Range<usize>> {
    let mut runs = Vec::new();
    let mut at = range.start;
    while let Some(capital) = next_capital(text, at, range.end) {
        let start = article_before(text, capital).unwrap_or(capital);
        let end = dotted_initials_end(text, capital, range.end)
            .unwrap_or_else(|| run_end(text, capital, range.end));
        runs.push(start..end);
        at = end.max(capital + 1);
    }
    runs
}

/// The byte offset of the next capital letter in `from..end` of `text`. Skips plain
/// lower-case ASCII a byte at a time; only other bytes are decoded.
fn next_capital(text: &str, from: usize, end: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut at = from;
    while at < end {
        let offset = bytes[at..end]
            .iter()
            .position(|byte| byte.is_ascii_uppercase() || !byte.is_ascii())?;
        at += offset;
        let c = text[at..].chars().next()?;
        if c.is_uppercase() {
            return Some(at);
        }
        at += c.len_utf8();
    }
    None
}

/// Where the Arabic article glued to the capital at byte `capital` starts ("al-" of
/// "al-Numan"), if there is one and it starts a word.
fn article_before(text: &str, capital: usize) -> Option<usize> {
    let before = &text[..capital];
    let article = ARTICLES.iter().find(|article| before.ends_with(*article))?;
    let start = capital - article.len();
    let starts_word = !text[..start]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric);
    starts_word.then_some(start)
}

/// The end of the dotted initials ("U.N.", "U.S.A.") starting at byte `at`, if two or
/// more start there.
fn dotted_initials_end(text: &str, at: usize, end: usize) -> Option<usize> {
    let mut position = at;
    let mut initials = 0;
    let mut chars = text[at..end].chars();
    while let (Some(letter), Some('.')) = (chars.next(), chars.clone().next()) {
        if !letter.is_uppercase() {
            break;
        }
        chars.next();
        position += letter.len_utf8() + 1;
        initials += 1;
    }
    (initials >= 2).then_some(position)
}

/// The end of the run of capitalised words whose first capital is at byte `at`.
fn run_end(text: &str, at: usize, end: usize) -> usize {
    let mut run_end = word_end(text, at, end);
    loop {
        let gap = space_end(text, run_end, end);
        if gap == run_end {
            return run_end;
        }
        let mut next = gap;
        // Particles, as many as there are ("von der").
        while article_at(text, next, end).is_none()
            && let Some(particle) = particle_at(text, next, end)
        {
            let after = space_end(text, particle, end);
            if after == particle {
                return run_end;
            }
            next = after;
        }
        let next = article_at(text, next, end).unwrap_or(next);
        match text[next..end].chars().next() {
            Some(c) if c.is_uppercase() => run_end = word_end(text, next, end),
            _ => return run_end,
        }
    }
}

/// The end of the name word whose capital is at byte `at`: letters, and inner parts
/// after an apostrophe or a hyphen when a capital follows it.
fn word_end(text: &str, at: usize, end: usize) -> usize {
    let mut position = at;
    let mut chars = text[at..end].char_indices().peekable();
    // The capital itself.
    if let Some((_, capital)) = chars.next() {
        position += capital.len_utf8();
    }
    while let Some((offset, c)) = chars.next() {
        if c.is_alphabetic() {
            position = at + offset + c.len_utf8();
        } else if !matches!(c, '\'' | '’' | '-')
            || !chars.peek().is_some_and(|(_, next)| next.is_uppercase())
        {
            break;
        }
    }
    position
}

/// The end of the spaces (not line breaks) starting at byte `at`.
fn space_end(text: &str, at: usize, end: usize) -> usize {
    let rest = &text[at..end];
    let spaces = rest
        .find(|c: char| !matches!(c, ' ' | '\t' | '\u{a0}'))
        .unwrap_or(rest.len());
    at + spaces
}

/// The end of the name particle ("al", "von") starting at byte `at`, if one does.
fn particle_at(text: &str, at: usize, end: usize) -> Option<usize> {
    let rest = &text[at..end];
    let length = rest
        .find(|c: char| !c.is_ascii_lowercase())
        .unwrap_or(rest.len());
    PARTICLES.contains(&&rest[..length]).then_some(at + length)
}

/// The start of the capital after the Arabic article ("al-") starting at byte `at`, if
/// one does.
fn article_at(text: &str, at: usize, end: usize) -> Option<usize> {
    let rest = &text[at..end];
    let article = ARTICLES.iter().find(|article| rest.starts_with(*article))?;
    let capital = at + article.len();
    text[capital..end]
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
        .then_some(capital)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The runs of `text`, as text.
    fn runs(text: &str) -> Vec<&str> {
        capitalised_runs(text, &(0..text.len()))
            .into_iter()
            .map(|run| &text[run])
            .collect()
    }

    #[test]
    fn names_with_particles_articles_and_inner_capitals() {
        assert_eq!(
            runs(
                "“Raids,” Abdul Rahman al Halabi told Reuters in Maarat al-Numan and the al-Rahma hospital."
            ),
            [
                "Raids",
                "Abdul Rahman al Halabi",
                "Reuters",
                "Maarat al-Numan",
                "al-Rahma"
            ]
        );
        assert_eq!(
            runs("Ursula von der Leyen met O’Brien and Jean-Pierre Dupont."),
            ["Ursula von der Leyen", "O’Brien", "Jean-Pierre Dupont"]
        );
    }

    #[test]
    fn possessives_hyphens_and_punctuation_end_a_name() {
        assert_eq!(
            runs("Syria’s army, a Russia-led push, Khan Sheikhoun, Idlib"),
            ["Syria", "Russia", "Khan Sheikhoun", "Idlib"]
        );
        assert_eq!(
            runs("Khan\nSheikhoun von\nBerg"),
            ["Khan", "Sheikhoun", "Berg"]
        );
    }

    #[test]
    fn initials_accents_and_capitals_inside_words() {
        assert_eq!(
            runs("the U.N. envoy, the NGOs of Élysée and iPhone, a.m. A."),
            ["U.N.", "NGOs", "Élysée", "Phone", "A"]
        );
    }
}
