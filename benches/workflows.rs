//! The other workflows a shop runs: loading and verifying one stored case
//! (hash chain + replay), exporting the register of 1,000 cases, and
//! evaluating a TOM checklist. Run: `cargo bench --bench workflows`.

mod support;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use dsgvo::AssessmentOptions;
use dsgvo::case::{Action, BackdatingTolerance, Case, Register};
use dsgvo::document::Phase;
use dsgvo::tom::{ProtectionNeed, evaluate, import_document};

const CASE: &str = include_str!("../examples/scenarios/shipping-label.json");
const TOM: &str = include_str!("../dsgvo-core/tests/fixtures/tom-kleiner-shop.md");

fn stored_case(id: &str) -> Case {
    let v: serde_json::Value = serde_json::from_str(CASE).unwrap();
    let facts = dsgvo::BreachFacts::from_json(&v["facts"].to_string()).unwrap();
    let steps = [
        Action::Assess {
            options: AssessmentOptions::default(),
        },
        Action::NotifyAuthority {
            phase: Phase::Initial,
            authority_reference: None,
            delay_reasons: None,
        },
        Action::Close,
    ];
    support::case_of(id.to_string(), facts, steps)
}

fn workflows(c: &mut Criterion) {
    let tol = BackdatingTolerance::default();
    let json = stored_case("2026-017").to_json();
    c.bench_function("case_load_and_verify/4_entries", |b| {
        b.iter(|| Case::from_json(black_box(&json), tol).unwrap())
    });
    let rows: Vec<String> = (0..1000)
        .map(|i| stored_case(&format!("C-{i}")).to_json())
        .collect();
    let register = Register::load(&rows, tol, 1).unwrap();
    c.bench_function("register_export_csv/1000_cases", |b| {
        b.iter(|| black_box(&register).to_csv())
    });
    c.bench_function("register_figures/1000_cases", |b| {
        b.iter(|| black_box(&register).figures())
    });
    let checklist = import_document(TOM, "Beispiel Shop GmbH", ProtectionNeed::Normal)
        .unwrap()
        .checklist;
    let today = "2026-11-22".parse().unwrap();
    c.bench_function("tom_evaluate/13_items", |b| {
        b.iter(|| evaluate(black_box(&checklist), today, dsgvo::Language::De))
    });
    c.bench_function("tom_import/small_shop_template", |b| {
        b.iter(|| import_document(black_box(TOM), "Beispiel Shop GmbH", ProtectionNeed::Normal))
    });
}

criterion_group!(benches, workflows);
criterion_main!(benches);
