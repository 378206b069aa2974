//! Passage events: runs of sentences one version has and the other lacks, the story's
//! end (trimmed from the bottom, or cut off), and passages moved into or out of the
//! story's top.
//!
//! A passage is one event however many facts it holds: "¶6–9 dropped" with its
//! figures, quotes and attributions as details. The missing end of a story is not a
//! passage dropped: a wire trimmed from the bottom is a cut, and a copy that stops
//! mid-sentence was cut off (the import flags it), which is no edit of the
//! publication's at all.

use crate::core::align::RowKind;
use crate::core::article::Document;
use crate::core::claims::sentences::sentence_texts;
use crate::core::similarity::Profile;

use super::{Event, EventClass, Fact, Reading, names, shorten, units_stretch};
use crate::core::changes::{ChangeClass, ChangeText, classify};

/// Characters of a passage quoted in a summary line.
const QUOTED_CHARS: usize = 80;
/// How many paragraphs at the top of the story carry its emphasis.
const TOP_PARAGRAPHS: usize = 2;
/// Share of an added sentence's content words another version must hold in one of
/// its sentences to account for it.
const ACCOUNTED_FOR: f32 = 0.7;

/// Adds the passage, end and emphasis events.
pub(super) fn passage_events(reading: &Reading<'_>, others: &[&Document], events: &mut Vec<Event>) {
    let alignment = reading.alignment;
    let old_body: Vec<usize> = (0..alignment.old_units().len())
        .filter(|&unit| reading.old_paragraphs[unit].is_some())
        .collect();
    let kept = |unit: usize| alignment.counterpart_in_new(unit).is_some();
    let last_kept = old_body.iter().rposition(|&unit| kept(unit));
    let tail_start = last_kept.map_or(0, |position| position + 1);
    let tail = &old_body[tail_start..];
    end_event(reading, tail, events);
    for run in runs(&old_body[..tail_start], |unit| !kept(unit)) {
        let event = dropped_event(reading, &run);
        events.push(match within_a_quote(reading, &run, true) {
            Some(words) => as_quote_cut(event, &words),
            None => event,
        });
    }
    let new_body: Vec<usize> = (0..alignment.new_units().len())
        .filter(|&unit| {
            reading.new_paragraphs[unit].is_some() && reading.cut_sentence != Some(unit)
        })
        .collect();
    let inserted = |unit: usize| alignment.counterpart_in_old(unit).is_none();
    for run in runs(&new_body, inserted) {
        let event = added_event(reading, &run, others);
        events.push(match within_a_quote(reading, &run, false) {
            Some(words) => as_quote_cut(event, &words),
            None => event,
        });
    }
    emphasis_events(reading, events);
}

/// The runs of consecutive units (in `units`' order) that `selected` picks.
fn runs(units: &[usize], selected: impl Fn(usize) -> bool) -> Vec<Vec<usize>> {
    let mut runs: Vec<Vec<usize>> = Vec::new();
    let mut open = false;
    for &unit in units {
        if selected(unit) {
            match runs.last_mut() {
                Some(run) if open => run.push(unit),
                _ => runs.push(vec![unit]),
            }
            open = true;
        } else {
            open = false;
        }
    }
    runs
}

/// "¶6–9" or "¶6": the body paragraphs a run of sentences spans, counted from 1.
fn paragraph_span(paragraphs: &[Option<usize>], run: &[usize]) -> String {
    let numbers: Vec<usize> = run
        .iter()
        .filter_map(|&unit| paragraphs[unit])
        .map(|paragraph| paragraph + 1)
        .collect();
    match (numbers.first(), numbers.last()) {
        (Some(first), Some(last)) if first != last => format!("¶{first}–{last}"),
        (Some(first), _) => format!("¶{first}"),
        _ => String::new(),
    }
}

/// "1 sentence", "4 sentences".
fn sentences(count: usize) -> String {
    if count == 1 {
        "1 sentence".to_owned()
    } else {
        format!("{count} sentences")
    }
}

/// The stretch a run of old (`old` true) or new sentences spans.
fn span_of(reading: &Reading<'_>, run: &[usize], old: bool) -> Option<ChangeText> {
    let (units, document) = if old {
        (reading.alignment.old_units(), reading.old)
    } else {
        (reading.alignment.new_units(), reading.new)
    };
    units_stretch(
        document,
        units.get(*run.first()?)?,
        units.get(*run.last()?)?,
    )
}

/// The facts a run of dropped (`old` true) or added sentences carries.
fn run_facts(reading: &Reading<'_>, run: &[usize], old: bool) -> Vec<Fact> {
    let mut facts = Vec::new();
    for &unit in run {
        let (words, findings) = if old {
            let words = reading.old_words(unit);
            (words, classify(words, ""))
        } else {
            let words = reading.new_words(unit);
            (words, classify("", words))
        };
        for finding in findings {
            let (old_words, new_words) = if old { (words, "") } else { ("", words) };
            if finding.class == ChangeClass::Name
                && !names::has_evidence(&finding, old_words, new_words, reading)
            {
                continue;
            }
            let (old_unit, new_unit) = if old {
                (Some(unit), None)
            } else {
                (None, Some(unit))
            };
            facts.push(reading.fact(&finding, old_unit, new_unit));
        }
    }
    facts
}

/// Whether a run of dropped (`old` true) or added sentences lies inside a quote that
/// the other version keeps part of: the sentence a desk cut from "“A. B,” said X". Gives
/// the run's words.
fn within_a_quote(reading: &Reading<'_>, run: &[usize], old: bool) -> Option<String> {
    let (units, document) = if old {
        (reading.alignment.old_units(), reading.old)
    } else {
        (reading.alignment.new_units(), reading.new)
    };
    let first = units.get(*run.first()?)?;
    let last = units.get(*run.last()?)?;
    if first.paragraph != last.paragraph {
        return None;
    }
    // The paragraph keeps another sentence of its, which the other version has: look
    // around the run, within the paragraph.
    let (run_start, run_end) = (*run.first()?, *run.last()?);
    let same_paragraph = |unit: &usize| units[*unit].paragraph == first.paragraph;
    let kept = |unit: usize| {
        if old {
            reading.alignment.counterpart_in_new(unit).is_some()
        } else {
            reading.alignment.counterpart_in_old(unit).is_some()
        }
    };
    let kept_elsewhere = (0..run_start).rev().take_while(same_paragraph).any(kept)
        || (run_end + 1..units.len())
            .take_while(same_paragraph)
            .any(kept);
    if !kept_elsewhere {
        return None;
    }
    let paragraph_start = (0..run_start)
        .rev()
        .take_while(same_paragraph)
        .last()
        .map_or(first.bytes.start, |unit| units[unit].bytes.start);
    let before = document.text.get(paragraph_start..first.bytes.start)?;
    let words = document.text.get(first.bytes.start..last.bytes.end)?;
    (quote_open(before) || quote_open(words)).then(|| words.to_owned())
}

/// Whether a quotation is open at the end of `text`: more opening marks than closing
/// ones, or an odd number of straight ones.
fn quote_open(text: &str) -> bool {
    let count = |marks: &[char]| text.chars().filter(|c| marks.contains(c)).count();
    count(&['“']) > count(&['”']) || count(&['"']) % 2 == 1
}

/// A passage event about a sentence cut from (or added to) a quote, as the quote
/// change it is.
fn as_quote_cut(event: Event, words: &str) -> Event {
    let how = if event.class == EventClass::PassageDropped {
        "cut from"
    } else {
        "added to"
    };
    Event {
        class: EventClass::Quote,
        summary: format!("Quote: “{}” {how} the quote", shorten(words, QUOTED_CHARS)),
        ..event
    }
}

/// The event of a passage dropped from the middle of the story.
fn dropped_event(reading: &Reading<'_>, run: &[usize]) -> Event {
    let old = span_of(reading, run, true);
    let chars = old.as_ref().map(|text| text.chars.clone());
    let summary = format!(
        "Passage dropped: {} ({}): “{}”",
        paragraph_span(&reading.old_paragraphs, run),
        sentences(run.len()),
        shorten(
            old.as_ref().map_or("", |text| text.text.as_str()),
            QUOTED_CHARS
        )
    );
    Event {
        class: EventClass::PassageDropped,
        summary,
        old,
        new: None,
        facts: run_facts(reading, run, true),
        count: 1,
        old_sentence: chars,
        new_sentence: None,
    }
}

/// The event of a passage added, saying which other version has it, if one does.
fn added_event(reading: &Reading<'_>, run: &[usize], others: &[&Document]) -> Event {
    let new = span_of(reading, run, false);
    let chars = new.as_ref().map(|text| text.chars.clone());
    let words: Vec<&str> = run.iter().map(|&unit| reading.new_words(unit)).collect();
    let source = match accounted_for(&words, others) {
        Some(other) => format!("; as in “{}”", other.label),
        None => "; in no other version".to_owned(),
    };
    let summary = format!(
        "Passage added: {} ({}{source}): “{}”",
        paragraph_span(&reading.new_paragraphs, run),
        sentences(run.len()),
        shorten(
            new.as_ref().map_or("", |text| text.text.as_str()),
            QUOTED_CHARS
        )
    );
    Event {
        class: EventClass::PassageAdded,
        summary,
        old: None,
        new,
        facts: run_facts(reading, run, false),
        count: 1,
        old_sentence: None,
        new_sentence: chars,
    }
}

/// The other version that has most of an added passage's sentences, if one does.
fn accounted_for<'d>(sentences: &[&str], others: &[&'d Document]) -> Option<&'d Document> {
    let profiles: Vec<Profile> = sentences
        .iter()
        .map(|sentence| Profile::of(sentence))
        .filter(|profile| !profile.is_empty())
        .collect();
    if profiles.is_empty() {
        return None;
    }
    others
        .iter()
        .map(|other| {
            let theirs: Vec<Profile> = sentence_texts(&other.text)
                .map(|sentence| Profile::of(sentence.text))
                .collect();
            let found = profiles
                .iter()
                .filter(|mine| {
                    theirs
                        .iter()
                        .any(|their| their.shared(mine) as f32 >= ACCOUNTED_FOR * mine.len() as f32)
                })
                .count();
            (found, *other)
        })
        .filter(|(found, _)| 2 * found > profiles.len())
        .max_by_key(|(found, _)| *found)
        .map(|(_, other)| other)
}

/// The one event of the story's end: copy cut off (the import's flag), or paragraphs
/// trimmed from the bottom (`tail`, the old body sentences after the last one kept).
fn end_event(reading: &Reading<'_>, tail: &[usize], events: &mut Vec<Event>) {
    let old = span_of(reading, tail, true);
    let old_chars = old.as_ref().map(|text| text.chars.clone());
    if let Some(cut_off) = &reading.new.metadata.cut_off {
        let missing = if tail.is_empty() {
            String::new()
        } else {
            format!(
                "; {} of the old version ({}) missing",
                paragraph_span(&reading.old_paragraphs, tail),
                sentences(tail.len())
            )
        };
        let new = reading
            .cut_sentence
            .and_then(|unit| reading.alignment.new_units().get(unit))
            .and_then(|unit| units_stretch(reading.new, unit, unit));
        let new_chars = new.as_ref().map(|text| text.chars.clone());
        events.push(Event {
            class: EventClass::CutOff,
            summary: format!("Copy cut off: {}{missing}", cut_off.describe()),
            old,
            new,
            facts: Vec::new(),
            count: 1,
            old_sentence: old_chars,
            new_sentence: new_chars,
        });
        return;
    }
    if tail.is_empty() {
        return;
    }
    events.push(Event {
        class: EventClass::CutFromEnd,
        summary: format!(
            "Cut from the end: {} of the old version ({}), from “{}”",
            paragraph_span(&reading.old_paragraphs, tail),
            sentences(tail.len()),
            shorten(reading.old_words(tail[0]), QUOTED_CHARS)
        ),
        old,
        new: None,
        facts: run_facts(reading, tail, true),
        count: 1,
        old_sentence: old_chars,
        new_sentence: None,
    });
}

/// Adds an event for every passage moved into or out of the story's first two
/// paragraphs, where the emphasis is: a later paragraph moved up into them, or the old
/// lede pushed down out of them (moved, or buried under new paragraphs). One event
/// per paragraph.
fn emphasis_events(reading: &Reading<'_>, events: &mut Vec<Event>) {
    let alignment = reading.alignment;
    let first_old_body = reading.old_paragraphs.iter().position(Option::is_some);
    let mut seen: Vec<(usize, usize)> = Vec::new();
    for row in alignment.rows() {
        let (Some(old), Some(new)) = (row.old, row.new) else {
            continue;
        };
        let (Some(old_paragraph), Some(new_paragraph)) =
            (reading.old_paragraphs[old], reading.new_paragraphs[new])
        else {
            continue;
        };
        let into_top = row.kind == RowKind::Moved
            && old_paragraph >= TOP_PARAGRAPHS
            && new_paragraph < TOP_PARAGRAPHS;
        // The lede proper: the story's first sentence, not one the desk split off it.
        let lede_buried = Some(old) == first_old_body && new_paragraph >= TOP_PARAGRAPHS;
        if !(into_top || lede_buried) || seen.contains(&(old_paragraph, new_paragraph)) {
            continue;
        }
        seen.push((old_paragraph, new_paragraph));
        let old_unit = &alignment.old_units()[old];
        let new_unit = &alignment.new_units()[new];
        let words = shorten(reading.new_words(new), QUOTED_CHARS);
        let summary = if into_top {
            format!(
                "Moved into the top: ¶{} of the old version is now ¶{}: “{words}”",
                old_paragraph + 1,
                new_paragraph + 1,
            )
        } else {
            format!(
                "Moved out of the top: the old lede is now ¶{}: “{words}”",
                new_paragraph + 1,
            )
        };
        events.push(Event {
            class: EventClass::Emphasis,
            summary,
            old: units_stretch(reading.old, old_unit, old_unit),
            new: units_stretch(reading.new, new_unit, new_unit),
            facts: Vec::new(),
            count: 1,
            old_sentence: Some(old_unit.chars.clone()),
            new_sentence: Some(new_unit.chars.clone()),
        });
    }
}
