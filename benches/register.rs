//! Loading and verifying a breach register: `cargo bench --bench register`
//! builds 10,000 and 100,000 cases of 10 entries each (set `REGISTER_MAX` to
//! change the largest), stores each as `dsgvo.case/1` JSON (one database row
//! per case, as a shop plugin keeps them), then loads and verifies them all
//! (hash chain + lifecycle rules) and reports the time and the peak memory.

mod support;

use std::time::Instant;

use dsgvo::case::{Action, BackdatingTolerance, Case, CaseId, Command, Register};
use dsgvo::document::Phase;
use dsgvo::{AssessmentOptions, Timestamp};

const CASE: &str = include_str!("../examples/scenarios/shipping-label.json");

/// One case of 10 entries: detected, assessed, escalated, notified (initial,
/// two supplements, final), subjects informed, closed.
fn stored_case(i: usize, facts: &serde_json::Value, worse: &dsgvo::BreachFacts) -> String {
    let facts = dsgvo::BreachFacts::from_json(&facts.to_string()).unwrap();
    let t0 = facts.aware_at.to_utc();
    let at = |minutes: i64| Timestamp::from(t0 + chrono::Duration::minutes(minutes));
    let mut case = Case::open(CaseId(format!("2026-{i:06}")), facts, at(5), "DSB").unwrap();
    let tol = BackdatingTolerance::default();
    let steps = [
        Action::Assess {
            options: AssessmentOptions::default(),
        },
        Action::UpdateFacts {
            facts: Box::new(worse.clone()),
        },
        Action::NotifyAuthority {
            phase: Phase::Initial,
            authority_reference: None,
            delay_reasons: None,
        },
        Action::NotifyAuthority {
            phase: Phase::Supplement,
            authority_reference: Some(format!("AZ-{i}")),
            delay_reasons: None,
        },
        Action::NotifyAuthority {
            phase: Phase::Supplement,
            authority_reference: None,
            delay_reasons: None,
        },
        Action::InformSubjects { people: 2500 },
        Action::NotifyAuthority {
            phase: Phase::Final,
            authority_reference: None,
            delay_reasons: None,
        },
        Action::Close,
    ];
    for (n, action) in steps.into_iter().enumerate() {
        let command = Command {
            at: at(10 + 60 * n as i64),
            actor: "DSB".into(),
            reason: None,
            action,
        };
        case.apply(command, tol).unwrap();
    }
    assert_eq!(case.entries().len(), 9);
    case.to_json()
}

fn main() {
    let benching = std::env::args().any(|a| a == "--bench");
    let max: usize = std::env::var("REGISTER_MAX")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let counts: Vec<usize> = if benching {
        [10_000, 100_000]
            .into_iter()
            .filter(|n| *n <= max)
            .collect()
    } else {
        vec![10]
    };

    let case: serde_json::Value = serde_json::from_str(CASE).unwrap();
    let facts = case["facts"].clone();
    let mut worse = facts.clone();
    worse["cause"] = "hacking".into();
    worse["malicious"] = true.into();
    worse["data_categories"] = serde_json::json!(["identity", "contact", "payment_card"]);
    worse["confidentiality"] = serde_json::json!({ "recipients": "unknown", "exfiltrated": "yes" });
    let worse = dsgvo::BreachFacts::from_json(&worse.to_string())
        .unwrap()
        .into_inner();

    println!(
        "{:>8} {:>9} {:>10} {:>12} {:>12} {:>14}",
        "cases", "entries", "MiB JSON", "build s", "verify s", "peak RSS MiB"
    );
    for n in counts {
        let start = Instant::now();
        let stored: Vec<String> = (0..n).map(|i| stored_case(i, &facts, &worse)).collect();
        let build = start.elapsed().as_secs_f64();
        let bytes: usize = stored.iter().map(String::len).sum();

        let start = Instant::now();
        let mut register = Register::new();
        for text in &stored {
            register.push(Case::from_json(text, BackdatingTolerance::default()).unwrap());
        }
        let verify = start.elapsed().as_secs_f64();
        let entries: usize = register.cases().iter().map(|c| c.entries().len()).sum();
        assert_eq!(register.figures().notified, n);
        println!(
            "{n:>8} {entries:>9} {:>10.1} {build:>12.2} {verify:>12.2} {:>14}",
            bytes as f64 / (1024.0 * 1024.0),
            support::peak_rss_mib()
                .map(|m| format!("{m:.0}"))
                .unwrap_or_else(|| "n/a".into())
        );
    }
}
