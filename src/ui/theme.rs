//! The only place colours and text styles are chosen.
//!
//! Changes are never told by colour alone: deleted words are struck through, inserted
//! words underlined, and each claim status has a name next to its colour. Deleted is
//! orange-red and inserted blue, which stay apart for the common forms of colour
//! blindness.

use egui::text::TextFormat;
use egui::{Color32, FontFamily, FontId, Stroke, Visuals};

use crate::core::claims::Status;
use crate::core::diff::SpanKind;
use crate::core::hidden_chars::HiddenKind;

use super::state::{NoticeKind, Side};

/// Size of the story text in the panes, in points: larger than the controls, for
/// reading long copy.
pub const BODY_TEXT_SIZE: f32 = 15.5;
/// Extra space between lines of story text, in points.
const BODY_LINE_GAP: f32 = 6.0;
/// Widest a pane's text column grows, in points, so lines stay readable on wide screens.
pub const MAX_TEXT_WIDTH: f32 = 720.0;

/// The family story text is set in: Noto Serif, a serif made for reading on screen,
/// set apart from the controls' sans.
const STORY_FAMILY: &str = "story";
/// Noto Serif (SIL Open Font License): story text.
const STORY_FONT: &[u8] = include_bytes!("../../assets/fonts/NotoSerif-Regular.ttf");
/// DejaVu Sans (Bitstream Vera licence): the last resort of every family, for the
/// arrows, marks and symbols the other fonts lack (↑ ↓ ↔ ⚠ ●), so nothing shows as an
/// empty box on a machine without system fonts.
const SYMBOL_FONT: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");

/// egui's colours for the light or the dark theme, with the warning and error colours
/// of the light theme darkened to read at 4.5:1 on the page (egui's orange and red
/// read at about 3:1 on white; a test checks every mark).
pub fn visuals(dark_mode: bool) -> Visuals {
    if dark_mode {
        Visuals::dark()
    } else {
        Visuals {
            warn_fg_color: Color32::from_rgb(170, 80, 0),
            error_fg_color: Color32::from_rgb(190, 25, 25),
            ..Visuals::light()
        }
    }
}

/// Installs Factdesk's colours for both themes.
pub fn install_visuals(ctx: &egui::Context) {
    ctx.set_visuals_of(egui::Theme::Light, visuals(false));
    ctx.set_visuals_of(egui::Theme::Dark, visuals(true));
}

/// Installs Factdesk's fonts: the story family, and the symbol font behind egui's own.
pub fn install_fonts(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        "Noto Serif".to_owned(),
        std::sync::Arc::new(egui::FontData::from_static(STORY_FONT)),
    );
    fonts.font_data.insert(
        "DejaVu Sans".to_owned(),
        std::sync::Arc::new(egui::FontData::from_static(SYMBOL_FONT)),
    );
    for family in fonts.families.values_mut() {
        family.push("DejaVu Sans".to_owned());
    }
    fonts.families.insert(
        FontFamily::Name(STORY_FAMILY.into()),
        vec!["Noto Serif".to_owned(), "DejaVu Sans".to_owned()],
    );
    ctx.set_fonts(fonts);
}

/// The font of story text in the panes: the reading font, or monospace to count
/// characters and spot double spaces.
pub fn story_font(monospace: bool) -> FontId {
    let family = if monospace {
        FontFamily::Monospace
    } else {
        FontFamily::Name(STORY_FAMILY.into())
    };
    FontId::new(BODY_TEXT_SIZE, family)
}

/// The text format of story text, before diff and claim marks.
pub fn story_format(visuals: &Visuals, monospace: bool) -> TextFormat {
    TextFormat {
        font_id: story_font(monospace),
        line_height: Some(BODY_TEXT_SIZE + BODY_LINE_GAP),
        color: visuals.strong_text_color(),
        ..TextFormat::default()
    }
}

fn deleted_color(dark_mode: bool) -> Color32 {
    if dark_mode {
        Color32::from_rgb(255, 140, 110)
    } else {
        Color32::from_rgb(180, 40, 20)
    }
}

fn inserted_color(dark_mode: bool) -> Color32 {
    if dark_mode {
        Color32::from_rgb(120, 180, 255)
    } else {
        Color32::from_rgb(20, 80, 200)
    }
}

/// Teal: neither the red of deletions nor the blue of insertions, since moved text is
/// on both sides.
fn moved_color(dark_mode: bool) -> Color32 {
    if dark_mode {
        Color32::from_rgb(90, 200, 190)
    } else {
        Color32::from_rgb(0, 115, 110)
    }
}

/// Marks a stretch of story text as kept, deleted, inserted or moved.
pub fn mark_span(format: &mut TextFormat, kind: SpanKind, dark_mode: bool) {
    let (color, stroke_width) = match kind {
        SpanKind::Equal => return,
        SpanKind::Deleted => (deleted_color(dark_mode), 1.5),
        SpanKind::Inserted => (inserted_color(dark_mode), 1.5),
        SpanKind::Moved => (moved_color(dark_mode), 1.0),
    };
    format.color = color;
    format.background = color.gamma_multiply(0.14);
    match kind {
        SpanKind::Deleted => format.strikethrough = Stroke::new(stroke_width, color),
        SpanKind::Inserted => format.underline = Stroke::new(stroke_width, color),
        // Italics tell moved text from inserted text without the colour.
        SpanKind::Moved => {
            format.underline = Stroke::new(stroke_width, color);
            format.italics = true;
        }
        SpanKind::Equal => {}
    }
}

/// Words of a change as the changes list shows them: the old version's struck
/// through, the new version's underlined, in the diff's colours.
pub fn change_words(text: &str, side: Side, visuals: &Visuals) -> egui::RichText {
    let words = egui::RichText::new(text);
    match side {
        Side::Left => {
            let color = deleted_color(visuals.dark_mode);
            words.color(color).strikethrough()
        }
        Side::Right => {
            let color = inserted_color(visuals.dark_mode);
            words.color(color).underline()
        }
    }
}

/// The colour that stands for a claim status, in lists and in the text.
pub fn status_color(status: Status, dark_mode: bool) -> Color32 {
    let (light, dark) = match status {
        Status::Unchecked => ((120, 120, 120), (160, 160, 160)),
        Status::InProgress => ((190, 130, 0), (240, 190, 60)),
        Status::Checked => ((20, 130, 70), (90, 200, 130)),
        Status::NeedsCorrection => ((190, 20, 40), (255, 100, 110)),
        Status::Escalated => ((110, 60, 170), (180, 140, 240)),
    };
    let (r, g, b) = if dark_mode { dark } else { light };
    Color32::from_rgb(r, g, b)
}

/// Marks a claim's words in the story text with its status colour; the selected claim
/// stands out more.
pub fn mark_claim(format: &mut TextFormat, status: Status, selected: bool, dark_mode: bool) {
    let strength = if selected { 0.45 } else { 0.2 };
    format.background = status_color(status, dark_mode).gamma_multiply(strength);
    format.expand_bg = 2.0;
}

/// Tints for the sources of a provenance map, told apart by hue for the common forms
/// of colour blindness (Okabe–Ito palette); the hover names the source, and the key
/// above the text does too, so colour is never the only cue.
const SOURCE_COLORS: [(u8, u8, u8); 5] = [
    (0, 114, 178),
    (230, 159, 0),
    (0, 158, 115),
    (204, 121, 167),
    (86, 180, 233),
];

/// The background of words from the `index`th source of a provenance map.
pub fn source_color(index: usize, visuals: &Visuals) -> Color32 {
    let (r, g, b) = SOURCE_COLORS[index % SOURCE_COLORS.len()];
    Color32::from_rgb(r, g, b).gamma_multiply(if visuals.dark_mode { 0.45 } else { 0.25 })
}

/// Marks words no source accounts for: a thick underline in the warning
/// colour, on no tint.
pub fn mark_unsourced(format: &mut TextFormat, visuals: &Visuals) {
    format.underline = Stroke::new(2.0, visuals.warn_fg_color);
    format.color = visuals.strong_text_color();
}

/// The key entry for unsourced words, marked as the text marks them.
pub fn unsourced_words(text: &str, visuals: &Visuals) -> egui::RichText {
    egui::RichText::new(text)
        .underline()
        .color(visuals.warn_fg_color)
}

/// The visible stand-in drawn in place of a hidden character: one character for one,
/// so the text view's positions stay those of the text. Each is in the fonts Factdesk
/// bundles (a test checks), so it shows on a machine without system fonts too; the
/// pane's legend and the hover say what each stands for.
pub fn hidden_marker(kind: HiddenKind) -> char {
    match kind {
        HiddenKind::Bidi => '↔',
        HiddenKind::ZeroWidth => '◊',
        HiddenKind::Control => '¤',
        HiddenKind::Tag => '⚠',
    }
}

/// Marks the stand-in of a hidden character: the warning colour on a tinted box, with a
/// frame line under it, so it reads as a marker and not as part of the copy.
pub fn mark_hidden(format: &mut TextFormat, visuals: &Visuals) {
    let color = visuals.warn_fg_color;
    format.color = color;
    format.background = color.gamma_multiply(0.12);
    format.underline = Stroke::new(1.5, color);
    format.italics = false;
    format.strikethrough = Stroke::NONE;
}

/// Marks a match of the find bar: a yellow highlighter, stronger on the match the bar
/// moved to, which is also outlined so it is found without telling colours apart.
pub fn mark_found(format: &mut TextFormat, current: bool, visuals: &Visuals) {
    let highlighter = if visuals.dark_mode {
        Color32::from_rgb(110, 88, 0)
    } else {
        Color32::from_rgb(255, 214, 0)
    };
    format.background = highlighter.gamma_multiply(if current { 1.0 } else { 0.45 });
    format.expand_bg = 1.0;
    if current {
        format.color = visuals.strong_text_color();
        format.underline = Stroke::new(2.0, visuals.strong_text_color());
    }
}

/// The colour of a status-bar message.
pub fn notice_color(kind: NoticeKind, visuals: &Visuals) -> Color32 {
    match kind {
        NoticeKind::Info => visuals.text_color(),
        NoticeKind::Warning => visuals.warn_fg_color,
        NoticeKind::Error => visuals.error_fg_color,
    }
}

/// The colour of the segment labels in a pane's margin: quieter than the story text,
/// still easy to read.
pub fn segment_label_color(visuals: &Visuals) -> Color32 {
    visuals.text_color().gamma_multiply(0.8)
}

/// The veil over the window while files are dragged over it.
pub fn drop_hint_fill(visuals: &Visuals) -> Color32 {
    visuals.extreme_bg_color.gamma_multiply(0.85)
}

/// Fill behind a pane's text: the "paper" the story is printed on.
pub fn paper_color(visuals: &Visuals) -> Color32 {
    visuals.extreme_bg_color
}

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG 2's relative luminance of an opaque colour.
    fn luminance(color: Color32) -> f32 {
        let channel = |value: u8| {
            let value = f32::from(value) / 255.0;
            if value <= 0.039_28 {
                value / 12.92
            } else {
                ((value + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(color.r()) + 0.7152 * channel(color.g()) + 0.0722 * channel(color.b())
    }

    /// WCAG 2's contrast ratio of two opaque colours (1 to 21).
    fn contrast(a: Color32, b: Color32) -> f32 {
        let (a, b) = (luminance(a), luminance(b));
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    /// `top` (premultiplied, maybe translucent) laid over the opaque `bottom`.
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "each channel is rounded and clamped to 0..=255 first"
    )]
    fn over(top: Color32, bottom: Color32) -> Color32 {
        let rest = 1.0 - f32::from(top.a()) / 255.0;
        let mix = |t: u8, b: u8| {
            (f32::from(t) + f32::from(b) * rest)
                .round()
                .clamp(0.0, 255.0) as u8
        };
        Color32::from_rgb(
            mix(top.r(), bottom.r()),
            mix(top.g(), bottom.g()),
            mix(top.b(), bottom.b()),
        )
    }

    /// The contrast of the text of `format` with its background on the page.
    fn text_contrast(format: &TextFormat, visuals: &Visuals) -> f32 {
        let background = over(format.background, paper_color(visuals));
        contrast(over(format.color, background), background)
    }

    /// WCAG AA for body text.
    const TEXT: f32 = 4.5;
    /// WCAG AA for marks that are not text (status dots, outlines).
    const GRAPHICS: f32 = 3.0;

    #[test]
    fn marked_words_are_readable_in_both_themes() {
        for visuals in [visuals(false), visuals(true)] {
            let theme = if visuals.dark_mode { "dark" } else { "light" };
            let plain = story_format(&visuals, false);
            assert!(
                text_contrast(&plain, &visuals) >= TEXT,
                "{theme}: story text"
            );
            for kind in [SpanKind::Deleted, SpanKind::Inserted, SpanKind::Moved] {
                let mut format = plain.clone();
                mark_span(&mut format, kind, visuals.dark_mode);
                let ratio = text_contrast(&format, &visuals);
                assert!(ratio >= TEXT, "{theme}: {kind:?} words at {ratio:.2}:1");
            }
            for status in Status::ALL {
                for selected in [false, true] {
                    let mut format = plain.clone();
                    mark_claim(&mut format, status, selected, visuals.dark_mode);
                    let ratio = text_contrast(&format, &visuals);
                    assert!(ratio >= TEXT, "{theme}: {status:?} claim at {ratio:.2}:1");
                }
            }
            for current in [false, true] {
                let mut format = plain.clone();
                mark_found(&mut format, current, &visuals);
                let ratio = text_contrast(&format, &visuals);
                assert!(ratio >= TEXT, "{theme}: find match at {ratio:.2}:1");
            }
            let mut marker = plain.clone();
            mark_hidden(&mut marker, &visuals);
            let ratio = text_contrast(&marker, &visuals);
            assert!(ratio >= TEXT, "{theme}: hidden character at {ratio:.2}:1");
        }
    }

    #[test]
    fn status_colours_stand_out_from_the_panel_in_both_themes() {
        for visuals in [visuals(false), visuals(true)] {
            for status in Status::ALL {
                let ratio = contrast(status_color(status, visuals.dark_mode), visuals.panel_fill);
                assert!(
                    ratio >= GRAPHICS,
                    "{status:?} in the {} theme at {ratio:.2}:1",
                    if visuals.dark_mode { "dark" } else { "light" }
                );
            }
        }
    }
}
