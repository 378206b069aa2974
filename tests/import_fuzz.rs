//! No importer panics, whatever it is given, and whatever it accepts is a document the
//! project file takes (segments and set-aside text inside the text, in order).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test should fail loudly when a fixture or helper breaks"
)]

use factdesk::core::article::Document;
use factdesk::core::import::{import_bytes, import_pasted};
use factdesk::core::project::Project;
use jiff::Timestamp;
use proptest::prelude::*;

/// Imported documents must make a project that saves and loads again unchanged.
fn assert_sound(document: Document) {
    let mut project = Project::new("fuzz", Timestamp::UNIX_EPOCH);
    project.add_document(document, Timestamp::UNIX_EPOCH);
    let json = project.to_json();
    let reloaded = Project::from_json(&json).unwrap_or_else(|err| panic!("{err}\n{json}"));
    assert_eq!(reloaded, project);
}

/// Text built from the pieces news copy is made of, so the heuristics get exercised.
fn copy_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("AMMAN: ".to_owned()),
        Just("GROSSETO, Italy (AP) -- ".to_owned()),
        Just("- Reuters".to_owned()),
        Just(" – AFP".to_owned()),
        Just("\n\n".to_owned()),
        Just("\n".to_owned()),
        Just("Back to top button".to_owned()),
        Just("Middle EastTop StoriesWorld".to_owned()),
        Just("By Our Correspondent".to_owned()),
        Just("Photo: ".to_owned()),
        Just("“".to_owned()),
        Just("”".to_owned()),
        "[a-zA-Zé ,.]{0,40}",
    ];
    prop::collection::vec(piece, 0..24).prop_map(|pieces| pieces.concat())
}

fn escape_xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512), name in prop_oneof![
        Just("a.txt"), Just("a.html"), Just("a.json"), Just("a.xml"), Just("a")
    ]) {
        if let Ok(document) = import_bytes(&bytes, name, Timestamp::UNIX_EPOCH) {
            assert_sound(document);
        }
    }

    #[test]
    fn copy_like_text_is_always_sound(text in copy_like()) {
        if let Ok(document) = import_bytes(text.as_bytes(), "copy.txt", Timestamp::UNIX_EPOCH) {
            let received = document.received_text();
            assert_sound(document);
            prop_assert_eq!(received, text);
        }
    }

    #[test]
    fn copy_like_text_in_every_format_is_sound(text in copy_like()) {
        let json = serde_json::json!({"uri": "urn:x", "headline": text, "body_text": text}).to_string();
        let xml = format!(
            "<newsItem><contentMeta><headline>{0}</headline></contentMeta><contentSet><inlineData>{0}</inlineData></contentSet></newsItem>",
            escape_xml(&text)
        );
        let html = format!("<html><body><article><h1>{0}</h1><p>{0}</p></article></body></html>", escape_xml(&text));
        for (bytes, name) in [(json.as_str(), "item.json"), (xml.as_str(), "item.xml"), (html.as_str(), "page.html")] {
            if let Ok(document) = import_bytes(bytes.as_bytes(), name, Timestamp::UNIX_EPOCH) {
                assert_sound(document);
            }
        }
        if let Ok(document) = import_pasted(&text, Some(&format!("<p>{}</p>", escape_xml(&text))), Timestamp::UNIX_EPOCH) {
            assert_sound(document);
        }
    }
}
