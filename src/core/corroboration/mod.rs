//! Corroboration: the passages of other documents that bear on a claim.
//!
//! A checker with a claim on the desk edit wants to see what the wire copy, the photo
//! caption and the other versions say about the same thing before reaching for the
//! telephone. Every sentence of the documents searched, and every sentence read
//! together with the next one in its paragraph, is scored against the claim's
//! statement by the terms they share (see `terms.rs`): content words in their base
//! form, with a few near-synonyms read as one word ("struck", "bombing", "air strike";
//! "hospital", "clinic"; see `word_forms.rs`), numbers, names and words for what
//! happened weighing more, and terms found in many of the sentences searched ("said",
//! the country's name) weighing less. Passages scoring at least [`MIN_SCORE`] are
//! listed, best first, without overlaps.
//!
//! The score measures how much two passages talk about the same things, not whether
//! one confirms the other: a passage that denies the claim in the same words scores as
//! high as one that repeats it. The checker decides which it is.

mod terms;
mod word_forms;

use std::ops::Range;

use terms::{FormCache, Rarity, Terms};

use super::article::{Document, DocumentId};
use super::claims::sentences::{SentenceText, sentence_texts};
use super::claims::{Evidence, Locator, Stamp, Stance};

pub use terms::{EVENT_WEIGHT, NAME_WEIGHT, NUMBER_WEIGHT};

/// The least score (weighted Dice, 0 to 1) for a passage to be listed.
///
/// Tuned on the sample project: against the Reuters sentence on jets bombing villages
/// and striking the al-Rahma hospital, the AFP caption on an air strike on a clinic in
/// Idlib ("Syrian", "strike", "clinic") scores 0.16 to 0.18 and the denial of
/// "indiscriminate bombing of civilian areas" 0.15, while sentences sharing only a
/// weekday, a town and "said" score 0.14 and less. A reworded copy of the claim's own
/// sentence scores 0.8 or more.
pub const MIN_SCORE: f32 = 0.15;

/// A passage of another document that bears on a claim.
#[derive(Clone, Debug, PartialEq)]
pub struct Passage {
    /// The document it is in.
    pub document: DocumentId,
    /// That document's label, for the list.
    pub document_label: String,
    /// Who the passage is credited to: the agency of its segment, else the document's
    /// source (see [`Document::credited_to`]).
    pub source: String,
    /// Where it is in the document, in code points: one sentence, or two neighbouring
    /// ones.
    pub chars: Range<usize>,
    /// Its words.
    pub text: String,
    /// How much it and the claim talk about the same things (weighted Dice, from
    /// [`MIN_SCORE`] to 1).
    pub similarity: f32,
    /// The words it shares with the claim, as the passage writes them and in its order
    /// ("Syrian", "strike", "clinic"), for the editor to scan.
    pub shared: Vec<String>,
}

/// The passages of `documents` that bear on `statement`, best first, at most `limit`,
/// none overlapping another. Ties go to the document listed first, then the earlier
/// passage.
pub fn corroborate(statement: &str, documents: &[&Document], limit: usize) -> Vec<Passage> {
    let mut statement_forms = FormCache::default();
    let mut statement_sentences = sentence_texts(statement).peekable();
    let mut claim_terms = if statement_sentences.peek().is_some() {
        statement_sentences.fold(Terms::default(), |terms, sentence| {
            terms.followed_by(&Terms::of_sentence(sentence.text, &mut statement_forms))
        })
    } else {
        Terms::of_sentence(statement.trim(), &mut statement_forms)
    };
    if claim_terms.is_empty() || limit == 0 {
        return Vec::new();
    }

    let mut forms = FormCache::default();
    let searched: Vec<Vec<(SentenceText<'_>, Terms<'_>)>> = documents
        .iter()
        .map(|document| {
            sentence_texts(&document.text)
                .map(|sentence| {
                    let terms = Terms::of_sentence(sentence.text, &mut forms);
                    (sentence, terms)
                })
                .collect()
        })
        .collect();
    let rarity = Rarity::of(searched.iter().flatten().map(|(_, terms)| terms));
    claim_terms.weigh(&rarity);

    let mut candidates: Vec<Candidate<'_>> = Vec::new();
    for (document_index, (document, mut sentences)) in documents.iter().zip(searched).enumerate() {
        for (_, terms) in &mut sentences {
            terms.weigh(&rarity);
        }
        candidates.extend(scored_passages(
            document_index,
            &document.text,
            &sentences,
            &claim_terms,
        ));
    }
    candidates.sort_by(|a, b| {
        b.similarity
            .total_cmp(&a.similarity)
            .then(a.document.cmp(&b.document))
            .then(a.chars.start.cmp(&b.chars.start))
    });

    let mut chosen: Vec<Candidate<'_>> = Vec::new();
    for candidate in candidates {
        if chosen.len() == limit {
            break;
        }
        let overlaps = chosen.iter().any(|other| {
            other.document == candidate.document
                && other.chars.start < candidate.chars.end
                && candidate.chars.start < other.chars.end
        });
        if !overlaps {
            chosen.push(candidate);
        }
    }
    chosen
        .into_iter()
        .filter_map(|candidate| {
            let document = documents.get(candidate.document)?;
            Some(Passage {
                document: document.id.clone(),
                document_label: document.label.clone(),
                source: document.credited_to(candidate.chars.start),
                text: document.text.get(candidate.bytes)?.to_owned(),
                chars: candidate.chars,
                similarity: candidate.similarity,
                shared: candidate.shared.into_iter().map(str::to_owned).collect(),
            })
        })
        .collect()
}

/// A passage that scored at least [`MIN_SCORE`], before the best are chosen.
struct Candidate<'t> {
    /// The document's position in the list searched.
    document: usize,
    /// Where the passage is, in code points.
    chars: Range<usize>,
    /// Where the passage is, in bytes.
    bytes: Range<usize>,
    /// Its score.
    similarity: f32,
    /// The words it shares with the claim.
    shared: Vec<&'t str>,
}

/// Every sentence of a document (its `text` and `sentences` with their terms), and
/// every sentence read with the next in its paragraph, that scores at least
/// [`MIN_SCORE`] against `claim`.
fn scored_passages<'t>(
    document_index: usize,
    text: &str,
    sentences: &[(SentenceText<'t>, Terms<'t>)],
    claim: &Terms<'_>,
) -> Vec<Candidate<'t>> {
    let mut candidates = Vec::new();
    let mut consider = |first: &SentenceText<'t>, last: &SentenceText<'t>, terms: &Terms<'t>| {
        let (similarity, shared) = terms.compare(claim);
        if similarity >= MIN_SCORE {
            candidates.push(Candidate {
                document: document_index,
                chars: first.sentence.start..last.sentence.end,
                bytes: first.bytes.start..last.bytes.end,
                similarity,
                shared,
            });
        }
    };
    for (index, (sentence, terms)) in sentences.iter().enumerate() {
        consider(sentence, sentence, terms);
        let Some((next, next_terms)) = sentences.get(index + 1) else {
            continue;
        };
        if same_paragraph(text, sentence, next) {
            consider(sentence, next, &terms.followed_by(next_terms));
        }
    }
    candidates
}

/// Whether no line break separates two sentences of `text`: a sentence is read with
/// the next only within a paragraph, since a caption or the next paragraph is a
/// separate statement.
fn same_paragraph(text: &str, first: &SentenceText<'_>, second: &SentenceText<'_>) -> bool {
    text.get(first.bytes.end..second.bytes.start)
        .is_some_and(|between| !between.contains('\n'))
}

impl Passage {
    /// The passage as a piece of evidence on a claim, for the claim's evidence list.
    /// `document` is the passage's own document (the one `self.document` names); it
    /// says where the passage can be found again: by the agency's item id when the
    /// document has one, else by the file it was imported from, else by its label
    /// (as a wire item, the nearest kind). The stance is the checker's call; offer
    /// [`Stance::Context`] until they make it.
    pub fn to_evidence(&self, document: &Document, stance: Stance, stamp: &Stamp) -> Evidence {
        let item_id = document.metadata.item_id.as_deref().map(str::trim);
        let original_path = document.original_path.as_deref().map(str::trim);
        let locator = match (item_id, original_path) {
            (Some(item_id), _) if !item_id.is_empty() => Locator::WireItem(item_id.to_owned()),
            (_, Some(path)) if !path.is_empty() => Locator::File(path.to_owned()),
            _ => Locator::WireItem(document.label.trim().to_owned()),
        };
        Evidence {
            locator,
            title: document.label.trim().to_owned(),
            publisher: self.source.clone(),
            passage: self.text.clone(),
            stance,
            accessed: None,
            sha256: None,
            added: stamp.at,
            added_by: stamp.by.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use jiff::Timestamp;

    use super::*;
    use crate::core::article::{DocumentKind, Source};

    fn document(label: &str, source: Source, text: &str) -> Document {
        Document::new(
            label,
            source,
            DocumentKind::Clipboard,
            None,
            text.to_owned(),
            Timestamp::UNIX_EPOCH,
        )
    }

    fn texts(passages: &[Passage]) -> Vec<&str> {
        passages.iter().map(|p| p.text.as_str()).collect()
    }

    #[test]
    fn passages_are_ranked_by_what_they_share_with_the_claim() {
        let wire = document(
            "Wire",
            Source::Reuters,
            "The weather was mild on Tuesday. \
             Jets struck the hospital in Maarat al-Numan on Tuesday, killing 12 people. \
             Residents said the town was quiet.",
        );
        let caption = document(
            "Caption",
            Source::Afp,
            "Rescuers carry a victim after an air raid on a clinic in Maarat al-Numan.",
        );
        let found = corroborate(
            "An air strike hit the hospital in Maarat al-Numan, killing 12.",
            &[&wire, &caption],
            10,
        );
        assert_eq!(
            texts(&found),
            [
                "Jets struck the hospital in Maarat al-Numan on Tuesday, killing 12 people.",
                "Rescuers carry a victim after an air raid on a clinic in Maarat al-Numan.",
            ]
        );
        assert!(found[0].similarity > found[1].similarity);
        assert_eq!(
            found[0].shared,
            [
                "struck", "hospital", "Maarat", "al", "Numan", "killing", "12"
            ]
        );
        assert_eq!(
            found[1].shared,
            ["air", "raid", "clinic", "Maarat", "al", "Numan"]
        );
        assert_eq!(found[1].source, "AFP");
        assert_eq!(found[1].document_label, "Caption");
        assert_eq!(corroborate("An air strike", &[&wire, &caption], 1).len(), 1);
    }

    #[test]
    fn numbers_and_names_outrank_plain_words() {
        let wire = document(
            "Wire",
            Source::Reuters,
            "Officials said many people had fled the fighting in recent days.",
        );
        let caption = document("Caption", Source::Afp, "About 60,000 left Idlib.");
        let found = corroborate(
            "60,000 people fled Idlib in recent days",
            &[&wire, &caption],
            10,
        );
        // The caption shares two terms to the wire's four, but a figure and a place.
        assert_eq!(
            texts(&found),
            [
                "About 60,000 left Idlib.",
                "Officials said many people had fled the fighting in recent days."
            ]
        );
    }

    #[test]
    fn a_sentence_and_the_next_make_one_passage_when_that_says_more() {
        let wire = document(
            "Wire",
            Source::Reuters,
            "Jets struck the al-Rahma hospital on Tuesday. \
             Five patients were killed, medics said. \
             Talks continued in Geneva.",
        );
        let found = corroborate(
            "Five patients were killed when jets struck the al-Rahma hospital",
            &[&wire],
            10,
        );
        let both = "Jets struck the al-Rahma hospital on Tuesday. Five patients were killed, \
                    medics said.";
        assert_eq!(texts(&found), [both]);
        assert_eq!(found[0].chars, 0..both.chars().count());
    }

    #[test]
    fn nothing_to_search_for_finds_nothing() {
        let wire = document("Wire", Source::Reuters, "Jets struck the hospital.");
        assert!(corroborate("it was the", &[&wire], 5).is_empty());
        assert!(corroborate("jets struck", &[&wire], 0).is_empty());
        assert!(corroborate("jets struck", &[], 5).is_empty());
        assert!(corroborate("Talks in Geneva", &[&wire], 5).is_empty());
    }

    #[test]
    fn a_passage_becomes_context_evidence_from_its_document() {
        let mut wire = document("Reuters wire, 14:02", Source::Reuters, "Jets struck.");
        let passage = corroborate("jets struck", &[&wire], 1).remove(0);
        let stamp = Stamp::new(Timestamp::UNIX_EPOCH, "Dana");
        let evidence = passage.to_evidence(&wire, Stance::Context, &stamp);
        assert_eq!(
            evidence.locator,
            Locator::WireItem("Reuters wire, 14:02".into())
        );
        assert_eq!(evidence.title, "Reuters wire, 14:02");
        assert_eq!(evidence.publisher, "Reuters");
        assert_eq!(evidence.passage, "Jets struck.");
        assert_eq!(evidence.stance, Stance::Context);
        assert_eq!(
            (evidence.added, evidence.added_by.as_str()),
            (stamp.at, "Dana")
        );

        wire.original_path = Some("wire/1402.txt".to_owned());
        let evidence = passage.to_evidence(&wire, Stance::Context, &stamp);
        assert_eq!(evidence.locator, Locator::File("wire/1402.txt".into()));
        wire.metadata.item_id = Some("urn:newsml:reuters.com:20190821:nL8N25H2XX".to_owned());
        let evidence = passage.to_evidence(&wire, Stance::Supports, &stamp);
        assert_eq!(
            evidence.locator,
            Locator::WireItem("urn:newsml:reuters.com:20190821:nL8N25H2XX".into())
        );
        assert_eq!(evidence.stance, Stance::Supports);
    }
}
