//! Triage cost: typed facts → verdict, and facts JSON → verdict JSON
//! (what every door does). Run: `cargo bench --bench triage`.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

const SHIPPING_LABEL: &str = include_str!("../examples/scenarios/shipping-label.json");

fn facts_json(case: &str) -> String {
    let v: serde_json::Value = serde_json::from_str(case).unwrap();
    v["facts"].to_string()
}

fn hacked_shop() -> String {
    r#"{"schema":"dsgvo.breach-facts/1","role":"controller",
        "controller":{"name":"Shop","country":"DE","region":"DE-BY","established_in_eu":true,"sector":"retail"},
        "aware_at":"2026-10-23T10:00:00+02:00","types":["confidentiality","availability"],"cause":"ransomware",
        "malicious":"unknown","data_categories":["identity","contact","order","payment_card"],
        "data_subjects":{"count":{"min":2000,"max":25000},"categories":["customers"],"vulnerable":"unknown"},
        "confidentiality":{"recipients":"unknown","exfiltrated":"unknown"},
        "availability":{"permanent":false,"backup":"outdated"}}"#
        .to_string()
}

fn triage(c: &mut Criterion) {
    let options = dsgvo::AssessmentOptions::default();
    for (name, json) in [
        ("shipping_label", facts_json(SHIPPING_LABEL)),
        ("hacked_shop_with_unknowns", hacked_shop()),
    ] {
        let facts = dsgvo::BreachFacts::from_json(&json).unwrap();
        c.bench_function(&format!("triage_typed/{name}"), |b| {
            b.iter(|| dsgvo::triage(black_box(&facts), &options))
        });
        c.bench_function(&format!("triage_json/{name}"), |b| {
            b.iter(|| dsgvo::triage_json(black_box(&json), None).unwrap())
        });
    }
}

criterion_group!(benches, triage);
criterion_main!(benches);
