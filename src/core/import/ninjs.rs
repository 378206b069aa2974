//! IPTC ninjs news items (JSON), versions 1.x to 3.x. Version 3 renamed fields to
//! camelCase (`versionCreated` for `versioncreated`, `copyrightHolder` for
//! `copyrightholder`); both spellings are read. Version 1 has single `headline`,
//! `body_text`/`body_html` and `description_*` fields; versions 2 and 3 have lists of
//! `headlines`, `bodies` and `descriptions` with roles.

use serde_json::{Map, Value};

use crate::core::agency::Agency;
use crate::core::article::{Metadata, Role};

use super::credit::caption_credit;
use super::html::{extract_fragment, extract_page, fragment_paragraphs};
use super::layout::{Layout, LayoutBuilder};

/// A ninjs item, as read.
#[derive(Debug)]
pub struct NinjsItem {
    /// Its text and segments.
    pub layout: Layout,
    /// Its headline, if any.
    pub headline: Option<String>,
    /// What the item says about itself.
    pub metadata: Metadata,
}

/// Why JSON is not a ninjs item.
#[derive(Debug, PartialEq, Eq)]
pub enum NinjsError {
    /// The JSON is not an object.
    NotAnObject,
    /// The object has none of the fields every ninjs item has.
    NotNinjs,
}

/// Fields of which any ninjs item has at least one.
const NINJS_FIELDS: [&str; 9] = [
    "uri",
    "headline",
    "headlines",
    "body_text",
    "body_html",
    "bodies",
    "versioncreated",
    "versionCreated",
    "descriptions",
];

/// Reads a ninjs item from parsed JSON.
pub fn read(json: &Value) -> Result<NinjsItem, NinjsError> {
    let item = json.as_object().ok_or(NinjsError::NotAnObject)?;
    if !NINJS_FIELDS.iter().any(|field| item.contains_key(*field)) {
        return Err(NinjsError::NotNinjs);
    }
    let metadata = metadata(item);
    let agency = metadata
        .copyright_holder
        .as_deref()
        .map_or(Agency::Unknown, Agency::from_name);

    let mut builder = LayoutBuilder::default();
    let headline = headline(item);
    if let Some(headline) = &headline {
        builder.paragraph(Role::Headline, Agency::Unknown, headline);
    }
    for (role, text) in descriptions(item) {
        for paragraph in text {
            let credit = if role == Role::Caption {
                caption_credit(&paragraph)
            } else {
                None
            };
            builder.paragraph(role, credit.unwrap_or_default(), &paragraph);
        }
    }
    if let Some(byline) = field(item, "byline", "by").and_then(Value::as_str) {
        builder.paragraph(Role::Byline, Agency::Unknown, byline);
    }
    match body(item) {
        Body::Page(html) => builder.extend(&extract_page(html).layout, headline.is_some()),
        Body::Fragment(html) => builder.extend(&extract_fragment(html), false),
        Body::Paragraphs(paragraphs) => {
            for paragraph in paragraphs {
                builder.paragraph(Role::Body, Agency::Unknown, &paragraph);
            }
        }
    }
    Ok(NinjsItem {
        layout: builder.finish(&agency),
        headline,
        metadata,
    })
}

/// A field under its ninjs 1.x name or its 3.x camelCase name.
fn field<'a>(item: &'a Map<String, Value>, lower: &str, camel: &str) -> Option<&'a Value> {
    item.get(lower).or_else(|| item.get(camel))
}

fn string(item: &Map<String, Value>, lower: &str, camel: &str) -> Option<String> {
    match field(item, lower, camel)? {
        Value::String(text) if !text.trim().is_empty() => Some(text.trim().to_owned()),
        Value::Number(number) => Some(number.to_string()),
        _ => None,
    }
}

/// The entries of a ninjs 2.x/3.x list (`headlines`, `bodies`, `descriptions`):
/// role, content type and value.
fn entries<'a>(item: &'a Map<String, Value>, name: &str) -> Vec<(&'a str, &'a str, &'a str)> {
    let Some(list) = item.get(name).and_then(Value::as_array) else {
        return Vec::new();
    };
    list.iter()
        .filter_map(|entry| {
            let value = entry.get("value")?.as_str()?;
            let role = entry
                .get("role")
                .and_then(Value::as_str)
                .unwrap_or_default();
            let content_type = entry
                .get("contentType")
                .or_else(|| entry.get("contenttype"))
                .and_then(Value::as_str)
                .unwrap_or("text/plain");
            Some((role, content_type, value))
        })
        .collect()
}

fn is_html(content_type: &str) -> bool {
    content_type.contains("html")
}

/// Text as paragraphs: HTML by its elements, plain text by its blank lines.
fn paragraphs(content_type: &str, value: &str) -> Vec<String> {
    if is_html(content_type) {
        fragment_paragraphs(value)
    } else {
        value
            .split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(str::to_owned)
            .collect()
    }
}

fn headline(item: &Map<String, Value>) -> Option<String> {
    if let Some(headline) = string(item, "headline", "headline") {
        return Some(headline);
    }
    let headlines = entries(item, "headlines");
    headlines
        .iter()
        .find(|(role, _, _)| *role == "main")
        .or_else(|| headlines.first())
        .map(|(_, _, value)| value.trim().to_owned())
        .filter(|headline| !headline.is_empty())
}

/// Captions and summaries, as segments: a `caption` description is a caption, any
/// other a standfirst.
fn descriptions(item: &Map<String, Value>) -> Vec<(Role, Vec<String>)> {
    let mut found = Vec::new();
    if let Some(text) = string(item, "description_text", "descriptionText") {
        found.push((Role::Standfirst, paragraphs("text/plain", &text)));
    } else if let Some(html) = string(item, "description_html", "descriptionHtml") {
        found.push((Role::Standfirst, paragraphs("text/html", &html)));
    }
    for (role, content_type, value) in entries(item, "descriptions") {
        let role = if role.contains("caption") {
            Role::Caption
        } else {
            Role::Standfirst
        };
        found.push((role, paragraphs(content_type, value)));
    }
    found
}

/// An item's body: a whole web page (some agencies send one), or paragraphs.
enum Body<'a> {
    Page(&'a str),
    Fragment(&'a str),
    Paragraphs(Vec<String>),
}

/// The body: from HTML when the item has it (it keeps the paragraph breaks a
/// plain-text body often loses), otherwise from plain text.
fn body(item: &Map<String, Value>) -> Body<'_> {
    let html = field(item, "body_html", "bodyHtml")
        .and_then(Value::as_str)
        .or_else(|| {
            entries(item, "bodies")
                .into_iter()
                .find(|(_, content_type, _)| is_html(content_type))
                .map(|(_, _, value)| value)
        });
    if let Some(html) = html {
        let lower = html
            .get(..html.len().min(1024))
            .unwrap_or(html)
            .to_lowercase();
        if ["<html", "<body", "<article", "<h1"]
            .iter()
            .any(|tag| lower.contains(tag))
        {
            return Body::Page(html);
        }
        return Body::Fragment(html);
    }
    if let Some(text) = string(item, "body_text", "bodyText") {
        return Body::Paragraphs(paragraphs("text/plain", &text));
    }
    Body::Paragraphs(
        entries(item, "bodies")
            .first()
            .map(|(_, content_type, value)| paragraphs(content_type, value))
            .unwrap_or_default(),
    )
}

fn metadata(item: &Map<String, Value>) -> Metadata {
    let info_sources = field(item, "infosources", "infoSources")
        .and_then(Value::as_array)
        .map(|sources| {
            sources
                .iter()
                .filter_map(|source| source.get("name").and_then(Value::as_str))
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default();
    Metadata {
        item_id: string(item, "uri", "uri"),
        version: string(item, "version", "version"),
        version_created: string(item, "versioncreated", "versionCreated"),
        first_created: string(item, "firstcreated", "firstCreated"),
        pub_status: string(item, "pubstatus", "pubStatus"),
        located: string(item, "located", "located"),
        copyright_holder: string(item, "copyrightholder", "copyrightHolder"),
        ednote: string(item, "ednote", "edNote"),
        info_sources,
        ..Metadata::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(json: &str) -> NinjsItem {
        read(&serde_json::from_str(json).unwrap()).unwrap()
    }

    #[test]
    fn version_1_fields() {
        let item = item(
            r#"{"uri": "urn:1", "versioncreated": "2013-07-09T10:37:00Z", "headline": "Trial opens",
                "byline": "Paulo Santalucia", "copyrightholder": "The Associated Press",
                "body_text": "GROSSETO, Italy (AP) -- The trial began.\n\nSchettino denied wrongdoing."}"#,
        );
        assert_eq!(item.headline.as_deref(), Some("Trial opens"));
        assert!(item.layout.segments.iter().all(|s| s.agency == Agency::Ap));
        assert_eq!(
            item.metadata.version_created.as_deref(),
            Some("2013-07-09T10:37:00Z")
        );
        let roles: Vec<_> = item.layout.segments.iter().map(|s| s.role).collect();
        assert_eq!(
            roles,
            [
                Role::Headline,
                Role::Byline,
                Role::Dateline,
                Role::Body,
                Role::Body
            ]
        );
    }

    #[test]
    fn version_3_camel_case_fields() {
        let item = item(
            r#"{"uri": "urn:2", "versionCreated": "2019-08-09T09:46:53Z", "pubStatus": "usable",
                "copyrightHolder": "NTB", "edNote": "Noe utvidet.", "version": "6",
                "headlines": [{"role": "main", "value": "Google har kjøpt giganttomt i Skien"}],
                "descriptions": [{"role": "caption", "value": "A field in Skien. (NTB)"}],
                "bodies": [{"role": "main", "contentType": "text/html", "value": "<p>One.</p><p>Two.</p>"}]}"#,
        );
        assert_eq!(item.metadata.pub_status.as_deref(), Some("usable"));
        assert_eq!(item.metadata.ednote.as_deref(), Some("Noe utvidet."));
        let ntb = Agency::Other("NTB".to_owned());
        assert!(item.layout.segments.iter().all(|s| s.agency == ntb));
        assert_eq!(
            item.layout.text,
            "Google har kjøpt giganttomt i Skien\n\nA field in Skien. (NTB)\n\nOne.\n\nTwo."
        );
        let roles: Vec<_> = item.layout.segments.iter().map(|s| s.role).collect();
        assert_eq!(
            roles,
            [Role::Headline, Role::Caption, Role::Body, Role::Body]
        );
    }

    #[test]
    fn json_that_is_not_ninjs_is_refused() {
        let not_ninjs = serde_json::json!({"name": "factdesk", "version": "1.0.0"});
        assert_eq!(read(&not_ninjs).unwrap_err(), NinjsError::NotNinjs);
        assert_eq!(
            read(&serde_json::json!([1, 2])).unwrap_err(),
            NinjsError::NotAnObject
        );
    }
}
