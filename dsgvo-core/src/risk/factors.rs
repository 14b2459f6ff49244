//! From severity and exposure to a risk level: the ENISA band gives the
//! starting point, the EDPB risk factors can only raise it, and a breach in
//! which no loss materialised is unlikely to result in a risk.
//!
//! Band mapping (our design, documented in the reasons of every verdict):
//! ENISA `low` → unlikely to result in a risk (ENISA: "no effect or minor
//! inconveniences easily overcome"), `medium` → risk ("significant
//! inconveniences"), `high` and `very_high` → high risk ("significant
//! consequences overcome only with serious difficulties" or worse). ENISA
//! itself sets no notification threshold (section 4.1.2); the mapping follows
//! the wording of its levels and is checked against EDPB Guidelines 01/2021.

use super::enisa::{EnisaScore, SeverityBand};
use super::exposure::{ConfidentialityExposure, Exposure};
use super::{LARGE_SCALE, MANY_PEOPLE, RiskLevel};
use crate::facts::{BreachFacts, DataCategory, Identifiability};
use crate::reason::RiskFinding;

/// Applies the band mapping and the EDPB factors.
pub(crate) fn risk_level(
    facts: &BreachFacts,
    score: EnisaScore,
    exposure: &Exposure,
    people: u64,
    findings: &mut Vec<RiskFinding>,
) -> RiskLevel {
    let band = score.band();
    let special = facts.data_categories.iter().any(|c| c.is_special());

    if exposure.no_materialised_loss() {
        findings.push(RiskFinding::NoMaterialisedLoss);
        // Special categories stay at least a risk where an attacker had access
        // and only the evidence of exfiltration is missing (EDPB 9/2022 para 102);
        // contained or protected data is not (EDPB 01/2021 cases 10, 15).
        let attacker_had_access =
            exposure.confidentiality == Some(ConfidentialityExposure::NoEvidence);
        if special && attacker_had_access {
            findings.push(RiskFinding::SpecialCategories { high: false });
            return RiskLevel::Risk;
        }
        return RiskLevel::Unlikely;
    }

    let mut risk = match band {
        SeverityBand::Low => RiskLevel::Unlikely,
        SeverityBand::Medium => RiskLevel::Risk,
        SeverityBand::High | SeverityBand::VeryHigh => RiskLevel::High,
    };
    findings.push(RiskFinding::BandToRisk { band, risk });

    let disclosed = exposure.confidentiality_disclosed();
    let mut raise = |to: RiskLevel, finding: RiskFinding, risk: &mut RiskLevel| {
        if to > *risk {
            *risk = to;
        }
        findings.push(finding);
    };

    if special {
        let high = disclosed;
        raise(
            if high {
                RiskLevel::High
            } else {
                RiskLevel::Risk
            },
            RiskFinding::SpecialCategories { high },
            &mut risk,
        );
    }
    let fraud_data: Vec<DataCategory> = facts
        .data_categories
        .iter()
        .copied()
        .filter(|c| match c {
            DataCategory::PaymentCard | DataCategory::GovernmentId => true,
            DataCategory::Credentials => !exposure.passwords_unintelligible,
            _ => false,
        })
        .collect();
    if disclosed && !fraud_data.is_empty() {
        raise(
            RiskLevel::High,
            RiskFinding::FraudEnablingData {
                categories: fraud_data,
            },
            &mut risk,
        );
    }
    // Malice and numbers matter only where the data identifies people
    // (ENISA 2013, 3.1.2: EI corrects the severity; EDPB 01/2021 case 06).
    let identifying = score.ei.quarters() >= Identifiability::Significant.quarters();
    let in_hostile_hands =
        disclosed && exposure.hostile && (exposure.exfiltrated || exposure.public);
    if in_hostile_hands && identifying {
        raise(RiskLevel::Risk, RiskFinding::MaliciousDisclosure, &mut risk);
    }
    if in_hostile_hands
        && identifying
        && facts.cause.is_external_attack()
        && identity_profile(facts)
    {
        raise(
            RiskLevel::High,
            RiskFinding::CriminalExfiltration { cause: facts.cause },
            &mut risk,
        );
    }
    if disclosed && identifying && people > MANY_PEOPLE {
        raise(
            RiskLevel::Risk,
            RiskFinding::ManyPeople { people },
            &mut risk,
        );
    }
    if disclosed && identifying && people >= LARGE_SCALE && band >= SeverityBand::Medium {
        raise(
            RiskLevel::High,
            RiskFinding::LargeScale { people },
            &mut risk,
        );
    }
    if exposure.backup_missing {
        raise(
            RiskLevel::Risk,
            RiskFinding::AvailabilityWithoutBackup {
                permanent: exposure.availability_permanent,
            },
            &mut risk,
        );
    }
    if exposure.integrity_lost {
        raise(
            RiskLevel::Risk,
            RiskFinding::IntegrityUnrecoverable,
            &mut risk,
        );
    }
    risk
}

/// Names together with further data about the person (contact details, CV,
/// orders, ...): enough for targeted phishing or identity theft (Recital 85).
fn identity_profile(facts: &BreachFacts) -> bool {
    facts.data_categories.contains(&DataCategory::Identity)
        && facts
            .data_categories
            .iter()
            .any(|c| !matches!(c, DataCategory::Identity | DataCategory::Credentials))
}
