//! Small widgets shared by the panels.

use egui::{AsIdSalt, Id, Ui, WidgetText};

/// How a widget is named for screen readers (and tests).
#[derive(Clone, Copy, Debug)]
pub enum Name<'a> {
    /// By the visible label with this id, beside the widget.
    LabelledBy(Id),
    /// By this text, when no visible label names it.
    Text(&'a str),
}

/// A combo box to pick one of `options`. Returns the option picked this frame when it
/// differs from `current`.
pub fn choice_ui<T: Clone + PartialEq>(
    ui: &mut Ui,
    id_salt: impl AsIdSalt,
    name_for_readers: Name<'_>,
    current: &T,
    options: &[T],
    name: impl Fn(&T) -> String,
    selected_text: impl Into<WidgetText>,
) -> Option<T> {
    let mut picked = None;
    let response = egui::ComboBox::from_id_salt(id_salt)
        .selected_text(selected_text)
        .show_ui(ui, |ui| {
            for option in options {
                let is_current = current == option;
                if ui.selectable_label(is_current, name(option)).clicked() && !is_current {
                    picked = Some(option.clone());
                }
            }
        })
        .response;
    match name_for_readers {
        Name::LabelledBy(label) => response.labelled_by(label),
        Name::Text(text) => response.accessible_name(text),
    };
    picked
}
