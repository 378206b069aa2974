//! Turning what editors receive into [`Document`]s.
//!
//! Each input format has a module of its own; for now that is plain text, read from a
//! file or pasted from the clipboard.

mod text;

use std::path::{Path, PathBuf};

use jiff::Timestamp;

use super::article::{Document, DocumentKind, Source};

pub use text::{normalize_text, suggest_label};

/// A file or a paste that could not become a document.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file could not be read.
    #[error("could not read {}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// What the operating system said.
        #[source]
        source: std::io::Error,
    },
    /// The file holds bytes that are not UTF-8.
    #[error("text that is not UTF-8 (first bad byte at offset {offset}) in {}", path.display())]
    NotUtf8 {
        /// The file.
        path: PathBuf,
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// The file holds binary data, not text.
    #[error("binary data, not text, in {}", path.display())]
    Binary {
        /// The file.
        path: PathBuf,
    },
    /// There is nothing but whitespace to import.
    #[error("no text to import in {origin}")]
    Empty {
        /// Where the text came from: a path, or "the clipboard".
        origin: String,
    },
}

/// Reads a plain-text file as a new document (UTF-8, with or without a byte-order
/// mark; line endings become `\n`). The label is the file's name.
pub fn import_text_file(path: &Path, now: Timestamp) -> Result<Document, ImportError> {
    let bytes = std::fs::read(path).map_err(|source| ImportError::Read {
        path: path.to_owned(),
        source,
    })?;
    if bytes.contains(&0) {
        return Err(ImportError::Binary {
            path: path.to_owned(),
        });
    }
    let raw = String::from_utf8(bytes).map_err(|err| ImportError::NotUtf8 {
        path: path.to_owned(),
        offset: err.utf8_error().valid_up_to(),
    })?;
    let text = normalize_text(&raw);
    if text.trim().is_empty() {
        return Err(ImportError::Empty {
            origin: path.display().to_string(),
        });
    }
    let label = path.file_stem().map_or_else(
        || suggest_label(&text),
        |stem| stem.to_string_lossy().into_owned(),
    );
    Ok(Document::new(
        label,
        Source::Other,
        DocumentKind::TextFile,
        Some(path.display().to_string()),
        text,
        now,
    ))
}

/// Makes a new document of text pasted from the clipboard, labelled with its first line.
pub fn import_pasted_text(raw: &str, now: Timestamp) -> Result<Document, ImportError> {
    let text = normalize_text(raw);
    if text.trim().is_empty() {
        return Err(ImportError::Empty {
            origin: "the clipboard".to_owned(),
        });
    }
    Ok(Document::new(
        suggest_label(&text),
        Source::Other,
        DocumentKind::Clipboard,
        None,
        text,
        now,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_file_becomes_a_document_named_after_the_file() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("reuters-1402.txt");
        std::fs::write(&path, "\u{feff}AMMAN: Tens of thousands\r\nfled.\r\n").unwrap();
        let document = import_text_file(&path, Timestamp::UNIX_EPOCH).unwrap();
        assert_eq!(document.label, "reuters-1402");
        assert_eq!(document.text, "AMMAN: Tens of thousands\nfled.\n");
        assert_eq!(document.kind, DocumentKind::TextFile);
        assert!(
            document
                .original_path
                .unwrap()
                .ends_with("reuters-1402.txt")
        );
    }

    #[test]
    fn wrong_files_are_refused_with_the_reason() {
        let folder = tempfile::tempdir().unwrap();
        let cases: [(&str, &[u8], &str); 3] = [
            (
                "latin1.txt",
                b"caf\xe9 au lait",
                "not UTF-8 (first bad byte at offset 3)",
            ),
            ("photo.jpg", b"\xff\xd8\xff\xe0\0\x10JFIF", "binary data"),
            ("blank.txt", b" \n\t\n", "no text to import"),
        ];
        for (name, bytes, reason) in cases {
            let path = folder.path().join(name);
            std::fs::write(&path, bytes).unwrap();
            let err = import_text_file(&path, Timestamp::UNIX_EPOCH).unwrap_err();
            let message = err.to_string();
            assert!(
                message.contains(reason) && message.ends_with(name),
                "{message}"
            );
        }
        let missing = import_text_file(&folder.path().join("gone.txt"), Timestamp::UNIX_EPOCH);
        assert!(matches!(missing, Err(ImportError::Read { .. })));
    }

    #[test]
    fn pasted_text_is_labelled_with_its_first_line() {
        let document = import_pasted_text(
            "\n\nTens of thousands flee\nAMMAN: …",
            Timestamp::UNIX_EPOCH,
        )
        .unwrap();
        assert_eq!(document.label, "Tens of thousands flee");
        assert_eq!(document.kind, DocumentKind::Clipboard);
        assert!(import_pasted_text("  \n", Timestamp::UNIX_EPOCH).is_err());
    }
}
