//! What actually happened to the data: the likelihood side of the risk
//! (EDPB 9/2022: weigh likelihood and severity, Recitals 75–76).

use super::context::SectorContext;
use super::enisa::passwords_unintelligible;
use super::unknowns::Reader;
use crate::facts::{Backup, DataCategory, Recipients};
use crate::reason::RiskFinding;

/// How far confidential data reached unauthorised people.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ConfidentialityExposure {
    /// Unintelligible to anyone who got it (state-of-the-art encryption with a
    /// safe key, or only state-of-the-art password hashes).
    Neutralised,
    /// No evidence that anyone saw the data.
    NoEvidence,
    /// Reached a trusted recipient, or a known one who returned or deleted it,
    /// without malicious intent.
    Contained,
    /// Disclosed to people who may misuse it.
    Disclosed,
}

/// Loss of availability.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AvailabilityLoss {
    NotAffected,
    /// Restored from a current backup within 24 hours.
    Restored,
    /// Unavailable for longer, or reconstruction needs work.
    Temporary,
    Permanent,
}

/// The facts of the breach read for the assessment.
#[derive(Clone, Debug)]
pub(crate) struct Exposure {
    pub confidentiality: Option<ConfidentialityExposure>,
    pub integrity_lost: bool,
    pub availability: AvailabilityLoss,
    pub availability_lost: bool,
    pub availability_permanent: bool,
    pub backup_missing: bool,
    pub hostile: bool,
    pub exfiltrated: bool,
    pub public: bool,
    pub key_compromised: bool,
    pub passwords_unintelligible: bool,
    pub health_context: bool,
}

impl Exposure {
    pub(crate) fn confidentiality_disclosed(&self) -> bool {
        self.confidentiality == Some(ConfidentialityExposure::Disclosed)
    }

    /// No loss materialised for anyone: every affected property of the data
    /// is intact, contained or protected.
    pub(crate) fn no_materialised_loss(&self) -> bool {
        !self.confidentiality_disclosed()
            && !self.integrity_lost
            && matches!(
                self.availability,
                AvailabilityLoss::NotAffected | AvailabilityLoss::Restored
            )
    }

    pub(crate) fn read(r: &mut Reader<'_>, findings: &mut Vec<RiskFinding>) -> Exposure {
        let facts = r.facts;
        let hostile = r.malicious();
        if facts.cause.is_attack() && facts.malicious().known() != Some(true) {
            findings.push(RiskFinding::AttackCause { cause: facts.cause });
        }
        let passwords_unintelligible = passwords_unintelligible(r);
        let encrypted_safely = r.data_unintelligible();
        let key_compromised = !r.ignore_encryption
            && facts
                .protection
                .and_then(|p| p.encryption)
                .is_some_and(|e| e != crate::facts::Encryption::None)
            && facts
                .protection
                .and_then(|p| p.key_compromised)
                .and_then(|k| k.known())
                == Some(true);

        let mut exfiltrated = false;
        let confidentiality = facts.confidentiality.map(|c| {
            exfiltrated = r.exfiltrated(&c);
            let only_hashed_passwords = passwords_unintelligible
                && facts
                    .data_categories
                    .iter()
                    .all(|d| *d == DataCategory::Credentials);
            let (exposure, finding) = if encrypted_safely {
                (
                    ConfidentialityExposure::Neutralised,
                    RiskFinding::DataUnintelligible,
                )
            } else if only_hashed_passwords {
                (
                    ConfidentialityExposure::Neutralised,
                    RiskFinding::OnlyHashedPasswords,
                )
            } else {
                match c.recipients {
                    Recipients::None => (
                        ConfidentialityExposure::NoEvidence,
                        RiskFinding::NoRecipient,
                    ),
                    Recipients::Unknown if !exfiltrated => (
                        ConfidentialityExposure::NoEvidence,
                        RiskFinding::NoEvidenceOfExfiltration,
                    ),
                    Recipients::Trusted if !hostile => (
                        ConfidentialityExposure::Contained,
                        RiskFinding::RecipientTrusted,
                    ),
                    Recipients::Known if !hostile && c.retrieved_or_deleted == Some(true) => (
                        ConfidentialityExposure::Contained,
                        RiskFinding::RecipientRetrieved,
                    ),
                    recipients => (
                        ConfidentialityExposure::Disclosed,
                        RiskFinding::Disclosed {
                            recipients,
                            exfiltrated,
                        },
                    ),
                }
            };
            findings.push(finding);
            exposure
        });
        let public = facts.confidentiality.is_some_and(|c| {
            matches!(c.recipients, Recipients::Public | Recipients::UnknownExtent)
        }) && confidentiality == Some(ConfidentialityExposure::Disclosed);

        let integrity_lost = facts.integrity.is_some() && !r.integrity_recoverable();

        let (availability, backup_missing) = match facts.availability {
            None => (AvailabilityLoss::NotAffected, false),
            Some(a) => {
                if r.availability_permanent() {
                    (AvailabilityLoss::Permanent, true)
                } else {
                    let backup = r.backup();
                    let quick = a.restored_within_hours.is_none_or(|h| h <= 24);
                    if backup == Backup::Current && quick {
                        findings.push(RiskFinding::AvailabilityRestored {
                            hours: a.restored_within_hours,
                        });
                        (AvailabilityLoss::Restored, false)
                    } else {
                        (AvailabilityLoss::Temporary, backup != Backup::Current)
                    }
                }
            }
        };

        Exposure {
            confidentiality,
            integrity_lost,
            availability,
            availability_lost: matches!(
                availability,
                AvailabilityLoss::Temporary | AvailabilityLoss::Permanent
            ),
            availability_permanent: availability == AvailabilityLoss::Permanent,
            backup_missing,
            hostile,
            exfiltrated,
            public,
            key_compromised,
            passwords_unintelligible,
            health_context: SectorContext::health_care(facts.controller.sector.as_deref())
                || facts.data_categories.contains(&DataCategory::Health),
        }
    }
}
