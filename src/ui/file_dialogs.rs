//! Native file dialogs that do not freeze the workbench: each dialog is awaited on a
//! thread of its own and its answer arrives on a later frame.

use std::future::Future;
use std::path::PathBuf;
use std::pin::Pin;
use std::sync::mpsc::{Receiver, Sender, channel};

/// What a file dialog is for, which decides its title, filters and resulting action.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DialogPurpose {
    /// Pick a project to open.
    OpenProject,
    /// Pick where to save the project; the suggested file name goes with it.
    SaveProjectAs(String),
    /// Pick files to add as articles.
    AddArticles,
    /// Pick the new version of a document's text.
    ReplaceText(crate::core::article::DocumentId),
    /// Pick the saved copy of a piece of evidence.
    EvidenceFile,
    /// Pick where to write an export; the suggested file name and the pairs of
    /// versions a report compares go with it.
    Export(
        crate::core::export::ExportFormat,
        String,
        Vec<(
            crate::core::article::DocumentId,
            crate::core::article::DocumentId,
        )>,
    ),
}

/// A dialog waiting for the user's answer: the files picked.
type PendingDialog = Pin<Box<dyn Future<Output = Vec<rfd::FileHandle>> + Send>>;

/// File name endings of the formats Factdesk imports.
const ARTICLE_EXTENSIONS: [&str; 7] = ["txt", "text", "html", "htm", "xhtml", "json", "xml"];

/// What the user picked in a dialog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DialogAnswer {
    /// What the dialog was for.
    pub purpose: DialogPurpose,
    /// The session the dialog was shown for (see `FactdeskApp`'s session counter), so an
    /// answer about a project that has since been closed is not applied to another.
    pub session: u64,
    /// The files picked; none when the dialog was cancelled (or could not be shown).
    pub paths: Vec<PathBuf>,
}

/// Why a dialog was not shown.
#[derive(Debug, thiserror::Error)]
pub enum DialogError {
    /// Another file dialog is still open; one at a time.
    #[error("another file dialog is still open")]
    Busy,
    /// No thread could be started to wait for the dialog.
    #[error("could not start a thread for the file dialog")]
    Thread(#[source] std::io::Error),
}

/// Dialogs in flight and the channel their answers come back on.
pub struct FileDialogs {
    /// Cloned into each dialog's thread to send its answer.
    sender: Sender<DialogAnswer>,
    /// Where answers arrive.
    receiver: Receiver<DialogAnswer>,
    /// How many dialogs are waiting for the user (0 or 1).
    open: usize,
}

impl Default for FileDialogs {
    fn default() -> Self {
        let (sender, receiver) = channel();
        Self {
            sender,
            receiver,
            open: 0,
        }
    }
}

impl FileDialogs {
    /// Whether a dialog is showing (the workbench ignores a second request meanwhile).
    fn is_open(&self) -> bool {
        self.open > 0
    }

    /// Shows a dialog for `session`, unless one is already showing. Its answer arrives
    /// through [`Self::answers`]; `ctx` is woken when it does.
    pub fn show(
        &mut self,
        purpose: DialogPurpose,
        session: u64,
        ctx: &egui::Context,
    ) -> Result<(), DialogError> {
        if self.is_open() {
            return Err(DialogError::Busy);
        }
        let project_filter = ["json"];
        let dialog = rfd::AsyncFileDialog::new();
        // The dialog is created here, on the UI thread, as macOS requires; it is only
        // awaited on the helper thread.
        let pending: PendingDialog = match purpose.clone() {
            DialogPurpose::OpenProject => {
                let picked = dialog
                    .set_title("Open project")
                    .add_filter("Factdesk project", &project_filter)
                    .pick_file();
                Box::pin(async move { picked.await.into_iter().collect() })
            }
            DialogPurpose::SaveProjectAs(file_name) => {
                let picked = dialog
                    .set_title("Save project as")
                    .add_filter("Factdesk project", &project_filter)
                    .set_file_name(file_name)
                    .save_file();
                Box::pin(async move { picked.await.into_iter().collect() })
            }
            DialogPurpose::ReplaceText(_) => {
                let picked = dialog
                    .set_title("Replace the text with a new version")
                    .add_filter(
                        "Articles (text, web pages, ninjs, NewsML-G2)",
                        &ARTICLE_EXTENSIONS,
                    )
                    .add_filter("All files", &["*"])
                    .pick_file();
                Box::pin(async move { picked.await.into_iter().collect() })
            }
            DialogPurpose::Export(format, file_name, _) => {
                let picked = dialog
                    .set_title("Export")
                    .add_filter(format.label(), &[format.extension()])
                    .set_file_name(file_name)
                    .save_file();
                Box::pin(async move { picked.await.into_iter().collect() })
            }
            DialogPurpose::EvidenceFile => {
                let picked = dialog.set_title("Evidence file").pick_file();
                Box::pin(async move { picked.await.into_iter().collect() })
            }
            DialogPurpose::AddArticles => {
                let picked = dialog
                    .set_title("Add articles")
                    .add_filter(
                        "Articles (text, web pages, ninjs, NewsML-G2)",
                        &ARTICLE_EXTENSIONS,
                    )
                    .add_filter("All files", &["*"])
                    .pick_files();
                Box::pin(async move { picked.await.unwrap_or_default() })
            }
        };
        let sender = self.sender.clone();
        let ctx = ctx.clone();
        std::thread::Builder::new()
            .name("file-dialog".to_owned())
            .spawn(move || {
                let paths = pollster::block_on(pending)
                    .iter()
                    .map(|handle| handle.path().to_owned())
                    .collect();
                // The receiver lives as long as the app; if it is gone, so is the window.
                let _ = sender.send(DialogAnswer {
                    purpose,
                    session,
                    paths,
                });
                ctx.request_repaint();
            })
            .map_err(DialogError::Thread)?;
        self.open += 1;
        Ok(())
    }

    /// Answers that arrived since the last frame.
    pub fn answers(&mut self) -> Vec<DialogAnswer> {
        let answers: Vec<_> = self.receiver.try_iter().collect();
        self.open = self.open.saturating_sub(answers.len());
        answers
    }
}
