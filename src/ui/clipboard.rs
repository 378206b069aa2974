//! The HTML a browser puts on the system clipboard beside the plain text, for "Paste as
//! new article": a pasted web page keeps its headline, captions and paragraphs.

/// The clipboard's HTML, if there is some.
pub fn html() -> Option<String> {
    let mut clipboard = match arboard::Clipboard::new() {
        Ok(clipboard) => clipboard,
        Err(err) => {
            log::info!("no system clipboard to read HTML from ({err}); pasting plain text");
            return None;
        }
    };
    clipboard.get().html().ok()
}
