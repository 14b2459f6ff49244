//! Recital 85 harms derived from the facts, or taken as given.

mod common;

use common::{verdict, with};
use dsgvo_core::Harm;
use serde_json::json;

#[test]
fn a_misdelivered_label_means_loss_of_control_only() {
    assert_eq!(verdict(with(json!({}))).harms, vec![Harm::LossOfControl]);
}

#[test]
fn stolen_card_data_enables_identity_theft_fraud_and_financial_loss() {
    let v = verdict(with(json!({
        "cause": "hacking", "data_categories": ["identity", "contact", "payment_card"],
        "confidentiality": { "recipients": "unknown", "exfiltrated": "yes" }
    })));
    for h in [
        Harm::LossOfControl,
        Harm::IdentityTheft,
        Harm::Fraud,
        Harm::FinancialLoss,
    ] {
        assert!(v.harms.contains(&h), "{h} missing in {:?}", v.harms);
    }
    assert!(!v.harms.contains(&Harm::PhysicalHarm));
}

#[test]
fn health_data_of_a_pharmacy_means_discrimination_reputation_and_professional_secrecy() {
    let v = verdict(with(
        json!({ "controller": { "sector": "online pharmacy", "contexts": ["health_care", "professional_secrecy"] }, "data_categories": ["identity", "health"] }),
    ));
    for h in [
        Harm::Discrimination,
        Harm::ReputationalDamage,
        Harm::LossOfProfessionalSecrecy,
    ] {
        assert!(v.harms.contains(&h), "{h} missing in {:?}", v.harms);
    }
}

#[test]
fn lost_data_limits_rights() {
    let v = verdict(with(json!({
        "types": ["availability"], "confidentiality": null, "availability": { "permanent": true }
    })));
    assert_eq!(
        v.harms,
        vec![Harm::LimitationOfRights, Harm::EconomicOrSocialDisadvantage]
    );
}

#[test]
fn encrypted_data_with_a_safe_key_causes_no_harm_by_disclosure() {
    let v = verdict(with(json!({
        "cause": "stolen_device", "confidentiality": { "recipients": "unknown", "exfiltrated": "unknown" },
        "protection": { "encryption": "state_of_the_art", "key_compromised": false }
    })));
    assert!(v.harms.is_empty(), "{:?}", v.harms);
    let v = verdict(with(
        json!({ "protection": { "encryption": "weak", "key_compromised": true } }),
    ));
    assert!(
        v.harms
            .contains(&Harm::UnauthorisedReversalOfPseudonymisation)
    );
}

#[test]
fn given_consequences_are_kept_as_given() {
    let v = verdict(with(
        json!({ "likely_consequences": ["fraud", "reputational_damage"] }),
    ));
    assert_eq!(v.harms, vec![Harm::Fraud, Harm::ReputationalDamage]);
    assert!(v.reasons.iter().any(|r| r.code == "harms_given"));
}

#[test]
fn the_order_of_harms_is_the_order_of_recital_85() {
    let v = verdict(with(json!({
        "controller": { "contexts": ["health_care"] }, "cause": "hacking",
        "data_categories": ["identity", "contact", "health", "bank_account", "employment"],
        "data_subjects": { "vulnerable": true },
        "confidentiality": { "recipients": "public", "exfiltrated": "yes" }
    })));
    let positions: Vec<usize> = v
        .harms
        .iter()
        .map(|h| Harm::ALL.iter().position(|x| x == h).unwrap())
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{:?}", v.harms);
    assert!(v.harms.contains(&Harm::PhysicalHarm));
}
