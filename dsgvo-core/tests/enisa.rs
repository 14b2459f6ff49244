//! ENISA 2013 severity: every table entry and every band edge, checked
//! against the ENISA tables (`tests/reference/enisa-2013-severity.json`, a copy of
//! `shared/reference/`, compared with it when that folder exists).

mod common;

use common::{reference as reference_file, shared_original, verdict, with};
use dsgvo_core::SeverityBand;
use dsgvo_core::facts::DataCategory;
use serde_json::{Value, json};

fn reference() -> Value {
    let text = std::fs::read_to_string(reference_file("enisa-2013-severity.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

#[test]
fn the_enisa_tables_are_kept_as_handed() {
    if let Some(original) = shared_original("reference/enisa-2013-severity.json") {
        assert_eq!(
            std::fs::read_to_string(original).unwrap(),
            std::fs::read_to_string(reference_file("enisa-2013-severity.json")).unwrap()
        );
    }
}

#[test]
fn band_edges_match_enisa_derived_checks() {
    let r = reference();
    let checks = r["worked_examples"]["derived_checks"]["items"]
        .as_array()
        .unwrap();
    assert_eq!(checks.len(), 10);
    for c in checks {
        let q = (c["dpc"].as_f64().unwrap() * c["ei"].as_f64().unwrap() * 4.0
            + c["cb"].as_f64().unwrap() * 4.0)
            .round();
        assert_eq!(
            SeverityBand::from_quarters(q as u16).as_str(),
            c["level"].as_str().unwrap(),
            "{c}"
        );
    }
}

#[test]
fn band_edges_are_inclusive_below_and_exclusive_above() {
    let cases = [
        (7, "low"),
        (8, "medium"),
        (11, "medium"),
        (12, "high"),
        (15, "high"),
        (16, "very_high"),
        (24, "very_high"),
    ];
    for (q, band) in cases {
        assert_eq!(
            SeverityBand::from_quarters(q).as_str(),
            band,
            "SE = {}",
            q as f64 / 4.0
        );
    }
}

/// A breach that adds nothing to DPC × EI but the given category (CB 0.25 for known recipients).
fn dpc_of(category: &str, extra: Value) -> f64 {
    let mut facts = with(json!({ "data_categories": [category], "identifiability": "maximum" }));
    common::merge(&mut facts, extra);
    verdict(facts).severity.dpc
}

#[test]
fn every_category_starts_from_its_enisa_class() {
    let r = reference();
    let base = |class: &str| {
        r["dpc"]["categories"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["category"] == class)
            .unwrap()["base_score"]
            .as_f64()
            .unwrap()
    };
    for c in DataCategory::ALL {
        let expected = match c {
            DataCategory::PaymentCard => 4.0, // financial +1: full card data enables fraud
            DataCategory::BankAccount => 2.0, // financial -1: bare account numbers
            DataCategory::Invoice => 2.0,     // financial -1: no significant insight
            other => base(match other.enisa_class() {
                dsgvo_core::facts::EnisaClass::Simple => "simple",
                dsgvo_core::facts::EnisaClass::Behavioural => "behavioural",
                dsgvo_core::facts::EnisaClass::Financial => "financial",
                dsgvo_core::facts::EnisaClass::Sensitive => "sensitive",
            }),
        };
        assert_eq!(dpc_of(c.as_str(), json!({})), expected, "{c}");
    }
}

#[test]
fn highest_category_counts() {
    let v = verdict(with(
        json!({ "data_categories": ["identity", "behaviour", "bank_account"] }),
    ));
    assert_eq!(v.severity.dpc, 2.0);
    let v = verdict(with(json!({ "data_categories": ["identity", "health"] })));
    assert_eq!(v.severity.dpc, 4.0);
}

#[test]
fn controller_context_raises_simple_data() {
    let ctx = |c: &str| json!({ "controller": { "contexts": [c] } });
    assert_eq!(dpc_of("contact", ctx("health_care")), 3.0);
    assert_eq!(dpc_of("contact", ctx("sex_life")), 3.0);
    assert_eq!(dpc_of("contact", ctx("criminal_justice")), 3.0);
    assert_eq!(dpc_of("contact", ctx("financial_status")), 2.0);
    assert_eq!(dpc_of("contact", ctx("telecom_provider")), 1.0);
    // Context never lowers: health data stays 4 anywhere.
    assert_eq!(dpc_of("health", ctx("financial_status")), 4.0);
}

#[test]
fn free_text_sector_decides_nothing_in_v2_and_only_exact_v1_codes_count() {
    // v2: a sector that merely contains "care", "party" or "health" is a label.
    for sector in [
        "skincare",
        "car care",
        "party supplies",
        "health",
        "telecom accessories",
    ] {
        assert_eq!(
            dpc_of("contact", json!({ "controller": { "sector": sector } })),
            1.0,
            "{sector}"
        );
    }
    // v1: the three codes its contract named, read exactly.
    let v1 = |sector: &str| {
        dpc_of(
            "contact",
            json!({ "schema": "dsgvo.breach-facts/1", "controller": { "sector": sector } }),
        )
    };
    assert_eq!(v1("health"), 3.0);
    assert_eq!(v1("financial"), 2.0);
    assert_eq!(v1("skincare"), 1.0);
    assert_eq!(v1("health care"), 1.0);
}

#[test]
fn vulnerable_people_raise_dpc_by_one_and_unknown_counts_as_vulnerable() {
    assert_eq!(
        dpc_of(
            "contact",
            json!({ "data_subjects": { "vulnerable": true } })
        ),
        2.0
    );
    assert_eq!(
        dpc_of(
            "contact",
            json!({ "data_subjects": { "vulnerable": "unknown" } })
        ),
        2.0
    );
    assert_eq!(
        dpc_of(
            "contact",
            json!({ "data_subjects": { "vulnerable": null } })
        ),
        2.0
    );
    assert_eq!(
        dpc_of(
            "contact",
            json!({ "data_subjects": { "categories": ["children"] } })
        ),
        2.0
    );
    assert_eq!(
        dpc_of("health", json!({ "data_subjects": { "vulnerable": true } })),
        4.0
    );
}

#[test]
fn hashed_credentials_are_scored_as_what_remains() {
    let hashed = json!({ "protection": { "password_hashing": "state_of_the_art" } });
    assert_eq!(dpc_of("credentials", json!({})), 3.0);
    let mut facts = with(json!({ "data_categories": ["contact", "credentials"] }));
    common::merge(&mut facts, hashed);
    assert_eq!(verdict(facts).severity.dpc, 1.0);
}

#[test]
fn ease_of_identification_levels() {
    let r = reference();
    for level in r["ei"]["levels"].as_array().unwrap() {
        let v = verdict(with(json!({ "identifiability": level["level"] })));
        assert_eq!(v.severity.ei, level["value"].as_f64().unwrap(), "{level}");
    }
    // Derived: names identify directly; otherwise the worst value is assumed.
    assert_eq!(
        verdict(with(json!({ "identifiability": null })))
            .severity
            .ei,
        1.0
    );
    let v = verdict(with(
        json!({ "identifiability": null, "data_categories": ["behaviour"] }),
    ));
    assert_eq!(v.severity.ei, 1.0);
    assert!(common::codes(&v).contains(&"unknowns_assumed_worst"));
}

fn cb(extra: Value) -> f64 {
    verdict(with(extra)).severity.cb
}

#[test]
fn confidentiality_element() {
    let conf = |recipients: &str, exfiltrated: &str| {
        cb(json!({ "confidentiality": { "recipients": recipients, "exfiltrated": exfiltrated } }))
    };
    assert_eq!(conf("none", "no"), 0.0);
    assert_eq!(conf("unknown", "no"), 0.0);
    assert_eq!(conf("trusted", "no"), 0.25);
    assert_eq!(conf("known", "no"), 0.25);
    assert_eq!(conf("unknown", "yes"), 0.5);
    assert_eq!(conf("unknown", "unknown"), 0.5);
    assert_eq!(conf("public", "no"), 0.5);
    assert_eq!(conf("unknown_extent", "no"), 0.5);
}

#[test]
fn integrity_element() {
    let integ = |recoverable: Value, malicious: bool| {
        cb(
            json!({ "types": ["integrity"], "confidentiality": null, "integrity": { "recoverable": recoverable }, "malicious": malicious }),
        )
    };
    assert_eq!(integ(json!(true), false), 0.0);
    assert_eq!(integ(json!(true), true), 0.25 + 0.5);
    assert_eq!(integ(json!(false), false), 0.5);
    assert_eq!(integ(json!("unknown"), false), 0.5);
}

#[test]
fn availability_element() {
    let avail = |a: Value| {
        cb(json!({ "types": ["availability"], "confidentiality": null, "availability": a }))
    };
    assert_eq!(
        avail(json!({ "permanent": false, "backup": "current", "restored_within_hours": 5 })),
        0.0
    );
    // "Recoverable without difficulty (other copies exist)": a current
    // backup scores 0 however long the restore took (ENISA 2013, Annex 3).
    assert_eq!(
        avail(json!({ "permanent": false, "backup": "current", "restored_within_hours": 72 })),
        0.0
    );
    assert_eq!(
        avail(json!({ "permanent": false, "backup": "outdated" })),
        0.25
    );
    assert_eq!(avail(json!({ "permanent": false, "backup": "none" })), 0.25);
    assert_eq!(avail(json!({ "permanent": false })), 0.25);
    assert_eq!(avail(json!({ "permanent": true, "backup": "none" })), 0.5);
    assert_eq!(
        avail(json!({ "permanent": "unknown", "backup": "current" })),
        0.5
    );
}

#[test]
fn malicious_element() {
    assert_eq!(cb(json!({ "malicious": false })), 0.25);
    assert_eq!(cb(json!({ "malicious": true })), 0.75);
    assert_eq!(cb(json!({ "malicious": "unknown" })), 0.75);
    // Attacks are malicious by their nature, whatever the facts say.
    assert_eq!(cb(json!({ "malicious": false, "cause": "phishing" })), 0.75);
}

#[test]
fn score_is_dpc_times_ei_plus_cb() {
    let v = verdict(with(
        json!({ "data_categories": ["bank_account"], "identifiability": "significant", "malicious": true }),
    ));
    assert_eq!(
        (v.severity.dpc, v.severity.ei, v.severity.cb),
        (2.0, 0.75, 0.75)
    );
    assert_eq!(v.severity.score, 2.25);
    assert_eq!(v.severity.band, SeverityBand::Medium);
    assert_eq!(v.severity.method, "ENISA-2013");
}
