//! What a web page says about itself in its metadata: its title, the publication it
//! belongs to, and when its story was published and updated, from Open Graph and
//! article meta tags and from the JSON-LD a news site embeds for search engines.

use std::sync::LazyLock;

use regex::Regex;
use scraper::Html;
use serde_json::Value;

use super::credit::compile;
use super::dates::PageDates;
use super::html::{block_text, collapse_spaces, selector};

/// What a page's metadata says.
#[derive(Debug, Default)]
pub struct PageAbout {
    /// The story's title, for a page without an `<h1>`.
    pub title: Option<String>,
    /// The publication's name ("Gulf Daily").
    pub site_name: Option<String>,
    /// When the story was published and updated.
    pub dates: PageDates,
}

/// Types of JSON-LD object that describe the story itself.
const ARTICLE_TYPES: [&str; 6] = [
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
];

/// Separators between a page title and the site's name ("Headline | Gulf Daily").
const TITLE_SEPARATORS: [&str; 4] = [" | ", " - ", " – ", " — "];

/// An ISO 8601 date, with its time to the minute when there is one.
static ISO_DATE: LazyLock<Regex> =
    LazyLock::new(|| compile(r"^\s*(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?"));

/// Reads a page's metadata.
pub fn read(document: &Html) -> PageAbout {
    let article = json_ld_article(document);
    let from_json = |key: &str| article.as_ref().and_then(|article| article.get(key));
    let meta = |css: &str| meta_content(document, css);
    let title = meta(r#"meta[property="og:title"]"#).or_else(|| {
        let title = selector("title");
        document
            .select(&title)
            .next()
            .map(block_text)
            .filter(|title| !title.is_empty())
    });
    let site_name = meta(r#"meta[property="og:site_name"]"#)
        .or_else(|| {
            let publisher = from_json("publisher")?;
            publisher
                .get("name")
                .or(Some(publisher))
                .and_then(Value::as_str)
                .map(collapse_spaces)
        })
        .or_else(|| meta(r#"meta[name="application-name"]"#))
        .or_else(|| site_from_title(document))
        .filter(|name| !name.is_empty());
    let json_date = |key: &str| from_json(key).and_then(Value::as_str).and_then(iso_date);
    let dates = PageDates {
        published: meta(r#"meta[property="article:published_time"]"#)
            .as_deref()
            .and_then(iso_date)
            .or_else(|| json_date("datePublished"))
            .or_else(|| {
                meta(r#"meta[itemprop="datePublished"]"#)
                    .as_deref()
                    .and_then(iso_date)
            }),
        updated: meta(r#"meta[property="article:modified_time"]"#)
            .as_deref()
            .and_then(iso_date)
            .or_else(|| json_date("dateModified")),
    };
    PageAbout {
        title: title.map(|title| without_site_name(&title, site_name.as_deref())),
        site_name,
        dates,
    }
}

/// The content of the first meta tag `css` selects, with its spaces collapsed.
fn meta_content(document: &Html, css: &str) -> Option<String> {
    let meta = selector(css);
    document
        .select(&meta)
        .find_map(|element| element.attr("content"))
        .map(collapse_spaces)
        .filter(|content| !content.is_empty())
}

/// The JSON-LD object describing the story, if the page embeds one (at the top level,
/// in a list, or in an `@graph`).
fn json_ld_article(document: &Html) -> Option<Value> {
    let scripts = selector(r#"script[type="application/ld+json"]"#);
    document
        .select(&scripts)
        .filter_map(|script| serde_json::from_str::<Value>(&script.text().collect::<String>()).ok())
        .find_map(find_article)
}

fn find_article(value: Value) -> Option<Value> {
    match value {
        Value::Array(items) => items.into_iter().find_map(find_article),
        Value::Object(mut object) => {
            if let Some(graph) = object.remove("@graph")
                && let Some(article) = find_article(graph)
            {
                return Some(article);
            }
            let is_article = match object.get("@type") {
                Some(Value::String(kind)) => ARTICLE_TYPES.contains(&kind.as_str()),
                Some(Value::Array(kinds)) => kinds
                    .iter()
                    .filter_map(Value::as_str)
                    .any(|kind| ARTICLE_TYPES.contains(&kind)),
                _ => false,
            };
            is_article.then_some(Value::Object(object))
        }
        _ => None,
    }
}

/// The site's name from a title that ends with it, when the title's first part is the
/// page's headline ("Idlib exodus | Gulf Daily", with `<h1>Idlib exodus</h1>`).
fn site_from_title(document: &Html) -> Option<String> {
    let title = document.select(&selector("title")).next().map(block_text)?;
    let headline = document.select(&selector("h1")).next().map(block_text)?;
    TITLE_SEPARATORS.iter().find_map(|separator| {
        let (first, site) = title.rsplit_once(separator)?;
        (first.trim() == headline.trim() && !site.trim().is_empty()).then(|| site.trim().to_owned())
    })
}

/// A title without the site's name after it ("Idlib exodus | Gulf Daily" → "Idlib
/// exodus").
fn without_site_name(title: &str, site_name: Option<&str>) -> String {
    let Some(site_name) = site_name else {
        return title.to_owned();
    };
    TITLE_SEPARATORS
        .iter()
        .find_map(|separator| {
            let (first, site) = title.rsplit_once(separator)?;
            site.trim()
                .eq_ignore_ascii_case(site_name)
                .then(|| first.trim().to_owned())
        })
        .unwrap_or_else(|| title.to_owned())
}

/// An ISO date (with its time to the minute) from a metadata value.
fn iso_date(value: &str) -> Option<String> {
    let captures = ISO_DATE.captures(value)?;
    let date = captures.get(1)?.as_str();
    jiff::civil::Date::strptime("%Y-%m-%d", date).ok()?;
    Some(match captures.get(2) {
        Some(time) => format!("{date}T{}", time.as_str()),
        None => date.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_graph_names_the_site_and_dates_the_story() {
        let page = Html::parse_document(
            r#"<html><head><title>Idlib exodus | Gulf Daily</title>
            <meta property="og:site_name" content="Gulf Daily">
            <meta property="article:published_time" content="2019-08-21T21:43:00+04:00">
            </head><body><h1>Idlib exodus</h1></body></html>"#,
        );
        let about = read(&page);
        assert_eq!(about.site_name.as_deref(), Some("Gulf Daily"));
        assert_eq!(about.title.as_deref(), Some("Idlib exodus"));
        assert_eq!(about.dates.published.as_deref(), Some("2019-08-21T21:43"));
        assert_eq!(about.dates.updated, None);
    }

    #[test]
    fn json_ld_names_the_publisher_and_the_title_its_site() {
        let page = Html::parse_document(
            r#"<html><head><title>Idlib exodus - The Levant Post</title>
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","name":"Wrong"},
              {"@type":"NewsArticle","headline":"Idlib exodus","datePublished":"2019-08-21",
               "dateModified":"2019-08-22T09:30:00Z","publisher":{"@type":"Organization","name":"The Levant Post"}}]}
            </script></head><body><h1>Idlib exodus</h1></body></html>"#,
        );
        let about = read(&page);
        assert_eq!(about.site_name.as_deref(), Some("The Levant Post"));
        assert_eq!(about.dates.published.as_deref(), Some("2019-08-21"));
        assert_eq!(about.dates.updated.as_deref(), Some("2019-08-22T09:30"));

        let bare = Html::parse_document(
            "<html><head><title>Idlib exodus | Daily Example</title></head><body><h1>Idlib exodus</h1></body></html>",
        );
        assert_eq!(read(&bare).site_name.as_deref(), Some("Daily Example"));
        let broken = Html::parse_document(
            r#"<html><head><script type="application/ld+json">{"@type": "NewsArticle", </script></head></html>"#,
        );
        assert_eq!(read(&broken).site_name, None);
    }
}
