//! The changes tab of the right panel: what changed between the panes' versions, as an
//! editor lists it (an attribution dropped, a figure changed, a passage dropped or
//! added, the end cut, a caption replaced), most important first, each with a
//! one-line summary that opens onto the facts inside, linking to both places and
//! offering to make it a claim. House style is counted by kind and listed only on
//! request, so it does not drown the rest.

use egui::{CollapsingHeader, RichText, Ui};

use crate::core::changes::{Event, EventClass};

use super::action::Action;
use super::derived::Analysis;
use super::state::{ChangesFilter, Session, Side};
use super::theme;
use super::virtual_rows::{self, RowHeights};
use super::widgets::{Name, choice_ui};

/// How tall a change's entry is before it is measured, in points.
const ESTIMATED_ENTRY_HEIGHT: f32 = 110.0;

/// Draws the changes between the panes; `analysis` is `None` while it is worked out
/// (`comparing`) or when a pane is empty. `scroll_to_selected` brings the selected
/// change into view (after F7 moved to it).
pub fn ui(
    ui: &mut Ui,
    session: &Session,
    analysis: Option<&Analysis>,
    comparing: bool,
    scroll_to_selected: bool,
    heights: &mut RowHeights,
    actions: &mut Vec<Action>,
) {
    let Some(analysis) = analysis else {
        if comparing {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label("Comparing the two versions…");
            });
        } else {
            ui.weak("Choose a document for each pane to see what changed between them.");
        }
        return;
    };
    let changes = &analysis.events;
    let filter = session.changes_filter;
    let minor = changes.iter().filter(|c| c.class.is_minor()).count();
    let style_edits: usize = changes
        .iter()
        .filter(|c| c.class.is_minor())
        .map(|c| c.count)
        .sum();
    ui.label(
        RichText::new(format!(
            "{} that matter · {style_edits} house-style edits",
            plural(changes.len() - minor, "change")
        ))
        .strong(),
    );
    filter_ui(ui, changes, filter, minor, actions);
    ui.horizontal(|ui| {
        if ui
            .button("Previous")
            .on_hover_text("Previous change (Shift+F7 or Alt+↑)")
            .clicked()
        {
            actions.push(Action::StepChange(-1));
        }
        if ui
            .button("Next")
            .on_hover_text("Next change (F7 or Alt+↓)")
            .clicked()
        {
            actions.push(Action::StepChange(1));
        }
    });
    ui.separator();
    let shown: Vec<usize> = (0..changes.len())
        .filter(|&index| filter.matches(&changes[index]))
        .collect();
    if shown.is_empty() {
        ui.weak(if changes.is_empty() {
            "No changes between these versions beyond spacing and typography."
        } else if minor > 0 && filter.class.is_none() {
            "Nothing that matters changed: only house style. Tick “Show house style” to see it."
        } else {
            "No change of this kind."
        });
        return;
    }
    let scroll_to = session
        .selected_change
        .and_then(|selected| shown.iter().position(|&index| index == selected))
        .filter(|_| scroll_to_selected);
    let key = list_key(&shown, ui.available_width());
    virtual_rows::show(
        ui,
        "changes-list",
        heights,
        key,
        shown.len(),
        ESTIMATED_ENTRY_HEIGHT,
        scroll_to,
        |ui, row| {
            let index = shown[row];
            change_ui(ui, session, index, &changes[index], actions);
        },
    );
}

/// The class picker and the house-style switch.
fn filter_ui(
    ui: &mut Ui,
    changes: &[Event],
    filter: ChangesFilter,
    minor: usize,
    actions: &mut Vec<Action>,
) {
    ui.horizontal_wrapped(|ui| {
        // Only the kinds the list has, so the picker is short.
        let classes: Vec<Option<EventClass>> = std::iter::once(None)
            .chain(
                EventClass::ALL
                    .into_iter()
                    .filter(|class| changes.iter().any(|c| c.class == *class))
                    .map(Some),
            )
            .collect();
        let class_name = |class: &Option<EventClass>| match class {
            None => "All kinds".to_owned(),
            Some(class) => {
                let count = changes.iter().filter(|c| c.class == *class).count();
                format!("{} ({count})", class.label())
            }
        };
        if let Some(class) = choice_ui(
            ui,
            "changes-class",
            Name::Text("Kind of change"),
            &filter.class,
            &classes,
            class_name,
            class_name(&filter.class),
        ) {
            actions.push(Action::SetChangesFilter(ChangesFilter { class, ..filter }));
        }
        let mut show_minor = filter.show_minor;
        if ui
            .checkbox(&mut show_minor, format!("Show house style ({minor})"))
            .on_hover_text("Quote marks, capitals, spelling and other edits that change no fact, counted by kind")
            .changed()
        {
            actions.push(Action::SetChangesFilter(ChangesFilter {
                show_minor,
                ..filter
            }));
        }
    });
}

/// One change: its summary, the words on each side, the facts inside, and what can be
/// done with it.
fn change_ui(
    ui: &mut Ui,
    session: &Session,
    index: usize,
    change: &Event,
    actions: &mut Vec<Action>,
) {
    let selected = session.selected_change == Some(index);
    let frame = egui::Frame::group(ui.style()).fill(if selected {
        ui.visuals().selection.bg_fill.gamma_multiply(0.35)
    } else {
        ui.visuals().panel_fill
    });
    frame.show(ui, |ui| {
        ui.set_width(ui.available_width());
        let class = RichText::new(change.class.label()).strong();
        let heading = ui.add(
            egui::Label::new(class)
                .sense(egui::Sense::click())
                .selectable(false),
        );
        let can_show = change.old_sentence.is_some() || change.new_sentence.is_some();
        if can_show && heading.on_hover_text("Show in both panes").clicked() {
            actions.push(Action::RevealChange(index));
        }
        ui.label(change.detail());
        let visuals = ui.visuals().clone();
        for (text, side) in [(&change.old, Side::Left), (&change.new, Side::Right)] {
            let Some(text) = text else {
                continue;
            };
            let label = ui.add(
                egui::Label::new(theme::change_words(&shorten(&text.text), side, &visuals)).wrap(),
            );
            label.on_hover_text(match side {
                Side::Left => "In the left pane's version",
                Side::Right => "In the right pane's version",
            });
        }
        if !change.facts.is_empty() {
            CollapsingHeader::new(format!("Facts inside ({})", change.facts.len()))
                .id_salt(("event-facts", index))
                .show(ui, |ui| {
                    for fact in &change.facts {
                        ui.label(format!("{}: {}", fact.class.label(), fact.text));
                    }
                });
        }
        ui.horizontal(|ui| {
            if can_show
                && ui
                    .button("Show")
                    .on_hover_text("Show in both panes")
                    .clicked()
            {
                actions.push(Action::RevealChange(index));
            }
            if can_show
                && !change.class.is_minor()
                && ui
                    .button("Make claim")
                    .on_hover_text(
                        "Make this passage a claim to check, its note recording the change",
                    )
                    .clicked()
            {
                actions.push(Action::MakeClaimFromChange(index));
            }
        });
    });
}

/// Longest stretch of a passage quoted on a side, in characters.
const QUOTED_CHARS: usize = 240;

/// A side's words, shortened when a whole passage.
fn shorten(text: &str) -> String {
    if text.chars().count() <= QUOTED_CHARS {
        return text.to_owned();
    }
    let cut: String = text.chars().take(QUOTED_CHARS - 1).collect();
    format!("{}…", cut.trim_end())
}

/// What the list's row heights were measured for.
fn list_key(shown: &[usize], width: f32) -> u64 {
    use std::hash::{DefaultHasher, Hash as _, Hasher as _};
    let mut hasher = DefaultHasher::new();
    shown.hash(&mut hasher);
    width.to_bits().hash(&mut hasher);
    hasher.finish()
}

/// "1 change", "3 changes".
fn plural(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}
