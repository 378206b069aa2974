//! Changes that matter to a fact-checker: what changed between two versions of a
//! sentence, sorted by what it means for the claim.
//!
//! Between the wire copy and the desk's edit most changes are style ("Defense" →
//! "Defence", curly quotes, "further to the south" → "further south"); a few change
//! what the story asserts ("at least 400,000" → "400,000", "said" → "claimed", a
//! dropped "told Reuters"). [`classify`] takes one aligned pair of sentences, finds
//! where they differ word by word (`alignment.rs`), reads both with the finders of
//! claim-candidate detection (`parts.rs`), and reports, in the order a checker cares
//! ([`ChangeClass`]):
//! - **Number**: a figure's amount or qualifier changed, or a figure was added or
//!   removed. Figures are compared by value (`crate::core::numbers`): "60,000" →
//!   "sixty thousand" is style.
//! - **Quote**: a direct quote's words changed (typography aside), or a quote was
//!   added or removed; **Speaker**: the person a quote is put in the mouth of changed.
//! - **Attribution**: a reporting verb or its source changed ("said" → "claimed",
//!   "residents said" → "officials said"), or an attribution was added or dropped.
//! - **Name**: a named person, organisation or place changed; a respelling of the same
//!   name ("al Halabi" → "al-Halabi") is style (`spelling.rs`).
//! - **Hedge**: a negation or hedge was added or removed ("not", "reportedly").
//! - **Date**: a date or time changed ("yesterday" → "on Tuesday").
//! - **Minor**: every other edit, one finding per contiguous edit, so style edits do
//!   not drown the rest; an edit another finding already explains gives none.
//!
//! One edit can give several findings (a figure changed inside a quote is a Number and
//! a Quote). A sentence added or removed whole reports the figures, quotes,
//! attributions, names, hedges and dates it brings or takes, and no Minor finding.
//!
//! Limitations: the finders are rule-based and English-only (see
//! `crate::core::claims::candidates`); a change in what a figure counts ("60,000
//! people" → "60,000 families") is a Minor edit, not a Number; negations and hedges are
//! single words ("no longer" is "no"); and the pair must already be aligned (see
//! `crate::core::diff` and `crate::core::similarity` for pairing sentences).

mod alignment;
mod attributions;
pub mod events;
mod figures;
mod hedges;
mod minor;
mod parts;
mod placed;
mod quotes;
mod spans;
mod spelling;
mod wording;

use std::ops::Range;

use serde::Serialize;

use alignment::Alignment;
pub use events::{Event, EventClass, Fact, events};
pub use placed::ChangeText;

use crate::core::claims::candidates::CandidateKind;
use parts::Parts;

/// What kind of change, in the order a checker cares.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeClass {
    /// A figure's amount or qualifier changed, or a figure was added or removed.
    Number,
    /// A direct quote's words changed, or a quote was added or removed.
    Quote,
    /// The speaker of a direct quote changed.
    Speaker,
    /// A reporting verb or its source changed, or an attribution was added or dropped.
    Attribution,
    /// A named person, organisation or place changed, or was added or removed.
    Name,
    /// A negation or a hedge was added or removed.
    Hedge,
    /// A date or time changed, or was added or removed.
    Date,
    /// Anything else: spelling, style, punctuation, typography.
    Minor,
}

impl ChangeClass {
    /// Every class, in the order a checker cares.
    pub const ALL: [Self; 8] = [
        Self::Number,
        Self::Quote,
        Self::Speaker,
        Self::Attribution,
        Self::Name,
        Self::Hedge,
        Self::Date,
        Self::Minor,
    ];

    /// The name an editor reads.
    pub fn label(self) -> &'static str {
        match self {
            Self::Number => "Number",
            Self::Quote => "Quote",
            Self::Speaker => "Speaker",
            Self::Attribution => "Attribution",
            Self::Name => "Name",
            Self::Hedge => "Negation or hedge",
            Self::Date => "Date or time",
            Self::Minor => "Minor edit",
        }
    }

    /// Whether the change is only style, which a checker can pass over.
    pub fn is_minor(self) -> bool {
        self == Self::Minor
    }

    /// The kinds of claim a sentence with this change makes, for "make claim": a
    /// changed figure makes a figure claim, a changed speaker a quote claim, and so on.
    pub fn claim_kinds(self) -> Vec<CandidateKind> {
        match self {
            Self::Number => vec![CandidateKind::Figure],
            Self::Quote | Self::Speaker => vec![CandidateKind::Quote],
            Self::Attribution | Self::Hedge => vec![CandidateKind::Attribution],
            Self::Name => vec![CandidateKind::Entity],
            Self::Date => vec![CandidateKind::Date],
            Self::Minor => Vec::new(),
        }
    }
}

/// One change between two versions of a sentence, and why it matters.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    /// What kind of change.
    pub class: ChangeClass,
    /// The changed words' byte range in the old sentence; `None` when they were added.
    pub old: Option<Range<usize>>,
    /// The changed words' byte range in the new sentence; `None` when they were
    /// removed.
    pub new: Option<Range<usize>>,
    /// What an editor reads: "60,000 → 50,000", "“told Reuters” dropped", "speaker
    /// “Abdullah Younis” → “Abdul Rahman”".
    pub explanation: String,
}

impl Finding {
    /// Whether this finding is about any of the old words at `old` or the new words at
    /// `new`.
    fn covers(&self, old: Option<&Range<usize>>, new: Option<&Range<usize>>) -> bool {
        let meets = |mine: Option<&Range<usize>>, theirs: Option<&Range<usize>>| {
            mine.zip(theirs)
                .is_some_and(|(mine, theirs)| mine.start < theirs.end && theirs.start < mine.end)
        };
        meets(self.old.as_ref(), old) || meets(self.new.as_ref(), new)
    }

    /// Where the finding is, for sorting: in the old sentence, or in the new one when
    /// the words were added.
    fn position(&self) -> usize {
        self.old
            .as_ref()
            .or(self.new.as_ref())
            .map_or(0, |range| range.start)
    }
}

/// What changed between `old` and `new`, one aligned pair of sentences (either may be
/// empty: a sentence added or removed whole), sorted by class and then by position.
/// Identical sentences give nothing.
pub fn classify(old: &str, new: &str) -> Vec<Finding> {
    if old == new {
        return Vec::new();
    }
    let old_parts = Parts::read(old);
    let new_parts = Parts::read(new);
    let pair = Pair {
        old,
        new,
        alignment: Alignment::new(old, new, &old_parts.tokens, &new_parts.tokens),
        old_parts,
        new_parts,
    };
    let mut findings = Vec::new();
    figures::number_findings(&pair, &mut findings);
    quotes::quote_findings(&pair, &mut findings);
    attributions::attribution_findings(&pair, &mut findings);
    spans::name_findings(&pair, &mut findings);
    hedges::hedge_findings(&pair, &mut findings);
    spans::date_findings(&pair, &mut findings);
    if !old.trim().is_empty() && !new.trim().is_empty() {
        minor::minor_findings(&pair, &mut findings);
    }
    findings.sort_by_key(|finding| (finding.class, finding.position()));
    findings
}

/// The two sentences compared, where they differ and what each holds: what every
/// class's comparison reads.
struct Pair<'s> {
    /// The sentence compared from.
    old: &'s str,
    /// The sentence compared to.
    new: &'s str,
    /// Where they differ.
    alignment: Alignment,
    /// What the old sentence holds.
    old_parts: Parts,
    /// What the new sentence holds.
    new_parts: Parts,
}

/// Whether a finding of one of `classes` already explains the old words at `old` or
/// the new words at `new`.
fn explained(
    findings: &[Finding],
    classes: &[ChangeClass],
    old: Option<&Range<usize>>,
    new: Option<&Range<usize>>,
) -> bool {
    findings
        .iter()
        .any(|finding| classes.contains(&finding.class) && finding.covers(old, new))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// The findings of `old` → `new` as (class, explanation).
    fn found(old: &str, new: &str) -> Vec<(ChangeClass, String)> {
        classify(old, new)
            .into_iter()
            .map(|finding| (finding.class, finding.explanation))
            .collect()
    }

    /// The classes of the findings of `old` → `new`.
    fn classes(old: &str, new: &str) -> Vec<ChangeClass> {
        classify(old, new).into_iter().map(|f| f.class).collect()
    }

    #[test]
    fn identical_sentences_give_nothing() {
        let sentence = "Rescuers there said around 60,000 people had fled.";
        assert!(classify(sentence, sentence).is_empty());
        assert!(classify("", "").is_empty());
    }

    #[test]
    fn numbers_compare_by_value() {
        let old = "Rescuers said 60,000 people had fled.";
        for same in [
            "Rescuers said 60000 people had fled.",
            "Rescuers said sixty thousand people had fled.",
            "Rescuers said 60 thousand people had fled.",
        ] {
            assert_eq!(classes(old, same), [ChangeClass::Minor], "{same}");
        }
        assert_eq!(
            found(old, "Rescuers said 50,000 people had fled."),
            [(ChangeClass::Number, "60,000 became 50,000".to_owned())]
        );
    }

    #[test]
    fn a_dropped_qualifier_changes_the_number() {
        let findings = classify(
            "and at least 400,000 people displaced",
            "and 400,000 people displaced",
        );
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert_eq!(findings[0].class, ChangeClass::Number);
        assert_eq!(
            findings[0].explanation,
            "qualifier “at least” dropped from 400,000"
        );
        assert_eq!(findings[0].old, Some(4..27));
        assert_eq!(findings[0].new, Some(4..18));
        assert_eq!(
            found("about 400,000 fled", "around 400,000 fled"),
            [(ChangeClass::Minor, "“about” became “around”".to_owned())]
        );
    }

    #[test]
    fn quote_words_changed() {
        assert_eq!(
            found(
                "“The flow of cars is not stopping,” said Abdullah Younis.",
                "“The flow of cars is stopping,” said Abdullah Younis.",
            ),
            [
                (ChangeClass::Quote, "“not” cut from the quote".to_owned()),
                (ChangeClass::Hedge, "negation “not” dropped".to_owned()),
            ]
        );
        assert_eq!(
            found(
                "“The flow of cars is slowing,” said Abdullah Younis.",
                "“The flow of trucks is slowing,” said Abdullah Younis.",
            ),
            [(
                ChangeClass::Quote,
                "quote “cars” became “trucks”".to_owned()
            )]
        );
    }

    #[test]
    fn typography_in_a_quote_is_minor() {
        assert_eq!(
            classes(
                "“We can’t stay,” said Abdullah Younis.",
                "\"We can't stay,\" said Abdullah Younis.",
            ),
            [ChangeClass::Minor, ChangeClass::Minor, ChangeClass::Minor]
        );
    }

    #[test]
    fn speaker_changed() {
        assert_eq!(
            found(
                "“The flow of cars is not stopping,” said Abdullah Younis from the city.",
                "“The flow of cars is not stopping,” said Abdul Rahman from the city.",
            ),
            [(
                ChangeClass::Speaker,
                "speaker “Abdullah Younis” became “Abdul Rahman”".to_owned()
            )]
        );
    }

    #[test]
    fn attribution_dropped_or_reworded() {
        assert_eq!(
            found(
                "The army withdrew from the town, a commander told Reuters.",
                "The army withdrew from the town.",
            ),
            [(
                ChangeClass::Attribution,
                "“a commander told Reuters” dropped".to_owned()
            )]
        );
        assert_eq!(
            found(
                "Rebels said they had taken the town.",
                "Rebels claimed they had taken the town.",
            ),
            [(
                ChangeClass::Attribution,
                "“said” became “claimed”".to_owned()
            )]
        );
        assert_eq!(
            found(
                "The hospital was struck, residents said.",
                "The hospital was struck, officials said.",
            ),
            [(
                ChangeClass::Attribution,
                "“residents said” became “officials said”".to_owned()
            )]
        );
    }

    #[test]
    fn a_moved_retensed_or_abbreviated_attribution_is_style() {
        for (old, new) in [
            (
                "Residents said on Tuesday that 60,000 people fled.",
                "On Tuesday, residents said 60,000 people fled.",
            ),
            (
                "Rebels said they held the town.",
                "Rebels say they held the town.",
            ),
            (
                "The U.N. said the city was destroyed.",
                "The United Nations said the city was destroyed.",
            ),
        ] {
            let findings = classify(old, new);
            assert!(
                findings.iter().all(|f| f.class.is_minor()),
                "{old} became {new}: {findings:?}"
            );
        }
    }

    #[test]
    fn a_name_changed_or_respelled() {
        assert_eq!(
            found(
                "Jets bombed villages around Khan Sheikhoun overnight.",
                "Jets bombed villages around Maarat al-Numan overnight.",
            ),
            [(
                ChangeClass::Name,
                "“Khan Sheikhoun” became “Maarat al-Numan”".to_owned()
            )]
        );
        assert_eq!(
            found(
                "Jets bombed villages around Maarat al Numan overnight.",
                "Jets bombed villages around Maarat al-Numan overnight.",
            ),
            [(
                ChangeClass::Minor,
                "“al Numan” became “al-Numan”".to_owned()
            )]
        );
        assert_eq!(
            found(
                "the Syrian Civil Defense said",
                "the Syrian Civil Defence said"
            ),
            [(ChangeClass::Minor, "“Defense” became “Defence”".to_owned())]
        );
    }

    #[test]
    fn negation_and_hedge_added() {
        assert_eq!(
            found(
                "The flow of cars is stopping.",
                "The flow of cars is not stopping."
            ),
            [(ChangeClass::Hedge, "negation “not” added".to_owned())]
        );
        assert_eq!(
            found(
                "Five civilians were killed.",
                "Five civilians were reportedly killed."
            ),
            [(ChangeClass::Hedge, "hedge “reportedly” added".to_owned())]
        );
        assert_eq!(
            classes("It isn't over.", "It is not over."),
            [ChangeClass::Minor]
        );
    }

    #[test]
    fn date_changed() {
        assert_eq!(
            found(
                "Jets struck the hospital yesterday.",
                "Jets struck the hospital on Tuesday."
            ),
            [(
                ChangeClass::Date,
                "“yesterday” became “on Tuesday”".to_owned()
            )]
        );
        assert_eq!(
            found("It fell on Sept. 12.", "It fell on Sept. 13."),
            [(
                ChangeClass::Date,
                "“on Sept. 12” became “on Sept. 13”".to_owned()
            )]
        );
        assert_eq!(
            classes("It fell on Sept. 12.", "It fell on September 12."),
            [ChangeClass::Minor]
        );
    }

    #[test]
    fn a_style_edit_is_one_minor_finding() {
        assert_eq!(
            found(
                "Ten of thousands of people fled.",
                "Tens of thousands of people fled."
            ),
            [(ChangeClass::Minor, "“Ten” became “Tens”".to_owned())]
        );
        assert_eq!(
            found(
                "They moved further to the south.",
                "They moved further south."
            ),
            [(
                ChangeClass::Minor,
                "“further to the south” became “further south”".to_owned()
            )]
        );
    }

    #[test]
    fn a_sentence_added_whole_reports_what_it_brings() {
        let new = "Rescuers there said around 60,000 people had fled on Tuesday.";
        let findings = classify("", new);
        let classes: Vec<ChangeClass> = findings.iter().map(|f| f.class).collect();
        assert_eq!(
            classes,
            [
                ChangeClass::Number,
                ChangeClass::Attribution,
                ChangeClass::Date
            ],
            "{findings:?}"
        );
        assert_eq!(
            findings[0].explanation,
            "figure “around 60,000 people” added"
        );
        assert_eq!(findings[0].old, None);
        assert_eq!(findings[0].new, Some(20..40));
        let removed = classify(new, "");
        assert!(
            removed
                .iter()
                .all(|f| f.new.is_none() && !f.class.is_minor())
        );
        assert_eq!(removed.len(), 3);
    }

    #[test]
    fn the_sample_pair_the_dropped_qualifier() {
        let old = "Hundreds of civilians have been killed and at least 400,000 people displaced, according to medics and NGOs and the United Nations.";
        let new = "Hundreds of civilians have been killed and 400,000 people displaced, according to medics, NGOs and the United Nations.";
        let findings = classify(old, new);
        assert_eq!(findings[0].class, ChangeClass::Number, "{findings:?}");
        assert_eq!(
            findings[0].explanation,
            "qualifier “at least” dropped from 400,000"
        );
        assert!(findings.len() <= 2, "{findings:?}");
        assert!(findings[1..].iter().all(|f| f.class.is_minor()));
    }

    #[test]
    fn the_sample_pair_a_respelled_speaker() {
        let old = "“There were 15 raids on Jarjanaz in less than five minutes,” Abdul Rahman al Halabi told Reuters from the area.";
        let new = "“There were 15 raids on Jarjanaz in less than five minutes,” Abdul Rahman al-Halabi told Reuters from the area.";
        assert_eq!(
            found(old, new),
            [(
                ChangeClass::Minor,
                "“al Halabi” became “al-Halabi”".to_owned()
            )]
        );
    }

    #[test]
    fn classes_are_labelled_once_and_serialised_in_snake_case() {
        let labels: std::collections::HashSet<_> =
            ChangeClass::ALL.iter().map(|class| class.label()).collect();
        assert_eq!(labels.len(), ChangeClass::ALL.len());
        assert_eq!(
            serde_json::to_string(&ChangeClass::Attribution).unwrap(),
            "\"attribution\""
        );
        let finding = Finding {
            class: ChangeClass::Hedge,
            old: None,
            new: Some(3..6),
            explanation: "negation “not” added".to_owned(),
        };
        assert_eq!(
            serde_json::to_string(&finding).unwrap(),
            r#"{"class":"hedge","old":null,"new":{"start":3,"end":6},"explanation":"negation “not” added"}"#
        );
    }

    /// A piece of sentence from what news copy is made of, so every finder and every
    /// class gets exercised: quotation marks, figures, qualifiers, names, dates,
    /// attributions, hedges, non-ASCII letters and wide spaces.
    fn piece() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("“".to_owned()),
            Just("”".to_owned()),
            Just("‘".to_owned()),
            Just("’".to_owned()),
            Just("'".to_owned()),
            Just("\"".to_owned()),
            Just(", said Abdullah Younis".to_owned()),
            Just(" Abdul Rahman al Halabi told Reuters".to_owned()),
            Just(" residents, rights groups and opposition sources said".to_owned()),
            Just(" according to medics, NGOs and".to_owned()),
            Just(" at least 400,000 people".to_owned()),
            Just(" sixty thousand".to_owned()),
            Just(" 3.5 million".to_owned()),
            Just(" Ten of thousands of".to_owned()),
            Just(" on Sept. 12, 2019".to_owned()),
            Just(" yesterday".to_owned()),
            Just(" not".to_owned()),
            Just(" reportedly".to_owned()),
            Just(" Maarat al-Numan".to_owned()),
            Just(" حلب وإدلب".to_owned()),
            Just("…".to_owned()),
            Just("\u{a0}".to_owned()),
            "[a-zA-Zé0-9 ,.!?:;()%$-]{0,20}",
            "\\PC{0,8}",
        ]
    }

    /// An old sentence and a new one made from it by keeping, replacing, removing and
    /// inserting pieces.
    fn sentence_pair() -> impl Strategy<Value = (String, String)> {
        let pieces = || prop::collection::vec(piece(), 0..14);
        (pieces(), pieces(), prop::collection::vec(0..4_u8, 14)).prop_map(
            |(old_pieces, other_pieces, choices)| {
                let mut new = String::new();
                for (index, old_piece) in old_pieces.iter().enumerate() {
                    let other = other_pieces.get(index).map_or("", String::as_str);
                    match choices[index] {
                        0 => new.push_str(old_piece),
                        1 => new.push_str(other),
                        2 => {}
                        _ => {
                            new.push_str(other);
                            new.push_str(old_piece);
                        }
                    }
                }
                (old_pieces.concat(), new)
            },
        )
    }

    /// Checks that every finding's ranges are on character boundaries of its sentences,
    /// and that a sentence added or removed whole gives no Minor finding.
    fn assert_sound(old: &str, new: &str) {
        let findings = classify(old, new);
        for finding in &findings {
            for (range, sentence) in [(&finding.old, old), (&finding.new, new)] {
                if let Some(range) = range {
                    assert!(range.start <= range.end, "{finding:?}");
                    assert!(
                        sentence.get(range.clone()).is_some(),
                        "{finding:?} in {sentence:?}"
                    );
                }
            }
            assert!(
                finding.old.is_some() || finding.new.is_some(),
                "{finding:?}"
            );
            let whole = old.trim().is_empty() || new.trim().is_empty();
            assert!(!(whole && finding.class.is_minor()), "{finding:?}");
        }
        if old == new {
            assert!(findings.is_empty());
        }
    }

    proptest! {
        #[test]
        fn copy_like_pairs_give_sound_findings((old, new) in sentence_pair()) {
            assert_sound(&old, &new);
        }

        #[test]
        fn any_pair_gives_sound_findings(old in any::<String>(), new in any::<String>()) {
            assert_sound(&old, &new);
        }
    }
}
