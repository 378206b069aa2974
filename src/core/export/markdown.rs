//! Renders a [`Page`] as Markdown (CommonMark with GitHub tables): deleted words struck
//! through, inserted ones in bold, moved ones in italics. Text is escaped so that
//! newsroom punctuation (asterisks, underscores, pipes, angle brackets) is printed, not
//! read as markup.

use std::fmt::{self, Write as _};

use super::page::{Block, Inline, Page};

/// The line a sign-off label is followed by, to write on.
const BLANK: &str = "______________________________";

/// The page as a Markdown file, ending in a line break.
pub fn render(page: &Page) -> String {
    let mut out = format!("# {}\n", escape(&page.title));
    for block in &page.blocks {
        out.push('\n');
        // Writing to a String cannot fail.
        let _ = block_markdown(&mut out, block);
    }
    out
}

/// Appends one block, ending in a line break.
fn block_markdown(out: &mut String, block: &Block) -> fmt::Result {
    match block {
        Block::Heading { level, text } => {
            let hashes = "#".repeat(usize::from(*level));
            writeln!(out, "{hashes} {}", escape(text))?;
        }
        Block::Paragraph(text) => {
            writeln!(out, "{}", rich(text))?;
        }
        Block::Fields(fields) => {
            for (label, value) in fields {
                writeln!(out, "- **{}:** {}", escape(label), rich(value))?;
            }
        }
        Block::List(items) => {
            for item in items {
                writeln!(out, "- {}", rich(item))?;
            }
        }
        Block::Table { header, rows } => {
            let cells: Vec<String> = header.iter().map(|cell| escape(cell)).collect();
            writeln!(out, "| {} |", cells.join(" | "))?;
            writeln!(out, "|{}", "---|".repeat(header.len()))?;
            for row in rows {
                let cells: Vec<String> = row.iter().map(|cell| rich(cell)).collect();
                writeln!(out, "| {} |", cells.join(" | "))?;
            }
        }
        Block::SignOff(lines) => {
            for line in lines {
                // A run of underscores after a space is literal text in CommonMark.
                writeln!(out, "{} {BLANK}  ", escape(line))?;
            }
        }
    }
    Ok(())
}

/// Marked text on one line.
fn rich(text: &[Inline]) -> String {
    let mut out = String::new();
    for inline in text {
        let (mark, words) = match inline {
            Inline::Text(words) => ("", words),
            Inline::Strong(words) | Inline::Inserted(words) => ("**", words),
            Inline::Deleted(words) => ("~~", words),
            Inline::Moved(words) => ("_", words),
        };
        let escaped = escape(words);
        // Emphasis markers must touch the words they mark.
        let trimmed = escaped.trim();
        if mark.is_empty() || trimmed.is_empty() {
            out.push_str(&escaped);
        } else {
            let lead = &escaped[..escaped.len() - escaped.trim_start().len()];
            let trail = &escaped[escaped.trim_end().len()..];
            out.push_str(lead);
            out.push_str(mark);
            out.push_str(trimmed);
            out.push_str(mark);
            out.push_str(trail);
        }
    }
    out
}

/// `text` on one line with Markdown's special characters escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::export::page::plain;

    #[test]
    fn tables_keep_newsroom_punctuation_as_text() {
        let mut page = Page::new("Report");
        page.blocks.push(Block::Table {
            header: vec!["Note".into()],
            rows: vec![vec![plain("a | b *c*\nd")]],
        });
        let markdown = render(&page);
        assert!(markdown.contains("| a \\| b \\*c\\* d |"), "{markdown}");
    }

    #[test]
    fn marks_touch_the_words_they_mark() {
        let text = [
            Inline::Text("was ".into()),
            Inline::Deleted("at least ".into()),
            Inline::Inserted("some".into()),
        ];
        assert_eq!(rich(&text), "was ~~at least~~ **some**");
    }
}
