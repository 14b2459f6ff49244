//! Invariants of the method (issue 22), as properties over random breaches:
//! what makes a breach worse never lowers the risk or a duty; unknown never
//! decides less than any known value (the worst plausible reading, EDPB
//! Guidelines 9/2022 para 52–53 read with Art. 33(4)); notify-always never
//! notifies less than risk-based; an Art. 34(3) exemption never applies
//! below the high risk it exempts from. The expectations come from the law
//! and the method's stated rules, never from the engine's own output.

mod common;

use common::{parse, with};
use dsgvo_core::{Art34Exemption, AssessmentOptions, Policy, RiskLevel, Verdict, triage};
use proptest::prelude::*;
use serde_json::{Value, json};

const CATEGORIES: &[&str] = &[
    "identity",
    "contact",
    "order",
    "employment",
    "behaviour",
    "location",
    "communications",
    "financial",
    "invoice",
    "bank_account",
    "payment_card",
    "credentials",
    "government_id",
    "health",
    "special_category",
    "criminal",
];
const CAUSES: &[&str] = &[
    "ransomware",
    "malware",
    "hacking",
    "credential_stuffing",
    "phishing",
    "insider_malicious",
    "insider_error",
    "misdelivery_post",
    "misdelivery_email",
    "lost_device",
    "stolen_device",
    "stolen_paper",
    "publication_error",
    "system_error",
    "other",
];
const RECIPIENTS: &[&str] = &[
    "none",
    "trusted",
    "known",
    "unknown",
    "unknown_extent",
    "public",
    "hostile",
];

/// A confidentiality breach with random facts; fields left out are unknown.
fn breach() -> impl Strategy<Value = Value> {
    (
        prop::sample::select(CAUSES),
        prop::sample::subsequence(CATEGORIES, 1..4),
        1u64..5_000_000,
        prop::option::of(any::<bool>()),
        prop::option::of(any::<bool>()),
        prop::sample::select(RECIPIENTS),
        prop::option::of(prop::sample::select(&["yes", "no", "unknown"][..])),
        prop::option::of(0u32..20_000),
    )
        .prop_map(
            |(cause, categories, count, malicious, vulnerable, recipients, exfiltrated, hours)| {
                let mut facts = with(json!({
                    "cause": cause,
                    "malicious": malicious,
                    "data_categories": categories,
                    "data_subjects": { "count": count, "vulnerable": vulnerable },
                    "confidentiality": {
                        "recipients": recipients,
                        "exfiltrated": exfiltrated,
                        "exposure_hours": hours,
                    }
                }));
                // `with` removes keys patched with null: unknown stays unknown.
                strip_nulls(&mut facts);
                facts
            },
        )
        .prop_filter("valid facts", |f| parse(f).is_ok())
}

fn strip_nulls(v: &mut Value) {
    if let Value::Object(map) = v {
        map.retain(|_, x| !x.is_null());
        map.values_mut().for_each(strip_nulls);
    }
}

fn assess(facts: &Value, policy: Policy) -> Option<Verdict> {
    let facts = parse(facts).ok()?;
    Some(triage(
        &facts,
        &AssessmentOptions {
            policy,
            ..Default::default()
        },
    ))
}

fn level(r: RiskLevel) -> u8 {
    match r {
        RiskLevel::Unlikely => 0,
        RiskLevel::Risk => 1,
        RiskLevel::High => 2,
    }
}

/// What a verdict obliges to: the risk, the notification, and whether the
/// people are told (individually or publicly).
fn duties(v: &Verdict) -> (u8, bool, bool) {
    (
        level(v.risk),
        v.notify_authority,
        v.notify_data_subjects || v.public_communication,
    )
}

/// `worse` obliges to at least what `better` does, component by component.
fn at_least(worse: &Verdict, better: &Verdict) -> bool {
    let (a, b) = (duties(worse), duties(better));
    a.0 >= b.0 && a.1 >= b.1 && a.2 >= b.2
}

fn set(facts: &Value, path: &[&str], value: Value) -> Value {
    let mut f = facts.clone();
    let mut at = &mut f;
    for key in &path[..path.len() - 1] {
        at = at
            .as_object_mut()
            .unwrap()
            .entry(key.to_string())
            .or_insert(json!({}));
    }
    at.as_object_mut()
        .unwrap()
        .insert(path[path.len() - 1].to_string(), value);
    f
}

fn unset(facts: &Value, path: &[&str]) -> Value {
    let mut f = facts.clone();
    let mut at = &mut f;
    for key in &path[..path.len() - 1] {
        at = at.get_mut(*key).unwrap();
    }
    at.as_object_mut().unwrap().remove(path[path.len() - 1]);
    f
}

/// Checks that `worse` (when valid) obliges to at least what `facts` does.
fn never_lower(facts: &Value, worse: Value, what: &str) -> Result<(), TestCaseError> {
    let (Some(before), Some(after)) = (
        assess(facts, Policy::RiskBased),
        assess(&worse, Policy::RiskBased),
    ) else {
        return Ok(()); // the change made the facts inconsistent
    };
    prop_assert!(
        at_least(&after, &before),
        "{what} lowered {:?} to {:?}\nbefore: {facts}\nafter: {worse}",
        duties(&before),
        duties(&after)
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 160, ..ProptestConfig::default() })]

    /// Recital 75: the number of people affected adds to the severity.
    #[test]
    fn more_people_never_lower_the_risk(facts in breach(), factor in 2u64..1000) {
        let count = facts["data_subjects"]["count"].as_u64().unwrap();
        never_lower(&facts, set(&facts, &["data_subjects", "count"], json!(count.saturating_mul(factor).min(8_000_000_000))), "more people")?;
    }

    /// ENISA 2013 3.1.1: the highest data category counts; one more
    /// category can only raise it.
    #[test]
    fn another_data_category_never_lowers_the_risk(facts in breach(), extra in prop::sample::select(CATEGORIES)) {
        let mut categories: Vec<Value> = facts["data_categories"].as_array().unwrap().clone();
        if !categories.contains(&json!(extra)) {
            categories.push(json!(extra));
        }
        never_lower(&facts, set(&facts, &["data_categories"], json!(categories)), "another category")?;
    }

    /// ENISA 2013 Annex 3: malicious intent adds to the circumstances.
    #[test]
    fn malice_never_lowers_the_risk(facts in breach()) {
        let honest = set(&facts, &["malicious"], json!(false));
        never_lower(&honest, set(&facts, &["malicious"], json!(true)), "malice")?;
    }

    /// Publication is the widest disclosure (EDPB 9/2022 para 102 and Annex
    /// B) — wider than any limited circle. A hostile recipient (a stalker
    /// who gets an address) is a different harm, physical, not a wider
    /// circle: it is not compared here.
    #[test]
    fn publication_never_lowers_the_risk(facts in breach()) {
        prop_assume!(facts["confidentiality"]["recipients"] != "hostile");
        never_lower(&facts, set(&facts, &["confidentiality", "recipients"], json!("public")), "publication")?;
    }

    /// The longer data are reachable, the likelier they were taken.
    #[test]
    fn a_longer_exposure_never_lowers_the_risk(facts in breach(), hours in 0u32..10_000, more in 1u32..10_000) {
        let shorter = set(&facts, &["confidentiality", "exposure_hours"], json!(hours));
        never_lower(&shorter, set(&facts, &["confidentiality", "exposure_hours"], json!(hours + more)), "a longer exposure")?;
    }

    /// Recital 75, EDPB 9/2022: vulnerable people raise the severity.
    #[test]
    fn a_vulnerable_group_never_lowers_the_risk(facts in breach()) {
        let not = set(&facts, &["data_subjects", "vulnerable"], json!(false));
        never_lower(&not, set(&facts, &["data_subjects", "vulnerable"], json!(true)), "a vulnerable group")?;
    }

    /// Unknown is read as the worst plausible value: it never decides less
    /// than any known value (our method; EDPB 9/2022 paras 52–53).
    #[test]
    fn unknown_never_decides_less_than_a_known_value(facts in breach()) {
        for (path, values) in [
            (&["malicious"][..], vec![json!(true), json!(false)]),
            (&["data_subjects", "vulnerable"][..], vec![json!(true), json!(false)]),
            (&["confidentiality", "exfiltrated"][..], vec![json!("yes"), json!("no")]),
            (&["confidentiality", "exposure_hours"][..], vec![json!(0), json!(24), json!(20_000)]),
        ] {
            let unknown = unset(&facts, path);
            let Some(open) = assess(&unknown, Policy::RiskBased) else { continue };
            for v in values {
                let Some(known) = assess(&set(&facts, path, v.clone()), Policy::RiskBased) else { continue };
                prop_assert!(
                    at_least(&open, &known),
                    "{path:?} unknown {:?} < {v} {:?}\n{unknown}",
                    duties(&open),
                    duties(&known)
                );
            }
        }
    }

    /// A controller that chose to notify always never notifies less.
    #[test]
    fn notify_always_never_notifies_less(facts in breach()) {
        let (Some(risk), Some(always)) = (assess(&facts, Policy::RiskBased), assess(&facts, Policy::NotifyAlways)) else {
            return Ok(());
        };
        prop_assert!(always.notify_authority);
        prop_assert!(at_least(&always, &risk), "{:?} < {:?}", duties(&always), duties(&risk));
    }

    /// Art. 34(3) exempts from the duty of Art. 34(1), which only a high
    /// risk triggers: (b) and (c) are recorded only at high risk; (a) only
    /// where the same breach without the encryption would be high risk (the
    /// encryption is what brought it down); with (a) or (b) nobody is told
    /// individually, and only high risk tells anyone.
    #[test]
    fn an_exemption_never_applies_below_high_risk(
        facts in breach(),
        encrypted in any::<bool>(),
        neutralised in any::<bool>(),
        disproportionate in any::<bool>(),
    ) {
        let facts = if encrypted {
            set(&facts, &["protection"], json!({ "encryption": "state_of_the_art", "key_compromised": false }))
        } else {
            facts
        };
        let facts = set(&facts, &["subject_communication"], json!({
            "high_risk_neutralised": neutralised,
            "disproportionate_effort": disproportionate,
        }));
        let Some(v) = assess(&facts, Policy::RiskBased) else { return Ok(()) };
        for e in &v.exemptions {
            match e {
                Art34Exemption::A => {
                    let plain = unset(&facts, &["protection"]);
                    let without = assess(&plain, Policy::RiskBased).unwrap();
                    prop_assert_eq!(without.risk, RiskLevel::High, "(a) without high risk to exempt from");
                    prop_assert!(!v.notify_data_subjects);
                }
                Art34Exemption::B | Art34Exemption::C => {
                    prop_assert_eq!(v.risk, RiskLevel::High, "{:?} at {:?}", e, v.risk);
                }
            }
        }
        if v.notify_data_subjects {
            prop_assert_eq!(v.risk, RiskLevel::High);
        }
    }
}
