//! JSON Schemas generated from the Rust types (draft 2020-12). The committed
//! copies under `include/` are checked against these by the tests.

use crate::{AssessmentOptions, BreachFacts, Verdict};

/// JSON Schema of breach facts v1.
pub fn breach_facts() -> String {
    pretty(schemars::schema_for!(BreachFacts))
}

/// JSON Schema of the assessment options.
pub fn assessment_options() -> String {
    pretty(schemars::schema_for!(AssessmentOptions))
}

/// JSON Schema of the verdict v1.
pub fn verdict() -> String {
    pretty(schemars::schema_for!(Verdict))
}

/// JSON Schema of a stored case (`dsgvo.case/2`).
pub fn case() -> String {
    pretty(schemars::schema_for!(crate::case::StoredCase))
}

/// JSON Schema of a TOM checklist (`dsgvo.tom-checklist/1`).
pub fn tom_checklist() -> String {
    pretty(schemars::schema_for!(crate::tom::Checklist))
}

/// JSON Schema of a TOM evaluation (`dsgvo.tom-evaluation/1`, output only).
pub fn tom_evaluation() -> String {
    pretty(schemars::schema_for!(crate::tom::TomEvaluation))
}

fn pretty(schema: schemars::Schema) -> String {
    let mut s = serde_json::to_string_pretty(&schema).expect("schemas serialise");
    s.push('\n');
    s
}
