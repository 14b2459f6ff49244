//! Helpers: a baseline breach (one misdelivered parcel label) and merging
//! of overrides, so each test states only the facts it is about.
#![allow(dead_code)]

use dsgvo_core::{AssessmentOptions, BreachFacts, InputError, Verdict, triage};
use serde_json::{Value, json};

pub fn base() -> Value {
    json!({
        "schema": "dsgvo.breach-facts/2",
        "role": "controller",
        "controller": { "name": "Beispiel Shop GmbH", "country": "DE", "region": "DE-BY", "established_in_eu": true, "sector": "retail" },
        "aware_at": "2026-11-20T09:15:00+01:00",
        "types": ["confidentiality"],
        "cause": "misdelivery_post",
        "malicious": false,
        "data_categories": ["identity", "contact"],
        "data_subjects": { "count": 1, "categories": ["customers"], "vulnerable": false },
        "confidentiality": { "recipients": "known", "exfiltrated": "no" }
    })
}

/// `base()` with `patch` merged in (objects merge, `null` removes a key).
pub fn with(patch: Value) -> Value {
    let mut v = base();
    merge(&mut v, patch);
    v
}

pub fn merge(target: &mut Value, patch: Value) {
    match (target, patch) {
        (Value::Object(t), Value::Object(p)) => {
            for (k, v) in p {
                if v.is_null() {
                    t.remove(&k);
                } else {
                    merge(t.entry(k).or_insert(Value::Null), v);
                }
            }
        }
        (t, p) => *t = p,
    }
}

pub fn parse(facts: &Value) -> Result<dsgvo_core::ValidFacts, InputError> {
    BreachFacts::from_json(&facts.to_string())
}

pub fn verdict_with(facts: Value, options: AssessmentOptions) -> Verdict {
    let facts = parse(&facts).unwrap_or_else(|e| panic!("test facts invalid: {e}"));
    triage(&facts, &options)
}

pub fn verdict(facts: Value) -> Verdict {
    verdict_with(facts, AssessmentOptions::default())
}

pub fn codes(v: &Verdict) -> Vec<&str> {
    v.reasons.iter().map(|r| r.code.as_str()).collect()
}

/// A calibration case of the repository's corpus (`tests/cases/NAME.json`).
pub fn case_file(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/cases")
        .join(format!("{name}.json"))
}

/// A reference table the tests check the engine against; the repository's
/// copy (`dsgvo-core/tests/reference/`).
pub fn reference(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/reference")
        .join(name)
}

/// The same file in `../shared/` when that folder lies beside the
/// repository (only for comparing a copy with what was handed over).
pub fn shared_original(path: &str) -> Option<std::path::PathBuf> {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared")
        .join(path);
    p.exists().then_some(p)
}
