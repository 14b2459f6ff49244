//! Every validation error names the field and the problem.

mod common;

use common::{parse, with};
use dsgvo_core::{AssessmentOptions, BreachFacts, ErrorKind, MAX_INPUT_BYTES};
use serde_json::json;

fn error(facts: serde_json::Value) -> (String, ErrorKind, String) {
    let e = parse(&facts).expect_err("must be rejected");
    let f = e.first().clone();
    (f.path, f.kind, f.problem)
}

#[test]
fn the_baseline_is_valid_and_round_trips() {
    let facts = parse(&common::base()).unwrap();
    let again = BreachFacts::from_json(&serde_json::to_string(&facts).unwrap()).unwrap();
    assert_eq!(facts, again);
    // The plain-integer form of a count is kept.
    assert!(
        serde_json::to_string(&facts)
            .unwrap()
            .contains("\"count\":1")
    );
}

#[test]
fn timestamp_without_offset() {
    let (path, kind, problem) = error(with(json!({ "aware_at": "2026-11-20T09:15:00" })));
    assert_eq!(
        (path.as_str(), kind),
        ("aware_at", ErrorKind::TimestampWithoutOffset)
    );
    assert!(problem.contains("2026-11-20T09:15:00+01:00"), "{problem}");
    let (path, kind, _) = error(with(
        json!({ "occurred": { "from": "2026-11-18 00:00:00" } }),
    ));
    assert_eq!(
        (path.as_str(), kind),
        ("occurred.from", ErrorKind::TimestampWithoutOffset)
    );
    let (_, kind, _) = error(with(json!({ "aware_at": "yesterday" })));
    assert_eq!(kind, ErrorKind::InvalidValue);
}

#[test]
fn aware_at_before_occurred_from() {
    let (path, kind, _) = error(with(
        json!({ "occurred": { "from": "2026-11-21T00:00:00+01:00" } }),
    ));
    assert_eq!((path.as_str(), kind), ("aware_at", ErrorKind::Inconsistent));
    let (path, _, _) = error(with(
        json!({ "occurred": { "from": "2026-11-18T00:00:00+01:00", "until": "2026-11-17T00:00:00+01:00" } }),
    ));
    assert_eq!(path, "occurred.until");
}

#[test]
fn min_greater_than_max() {
    let (path, kind, problem) = error(with(
        json!({ "data_subjects": { "count": { "min": 9, "max": 1 } } }),
    ));
    assert_eq!(
        (path.as_str(), kind),
        ("data_subjects.count", ErrorKind::Inconsistent)
    );
    assert!(
        problem.contains("min (9) is greater than max (1)"),
        "{problem}"
    );
    let (path, _, _) = error(with(json!({ "records": { "min": 5, "max": 2 } })));
    assert_eq!(path, "records");
}

#[test]
fn negative_and_fractional_counts() {
    let (path, kind, problem) = error(with(json!({ "data_subjects": { "count": -3 } })));
    assert_eq!(
        (path.as_str(), kind),
        ("data_subjects.count", ErrorKind::InvalidValue)
    );
    assert!(problem.contains("negative"), "{problem}");
    let (path, _, _) = error(with(
        json!({ "data_subjects": { "count": { "min": -1, "max": 3 } } }),
    ));
    assert_eq!(path, "data_subjects.count.min");
    let (_, _, problem) = error(with(json!({ "data_subjects": { "count": 2.5 } })));
    assert!(problem.contains("whole number"));
    let (path, _, _) = error(with(json!({ "data_subjects": { "count": 0 } })));
    assert_eq!(path, "data_subjects.count");
}

#[test]
fn missing_section_for_a_listed_breach_type() {
    let (path, kind, problem) = error(with(json!({ "confidentiality": null })));
    assert_eq!(
        (path.as_str(), kind),
        ("confidentiality", ErrorKind::MissingField)
    );
    assert!(problem.contains("types contains \"confidentiality\""));
    let (path, _, _) = error(with(
        json!({ "types": ["confidentiality", "availability"] }),
    ));
    assert_eq!(path, "availability");
    let (path, kind, _) = error(with(json!({ "integrity": { "recoverable": true } })));
    assert_eq!(
        (path.as_str(), kind),
        ("integrity", ErrorKind::Inconsistent)
    );
}

#[test]
fn unknown_enum_values_name_the_allowed_ones() {
    let (path, kind, problem) = error(with(json!({ "cause": "aliens" })));
    assert_eq!((path.as_str(), kind), ("cause", ErrorKind::UnknownValue));
    assert!(problem.contains("misdelivery_post"), "{problem}");
    let (path, _, _) = error(with(
        json!({ "data_categories": ["identity", "shoe_size"] }),
    ));
    assert_eq!(path, "data_categories[1]");
    let (path, _, _) = error(with(
        json!({ "confidentiality": { "recipients": "everyone" } }),
    ));
    assert_eq!(path, "confidentiality.recipients");
    let (path, _, _) = error(with(json!({ "malicious": "maybe" })));
    assert_eq!(path, "malicious");
}

#[test]
fn missing_and_unknown_fields() {
    let (path, kind, _) = error(with(json!({ "cause": null })));
    assert_eq!((path.as_str(), kind), ("cause", ErrorKind::MissingField));
    let (path, kind, _) = error(with(json!({ "controller": { "name": null } })));
    assert_eq!(
        (path.as_str(), kind),
        ("controller.name", ErrorKind::MissingField)
    );
    let (path, kind, _) = error(with(json!({ "awareat": "2026-11-20T09:15:00+01:00" })));
    assert_eq!((path.as_str(), kind), ("awareat", ErrorKind::UnknownField));
}

#[test]
fn schema_version_and_json_syntax() {
    let (path, kind, _) = error(with(json!({ "schema": "dsgvo.breach-facts/3" })));
    assert_eq!(
        (path.as_str(), kind),
        ("schema", ErrorKind::UnsupportedSchema)
    );
    let e = BreachFacts::from_json(r#"{"schema": "dsgvo.breach-facts/1", "role": "#).unwrap_err();
    assert_eq!(e.first().kind, ErrorKind::Syntax);
    let e = BreachFacts::from_json("").unwrap_err();
    assert_eq!(e.first().kind, ErrorKind::Syntax);
    let e = BreachFacts::from_json(&format!("{} x", common::base())).unwrap_err();
    assert_eq!(e.first().kind, ErrorKind::Syntax);
    // Deep nesting is refused at the first bracket where a value of another type belongs,
    // or by the parser's depth limit: never a stack overflow.
    let deep = format!(
        "{{\"schema\": \"dsgvo.breach-facts/1\", \"role\": {}{}}}",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let kind = BreachFacts::from_json(&deep).unwrap_err().first().kind;
    assert!(
        matches!(
            kind,
            ErrorKind::WrongType | ErrorKind::TooDeep | ErrorKind::Syntax
        ),
        "{kind:?}"
    );
    let big = " ".repeat(MAX_INPUT_BYTES + 1);
    assert_eq!(
        BreachFacts::from_json(&big).unwrap_err().first().kind,
        ErrorKind::TooLarge
    );
}

#[test]
fn wrong_types() {
    let (path, kind, _) = error(with(json!({ "types": "confidentiality" })));
    assert_eq!((path.as_str(), kind), ("types", ErrorKind::WrongType));
    let (path, kind, _) = error(with(
        json!({ "controller": { "established_in_eu": "yes" } }),
    ));
    assert_eq!(
        (path.as_str(), kind),
        ("controller.established_in_eu", ErrorKind::WrongType)
    );
}

#[test]
fn empty_and_duplicate_lists() {
    let (path, _, _) = error(with(json!({ "types": [] })));
    assert_eq!(path, "types");
    let (path, _, _) = error(with(json!({ "data_categories": [] })));
    assert_eq!(path, "data_categories");
    let (path, _, problem) = error(with(json!({ "data_categories": ["identity", "identity"] })));
    assert_eq!(path, "data_categories[1]");
    assert!(problem.contains("twice"));
}

#[test]
fn controller_codes() {
    let (path, kind, _) = error(with(json!({ "controller": { "region": null } })));
    assert_eq!(
        (path.as_str(), kind),
        ("controller.region", ErrorKind::MissingField)
    );
    let (path, kind, _) = error(with(json!({ "controller": { "region": "DE-XX" } })));
    assert_eq!(
        (path.as_str(), kind),
        ("controller.region", ErrorKind::UnknownValue)
    );
    let (path, kind, _) = error(with(json!({ "controller": { "region": "AT-9" } })));
    assert_eq!(
        (path.as_str(), kind),
        ("controller.region", ErrorKind::Inconsistent)
    );
    let (path, _, _) = error(with(json!({ "controller": { "country": "de" } })));
    assert_eq!(path, "controller.country");
    let (path, _, _) = error(with(json!({ "controller": { "name": " " } })));
    assert_eq!(path, "controller.name");
}

#[test]
fn all_consistency_errors_are_reported_at_once() {
    let e = parse(&with(
        json!({ "types": ["integrity"], "data_categories": [] }),
    ))
    .unwrap_err();
    let paths: Vec<_> = e.errors.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(paths, ["data_categories", "confidentiality", "integrity"]);
    assert!(e.to_string().contains("(and 2 more)"));
}

#[test]
fn options_are_validated_too() {
    assert_eq!(
        AssessmentOptions::from_json("{}").unwrap(),
        AssessmentOptions::default()
    );
    let e = AssessmentOptions::from_json(r#"{"deadline_rule": "48h"}"#).unwrap_err();
    assert_eq!(
        (e.first().path.as_str(), e.first().kind),
        ("deadline_rule", ErrorKind::UnknownValue)
    );
    let e = AssessmentOptions::from_json(r#"{"langauge": "de"}"#).unwrap_err();
    assert_eq!(e.first().kind, ErrorKind::UnknownField);
}

/// Issue 19 item 10: serde's positional form reads an array as a struct's
/// fields in order, so values would take the meaning of another field.
/// Facts, options and cases are objects; Python data (read through a JSON
/// value) is refused at any depth.
#[test]
fn arrays_are_never_read_as_the_fields_in_order() {
    let err = BreachFacts::from_json(r#"["dsgvo.breach-facts/1", "controller"]"#).unwrap_err();
    assert_eq!(err.first().kind, ErrorKind::WrongType);
    assert!(err.to_string().contains("expected a JSON object"), "{err}");
    let err = AssessmentOptions::from_json(r#" ["notify_always"]"#).unwrap_err();
    assert_eq!(err.first().kind, ErrorKind::WrongType);
    let mut value = common::base();
    value["controller"] = serde_json::json!(["Shop", "DE", "DE-BY", true]);
    let err = BreachFacts::from_value(&value).unwrap_err();
    assert_eq!(err.first().kind, ErrorKind::WrongType);
    assert_eq!(err.first().path, "controller");
}
