//! Story text laid out for a pane: the diff's marks, the claims' highlights and the
//! markers of hidden characters merged into one [`LayoutJob`].

use std::ops::Range;

use egui::Visuals;
use egui::text::{LayoutJob, LayoutSection, TextWrapping};

use crate::core::claims::Status;
use crate::core::diff::{Span, SpanKind};
use crate::core::hidden_chars::HiddenChar;

use super::theme;

/// A claim's words in the pane's text.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ClaimMark {
    /// Code points of the claim's words.
    pub chars: Range<usize>,
    /// The claim's status, which picks the highlight colour.
    pub status: Status,
    /// Whether this is the claim selected in the claims list.
    pub selected: bool,
}

/// A match of the find bar in the pane's text.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FoundMark {
    /// Code points of the match.
    pub chars: Range<usize>,
    /// Whether this is the match the find bar last moved to.
    pub current: bool,
}

/// Everything a pane marks in its text.
#[derive(Clone, Copy, Debug, Default)]
pub struct PaneMarks<'a> {
    /// The diff's spans, sorted and covering the text.
    pub spans: &'a [Span],
    /// The claims on the text.
    pub claims: &'a [ClaimMark],
    /// The hidden characters in the text, in order.
    pub hidden: &'a [HiddenChar],
    /// The find bar's matches in the text.
    pub found: &'a [FoundMark],
}

/// Lays out `text` with each stretch marked by the diff span, the claims and the find
/// matches that cover it. Where claims overlap, the selected one wins; claims and
/// matches outside the text are left out.
///
/// Each of the hidden characters (bidi controls, zero-width and control characters)
/// is drawn as a visible marker instead, one character for one, so the laid-out text
/// has the same character positions as `text` and selections still map onto it.
pub fn layout_job(
    text: &str,
    marks: &PaneMarks<'_>,
    style: &StoryStyle<'_>,
    wrap_width: f32,
) -> LayoutJob {
    let PaneMarks {
        spans,
        claims,
        hidden,
        found,
    } = *marks;
    let visuals = style.visuals;
    let mut to_bytes = ByteRanges::new(
        text,
        claims
            .iter()
            .map(|claim| &claim.chars)
            .chain(found.iter().map(|mark| &mark.chars)),
    );
    let claims: Vec<(Range<usize>, &ClaimMark)> = claims
        .iter()
        .filter_map(|claim| Some((to_bytes.of(&claim.chars)?, claim)))
        .collect();
    let found: Vec<(Range<usize>, &FoundMark)> = found
        .iter()
        .filter_map(|mark| Some((to_bytes.of(&mark.chars)?, mark)))
        .collect();
    let mut cuts: Vec<usize> = [0, text.len()]
        .into_iter()
        .chain(spans.iter().flat_map(|s| [s.bytes.start, s.bytes.end]))
        .chain(
            claims
                .iter()
                .flat_map(|(bytes, _)| [bytes.start, bytes.end]),
        )
        .chain(found.iter().flat_map(|(bytes, _)| [bytes.start, bytes.end]))
        .chain(hidden.iter().flat_map(|h| [h.bytes.start, h.bytes.end]))
        .filter(|&cut| cut <= text.len())
        .collect();
    cuts.sort_unstable();
    cuts.dedup();

    let base = theme::story_format(visuals, style.monospace);
    let mut sections = Vec::with_capacity(cuts.len());
    let mut shown = String::with_capacity(text.len());
    for stretch in cuts.windows(2) {
        let (start, end) = (stretch[0], stretch[1]);
        let span_index = spans.partition_point(|s| s.bytes.end <= start);
        let kind = spans
            .get(span_index)
            .map_or(SpanKind::Equal, |span| span.kind);
        let claim = claims
            .iter()
            .filter(|(bytes, _)| bytes.contains(&start))
            .map(|(_, claim)| claim)
            .max_by_key(|claim| claim.selected);
        let mut format = base.clone();
        theme::mark_span(&mut format, kind, visuals.dark_mode);
        if let Some(claim) = claim {
            theme::mark_claim(&mut format, claim.status, claim.selected, visuals.dark_mode);
        }
        // Matches are few and short: a scan of them per stretch costs little.
        if let Some((_, mark)) = found.iter().find(|(bytes, _)| bytes.contains(&start)) {
            theme::mark_found(&mut format, mark.current, visuals);
        }
        let shown_start = shown.len();
        // A hidden character is always a stretch of its own: the cuts fall either side.
        match hidden.binary_search_by_key(&start, |h| h.bytes.start) {
            Ok(index) if hidden[index].bytes.end == end => {
                theme::mark_hidden(&mut format, visuals);
                shown.push(theme::hidden_marker(hidden[index].kind));
            }
            _ => shown.push_str(&text[start..end]),
        }
        sections.push(LayoutSection {
            leading_space: 0.0,
            byte_range: shown_start.into()..shown.len().into(),
            format,
        });
    }
    LayoutJob {
        text: shown,
        sections,
        wrap: TextWrapping {
            max_width: wrap_width,
            ..TextWrapping::default()
        },
        ..LayoutJob::default()
    }
}

/// How story text is set.
#[derive(Clone, Copy, Debug)]
pub struct StoryStyle<'a> {
    /// The theme's colours.
    pub visuals: &'a Visuals,
    /// Whether the text is in the monospace font.
    pub monospace: bool,
}

/// Turns code-point ranges into byte ranges of one text in a single pass over it, for
/// the many marks of a long story (converting each on its own would scan the text
/// once per mark).
struct ByteRanges {
    /// The byte offset of each code-point offset asked for, sorted by code point.
    offsets: Vec<(usize, usize)>,
}

impl ByteRanges {
    /// Prepares the byte offsets of the ends of `ranges` in `text`.
    fn new<'r>(text: &str, ranges: impl Iterator<Item = &'r Range<usize>>) -> Self {
        let mut wanted: Vec<usize> = ranges.flat_map(|range| [range.start, range.end]).collect();
        wanted.sort_unstable();
        wanted.dedup();
        let mut offsets = Vec::with_capacity(wanted.len());
        let mut wanted = wanted.into_iter().peekable();
        for (char_offset, (byte, _)) in text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')))
            .enumerate()
        {
            while wanted.next_if(|&w| w == char_offset).is_some() {
                offsets.push((char_offset, byte));
            }
            if wanted.peek().is_none() {
                break;
            }
        }
        Self { offsets }
    }

    /// The bytes of `chars`, or `None` when it reaches past the text.
    fn of(&mut self, chars: &Range<usize>) -> Option<Range<usize>> {
        let byte = |char_offset: usize| {
            self.offsets
                .binary_search_by_key(&char_offset, |&(c, _)| c)
                .ok()
                .map(|index| self.offsets[index].1)
        };
        let range = byte(chars.start)?..byte(chars.end)?;
        (range.start <= range.end).then_some(range)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::hidden_chars::{HiddenKind, find_hidden};

    fn style(visuals: &Visuals) -> StoryStyle<'_> {
        StoryStyle {
            visuals,
            monospace: false,
        }
    }

    #[test]
    fn find_matches_are_marked_and_the_current_one_more() {
        let text = "“Idlib” — Idlib, and idlib again";
        let spans = [Span {
            kind: SpanKind::Equal,
            bytes: 0..text.len(),
        }];
        let found = [
            FoundMark {
                chars: 1..6,
                current: false,
            },
            FoundMark {
                chars: 10..15,
                current: true,
            },
        ];
        let marks = PaneMarks {
            spans: &spans,
            found: &found,
            ..PaneMarks::default()
        };
        let visuals = Visuals::light();
        let job = layout_job(text, &marks, &style(&visuals), 400.0);
        let background = |words: &str| {
            let start = job.text.find(words).unwrap();
            job.sections
                .iter()
                .find(|s| usize::from(s.byte_range.start) == start)
                .map(|s| s.format.background)
                .unwrap()
        };
        let plain = job.sections[0].format.background;
        assert_ne!(background("Idlib”"), plain);
        assert_ne!(
            background("Idlib,"),
            background("Idlib”"),
            "the current one stands out"
        );
    }

    #[test]
    fn sections_follow_segments_and_claims() {
        let text = "Ten of thousands fled";
        let spans = [
            Span {
                kind: SpanKind::Deleted,
                bytes: 0..3,
            },
            Span {
                kind: SpanKind::Equal,
                bytes: 3..21,
            },
        ];
        let claims = [ClaimMark {
            chars: 7..16,
            status: Status::Checked,
            selected: false,
        }];
        let marks = PaneMarks {
            spans: &spans,
            claims: &claims,
            ..PaneMarks::default()
        };
        let job = layout_job(text, &marks, &style(&Visuals::light()), 400.0);
        let ranges: Vec<_> = job
            .sections
            .iter()
            .map(|s| usize::from(s.byte_range.start)..usize::from(s.byte_range.end))
            .collect();
        assert_eq!(ranges, [0..3, 3..7, 7..16, 16..21]);
        assert!(job.sections[0].format.strikethrough.width > 0.0);
        assert!(job.sections[1].format.strikethrough.width == 0.0);
        assert_ne!(
            job.sections[2].format.background,
            job.sections[1].format.background
        );
    }

    #[test]
    fn hidden_characters_are_drawn_as_markers_in_their_place() {
        let text = "Idlib\u{202E}lbi 60\u{200B}000";
        let hidden = find_hidden(text);
        let spans = [Span {
            kind: SpanKind::Equal,
            bytes: 0..text.len(),
        }];
        let visuals = Visuals::light();
        let marks = PaneMarks {
            spans: &spans,
            hidden: &hidden,
            ..PaneMarks::default()
        };
        let job = layout_job(text, &marks, &style(&visuals), 400.0);
        assert_eq!(job.text, "Idlib↔lbi 60◊000");
        assert_eq!(job.text.chars().count(), text.chars().count());
        let marker_formats: Vec<_> = job
            .sections
            .iter()
            .filter(|s| {
                let bytes = usize::from(s.byte_range.start)..usize::from(s.byte_range.end);
                matches!(&job.text[bytes], "↔" | "◊")
            })
            .map(|s| s.format.color)
            .collect();
        assert_eq!(marker_formats, [visuals.warn_fg_color; 2]);
        let covered: usize = job
            .sections
            .iter()
            .map(|s| usize::from(s.byte_range.end) - usize::from(s.byte_range.start))
            .sum();
        assert_eq!(covered, job.text.len());
    }

    #[test]
    fn every_marker_is_in_the_story_fonts() {
        let ctx = egui::Context::default();
        theme::install_fonts(&ctx);
        // The first frame loads the fonts.
        let mut output = ctx.run_ui(egui::RawInput::default(), |_| {});
        output.textures_delta.clear();
        for kind in HiddenKind::ALL {
            let marker = theme::hidden_marker(kind);
            for monospace in [false, true] {
                let font = theme::story_font(monospace);
                assert!(
                    ctx.fonts_mut(|fonts| fonts.has_glyph(&font, marker)),
                    "{marker:?} in {font:?}"
                );
            }
        }
    }
}
