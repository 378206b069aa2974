//! Provenance: which source each sentence of a published text most likely came from.
//!
//! A desk edit or a published page is mostly wire copy, reworded and cut, with a few
//! sentences of the desk's own. Before publishing, an editor wants to know how much of
//! the text is whose ("71% Reuters · 12% AFP · 17% unsourced") and which sentences
//! come from nowhere, since those are the ones the desk itself must stand behind.
//!
//! Each sentence of the published text is compared with every sentence of the sources
//! by its content words (see [`crate::core::similarity`]); the most similar source
//! sentence, when at least [`SOURCED_MIN_SIMILARITY`] alike, is where it came from.
//! When no single sentence is close, two neighbouring source sentences read as one are
//! tried too, since edits often join two wire sentences. A match is credited to the
//! agency of the segment it is in (the AFP caption of a Reuters page is AFP's), else to
//! the source document (see [`Document::credited_to`]).
//!
//! Limitations: a sentence paraphrased beyond recognition, translated, or stitched
//! from three or more source sentences counts as unsourced; one that quotes a figure
//! from one source inside a sentence of another goes wholly to the closer one; and a
//! sentence made only of function words ("It was not.") cannot be matched.

mod sentence_index;

use std::ops::Range;

use sentence_index::{SentenceIndex, SourceSentence};

use super::agency::Agency;
use super::article::{Document, DocumentId, count_words};
use super::claims::sentences::sentence_texts;
use super::similarity::Profile;

/// How alike (Dice over content words, 0 to 1) a source sentence must be to count as
/// where a published sentence came from.
///
/// Light edits keep a sentence well above it: the sentences of the sample desk edit
/// score from 0.83 against the page they were edited from (the AFP caption, restyled
/// and cut: "Photo: …", "Defense" → "Defence", "also known as" → "known as") to 1;
/// cutting a sentence to half its words gives about 0.67. Other sentences of the same
/// story, which share its names and places, stay below 0.3.
pub const SOURCED_MIN_SIMILARITY: f32 = 0.5;

/// The name the summary gives the words that come from no source.
pub const UNSOURCED: &str = "unsourced";

/// Where each sentence of a published text came from.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ProvenanceMap {
    /// The published text's sentences, in reading order.
    pub sentences: Vec<SentenceOrigin>,
}

/// One sentence of the published text and where it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct SentenceOrigin {
    /// Where the sentence is in the published text, in code points.
    pub chars: Range<usize>,
    /// How many words it has, as a word processor counts them; the summary's shares
    /// are shares of words, so a long sentence weighs more than a short one.
    pub words: usize,
    /// The source passage it most likely came from, or `None` when it is unsourced.
    pub origin: Option<Origin>,
}

/// The source passage a published sentence came from.
#[derive(Clone, Debug, PartialEq)]
pub struct Origin {
    /// The source document, to open it at the passage.
    pub document: DocumentId,
    /// Who the passage is credited to ("Reuters", "AFP"), for the summary.
    pub source: String,
    /// Where the passage is in the source document, in code points: one sentence, or
    /// two neighbouring ones the published sentence merges.
    pub chars: Range<usize>,
    /// How alike the two are (Dice over content words, from
    /// [`SOURCED_MIN_SIMILARITY`] to 1).
    pub similarity: f32,
}

/// Attributes each sentence of `published` to the passage of `sources` it most likely
/// came from. On a tie the source listed first wins, then the earlier sentence. A
/// source that is `published` itself is left out.
pub fn provenance(published: &Document, sources: &[&Document]) -> ProvenanceMap {
    let mut source_sentences = Vec::new();
    for (document, source) in sources.iter().enumerate() {
        if source.id == published.id {
            continue;
        }
        source_sentences.extend(sentence_texts(&source.text).map(|found| SourceSentence {
            document,
            chars: found.sentence.char_range(),
            profile: Profile::of(found.text),
        }));
    }
    let index = SentenceIndex::new(source_sentences);
    let mut searcher = index.searcher();

    let sentences = sentence_texts(&published.text)
        .filter(|found| !is_bare_credit(found.text))
        .map(|found| {
            let profile = Profile::of(found.text);
            let origin = searcher
                .best_match(&profile, SOURCED_MIN_SIMILARITY)
                .and_then(|found| {
                    let first = index.sentence(found.first)?;
                    let last = index.sentence(found.last)?;
                    let document = sources.get(first.document)?;
                    Some(Origin {
                        document: document.id.clone(),
                        source: document.credited_to(first.chars.start),
                        chars: first.chars.start..last.chars.end,
                        similarity: found.similarity,
                    })
                });
            SentenceOrigin {
                chars: found.sentence.char_range(),
                words: count_words(found.text),
                origin,
            }
        })
        .collect();
    ProvenanceMap { sentences }
}

/// Whether a sentence is nothing but an agency's name, like the "(AFP)" closing a
/// caption: a credit, which says where the words before it came from and is no copy of
/// anyone's. The sentence splitter leaves out only credits set off by a dash.
fn is_bare_credit(sentence: &str) -> bool {
    let name = sentence.trim_matches(|c: char| !c.is_alphanumeric());
    Agency::from_known_name(name).is_some()
}

impl ProvenanceMap {
    /// Each source's share of the published words (0 to 1), largest first (ties by
    /// name), with [`UNSOURCED`] last; empty when the text has no words.
    pub fn summary(&self) -> Vec<(String, f64)> {
        let mut words_by_source: Vec<(String, usize)> = Vec::new();
        let mut unsourced_words = 0;
        for sentence in &self.sentences {
            let Some(origin) = &sentence.origin else {
                unsourced_words += sentence.words;
                continue;
            };
            match words_by_source
                .iter_mut()
                .find(|(source, _)| *source == origin.source)
            {
                Some((_, words)) => *words += sentence.words,
                None => words_by_source.push((origin.source.clone(), sentence.words)),
            }
        }
        words_by_source.retain(|&(_, words)| words > 0);
        words_by_source.sort_by(|(a_source, a_words), (b_source, b_words)| {
            b_words.cmp(a_words).then_with(|| a_source.cmp(b_source))
        });
        if unsourced_words > 0 {
            words_by_source.push((UNSOURCED.to_owned(), unsourced_words));
        }
        let total_words: usize = words_by_source.iter().map(|(_, words)| words).sum();
        words_by_source
            .into_iter()
            .map(|(source, words)| (source, words as f64 / total_words as f64))
            .collect()
    }

    /// The summary in one line, in whole percentages that add up to 100:
    /// "71% Reuters · 12% AFP · 17% unsourced".
    pub fn summary_line(&self) -> String {
        let summary = self.summary();
        if summary.is_empty() {
            return "no text to attribute".to_owned();
        }
        let shares: Vec<f64> = summary.iter().map(|(_, share)| *share).collect();
        whole_percentages(&shares)
            .into_iter()
            .zip(&summary)
            .map(|(percent, (source, _))| format!("{percent}% {source}"))
            .collect::<Vec<_>>()
            .join(" · ")
    }

    /// The code-point ranges of the sentences no source accounts for, in reading order:
    /// the ones to make claims from.
    pub fn unsourced(&self) -> impl Iterator<Item = Range<usize>> + '_ {
        self.sentences
            .iter()
            .filter(|sentence| sentence.origin.is_none())
            .map(|sentence| sentence.chars.clone())
    }
}

/// Shares (0 to 1, adding up to 1) as whole percentages adding up to exactly 100: each
/// rounded down, then the points left over given to the largest remainders (the
/// earlier share on a tie), so no line reads "99%" or "101%" in all.
fn whole_percentages(shares: &[f64]) -> Vec<u32> {
    let exact: Vec<f64> = shares.iter().map(|share| share * 100.0).collect();
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "shares lie between 0 and 1, so each rounded-down percentage is 0 to 100"
    )]
    let mut whole: Vec<u32> = exact.iter().map(|percent| percent.floor() as u32).collect();
    let given: u32 = whole.iter().sum();
    let mut by_remainder: Vec<usize> = (0..exact.len()).collect();
    by_remainder.sort_by(|&a, &b| {
        let remainder = |i: usize| exact[i] - exact[i].floor();
        remainder(b).total_cmp(&remainder(a)).then(a.cmp(&b))
    });
    for &index in by_remainder
        .iter()
        .take(100_u32.saturating_sub(given) as usize)
    {
        whole[index] += 1;
    }
    whole
}

#[cfg(test)]
mod tests {
    use jiff::Timestamp;

    use super::*;
    use crate::core::anchor::char_slice;
    use crate::core::article::{DocumentKind, Role, Segment, Source};

    fn document(label: &str, source: Source, text: &str) -> Document {
        Document::new(
            label,
            source,
            DocumentKind::TextFile,
            None,
            text.to_owned(),
            Timestamp::UNIX_EPOCH,
        )
    }

    /// A Reuters story as a web page carried it, with an AFP photo caption.
    fn scraped_page() -> Document {
        let caption = "TALLMANNIS: Members of the Syrian Civil Defense carry away the body of a \
                       victim following a reported air strike on a makeshift clinic in the \
                       area of Tallmannis in Syria’s northern Idlib province yesterday. – AFP";
        let body = "AMMAN: Ten of thousands of people have fled to the Turkish border in the \
                    last few days as the Syrian army pushed a major advance further into the \
                    opposition’s last major stronghold, residents said yesterday. Rescuers \
                    there said around 60,000 people had fled in the last four days alone. \
                    On Tuesday, Russian and Syrian jets intensified their bombing of \
                    scattered villages and towns around Maarat al-Numan, with the al-Rahma \
                    hospital in the area struck, residents said.";
        let mut page = document(
            "Scraped page",
            Source::Reuters,
            &format!("{caption}\n\n{body}"),
        );
        let caption_chars = caption.chars().count();
        page.segments = vec![
            Segment {
                role: Role::Caption,
                agency: Agency::Afp,
                start: 0,
                end: caption_chars,
            },
            Segment {
                role: Role::Body,
                agency: Agency::Reuters,
                start: caption_chars + 2,
                end: caption_chars + 2 + body.chars().count(),
            },
        ];
        page
    }

    /// The published sentences and who each is credited to.
    fn attributed(map: &ProvenanceMap, published: &Document) -> Vec<(String, String)> {
        map.sentences
            .iter()
            .map(|sentence| {
                let text = char_slice(&published.text, &sentence.chars).unwrap();
                let source = sentence
                    .origin
                    .as_ref()
                    .map_or(UNSOURCED.to_owned(), |origin| origin.source.clone());
                (text.to_owned(), source)
            })
            .collect()
    }

    #[test]
    fn a_composite_article_is_attributed_sentence_by_sentence() {
        let page = scraped_page();
        let published = document(
            "Published",
            Source::PublishedCopy,
            // Two Reuters sentences lightly edited, the AFP caption rewritten as a
            // sentence of the story, and two sentences of the desk's own.
            "Tens of thousands of people have fled to the Turkish border in recent days \
             as the Syrian army pushed further into the opposition’s last stronghold, \
             residents said.\n\
             Rescuers said about 60,000 people had fled in the last four days alone.\n\
             Civil Defense workers carried away the body of a victim after a reported air \
             strike on a makeshift clinic near Tallmannis in northern Idlib province.\n\
             Our correspondent could not reach the town.\n\
             The United Nations has called for a ceasefire.",
        );
        let map = provenance(&published, &[&page]);
        let sources: Vec<String> = attributed(&map, &published)
            .into_iter()
            .map(|(_, source)| source)
            .collect();
        assert_eq!(sources, ["Reuters", "Reuters", "AFP", UNSOURCED, UNSOURCED]);
        let words: Vec<usize> = map.sentences.iter().map(|s| s.words).collect();
        assert_eq!(words, [27, 13, 25, 7, 8]);
        // Reuters 40 of 80 words, AFP 25, unsourced 15: 50%, 31.25% and 18.75%.
        assert_eq!(map.summary_line(), "50% Reuters · 31% AFP · 19% unsourced");
        let summary = map.summary();
        assert_eq!(summary[0].0, "Reuters");
        assert!((summary[0].1 - 0.5).abs() < 1e-9);
        let caption = map.sentences[2].origin.as_ref().unwrap();
        assert_eq!(caption.document, page.id);
        assert_eq!(
            char_slice(&page.text, &caption.chars).unwrap(),
            "Members of the Syrian Civil Defense carry away the body of a victim following \
             a reported air strike on a makeshift clinic in the area of Tallmannis in \
             Syria’s northern Idlib province yesterday."
        );
        let unsourced: Vec<&str> = map
            .unsourced()
            .map(|chars| char_slice(&published.text, &chars).unwrap())
            .collect();
        assert_eq!(
            unsourced,
            [
                "Our correspondent could not reach the town.",
                "The United Nations has called for a ceasefire."
            ]
        );
    }

    #[test]
    fn a_bracketed_credit_is_no_sentence_of_copy() {
        let published = document(
            "Edit",
            Source::DeskEdit,
            "Photo: Members of the Syrian Civil Defense carry away the body of a victim \
             following a reported air strike. (AFP)\n(Reuters)",
        );
        let map = provenance(&published, &[&scraped_page()]);
        assert_eq!(map.sentences.len(), 1);
        assert_eq!(map.summary_line(), "100% AFP");
        assert!(is_bare_credit("(AFP)") && is_bare_credit(" Reuters. "));
        assert!(!is_bare_credit("(SCD)") && !is_bare_credit("AFP said so."));
    }

    #[test]
    fn an_empty_text_has_nothing_to_attribute() {
        let published = document("Empty", Source::DeskEdit, " \n\n ");
        let map = provenance(&published, &[&scraped_page()]);
        assert!(map.sentences.is_empty());
        assert!(map.summary().is_empty());
        assert_eq!(map.summary_line(), "no text to attribute");
        assert_eq!(map.unsourced().count(), 0);
    }

    #[test]
    fn sources_that_share_nothing_leave_everything_unsourced() {
        let published = document(
            "Weather",
            Source::DeskEdit,
            "Heavy rain is forecast for the weekend. Farmers welcomed it.",
        );
        let map = provenance(&published, &[&scraped_page()]);
        assert_eq!(map.sentences.len(), 2);
        assert!(map.sentences.iter().all(|s| s.origin.is_none()));
        assert_eq!(map.summary_line(), "100% unsourced");
        assert_eq!(map.unsourced().count(), 2);
        assert_eq!(provenance(&published, &[]).summary_line(), "100% unsourced");
    }

    #[test]
    fn ties_go_to_the_source_listed_first_and_the_text_itself_is_no_source() {
        let reuters = document("Reuters wire", Source::Reuters, "Jets struck the hospital.");
        let afp = document("AFP wire", Source::Afp, "Jets struck the hospital.");
        let published = document("Edit", Source::DeskEdit, "Jets struck the hospital.");
        let credited = |sources: &[&Document]| {
            provenance(&published, sources).sentences[0]
                .origin
                .as_ref()
                .map(|origin| origin.source.clone())
        };
        assert_eq!(credited(&[&afp, &reuters]).as_deref(), Some("AFP"));
        assert_eq!(credited(&[&reuters, &afp]).as_deref(), Some("Reuters"));
        assert_eq!(credited(&[&published]), None);
    }

    #[test]
    fn a_sentence_joining_two_source_sentences_spans_both() {
        let wire = document(
            "Wire",
            Source::Reuters,
            "Government forces seized a highway near Khan Sheikhoun. Rebels concede most \
             fighters fled the town.",
        );
        let published = document(
            "Edit",
            Source::DeskEdit,
            "Government forces seized a highway near Khan Sheikhoun, and rebels concede \
             most fighters fled.",
        );
        let map = provenance(&published, &[&wire]);
        let origin = map.sentences[0].origin.as_ref().unwrap();
        assert_eq!(origin.chars, 0..wire.text.chars().count());
        assert_eq!(map.summary_line(), "100% Reuters");
    }

    #[test]
    fn percentages_always_add_up_to_100() {
        assert_eq!(whole_percentages(&[1.0 / 3.0; 3]), [34, 33, 33]);
        assert_eq!(whole_percentages(&[0.666, 0.004, 0.33]), [67, 0, 33]);
        assert_eq!(whole_percentages(&[1.0]), [100]);
        assert_eq!(whole_percentages(&[0.125, 0.125, 0.75]), [13, 12, 75]);
    }
}
