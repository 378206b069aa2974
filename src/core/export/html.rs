//! Renders a [`Page`] as one standalone HTML file: inline CSS that also prints well, no
//! scripts, no external resources, every piece of text escaped.
//!
//! The markup is well-formed XHTML5 (void elements closed, attributes quoted), so an
//! XML parser reads it as well as a browser does; tests check that.

use std::fmt::{self, Write as _};

use super::page::{Block, Inline, Page};

/// The page's style: readable on screen, black on white with no backgrounds when
/// printed, tables kept whole across page breaks where they fit.
const STYLE: &str = "
body { font-family: Georgia, 'Times New Roman', serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #111; line-height: 1.45; }
h1, h2, h3 { font-family: 'Helvetica Neue', Arial, sans-serif; line-height: 1.2; }
h2 { border-bottom: 1px solid #999; padding-bottom: 0.2rem; margin-top: 2rem; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; font-size: 0.92rem; }
th, td { border: 1px solid #bbb; padding: 0.25rem 0.45rem; text-align: left; vertical-align: top; }
th { background: #eee; }
dl.fields { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 0.8rem; }
dl.fields dt { font-weight: bold; }
dl.fields dd { margin: 0; }
del { color: #a40000; background: #fde7e7; }
ins { color: #0a5c0a; background: #e3f5e3; text-decoration: none; font-weight: bold; }
span.moved { color: #174ea6; background: #e8effc; font-style: italic; }
.sign-off { margin-top: 3rem; border: 1px solid #111; padding: 1rem 1.5rem; }
.sign-off p { margin: 1.2rem 0; font-size: 1.05rem; display: flex; }
.sign-off .blank { flex: 1; border-bottom: 1px solid #111; margin-left: 0.5rem; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  th { background: none; }
  del, ins, span.moved { background: none; }
  del { text-decoration: line-through; }
  ins { text-decoration: underline; }
  h2, h3 { break-after: avoid; }
  tr, .sign-off { break-inside: avoid; }
}
";

/// The page as a standalone HTML file, ending in a line break.
pub fn render(page: &Page) -> String {
    let title = escape(&page.title);
    let mut out = format!(
        "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n\
         <meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n\
         <title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{title}</h1>\n"
    );
    for block in &page.blocks {
        // Writing to a String cannot fail.
        let _ = block_html(&mut out, block);
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// Appends one block, ending in a line break.
fn block_html(out: &mut String, block: &Block) -> fmt::Result {
    match block {
        Block::Heading { level, text } => {
            let level = (*level).clamp(2, 6);
            writeln!(out, "<h{level}>{}</h{level}>", escape(text))?;
        }
        Block::Paragraph(text) => {
            out.push_str("<p>");
            rich(out, text);
            out.push_str("</p>\n");
        }
        Block::Fields(fields) => {
            out.push_str("<dl class=\"fields\">\n");
            for (label, value) in fields {
                write!(out, "<dt>{}</dt><dd>", escape(label))?;
                rich(out, value);
                out.push_str("</dd>\n");
            }
            out.push_str("</dl>\n");
        }
        Block::List(items) => {
            out.push_str("<ul>\n");
            for item in items {
                out.push_str("<li>");
                rich(out, item);
                out.push_str("</li>\n");
            }
            out.push_str("</ul>\n");
        }
        Block::Table { header, rows } => {
            out.push_str("<table>\n<thead><tr>");
            for cell in header {
                write!(out, "<th>{}</th>", escape(cell))?;
            }
            out.push_str("</tr></thead>\n<tbody>\n");
            for row in rows {
                out.push_str("<tr>");
                for cell in row {
                    out.push_str("<td>");
                    rich(out, cell);
                    out.push_str("</td>");
                }
                out.push_str("</tr>\n");
            }
            out.push_str("</tbody>\n</table>\n");
        }
        Block::SignOff(lines) => {
            out.push_str("<div class=\"sign-off\">\n");
            for line in lines {
                writeln!(out, "<p>{} <span class=\"blank\"></span></p>", escape(line))?;
            }
            out.push_str("</div>\n");
        }
    }
    Ok(())
}

/// Appends marked text; line breaks inside it become `<br/>`.
fn rich(out: &mut String, text: &[Inline]) {
    for inline in text {
        let (open, close, words) = match inline {
            Inline::Text(words) => ("", "", words),
            Inline::Strong(words) => ("<strong>", "</strong>", words),
            Inline::Deleted(words) => ("<del>", "</del>", words),
            Inline::Inserted(words) => ("<ins>", "</ins>", words),
            Inline::Moved(words) => ("<span class=\"moved\">", "</span>", words),
        };
        out.push_str(open);
        out.push_str(&escape(words).replace('\n', "<br/>"));
        out.push_str(close);
    }
}

/// `text` with the characters HTML and XML give meaning to escaped, and the control
/// characters XML forbids dropped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' | '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_is_well_formed_and_escaped() {
        let mut page = Page::new("Idlib <draft> & “notes”");
        page.paragraph("<script>alert(1)</script>");
        page.blocks.push(Block::Table {
            header: vec!["A & B".into()],
            rows: vec![vec![vec![
                Inline::Deleted("old\nline".into()),
                Inline::Moved("moved".into()),
            ]]],
        });
        page.blocks.push(Block::SignOff(vec!["Checked by".into()]));
        let html = render(&page);
        assert!(!html.contains("<script"), "{html}");
        let parsed = roxmltree::Document::parse_with_options(
            &html,
            roxmltree::ParsingOptions {
                allow_dtd: true,
                ..roxmltree::ParsingOptions::default()
            },
        )
        .unwrap();
        let text: String = parsed.descendants().filter_map(|n| n.text()).collect();
        assert!(text.contains("<script>alert(1)</script>"));
        assert!(html.contains("<del>old<br/>line</del>"), "{html}");
    }
}
