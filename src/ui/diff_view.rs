//! The centre of the workbench: versions of the story side by side, diffed word by word,
//! with the claims highlighted in their status colours. The left and right panes are
//! compared with each other; up to two more panes are each compared with the left.

use std::borrow::Cow;

use std::hash::{DefaultHasher, Hash as _, Hasher as _};
use std::ops::Range;
use std::sync::Arc;

use egui::text::CCursor;
use egui::{Align, Galley, Margin, RichText, ScrollArea, TextBuffer, TextEdit, Ui, vec2};

use crate::core::anchor::char_slice;
use crate::core::article::Document;
use crate::core::diff::{DiffSide, Span, SpanKind, WordDiff};
use crate::core::hidden_chars::{HiddenChar, count_by_kind, join_as_list};
use crate::core::import::capitalise_first;

use super::action::Action;
use super::claims_panel;
use super::derived::TextFacts;
use super::documents_panel::{add_article_buttons_ui, display_label};
use super::pane_text::{ClaimMark, FoundMark, PaneMarks, StoryStyle, layout_job};
use super::rows_in_view::RowsInView;
use super::segment_margin;
use super::state::{MAX_PANES, Pane, ScrollTarget, Session, Side, TextSelection};
use super::theme;

/// What a pane remembers between frames: its laid-out text and its scroll position.
#[derive(Default)]
struct PaneMemory {
    /// Hash of everything the layout depends on.
    layout_key: u64,
    /// The text as laid out for that key.
    galley: Option<Arc<Galley>>,
    /// How to paint only the rows of that galley that are in view.
    rows_in_view: Option<RowsInView>,
    /// The scroll offset seen last frame, to tell when the user scrolled.
    last_offset: f32,
    /// A scroll offset to apply on the next frame, set to follow the other pane.
    pending_offset: Option<f32>,
    /// The furthest the pane can scroll, from last frame; a follower is never sent past
    /// it (egui would spring it back, and the spring would read as the user scrolling).
    max_offset: f32,
    /// Until when (egui time, seconds) this pane is settling after being moved to follow
    /// the other; its own movement meanwhile is not the user's and must not lead.
    settling_until: f64,
    /// The cursor range last reported as the pane's selection, so a selection is
    /// reported once (and not again after it became a claim).
    reported_chars: Option<Range<usize>>,
}

/// How long a pane moved to follow the other is left to settle, in seconds.
const FOLLOW_SETTLE_S: f64 = 0.25;

/// Space around the text inside a pane.
const TEXT_MARGIN: Margin = Margin::symmetric(14, 10);

/// Space around the text when the left margin holds segment labels.
const LABELLED_TEXT_MARGIN: Margin = Margin {
    left: segment_margin::MARGIN_WIDTH,
    ..TEXT_MARGIN
};

/// Memory of the panes.
#[derive(Default)]
pub struct DiffViewMemory {
    /// By [`Pane::index`].
    panes: [PaneMemory; MAX_PANES],
}

/// What the diff view needs to draw, beyond the session.
#[expect(
    clippy::struct_excessive_bools,
    reason = "each is a setting of the view the panes read, from the preferences"
)]
pub struct DiffViewInput<'a> {
    /// The diff of the two panes' documents, when both are set.
    pub diff: Option<&'a WordDiff>,
    /// Whether the diff is being worked out (long documents are compared off the UI
    /// thread).
    pub comparing: bool,
    /// Whether scrolling one pane scrolls the other.
    pub sync_scroll: bool,
    /// Passages to bring into view this frame.
    pub scroll_targets: Vec<ScrollTarget>,
    /// Whether the margins say what each part of the text is.
    pub show_segments: bool,
    /// Whether story text is set in the monospace font.
    pub monospace: bool,
    /// The diff of the left pane's document with each extra pane's, when worked out.
    pub extra_diffs: Vec<Option<&'a WordDiff>>,
    /// The find bar's matches in each pane's text, by [`Pane::index`].
    pub found: Vec<Vec<FoundMark>>,
    /// Whether only the left pane is shown, across the whole width (focus mode).
    pub single_pane: bool,
}

/// Draws the summary line and the two panes.
pub fn ui(
    ui: &mut Ui,
    session: &Session,
    input: &DiffViewInput<'_>,
    memory: &mut DiffViewMemory,
    text_facts: &mut TextFacts,
    actions: &mut Vec<Action>,
) {
    if session.project.documents.is_empty() {
        empty_project_ui(ui, actions);
        return;
    }
    summary_ui(ui, session, input, actions);
    ui.add_space(4.0);
    let panes = if input.single_pane {
        vec![Pane::Side(Side::Left)]
    } else {
        session.shown_panes()
    };
    ui.columns(panes.len(), |columns| {
        for (column, &pane) in columns.iter_mut().zip(&panes) {
            pane_header_ui(column, session, pane, text_facts, actions);
            match session.document_in(pane) {
                Some(document) => {
                    let hidden = text_facts.hidden(document);
                    hidden_chars_ui(column, &hidden);
                    let text = PaneText {
                        document,
                        hidden: &hidden,
                    };
                    let view = PaneView {
                        pane,
                        shown: &panes,
                        input,
                    };
                    pane_text_ui(column, session, &text, &view, memory, actions);
                }
                None => empty_pane_ui(column, actions),
            }
        }
    });
}

fn summary_ui(
    ui: &mut Ui,
    session: &Session,
    input: &DiffViewInput<'_>,
    actions: &mut Vec<Action>,
) {
    ui.horizontal(|ui| {
        let mut sync_scroll = input.sync_scroll;
        if ui
            .checkbox(&mut sync_scroll, "Sync scroll")
            .on_hover_text("Scrolling one pane scrolls the other to the matching passage")
            .changed()
        {
            actions.push(Action::SetSyncScroll(sync_scroll));
        }
        ui.separator();
        let Some(diff) = input.diff else {
            if input.comparing {
                ui.spinner();
                ui.label("Comparing the two versions…");
            } else {
                ui.weak("Choose a document for each pane to compare them");
            }
            return;
        };
        let stats = diff.stats;
        let retained = stats.retained_percent().map_or_else(
            || "no words on the left".to_owned(),
            |p| format!("{p:.1}% of the left text retained"),
        );
        let same = session.panes[0] == session.panes[1];
        let summary = if same {
            "Both panes show the same document".to_owned()
        } else {
            format!(
                "{} words kept · {} moved · {} deleted · {} inserted · {retained}",
                stats.words_kept, stats.words_moved, stats.words_deleted, stats.words_inserted
            )
        };
        ui.label(RichText::new(summary).strong()).on_hover_text(
            "Deleted words are struck through in the left pane, inserted words underlined in \
             the right pane; sentences moved elsewhere are in italics on both sides",
        );
    });
}

/// A pane's header: the document it shows (a picker), its source and length, and for a
/// pane after the right one a button to close it.
fn pane_header_ui(
    ui: &mut Ui,
    session: &Session,
    pane: Pane,
    text_facts: &mut TextFacts,
    actions: &mut Vec<Action>,
) {
    ui.horizontal(|ui| {
        if let Pane::Extra(n) = pane
            // The button first, so a narrow pane never pushes it out of sight.
            && ui
                .small_button("Close")
                .on_hover_text(format!("Close the {} pane", pane.label().to_lowercase()))
                .clicked()
        {
            actions.push(Action::ClosePane(n));
        }
        let shown = session.document_in(pane);
        let selected_text = shown.map_or(Cow::Borrowed("Choose a document…"), display_label);
        let compared_with = match pane {
            Pane::Side(_) => "",
            Pane::Extra(_) => "; it is compared with the left pane's",
        };
        // The details first, from the right, so the picker takes what is left and a
        // long headline is cut short rather than the source and length.
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if let Some(document) = shown {
                let mut details = format!(
                    "{} · {} words",
                    document.source.label(),
                    text_facts.words(document)
                );
                if document.metadata.cut_off.is_some() {
                    details.push_str(" · cut off?");
                }
                let details = ui.label(RichText::new(details).weak());
                if let Some(cut_off) = &document.metadata.cut_off {
                    details.on_hover_text(capitalise_first(&cut_off.describe()));
                }
            }
            egui::ComboBox::from_id_salt(("pane-document", pane))
                .selected_text(selected_text)
                .truncate()
                .width(ui.available_width().max(60.0))
                .show_ui(ui, |ui| {
                    for document in &session.project.documents {
                        let is_shown = shown.is_some_and(|doc| doc.id == document.id);
                        let label = display_label(document);
                        if ui.selectable_label(is_shown, label).clicked() && !is_shown {
                            let id = document.id.clone();
                            actions.push(match pane {
                                Pane::Side(side) => Action::ShowInPane(side, id),
                                Pane::Extra(n) => Action::ShowInExtraPane(n, id),
                            });
                        }
                    }
                })
                .response
                .accessible_name(format!("{} document", pane.label()))
                .on_hover_text(format!(
                    "Choose the document the {} pane shows{compared_with}",
                    pane.label().to_lowercase()
                ));
        });
    });
}

/// Warns, above a pane's text, that the text holds characters that do not show, and
/// how the pane marks them.
fn hidden_chars_ui(ui: &mut Ui, hidden: &[HiddenChar]) {
    let parts: Vec<String> = count_by_kind(hidden)
        .into_iter()
        .map(|(kind, count)| {
            let marker = theme::hidden_marker(kind);
            format!("{count} {} ({marker})", kind.noun(count))
        })
        .collect();
    let Some(summary) = join_as_list(&parts) else {
        return;
    };
    ui.label(
        RichText::new(format!("Hidden characters: {summary}")).color(ui.visuals().warn_fg_color),
    )
    .on_hover_text(
        "Characters that change how copy reads or searches without showing in it: \
         a bidirectional control can make words read backwards in a browser, a zero-width \
         space splits a figure or a name. Hover a marker to see which character it is.",
    );
}

/// The centre of a project without documents: what to do first.
fn empty_project_ui(ui: &mut Ui, actions: &mut Vec<Action>) {
    ui.vertical_centered(|ui| {
        ui.add_space((ui.available_height() * 0.25).max(24.0));
        ui.heading("Add the versions of the story you are checking");
        ui.label("The wire copy, the caption, the copy about to be published: each becomes a document you can compare word by word.");
        ui.add_space(12.0);
        add_article_buttons_ui(ui, actions);
    });
}

fn empty_pane_ui(ui: &mut Ui, actions: &mut Vec<Action>) {
    egui::Frame::new()
        .fill(theme::paper_color(ui.visuals()))
        .inner_margin(Margin::same(16))
        .corner_radius(4.0)
        .show(ui, |ui| {
            ui.set_min_size(vec2(ui.available_width(), ui.available_height()));
            ui.label("Add another version of the story to compare it word by word.");
            ui.add_space(8.0);
            add_article_buttons_ui(ui, actions);
        });
}

/// Hash of everything a pane's layout depends on, so it is only redone when one changes.
fn layout_key(
    ui: &Ui,
    document: &Document,
    marks: &PaneMarks<'_>,
    monospace: bool,
    wrap_width: f32,
) -> u64 {
    let mut hasher = DefaultHasher::new();
    document.id.hash(&mut hasher);
    document.sha256.hash(&mut hasher);
    marks.spans.hash(&mut hasher);
    marks.claims.hash(&mut hasher);
    marks.found.hash(&mut hasher);
    monospace.hash(&mut hasher);
    wrap_width.to_bits().hash(&mut hasher);
    ui.visuals().dark_mode.hash(&mut hasher);
    ui.ctx().pixels_per_point().to_bits().hash(&mut hasher);
    hasher.finish()
}

/// The document a pane shows, with what the pane marks in it besides the diff.
struct PaneText<'a> {
    document: &'a Document,
    /// Its hidden characters, drawn as markers.
    hidden: &'a [HiddenChar],
}

/// Which pane is drawn, among which, with what the view was given.
struct PaneView<'a> {
    /// The pane drawn.
    pane: Pane,
    /// Every pane shown, left to right.
    shown: &'a [Pane],
    /// What the diff view was given.
    input: &'a DiffViewInput<'a>,
}

impl PaneView<'_> {
    /// The diff that marks `pane`'s text: the two compared panes' for the left and the
    /// right pane, the left pane's with its own for an extra pane.
    fn diff_of(&self, pane: Pane) -> Option<&WordDiff> {
        match pane {
            Pane::Side(_) => self.input.diff,
            Pane::Extra(n) => self.input.extra_diffs.get(n).copied().flatten(),
        }
    }
}

fn pane_text_ui(
    ui: &mut Ui,
    session: &Session,
    pane_text: &PaneText<'_>,
    view: &PaneView<'_>,
    memory: &mut DiffViewMemory,
    actions: &mut Vec<Action>,
) {
    let (pane, input) = (view.pane, view.input);
    let document = pane_text.document;
    let whole_text = [Span {
        kind: SpanKind::Equal,
        bytes: 0..document.text.len(),
    }];
    let spans: &[Span] = match (view.diff_of(pane), pane) {
        (Some(diff), Pane::Side(Side::Left)) => &diff.old_spans,
        (Some(diff), _) => &diff.new_spans,
        (None, _) => &whole_text,
    };
    let claims: Vec<ClaimMark> = session
        .project
        .claims_on(&document.id)
        .map(|claim| ClaimMark {
            chars: claim.anchor.char_range(),
            status: claim.status,
            selected: session.selected_claim.as_ref() == Some(&claim.id),
        })
        .collect();

    let marks = PaneMarks {
        spans,
        claims: &claims,
        hidden: pane_text.hidden,
        found: input.found.get(pane.index()).map_or(&[], Vec::as_slice),
    };
    let memory_of_pane = &mut memory.panes[pane.index()];
    let programmatic_offset = memory_of_pane.pending_offset.take();

    let mut scroll_area = ScrollArea::vertical()
        .id_salt(("pane-scroll", pane))
        .auto_shrink(false);
    if let Some(offset) = programmatic_offset {
        scroll_area = scroll_area.vertical_scroll_offset(offset);
    }
    let mut text = document.text.as_str();
    let show_labels = input.show_segments && !document.segments.is_empty();
    let output = egui::Frame::new()
        .fill(theme::paper_color(ui.visuals()))
        .corner_radius(4.0)
        .show(ui, |ui| {
            scroll_area.show(ui, |ui| {
                // Leave room for the scroll bar.
                let width = (ui.available_width() - ui.spacing().scroll.bar_width - 4.0)
                    .min(theme::MAX_TEXT_WIDTH);
                let mut layouter = |ui: &Ui, text: &dyn TextBuffer, wrap_width: f32| {
                    let key = layout_key(ui, document, &marks, input.monospace, wrap_width);
                    let memory = &mut *memory_of_pane;
                    if let Some(galley) =
                        memory.galley.as_ref().filter(|_| memory.layout_key == key)
                    {
                        return galley.clone();
                    }
                    let style = StoryStyle {
                        visuals: ui.visuals(),
                        monospace: input.monospace,
                    };
                    let job = layout_job(text.as_str(), &marks, &style, wrap_width);
                    let galley = ui.fonts_mut(|fonts| fonts.layout_job(job));
                    memory.rows_in_view = Some(RowsInView::new(&galley));
                    memory.galley = Some(galley.clone());
                    memory.layout_key = key;
                    galley
                };
                // The text edit handles selection, keys and accessibility, drawn fully
                // transparent; only its rows in view are painted (see `rows_in_view`).
                let text_output = ui
                    .scope(|ui| {
                        ui.multiply_opacity(0.0);
                        TextEdit::multiline(&mut text)
                            .id(pane_id(pane))
                            .font(theme::story_font(input.monospace))
                            .layouter(&mut layouter)
                            .desired_width(width)
                            // Given a frame, TextEdit takes its margin from the frame.
                            .frame(egui::Frame::NONE.inner_margin(if show_labels {
                                LABELLED_TEXT_MARGIN
                            } else {
                                TEXT_MARGIN
                            }))
                            .show(ui)
                    })
                    .inner;
                if let Some(rows_in_view) = &memory_of_pane.rows_in_view {
                    let focused = text_output.response.response.has_focus();
                    rows_in_view.paint(
                        ui,
                        &text_output.galley,
                        text_output.galley_pos,
                        text_output.cursor_range,
                        focused,
                    );
                }
                if show_labels {
                    let left = text_output.response.response.rect.left();
                    let (galley, galley_pos) = (&text_output.galley, text_output.galley_pos);
                    segment_margin::labels_ui(ui, document, galley, galley_pos, left, actions);
                }
                let target = input
                    .scroll_targets
                    .iter()
                    .find(|target| Pane::Side(target.side) == pane);
                if let Some(target) = target {
                    let galley = &text_output.galley;
                    let start = galley.pos_from_cursor(CCursor::new(target.chars.start));
                    let end = galley.pos_from_cursor(CCursor::new(target.chars.end));
                    let rect = start.union(end).translate(text_output.galley_pos.to_vec2());
                    ui.scroll_to_rect(rect, Some(Align::Center));
                }
                text_output
            })
        })
        .inner;

    let offset = output.state.clamped_offset().y;
    let text_output = output.inner;
    let response = text_output
        .response
        .response
        .clone()
        .accessible_name(format!("{} text", pane.label()));
    text_hover_ui(session, pane_text, &text_output, &response);
    let now = ui.input(|input| input.time);
    let memory_of_pane = &mut memory.panes[pane.index()];
    memory_of_pane.max_offset = (output.content_size.y - output.inner_rect.height()).max(0.0);
    if programmatic_offset.is_some() {
        memory_of_pane.settling_until = now + FOLLOW_SETTLE_S;
    }
    let scrolled_by_user =
        now >= memory_of_pane.settling_until && (offset - memory_of_pane.last_offset).abs() > 0.5;
    memory_of_pane.last_offset = offset;
    if scrolled_by_user && input.sync_scroll {
        follow_scroll(ui, memory, view, &text_output.galley, offset);
    }

    if response.has_focus()
        && let Some(cursor_range) = text_output.cursor_range
    {
        let chars = cursor_range.as_sorted_char_range();
        let chars = chars.start.0..chars.end.0;
        let memory_of_pane = &mut memory.panes[pane.index()];
        let clicked = response.clicked();
        if clicked || memory_of_pane.reported_chars.as_ref() != Some(&chars) {
            memory_of_pane.reported_chars = Some(chars.clone());
            report_selection(session, document, chars, clicked, actions);
        }
    }
}

/// Over a hidden character's marker, names the character; over a claim's words, says
/// what the claim's status and verdict are.
fn text_hover_ui(
    session: &Session,
    pane_text: &PaneText<'_>,
    text_output: &egui::text_edit::TextEditOutput,
    response: &egui::Response,
) {
    let Some(pointer) = response.hover_pos() else {
        return;
    };
    let cursor = text_output
        .galley
        .cursor_from_pos(pointer - text_output.galley_pos);
    // The cursor falls before or after the character under the pointer.
    let hovered = cursor.index.0.saturating_sub(1)..=cursor.index.0;
    let hidden = pane_text
        .hidden
        .iter()
        .find(|h| hovered.contains(&h.char_index));
    let mut lines = Vec::new();
    if let Some(hidden) = hidden {
        lines.push(format!("Hidden character: {}", hidden.describe()));
    }
    if let Some(claim) = session
        .project
        .claim_at(&pane_text.document.id, cursor.index.0)
    {
        let summary = claims_panel::claim_summary(&session.project, claim);
        lines.push(format!("Claim: {summary}"));
    }
    if !lines.is_empty() {
        response.clone().on_hover_text_at_pointer(lines.join("\n"));
    }
}

/// The ids of every pane's text, shown or not, so the app can tell selecting story
/// text from typing.
pub fn story_text_ids() -> impl Iterator<Item = egui::Id> {
    [Pane::Side(Side::Left), Pane::Side(Side::Right)]
        .into_iter()
        .chain((0..MAX_PANES - 2).map(Pane::Extra))
        .map(pane_id)
}

fn pane_id(pane: Pane) -> egui::Id {
    egui::Id::unique(("pane-text", pane))
}

/// Sets every other pane to scroll to the passage matching the one at the top of the
/// pane `view` draws, which is scrolled to `offset`. The left pane is the hub: the
/// leader's place is found in the left text (through the leader's diff), and each
/// follower's from there (through its own).
///
/// Works from the scroll offset rather than where the text was drawn: in the frame a
/// pane jumps (to a claim, say) the text is still drawn at the old offset.
fn follow_scroll(
    ui: &Ui,
    memory: &mut DiffViewMemory,
    view: &PaneView<'_>,
    galley: &Galley,
    offset: f32,
) {
    let text_top = f32::from(TEXT_MARGIN.top);
    let top_in_text = offset - text_top;
    let top = galley.cursor_from_pos(vec2(0.0, top_in_text.max(0.0)));
    let below_row_top = top_in_text - galley.pos_from_cursor(top).min.y;
    let in_left = match view.pane {
        Pane::Side(Side::Left) => Some(top.index.0),
        leader => view
            .diff_of(leader)
            .map(|diff| diff.counterpart(DiffSide::New, top.index.0)),
    };
    let Some(in_left) = in_left else {
        return;
    };
    for &follower in view.shown.iter().filter(|&&pane| pane != view.pane) {
        let matching = match follower {
            Pane::Side(Side::Left) => Some(in_left),
            other => view
                .diff_of(other)
                .map(|diff| diff.counterpart(DiffSide::Old, in_left)),
        };
        let other = &mut memory.panes[follower.index()];
        let (Some(matching), Some(other_galley)) = (matching, &other.galley) else {
            continue;
        };
        let row_top = other_galley.pos_from_cursor(CCursor::new(matching)).min.y;
        let target = text_top + row_top + below_row_top;
        other.pending_offset = Some(target.clamp(0.0, other.max_offset));
    }
    ui.ctx().request_repaint();
}

/// Turns a change of the pane's cursor into actions: a new selection, a cleared one, or
/// a click on a claim's words.
fn report_selection(
    session: &Session,
    document: &Document,
    chars: Range<usize>,
    clicked: bool,
    actions: &mut Vec<Action>,
) {
    if chars.is_empty() {
        let current = session.text_selection.as_ref();
        if current.is_some_and(|selection| selection.document == document.id) {
            actions.push(Action::SetTextSelection(None));
        }
        if clicked
            && let Some(claim) = session.project.claim_at(&document.id, chars.start)
            && session.selected_claim.as_ref() != Some(&claim.id)
        {
            actions.push(Action::SelectClaim {
                claim_id: claim.id.clone(),
                reveal: false,
            });
        }
        return;
    }
    let Some(words) = char_slice(&document.text, &chars) else {
        return;
    };
    actions.push(Action::SetTextSelection(Some(TextSelection {
        document: document.id.clone(),
        words: words.to_owned(),
        chars,
    })));
}
