//! A small document model for what exports print: headings, paragraphs, lists, tables
//! and a sign-off block, with text that can be marked deleted, inserted or moved.
//!
//! The verification report and the diff page are each built once as a [`Page`];
//! `markdown.rs` and `html.rs` only render it, so the two renderings cannot drift
//! apart.

/// A stretch of text and how it is shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inline {
    /// Ordinary text.
    Text(String),
    /// Text that stands out (a label, a verdict).
    Strong(String),
    /// Words only the old version has.
    Deleted(String),
    /// Words only the new version has.
    Inserted(String),
    /// Words both versions have, in a sentence that moved.
    Moved(String),
}

/// Text made of marked stretches: a paragraph, a list item or a table cell.
pub type Rich = Vec<Inline>;

/// Ordinary text as [`Rich`] text.
pub fn plain(text: impl Into<String>) -> Rich {
    vec![Inline::Text(text.into())]
}

/// One block of a page, in reading order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// A heading; level 2 for sections, 3 for their parts (level 1 is the title).
    Heading {
        /// 2 or deeper.
        level: u8,
        /// The heading's words.
        text: String,
    },
    /// A paragraph.
    Paragraph(Rich),
    /// Label–value pairs ("Status: Checked"), one per line.
    Fields(Vec<(String, Rich)>),
    /// A bulleted list.
    List(Vec<Rich>),
    /// A table with a header row.
    Table {
        /// The column names.
        header: Vec<String>,
        /// The rows, each with one cell per column.
        rows: Vec<Vec<Rich>>,
    },
    /// Lines to sign by hand, set apart at the end: each label ("Checked by") is
    /// followed by a blank line to write on.
    SignOff(Vec<String>),
}

/// A whole page: a title and its blocks.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Page {
    /// The page's title (the Markdown `#` heading, the HTML `<title>` and `<h1>`).
    pub title: String,
    /// The blocks, in reading order.
    pub blocks: Vec<Block>,
}

impl Page {
    /// An empty page titled `title`.
    pub fn new(title: impl Into<String>) -> Self {
        Self {
            title: title.into(),
            blocks: Vec::new(),
        }
    }

    /// Appends a heading.
    pub fn heading(&mut self, level: u8, text: impl Into<String>) {
        self.blocks.push(Block::Heading {
            level,
            text: text.into(),
        });
    }

    /// Appends a paragraph of ordinary text.
    pub fn paragraph(&mut self, text: impl Into<String>) {
        self.blocks.push(Block::Paragraph(plain(text)));
    }
}
