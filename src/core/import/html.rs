//! Web pages saved from a news site (and HTML pasted from a browser): the article's
//! headline, standfirst, byline, captions and paragraphs, with the site's navigation,
//! share bars, adverts and footers set aside rather than dropped.

use scraper::{ElementRef, Html, Node, Selector};

use crate::core::agency::Agency;
use crate::core::anchor::char_slice;
use crate::core::article::Role;

use super::credit::caption_credit;
use super::dates::PageDates;
use super::layout::{Layout, LayoutBuilder};
use super::page_meta;
use super::story::{Block, Class, Markup, read_story};

/// A web page's article, as found.
#[derive(Debug)]
pub struct HtmlArticle {
    /// Its text, segments and set-aside text.
    pub layout: Layout,
    /// The headline, if the page has one.
    pub headline: Option<String>,
    /// The publication, when the page names it.
    pub publication: Option<String>,
    /// When the page says the story was published and updated.
    pub dates: PageDates,
}

/// Elements whose content is never text a reader sees.
const INVISIBLE: [&str; 14] = [
    "script", "style", "noscript", "template", "svg", "iframe", "canvas", "video", "audio", "head",
    "title", "object", "embed", "map",
];

/// Elements that lay out blocks; an element holding any of them is not one paragraph.
const CONTAINERS: [&str; 16] = [
    "div", "section", "article", "main", "header", "footer", "nav", "aside", "figure", "ul", "ol",
    "table", "tbody", "tr", "form", "body",
];

/// Elements read as one paragraph each.
const BLOCKS: [&str; 14] = [
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "figcaption",
    "blockquote",
    "pre",
    "dt",
    "dd",
    "address",
];

/// Class and id words that mark page furniture, with the reason shown when its text is
/// set aside. A class matches when one of its words (split at '-' and '_') is one of
/// these, so "share-bar" and "site_footer" match but "commentary" does not.
const FURNITURE: [(&str, &str); 26] = [
    ("breadcrumb", "site navigation"),
    ("breadcrumbs", "site navigation"),
    ("menu", "site navigation"),
    ("nav", "site navigation"),
    ("navigation", "site navigation"),
    ("share", "share buttons"),
    ("sharing", "share buttons"),
    ("social", "share buttons"),
    ("related", "related links"),
    ("recommended", "related links"),
    ("newsletter", "newsletter sign-up"),
    ("subscribe", "newsletter sign-up"),
    ("subscription", "newsletter sign-up"),
    ("ad", "advertisement"),
    ("ads", "advertisement"),
    ("advert", "advertisement"),
    ("advertisement", "advertisement"),
    ("promo", "advertisement"),
    ("sponsored", "advertisement"),
    ("comment", "comments"),
    ("comments", "comments"),
    ("cookie", "cookie notice"),
    ("cookies", "cookie notice"),
    ("sidebar", "sidebar"),
    ("footer", "page footer"),
    ("masthead", "site header"),
];

/// Class words that name what a block is.
const BYLINE_CLASSES: [&str; 3] = ["byline", "author", "by-line"];
const CAPTION_CLASSES: [&str; 2] = ["caption", "credit-photo"];
const STANDFIRST_CLASSES: [&str; 5] = ["standfirst", "dek", "summary", "subtitle", "subhead"];

/// Extracts the article from a whole page.
pub fn extract_page(html: &str) -> HtmlArticle {
    let document = Html::parse_document(html);
    let article = article_root(&document);
    let headings = selector("h1");
    // The headline is the article's own <h1> when it has one (a site's logo is often
    // an <h1> too), else the page's first.
    let headline_element = article
        .and_then(|article| article.select(&headings).next())
        .or_else(|| document.select(&headings).next());
    let about = page_meta::read(&document);
    let mut walker = Walker::new(article, headline_element);
    if headline_element.is_none()
        && let Some(title) = about.title.clone()
    {
        // A page without an <h1> is headed by its title.
        walker.blocks.push((title, Markup::Headline));
    }
    walker.walk(document.root_element(), article.is_none());
    let blocks = walker.blocks();
    let reading = read_story(&blocks, about.site_name.as_deref());
    let mut dates = about.dates;
    dates.fill_from(reading.dates);
    let headline = blocks
        .iter()
        .zip(&reading.classes)
        .find(|(_, class)| matches!(class, Class::Kept(Role::Headline, _)))
        .map(|(block, _)| block.text.to_owned());
    HtmlArticle {
        layout: assemble(&blocks, &reading.classes).finish(&Agency::Unknown),
        headline,
        publication: about.site_name,
        dates,
    }
}

/// Reads an HTML fragment (a ninjs body, a pasted selection) as the article's text:
/// paragraphs, captions and bylines as the markup marks them, furniture set aside. The
/// layout is not finished: the caller adds it to the rest of the item.
pub fn extract_fragment(html: &str) -> Layout {
    let fragment = Html::parse_fragment(html);
    let mut walker = Walker::new(None, None);
    walker.walk(fragment.root_element(), true);
    let blocks = walker.blocks();
    assemble(&blocks, &markup_classes(&blocks)).into_unfinished()
}

/// The classes the markup alone gives a fragment's blocks: a wire item's body is the
/// story, with no site around it to read.
fn markup_classes(blocks: &[Block<'_>]) -> Vec<Class> {
    let mut story_started = false;
    blocks
        .iter()
        .map(|block| {
            let role = match block.markup {
                Markup::Furniture(reason) => return Class::SetAside(reason),
                Markup::Role(Role::Standfirst) | Markup::Heading if !story_started => {
                    Role::Standfirst
                }
                Markup::Role(role) if role != Role::Standfirst => role,
                Markup::Headline => Role::Headline,
                _ => Role::Body,
            };
            story_started |= role == Role::Body;
            let agency = if role == Role::Caption {
                caption_credit(block.text).unwrap_or_default()
            } else {
                Agency::Unknown
            };
            Class::Kept(role, agency)
        })
        .collect()
}

/// The layout of blocks as classed: kept blocks as paragraphs, the others set aside.
fn assemble(blocks: &[Block<'_>], classes: &[Class]) -> LayoutBuilder {
    let mut builder = LayoutBuilder::default();
    for (block, class) in blocks.iter().zip(classes) {
        match class {
            Class::SetAside(reason) => builder.set_aside(block.text, reason),
            Class::Kept(role, agency) => builder.paragraph(*role, agency.clone(), block.text),
        }
    }
    builder
}

/// Whether HTML carries the words a plain text opens with (its first dozen): the test
/// that the HTML and the text on a clipboard come from the same copy.
pub fn carries_text(html: &str, text: &str) -> bool {
    let opening: Vec<&str> = text.split_whitespace().take(12).collect();
    let visible = block_text(Html::parse_fragment(html).root_element());
    let words: Vec<&str> = visible.split_whitespace().collect();
    !opening.is_empty() && words.windows(opening.len()).any(|window| window == opening)
}

/// The paragraphs of an HTML fragment, as text.
pub fn fragment_paragraphs(html: &str) -> Vec<String> {
    let layout = extract_fragment(html);
    layout
        .segments
        .iter()
        .filter_map(|segment| char_slice(&layout.text, &segment.char_range()))
        .map(str::to_owned)
        .collect()
}

/// Walks a page in document order, collecting its blocks with what the markup says of
/// each.
struct Walker<'a> {
    /// The blocks found so far, with their markup.
    blocks: Vec<(String, Markup)>,
    /// The element holding the article, when the page marks one.
    article: Option<ElementRef<'a>>,
    /// The `<h1>` that is the headline, if the page has one.
    headline_element: Option<ElementRef<'a>>,
}

impl<'a> Walker<'a> {
    fn new(article: Option<ElementRef<'a>>, headline_element: Option<ElementRef<'a>>) -> Self {
        Self {
            blocks: Vec::new(),
            article,
            headline_element,
        }
    }

    /// The blocks found, as the story reader takes them.
    fn blocks(&self) -> Vec<Block<'_>> {
        self.blocks
            .iter()
            .map(|(text, markup)| Block {
                text,
                markup: *markup,
            })
            .collect()
    }

    /// Whether an element holds the article or its headline, which must never be set
    /// aside with it (a page wrapper classed "has-sidebar", a banner holding the h1).
    fn holds_the_story(&self, element: ElementRef<'a>) -> bool {
        [self.article, self.headline_element]
            .into_iter()
            .flatten()
            .any(|story| story == element || story.ancestors().any(|a| a.id() == element.id()))
    }

    fn walk(&mut self, element: ElementRef<'a>, inside_article: bool) {
        let inside_article = inside_article || Some(element) == self.article;
        if INVISIBLE.contains(&element.value().name()) {
            return;
        }
        if let Some(reason) = furniture_reason(element).filter(|_| !self.holds_the_story(element)) {
            self.push(block_text(element), Markup::Furniture(reason));
            return;
        }
        if is_paragraph(element) {
            let markup = if Some(element) == self.headline_element {
                Markup::Headline
            } else if !inside_article {
                Markup::Furniture("outside the article")
            } else {
                match (role_from_class(element), element.value().name()) {
                    (Some(role), _) => Markup::Role(role),
                    (None, "figcaption") => Markup::Role(Role::Caption),
                    (None, "address") => Markup::Role(Role::Byline),
                    (None, "h2") => Markup::Heading,
                    _ => Markup::Plain,
                }
            };
            self.push(block_text(element), markup);
            return;
        }
        // A container: its blocks are walked in turn, and text between them (loose
        // text, `<br>`-separated lines) makes paragraphs of its own.
        let loose_markup = if inside_article {
            Markup::Plain
        } else {
            Markup::Furniture("outside the article")
        };
        let mut loose = VisibleText::default();
        for child in element.children() {
            match child.value() {
                Node::Text(text) => loose.push_text(text),
                Node::Element(value) if value.name() == "br" => loose.line_break(),
                Node::Element(_) => {
                    let Some(child) = ElementRef::wrap(child) else {
                        continue;
                    };
                    if is_inline(child) && furniture_reason(child).is_none() {
                        append_text(child, &mut loose);
                    } else {
                        self.push(std::mem::take(&mut loose).out, loose_markup);
                        self.walk(child, inside_article);
                    }
                }
                _ => {}
            }
        }
        self.push(loose.out, loose_markup);
    }

    /// Adds a block, unless it has no text.
    fn push(&mut self, text: String, markup: Markup) {
        if !text.trim().is_empty() {
            self.blocks.push((text, markup));
        }
    }
}

/// Whether an element is inline (a link, emphasis) rather than a block of its own.
fn is_inline(element: ElementRef<'_>) -> bool {
    !is_block(element.value().name()) && !holds_blocks(element)
}

/// Whether an element of this name lays out as a block (a paragraph or a container).
fn is_block(name: &str) -> bool {
    BLOCKS.contains(&name) || CONTAINERS.contains(&name)
}

/// Whether any element inside `element` is a block.
fn holds_blocks(element: ElementRef<'_>) -> bool {
    element
        .descendent_elements()
        .skip(1)
        .any(|e| is_block(e.value().name()))
}

/// The element holding the article: the `<article>` (or `articleBody`, or `<main>`)
/// with the most paragraph text.
fn article_root(document: &Html) -> Option<ElementRef<'_>> {
    let candidates = selector("article, [itemprop=articleBody], main, [role=main]");
    let paragraphs = selector("p");
    document
        .select(&candidates)
        .map(|element| {
            let length: usize = element
                .select(&paragraphs)
                .flat_map(|p| p.text())
                .map(str::len)
                .sum();
            (length, element)
        })
        .filter(|(length, _)| *length > 0)
        .max_by_key(|(length, _)| *length)
        .map(|(_, element)| element)
}

#[expect(
    clippy::expect_used,
    reason = "the selectors are constants, checked by the tests"
)]
pub(super) fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("valid selector")
}

/// Class and id of an element, lower-cased, as one string to search (empty, without
/// allocating, for the many elements that have neither).
fn class_and_id(element: ElementRef<'_>) -> String {
    let value = element.value();
    match (value.attr("class"), value.id()) {
        (None, None) => String::new(),
        (class, id) => {
            format!("{} {}", class.unwrap_or_default(), id.unwrap_or_default()).to_lowercase()
        }
    }
}

/// Why an element is page furniture rather than article, if it is.
fn furniture_reason(element: ElementRef<'_>) -> Option<&'static str> {
    let value = element.value();
    match value.name() {
        "nav" => return Some("site navigation"),
        "footer" => return Some("page footer"),
        "aside" => return Some("sidebar"),
        "form" | "button" | "select" => return Some("form or button"),
        _ => {}
    }
    match value.attr("role") {
        Some("navigation" | "search") => return Some("site navigation"),
        Some("banner") => return Some("site header"),
        Some("contentinfo") => return Some("page footer"),
        Some("complementary") => return Some("sidebar"),
        _ => {}
    }
    let names = class_and_id(element);
    names
        .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
        .find_map(|word| FURNITURE.iter().find(|(name, _)| *name == word))
        .map(|(_, reason)| *reason)
}

/// What an element's class says it is: a byline, a caption or a standfirst.
fn role_from_class(element: ElementRef<'_>) -> Option<Role> {
    let names = class_and_id(element);
    let is = |fragments: &[&str]| fragments.iter().any(|f| names.contains(f));
    if element.value().attr("rel") == Some("author")
        || element.value().attr("itemprop") == Some("author")
        || is(&BYLINE_CLASSES)
    {
        Some(Role::Byline)
    } else if is(&CAPTION_CLASSES) {
        Some(Role::Caption)
    } else if is(&STANDFIRST_CLASSES) {
        Some(Role::Standfirst)
    } else {
        None
    }
}

/// Whether an element is read as one paragraph: a paragraph-like element, or one that
/// holds text but no blocks of its own (`<div>Loose <b>text</b></div>`).
fn is_paragraph(element: ElementRef<'_>) -> bool {
    let name = element.value().name();
    if BLOCKS.contains(&name) {
        return true;
    }
    !holds_blocks(element) && element.text().any(|text| !text.trim().is_empty())
}

/// An element's visible text: `<br>` and blocks inside it as line breaks, runs of
/// spaces collapsed, blank lines dropped.
pub(super) fn block_text(element: ElementRef<'_>) -> String {
    let mut text = VisibleText::default();
    append_text(element, &mut text);
    text.out
}

/// Text being collected the way a browser shows it, in one pass.
#[derive(Default)]
struct VisibleText {
    out: String,
    /// A space or line break seen but not written yet: written only before more text,
    /// so runs collapse and nothing trails.
    pending: Option<char>,
}

impl VisibleText {
    fn push_text(&mut self, text: &str) {
        if text.starts_with(char::is_whitespace) {
            self.space();
        }
        for (index, word) in text.split_whitespace().enumerate() {
            if index > 0 {
                self.space();
            }
            if let Some(space) = self.pending.take().filter(|_| !self.out.is_empty()) {
                self.out.push(space);
            }
            self.out.push_str(word);
        }
        if text.ends_with(char::is_whitespace) {
            self.space();
        }
    }

    fn space(&mut self) {
        self.pending.get_or_insert(' ');
    }

    fn line_break(&mut self) {
        self.pending = Some('\n');
    }
}

fn append_text(element: ElementRef<'_>, out: &mut VisibleText) {
    for child in element.children() {
        match child.value() {
            Node::Text(text) => out.push_text(text),
            Node::Element(value) if value.name() == "br" => out.line_break(),
            Node::Element(value) if INVISIBLE.contains(&value.name()) => {}
            Node::Element(value) => {
                // Blocks inside the element (list items, paragraphs) start new lines.
                let breaks_lines = is_block(value.name());
                if breaks_lines {
                    out.line_break();
                }
                if let Some(child) = ElementRef::wrap(child) {
                    append_text(child, out);
                }
                if breaks_lines {
                    out.line_break();
                }
            }
            _ => {}
        }
    }
}

pub(super) fn collapse_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html>
<html><head><title>Site | Idlib</title><script>var x = "<p>not text</p>";</script></head>
<body>
  <header class="site-header"><nav><a href="/">Home</a> <a href="/me">Middle East</a></nav></header>
  <div class="share-bar">Share on Facebook</div>
  <article>
    <h1>Tens of thousands flee Russia-led onslaught</h1>
    <p class="byline">By <a rel="author">Reuters staff</a></p>
    <figure><img src="a.jpg"><figcaption>Rescuers carry a victim in Tallmannis. – AFP</figcaption></figure>
    <p>AMMAN: Tens of thousands of people have fled.</p>
    <div class="advert">Buy now</div>
    <p>Rescuers said <b>around 60,000</b> people<br>had fled.- Reuters</p>
  </article>
  <p>Newsletter: stay informed</p>
  <footer>© Site 2019</footer>
</body></html>"#;

    fn roles(article: &HtmlArticle) -> Vec<(Role, String, String)> {
        let text = &article.layout.text;
        article
            .layout
            .segments
            .iter()
            .map(|s| {
                let words: String = text.chars().skip(s.start).take(s.end - s.start).collect();
                (s.role, words, s.agency.label().into_owned())
            })
            .collect()
    }

    #[test]
    fn the_article_is_found_and_typed() {
        let article = extract_page(PAGE);
        assert_eq!(
            article.headline.as_deref(),
            Some("Tens of thousands flee Russia-led onslaught")
        );
        assert_eq!(
            roles(&article),
            [
                (
                    Role::Headline,
                    "Tens of thousands flee Russia-led onslaught".into(),
                    "unknown".into()
                ),
                (Role::Byline, "By Reuters staff".into(), "Reuters".into()),
                (
                    Role::Caption,
                    "Rescuers carry a victim in Tallmannis. – AFP".into(),
                    "AFP".into()
                ),
                (Role::Dateline, "AMMAN:".into(), "Reuters".into()),
                (
                    Role::Body,
                    "Tens of thousands of people have fled.".into(),
                    "Reuters".into()
                ),
                (
                    Role::Body,
                    "Rescuers said around 60,000 people\nhad fled.".into(),
                    "Reuters".into()
                ),
                (Role::Credit, "- Reuters".into(), "Reuters".into()),
            ]
        );
        assert!(!article.layout.text.contains("not text"));
    }

    #[test]
    fn page_furniture_is_set_aside_with_a_reason() {
        let article = extract_page(PAGE);
        let set_aside: Vec<_> = article
            .layout
            .set_aside
            .iter()
            .map(|e| (e.text.trim(), e.reason.as_str()))
            .collect();
        assert_eq!(
            set_aside,
            [
                ("Home Middle East", "site navigation"),
                ("Share on Facebook", "share buttons"),
                ("Buy now", "advertisement"),
                ("Newsletter: stay informed", "outside the article"),
                ("© Site 2019", "page footer"),
            ]
        );
    }

    #[test]
    fn a_page_without_h1_takes_its_title() {
        let article = extract_page(
            "<html><head><meta property='og:title' content='Fed halts QE'></head><body><div class='share'>Share</div><p>NEW YORK (Reuters) - The Fed said.</p></body></html>",
        );
        assert_eq!(article.headline.as_deref(), Some("Fed halts QE"));
        assert_eq!(
            article.layout.text,
            "Fed halts QE\n\nNEW YORK (Reuters) - The Fed said."
        );
        assert_eq!(article.layout.set_aside[0].at, 12);
        assert_eq!(article.layout.segments[1].agency, Agency::Reuters);
    }

    #[test]
    fn html_carries_the_text_it_was_copied_with() {
        let html = "<h1>Idlib exodus</h1><p>AMMAN: Tens of <b>thousands</b> fled.</p>";
        assert!(carries_text(
            html,
            "Idlib exodus\nAMMAN: Tens of thousands fled."
        ));
        assert!(!carries_text(html, "Something copied later"));
        assert!(!carries_text(html, "  "));
    }

    #[test]
    fn fragments_become_paragraphs() {
        let html = "<section><p>One <i>two</i></p><p>Three</p></section><div>Loose text</div>";
        assert_eq!(
            fragment_paragraphs(html),
            ["One two", "Three", "Loose text"]
        );
    }

    #[test]
    fn loose_text_between_blocks_is_kept() {
        let html = "<div class='story-body'>AMMAN: Tens <b>fled</b>.<br><br>Rescuers said so.<p>Last word.</p>After</div>";
        assert_eq!(
            fragment_paragraphs(html),
            [
                "AMMAN: Tens fled.\nRescuers said so.",
                "Last word.",
                "After"
            ]
        );
    }

    #[test]
    fn a_class_word_marks_furniture_but_the_story_is_never_set_aside() {
        let page = "<html><body><div class='has-sidebar commentary'><h1 class='logo'>Daily</h1>\
            <article><h1>Idlib exodus</h1><p>AMMAN: Tens fled.</p></article>\
            <div class='site-footer'>About us</div></div></body></html>";
        let article = extract_page(page);
        assert_eq!(article.headline.as_deref(), Some("Idlib exodus"));
        let reasons: Vec<_> = article
            .layout
            .set_aside
            .iter()
            .map(|e| (e.text.trim(), e.reason.as_str()))
            .collect();
        assert_eq!(
            reasons,
            [
                ("Daily", "outside the article"),
                ("About us", "page footer")
            ]
        );
    }
}
