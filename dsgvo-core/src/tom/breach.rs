//! The link between a breach and the measures it exposed.

use serde::{Deserialize, Serialize};

use super::baseline::ShopMeasure;
use crate::case::{Case, CaseId};
use crate::facts::{Backup, BreachFacts, BreachType, Encryption, PasswordHashing};
use crate::options::Language;

/// The breach that exposed a measure: a case of this library, or a plain
/// reference to a breach documented elsewhere.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BreachLink {
    /// The breach's reference (the case id, or the caller's register number).
    pub reference: String,
    /// The case of this library, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case_id: Option<CaseId>,
}

impl BreachLink {
    /// A link to a breach documented elsewhere.
    pub fn reference(reference: &str) -> BreachLink {
        BreachLink {
            reference: reference.to_string(),
            case_id: None,
        }
    }

    /// A link to `case`: its id, and the caller's reference where the facts have one.
    pub fn to_case(case: &Case) -> BreachLink {
        BreachLink {
            reference: case
                .facts()
                .reference
                .clone()
                .unwrap_or_else(|| case.id().0.clone()),
            case_id: Some(case.id().clone()),
        }
    }

    pub(crate) fn check(&self) -> Result<(), String> {
        if self.reference.trim().is_empty() {
            return Err("the breach reference must not be blank".into());
        }
        Ok(())
    }
}

/// A baseline measure a breach showed to have failed or to be missing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FailedMeasure {
    /// The measure.
    pub measure: ShopMeasure,
    /// What the breach showed.
    pub finding: String,
}

/// The measures the breach facts themselves show to have failed: data not
/// encrypted (or weakly) in a confidentiality breach, passwords not or
/// weakly hashed, no or an outdated backup in an availability breach. The
/// caller adds what the investigation found beyond the facts.
///
/// ```
/// use dsgvo_core::BreachFacts;
/// use dsgvo_core::tom::{ShopMeasure, failed_measures};
/// let facts = BreachFacts::from_json(r#"{
///   "schema": "dsgvo.breach-facts/1", "role": "controller",
///   "controller": { "name": "Beispiel Shop GmbH", "country": "DE", "region": "DE-BY", "established_in_eu": true },
///   "aware_at": "2026-11-20T09:15:00+01:00", "types": ["confidentiality"],
///   "cause": "stolen_device", "malicious": true, "data_categories": ["identity", "contact"],
///   "data_subjects": { "count": 800, "categories": ["customers"] },
///   "confidentiality": { "recipients": "unknown", "exfiltrated": "unknown" },
///   "protection": { "encryption": "none" }
/// }"#).unwrap();
/// let failed = failed_measures(&facts, dsgvo_core::Language::En);
/// assert_eq!(failed[0].measure, ShopMeasure::EncryptionAtRest);
/// ```
pub fn failed_measures(facts: &BreachFacts, lang: Language) -> Vec<FailedMeasure> {
    let de = lang == Language::De;
    let mut failed = Vec::new();
    let mut add = |measure, de_text: &str, en_text: &str| {
        failed.push(FailedMeasure {
            measure,
            finding: if de { de_text } else { en_text }.to_string(),
        })
    };
    let protection = facts.protection.as_ref();
    if facts.types.contains(&BreachType::Confidentiality) {
        match protection.and_then(|p| p.encryption) {
            Some(Encryption::None) => add(
                ShopMeasure::EncryptionAtRest,
                "Die betroffenen Daten waren nicht verschlüsselt.",
                "The affected data were not encrypted.",
            ),
            Some(Encryption::Weak) => add(
                ShopMeasure::EncryptionAtRest,
                "Die betroffenen Daten waren nur schwach verschlüsselt.",
                "The affected data were only weakly encrypted.",
            ),
            _ => {}
        }
    }
    match protection.and_then(|p| p.password_hashing) {
        Some(PasswordHashing::None) => add(
            ShopMeasure::PasswordHashing,
            "Passwörter waren im Klartext gespeichert.",
            "Passwords were stored in plain text.",
        ),
        Some(PasswordHashing::Weak) => add(
            ShopMeasure::PasswordHashing,
            "Passwörter waren mit einem schwachen Verfahren gehasht.",
            "Passwords were hashed with a weak algorithm.",
        ),
        _ => {}
    }
    if facts.types.contains(&BreachType::Availability) {
        match facts.availability.as_ref().and_then(|a| a.backup) {
            Some(Backup::None) => add(
                ShopMeasure::Backups,
                "Es gab keine Datensicherung.",
                "There was no backup.",
            ),
            Some(Backup::Outdated) => add(
                ShopMeasure::Backups,
                "Die Datensicherung war veraltet.",
                "The backup was outdated.",
            ),
            _ => {}
        }
    }
    failed
}
