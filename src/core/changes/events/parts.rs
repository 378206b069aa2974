//! Story-part events: the headline, standfirst, byline, captions, dateline and closing
//! credit compared as parts, not sentence by sentence. A republisher that swaps the
//! Reuters photo for an AFP one replaced a caption: one event, with the names it held
//! as its facts, not a "name dropped" for each of them.

use std::ops::Range;

use crate::core::agency::Agency;
use crate::core::article::{Document, Role, Segment};
use crate::core::similarity::{Profile, fold_typography};

use super::{Event, EventClass, Fact, Reading, shorten, stretch};
use crate::core::changes::{ChangeClass, classify};

/// Characters of a part quoted in a summary line.
const QUOTED_CHARS: usize = 70;
/// How alike (content-word Dice) two versions of a part must be to be the same part
/// reworded rather than another one.
const SAME_PART: f32 = 0.5;
/// How alike two versions of a part must be for a rewording to be house style.
const RESTYLED: f32 = 0.8;

/// One part of a version: its words, where they are, and the agency they credit.
struct Part {
    text: String,
    chars: Range<usize>,
    bytes: Range<usize>,
    agency: Agency,
}

/// Adds an event for every story part that was added, dropped or changed; the house
/// style of parts that only changed in style goes to `minor`.
pub(super) fn part_events(
    reading: &Reading<'_>,
    events: &mut Vec<Event>,
    minor: &mut Vec<(String, String)>,
) {
    for (role, class) in [
        (Role::Headline, EventClass::Headline),
        (Role::Standfirst, EventClass::Standfirst),
        (Role::Byline, EventClass::Byline),
        (Role::Dateline, EventClass::Dateline),
    ] {
        let old = parts(reading.old, role).into_iter().next();
        let new = parts(reading.new, role).into_iter().next();
        compare(reading, class, old.as_ref(), new.as_ref(), events, minor);
    }
    caption_events(reading, events, minor);
    credit_events(reading, events, minor);
}

/// The parts of a role in a document: runs of its segments with nothing but spaces
/// between them ("AFP" on the line under its caption is that caption's credit).
fn parts(document: &Document, role: Role) -> Vec<Part> {
    let mut parts: Vec<Part> = Vec::new();
    let words = document.segment_words();
    let mut previous: Option<(&Segment, &str)> = None;
    for (segment, &text) in document.segments.iter().zip(&words) {
        if segment.role != role {
            previous = Some((segment, text));
            continue;
        }
        // Joined to the part before when only spaces stand between them.
        let joins = previous.is_some_and(|(previous, previous_text)| {
            let gap = offset_in(&document.text, previous_text) + previous_text.len()
                ..offset_in(&document.text, text);
            previous.role == role
                && document
                    .text
                    .get(gap)
                    .is_some_and(|gap| gap.trim().is_empty())
        });
        match parts.last_mut() {
            Some(part) if joins => {
                part.text.push(' ');
                part.text.push_str(text);
                part.chars.end = segment.end;
                part.bytes.end = offset_in(&document.text, text) + text.len();
                if !part.agency.is_known() {
                    part.agency = segment.agency.clone();
                }
            }
            _ => parts.push(Part {
                text: text.to_owned(),
                chars: segment.char_range(),
                bytes: offset_in(&document.text, text)
                    ..offset_in(&document.text, text) + text.len(),
                agency: segment.agency.clone(),
            }),
        }
        previous = Some((segment, text));
    }
    parts
}

/// Where `part`, a slice of `whole`, starts in it, in bytes.
fn offset_in(whole: &str, part: &str) -> usize {
    (part.as_ptr() as usize).saturating_sub(whole.as_ptr() as usize)
}

/// Adds the event (or the house style) of one part that may have changed.
fn compare(
    reading: &Reading<'_>,
    class: EventClass,
    old: Option<&Part>,
    new: Option<&Part>,
    events: &mut Vec<Event>,
    minor: &mut Vec<(String, String)>,
) {
    let summary = match (old, new) {
        (None, None) => return,
        (Some(old), Some(new)) if same_words(&old.text, &new.text) => {
            if old.text != new.text {
                minor.push((old.text.clone(), new.text.clone()));
            }
            return;
        }
        (Some(old), Some(new)) => {
            // Headlines are compared in lower case: title case is a house style.
            let (old_text, new_text) = (old.text.to_lowercase(), new.text.to_lowercase());
            let findings = classify(&old_text, &new_text);
            let restyled = similarity(&old.text, &new.text) >= RESTYLED;
            // A caption or credit that says the same under another credit style
            // ("REUTERS/Name" or "Copyright Name (Reuters)") is house style too.
            let credit_styled = matches!(class, EventClass::Caption | EventClass::Credit)
                && old.agency == new.agency;
            let matters = findings.iter().any(|finding| !finding.class.is_minor());
            if restyled && (!matters || credit_styled) {
                minor.extend(
                    findings
                        .iter()
                        .map(|finding| super::style::edit_of(finding, &old_text, &new_text)),
                );
                return;
            }
            format!(
                "{} {}: “{}” → “{}”",
                class.label(),
                changed_verb(class),
                shorten(&old.text, QUOTED_CHARS),
                shorten(&new.text, QUOTED_CHARS)
            )
        }
        (Some(old), None) => format!(
            "{} dropped: “{}”",
            class.label(),
            shorten(&old.text, QUOTED_CHARS)
        ),
        (None, Some(new)) => format!(
            "{} added: “{}”",
            class.label(),
            shorten(&new.text, QUOTED_CHARS)
        ),
    };
    events.push(part_event(reading, class, summary, old, new));
}

/// What a change of a part is called: a headline is rewritten, a dateline changed.
fn changed_verb(class: EventClass) -> &'static str {
    match class {
        EventClass::Headline | EventClass::Standfirst => "rewritten",
        _ => "changed",
    }
}

/// An event about a part, with the facts its old and new words hold.
fn part_event(
    reading: &Reading<'_>,
    class: EventClass,
    summary: String,
    old: Option<&Part>,
    new: Option<&Part>,
) -> Event {
    let old_words = old.map_or("", |part| part.text.as_str());
    let new_words = new.map_or("", |part| part.text.as_str());
    let facts = classify(old_words, new_words)
        .into_iter()
        .filter(|finding| !finding.class.is_minor() && finding.class != ChangeClass::Name)
        .map(|finding| {
            let text = finding
                .new
                .clone()
                .and_then(|range| new_words.get(range))
                .or_else(|| finding.old.clone().and_then(|range| old_words.get(range)))
                .unwrap_or_default()
                .to_owned();
            Fact {
                class: finding.class,
                text,
                old: None,
                new: None,
            }
        })
        .collect();
    Event {
        class,
        summary,
        old: old.and_then(|part| stretch(reading.old, part.bytes.clone(), part.chars.clone())),
        new: new.and_then(|part| stretch(reading.new, part.bytes.clone(), part.chars.clone())),
        facts,
        count: 1,
        old_sentence: old.map(|part| part.chars.clone()),
        new_sentence: new.map(|part| part.chars.clone()),
    }
}

/// Adds an event for every caption replaced, dropped, added, reworded or credited to
/// another agency. Captions are matched by their words, so a caption the desk moved is
/// the same caption.
fn caption_events(
    reading: &Reading<'_>,
    events: &mut Vec<Event>,
    minor: &mut Vec<(String, String)>,
) {
    let old = parts(reading.old, Role::Caption);
    let new = parts(reading.new, Role::Caption);
    let mut new_matched = vec![false; new.len()];
    let mut old_unmatched = Vec::new();
    for old_caption in &old {
        let best = new
            .iter()
            .enumerate()
            .filter(|(index, _)| !new_matched[*index])
            .map(|(index, caption)| (index, similarity(&old_caption.text, &caption.text)))
            .filter(|(_, alike)| *alike >= SAME_PART)
            .max_by(|a, b| a.1.total_cmp(&b.1));
        match best {
            Some((index, _)) => {
                new_matched[index] = true;
                let new_caption = &new[index];
                if old_caption.agency != new_caption.agency && new_caption.agency.is_known() {
                    let summary = format!(
                        "Caption credit changed: {} → {}",
                        agency_name(&old_caption.agency),
                        agency_name(&new_caption.agency)
                    );
                    events.push(part_event(
                        reading,
                        EventClass::Caption,
                        summary,
                        Some(old_caption),
                        Some(new_caption),
                    ));
                } else {
                    compare(
                        reading,
                        EventClass::Caption,
                        Some(old_caption),
                        Some(new_caption),
                        events,
                        minor,
                    );
                }
            }
            None => old_unmatched.push(old_caption),
        }
    }
    let mut new_unmatched = new
        .iter()
        .zip(&new_matched)
        .filter(|(_, matched)| !**matched)
        .map(|(caption, _)| caption);
    for old_caption in old_unmatched {
        let event = match new_unmatched.next() {
            Some(new_caption) => part_event(
                reading,
                EventClass::Caption,
                format!(
                    "Caption replaced{}: “{}”",
                    credits_replaced(&old_caption.agency, &new_caption.agency),
                    shorten(&new_caption.text, QUOTED_CHARS)
                ),
                Some(old_caption),
                Some(new_caption),
            ),
            None => caption_in_one(reading, "dropped", Some(old_caption), None),
        };
        events.push(event);
    }
    for new_caption in new_unmatched {
        events.push(caption_in_one(reading, "added", None, Some(new_caption)));
    }
}

/// Adds an event when the closing credit changed, was dropped or added. A copy cut
/// off lost its credit with its end: the cut is the event.
fn credit_events(
    reading: &Reading<'_>,
    events: &mut Vec<Event>,
    minor: &mut Vec<(String, String)>,
) {
    let joined = |document: &Document| {
        let parts = parts(document, Role::Credit);
        let first = parts.first()?;
        let last = parts.last()?;
        Some(Part {
            text: parts
                .iter()
                .map(|part| part.text.trim())
                .collect::<Vec<_>>()
                .join(" "),
            chars: first.chars.start..last.chars.end,
            bytes: first.bytes.start..last.bytes.end,
            agency: first.agency.clone(),
        })
    };
    let old = joined(reading.old);
    let new = joined(reading.new);
    if old.is_some() && new.is_none() && reading.new.metadata.cut_off.is_some() {
        return;
    }
    compare(
        reading,
        EventClass::Credit,
        old.as_ref(),
        new.as_ref(),
        events,
        minor,
    );
}

/// The event for a caption only one version has (`old` or `new`): "Caption dropped
/// (AFP): “…”".
fn caption_in_one(
    reading: &Reading<'_>,
    what: &str,
    old: Option<&Part>,
    new: Option<&Part>,
) -> Event {
    let caption = old.or(new);
    let summary = caption.map_or_else(String::new, |caption| {
        format!(
            "Caption {what} ({}): “{}”",
            agency_name(&caption.agency),
            shorten(&caption.text, QUOTED_CHARS)
        )
    });
    part_event(reading, EventClass::Caption, summary, old, new)
}

/// How a replaced caption's credit reads: " (AFP)" for another photo from the same
/// agency (the credit is no news), " (Reuters photo → AFP photo)" otherwise.
fn credits_replaced(old: &Agency, new: &Agency) -> String {
    if old == new {
        format!(" ({})", agency_name(new))
    } else {
        format!(" ({} photo → {} photo)", agency_name(old), agency_name(new))
    }
}

/// An agency as a caption summary names it: "AFP", or "uncredited".
fn agency_name(agency: &Agency) -> String {
    if agency.is_known() {
        agency.label().into_owned()
    } else {
        "uncredited".to_owned()
    }
}

/// A part's words compared across versions: typography folded, case and spacing
/// ignored, dashes and brackets around a credit too.
fn comparable(text: &str) -> String {
    text.chars()
        .map(fold_typography)
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether two versions of a part say the same words, in any style.
fn same_words(old: &str, new: &str) -> bool {
    comparable(old) == comparable(new)
}

/// How alike two texts are by their content words (Dice), 0 to 1.
pub(super) fn similarity(old: &str, new: &str) -> f32 {
    Profile::of(old).similarity(&Profile::of(new))
}
