//! The method against EDPB Guidelines 01/2021 cases that are not in
//! `shared/cases/`. The facts are our paraphrase of each case; the expected
//! outcome (notify the authority? inform the people?) is the Board's.

mod common;

use common::{verdict, with};
use serde_json::{Value, json};

fn outcome(facts: Value) -> (bool, bool) {
    let v = verdict(facts);
    (v.notify_authority, v.notify_data_subjects)
}

#[test]
fn case_02_ransomware_without_proper_backup() {
    // A few dozen employees and clients; no exfiltration; restored from paper over 5 days.
    let facts = with(json!({
        "types": ["availability", "confidentiality"], "cause": "ransomware", "malicious": true,
        "data_categories": ["identity", "contact", "employment"], "data_subjects": { "count": { "min": 20, "max": 60 } },
        "confidentiality": { "recipients": "unknown", "exfiltrated": "no" },
        "availability": { "permanent": false, "restored_within_hours": 120, "backup": "none" }
    }));
    assert_eq!(outcome(facts), (true, false));
}

#[test]
fn case_03_ransomware_in_a_hospital() {
    let facts = with(json!({
        "controller": { "contexts": ["health_care"] },
        "types": ["availability", "confidentiality"], "cause": "ransomware", "malicious": true,
        "data_categories": ["identity", "health"], "data_subjects": { "count": 1800, "categories": ["patients"] },
        "confidentiality": { "recipients": "unknown", "exfiltrated": "no" },
        "availability": { "permanent": false, "restored_within_hours": 48, "backup": "current" }
    }));
    assert_eq!(outcome(facts), (true, true));
}

#[test]
fn case_05_exfiltration_of_job_application_data() {
    let facts = with(json!({
        "cause": "malware", "malicious": true,
        "data_categories": ["identity", "contact", "employment"],
        "data_subjects": { "count": 213, "categories": ["applicants"] },
        "confidentiality": { "recipients": "unknown", "exfiltrated": "unknown" }
    }));
    assert_eq!(outcome(facts), (true, true));
}

#[test]
fn case_06_exfiltration_of_hashed_passwords() {
    // Pseudonymous usernames and salted state-of-the-art hashes of 1,200 users.
    let facts = with(json!({
        "cause": "hacking", "malicious": true,
        "data_categories": ["identity", "credentials"], "identifiability": "limited",
        "data_subjects": { "count": 1200, "categories": ["users"] },
        "confidentiality": { "recipients": "unknown", "exfiltrated": "yes" },
        "protection": { "password_hashing": "state_of_the_art" }
    }));
    assert_eq!(outcome(facts.clone()), (false, false));
    let only_hashes = with(json!({
        "cause": "hacking", "malicious": true, "data_categories": ["credentials"],
        "data_subjects": { "count": 1200 }, "confidentiality": { "recipients": "unknown", "exfiltrated": "yes" },
        "protection": { "password_hashing": "state_of_the_art" }
    }));
    assert_eq!(outcome(only_hashes), (false, false));
}

#[test]
fn case_07_credential_stuffing_on_a_banking_website() {
    let facts = with(json!({
        "controller": { "contexts": ["financial_status"] }, "cause": "credential_stuffing", "malicious": true,
        "data_categories": ["identity", "financial", "credentials"], "data_subjects": { "count": 2000 },
        "confidentiality": { "recipients": "unknown", "exfiltrated": "unknown" }
    }));
    assert_eq!(outcome(facts), (true, true));
}

#[test]
fn case_09_accidental_transmission_to_a_trusted_third_party() {
    let facts = with(json!({
        "controller": { "contexts": ["financial_status"] }, "cause": "misdelivery_email",
        "data_categories": ["identity", "contact", "financial"], "data_subjects": { "count": 15 },
        "confidentiality": { "recipients": "trusted", "exfiltrated": "no", "retrieved_or_deleted": true }
    }));
    assert_eq!(outcome(facts), (false, false));
}

#[test]
fn case_10_stolen_device_with_encrypted_data() {
    let facts = with(json!({
        "types": ["confidentiality", "availability"], "cause": "stolen_device", "malicious": true,
        "data_categories": ["identity", "contact", "financial"], "data_subjects": { "count": 1000 },
        "confidentiality": { "recipients": "unknown", "exfiltrated": "unknown" },
        "availability": { "permanent": false, "backup": "current" },
        "protection": { "encryption": "state_of_the_art", "key_compromised": false }
    }));
    assert_eq!(outcome(facts), (false, false));
}

#[test]
fn case_12_stolen_paper_files_with_sensitive_data() {
    let facts = with(json!({
        "controller": { "contexts": ["health_care"] },
        "types": ["confidentiality", "availability"], "cause": "stolen_paper", "malicious": true,
        "data_categories": ["identity", "health"], "data_subjects": { "count": 100, "categories": ["patients"] },
        "confidentiality": { "recipients": "unknown", "exfiltrated": "unknown" },
        "availability": { "permanent": true }
    }));
    assert_eq!(outcome(facts), (true, true));
}

#[test]
fn case_17_identity_theft_at_a_telecom_provider() {
    let facts = with(json!({
        "controller": { "contexts": ["telecom_provider"] }, "cause": "social_engineering", "malicious": true,
        "data_categories": ["identity", "contact", "financial", "location"], "data_subjects": { "count": 1 },
        "confidentiality": { "recipients": "known", "exfiltrated": "yes" }
    }));
    let v = verdict(facts);
    assert_eq!((v.notify_authority, v.notify_data_subjects), (true, true));
    assert_eq!(v.authorities[0].id, "de-bund-bfdi");
}

#[test]
fn case_18_email_exfiltration() {
    let facts = with(json!({
        "cause": "hacking", "malicious": true,
        "data_categories": ["identity", "contact", "communications", "bank_account"], "data_subjects": { "count": 99 },
        "confidentiality": { "recipients": "unknown", "exfiltrated": "yes" }
    }));
    assert_eq!(outcome(facts), (true, true));
}
