//! The `factdesk` binary, run as a user or a script would run it: output and exit codes.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test should fail loudly when a fixture or helper breaks"
)]

use std::path::Path;
use std::process::{Command, Output};

use factdesk::core::claims::candidates::document_candidates;
use factdesk::core::project::Project;

const SAMPLE: &str = "projects/idlib-2019.factdesk.json";

fn factdesk(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_factdesk"))
        .args(args)
        .output()
        .expect("the factdesk binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Writes the sample project, changed by `edit`, to a temporary file.
fn edited_sample(folder: &Path, edit: impl FnOnce(String) -> String) -> String {
    let path = folder.join("edited.factdesk.json");
    let json = std::fs::read_to_string(SAMPLE).unwrap();
    std::fs::write(&path, edit(json)).unwrap();
    path.display().to_string()
}

#[test]
fn check_summarises_the_sample_and_exits_zero() {
    let output = factdesk(&["check", SAMPLE]);
    let stdout = text(&output.stdout);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{stdout}{}",
        text(&output.stderr)
    );
    let project = Project::load(Path::new(SAMPLE)).unwrap();
    assert!(
        stdout.starts_with(&format!("{}\n{SAMPLE}\n", project.title)),
        "{stdout}"
    );
    assert!(stdout.contains(&format!("Documents ({})", project.documents.len())));
    for document in &project.documents {
        assert!(stdout.contains(&document.label), "{stdout}");
    }
    assert!(stdout.contains(&format!("Claims ({})", project.claims.len())));
    for (status, count) in project.status_counts() {
        let line = format!("  {:<16}  {count:>3}", status.label());
        assert!(
            stdout.lines().any(|l| l == line),
            "missing {line:?} in\n{stdout}"
        );
    }
    assert!(stdout.ends_with("OK: no problems found\n"), "{stdout}");
    assert!(output.stderr.is_empty());
    assert!(!stdout.contains("Hidden characters"), "the sample has none");
}

#[test]
fn check_lists_hidden_characters_in_the_copy_without_failing() {
    let folder = tempfile::tempdir().unwrap();
    let wire = folder.path().join("wire.txt");
    std::fs::write(&wire, "Ahmad al\u{202E}ibalaH said 60\u{200B}000 fled.\n").unwrap();
    let project = folder.path().join("p.factdesk.json");
    let project = project.to_str().unwrap();
    assert!(factdesk(&["new", "Copy", "-o", project]).status.success());
    assert!(
        factdesk(&["import", project, wire.to_str().unwrap()])
            .status
            .success()
    );

    let output = factdesk(&["check", project]);
    let stdout = text(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.contains(
            "Hidden characters in “wire”: 1 bidirectional control and 1 zero-width character"
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains("      8  U+202E right-to-left override"),
        "{stdout}"
    );
    assert!(
        stdout.contains("     23  U+200B zero-width space"),
        "{stdout}"
    );
}

#[test]
fn check_names_the_file_and_position_of_a_syntax_error() {
    let folder = tempfile::tempdir().unwrap();
    let path = edited_sample(folder.path(), |json| {
        json.replacen("\"title\":", "\"title\" ", 1)
    });
    let output = factdesk(&["check", &path]);
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr.starts_with("error: could not open "), "{stderr}");
    assert!(stderr.contains(&path), "{stderr}");
    assert!(stderr.contains("at line 4, column"), "{stderr}");
    assert!(output.stdout.is_empty());
}

#[test]
fn check_refuses_a_project_from_a_newer_factdesk() {
    let folder = tempfile::tempdir().unwrap();
    let path = edited_sample(folder.path(), |json| {
        json.replacen("\"version\": 5", "\"version\": 9", 1)
    });
    let output = factdesk(&["check", &path]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("newer Factdesk (project format version 9"));
}

#[test]
fn check_warns_about_text_edited_outside_factdesk() {
    let folder = tempfile::tempdir().unwrap();
    let path = edited_sample(folder.path(), |json| {
        json.replacen("around 60,000", "around 50,000", 1)
    });
    let output = factdesk(&["check", &path]);
    let stdout = text(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("1 warning(s):"), "{stdout}");
    assert!(stdout.contains("does not match its sha256"), "{stdout}");
}

#[test]
fn check_reports_a_missing_file() {
    let output = factdesk(&["check", "no/such/project.factdesk.json"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("could not read no/such/project.factdesk.json"),
        "{stderr}"
    );
}

#[test]
fn help_lists_the_commands() {
    let output = factdesk(&["--help"]);
    assert_eq!(output.status.code(), Some(0));
    let stdout = text(&output.stdout);
    assert!(stdout.contains("Usage: factdesk [PROJECT]"), "{stdout}");
    assert!(stdout.contains("check"), "{stdout}");
    assert!(stdout.contains("import"), "{stdout}");
    assert!(stdout.contains("claims"), "{stdout}");
}

#[test]
fn check_without_a_project_is_a_usage_error() {
    let output = factdesk(&["check"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("<PROJECT>"));
}

#[test]
fn an_unknown_command_is_a_usage_error() {
    let output = factdesk(&["publish", SAMPLE]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = text(&output.stderr);
    assert!(stderr.contains("Usage: factdesk [PROJECT]"), "{stderr}");
    assert!(output.stdout.is_empty());
}

/// A copy of the sample project in a fresh folder.
fn sample_copy(folder: &Path) -> String {
    let path = folder.join("idlib.factdesk.json");
    std::fs::copy(SAMPLE, &path).unwrap();
    path.display().to_string()
}

#[test]
fn import_adds_articles_in_every_format() {
    let folder = tempfile::tempdir().unwrap();
    let project = sample_copy(folder.path());
    let output = factdesk(&[
        "import",
        &project,
        "tests/fixtures/pages/idlib-page.html",
        "tests/fixtures/iptc/newsml-g2/LISTING_2_NewsML-G2_Text_Document.xml",
    ]);
    let stdout = text(&output.stdout);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{stdout}{}",
        text(&output.stderr)
    );
    assert!(
        stdout.contains("added “Tens of thousands flee Russia-led onslaught on… · The Daily Example” from tests/fixtures/pages/idlib-page.html (Web page (HTML); Reuters; 10 segments, 6 passage(s) set aside)\n  set aside (site header): The Daily Example Middle East Top Stories World\n"),
        "{stdout}"
    );
    assert!(
        stdout.ends_with(&format!("2 of 2 file(s) added to {project}\n")),
        "{stdout}"
    );
    let saved = Project::load(Path::new(&project)).unwrap();
    assert_eq!(saved.documents.len(), 4);
    assert_eq!(
        saved.documents[3].label,
        "Fed to halt QE to avert \"bubble\""
    );
}

#[test]
fn import_says_what_it_set_aside_flags_cut_off_copy_and_refuses_a_project() {
    let folder = tempfile::tempdir().unwrap();
    let project = sample_copy(folder.path());
    let output = factdesk(&[
        "import",
        &project,
        "tests/fixtures/pages/mideast-roundup.txt",
        SAMPLE,
    ]);
    let stdout = text(&output.stdout);
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "one of the files is refused");
    assert!(
        stdout.starts_with("added “Deadly flash floods hit southern Jordan, thousa… · Mideast Roundup” from tests/fixtures/pages/mideast-roundup.txt (Text file; Reuters; "),
        "{stdout}"
    );
    for line in [
        "\n  set aside (site button or link text): Skip to content\n",
        "\n  set aside (publication date): Posted on November 13, 2019 by admin\n",
        "\n  set aside (comments): Leave a reply\n",
        "\n  cut off: ends mid-sentence (“…years ago that the culverts were”): this copy may be cut off\n",
    ] {
        assert!(stdout.contains(line), "{line:?} in {stdout}");
    }
    assert!(
        stderr.contains("a Factdesk project, not an article: open it instead"),
        "{stderr}"
    );
    assert!(stdout.ends_with(&format!("1 of 2 file(s) added to {project}\n")));
}

#[test]
fn import_takes_a_label_and_a_source() {
    let folder = tempfile::tempdir().unwrap();
    let project = sample_copy(folder.path());
    let output = factdesk(&[
        "import",
        &project,
        "tests/fixtures/seed-idlib-2019.txt",
        "--label",
        "Wire as filed",
        "--source",
        "published_copy",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let output = factdesk(&[
        "import",
        &project,
        "tests/fixtures/iptc/ninjs/3.0_ntb_text.json",
        "--source",
        "dpa",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let saved = Project::load(Path::new(&project)).unwrap();
    let [.., labelled, credited] = saved.documents.as_slice() else {
        panic!("two documents added");
    };
    assert_eq!(labelled.label, "Wire as filed");
    assert_eq!(
        labelled.source,
        factdesk::core::article::Source::PublishedCopy
    );
    assert_eq!(credited.source, factdesk::core::article::Source::Dpa);
}

#[test]
fn import_adds_the_good_files_and_reports_the_bad_one() {
    let folder = tempfile::tempdir().unwrap();
    let project = sample_copy(folder.path());
    let png = folder.path().join("photo.txt");
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n\0\0").unwrap();
    let output = factdesk(&[
        "import",
        &project,
        &png.display().to_string(),
        "tests/fixtures/seed-idlib-2019.txt",
    ]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = text(&output.stderr);
    assert!(stderr.contains("error: a PNG image, not text:"), "{stderr}");
    assert!(stderr.contains("photo.txt"), "{stderr}");
    assert!(text(&output.stdout).contains("1 of 2 file(s) added"));
    assert_eq!(
        Project::load(Path::new(&project)).unwrap().documents.len(),
        3
    );
}

#[test]
fn import_refuses_a_label_for_several_files_and_leaves_the_project_alone() {
    let folder = tempfile::tempdir().unwrap();
    let project = sample_copy(folder.path());
    let before = std::fs::read(&project).unwrap();
    let output = factdesk(&[
        "import",
        &project,
        "tests/fixtures/seed-idlib-2019.txt",
        "tests/fixtures/pages/idlib-page.html",
        "--label",
        "Both",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("--label names one document"));
    assert_eq!(std::fs::read(&project).unwrap(), before);
}

#[test]
fn import_into_a_missing_project_is_an_error() {
    let output = factdesk(&[
        "import",
        "no/such.factdesk.json",
        "tests/fixtures/seed-idlib-2019.txt",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("could not read no/such.factdesk.json"));
}

#[test]
fn import_names_the_sources_when_given_another() {
    let output = factdesk(&[
        "import",
        SAMPLE,
        "tests/fixtures/seed-idlib-2019.txt",
        "--source",
        "bbc",
    ]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("not a source; use one of reuters, afp, ap"),
        "{stderr}"
    );
}

#[test]
fn claims_lists_the_candidates_of_an_article_with_their_reasons() {
    let output = factdesk(&["claims", "tests/fixtures/seed-idlib-2019.txt"]);
    let stdout = text(&output.stdout);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{stdout}{}",
        text(&output.stderr)
    );
    assert!(
        stdout.starts_with("Tens of thousands flee Russia-led onslaught on…\n16 candidate(s)\n\n"),
        "{stdout}"
    );
    let block = "offsets 1166–1277  score 1.00  kinds: Figure, Direct quote, Attribution, Named party\n\
                 “There were 15 raids on Jarjanaz in less than five minutes,” Abdul Rahman al Halabi told Reuters from the area.\n  \
                 why: quote from Abdul Rahman al Halabi; figure “15 raids”; named party “Jarjanaz”; \
                 figure “less than five minutes”; attribution “told Reuters” (Abdul Rahman al Halabi)\n";
    assert!(stdout.contains(block), "{stdout}");
    assert!(!stdout.contains("Back to top"), "{stdout}");
    assert!(output.stderr.is_empty());
}

#[test]
fn claims_json_covers_every_document_of_a_project() {
    let output = factdesk(&["claims", SAMPLE, "--json"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let records: Vec<serde_json::Value> = serde_json::from_slice(&output.stdout).unwrap();
    let project = Project::load(Path::new(SAMPLE)).unwrap();
    for document in &project.documents {
        let of_document: Vec<&serde_json::Value> = records
            .iter()
            .filter(|record| record["document"] == document.label.as_str())
            .collect();
        // What the desk already claimed or dismissed is not proposed again.
        let open = document_candidates(document)
            .into_iter()
            .filter(|candidate| project.is_open_candidate(&document.id, candidate))
            .count();
        assert_eq!(of_document.len(), open, "{}", document.label);
        assert!(open >= 10, "{}", document.label);
        for record in of_document {
            let start = usize::try_from(record["start"].as_u64().unwrap()).unwrap();
            let end = usize::try_from(record["end"].as_u64().unwrap()).unwrap();
            let sentence: String = document
                .text
                .chars()
                .skip(start)
                .take(end - start)
                .collect();
            assert_eq!(record["sentence"], sentence.as_str());
            assert!(
                !project.is_claimed(&document.id, &(start..end)),
                "{sentence}"
            );
            assert!(record["score"].as_f64().unwrap() > 0.0);
            assert!(!record["kinds"].as_array().unwrap().is_empty());
            for reason in record["reasons"].as_array().unwrap() {
                for field in ["kind", "start", "end", "matched", "explanation"] {
                    assert!(!reason[field].is_null(), "{field} missing in {reason}");
                }
            }
        }
    }
    let quote = records
        .iter()
        .flat_map(|record| record["reasons"].as_array().unwrap())
        .find(|reason| reason["kind"] == "quote")
        .unwrap();
    assert_eq!(quote["explanation"], "quote from Abdullah Younis");
}

#[test]
fn claims_by_score_lists_the_most_check_worthy_first() {
    let output = factdesk(&[
        "claims",
        "tests/fixtures/seed-idlib-2019.txt",
        "--json",
        "--by-score",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let records: Vec<serde_json::Value> = serde_json::from_slice(&output.stdout).unwrap();
    let scores: Vec<f64> = records
        .iter()
        .map(|record| record["score"].as_f64().unwrap())
        .collect();
    assert_eq!(scores.len(), 16);
    assert!(
        scores.windows(2).all(|pair| pair[0] >= pair[1]),
        "{scores:?}"
    );
}

#[test]
fn claims_reads_an_iptc_item_as_an_article() {
    let output = factdesk(&[
        "claims",
        "tests/fixtures/iptc/ninjs/3.1_004_simple_text_article.json",
    ]);
    let stdout = text(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert!(stdout.contains("figure “4,200 passengers”"), "{stdout}");
}

#[test]
fn claims_on_copy_with_nothing_to_check_is_not_an_error() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("plain.txt");
    std::fs::write(&path, "The weather was mild and the roads were quiet.\n").unwrap();
    let output = factdesk(&["claims", &path.display().to_string()]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert!(text(&output.stdout).ends_with("\n0 candidate(s)\n"));
    let output = factdesk(&["claims", &path.display().to_string(), "--json"]);
    assert_eq!(text(&output.stdout), "[]\n");
}

#[test]
fn claims_reports_unreadable_input_by_its_path() {
    let output = factdesk(&["claims", "no/such/story.txt"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("could not read no/such/story.txt"),
        "{stderr}"
    );
    assert!(output.stdout.is_empty());

    let folder = tempfile::tempdir().unwrap();
    let path = edited_sample(folder.path(), |json| {
        json.replacen("\"title\":", "\"title\" ", 1)
    });
    let output = factdesk(&["claims", &path]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = text(&output.stderr);
    assert!(stderr.starts_with("error: could not open "), "{stderr}");
    assert!(stderr.contains(&path), "{stderr}");
}

/// The sample's two versions (the scraped wire page and the desk edit) as text files.
fn sample_versions(folder: &Path) -> (String, String) {
    let project = Project::load(Path::new(SAMPLE)).unwrap();
    let paths: Vec<String> = ["wire.txt", "desk.txt"]
        .iter()
        .zip(&project.documents)
        .map(|(name, document)| {
            let path = folder.join(name);
            std::fs::write(&path, &document.text).unwrap();
            path.display().to_string()
        })
        .collect();
    (paths[0].clone(), paths[1].clone())
}

#[test]
fn diff_changes_lists_the_events_as_json_with_the_facts_inside() {
    let folder = tempfile::tempdir().unwrap();
    let (wire, desk) = sample_versions(folder.path());
    let output = factdesk(&["diff", &wire, &desk, "--changes", "--format", "json"]);
    assert_eq!(output.status.code(), Some(1), "{}", text(&output.stderr));
    let synonym = factdesk(&["diff", &wire, &desk, "--changes", "--json"]);
    assert_eq!(synonym.stdout, output.stdout, "--json is --format json");
    let events: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let events = events.as_array().unwrap();
    let qualifier = events
        .iter()
        .find(|event| {
            event["class"] == "number"
                && event["old"]["text"]
                    .as_str()
                    .unwrap_or("")
                    .contains("at least")
        })
        .expect("the dropped “at least” is a number change");
    let start = usize::try_from(qualifier["old"]["chars"]["start"].as_u64().unwrap()).unwrap();
    let wire_text = std::fs::read_to_string(&wire).unwrap();
    let at: String = wire_text.chars().skip(start).take(8).collect();
    assert_eq!(at, "at least");
    let added = events
        .iter()
        .find(|event| event["class"] == "passage_added")
        .expect("the desk's own paragraph is a passage added");
    let facts = added["facts"].as_array().unwrap();
    assert!(
        facts.iter().any(|fact| fact["class"] == "number"
            && fact["text"] == "some three million people"
            && fact["new"]["chars"]["start"].is_u64()),
        "{facts:?}"
    );
    assert!(
        events.iter().any(|event| event["class"] == "style"),
        "house style is counted"
    );
    assert!(events.iter().all(|event| {
        event["summary"]
            .as_str()
            .is_some_and(|summary| !summary.is_empty())
    }));
}

#[test]
fn diff_changes_as_text_lists_the_events_apart_from_house_style() {
    let folder = tempfile::tempdir().unwrap();
    let (wire, desk) = sample_versions(folder.path());
    let output = factdesk(&["diff", &wire, &desk, "--changes"]);
    let stdout = text(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    let first = stdout.lines().next().unwrap();
    assert_eq!(first, "4 change(s) that matter · 26 house-style edit(s)");
    assert!(
        stdout.contains("\nNumber: qualifier “at least” dropped from 400,000\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("\nPassage added: ¶6 (1 sentence; in no other version)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("\n  · Number: some three million people\n"),
        "{stdout}"
    );
    assert!(stdout.contains("\nHouse style: wording ×"), "{stdout}");
}

#[test]
fn diff_marks_words_like_wdiff_and_names_moved_sentences() {
    let folder = tempfile::tempdir().unwrap();
    let (wire, desk) = sample_versions(folder.path());
    let output = factdesk(&["diff", &wire, &desk]);
    let stdout = text(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("[-at least-]") || stdout.contains("[-at least -]"),
        "{stdout}"
    );
    assert!(stdout.contains("moved from ¶"), "{stdout}");
    assert!(
        stdout.contains("inserted\n  {+Idlib province is home"),
        "{stdout}"
    );
    assert!(stdout.trim_end().ends_with("moved"), "{stdout}");
}

#[test]
fn diff_of_the_same_text_exits_zero_and_a_missing_file_two() {
    let folder = tempfile::tempdir().unwrap();
    let (wire, _) = sample_versions(folder.path());
    let same = factdesk(&["diff", &wire, &wire, "--changes", "--format", "json"]);
    assert_eq!(same.status.code(), Some(0), "{}", text(&same.stderr));
    assert_eq!(text(&same.stdout).trim(), "[]");
    let missing = factdesk(&["diff", &wire, "no/such/file.txt"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        text(&missing.stderr).contains("no/such/file.txt"),
        "{}",
        text(&missing.stderr)
    );
    assert!(missing.stdout.is_empty());
}

#[test]
fn new_writes_an_empty_project_that_import_can_fill() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("story.factdesk.json");
    let path = path.to_str().unwrap();
    let output = factdesk(&[
        "new",
        "Idlib offensive",
        "-o",
        path,
        "--desk",
        "Standards desk",
        "--review-url",
        "https://example.org/checks/idlib",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert!(text(&output.stdout).starts_with("Created "));
    let project = Project::load(Path::new(path)).unwrap();
    assert_eq!(project.title, "Idlib offensive");
    assert_eq!(project.settings.desk, "Standards desk");
    assert_eq!(
        project.settings.review_url,
        "https://example.org/checks/idlib"
    );
    assert!(project.documents.is_empty() && project.claims.is_empty());

    let imported = factdesk(&["import", path, "tests/fixtures/seed-idlib-2019.txt"]);
    assert_eq!(
        imported.status.code(),
        Some(0),
        "{}",
        text(&imported.stderr)
    );
    assert_eq!(Project::load(Path::new(path)).unwrap().documents.len(), 1);
}

#[test]
fn new_refuses_to_replace_an_existing_project() {
    let before = std::fs::read(SAMPLE).unwrap();
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("sample.factdesk.json");
    std::fs::write(&path, &before).unwrap();
    let output = factdesk(&["new", "Another", "-o", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output.stderr).contains("already exists"),
        "{}",
        text(&output.stderr)
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the file is untouched"
    );
    let untitled = factdesk(&[
        "new",
        "  ",
        "-o",
        folder.path().join("x.factdesk.json").to_str().unwrap(),
    ]);
    assert_eq!(untitled.status.code(), Some(2));
    assert!(text(&untitled.stderr).contains("needs a title"));
}

#[test]
fn export_writes_every_format_to_standard_output() {
    for format in ["claimreview", "annotations", "markdown", "html", "csv"] {
        let output = factdesk(&["export", SAMPLE, "--format", format]);
        let stderr = text(&output.stderr);
        assert!(!output.stdout.is_empty(), "{format}: {stderr}");
        match format {
            "claimreview" => {
                // Two of the sample's claims have no verdict yet: written, with findings.
                assert_eq!(output.status.code(), Some(1), "{stderr}");
                assert_eq!(stderr.matches("skipped: ").count(), 2, "{stderr}");
                let reviews: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
                assert_eq!(reviews.as_array().unwrap().len(), 4);
            }
            _ => assert_eq!(output.status.code(), Some(0), "{format}: {stderr}"),
        }
    }
}

#[test]
fn export_to_a_file_replaces_it_whole_and_says_where_it_went() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("report.html");
    std::fs::write(&path, "old contents").unwrap();
    let output = factdesk(&[
        "export",
        SAMPLE,
        "--format",
        "html",
        "-o",
        path.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert!(output.stdout.is_empty());
    assert!(text(&output.stderr).contains("report.html"));
    let html = std::fs::read_to_string(&path).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.ends_with("</html>\n"));
}

#[test]
fn export_warns_about_missing_settings_and_exits_one() {
    let folder = tempfile::tempdir().unwrap();
    let path = edited_sample(folder.path(), |json| {
        json.replacen("\"desk\": \"Factdesk sample desk\"", "\"desk\": \"\"", 1)
    });
    let output = factdesk(&["export", &path, "--format", "csv"]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "CSV does not need the settings"
    );
    let output = factdesk(&["export", &path, "--format", "claimreview"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output.stderr).contains("warning: the project's settings lack the desk's name"));
}

#[test]
fn export_errors_exit_two_and_leave_no_file() {
    let missing = factdesk(&["export", "no/such.factdesk.json", "--format", "csv"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(text(&missing.stderr).contains("could not read no/such.factdesk.json"));
    let folder = tempfile::tempdir().unwrap();
    let target = folder.path().join("no/such/folder/claims.csv");
    let unwritable = factdesk(&[
        "export",
        SAMPLE,
        "--format",
        "csv",
        "-o",
        target.to_str().unwrap(),
    ]);
    assert_eq!(unwritable.status.code(), Some(2));
    assert!(text(&unwritable.stderr).starts_with("error: "));
    assert!(!target.exists());
    let unknown = factdesk(&["export", SAMPLE, "--format", "pdf"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(text(&unknown.stderr).contains("claimreview, annotations"));
}

#[test]
fn diff_text_has_no_colour_codes_when_piped_unless_asked() {
    let folder = tempfile::tempdir().unwrap();
    let (wire, desk) = sample_versions(folder.path());
    let piped = factdesk(&["diff", &wire, &desk]);
    assert!(!text(&piped.stdout).contains('\u{1b}'));
    let coloured = factdesk(&["diff", &wire, &desk, "--color", "always"]);
    let stdout = text(&coloured.stdout);
    assert!(stdout.contains("\u{1b}[31;9m[-"), "{stdout}");
    assert!(stdout.contains("\u{1b}[32m{+"), "{stdout}");
}

#[test]
fn diff_json_lists_the_sentence_rows() {
    let folder = tempfile::tempdir().unwrap();
    let (wire, desk) = sample_versions(folder.path());
    let output = factdesk(&["diff", &wire, &desk, "--format", "json"]);
    assert_eq!(output.status.code(), Some(1));
    let rows: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let rows = rows.as_array().unwrap();
    assert!(rows.iter().any(|row| row["kind"] == "moved"));
    assert!(rows.iter().any(|row| row["kind"] == "same"));
}

#[test]
fn diff_html_is_a_standalone_page_with_marked_words_and_the_changes() {
    let folder = tempfile::tempdir().unwrap();
    let (wire, desk) = sample_versions(folder.path());
    let output = factdesk(&["diff", &wire, &desk, "--format", "html", "--changes"]);
    assert_eq!(output.status.code(), Some(1), "{}", text(&output.stderr));
    let html = text(&output.stdout);
    assert!(!html.contains("<script") && !html.contains('\u{1b}'));
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..roxmltree::ParsingOptions::default()
    };
    let page = roxmltree::Document::parse_with_options(&html, options).unwrap();
    let count = |tag: &str| page.descendants().filter(|n| n.has_tag_name(tag)).count();
    assert!(count("del") > 0 && count("ins") > 0, "{html}");
    assert!(html.contains("class=\"moved\""));
    assert!(html.contains("qualifier “at least” dropped"));
}

#[test]
fn export_compares_the_pairs_asked_for() {
    let project = Project::load(Path::new(SAMPLE)).unwrap();
    let desk_id = project.documents[1].id.0.clone();
    let reversed = format!("{desk_id}:1");
    let output = factdesk(&[
        "export",
        SAMPLE,
        "--format",
        "markdown",
        "--compare",
        &reversed,
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let markdown = text(&output.stdout);
    assert!(
        markdown.contains("## Compared: Desk edit for print (copy desk) → Scraped page"),
        "{markdown}"
    );
    let unknown = factdesk(&["export", SAMPLE, "--format", "markdown", "--compare", "1:7"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(text(&unknown.stderr).contains("no document “7”"));
}
