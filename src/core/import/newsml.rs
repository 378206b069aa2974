//! IPTC NewsML-G2 news items (XML): the item's metadata (versions, status, signals,
//! rights, hop history) and its text, from an inline NITF or XHTML body or from inline
//! plain text. Elements are matched by local name, whatever namespace prefixes a
//! provider uses.

use roxmltree::{Document, Node};

use crate::core::agency::Agency;
use crate::core::article::{Metadata, Role};

use super::credit::caption_credit;
use super::layout::{Layout, LayoutBuilder};

/// A NewsML-G2 news item, as read.
#[derive(Debug)]
pub struct NewsmlItem {
    /// Its text and segments.
    pub layout: Layout,
    /// Its headline, if any.
    pub headline: Option<String>,
    /// What the item says about itself.
    pub metadata: Metadata,
}

/// Why XML is not a NewsML-G2 news item.
#[derive(Debug, PartialEq, Eq)]
pub struct NotANewsItem {
    /// The root element's name.
    pub root: String,
}

/// Reads the news item of a NewsML-G2 document (its root, or the first one in a
/// `newsMessage`).
pub fn read(document: &Document<'_>) -> Result<NewsmlItem, NotANewsItem> {
    let root = document.root_element();
    let item = if is(root, "newsItem") {
        root
    } else if is(root, "newsMessage") {
        root.descendants()
            .find(|node| is(*node, "newsItem"))
            .ok_or_else(|| NotANewsItem {
                root: "newsMessage without a newsItem".to_owned(),
            })?
    } else {
        return Err(NotANewsItem {
            root: root.tag_name().name().to_owned(),
        });
    };

    let item_meta = child(item, "itemMeta");
    let content_meta = child(item, "contentMeta");
    let metadata = metadata(item, item_meta, content_meta);
    let agency = agency(item_meta, &metadata);

    let mut builder = LayoutBuilder::default();
    let nitf = item.descendants().find(|node| is(*node, "nitf"));
    let headline = content_meta
        .and_then(|meta| text_of(meta, "headline"))
        .or_else(|| nitf.and_then(|nitf| nitf.descendants().find(|n| is(*n, "hl1")).map(text)));
    if let Some(headline) = &headline {
        builder.paragraph(Role::Headline, Agency::Unknown, headline);
    }
    if let Some(meta) = content_meta {
        for description in children(meta, "description") {
            let role = match description.attribute("role") {
                Some(role) if role.contains("caption") => Role::Caption,
                _ => Role::Standfirst,
            };
            let words = text(description);
            let credit = if role == Role::Caption {
                caption_credit(&words)
            } else {
                None
            };
            builder.paragraph(role, credit.unwrap_or_default(), &words);
        }
        for by in children(meta, "by") {
            builder.paragraph(Role::Byline, Agency::Unknown, &text(by));
        }
    }
    if let Some(nitf) = nitf
        && builder.lacks(Role::Byline)
        && let Some(byline) = nitf.descendants().find(|n| is(*n, "byline"))
    {
        builder.paragraph(Role::Byline, Agency::Unknown, &text(byline));
    }
    for caption in nitf
        .into_iter()
        .flat_map(|nitf| nitf.descendants().filter(|n| is(*n, "media-caption")))
    {
        let words = text(caption);
        builder.paragraph(
            Role::Caption,
            caption_credit(&words).unwrap_or_default(),
            &words,
        );
    }
    if let Some(dateline) = content_meta.and_then(|meta| text_of(meta, "dateline")) {
        let credit = caption_credit(&dateline).unwrap_or_default();
        builder.paragraph(Role::Dateline, credit, &dateline);
    }
    for paragraph in body(item, nitf) {
        builder.paragraph(Role::Body, Agency::Unknown, &paragraph);
    }
    Ok(NewsmlItem {
        layout: builder.finish(&agency),
        headline,
        metadata,
    })
}

fn is(node: Node<'_, '_>, local_name: &str) -> bool {
    node.is_element() && node.tag_name().name() == local_name
}

fn child<'a, 'input>(node: Node<'a, 'input>, local_name: &str) -> Option<Node<'a, 'input>> {
    node.children().find(|child| is(*child, local_name))
}

fn children<'a, 'input>(
    node: Node<'a, 'input>,
    local_name: &'static str,
) -> impl Iterator<Item = Node<'a, 'input>> {
    node.children().filter(move |child| is(*child, local_name))
}

/// All the text inside a node, with runs of whitespace collapsed. Inline markup adds no
/// space of its own (`<location>Idlib</location>'s` reads "Idlib's").
fn text(node: Node<'_, '_>) -> String {
    let raw: String = node
        .descendants()
        .filter(Node::is_text)
        .filter_map(|n| n.text())
        .collect();
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn text_of(node: Node<'_, '_>, local_name: &str) -> Option<String> {
    child(node, local_name)
        .map(text)
        .filter(|text| !text.is_empty())
}

/// A QCode's code without its scheme ("stat:usable" → "usable").
fn code(qcode: &str) -> String {
    qcode.rsplit(':').next().unwrap_or(qcode).to_owned()
}

/// A party's name: its `<name>`, else its QCode or URI.
fn party_name(node: Node<'_, '_>) -> Option<String> {
    text_of(node, "name")
        .or_else(|| node.attribute("qcode").map(code))
        .or_else(|| node.attribute("uri").map(str::to_owned))
}

fn metadata(
    item: Node<'_, '_>,
    item_meta: Option<Node<'_, '_>>,
    content_meta: Option<Node<'_, '_>>,
) -> Metadata {
    let mut metadata = Metadata {
        item_id: item.attribute("guid").map(str::to_owned),
        version: item.attribute("version").map(str::to_owned),
        ..Metadata::default()
    };
    if let Some(meta) = item_meta {
        metadata.version_created = text_of(meta, "versionCreated");
        metadata.first_created = text_of(meta, "firstCreated");
        metadata.pub_status = child(meta, "pubStatus")
            .and_then(|s| s.attribute("qcode"))
            .map(code);
        metadata.signals = children(meta, "signal")
            .filter_map(|signal| signal.attribute("qcode"))
            .map(code)
            .collect();
        metadata.previous_version = children(meta, "link")
            .find(|link| {
                link.attribute("rel")
                    .is_some_and(|rel| rel.ends_with("previousVersion"))
            })
            .and_then(|link| {
                link.attribute("href")
                    .or_else(|| link.attribute("residref"))
            })
            .map(str::to_owned);
        metadata.ednote = text_of(meta, "edNote");
    }
    metadata.copyright_holder = item
        .descendants()
        .find(|node| is(*node, "copyrightHolder"))
        .and_then(party_name);
    if let Some(meta) = content_meta {
        metadata.located = child(meta, "located").and_then(|located| {
            let mut names = std::iter::once(located)
                .chain(children(located, "broader"))
                .filter_map(|place| text_of(place, "name"));
            let first = names.next()?;
            Some(names.fold(first, |all, name| {
                if all.ends_with(&name) {
                    all
                } else {
                    format!("{all}, {name}")
                }
            }))
        });
        metadata.credit_line = text_of(meta, "creditline");
        metadata.info_sources = children(meta, "infoSource")
            .filter_map(party_name)
            .collect();
    }
    metadata.hop_history = item
        .descendants()
        .filter(|node| is(*node, "hop"))
        .map(|hop| {
            let when = hop.attribute("timestamp").unwrap_or("undated");
            let who = child(hop, "party").and_then(party_name).unwrap_or_default();
            let actions: Vec<String> = children(hop, "action")
                .filter_map(|action| {
                    let what = code(action.attribute("qcode")?);
                    let target = action.attribute("target").map(code);
                    Some(target.map_or(what.clone(), |target| format!("{what} {target}")))
                })
                .collect();
            format!("{when} {who}: {}", actions.join(", "))
        })
        .collect();
    metadata
}

/// The agency the item credits: the first known agency named by its credit line, info
/// sources, provider or copyright holder; failing that, whoever the credit line or the
/// copyright names.
fn agency(item_meta: Option<Node<'_, '_>>, metadata: &Metadata) -> Agency {
    let provider = item_meta
        .and_then(|meta| child(meta, "provider"))
        .and_then(party_name);
    let candidates: Vec<&str> = metadata
        .credit_line
        .iter()
        .chain(&metadata.info_sources)
        .chain(provider.iter())
        .chain(metadata.copyright_holder.iter())
        .map(String::as_str)
        .collect();
    candidates
        .iter()
        .find_map(|name| Agency::from_known_name(name))
        .or_else(|| {
            metadata
                .credit_line
                .as_deref()
                .or(metadata.copyright_holder.as_deref())
                .map(Agency::from_name)
        })
        .unwrap_or_default()
}

/// The paragraphs of the item's text: NITF `body.content` (or XHTML) paragraphs, or
/// inline plain text split at blank lines.
fn body(item: Node<'_, '_>, nitf: Option<Node<'_, '_>>) -> Vec<String> {
    let container = nitf
        .and_then(|nitf| nitf.descendants().find(|n| is(*n, "body.content")))
        .or_else(|| item.descendants().find(|n| is(*n, "inlineXML")));
    if let Some(container) = container {
        return container
            .descendants()
            .filter(|n| is(*n, "p") || is(*n, "hl2"))
            .map(text)
            .filter(|p| !p.is_empty())
            .collect();
    }
    item.descendants()
        .find(|n| is(*n, "inlineData"))
        .and_then(|data| data.text())
        .map(|data| {
            data.split("\n\n")
                .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|p| !p.is_empty())
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    const ITEM: &str = r#"<?xml version="1.0"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:newsml:x:1" version="3">
  <hopHistory>
    <hop seq="1" timestamp="2019-08-20T09:00:00Z"><party qcode="comp:TR"><name>Thomson Reuters</name></party>
      <action qcode="hopaction:created" target="hatarget:content"/></hop>
    <hop seq="2" timestamp="2019-08-20T09:05:00Z"><party qcode="comp:bwire"/>
      <action qcode="hopaction:transformed" target="hatarget:content"/></hop>
  </hopHistory>
  <rightsInfo><copyrightHolder><name>Thomson Reuters</name></copyrightHolder></rightsInfo>
  <itemMeta>
    <versionCreated>2019-08-20T10:00:00Z</versionCreated>
    <pubStatus qcode="stat:usable"/>
    <signal qcode="sig:correction"/>
    <link rel="irel:previousVersion" residref="urn:newsml:x:1" version="2"/>
  </itemMeta>
  <contentMeta>
    <headline>Tens of thousands flee</headline>
    <description role="drol:caption">Rescuers in Tallmannis. (AFP)</description>
    <dateline>AMMAN (Reuters)</dateline>
    <creditline>Reuters</creditline>
  </contentMeta>
  <contentSet><inlineXML contenttype="application/nitf+xml">
    <nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><body>
      <body.head><byline>By Suleiman Al-Khalidi</byline></body.head>
      <body.content><p>Tens of thousands
        fled <location>Idlib</location>'s south.</p><p>Rescuers said 60,000.</p>
        <media media-type="image"><media-caption>Rescuers at work. (AFP)</media-caption></media></body.content>
    </body></nitf>
  </inlineXML></contentSet>
</newsItem>"#;

    #[test]
    fn metadata_and_text_are_read() {
        let document = Document::parse(ITEM).unwrap();
        let item = read(&document).unwrap();
        assert_eq!(item.layout.segments[0].agency, Agency::Reuters);
        assert_eq!(item.metadata.signals, ["correction"]);
        assert_eq!(
            item.metadata.previous_version.as_deref(),
            Some("urn:newsml:x:1")
        );
        assert_eq!(item.metadata.pub_status.as_deref(), Some("usable"));
        assert_eq!(item.metadata.version.as_deref(), Some("3"));
        assert_eq!(
            item.metadata.hop_history,
            [
                "2019-08-20T09:00:00Z Thomson Reuters: created content",
                "2019-08-20T09:05:00Z bwire: transformed content",
            ]
        );
        assert_eq!(
            item.layout.text,
            "Tens of thousands flee\n\nRescuers in Tallmannis. (AFP)\n\nBy Suleiman Al-Khalidi\n\nRescuers at work. (AFP)\n\nAMMAN (Reuters)\n\nTens of thousands fled Idlib's south.\n\nRescuers said 60,000."
        );
        let credits: Vec<_> = item
            .layout
            .segments
            .iter()
            .map(|s| (s.role, s.agency.label().into_owned()))
            .collect();
        assert_eq!(
            credits,
            [
                (Role::Headline, "Reuters".into()),
                (Role::Caption, "AFP".into()),
                (Role::Byline, "Reuters".into()),
                (Role::Caption, "AFP".into()),
                (Role::Dateline, "Reuters".into()),
                (Role::Body, "Reuters".into()),
                (Role::Body, "Reuters".into()),
            ]
        );
    }

    #[test]
    fn other_xml_is_refused_with_its_root() {
        let document = Document::parse("<rss><channel/></rss>").unwrap();
        assert_eq!(
            read(&document).unwrap_err(),
            NotANewsItem {
                root: "rss".to_owned()
            }
        );
    }
}
