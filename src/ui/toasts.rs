//! Toasts: messages in the bottom right corner of the window, newest at the bottom.
//! News (a save, an import, an export) goes by itself after a few seconds; a warning
//! stays longer; an error stays until the editor dismisses it, and can be copied whole
//! to send to whoever can help.

use egui::{Align2, Context, Frame, Id, RichText, vec2};

use super::action::Action;
use super::state::{Notice, NoticeKind};
use super::theme;

/// How long news stays up, in seconds.
const INFO_SECONDS: f64 = 5.0;
/// How long a warning stays up, in seconds.
const WARNING_SECONDS: f64 = 12.0;
/// The widest a toast grows, in points.
const TOAST_WIDTH: f32 = 380.0;

/// When `notice` is taken down by itself (in egui's clock), or `None` for an error,
/// which stays until dismissed.
pub fn expires_at(notice: &Notice) -> Option<f64> {
    match notice.kind {
        NoticeKind::Info => Some(notice.posted_at + INFO_SECONDS),
        NoticeKind::Warning => Some(notice.posted_at + WARNING_SECONDS),
        NoticeKind::Error => None,
    }
}

/// Draws the toasts.
pub fn ui(ctx: &Context, notices: &[Notice], actions: &mut Vec<Action>) {
    if notices.is_empty() {
        return;
    }
    egui::Area::new(Id::unique("toasts"))
        .anchor(Align2::RIGHT_BOTTOM, vec2(-12.0, -36.0))
        .order(egui::Order::Foreground)
        .interactable(true)
        .show(ctx, |ui| {
            ui.set_max_width(TOAST_WIDTH);
            for notice in notices {
                toast_ui(ui, notice, actions);
                ui.add_space(6.0);
            }
        });
}

fn toast_ui(ui: &mut egui::Ui, notice: &Notice, actions: &mut Vec<Action>) {
    let color = theme::notice_color(notice.kind, ui.visuals());
    Frame::popup(ui.style())
        .stroke(egui::Stroke::new(1.5, color))
        .show(ui, |ui| {
            ui.set_width(TOAST_WIDTH);
            // The kind is said in words too, not by the colour alone.
            let kind = match notice.kind {
                NoticeKind::Info => "Done",
                NoticeKind::Warning => "Note",
                NoticeKind::Error => "Error",
            };
            ui.label(RichText::new(kind).strong().color(color));
            ui.label(&notice.text);
            ui.horizontal(|ui| {
                if notice.kind != NoticeKind::Info
                    && ui
                        .small_button("Copy message")
                        .on_hover_text("Copy the whole message, to paste it elsewhere")
                        .clicked()
                {
                    actions.push(Action::CopyNotice(notice.id));
                }
                if ui.small_button("Dismiss message").clicked() {
                    actions.push(Action::DismissNotice(notice.id));
                }
            });
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn posted(kind: NoticeKind) -> Notice {
        Notice {
            id: 1,
            kind,
            text: "Saved story.factdesk.json".to_owned(),
            posted_at: 10.0,
        }
    }

    #[test]
    fn news_goes_by_itself_and_errors_stay() {
        assert_eq!(
            expires_at(&posted(NoticeKind::Info)),
            Some(10.0 + INFO_SECONDS)
        );
        assert_eq!(
            expires_at(&posted(NoticeKind::Warning)),
            Some(10.0 + WARNING_SECONDS)
        );
        assert_eq!(expires_at(&posted(NoticeKind::Error)), None);
    }
}
