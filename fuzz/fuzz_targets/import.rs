//! Fuzzes `import_bytes`, which reads whatever an editor drops on the workbench: plain
//! text in any encoding, web pages, IPTC ninjs (JSON) and NewsML-G2 (XML) items.
//!
//! The first input byte picks the file name, and so the importer: "a.txt", "a.html",
//! "a.json", "a.xml", or "a" (format sniffed from the content); the rest is the file.
//!
//! Checks, as `tests/import_fuzz.rs` does with proptest but guided by coverage: no
//! importer panics on any bytes, and any document an importer accepts makes a project
//! that saves and loads again unchanged (its segments and set-aside text lie inside its
//! text, in order, so `Project::from_json` finds nothing inconsistent).

#![no_main]

use factdesk::core::import::import_bytes;
use factdesk::core::project::Project;
use jiff::Timestamp;
use libfuzzer_sys::fuzz_target;

/// The file names the first byte chooses from.
const NAMES: [&str; 5] = ["a.txt", "a.html", "a.json", "a.xml", "a"];

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let name = NAMES[usize::from(selector) % NAMES.len()];
    let Ok(document) = import_bytes(bytes, name, Timestamp::UNIX_EPOCH) else {
        return;
    };
    assert!(
        document.digest_matches(),
        "an imported document's sha256 does not match its text"
    );
    let mut project = Project::new("fuzz", Timestamp::UNIX_EPOCH);
    project.add_document(document, Timestamp::UNIX_EPOCH);
    let json = project.to_json();
    let reloaded = match Project::from_json(&json) {
        Ok(reloaded) => reloaded,
        Err(err) => {
            panic!("an imported document makes a project that does not load: {err}\n{json}")
        }
    };
    assert_eq!(
        reloaded, project,
        "an imported document changed on save and reload"
    );
});
