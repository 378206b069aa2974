//! Assembling an article's text from its parts, and recognising the story's opening
//! dateline and closing credit, whatever format the parts came from.

use crate::core::agency::Agency;
use crate::core::anchor::char_slice;
use crate::core::article::{Role, Segment, SetAside, segment_words};

use super::credit::{dateline, named_agency, own_reporter, reported_by, trailing_credit};

/// An article's text with its segments and what was set aside, as an importer made it.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Layout {
    /// The text, paragraphs separated by blank lines.
    pub text: String,
    /// The typed parts of the text, in order.
    pub segments: Vec<Segment>,
    /// What was taken out, in order of position.
    pub set_aside: Vec<SetAside>,
}

/// Builds a [`Layout`] one paragraph at a time.
#[derive(Debug, Default)]
pub struct LayoutBuilder {
    /// What is built so far.
    layout: Layout,
    /// Length of `layout.text` in code points.
    chars: usize,
}

/// What goes between two paragraphs of assembled text.
const PARAGRAPH_BREAK: &str = "\n\n";

impl LayoutBuilder {
    /// Appends a paragraph, after a blank line unless it is the first. Blank paragraphs
    /// are skipped.
    pub fn paragraph(&mut self, role: Role, agency: Agency, text: &str) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        let separator = if self.layout.text.is_empty() {
            ""
        } else {
            PARAGRAPH_BREAK
        };
        self.append(separator, role, agency, text);
    }

    /// Appends a paragraph after `separator`, exactly as given.
    pub fn append(&mut self, separator: &str, role: Role, agency: Agency, text: &str) {
        self.push_text(separator);
        let start = self.chars;
        self.push_text(text);
        self.layout.segments.push(Segment {
            role,
            agency,
            start,
            end: self.chars,
        });
    }

    /// Appends text that belongs to no segment (a final line break).
    pub fn append_text(&mut self, text: &str) {
        self.push_text(text);
    }

    /// Records a paragraph taken out at the current position, with the blank line that
    /// would separate it from its neighbours if it were put back.
    pub fn set_aside(&mut self, text: &str, reason: &str) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        let text = if self.layout.text.is_empty() {
            format!("{text}{PARAGRAPH_BREAK}")
        } else {
            format!("{PARAGRAPH_BREAK}{text}")
        };
        self.set_aside_exactly(text, reason);
    }

    /// Records text taken out at the current position, exactly as it was.
    pub fn set_aside_exactly(&mut self, text: String, reason: &str) {
        self.layout.set_aside.push(SetAside {
            text,
            at: self.chars,
            reason: reason.to_owned(),
        });
    }

    /// Appends another layout's segments (without its headline, when `skip_headline`)
    /// and its set-aside text. Segments that shared a paragraph there (a dateline and
    /// its body, a body and its closing credit) share one here, with the same text
    /// between them.
    pub fn extend(&mut self, other: &Layout, skip_headline: bool) {
        let mut set_aside = other.set_aside.iter().peekable();
        let mut previous_end = None;
        for segment in &other.segments {
            while let Some(entry) = set_aside.next_if(|entry| entry.at <= segment.start) {
                self.set_aside(&entry.text, &entry.reason);
                previous_end = None;
            }
            if skip_headline && segment.role == Role::Headline {
                previous_end = None;
                continue;
            }
            let Some(words) = words(&other.text, segment) else {
                continue;
            };
            let same_paragraph = previous_end
                .and_then(|end| char_slice(&other.text, &(end..segment.start)))
                .filter(|gap| !gap.contains(PARAGRAPH_BREAK));
            match same_paragraph {
                Some(gap) => self.append(gap, segment.role, segment.agency.clone(), words),
                None => self.paragraph(segment.role, segment.agency.clone(), words),
            }
            previous_end = Some(segment.end);
        }
        for entry in set_aside {
            self.set_aside(&entry.text, &entry.reason);
        }
    }

    /// Whether no paragraph of a role has been added yet.
    pub fn lacks(&self, role: Role) -> bool {
        self.layout.segments.iter().all(|s| s.role != role)
    }

    fn push_text(&mut self, text: &str) {
        self.layout.text.push_str(text);
        self.chars += text.chars().count();
    }

    /// The layout as built, for adding to another with [`Self::extend`].
    pub fn into_unfinished(self) -> Layout {
        self.layout
    }

    /// The layout, with the story's dateline and closing credit split out and every
    /// segment credited (see [`credit_story`]).
    pub fn finish(mut self, item_agency: &Agency) -> Layout {
        credit_story(&self.layout.text, &mut self.layout.segments, item_agency);
        self.layout
    }
}

/// Splits the dateline off the first body paragraph and the credit off the last, then
/// credits the story to the agency they name (or, failing that, to `item_agency`, the
/// agency the format names for the whole item) and every other uncredited segment to
/// `item_agency`.
pub fn credit_story(text: &str, segments: &mut Vec<Segment>, item_agency: &Agency) {
    let mut story_agency = None;
    if let Some(index) = segments.iter().position(|s| s.role == Role::Body)
        && let Some((dateline, body_start, agency)) = split_dateline(text, &segments[index])
    {
        story_agency = agency;
        if body_start >= segments[index].end {
            segments[index] = dateline;
        } else {
            segments[index].start = body_start;
            segments.insert(index, dateline);
        }
    }
    if let Some(index) = segments.iter().rposition(|s| s.role == Role::Body)
        && let Some(credit) = split_credit(text, &segments[index])
    {
        story_agency = story_agency.or_else(|| Some(credit.agency.clone()));
        if credit.start == segments[index].start {
            // A paragraph that is nothing but the credit ("- Reuters" on its own line).
            segments[index] = credit;
        } else {
            segments[index].end = credit.start;
            trim_end(text, &mut segments[index]);
            segments.insert(index + 1, credit);
        }
    }
    // Failing a dateline or a closing credit in the last paragraph: a credit line of its
    // own ("Source: Reuters", "Reuters contributed reporting."), then "… Reuters
    // reported" (one pass over the whole text; looking segment by segment would walk it
    // once per paragraph).
    // The words of every segment, found in one pass over the text.
    let texts = segment_words(text, segments);
    let story_agency = story_agency
        .or_else(|| {
            segments
                .iter()
                .zip(&texts)
                .filter(|(segment, _)| segment.role == Role::Credit)
                .find_map(|(segment, words)| {
                    Some(segment.agency.clone())
                        .filter(Agency::is_known)
                        .or_else(|| named_agency(words))
                })
        })
        .or_else(|| reported_by(text))
        .or_else(|| own_reporter(text))
        .unwrap_or_else(|| item_agency.clone());
    for (segment, words) in segments.iter_mut().zip(&texts) {
        if segment.agency.is_known() {
            continue;
        }
        segment.agency = match segment.role {
            Role::Body => own_reporter(words).unwrap_or_else(|| story_agency.clone()),
            Role::Dateline | Role::Credit => story_agency.clone(),
            _ => item_agency.clone(),
        };
    }
}

/// The words of a segment.
fn words<'t>(text: &'t str, segment: &Segment) -> Option<&'t str> {
    char_slice(text, &segment.char_range())
}

/// The dateline opening a body segment, as a segment of its own; where the rest of the
/// body starts after it; and the agency the dateline names.
fn split_dateline(text: &str, body: &Segment) -> Option<(Segment, usize, Option<Agency>)> {
    let paragraph = words(text, body)?;
    let (length, agency) = dateline(paragraph)?;
    let end = body.start + paragraph[..length].chars().count();
    let spaces = paragraph[length..]
        .chars()
        .take_while(|c| c.is_whitespace())
        .count();
    let segment = Segment {
        role: Role::Dateline,
        agency: agency.clone().unwrap_or_default(),
        start: body.start,
        end,
    };
    Some((segment, end + spaces, agency))
}

/// The credit closing a body segment, as a segment of its own.
fn split_credit(text: &str, body: &Segment) -> Option<Segment> {
    let paragraph = words(text, body)?;
    let (at, agency) = trailing_credit(paragraph)?;
    Some(Segment {
        role: Role::Credit,
        agency,
        start: body.start + paragraph[..at].chars().count(),
        end: body.end,
    })
}

/// Moves a segment's end back over trailing whitespace.
fn trim_end(text: &str, segment: &mut Segment) {
    if let Some(words) = words(text, segment) {
        let trailing = words
            .chars()
            .rev()
            .take_while(|c| c.is_whitespace())
            .count();
        segment.end -= trailing;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roles(layout: &Layout) -> Vec<(Role, String, String)> {
        layout
            .segments
            .iter()
            .map(|s| {
                let words = words(&layout.text, s).unwrap().to_owned();
                (s.role, words, s.agency.label().into_owned())
            })
            .collect()
    }

    #[test]
    fn the_story_dateline_and_credit_become_segments_and_credit_the_body() {
        let mut builder = LayoutBuilder::default();
        builder.paragraph(Role::Headline, Agency::Unknown, "Tens of thousands flee");
        builder.paragraph(Role::Body, Agency::Unknown, "AMMAN: Tens fled.");
        builder.paragraph(Role::Body, Agency::Unknown, "Rebels fought on.- Reuters");
        let layout = builder.finish(&Agency::Unknown);
        assert_eq!(
            roles(&layout),
            [
                (
                    Role::Headline,
                    "Tens of thousands flee".into(),
                    "unknown".into()
                ),
                (Role::Dateline, "AMMAN:".into(), "Reuters".into()),
                (Role::Body, "Tens fled.".into(), "Reuters".into()),
                (Role::Body, "Rebels fought on.".into(), "Reuters".into()),
                (Role::Credit, "- Reuters".into(), "Reuters".into()),
            ]
        );
    }

    #[test]
    fn a_credit_on_its_own_line_and_a_reported_by_credit_the_story() {
        let mut builder = LayoutBuilder::default();
        builder.paragraph(Role::Body, Agency::Unknown, "Rebels fought on.");
        builder.paragraph(Role::Body, Agency::Unknown, "— AFP");
        let layout = builder.finish(&Agency::Unknown);
        let roles: Vec<_> = roles(&layout)
            .into_iter()
            .map(|(role, _, agency)| (role, agency))
            .collect();
        assert_eq!(
            roles,
            [(Role::Body, "AFP".into()), (Role::Credit, "AFP".into())]
        );

        let mut builder = LayoutBuilder::default();
        builder.paragraph(
            Role::Body,
            Agency::Unknown,
            "Lavrov said troops were there, Interfax and Reuters reported.",
        );
        let layout = builder.finish(&Agency::Unknown);
        assert_eq!(layout.segments[0].agency, Agency::Reuters);
    }

    #[test]
    fn the_item_agency_credits_what_the_text_does_not() {
        let mut builder = LayoutBuilder::default();
        builder.paragraph(Role::Headline, Agency::Unknown, "Google kjøper tomt");
        builder.paragraph(
            Role::Body,
            Agency::Unknown,
            "IT-giganten Google har kjøpt en tomt.",
        );
        let ntb = Agency::Other("NTB".to_owned());
        let layout = builder.finish(&ntb);
        assert!(layout.segments.iter().all(|s| s.agency == ntb));
    }

    #[test]
    fn set_aside_text_is_placed_where_it_was() {
        let mut builder = LayoutBuilder::default();
        builder.set_aside("Home | World | Sport", "navigation");
        builder.paragraph(Role::Headline, Agency::Unknown, "Headline");
        builder.set_aside("Share this", "share buttons");
        builder.set_aside("  ", "nothing");
        builder.paragraph(Role::Body, Agency::Unknown, "Body.");
        let layout = builder.finish(&Agency::Unknown);
        let places: Vec<_> = layout
            .set_aside
            .iter()
            .map(|e| (e.at, e.reason.as_str()))
            .collect();
        assert_eq!(places, [(0, "navigation"), (8, "share buttons")]);
        let mut document = crate::core::article::Document::new(
            "Page",
            crate::core::article::Source::Other,
            crate::core::article::DocumentKind::HtmlPage,
            None,
            layout.text,
            jiff::Timestamp::UNIX_EPOCH,
        );
        document.set_aside = layout.set_aside;
        assert_eq!(
            document.received_text(),
            "Home | World | Sport\n\nHeadline\n\nShare this\n\nBody."
        );
    }
}
