//! Turning what editors receive into [`Document`]s: plain text in any common encoding,
//! web pages, IPTC ninjs and NewsML-G2 items, and the clipboard.
//!
//! Every format ends in the same model: the article's text, its typed and credited
//! [`Segment`](crate::core::article::Segment)s, and whatever was set aside on the way.
//! Nothing is dropped silently, and a file that cannot be read is refused with the
//! reason and its path.

pub(crate) mod credit;
mod cut_off;
mod dates;
mod debris;
mod decode;
mod html;
mod layout;
mod newsml;
mod ninjs;
mod page_meta;
mod segment;
mod story;
mod text;
mod words;

use std::io::Read as _;
use std::path::Path;

use jiff::Timestamp;

use super::article::{Document, DocumentKind, Metadata, Role, Source, sha256_hex};
use super::project::{FORMAT_NAME, json_message};
use dates::PageDates;

pub use layout::Layout;
pub use text::{capitalise_first, normalize_text, publication_from_file_name, suggest_label};

/// Largest file Factdesk imports, in bytes. A news article, even a page with all its
/// markup, is far smaller; anything larger is a mistake (a video, a database dump) and
/// is refused before it is read into memory.
pub const MAX_IMPORT_BYTES: u64 = 20 * 1024 * 1024;

/// A file or a paste that could not become a document. `origin` is the file's path or
/// "the clipboard".
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file could not be read (gone, unreadable).
    #[error("could not read {origin}")]
    Read {
        /// Where the text came from.
        origin: String,
        /// What the operating system said.
        #[source]
        source: std::io::Error,
    },
    /// A folder, not a file.
    #[error("a folder, not a file: {origin}")]
    Folder {
        /// Where the text came from.
        origin: String,
    },
    /// Larger than [`MAX_IMPORT_BYTES`].
    #[error("too large to be an article ({} MB; the limit is {} MB): {origin}", size / 1_000_000, MAX_IMPORT_BYTES / 1_000_000)]
    TooLarge {
        /// Where the text came from.
        origin: String,
        /// Its size in bytes (at least; reading stopped past the limit).
        size: u64,
    },
    /// Not text at all.
    #[error("{looks_like}, not text: {origin}")]
    NotText {
        /// Where the text came from.
        origin: String,
        /// What it looks like instead.
        looks_like: &'static str,
    },
    /// Nothing but whitespace.
    #[error("no text to import in {origin}")]
    Empty {
        /// Where the text came from.
        origin: String,
    },
    /// JSON or XML that does not parse.
    #[error("not valid {format} ({message}, at line {line}, column {column}): {origin}")]
    Malformed {
        /// Where the text came from.
        origin: String,
        /// "JSON" or "XML".
        format: &'static str,
        /// What the parser said.
        message: String,
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem.
        column: usize,
    },
    /// A Factdesk project, which is opened rather than added as an article.
    #[error(
        "a Factdesk project, not an article: open it instead (`factdesk FILE`, or File → Open project… in the workbench): {origin}"
    )]
    IsProject {
        /// Where the text came from.
        origin: String,
    },
    /// Well-formed, but not a news item Factdesk reads.
    #[error("{what}: {origin}")]
    NotAnArticle {
        /// Where the text came from.
        origin: String,
        /// What it is instead ("JSON that is not an IPTC ninjs item").
        what: String,
    },
}

/// The formats Factdesk reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    PlainText,
    Html,
    Ninjs,
    Newsml,
}

impl Format {
    /// The format a file's name promises, if its extension names one.
    fn from_extension(name: &str) -> Option<Self> {
        let extension = Path::new(name).extension()?.to_str()?.to_lowercase();
        match extension.as_str() {
            "html" | "htm" | "xhtml" => Some(Self::Html),
            "json" => Some(Self::Ninjs),
            "xml" => Some(Self::Newsml),
            _ => None,
        }
    }

    /// The format's name in a notice ("named .json, but plain text").
    fn name(self) -> &'static str {
        match self {
            Self::PlainText => "plain text",
            Self::Html => "a web page",
            Self::Ninjs => "JSON",
            Self::Newsml => "XML",
        }
    }

    /// Whether text looks like this format at all: JSON opens with a brace or a
    /// bracket, XML and HTML with a tag. A file whose name promises one and whose text
    /// does not is read as what it is.
    fn looks_like(self, text: &str) -> bool {
        let start = text.trim_start();
        match self {
            Self::PlainText => true,
            Self::Ninjs => start.starts_with(['{', '[']),
            Self::Newsml | Self::Html => start.starts_with('<'),
        }
    }

    /// The format text looks like.
    fn sniff(text: &str) -> Self {
        let start = text.trim_start();
        let head = start
            .get(..start.len().min(2048))
            .unwrap_or(start)
            .to_lowercase();
        if start.starts_with('{') {
            Self::Ninjs
        } else if head.contains("<newsitem") || head.contains("<newsmessage") {
            Self::Newsml
        } else if head.starts_with('<')
            && ["<html", "<!doctype html", "<body", "<p", "<div", "<article"]
                .iter()
                .any(|tag| head.contains(tag))
        {
            Self::Html
        } else {
            Self::PlainText
        }
    }
}

/// What an importer found, before it becomes a document.
#[derive(Debug)]
struct Article {
    kind: DocumentKind,
    layout: Layout,
    headline: Option<String>,
    metadata: Metadata,
}

/// Whether a kind of input is copy from a page, which can be cut off and carries
/// publication dates in its text; wire items are whole by construction.
fn is_page_copy(kind: DocumentKind) -> bool {
    matches!(
        kind,
        DocumentKind::TextFile
            | DocumentKind::HtmlPage
            | DocumentKind::Clipboard
            | DocumentKind::ClipboardHtml
    )
}

impl Article {
    /// The document: labelled with its headline (or `fallback_label`), credited to the
    /// agency of its body, and flagged when page copy seems cut off.
    fn into_document(
        self,
        fallback_label: &str,
        original_path: Option<String>,
        now: Timestamp,
    ) -> Document {
        let mut metadata = self.metadata;
        if is_page_copy(self.kind) {
            metadata.cut_off = cut_off::cut_off(&self.layout);
        }
        let Layout {
            text,
            segments,
            set_aside,
        } = self.layout;
        let label = self
            .headline
            .map(|headline| suggest_label(&headline))
            .filter(|label| !label.is_empty())
            .unwrap_or_else(|| fallback_label.to_owned());
        let body_agency = segments
            .iter()
            .find(|s| s.role == Role::Body)
            .map(|s| s.agency.clone())
            .unwrap_or_default();
        let source = Source::of_agency(&body_agency);
        Document {
            id: super::article::DocumentId::new_random(),
            label,
            source,
            kind: self.kind,
            original_path,
            imported: now,
            sha256: sha256_hex(&text),
            metadata,
            segments,
            set_aside,
            text,
        }
    }
}

/// Reads a file as a new document, whatever its format: HTML, ninjs and NewsML-G2 by
/// extension or by content, anything else as plain text. Refuses folders and files
/// over [`MAX_IMPORT_BYTES`] without reading them.
pub fn import_file(path: &Path, now: Timestamp) -> Result<Document, ImportError> {
    let origin = path.display().to_string();
    let read_error = |source| ImportError::Read {
        origin: origin.clone(),
        source,
    };
    let file = std::fs::File::open(path).map_err(read_error)?;
    let metadata = file.metadata().map_err(read_error)?;
    if metadata.is_dir() {
        return Err(ImportError::Folder { origin });
    }
    if metadata.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge {
            origin,
            size: metadata.len(),
        });
    }
    // The length may lie (a pipe, a growing file): never read past the limit.
    let mut bytes = Vec::new();
    file.take(MAX_IMPORT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(read_error)?;
    if bytes.len() as u64 > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge {
            origin,
            size: bytes.len() as u64,
        });
    }
    let article = read_bytes(&bytes, &origin)?;
    let stem = path.file_stem().map_or_else(
        || origin.clone(),
        |stem| stem.to_string_lossy().into_owned(),
    );
    Ok(article.into_document(&stem, Some(origin), now))
}

/// Reads bytes as an article, as [`import_file`] does with a file's contents; `name`
/// (a file name) hints at the format and names the origin in errors.
pub fn import_bytes(bytes: &[u8], name: &str, now: Timestamp) -> Result<Document, ImportError> {
    let article = read_bytes(bytes, name)?;
    Ok(article.into_document(name, None, now))
}

/// Makes a new document of what was pasted: the HTML a browser put on the clipboard
/// beside the text when there is some and it carries the same words (it keeps the
/// page's structure), otherwise the plain text. A paste larger than
/// [`MAX_IMPORT_BYTES`] (text and HTML together) is refused, like a file.
pub fn import_pasted(
    text: &str,
    html: Option<&str>,
    now: Timestamp,
) -> Result<Document, ImportError> {
    const ORIGIN: &str = "the clipboard";
    let pasted = text.len() + html.map_or(0, str::len);
    if pasted as u64 > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge {
            origin: ORIGIN.to_owned(),
            size: pasted as u64,
        });
    }
    if let Some(html) = html.filter(|html| html::carries_text(html, text)) {
        let mut article = html_article(html, Metadata::default());
        if !article.layout.text.trim().is_empty() {
            article.kind = DocumentKind::ClipboardHtml;
            let label = suggest_label(&article.layout.text);
            return Ok(article.into_document(&label, None, now));
        }
    }
    let text = normalize_text(text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty {
            origin: ORIGIN.to_owned(),
        });
    }
    let article = plain_text_article(&text, DocumentKind::Clipboard, Metadata::default());
    let label = suggest_label(&article.layout.text);
    Ok(article.into_document(&label, None, now))
}

/// Decodes bytes and reads them in the format their name promises or their content
/// shows. A file whose name promises JSON or XML but which holds something else (plain
/// text, a web page) is read as what it holds, with a notice saying so.
fn read_bytes(bytes: &[u8], origin: &str) -> Result<Article, ImportError> {
    let decoded = decode::decode(bytes).map_err(|not_text| ImportError::NotText {
        origin: origin.to_owned(),
        looks_like: not_text.looks_like,
    })?;
    let text = normalize_text(&decoded.text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty {
            origin: origin.to_owned(),
        });
    }
    let file_name = Path::new(origin)
        .file_name()
        .map(|name| name.to_string_lossy());
    let mut metadata = Metadata {
        encoding: decoded.encoding,
        publication: Path::new(origin)
            .file_stem()
            .and_then(|stem| publication_from_file_name(&stem.to_string_lossy())),
        ..Metadata::default()
    };
    let promised = Format::from_extension(origin);
    let format = match promised {
        Some(promised) if !promised.looks_like(&text) => {
            let found = Format::sniff(&text);
            metadata.notices.push(format!(
                "named “{}” but holds {}, not {}: read as {}",
                file_name.as_deref().unwrap_or(origin),
                found.name(),
                promised.name(),
                found.name()
            ));
            found
        }
        Some(promised) => promised,
        None => Format::sniff(&text),
    };
    let article = match format {
        Format::PlainText => Ok(plain_text_article(
            &text,
            DocumentKind::TextFile,
            metadata.clone(),
        )),
        Format::Html => Ok(html_article(&text, metadata.clone())),
        Format::Ninjs => ninjs_article(&text, origin, metadata.clone()),
        Format::Newsml => newsml_article(&text, origin, metadata.clone()),
    };
    match article {
        // Text that only looked structured (JSON-like notes in a .txt) is plain text;
        // a project is a project whatever its name.
        Err(err) if promised.is_none() && !matches!(err, ImportError::IsProject { .. }) => {
            Ok(plain_text_article(&text, DocumentKind::TextFile, metadata))
        }
        article => article,
    }
    .and_then(|article| {
        if article.layout.text.trim().is_empty() {
            Err(ImportError::Empty {
                origin: origin.to_owned(),
            })
        } else {
            Ok(article)
        }
    })
}

/// Reads plain text as a story; `metadata.publication` (from the file's name) lets a
/// line naming the site be set aside.
fn plain_text_article(text: &str, kind: DocumentKind, mut metadata: Metadata) -> Article {
    let story = segment::segment_plain_text(text, metadata.publication.as_deref());
    let headline = story
        .layout
        .segments
        .iter()
        .find(|s| s.role == Role::Headline)
        .and_then(|s| super::anchor::char_slice(&story.layout.text, &s.char_range()))
        .map(str::to_owned);
    set_dates(&mut metadata, story.dates);
    Article {
        kind,
        layout: story.layout,
        headline,
        metadata,
    }
}

/// Reads a web page; the publication its metadata names wins over its file's name.
fn html_article(text: &str, mut metadata: Metadata) -> Article {
    let page = html::extract_page(text);
    if page.publication.is_some() {
        metadata.publication = page.publication;
    }
    set_dates(&mut metadata, page.dates);
    Article {
        kind: DocumentKind::HtmlPage,
        layout: page.layout,
        headline: page.headline,
        metadata,
    }
}

fn set_dates(metadata: &mut Metadata, dates: PageDates) {
    metadata.published = dates.published;
    metadata.updated = dates.updated;
}

fn ninjs_article(text: &str, origin: &str, encoding: Metadata) -> Result<Article, ImportError> {
    let json: serde_json::Value =
        serde_json::from_str(text).map_err(|err| ImportError::Malformed {
            origin: origin.to_owned(),
            format: "JSON",
            message: json_message(&err),
            line: err.line(),
            column: err.column(),
        })?;
    if json.get("format").and_then(serde_json::Value::as_str) == Some(FORMAT_NAME) {
        return Err(ImportError::IsProject {
            origin: origin.to_owned(),
        });
    }
    let item = ninjs::read(&json).map_err(|err| ImportError::NotAnArticle {
        origin: origin.to_owned(),
        what: match err {
            ninjs::NinjsError::NotAnObject => {
                "JSON that is not an object, so not an IPTC ninjs item".to_owned()
            }
            ninjs::NinjsError::NotNinjs => {
                "JSON that is not an IPTC ninjs item (no uri, headline or body)".to_owned()
            }
        },
    })?;
    Ok(Article {
        kind: DocumentKind::Ninjs,
        layout: item.layout,
        headline: item.headline,
        metadata: Metadata {
            encoding: encoding.encoding,
            ..item.metadata
        },
    })
}

fn newsml_article(text: &str, origin: &str, encoding: Metadata) -> Result<Article, ImportError> {
    let document = roxmltree::Document::parse(text).map_err(|err| {
        let position = err.pos();
        ImportError::Malformed {
            origin: origin.to_owned(),
            format: "XML",
            message: xml_message(&err),
            line: position.row as usize,
            column: position.col as usize,
        }
    })?;
    let item = newsml::read(&document).map_err(|err| ImportError::NotAnArticle {
        origin: origin.to_owned(),
        what: format!(
            "XML that is not a NewsML-G2 news item (its root is <{}>)",
            err.root
        ),
    })?;
    Ok(Article {
        kind: DocumentKind::NewsmlG2,
        layout: item.layout,
        headline: item.headline,
        metadata: Metadata {
            encoding: encoding.encoding,
            ..item.metadata
        },
    })
}

/// roxmltree's message without its " at R:C" suffix.
fn xml_message(err: &roxmltree::Error) -> String {
    let full = err.to_string();
    let position = err.pos();
    let suffix = format!(" at {}:{}", position.row, position.col);
    full.strip_suffix(&suffix).unwrap_or(&full).to_owned()
}
