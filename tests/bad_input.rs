//! The bad-input matrix (`tests/bad_input.json`) through the Rust door:
//! every row gives the `ErrorCode` of its status. Rows the Rust types rule
//! out (a null `&str`, invalid UTF-8 in a `&str`, a use of a moved or
//! dropped case) are marked `not_representable` there; the C, PHP and
//! Python doors test them.

use dsgvo::case::{BackdatingTolerance, Case, CaseId};
use dsgvo::document::{Templates, bundle};
use dsgvo::door::scope::ScopeRun;
use dsgvo::{AssessedBreach, AssessmentOptions, BreachFacts, Coded, Timestamp, triage};
use serde_json::{Value, json};

fn table() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/bad_input.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn merge(base: &mut Value, patch: &Value) {
    match (base, patch) {
        (Value::Object(b), Value::Object(p)) => {
            for (k, v) in p {
                let range = v.get("min").is_some() || v.get("max").is_some();
                match b.get_mut(k) {
                    Some(slot) if v.is_object() && !range && !v.as_object().unwrap().is_empty() => {
                        merge(slot, v)
                    }
                    _ => {
                        b.insert(k.clone(), v.clone());
                    }
                }
            }
        }
        (b, p) => *b = p.clone(),
    }
}

/// The input a row describes, as text.
fn build(spec: &Value, facts: &Value) -> String {
    let text = facts.to_string();
    if let Some(t) = spec.get("text") {
        return t.as_str().unwrap().to_string();
    }
    if let Some(n) = spec.get("facts_truncated_to") {
        return text[..n.as_u64().unwrap() as usize].to_string();
    }
    if let Some(r) = spec.get("repeat") {
        return r
            .as_str()
            .unwrap()
            .repeat(spec["times"].as_u64().unwrap() as usize);
    }
    if let Some(n) = spec.get("facts_padded_to") {
        let n = n.as_u64().unwrap() as usize;
        return format!(
            "{}{}}}",
            &text[..text.len() - 1],
            " ".repeat(n - text.len())
        );
    }
    if let Some(p) = spec.get("facts_patch") {
        let mut f = facts.clone();
        merge(&mut f, p);
        return f.to_string();
    }
    if let Some(run) = spec.get("scope") {
        return run.to_string();
    }
    if let Some(t) = spec.get("case_tampered") {
        let valid = BreachFacts::from_json(&text).unwrap();
        let at = valid.aware_at;
        let case = Case::open(CaseId("2026-017".into()), valid, at, "DSB").unwrap();
        let stored = case.to_json();
        let (from, to) = (t["replace"].as_str().unwrap(), t["with"].as_str().unwrap());
        assert!(stored.contains(from));
        return stored.replacen(from, to, 1);
    }
    panic!("unknown input {spec}")
}

fn code_of(row: &Value, facts: &Value) -> &'static str {
    let input = build(&row["input"], facts);
    match row["door"].as_str().unwrap() {
        "triage" => BreachFacts::from_json(&input)
            .map(|f| triage(&f, &AssessmentOptions::default()))
            .err()
            .map(|e| e.code().name()),
        "documents" => {
            let breach = AssessedBreach::new(
                BreachFacts::from_json(&input).unwrap(),
                &AssessmentOptions::default(),
            );
            let now = Timestamp::parse(row["now"].as_str().unwrap())
                .unwrap()
                .to_utc();
            bundle(&breach, &Templates::builtin(), now, None)
                .err()
                .map(|e| e.code().name())
        }
        "case_load" => Case::from_json(&input, BackdatingTolerance::default())
            .err()
            .map(|e| e.code().name()),
        // An anchor taken after the assessment, checked against the same
        // case without it: the log lost its last entry.
        "case_anchor" => {
            let valid = BreachFacts::from_json(&facts.to_string()).unwrap();
            let at = valid.aware_at;
            let id = || CaseId("2026-017".into());
            let mut case = Case::open(id(), valid.clone(), at, "DSB").unwrap();
            let command: dsgvo::case::Command = serde_json::from_str(&input).unwrap();
            case.apply(command, BackdatingTolerance::default()).unwrap();
            let truncated = Case::open(id(), valid, at, "DSB").unwrap();
            truncated
                .check_anchor(&case.anchor())
                .err()
                .map(|e| e.code().name())
        }
        "register_twice" => {
            let valid = BreachFacts::from_json(&input).unwrap();
            let at = valid.aware_at;
            let stored = Case::open(CaseId("2026-017".into()), valid, at, "DSB")
                .unwrap()
                .to_json();
            dsgvo::case::Register::load([&stored, &stored], BackdatingTolerance::default(), 1)
                .err()
                .map(|(_, e)| e.code().name())
        }
        "case_apply" => {
            let valid = BreachFacts::from_json(&facts.to_string()).unwrap();
            let at = valid.aware_at;
            let mut case = Case::open(CaseId("2026-017".into()), valid, at, "DSB").unwrap();
            let command: dsgvo::case::Command = serde_json::from_str(&input).unwrap();
            let now = Timestamp::parse(row["now"].as_str().unwrap())
                .unwrap()
                .to_utc();
            case.apply_at(command, BackdatingTolerance::default(), now)
                .err()
                .map(|e| e.code().name())
        }
        // A run with its options, one batch of rows, then the report (or
        // the second pass for the recipients).
        door @ ("scope" | "recipients") => {
            let spec: Value = serde_json::from_str(&input).unwrap();
            let run = ScopeRun::new(&spec["options"].to_string(), None);
            run.and_then(|mut run| {
                run.push(&spec["rows"].to_string(), 2)?;
                match door {
                    "scope" => run.report().map(drop),
                    _ => run.start_recipients(),
                }
            })
            .err()
            .map(|e| e.code().name())
        }
        door => panic!("no Rust door for {door}"),
    }
    .unwrap_or_else(|| panic!("{}: no error", row["id"]))
}

#[test]
fn every_representable_row_gets_its_specific_error() {
    let table = table();
    let facts = &table["facts"];
    let mut ran = 0;
    for row in table["rows"].as_array().unwrap() {
        if row["not_representable"]
            .as_array()
            .is_some_and(|d| d.contains(&json!("rust")))
        {
            continue;
        }
        assert_eq!(
            code_of(row, facts),
            row["status"].as_str().unwrap(),
            "{}",
            row["id"]
        );
        ran += 1;
    }
    assert_eq!(ran, 28);
}
