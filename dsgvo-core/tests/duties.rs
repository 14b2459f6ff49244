//! Duties: both policies, both deadline rules (across summer-time changes),
//! the Art. 34(3) exemptions, the processor duty, and the risk factors.

mod common;

use common::{codes, verdict, verdict_with, with};
use dsgvo_core::risk::Level;
use dsgvo_core::{
    Art34Exemption, AssessmentOptions, DeadlineRule, DutyKind, Language, Policy, RiskLevel,
};
use serde_json::{Value, json};

fn opts(policy: Policy, rule: DeadlineRule) -> AssessmentOptions {
    AssessmentOptions {
        policy,
        deadline_rule: rule,
        language: Language::En,
    }
}

fn hacked(extra: serde_json::Value) -> serde_json::Value {
    let mut f = with(json!({
        "cause": "hacking", "malicious": true,
        "data_categories": ["identity", "contact", "payment_card"],
        "data_subjects": { "count": 2500 },
        "confidentiality": { "recipients": "unknown", "exfiltrated": "yes" }
    }));
    common::merge(&mut f, extra);
    f
}

#[test]
fn every_breach_is_documented() {
    for facts in [
        with(json!({})),
        hacked(json!({})),
        with(json!({ "role": "processor" })),
    ] {
        let v = verdict(facts);
        let d = v.duty(DutyKind::Document).expect("document duty");
        assert_eq!((d.article.as_str(), d.due), ("Art. 33(5)", None));
    }
}

#[test]
fn risk_based_policy_follows_the_risk() {
    let v = verdict(with(json!({})));
    assert_eq!(
        (v.risk, v.notify_authority, v.notify_data_subjects),
        (RiskLevel::Unlikely, false, false)
    );
    assert_eq!(v.authority_deadline, None);
    assert!(v.duty(DutyKind::NotifyAuthority).is_none());

    let v = verdict(hacked(json!({})));
    assert_eq!(
        (v.risk, v.notify_authority, v.notify_data_subjects),
        (RiskLevel::High, true, true)
    );
    assert_eq!(
        v.duty(DutyKind::NotifyAuthority).unwrap().due,
        v.authority_deadline
    );
    assert!(v.duty(DutyKind::NotifyDataSubjects).is_some());
}

#[test]
fn notify_always_notifies_but_reports_the_same_risk() {
    let facts = with(json!({}));
    let cautious = verdict_with(
        facts.clone(),
        opts(Policy::NotifyAlways, DeadlineRule::Exact72h),
    );
    let minimal = verdict_with(facts, opts(Policy::RiskBased, DeadlineRule::Exact72h));
    assert_eq!(cautious.risk, minimal.risk);
    assert_eq!(cautious.severity, minimal.severity);
    assert!(cautious.notify_authority && cautious.notify_data_subjects);
    assert_eq!(
        cautious.authority_deadline.unwrap().to_rfc3339(),
        "2026-11-23T08:15:00+00:00"
    );
    assert_eq!(cautious.policy, Policy::NotifyAlways);
    assert!(codes(&cautious).contains(&"policy_notify_always"));
}

#[test]
fn processor_informs_the_controller_under_any_policy() {
    for policy in Policy::ALL {
        let v = verdict_with(
            hacked(json!({ "role": "processor" })),
            opts(*policy, DeadlineRule::Exact72h),
        );
        assert!(v.inform_controller);
        assert!(!v.notify_authority && !v.notify_data_subjects);
        assert_eq!(v.authority_deadline, None);
        assert!(v.authorities.is_empty());
        assert_eq!(
            v.duty(DutyKind::InformController).unwrap().article,
            "Art. 33(2)"
        );
        assert_eq!(
            v.risk,
            RiskLevel::High,
            "the risk is still assessed for the controller"
        );
    }
}

fn deadline(aware_at: &str, rule: DeadlineRule) -> String {
    let v = verdict_with(
        hacked(json!({ "aware_at": aware_at })),
        opts(Policy::RiskBased, rule),
    );
    v.authority_deadline
        .unwrap()
        .format("%Y-%m-%dT%H:%M:%SZ")
        .to_string()
}

#[test]
fn exact_72h_is_computed_in_utc_across_the_end_of_summer_time() {
    // 23.10.2026 10:00 CEST; summer time ends on 25.10.2026: still exactly 72 h.
    assert_eq!(
        deadline("2026-10-23T10:00:00+02:00", DeadlineRule::Exact72h),
        "2026-10-26T08:00:00Z"
    );
    let v = verdict_with(
        hacked(json!({ "aware_at": "2026-10-23T10:00:00+02:00" })),
        opts(Policy::RiskBased, DeadlineRule::Exact72h),
    );
    assert_eq!(
        v.authority_deadline_local.as_deref(),
        Some("2026-10-26T09:00:00+01:00")
    );
    assert_eq!(v.time_zone.as_deref(), Some("Europe/Berlin"));
}

#[test]
fn exact_72h_across_the_start_of_summer_time() {
    // 27.03.2026 12:00 CET; summer time starts on 29.03.2026.
    assert_eq!(
        deadline("2026-03-27T12:00:00+01:00", DeadlineRule::Exact72h),
        "2026-03-30T11:00:00Z"
    );
    let v = verdict_with(
        hacked(json!({ "aware_at": "2026-03-27T12:00:00+01:00" })),
        opts(Policy::RiskBased, DeadlineRule::Exact72h),
    );
    assert_eq!(
        v.authority_deadline_local.as_deref(),
        Some("2026-03-30T13:00:00+02:00")
    );
}

#[test]
fn regulation_1182_71_starts_at_the_next_full_hour() {
    // mkm example: aware 22.12.2020 12:17 → counting starts 13:00 → ends 25.12.2020 13:00 (CET).
    assert_eq!(
        deadline("2020-12-22T12:17:00+01:00", DeadlineRule::Regulation118271),
        "2020-12-25T12:00:00Z"
    );
    // Awareness on the hour: that hour is not counted either.
    assert_eq!(
        deadline("2026-10-23T10:00:00+02:00", DeadlineRule::Regulation118271),
        "2026-10-26T09:00:00Z"
    );
    // Across the end of summer time, in UTC.
    assert_eq!(
        deadline("2026-10-23T23:59:59+02:00", DeadlineRule::Regulation118271),
        "2026-10-26T22:00:00Z"
    );
    // Same instant written in UTC gives the same deadline.
    assert_eq!(
        deadline("2026-10-23T21:59:59Z", DeadlineRule::Regulation118271),
        "2026-10-26T22:00:00Z"
    );
}

#[test]
fn art34_3_a_encryption_with_a_safe_key() {
    let encrypted =
        json!({ "protection": { "encryption": "state_of_the_art", "key_compromised": false } });
    let v = verdict(hacked(encrypted));
    assert_eq!(v.risk, RiskLevel::Unlikely);
    assert_eq!(v.exemptions, vec![Art34Exemption::A]);
    assert!(!v.notify_data_subjects && !v.notify_authority);
    assert!(
        v.severity
            .flags
            .contains(&"data_unintelligible".to_string())
    );

    // Weak encryption or a compromised key protects nothing.
    for p in [
        json!({ "encryption": "weak", "key_compromised": false }),
        json!({ "encryption": "state_of_the_art", "key_compromised": true }),
    ] {
        let v = verdict(hacked(json!({ "protection": p })));
        assert_eq!(v.risk, RiskLevel::High, "{p}");
        assert!(v.exemptions.is_empty());
    }
    // An unknown key state is assumed compromised and named as the open question.
    let v = verdict(hacked(
        json!({ "protection": { "encryption": "state_of_the_art" } }),
    ));
    assert_eq!(v.risk, RiskLevel::High);
    assert_eq!(v.open_questions, vec!["protection.key_compromised"]);
}

#[test]
fn art34_3_b_subsequent_measures() {
    let v = verdict(hacked(
        json!({ "subject_communication": { "high_risk_neutralised": true, "justification": "cards blocked" } }),
    ));
    assert_eq!(v.risk, RiskLevel::High);
    assert_eq!(v.exemptions, vec![Art34Exemption::B]);
    assert!(v.notify_authority, "the authority is still notified");
    assert!(!v.notify_data_subjects && !v.public_communication);
}

#[test]
fn art34_3_c_disproportionate_effort_means_public_communication() {
    let v = verdict(hacked(
        json!({ "subject_communication": { "disproportionate_effort": true } }),
    ));
    assert_eq!(v.exemptions, vec![Art34Exemption::C]);
    assert!(v.public_communication && !v.notify_data_subjects && v.notify_authority);
    assert_eq!(
        v.duty(DutyKind::PublicCommunication).unwrap().article,
        "Art. 34(3)(c)"
    );
}

#[test]
fn exemptions_do_not_apply_below_high_risk() {
    let v = verdict(with(
        json!({ "subject_communication": { "high_risk_neutralised": true, "disproportionate_effort": true } }),
    ));
    assert!(v.exemptions.is_empty());
}

#[test]
fn edpb_factors_raise_the_risk() {
    // Data handed on with malicious intent: maximum likelihood; simple data:
    // negligible severity; the cell is a risk (EDPB 01/2021 case 08).
    let v = verdict(with(
        json!({ "malicious": true, "confidentiality": { "recipients": "known", "exfiltrated": "yes" } }),
    ));
    assert_eq!(v.risk, RiskLevel::Risk);
    assert!(codes(&v).contains(&"recipient_hostile"));
    let m = v.assessment.as_ref().unwrap();
    assert_eq!(
        (m.likelihood, m.severity),
        (Level::Maximum, Level::Negligible)
    );
    // The number of people is graded, not a cliff: 100 and 101 misdelivered
    // labels differ by a quarter of severity and are both unlikely.
    let sev = |n: u64| {
        let v = verdict(with(json!({ "data_subjects": { "count": n } })));
        (v.risk, v.assessment.unwrap().scenarios[0].severity_score)
    };
    assert_eq!(sev(100), (RiskLevel::Unlikely, 1.0));
    assert_eq!(sev(101), (RiskLevel::Unlikely, 1.25));
    // A million such labels add a whole level: a risk.
    assert_eq!(sev(1_000_000), (RiskLevel::Risk, 2.0));
    // Special categories with a known recipient who keeps them: damage is
    // likely (EDPB 9/2022 para 102) and discrimination is significant: high.
    assert_eq!(
        verdict(with(
            json!({ "data_categories": ["health"], "identifiability": "negligible" })
        ))
        .risk,
        RiskLevel::High
    );
    // No backup, unavailable for an unknown time: a risk (EDPB 01/2021 case 02).
    let v = verdict(with(
        json!({ "types": ["availability"], "confidentiality": null, "cause": "ransomware",
        "availability": { "permanent": false, "backup": "none" } }),
    ));
    assert_eq!(v.risk, RiskLevel::Risk);
    // Ten thousand names and addresses copied by an attacker: a risk, not
    // high — the number alone decides nothing (issue class 8).
    let v = verdict(with(
        json!({ "malicious": true, "confidentiality": { "recipients": "unknown", "exfiltrated": "yes" }, "data_subjects": { "count": 10000 } }),
    ));
    assert_eq!(v.risk, RiskLevel::Risk);
}

#[test]
fn contained_or_unexposed_breaches_are_unlikely_to_result_in_a_risk() {
    // Trusted recipient (EDPB 01/2021 case 09), even for financial data.
    let v = verdict(with(
        json!({ "data_categories": ["identity", "financial"], "confidentiality": { "recipients": "trusted", "exfiltrated": "no" } }),
    ));
    assert_eq!(v.risk, RiskLevel::Unlikely);
    // Known recipient who deleted the data (case 13).
    let v = verdict(with(
        json!({ "confidentiality": { "recipients": "known", "exfiltrated": "no", "retrieved_or_deleted": true } }),
    ));
    assert_eq!(v.risk, RiskLevel::Unlikely);
    assert!(codes(&v).contains(&"recipient_retrieved"));
    // Special categories that reached a stranger who deleted them stay a
    // risk (EDPB 9/2022 para 102): notify the authority, no letters. (EDPB
    // 01/2021 case 15 with its trivial food intolerances was "unlikely" in
    // the v1 method; facts cannot say "trivial health detail".)
    let v = verdict(with(json!({
        "data_categories": ["identity", "contact", "health"], "data_subjects": { "count": 15 },
        "confidentiality": { "recipients": "known", "exfiltrated": "no", "retrieved_or_deleted": true }
    })));
    assert_eq!(v.risk, RiskLevel::Risk);
    assert!(codes(&v).contains(&"special_data_with_stranger"));
    // A trusted colleague who deleted them: log only (ICO case study 2).
    let v = verdict(with(json!({
        "data_categories": ["identity", "contact", "health"], "data_subjects": { "vulnerable": true },
        "confidentiality": { "recipients": "trusted", "exfiltrated": "no", "retrieved_or_deleted": true }
    })));
    assert_eq!(v.risk, RiskLevel::Unlikely);
    // An attacker had access to health data and nobody can tell whether it
    // was copied: no logs is read at worst (high); complete logs: unlikely.
    let ransomware = |evidence: Value| {
        verdict(with(json!({
            "cause": "ransomware", "data_categories": ["health"],
            "confidentiality": { "recipients": "unknown", "exfiltrated": "no", "evidence": evidence }
        })))
    };
    assert_eq!(ransomware(Value::Null).risk, RiskLevel::High);
    assert!(
        ransomware(Value::Null)
            .open_questions
            .contains(&"confidentiality.evidence".to_string())
    );
    assert_eq!(ransomware(json!("logs_complete")).risk, RiskLevel::Unlikely);
}

#[test]
fn unknown_facts_never_lower_a_duty_and_decisive_ones_are_named() {
    let known = verdict(with(json!({ "malicious": false })));
    let unknown = verdict(with(
        json!({ "malicious": "unknown", "confidentiality": { "recipients": "known", "exfiltrated": "unknown" } }),
    ));
    assert!(unknown.risk >= known.risk);
    assert_eq!(unknown.risk, RiskLevel::Risk);
    assert!(!unknown.open_questions.is_empty());
    for q in &unknown.open_questions {
        assert!(
            ["malicious", "confidentiality.exfiltrated"].contains(&q.as_str()),
            "{q}"
        );
    }
    assert!(known.open_questions.is_empty());
}

#[test]
fn every_reason_names_its_source_in_both_languages() {
    for lang in Language::ALL {
        let v = verdict_with(
            hacked(json!({})),
            AssessmentOptions {
                language: *lang,
                ..Default::default()
            },
        );
        assert!(v.reasons.len() >= 8);
        for r in &v.reasons {
            assert!(
                !r.source.is_empty() && !r.text.is_empty() && !r.code.is_empty(),
                "{r:?}"
            );
        }
        assert!(v.disclaimer.contains(if *lang == Language::De {
            "keine Rechtsberatung"
        } else {
            "not legal advice"
        }));
    }
}

#[test]
fn same_facts_same_verdict() {
    let a = verdict(hacked(json!({}))).to_json();
    let b = verdict(hacked(json!({}))).to_json();
    assert_eq!(a, b);
    let back = dsgvo_core::Verdict::from_json(&a).unwrap();
    assert_eq!(back.to_json(), a);
}
