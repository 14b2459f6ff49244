//! One test per class of issue 16: the rules of the risk method v2, each
//! against an expectation derived from the law or a published example, not
//! from the engine's own output.

mod common;

use common::{codes, verdict, with};
use dsgvo_core::risk::{Level, RiskLevel, combine};
use dsgvo_core::{Art34Exemption, BreachFacts};
use serde_json::json;

fn cell(v: &dsgvo_core::Verdict) -> (Level, Level) {
    let a = v.assessment.as_ref().unwrap();
    (a.likelihood, a.severity)
}

/// Class 1: the ENISA band is an input, not the threshold. One invoice to
/// one wrong customer is ENISA "medium/high" territory but, like a statement
/// sent to the wrong customer (EDPB 9/2022 Annex B), a risk without letters;
/// `invoice` is financial data without significant insight (ENISA −1).
#[test]
fn class_01_enisa_band_is_not_the_threshold() {
    let v = verdict(with(
        json!({ "cause": "misdelivery_email", "data_categories": ["identity", "contact", "financial"] }),
    ));
    assert_eq!(v.severity.band, dsgvo_core::SeverityBand::High);
    assert_eq!(v.risk, RiskLevel::Risk);
    assert!(v.notify_authority && !v.notify_data_subjects);
    let invoice = verdict(with(json!({ "data_categories": ["identity", "invoice"] })));
    assert_eq!(invoice.severity.dpc, 2.0);
}

/// Class 2: no 24-hour cliff; an outage restored from a current backup is
/// unlikely whether it took 20 or 30 hours (EDPB 9/2022 Annex B).
#[test]
fn class_02_no_day_cliff() {
    let outage = |h: f64| {
        verdict(with(
            json!({ "types": ["availability"], "confidentiality": null,
            "availability": { "permanent": false, "backup": "current", "restored_within_hours": h } }),
        ))
    };
    for h in [20.0, 24.0, 30.0, 48.0] {
        assert_eq!(outage(h).risk, RiskLevel::Unlikely, "{h} h");
    }
}

/// Class 3: "no exfiltration" without logs is not proof (CNIL SAN-2021-020):
/// the same facts with complete logs and with none differ, and the unknown
/// evidence is asked for.
#[test]
fn class_03_no_evidence_is_not_no_loss() {
    let open_server = |evidence: serde_json::Value| {
        verdict(with(json!({
            "cause": "system_error", "data_categories": ["identity", "contact", "bank_account"],
            "data_subjects": { "count": 50000 },
            "confidentiality": { "recipients": "unknown_extent", "exfiltrated": "no", "evidence": evidence }
        })))
    };
    assert_eq!(
        open_server(json!("logs_complete")).risk,
        RiskLevel::Unlikely
    );
    assert!(open_server(json!("none")).risk >= RiskLevel::Risk);
    let unknown = open_server(serde_json::Value::Null);
    assert_eq!(unknown.risk, open_server(json!("none")).risk);
    assert!(
        unknown
            .open_questions
            .contains(&"confidentiality.evidence".to_string())
    );
}

/// Class 4: harms feed the level; a targeted insider who hands an address to
/// someone hostile is high (ICO breach examples, case study 1), above a bot
/// that copied the same address list.
#[test]
fn class_04_harms_feed_the_level() {
    let insider = verdict(with(json!({
        "cause": "insider_malicious", "malicious": true,
        "confidentiality": { "recipients": "hostile", "exfiltrated": "yes" }
    })));
    assert_eq!(insider.risk, RiskLevel::High);
    assert!(insider.harms.contains(&dsgvo_core::Harm::PhysicalHarm));
    let bot = verdict(with(json!({
        "cause": "hacking", "malicious": true,
        "confidentiality": { "recipients": "unknown", "exfiltrated": "yes" }
    })));
    assert!(bot.risk < insider.risk);
    let given = verdict(with(json!({ "likely_consequences": ["physical_harm"] })));
    assert_eq!(cell(&given).1, Level::Maximum);
    assert_eq!(given.risk, RiskLevel::High);
}

/// Class 5: altered data used for fraud is not loss-free because it could
/// be restored (Recital 85: fraud, financial loss).
#[test]
fn class_05_misuse_of_altered_data() {
    let hijack = |misuse: serde_json::Value| {
        verdict(with(json!({
            "types": ["integrity"], "confidentiality": null, "cause": "credential_stuffing",
            "data_categories": ["identity", "contact", "order"],
            "integrity": { "recoverable": true }, "misuse_observed": misuse
        })))
    };
    assert_eq!(
        hijack(json!(["fraud", "account_takeover"])).risk,
        RiskLevel::High
    );
    assert!(hijack(json!([])).risk < RiskLevel::High);
}

/// Class 6: Art. 9 data in a stranger's hands stay at least a risk after a
/// deletion (EDPB 9/2022 para 102), whatever the number of people; a trusted
/// colleague who deleted them is log-only (ICO case study 2).
#[test]
fn class_06_special_categories_with_a_stranger() {
    for n in [1, 500] {
        let v = verdict(with(json!({
            "data_categories": ["identity", "health"], "data_subjects": { "count": n },
            "confidentiality": { "recipients": "known", "exfiltrated": "no", "retrieved_or_deleted": true }
        })));
        assert!(v.risk >= RiskLevel::Risk, "{n}");
    }
    let colleague = verdict(with(json!({
        "data_categories": ["identity", "health"],
        "confidentiality": { "recipients": "trusted", "exfiltrated": "no", "retrieved_or_deleted": true }
    })));
    assert_eq!(colleague.risk, RiskLevel::Unlikely);
}

/// Class 7: free text decides nothing — a "skincare" or "car care" shop is
/// no health context, "telecom accessories" no telecom provider (§ 40 BDSG:
/// the Land authority of the seat).
#[test]
fn class_07_free_text_decides_nothing() {
    let plain = verdict(with(json!({})));
    for sector in [
        "skincare",
        "car care",
        "party supplies",
        "lawn",
        "telecom accessories",
    ] {
        let v = verdict(with(json!({ "controller": { "sector": sector } })));
        assert_eq!(
            (v.risk, v.severity.dpc),
            (plain.risk, plain.severity.dpc),
            "{sector}"
        );
        assert_eq!(v.authorities[0].id, "de-by-lda", "{sector}");
    }
}

/// Class 8: the number of people is graded: no single head count flips the
/// outcome on its own (Recital 75; EDPB 9/2022 IV.B).
#[test]
fn class_08_no_head_count_cliff() {
    let risk_at = |n: u64| verdict(with(json!({ "data_subjects": { "count": n } }))).risk;
    assert_eq!(risk_at(100), risk_at(101));
    assert_eq!(risk_at(9_999), risk_at(10_000));
    assert_eq!(risk_at(10_000), risk_at(10_001));
    let score = |n: u64| {
        verdict(with(json!({ "data_subjects": { "count": n } })))
            .assessment
            .unwrap()
            .scenarios[0]
            .severity_score
    };
    assert!(score(100_000) - score(100) <= 0.75 + f64::EPSILON);
}

/// Class 9: Art. 34(3)(b) does not apply to data that were published; it
/// does where the measures really neutralise the risk.
#[test]
fn class_09_art_34_3_b_not_for_published_data() {
    let breach = |recipients: &str| {
        verdict(with(json!({
            "cause": "hacking", "malicious": true, "data_categories": ["identity", "contact", "credentials"],
            "confidentiality": { "recipients": recipients, "exfiltrated": "yes" },
            "protection": { "password_hashing": "none" },
            "subject_communication": { "high_risk_neutralised": true }
        })))
    };
    let published = breach("public");
    assert!(published.notify_data_subjects && published.exemptions.is_empty());
    assert!(
        published
            .warnings
            .iter()
            .any(|w| w.code == "warning_art34b_published")
    );
    let copied = breach("unknown");
    assert_eq!(copied.exemptions, [Art34Exemption::B]);
    assert!(!copied.notify_data_subjects);
}

/// Class 10: a controller under Art. 3(2) notifies every authority where
/// affected people live (EDPB 9/2022 v2.0 para 73); with only German
/// residents the representative's Land decides, and without one the
/// question is asked in a field that valid input can answer.
#[test]
fn class_10_art_3_2_controllers() {
    let us = |rep: serde_json::Value| {
        verdict(with(json!({
            "controller": { "country": "US", "region": null, "established_in_eu": false },
            "representative": rep, "data_subjects": { "residence": ["DE"] }
        })))
    };
    let without = us(serde_json::Value::Null);
    assert!(without.authorities.is_empty());
    assert_eq!(without.open_questions, ["representative.region"]);
    assert!(
        without
            .reasons
            .iter()
            .any(|r| r.code == "authority_german_land_unknown" && r.text.contains("Berliner"))
    );
    let with_rep = us(json!({ "country": "DE", "region": "DE-NW" }));
    assert_eq!(with_rep.authorities[0].region.as_deref(), Some("DE-NW"));
    assert!(with_rep.open_questions.is_empty());
}

/// Class 11: a processor has no authority duty; each controller's 72 hours
/// start when the processor informed it (EDPB 9/2022 II.A.4).
#[test]
fn class_11_processor_clock() {
    let v = verdict(with(json!({
        "role": "processor",
        "controllers_informed": [{ "name": "Shop A", "informed_at": "2026-11-22T10:00:00+01:00" }]
    })));
    assert!(v.inform_controller && !v.notify_authority && v.authority_deadline.is_none());
    assert_eq!(v.controller_deadlines.len(), 1);
    assert_eq!(
        v.controller_deadlines[0].due.to_rfc3339(),
        "2026-11-25T09:00:00+00:00"
    );
    let bare = verdict(with(json!({ "role": "processor" })));
    assert!(codes(&bare).contains(&"processor_inform_controller"));
    assert!(
        bare.warnings
            .iter()
            .any(|w| w.code == "warning_inform_controller")
    );
}

/// Class 12: an outage of minutes can be said, and is kept as said.
#[test]
fn class_12_fractional_hours() {
    let facts = with(json!({ "types": ["availability"], "confidentiality": null,
        "availability": { "permanent": false, "backup": "current", "restored_within_hours": 0.25 } }));
    let parsed = BreachFacts::from_json(&facts.to_string()).unwrap();
    assert!(
        serde_json::to_string(parsed.facts())
            .unwrap()
            .contains("\"restored_within_hours\":0.25")
    );
    assert_eq!(verdict(facts).risk, RiskLevel::Unlikely);
}

/// The matrix itself, against its documented table.
#[test]
fn the_matrix_is_the_documented_table() {
    use Level::*;
    use RiskLevel::*;
    let rows = [
        (Maximum, [Unlikely, High, High, High]),
        (Significant, [Unlikely, Risk, High, High]),
        (Limited, [Unlikely, Risk, Risk, Risk]),
        (Negligible, [Unlikely, Unlikely, Unlikely, Risk]),
    ];
    for (severity, cells) in rows {
        for (likelihood, want) in [Negligible, Limited, Significant, Maximum]
            .into_iter()
            .zip(cells)
        {
            assert_eq!(
                combine(likelihood, severity),
                want,
                "{severity} × {likelihood}"
            );
        }
    }
}

/// The four levels' edges on the score scale (1.0–4.0, in quarters): each
/// level starts at its floor, and the score just below belongs to the level
/// below.
#[test]
fn each_level_starts_at_its_floor() {
    let floors = [
        (Level::Negligible, 4),
        (Level::Limited, 8),
        (Level::Significant, 12),
        (Level::Maximum, 16),
    ];
    for (level, floor) in floors {
        assert_eq!(level.floor_quarters(), floor, "{level:?}");
        assert_eq!(Level::from_quarters(floor), level);
    }
    for pair in floors.windows(2) {
        assert_eq!(Level::from_quarters(pair[1].1 - 1), pair[0].0);
    }
}
