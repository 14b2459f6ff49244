//! The committed JSON Schemas under `include/` match the Rust types.
//! `UPDATE_SCHEMAS=1 cargo test -p dsgvo-core --test schema` rewrites them.

use std::path::PathBuf;

fn check(file: &str, generated: String) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../include")
        .join(file);
    if std::env::var_os("UPDATE_SCHEMAS").is_some() {
        std::fs::write(&path, &generated).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{file} is stale: run UPDATE_SCHEMAS=1 cargo test -p dsgvo-core --test schema"
    );
}

#[test]
fn breach_facts_schema_is_current() {
    check(
        "breach-facts-v2.schema.json",
        dsgvo_core::schema::breach_facts(),
    );
}

#[test]
fn options_schema_is_current() {
    check(
        "assessment-options-v1.schema.json",
        dsgvo_core::schema::assessment_options(),
    );
}

#[test]
fn verdict_schema_is_current() {
    check("verdict-v2.schema.json", dsgvo_core::schema::verdict());
}

#[test]
fn case_schema_is_current() {
    check("case-v2.schema.json", dsgvo_core::schema::case());
}

#[test]
fn tom_schemas_are_current() {
    check(
        "tom-checklist-v1.schema.json",
        dsgvo_core::schema::tom_checklist(),
    );
    check(
        "tom-evaluation-v1.schema.json",
        dsgvo_core::schema::tom_evaluation(),
    );
}

#[test]
fn facts_schema_names_the_contract() {
    let schema: serde_json::Value =
        serde_json::from_str(&dsgvo_core::schema::breach_facts()).unwrap();
    assert_eq!(
        schema["properties"]["schema"]["enum"],
        serde_json::json!(["dsgvo.breach-facts/2", "dsgvo.breach-facts/1"])
    );
    let required: Vec<&str> = schema["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    for field in [
        "schema",
        "role",
        "controller",
        "aware_at",
        "types",
        "cause",
        "data_categories",
        "data_subjects",
    ] {
        assert!(required.contains(&field), "{field}");
    }
}
