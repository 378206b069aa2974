//! Named parties: the people, organisations and places a claim is made by or about.
//!
//! A named party is a run of capitalised words, with the particles of Arabic and
//! European names ("Abdul Rahman al Halabi", "Maarat al-Numan", "Ursula von der
//! Leyen"). A capital at the start of a sentence says nothing, so there:
//! - ordinary openers ("The", "On", "After") and words in "-ing" or "-ly" ("Capturing
//!   Khan Sheikhoun…") are left out of the name;
//! - a single capitalised word counts only if the text also starts a name with it
//!   elsewhere, mid-sentence ("Russia has thrown…" counts when "…Russia has increased…" is in the
//!   copy; "Rescuers there said…" does not).
//!
//! Days and months are dates, not parties. Named parties never make a sentence a
//! candidate on their own; they are listed in sentences that are candidates for
//! another reason. Names joined by "of" ("Bank of England") come out as two parties.

use std::collections::HashSet;
use std::ops::Range;

use super::capitals::capitalised_runs;
use super::{CandidateKind, Found};
use crate::core::claims::sentences::SENTENCE_OPENERS;

/// Days and months, which are dates rather than parties.
const CALENDAR: [&str; 19] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The capitalised runs of every sentence of a text, and the words the text
/// capitalises mid-sentence, to tell names from capitals that only open a sentence.
pub(super) struct NameIndex<'t> {
    /// The capitalised runs, in order.
    runs: Vec<Run>,
    /// Words that start a capitalised run somewhere other than at a sentence's start.
    mid_sentence: HashSet<&'t str>,
}

/// A run of capitalised words in a sentence.
struct Run {
    /// The index of its sentence.
    sentence: usize,
    /// Where it is, by byte range of the analysed text.
    bytes: Range<usize>,
    /// Whether it opens its sentence (or a quote in it), where any word has a capital.
    at_start: bool,
}

impl<'t> NameIndex<'t> {
    /// Reads the capitalised runs in the byte ranges `ranges` of `text` and sorts them
    /// into `sentences` (byte ranges of `text`, in order); a run reaching past its
    /// sentence is cut at the sentence's end.
    pub fn new(text: &'t str, ranges: &[Range<usize>], sentences: &[Range<usize>]) -> Self {
        let mut mid_sentence = HashSet::new();
        let mut runs = Vec::new();
        let mut index = 0;
        for range in ranges {
            for run in capitalised_runs(text, range) {
                // Runs and sentences are both in order: walk them together.
                while sentences.get(index).is_some_and(|s| s.end <= run.start) {
                    index += 1;
                }
                let Some(sentence) = sentences.get(index).filter(|s| s.start <= run.start) else {
                    continue;
                };
                let end = run.end.min(sentence.end);
                let bytes = run.start..run.start + text[run.start..end].trim_end().len();
                let at_start = opens_sentence(text, sentence, run.start);
                if !at_start {
                    // The first word is enough: a word capitalised mid-sentence
                    // almost always is where a name starts.
                    mid_sentence.extend(text[bytes.clone()].split_whitespace().next());
                }
                runs.push(Run {
                    sentence: index,
                    bytes,
                    at_start,
                });
            }
        }
        Self { runs, mid_sentence }
    }

    /// Adds the named parties of sentence number `index` (as given to
    /// [`NameIndex::new`]) to `found`, each once.
    pub fn add_named_parties(&self, text: &str, index: usize, found: &mut Vec<Found>) {
        let first_party = found.len();
        let first = self.runs.partition_point(|run| run.sentence < index);
        for run in self.runs[first..]
            .iter()
            .take_while(|run| run.sentence == index)
        {
            let Some(name) = self.name_in(text, run) else {
                continue;
            };
            let words = &text[name.clone()];
            let parties = &found[first_party..];
            if parties
                .iter()
                .all(|earlier| &text[earlier.bytes.clone()] != words)
            {
                let explanation = format!("named party “{words}”");
                found.push(Found::new(CandidateKind::Entity, name, explanation));
            }
        }
    }

    /// The name in `run`, without sentence openers and dates, or `None` when nothing is
    /// left or it is a capital that only opens the sentence.
    fn name_in(&self, text: &str, run: &Run) -> Option<Range<usize>> {
        let name = name_words(text, &run.bytes, run.at_start)?;
        let words = &text[name.clone()];
        let single_word = !words.contains(char::is_whitespace);
        let only_opens = single_word && name.start == run.bytes.start && run.at_start;
        if only_opens && !self.mid_sentence.contains(words) {
            return None;
        }
        Some(name)
    }
}

/// The named parties of one sentence read on its own, by byte range, for comparing two
/// versions of a sentence. As [`NameIndex`] finds them, except that a single
/// capitalised word opening the sentence counts ("Russia denies it"): with no other
/// sentence to tell, and the ordinary openers left out, a name is the likelier reading.
/// A single word before a colon there is a label ("Photo:", "Update:"), not a name.
pub(crate) fn sentence_names(sentence: &str) -> Vec<Range<usize>> {
    let whole = 0..sentence.len();
    capitalised_runs(sentence, &whole)
        .into_iter()
        .filter_map(|run| {
            let bytes = run.start..run.start + sentence[run.clone()].trim_end().len();
            let at_start = opens_sentence(sentence, &whole, run.start);
            let name = name_words(sentence, &bytes, at_start)?;
            let label = at_start
                && name.start == run.start
                && !sentence[name.clone()].contains(char::is_whitespace)
                && sentence[name.end..].starts_with(':');
            (!label).then_some(name)
        })
        .collect()
}

/// The name in the run of capitalised words at `bytes` of `text`, without the
/// sentence openers (when the run opens its sentence, `at_start`) and dates it starts
/// with; `None` when nothing but a letter or a date is left.
fn name_words(text: &str, bytes: &Range<usize>, at_start: bool) -> Option<Range<usize>> {
    let end = bytes.end;
    let mut start = bytes.start;
    for word in text[bytes.clone()].split_whitespace() {
        let opener = at_start
            && (SENTENCE_OPENERS.contains(&word) || word.ends_with("ing") || word.ends_with("ly"));
        if !opener && !CALENDAR.contains(&word) {
            break;
        }
        start += word.len();
        start += text[start..end].len() - text[start..end].trim_start().len();
    }
    let name = &text[start..end];
    if name.chars().nth(1).is_none() || CALENDAR.contains(&name) {
        return None;
    }
    Some(start..end)
}

/// Whether the word at byte `at` opens its sentence, or opens a quote, a bracket or a
/// clause after a colon, where any word is capitalised.
fn opens_sentence(text: &str, sentence: &Range<usize>, at: usize) -> bool {
    let before = text[sentence.start..at].trim_end();
    before.is_empty() || before.ends_with(['“', '‘', '"', '\'', '(', ':', '«'])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The named parties of each sentence of `text` (sentences given as substrings).
    fn parties(text: &str, sentences: &[&str]) -> Vec<Vec<String>> {
        let ranges = super::super::sentence_ranges(text, sentences);
        let whole = 0..text.len();
        let index = NameIndex::new(text, std::slice::from_ref(&whole), &ranges);
        (0..ranges.len())
            .map(|i| {
                let mut found = Vec::new();
                index.add_named_parties(text, i, &mut found);
                found
                    .into_iter()
                    .map(|f| text[f.bytes].to_owned())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn names_with_particles_and_titles() {
        let text = "“There were 15 raids,” Abdul Rahman al Halabi told Reuters in Maarat al-Numan. \
                    President Bashar al Assad met the U.N. envoy on Tuesday.";
        assert_eq!(
            parties(
                text,
                &[
                    "“There were 15 raids,” Abdul Rahman al Halabi told Reuters in Maarat al-Numan.",
                    "President Bashar al Assad met the U.N. envoy on Tuesday."
                ]
            ),
            [
                vec!["Abdul Rahman al Halabi", "Reuters", "Maarat al-Numan"],
                vec!["President Bashar al Assad", "U.N."]
            ]
        );
    }

    #[test]
    fn a_sentence_read_on_its_own_keeps_its_first_word_but_not_a_label() {
        let names = |sentence: &str| -> Vec<String> {
            sentence_names(sentence)
                .into_iter()
                .map(|name| sentence[name].to_owned())
                .collect()
        };
        assert_eq!(
            names("Russia denies it, the Kremlin said."),
            ["Russia", "Kremlin"]
        );
        assert_eq!(
            names("Photo: The White Helmets on Tuesday"),
            ["White Helmets"]
        );
        assert_eq!(names("The army said"), Vec::<String>::new());
    }

    #[test]
    fn capitals_that_only_open_a_sentence_are_not_names() {
        let text =
            "Rescuers said Russia bombed it. Russia denies it. The Russian military said so.";
        assert_eq!(
            parties(
                text,
                &[
                    "Rescuers said Russia bombed it.",
                    "Russia denies it.",
                    "The Russian military said so."
                ]
            ),
            [vec!["Russia"], vec!["Russia"], vec!["Russian"]]
        );
    }
}
