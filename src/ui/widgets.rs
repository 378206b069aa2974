//! Small widgets shared by the panels.

use egui::{Id, Ui, WidgetText};

/// A combo box to pick one of `options`, named for screen readers by the label with id
/// `label_id`. Returns the option picked this frame when it differs from `current`.
pub fn choice_ui<T: Copy + PartialEq>(
    ui: &mut Ui,
    id_salt: &str,
    label_id: Id,
    current: T,
    options: &[T],
    name: fn(T) -> &'static str,
    selected_text: impl Into<WidgetText>,
) -> Option<T> {
    let mut picked = None;
    egui::ComboBox::from_id_salt(id_salt)
        .selected_text(selected_text)
        .show_ui(ui, |ui| {
            for &option in options {
                if ui
                    .selectable_label(current == option, name(option))
                    .clicked()
                    && current != option
                {
                    picked = Some(option);
                }
            }
        })
        .response
        .labelled_by(label_id);
    picked
}
