//! Every calibration case in `tests/cases/` gives its expected values
//! through the `triage` example (`--json`), and through the library. The
//! repository owns its corpus: the cases handed to the project (a copy of
//! `../shared/cases`, compared with it when that folder exists) and the
//! cases of the risk method v2, each citing the decision or guideline whose
//! outcome it expects and naming the classes of issue 16 it covers.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases")
}

fn cases() -> Vec<PathBuf> {
    let dir = cases_dir();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(
        files.len() >= 34,
        "expected the calibration cases in {}",
        dir.display()
    );
    files
}

#[test]
fn the_handed_cases_are_kept_as_handed() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/cases");
    let Ok(entries) = std::fs::read_dir(&shared) else {
        return; // a clone with nothing beside it: the copies are the corpus
    };
    for e in entries {
        let path = e.unwrap().path();
        let ours = cases_dir().join(path.file_name().unwrap());
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            std::fs::read_to_string(&ours).unwrap_or_default(),
            "{} differs from its copy",
            path.display()
        );
    }
}

#[test]
fn every_class_of_the_method_has_a_cited_case() {
    let mut covered = [0usize; 13];
    for case in cases() {
        let spec: Value = serde_json::from_str(&std::fs::read_to_string(&case).unwrap()).unwrap();
        assert!(
            spec["source"].as_str().is_some_and(|s| s.len() > 20),
            "{}: every case cites its source",
            case.display()
        );
        for c in spec["class"].as_array().into_iter().flatten() {
            covered[c.as_u64().unwrap() as usize] += 1;
        }
    }
    for (class, n) in covered.iter().enumerate().skip(1) {
        assert!(*n >= 1, "issue 16 class {class} has no calibration case");
    }
}

/// The example binary that `cargo test` builds beside the test executables.
fn triage_example() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let dir = exe.parent().unwrap().parent().unwrap();
    let path = dir
        .join("examples")
        .join(format!("triage{}", std::env::consts::EXE_SUFFIX));
    assert!(
        path.exists(),
        "{} not built (cargo test builds examples)",
        path.display()
    );
    path
}

fn compare(case: &Path, expected: &Value, verdict: &Value) -> Vec<String> {
    let mut wrong = Vec::new();
    for (key, want) in expected.as_object().unwrap() {
        let field = |list: &str, name: &str| -> Value {
            verdict[list]
                .as_array()
                .into_iter()
                .flatten()
                .map(|x| x[name].clone())
                .collect()
        };
        let got = match key.as_str() {
            "document" => Value::Bool(
                verdict["duties"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|d| d["duty"] == "document"),
            ),
            "authority_ids" => field("authorities", "id"),
            "warning_codes" => field("warnings", "code"),
            _ => verdict[key].clone(),
        };
        if &got != want {
            wrong.push(format!(
                "{}: {key} = {got}, expected {want}",
                case.display()
            ));
        }
    }
    wrong
}

#[test]
fn every_case_through_the_triage_example() {
    let exe = triage_example();
    let mut wrong = Vec::new();
    for case in cases() {
        let out = Command::new(&exe)
            .arg("--json")
            .arg(&case)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}: {}",
            case.display(),
            String::from_utf8_lossy(&out.stderr)
        );
        let verdict: Value = serde_json::from_slice(&out.stdout).unwrap();
        let spec: Value = serde_json::from_str(&std::fs::read_to_string(&case).unwrap()).unwrap();
        wrong.extend(compare(&case, &spec["expected"], &verdict));
        // Every verdict says it is decision support and explains itself.
        assert!(!verdict["disclaimer"].as_str().unwrap().is_empty());
        assert!(
            verdict["reasons"]
                .as_array()
                .unwrap()
                .iter()
                .all(|r| !r["source"].as_str().unwrap().is_empty())
        );
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn every_case_through_the_library() {
    for case in cases() {
        let spec: Value = serde_json::from_str(&std::fs::read_to_string(&case).unwrap()).unwrap();
        let options = spec.get("options").map(|o| o.to_string());
        let verdict = dsgvo::triage_json(&spec["facts"].to_string(), options.as_deref()).unwrap();
        let verdict: Value = serde_json::from_str(&verdict).unwrap();
        let wrong = compare(&case, &spec["expected"], &verdict);
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
        // Every reason and warning carries one of the enumerated codes.
        for r in verdict["reasons"]
            .as_array()
            .unwrap()
            .iter()
            .chain(verdict["warnings"].as_array().into_iter().flatten())
        {
            let code = r["code"].as_str().unwrap();
            assert!(
                code.parse::<dsgvo::finding::FindingCode>().is_ok(),
                "{}: {code} is not a FindingCode",
                case.display()
            );
        }
    }
}

#[test]
fn built_in_scenario_prints_the_german_report() {
    let out = Command::new(triage_example()).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    for needle in [
        "Ergebnis: voraussichtlich kein Risiko",
        "2026-11-23 08:15 UTC",
        "23.11.2026 09:15 +01:00 (Europe/Berlin)",
        "Bayerisches Landesamt für Datenschutzaufsicht",
        "Nächste Schritte",
        "keine Rechtsberatung",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in\n{text}");
    }
    let en = Command::new(triage_example())
        .args(["--lang", "en"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8(en.stdout)
            .unwrap()
            .contains("Result: unlikely to result in a risk")
    );
}

#[test]
fn bad_input_exits_2_with_one_line_naming_the_field() {
    let dir = std::env::temp_dir().join(format!("dsgvo-calibration-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let case = std::fs::read_to_string(
        cases()
            .into_iter()
            .find(|p| p.ends_with("shipping-label.json"))
            .unwrap(),
    )
    .unwrap();
    let bad = case.replace("\"2026-11-20T09:15:00+01:00\"", "\"2026-11-20T09:15:00\"");
    let file = dir.join("bad.json");
    std::fs::write(&file, bad).unwrap();
    for args in [
        vec![file.to_str().unwrap()],
        vec!["--policy", "sometimes"],
        vec!["/nonexistent/facts.json"],
        vec!["--frobnicate"],
    ] {
        let out = Command::new(triage_example()).args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(
            !err.contains("panicked") && !err.contains("backtrace"),
            "{err}"
        );
        assert!(out.stdout.is_empty());
    }
    let out = Command::new(triage_example()).arg(&file).output().unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("facts.aware_at: timestamp without UTC offset"),
        "{err}"
    );
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn documents_option_writes_every_document() {
    let dir = std::env::temp_dir().join(format!("dsgvo-documents-{}", std::process::id()));
    let case = cases()
        .into_iter()
        .find(|p| p.ends_with("interface-leak-merchant.json"))
        .unwrap();
    let out = Command::new(triage_example())
        .args([
            "--documents",
            dir.to_str().unwrap(),
            "--now",
            "2026-06-11T10:00:00+02:00",
            "--lang",
            "en",
        ])
        .arg(&case)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for file in [
        "notification.en.md",
        "notification.en.txt",
        "form-blocks.en.json",
        "letter-sample.en.html",
        "register-entry.en.json",
        "completeness.en.txt",
    ] {
        let text =
            std::fs::read_to_string(dir.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert!(!text.is_empty(), "{file}");
    }
    // Art. 34(3)(c) does not apply: no public communication is written.
    assert!(!dir.join("public-communication.en.md").exists());
    // Late without reasons: refused with one line, exit 2.
    let late = Command::new(triage_example())
        .args([
            "--documents",
            dir.to_str().unwrap(),
            "--now",
            "2026-06-20T10:00:00+02:00",
        ])
        .arg(&case)
        .output()
        .unwrap();
    assert_eq!(late.status.code(), Some(2));
    assert!(
        String::from_utf8(late.stderr)
            .unwrap()
            .contains("delay_reasons")
    );
    std::fs::remove_dir_all(dir).ok();
}

/// A German verdict reads as German, sources included: every reason and
/// warning of every case, assessed in German, cites "Art. 33 Abs. 1
/// DSGVO" and explains in German — no English word left in a source's
/// parentheses (issue 17).
#[test]
fn german_verdicts_cite_and_explain_in_german() {
    const ENGLISH: &[&str] = &[
        " the ",
        " of ",
        " and ",
        " is ",
        " are ",
        " per ",
        " at most",
        " to ",
        " by ",
        " with ",
        " from ",
        " for ",
        " in good time",
        "table",
        "GDPR",
        "Recital",
        "Guidelines",
        "para ",
        "our choice",
        "(a)",
        "(1)",
        "likelihood",
        "severity",
        "individuals",
        "highest",
        "counts",
        "maximum",
        "step ",
        " Kurzpapier",
    ];
    let mut found = std::collections::BTreeSet::new();
    for case in cases() {
        let spec: Value = serde_json::from_str(&std::fs::read_to_string(&case).unwrap()).unwrap();
        let mut options = spec
            .get("options")
            .cloned()
            .unwrap_or(Value::Object(Default::default()));
        options["language"] = Value::from("de");
        let verdict =
            dsgvo::triage_json(&spec["facts"].to_string(), Some(&options.to_string())).unwrap();
        let verdict: Value = serde_json::from_str(&verdict).unwrap();
        for r in verdict["reasons"]
            .as_array()
            .unwrap()
            .iter()
            .chain(verdict["warnings"].as_array().into_iter().flatten())
        {
            for field in ["text", "source"] {
                // Names of authorities stay as the directory has them.
                let s = verdict["authorities"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|a| a["name"].as_str())
                    .fold(format!(" {} ", r[field].as_str().unwrap()), |s, name| {
                        s.replace(name, "")
                    });
                if let Some(w) = ENGLISH.iter().find(|w| s.contains(**w)) {
                    found.insert(format!(
                        "{} {field} has \"{}\": {}",
                        r["code"],
                        w.trim(),
                        s.trim()
                    ));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "{} findings:\n{}",
        found.len(),
        found.into_iter().collect::<Vec<_>>().join("\n")
    );
}
