//! Claim candidates on real copy: the scraped seed story (every figure, every direct
//! quote and every attribution surfaces, and nothing else is over-flagged), the sample
//! project (datelines and credits left out) and the IPTC example items.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test should fail loudly when a fixture or helper breaks"
)]

use std::path::{Path, PathBuf};

use factdesk::core::anchor::char_slice;
use factdesk::core::claims::candidates::{
    Candidate, CandidateKind, document_candidates, find_candidates, sort_by_score,
};
use factdesk::core::import::import_file;
use factdesk::core::project::Project;
use jiff::Timestamp;
use proptest::prelude::*;

const SEED: &str = "tests/fixtures/seed-idlib-2019.txt";
const SAMPLE: &str = "projects/idlib-2019.factdesk.json";

/// Every figure of the seed, in reading order, as Factdesk highlights it. Years are
/// dates, not figures ("in 2015" is in [`SEED_DATES`]).
const SEED_FIGURES: [&str; 11] = [
    "Tens of thousands",
    "Ten of thousands of people",
    "around 60,000 people",
    "last four days",
    "15 raids",
    "less than five minutes",
    "eight year",
    "thousands of raids",
    "last 10 days",
    "Hundreds of civilians",
    "at least 400,000 people",
];

/// Every direct quote of the seed, in reading order, with who it is from. The ‘White
/// Helmets’ of the caption are a name in quotation marks, not a quote.
const SEED_QUOTES: [(&str, &str); 3] = [
    (
        "“The flow of cars and vehicles leaving is not stopping,”",
        "quote from Abdullah Younis",
    ),
    (
        "“There were 15 raids on Jarjanaz in less than five minutes,”",
        "quote from Abdul Rahman al Halabi",
    ),
    (
        "“scorched earth strategy”",
        "quote attributed to Western military experts and opposition figures",
    ),
];

/// Every attribution of the seed, in reading order (two reasons starting at the same
/// word list the longer first), with the source it names.
const SEED_ATTRIBUTIONS: [(&str, &str); 14] = [
    (
        "residents, rights groups and opposition sources said",
        "residents, rights groups and opposition sources",
    ),
    ("said Abdullah Younis", "Abdullah Younis"),
    ("Rescuers there said", "Rescuers there"),
    ("residents said", "residents"),
    (
        "Abdul Rahman al Halabi told Reuters",
        "Abdul Rahman al Halabi",
    ),
    ("Rebels concede", "Rebels"),
    (
        "State media, broadcasting from the outskirts of Khan Sheikhoun on Tuesday, said",
        "State media",
    ),
    (
        "Western military experts and opposition figures say",
        "Western military experts and opposition figures",
    ),
    (
        "Foreign Minister Sergei Lavrov acknowledged",
        "Foreign Minister Sergei Lavrov",
    ),
    (
        "the Interfax news agency quoted him as saying",
        "the Interfax news agency",
    ),
    (
        "according to Western intelligence sources",
        "Western intelligence sources",
    ),
    (
        "according to medics and NGOs and the United Nations",
        "medics and NGOs and the United Nations",
    ),
    (
        "Moscow and Damascus, who deny indiscriminate bombing of civilians areas, say",
        "Moscow and Damascus",
    ),
    ("Moscow and Damascus, who deny", "Moscow and Damascus"),
];

/// Dates and times of the seed, in reading order.
const SEED_DATES: [&str; 8] = [
    "yesterday",
    "in the last few days",
    "yesterday",
    "On Tuesday",
    "on Tuesday",
    "in 2015",
    "at the end of April",
    "on Tuesday",
];

/// Superlatives, comparisons and changes of the seed.
const SEED_COMPARISONS: [&str; 3] = ["last major stronghold", "most of", "increased"];

/// Causes, accusations, denials and harm done in the seed.
const SEED_CAUSES: [&str; 6] = [
    "bombing",
    "struck",
    "scorched earth strategy",
    "killed",
    "displaced",
    "deny indiscriminate bombing",
];

fn seed() -> String {
    std::fs::read_to_string(SEED).unwrap()
}

/// The words of every reason of `kind`, in reading order.
fn matched(candidates: &[Candidate], kind: CandidateKind) -> Vec<&str> {
    candidates
        .iter()
        .flat_map(|candidate| &candidate.reasons)
        .filter(|reason| reason.kind == kind)
        .map(|reason| reason.matched.as_str())
        .collect()
}

/// Checks what every candidate must be: its sentence and reasons are where its offsets
/// say, its kinds are its reasons' kinds, sorted, its score between 0 and 1, and the
/// candidates come in reading order without overlapping.
fn assert_sound(text: &str, candidates: &[Candidate]) {
    let mut previous_end = 0;
    for candidate in candidates {
        assert!(candidate.start >= previous_end, "{candidate:?}");
        previous_end = candidate.end;
        assert_eq!(
            char_slice(text, &(candidate.start..candidate.end)),
            Some(candidate.sentence.as_str())
        );
        assert!(!candidate.reasons.is_empty());
        for reason in &candidate.reasons {
            assert!(
                candidate.start <= reason.start && reason.end <= candidate.end,
                "{reason:?} outside {candidate:?}"
            );
            assert_eq!(
                char_slice(text, &(reason.start..reason.end)),
                Some(reason.matched.as_str())
            );
            assert!(!reason.explanation.is_empty());
        }
        let mut kinds: Vec<CandidateKind> = candidate.reasons.iter().map(|r| r.kind).collect();
        kinds.sort_unstable();
        kinds.dedup();
        assert_eq!(candidate.kinds, kinds);
        assert!((0.0..=1.0).contains(&candidate.score), "{candidate:?}");
    }
}

#[test]
fn every_figure_of_the_seed_surfaces() {
    let candidates = find_candidates(&seed());
    assert_eq!(matched(&candidates, CandidateKind::Figure), SEED_FIGURES);
}

#[test]
fn every_direct_quote_of_the_seed_surfaces_with_its_speaker() {
    let candidates = find_candidates(&seed());
    let quotes: Vec<(&str, &str)> = candidates
        .iter()
        .flat_map(|candidate| &candidate.reasons)
        .filter(|reason| reason.kind == CandidateKind::Quote)
        .map(|reason| (reason.matched.as_str(), reason.explanation.as_str()))
        .collect();
    assert_eq!(quotes, SEED_QUOTES);
}

#[test]
fn every_attribution_of_the_seed_surfaces_with_its_source() {
    let candidates = find_candidates(&seed());
    let attributions: Vec<(&str, &str)> = candidates
        .iter()
        .flat_map(|candidate| &candidate.reasons)
        .filter(|reason| reason.kind == CandidateKind::Attribution)
        .map(|reason| {
            let source = reason
                .explanation
                .rsplit_once(" (")
                .and_then(|(_, source)| source.strip_suffix(')'))
                .unwrap_or_else(|| panic!("no source in {reason:?}"));
            (reason.matched.as_str(), source)
        })
        .collect();
    assert_eq!(attributions, SEED_ATTRIBUTIONS);
}

#[test]
fn dates_comparisons_and_accusations_of_the_seed_surface() {
    let candidates = find_candidates(&seed());
    assert_eq!(matched(&candidates, CandidateKind::Date), SEED_DATES);
    assert_eq!(
        matched(&candidates, CandidateKind::Comparison),
        SEED_COMPARISONS
    );
    assert_eq!(matched(&candidates, CandidateKind::Causal), SEED_CAUSES);
    let parties = matched(&candidates, CandidateKind::Entity);
    for party in [
        "President Bashar al Assad",
        "Maarat al-Numan",
        "Khan Sheikhoun",
        "White Helmets",
        "Moscow",
    ] {
        assert!(parties.contains(&party), "{party} not in {parties:?}");
    }
    for not_a_party in ["Rescuers", "Rebels", "Capturing", "The", "Tuesday"] {
        assert!(
            !parties.contains(&not_a_party),
            "{not_a_party} in {parties:?}"
        );
    }
}

#[test]
fn site_debris_and_plain_sentences_are_not_flagged() {
    let text = seed();
    let candidates = find_candidates(&text);
    assert_sound(&text, &candidates);
    for candidate in &candidates {
        for debris in [
            "Middle EastTop StoriesWorld",
            "Back to top button",
            "They left Maarat al-Numan",
            "AMMAN:",
            "TALLMANNIS:",
            "– AFP",
            "- Reuters",
        ] {
            assert!(
                !candidate.sentence.contains(debris),
                "{debris:?} in {:?}",
                candidate.sentence
            );
        }
    }
    // Headline, caption, and every sentence of the story but one.
    assert_eq!(candidates.len(), 16);
}

#[test]
fn sorting_by_score_puts_the_quoted_figures_first() {
    let mut candidates = find_candidates(&seed());
    let count = candidates.len();
    sort_by_score(&mut candidates);
    assert_eq!(candidates.len(), count);
    assert!(
        candidates
            .windows(2)
            .all(|pair| pair[0].score >= pair[1].score)
    );
    assert!(
        candidates[0].sentence.starts_with("“There were 15 raids"),
        "{:?}",
        candidates[0]
    );
    let last = candidates.last().unwrap();
    assert_eq!(last.kinds, [CandidateKind::Date, CandidateKind::Entity]);
}

#[test]
fn the_sample_project_leaves_datelines_and_credits_out() {
    let project = Project::load(Path::new(SAMPLE)).unwrap();
    for document in &project.documents {
        let candidates = document_candidates(document);
        assert_sound(&document.text, &candidates);
        assert!(
            candidates.len() >= 15,
            "{}: {candidates:#?}",
            document.label
        );
        for candidate in &candidates {
            for credit in ["AMMAN", "(Reuters) -", "- Reuters", "– AFP"] {
                assert!(
                    !candidate.sentence.contains(credit),
                    "{credit:?} in {:?}",
                    candidate.sentence
                );
            }
        }
    }
    let scraped = document_candidates(&project.documents[0]);
    let from_the_file = find_candidates(&seed());
    let figures = |candidates: &[Candidate]| -> Vec<String> {
        matched(candidates, CandidateKind::Figure)
            .into_iter()
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(figures(&scraped), figures(&from_the_file));
    assert!(
        scraped[2]
            .sentence
            .starts_with("Ten of thousands of people"),
        "{:?}",
        scraped[2]
    );
}

/// The IPTC example items that hold an article.
fn iptc_documents() -> Vec<factdesk::core::article::Document> {
    let mut paths: Vec<PathBuf> = ["tests/fixtures/iptc/ninjs", "tests/fixtures/iptc/newsml-g2"]
        .iter()
        .flat_map(|folder| std::fs::read_dir(folder).unwrap())
        .map(|entry| entry.unwrap().path())
        .filter(|path| {
            path.extension()
                .is_some_and(|ext| ext == "json" || ext == "xml")
        })
        .collect();
    paths.sort();
    paths
        .iter()
        .filter_map(|path| import_file(path, Timestamp::UNIX_EPOCH).ok())
        .collect()
}

#[test]
fn iptc_items_give_sound_candidates() {
    let documents = iptc_documents();
    assert!(documents.len() >= 8, "{}", documents.len());
    for document in &documents {
        assert_sound(&document.text, &document_candidates(document));
    }
}

#[test]
fn iptc_items_with_figures_and_dates_surface_them() {
    let documents = iptc_documents();
    let concordia = documents
        .iter()
        .find(|d| d.text.contains("4,200 passengers"))
        .expect("the Costa Concordia item");
    let candidates = document_candidates(concordia);
    let figures = matched(&candidates, CandidateKind::Figure);
    for figure in ["32 victims", "some 1,000 witnesses", "4,200 passengers"] {
        assert!(figures.contains(&figure), "{figure} not in {figures:?}");
    }
    assert!(matched(&candidates, CandidateKind::Date).contains(&"Tuesday"));
    assert!(
        matched(&candidates, CandidateKind::Attribution)
            .contains(&"His lawyer, Domenico Pepe, told reporters")
    );
    let fed = documents
        .iter()
        .find(|d| d.text.contains("October 21"))
        .expect("the NewsML-G2 text item");
    let dates = matched(&document_candidates(fed), CandidateKind::Date).join("|");
    assert!(dates.contains("October 21"), "{dates}");
}

/// Text built from the pieces news copy is made of, so every rule gets exercised:
/// quotation marks and apostrophes, abbreviations, figures, datelines, credits, wide
/// spaces.
fn copy_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("AMMAN: ".to_owned()),
        Just("NEW YORK (Reuters) - ".to_owned()),
        Just(".- Reuters".to_owned()),
        Just(" – AFP".to_owned()),
        Just("\n\n".to_owned()),
        Just("“".to_owned()),
        Just("”".to_owned()),
        Just("‘".to_owned()),
        Just("’".to_owned()),
        Just("'".to_owned()),
        Just("\"".to_owned()),
        Just(", said Abdullah Younis".to_owned()),
        Just(" residents, rights groups and opposition sources said".to_owned()),
        Just(", who deny indiscriminate bombing, say".to_owned()),
        Just(" according to medics, NGOs and".to_owned()),
        Just(" quoted him as saying".to_owned()),
        Just(" at least 400,000 people".to_owned()),
        Just(" Ten of thousands of".to_owned()),
        Just(" on Sept. 12, 2019".to_owned()),
        Just(" the U.N. Gen. ".to_owned()),
        Just(" al-Numan von der ".to_owned()),
        Just("…".to_owned()),
        Just("\u{a0}".to_owned()),
        "[a-zA-Zé0-9 ,.!?:;()-]{0,30}",
    ];
    prop::collection::vec(piece, 0..24).prop_map(|pieces| pieces.concat())
}

proptest! {
    #[test]
    fn copy_like_text_gives_sound_candidates(text in copy_like()) {
        assert_sound(&text, &find_candidates(&text));
    }

    #[test]
    fn any_text_gives_sound_candidates(text in any::<String>()) {
        assert_sound(&text, &find_candidates(&text));
    }
}
