//! Importing real input: the scraped seed story, a saved news page, the IPTC ninjs and
//! NewsML-G2 examples, legacy encodings, and every kind of bad file, which must be
//! refused with the reason and the file's path.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test should fail loudly when a fixture or helper breaks"
)]

use std::path::Path;

use factdesk::core::agency::Agency;
use factdesk::core::article::{Document, DocumentKind, Role, Source};
use factdesk::core::import::{
    ImportError, MAX_IMPORT_BYTES, import_bytes, import_file, import_pasted,
};
use jiff::Timestamp;

const SEED: &str = "tests/fixtures/seed-idlib-2019.txt";

fn import(path: &str) -> Document {
    import_file(Path::new(path), Timestamp::UNIX_EPOCH).unwrap_or_else(|err| panic!("{err}"))
}

/// Each segment as "LABEL: first words".
fn segments(document: &Document) -> Vec<String> {
    document
        .segments
        .iter()
        .map(|s| {
            let words: String = document
                .text
                .chars()
                .skip(s.start)
                .take(s.end - s.start)
                .collect();
            let start: String = words.chars().take(30).collect();
            format!("{}: {start}", s.margin_label())
        })
        .collect()
}

#[test]
fn the_seed_is_segmented_and_its_debris_set_aside() {
    let document = import(SEED);
    assert_eq!(
        segments(&document),
        [
            "HEADLINE: Tens of thousands flee Russia-",
            "CAPTION · AFP: TALLMANNIS: Members of the Syr",
            "DATELINE · Reuters: AMMAN:",
            "BODY · Reuters: Ten of thousands of people hav",
            "BODY · Reuters: On Tuesday, Russian and Syrian",
            "BODY · Reuters: State media, broadcasting from",
            "BODY · Reuters: Russia has thrown its weight b",
            "BODY · Reuters: The Russian military has previ",
            "CREDIT · Reuters: - Reuters",
        ]
    );
    let caption = &document.segments[1];
    let caption_text: String = document
        .text
        .chars()
        .skip(caption.start)
        .take(caption.end - caption.start)
        .collect();
    assert!(caption_text.ends_with("yesterday. – AFP"), "{caption_text}");
    let set_aside: Vec<_> = document
        .set_aside
        .iter()
        .map(|e| (e.text.as_str(), e.reason.as_str()))
        .collect();
    assert_eq!(
        set_aside,
        [
            (
                "Middle EastTop StoriesWorld\n\n",
                "site menu links run together"
            ),
            ("\n\nBack to top button", "site button or link text"),
        ]
    );
    assert_eq!(
        document.received_text(),
        std::fs::read_to_string(SEED).unwrap()
    );
    assert_eq!(document.source, Source::Reuters);
    assert_eq!(
        document.label,
        "Tens of thousands flee Russia-led onslaught on…"
    );
}

#[test]
fn a_saved_news_page_keeps_the_article_and_sets_the_site_aside() {
    let document = import("tests/fixtures/pages/idlib-page.html");
    assert_eq!(document.kind, DocumentKind::HtmlPage);
    assert_eq!(
        segments(&document),
        [
            "HEADLINE: Tens of thousands flee Russia-",
            "STANDFIRST: Rescuers say 60,000 people lef",
            "BYLINE: By Our Foreign Desk",
            "CAPTION · AFP: TALLMANNIS: Members of the Syr",
            "DATELINE · Reuters: AMMAN:",
            "BODY · Reuters: Ten of thousands of people hav",
            "BODY · Reuters: “The flow of cars and vehicles",
            "BODY · Reuters: “There were 15 raids on Jarjan",
            "BODY · Reuters: Hundreds of civilians have bee",
            "CREDIT · Reuters: - Reuters",
        ]
    );
    let reasons: Vec<_> = document
        .set_aside
        .iter()
        .map(|e| e.reason.as_str())
        .collect();
    assert_eq!(
        reasons,
        [
            "site header",
            "site navigation",
            "share buttons",
            "advertisement",
            "sidebar",
            "page footer"
        ]
    );
    assert!(!document.text.contains("tracking") && !document.text.contains("display: flex"));
}

#[test]
fn ninjs_1_x_medium_text() {
    let document = import("tests/fixtures/iptc/ninjs/1.4_ninjsExMediumText1.json");
    assert_eq!(document.kind, DocumentKind::Ninjs);
    assert_eq!(
        document.label,
        "Captain of wrecked cruise ship on trial in Italy"
    );
    assert_eq!(document.source, Source::Ap);
    assert_eq!(
        document.metadata.version_created.as_deref(),
        Some("2013-07-09T10:37:00Z")
    );
    assert_eq!(
        document.metadata.located.as_deref(),
        Some("Grossetto, Italy")
    );
    assert_eq!(
        segments(&document)[..3],
        [
            "HEADLINE: Captain of wrecked cruise ship",
            "BYLINE: Paulo Santalucia and Frances d",
            "DATELINE · AP: GROSSETO, Italy (AP) --",
        ]
    );
}

#[test]
fn ninjs_3_x_from_dpa_ntb_and_tt() {
    let dpa = import("tests/fixtures/iptc/ninjs/3.0_dpa_text.json");
    assert_eq!(dpa.metadata.copyright_holder.as_deref(), Some("dpa"));
    assert_eq!(dpa.source, Source::Dpa);
    assert_eq!(dpa.metadata.version.as_deref(), Some("2"));
    assert!(dpa.segments.iter().all(|s| s.agency == Agency::Dpa));
    assert_eq!(dpa.segments[1].role, Role::Byline);
    assert!(dpa.segments.iter().filter(|s| s.role == Role::Body).count() >= 9);

    let ntb = import("tests/fixtures/iptc/ninjs/3.0_ntb_text.json");
    assert_eq!(ntb.metadata.ednote.as_deref(), Some("Noe utvidet."));
    assert_eq!(
        ntb.metadata.first_created.as_deref(),
        Some("2019-08-09T09:30:04Z")
    );
    assert_eq!(ntb.segments[0].agency, Agency::Other("NTB".to_owned()));

    let tt = import("tests/fixtures/iptc/ninjs/3.0_tt_text_image_3.json");
    let roles: Vec<Role> = tt.segments.iter().map(|s| s.role).collect();
    assert_eq!(
        roles.iter().filter(|r| **r == Role::Headline).count(),
        1,
        "{roles:?}"
    );
    assert!(roles.contains(&Role::Caption), "{roles:?}");
}

#[test]
fn ninjs_3_1_simple_article_prefers_the_html_body_for_its_paragraphs() {
    let document = import("tests/fixtures/iptc/ninjs/3.1_004_simple_text_article.json");
    let bodies = document
        .segments
        .iter()
        .filter(|s| s.role == Role::Body)
        .count();
    assert_eq!(bodies, 4);
    assert!(document.text.contains("Schettino has denied wrongdoing."));
}

#[test]
fn newsml_g2_text_document_with_nitf_body() {
    let document = import("tests/fixtures/iptc/newsml-g2/LISTING_2_NewsML-G2_Text_Document.xml");
    assert_eq!(document.kind, DocumentKind::NewsmlG2);
    assert_eq!(document.label, "Fed to halt QE to avert \"bubble\"");
    assert_eq!(document.metadata.version.as_deref(), Some("11"));
    assert_eq!(document.metadata.pub_status.as_deref(), Some("usable"));
    assert_eq!(document.metadata.info_sources, ["Associated Press"]);
    assert_eq!(
        document.metadata.copyright_holder.as_deref(),
        Some("Acme News and Media LLC")
    );
    assert_eq!(
        segments(&document)[..2],
        [
            "HEADLINE · AP: Fed to halt QE to avert \"bubbl",
            "BYLINE · AP: By Meredith Jameson, Staff Rep"
        ]
    );
    assert_eq!(
        document
            .segments
            .iter()
            .filter(|s| s.role == Role::Body)
            .count(),
        2
    );
}

#[test]
fn newsml_g2_news_item_signals_and_notes() {
    let document = import("tests/fixtures/iptc/newsml-g2/LISTING_1_A_NewsML-G2_News_Item.xml");
    assert_eq!(document.metadata.signals, ["update"]);
    assert_eq!(
        document.metadata.located.as_deref(),
        Some("Berlin, Germany")
    );
    assert_eq!(
        document.metadata.first_created.as_deref(),
        Some("2016-10-18T13:12:21-05:00")
    );
    assert!(
        document
            .metadata
            .ednote
            .as_deref()
            .unwrap()
            .starts_with("Note to editors: STRICTLY EMBARGOED.")
    );
    // The provider is Reuters; the copyright holder is a client.
    assert_eq!(document.segments[0].agency, Agency::Reuters);
}

#[test]
fn legacy_and_utf16_text_files_are_decoded_and_say_so() {
    let folder = tempfile::tempdir().unwrap();
    let latin = folder.path().join("wire.txt");
    std::fs::write(
        &latin,
        b"Caf\xe9 owners fled\n\nAMMAN: They said \x93no\x94.",
    )
    .unwrap();
    let document = import_file(&latin, Timestamp::UNIX_EPOCH).unwrap();
    assert!(document.text.starts_with("Café owners fled"));
    assert!(document.text.contains("“no”"));
    assert_eq!(document.metadata.encoding.as_deref(), Some("windows-1252"));

    let utf16 = folder.path().join("caption.txt");
    let mut bytes = vec![0xfe, 0xff];
    bytes.extend(
        "Rescuers at work – AFP\r\n"
            .encode_utf16()
            .flat_map(u16::to_be_bytes),
    );
    std::fs::write(&utf16, bytes).unwrap();
    let document = import_file(&utf16, Timestamp::UNIX_EPOCH).unwrap();
    assert_eq!(document.text, "Rescuers at work – AFP\n");
    assert_eq!(document.metadata.encoding.as_deref(), Some("UTF-16BE"));
}

/// Writes `bytes` to a file named `name` and imports it, expecting a refusal.
fn refusal(name: &str, bytes: &[u8]) -> (String, ImportError) {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    let err = import_file(&path, Timestamp::UNIX_EPOCH).expect_err("the file is refused");
    (path.display().to_string(), err)
}

#[test]
fn bad_files_are_refused_with_the_reason_and_their_path() {
    let cases: [(&str, &[u8], &str); 7] = [
        ("empty.txt", b"", "no text to import"),
        ("blank.txt", b"  \n\t\n", "no text to import"),
        (
            "photo.txt",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
            "a PNG image, not text",
        ),
        (
            "broken.json",
            b"{\"headline\": \"Idlib\",",
            "not valid JSON (EOF while parsing a value, at line 1, column 21)",
        ),
        (
            "package.json",
            b"{\"name\": \"factdesk\", \"private\": true}",
            "JSON that is not an IPTC ninjs item",
        ),
        (
            "broken.xml",
            b"<newsItem><contentMeta></newsItem>",
            "not valid XML",
        ),
        (
            "feed.xml",
            b"<rss><channel><title>Feed</title></channel></rss>",
            "not a NewsML-G2 news item (its root is <rss>)",
        ),
    ];
    for (name, bytes, reason) in cases {
        let (path, err) = refusal(name, bytes);
        let message = err.to_string();
        assert!(message.contains(reason), "{name}: {message}");
        assert!(message.ends_with(&path), "{name}: {message}");
    }
}

#[test]
fn a_fragment_of_newsml_is_not_a_news_item() {
    let err = import_file(
        Path::new("tests/fixtures/iptc/newsml-g2/LISTING_28_Illustrating_Located_Subject_and_Dateline.xml"),
        Timestamp::UNIX_EPOCH,
    )
    .unwrap_err();
    assert!(
        err.to_string().contains("its root is <contentMeta>"),
        "{err}"
    );
}

#[test]
fn an_enormous_file_is_refused_without_being_read() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("dump.txt");
    // A sparse 200 MB file: it takes no disk space, and reading it would take 200 MB.
    std::fs::File::create(&path)
        .unwrap()
        .set_len(200 * 1024 * 1024)
        .unwrap();
    let err = import_file(&path, Timestamp::UNIX_EPOCH).unwrap_err();
    assert!(matches!(err, ImportError::TooLarge { size, .. } if size > MAX_IMPORT_BYTES));
    assert!(
        err.to_string()
            .starts_with("too large to be an article (209 MB; the limit is 20 MB)"),
        "{err}"
    );
}

#[test]
fn missing_files_and_folders_are_refused() {
    let folder = tempfile::tempdir().unwrap();
    let err = import_file(folder.path(), Timestamp::UNIX_EPOCH).unwrap_err();
    assert!(matches!(err, ImportError::Folder { .. }), "{err}");
    let gone = folder.path().join("gone.txt");
    let err = import_file(&gone, Timestamp::UNIX_EPOCH).unwrap_err();
    assert!(matches!(err, ImportError::Read { .. }), "{err}");
    assert!(err.to_string().ends_with("gone.txt"));
}

#[test]
fn files_named_for_another_format_are_read_as_what_they_hold() {
    let folder = tempfile::tempdir().unwrap();
    let prose = "Idlib exodus grows\n\nAMMAN (Reuters) - Tens of thousands fled, rescuers said.\n";
    let page = "<html><head><meta property='og:site_name' content='Gulf Daily'></head><body><article><h1>Idlib exodus grows</h1><p>AMMAN (Reuters) - Tens of thousands fled, rescuers said.</p></article></body></html>";
    for (name, contents, kind, notice) in [
        (
            "notes.json",
            prose,
            DocumentKind::TextFile,
            "named “notes.json” but holds plain text, not JSON: read as plain text",
        ),
        (
            "notes.xml",
            prose,
            DocumentKind::TextFile,
            "named “notes.xml” but holds plain text, not XML: read as plain text",
        ),
        (
            "page.json",
            page,
            DocumentKind::HtmlPage,
            "named “page.json” but holds a web page, not JSON: read as a web page",
        ),
    ] {
        let path = folder.path().join(name);
        std::fs::write(&path, contents).unwrap();
        let document = import_file(&path, Timestamp::UNIX_EPOCH).unwrap();
        assert_eq!(document.kind, kind, "{name}");
        assert_eq!(document.metadata.notices, [notice], "{name}");
        assert_eq!(document.label, "Idlib exodus grows", "{name}");
        assert_eq!(document.source, Source::Reuters, "{name}");
    }
}

#[test]
fn a_project_is_not_an_article_whatever_its_name() {
    let folder = tempfile::tempdir().unwrap();
    for name in ["shared.factdesk.json", "shared.json", "shared.txt"] {
        let path = folder.path().join(name);
        std::fs::copy("projects/idlib-2019.factdesk.json", &path).unwrap();
        let err = import_file(&path, Timestamp::UNIX_EPOCH).expect_err("a project is refused");
        assert!(
            matches!(err, ImportError::IsProject { .. }),
            "{name}: {err}"
        );
        assert!(err.to_string().ends_with(&path.display().to_string()));
    }
}

#[test]
fn json_shaped_notes_in_a_text_file_are_still_text() {
    let document = import_bytes(
        b"{not json} notes from the desk",
        "notes.txt",
        Timestamp::UNIX_EPOCH,
    )
    .unwrap();
    assert_eq!(document.kind, DocumentKind::TextFile);
    assert_eq!(document.text, "{not json} notes from the desk");
}

#[test]
fn pasted_html_keeps_its_structure_and_plain_text_is_segmented() {
    let html =
        "<h1>Idlib exodus</h1><p>AMMAN: Tens of thousands fled.</p><div class='share'>Share</div>";
    let document = import_pasted(
        "Idlib exodus AMMAN: Tens of thousands fled. Share",
        Some(html),
        Timestamp::UNIX_EPOCH,
    )
    .unwrap();
    assert_eq!(document.kind, DocumentKind::ClipboardHtml);
    assert_eq!(
        document.text,
        "Idlib exodus\n\nAMMAN: Tens of thousands fled."
    );
    assert_eq!(document.set_aside.len(), 1);

    let document = import_pasted(
        "Idlib exodus\n\nAMMAN: Tens fled.- Reuters",
        None,
        Timestamp::UNIX_EPOCH,
    )
    .unwrap();
    assert_eq!(document.kind, DocumentKind::Clipboard);
    assert_eq!(document.source, Source::Reuters);
    assert!(import_pasted(" \n", None, Timestamp::UNIX_EPOCH).is_err());
}

#[test]
fn ninjs_3_0_simple_text_with_an_xhtml_body() {
    let document = import("tests/fixtures/iptc/ninjs/3.0_ninjsExSimpleText_3.json");
    assert_eq!(
        document.label,
        "Captain of wrecked cruise ship on trial in Italy"
    );
    assert_eq!(
        document
            .segments
            .iter()
            .filter(|s| s.role == Role::Body)
            .count(),
        4,
        "one per <p> of the XHTML body"
    );
    // The plain-text body says "4,2000 passengers"; the XHTML body, preferred, too.
    assert!(document.text.contains("4,2000 passengers"));
}

#[test]
fn a_news_item_with_only_metadata_has_no_text_to_import() {
    let err = import_file(
        Path::new("tests/fixtures/iptc/newsml-g2/LISTING_29_Hop_History.xml"),
        Timestamp::UNIX_EPOCH,
    )
    .unwrap_err();
    assert!(
        err.to_string().starts_with("no text to import in "),
        "{err}"
    );
}
