//! Story text laid out for a pane: the diff's marks, the claims' highlights and the
//! markers of hidden characters merged into one [`LayoutJob`].

use std::ops::Range;

use egui::Visuals;
use egui::text::{LayoutJob, LayoutSection, TextWrapping};

use crate::core::anchor::byte_range;
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

/// Lays out `text` with each stretch marked by the diff span and the claims that
/// cover it. `spans` must be sorted and cover the text; where claims overlap, the
/// selected one wins; claims outside the text are left out.
///
/// Each of the `hidden` characters (bidi controls, zero-width and control characters)
/// is drawn as a visible marker instead, one character for one, so the laid-out text
/// has the same character positions as `text` and selections still map onto it.
pub fn layout_job(
    text: &str,
    spans: &[Span],
    claims: &[ClaimMark],
    hidden: &[HiddenChar],
    visuals: &Visuals,
    wrap_width: f32,
) -> LayoutJob {
    let claims: Vec<(Range<usize>, &ClaimMark)> = claims
        .iter()
        .filter_map(|claim| Some((byte_range(text, &claim.chars)?, claim)))
        .collect();
    let mut cuts: Vec<usize> = [0, text.len()]
        .into_iter()
        .chain(spans.iter().flat_map(|s| [s.bytes.start, s.bytes.end]))
        .chain(
            claims
                .iter()
                .flat_map(|(bytes, _)| [bytes.start, bytes.end]),
        )
        .chain(hidden.iter().flat_map(|h| [h.bytes.start, h.bytes.end]))
        .filter(|&cut| cut <= text.len())
        .collect();
    cuts.sort_unstable();
    cuts.dedup();

    let base = theme::body_format(visuals);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::hidden_chars::{HiddenKind, find_hidden};

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
        let job = layout_job(text, &spans, &claims, &[], &Visuals::light(), 400.0);
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
        let job = layout_job(text, &spans, &[], &hidden, &visuals, 400.0);
        assert_eq!(job.text, "Idlib¦lbi 60◊000");
        assert_eq!(job.text.chars().count(), text.chars().count());
        let marker_formats: Vec<_> = job
            .sections
            .iter()
            .filter(|s| {
                let bytes = usize::from(s.byte_range.start)..usize::from(s.byte_range.end);
                matches!(&job.text[bytes], "¦" | "◊")
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
    fn every_marker_is_in_the_default_fonts() {
        let ctx = egui::Context::default();
        // The first frame loads the fonts.
        let mut output = ctx.run_ui(egui::RawInput::default(), |_| {});
        output.textures_delta.clear();
        for kind in HiddenKind::ALL {
            let marker = theme::hidden_marker(kind);
            assert!(
                ctx.fonts_mut(|fonts| fonts.has_glyph(&theme::body_font(), marker)),
                "{marker:?}"
            );
        }
    }
}
