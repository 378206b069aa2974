//! The egui workbench. Views draw the state and return [`Action`]s; [`FactdeskApp`]
//! applies them once per frame. No file I/O or text analysis happens in the views: they
//! call nothing in `core` but cheap getters, and read cached results from `derived`.

mod action;
mod app;
mod background;
mod banners;
mod candidates_panel;
mod changes_panel;
mod claim_details;
mod claim_dialogs;
mod claims_panel;
mod clipboard;
mod commands;
mod compare_menu;
mod conflicts_view;
mod derived;
mod dialogs;
mod diff_view;
mod document_details;
mod documents_panel;
mod file_dialogs;
mod file_watch;
mod find_bar;
mod menu_bar;
mod palette;
mod pane_text;
mod project_dialogs;
mod provenance_view;
mod rows_in_view;
mod segment_margin;
mod shortcuts;
mod state;
mod status_bar;
mod theme;
mod toasts;
mod undo;
mod versions_view;
mod virtual_rows;
mod welcome;
mod widgets;

use std::path::PathBuf;
use std::process::ExitCode;

pub use action::{Action, UnsavedChoice};
pub use app::FactdeskApp;
pub use state::{
    AppState, ExportForm, Modal, Notice, NoticeKind, PendingIntent, Prefs, Session, Side,
    TextSelection,
};

/// The window's icon: two versions side by side and a check mark
/// (`assets/icon.png`, 256 × 256).
const ICON: &[u8] = include_bytes!("../../assets/icon.png");

/// Opens the workbench window (on `project`, if given) and runs it until it is closed.
pub fn run(project: Option<PathBuf>) -> ExitCode {
    let launched = std::time::Instant::now();
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Factdesk")
        .with_app_id("factdesk")
        .with_inner_size([1440.0, 900.0])
        .with_min_inner_size([960.0, 560.0]);
    match eframe::icon_data::from_png_bytes(ICON) {
        Ok(icon) => viewport = viewport.with_icon(icon),
        Err(err) => log::warn!("the window icon could not be read: {err}"),
    }
    let options = eframe::NativeOptions {
        viewport,
        ..eframe::NativeOptions::default()
    };
    let started = eframe::run_native(
        "Factdesk",
        options,
        Box::new(move |cc| {
            Ok(Box::new(
                FactdeskApp::new(cc, project).with_launch_time(launched),
            ))
        }),
    );
    match started {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            log::error!("could not open the Factdesk window: {err}");
            ExitCode::from(2)
        }
    }
}
