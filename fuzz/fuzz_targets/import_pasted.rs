//! Fuzzes `import_pasted`, the clipboard path: the plain text a paste carries and,
//! when a browser put it there, the HTML beside it (used only when it carries the same
//! words as the text).
//!
//! The first input byte picks the mode, the rest is UTF-8 (other inputs are skipped):
//! - 0: text alone, no HTML;
//! - 1: text, a NUL, then HTML (text and HTML unrelated, as a broken clipboard may be);
//! - 2: HTML alone, with the text made from it by dropping its tags, so that it usually
//!   carries the same words and the HTML path (`extract_page`) is taken.
//!
//! Checks: no panic, and any document accepted makes a project that saves and loads
//! again unchanged (as `tests/import_fuzz.rs` checks for pastes with proptest).

#![no_main]

use factdesk::core::import::import_pasted;
use factdesk::core::project::Project;
use jiff::Timestamp;
use libfuzzer_sys::fuzz_target;

/// The text a browser would put beside `html`: its characters outside `<…>` tags.
fn text_of(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let Ok(rest) = std::str::from_utf8(rest) else {
        return;
    };
    let result = match mode % 3 {
        0 => import_pasted(rest, None, Timestamp::UNIX_EPOCH),
        1 => {
            let (text, html) = rest.split_once('\0').unwrap_or((rest, ""));
            import_pasted(text, Some(html), Timestamp::UNIX_EPOCH)
        }
        _ => import_pasted(&text_of(rest), Some(rest), Timestamp::UNIX_EPOCH),
    };
    let Ok(document) = result else {
        return;
    };
    assert!(
        document.digest_matches(),
        "a pasted document's sha256 does not match its text"
    );
    let mut project = Project::new("fuzz", Timestamp::UNIX_EPOCH);
    project.add_document(document, Timestamp::UNIX_EPOCH);
    let json = project.to_json();
    let reloaded = match Project::from_json(&json) {
        Ok(reloaded) => reloaded,
        Err(err) => panic!("a pasted document makes a project that does not load: {err}\n{json}"),
    };
    assert_eq!(
        reloaded, project,
        "a pasted document changed on save and reload"
    );
});
