//! Fuzzes `Project::from_json`, the parser every project file goes through (files from
//! colleagues, files merged by git, files edited by hand), on arbitrary UTF-8.
//!
//! Checks: loading never panics, whatever the text; a project that loads saves and
//! loads again to an equal project (nothing lost or changed by a save), and saving is
//! deterministic (the reloaded project gives the very same bytes), which is what keeps
//! project files clean to diff and merge in git. The read-only helpers the app runs on
//! every opened project (`integrity_warnings`, `progress`, `status_counts`) must not
//! panic either.

#![no_main]

use factdesk::core::project::Project;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(project) = Project::from_json(text) else {
        return;
    };
    let _ = project.integrity_warnings();
    let _ = project.progress();
    let _ = project.status_counts();
    let json = project.to_json();
    let reloaded = match Project::from_json(&json) {
        Ok(reloaded) => reloaded,
        Err(err) => panic!("a loaded project saves to a file that does not load: {err}\n{json}"),
    };
    assert_eq!(reloaded, project, "a save and reload changed the project");
    assert_eq!(
        reloaded.to_json(),
        json,
        "saving the same project twice gave different bytes"
    );
});
