//! What actually happened to the data: the facts read for the likelihood
//! axis and for the harms (EDPB 9/2022 section IV.B; Recitals 75–76).

use super::RiskFinding;
use super::enisa::passwords_unintelligible;
use super::likelihood::{
    Likelihood, LikelihoodBasis as B, duration_quarters, evidence_quarters, unavailability_quarters,
};
use super::unknowns::Reader;
use crate::facts::{
    Backup, ControllerContext, DataCategory, Evidence, Misuse, Recipients, SubjectCategory,
};

/// How far confidential data reached unauthorised people.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ConfidentialityExposure {
    /// Unintelligible to anyone who got it (state-of-the-art encryption with a
    /// safe key, or only state-of-the-art password hashes).
    Neutralised,
    /// Nobody unauthorised saw the data, on good evidence.
    NoEvidence,
    /// Reached a trusted recipient, or a known one who returned or deleted it,
    /// without malicious intent.
    Contained,
    /// Disclosed, or a disclosure cannot be ruled out.
    Disclosed,
}

/// Loss of availability (ENISA 2013, Annex 3).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AvailabilityLoss {
    NotAffected,
    /// Restored from a current backup.
    Restored,
    /// Unavailable for a while without a current backup.
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
    pub hostile: bool,
    pub hostile_recipient: bool,
    pub exfiltrated: bool,
    pub public: bool,
    pub key_compromised: bool,
    pub passwords_unintelligible: bool,
    pub care: bool,
    /// Vulnerable people are affected; unknown read as the reader says
    /// (worst, unless read at its best to find the decisive unknowns).
    pub vulnerable: bool,
    /// Likelihood per breach type (EDPB 9/2022: the type of breach is a factor).
    pub confidentiality_likelihood: Option<Likelihood>,
    pub integrity_likelihood: Option<Likelihood>,
    pub availability_likelihood: Option<Likelihood>,
}

impl Exposure {
    pub(crate) fn confidentiality_disclosed(&self) -> bool {
        self.confidentiality == Some(ConfidentialityExposure::Disclosed)
    }

    pub(crate) fn read(r: &mut Reader<'_>, findings: &mut Vec<RiskFinding>) -> Exposure {
        let facts = r.facts;
        let hostile = r.malicious();
        if facts.cause.is_attack() && facts.malicious().known() != Some(true) {
            findings.push(RiskFinding::AttackCause { cause: facts.cause });
        }
        let passwords_unintelligible = passwords_unintelligible(r);
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
        // Art. 9 and Art. 10 data (ENISA's sensitive class holds both).
        let special = facts.data_categories.iter().any(|c| c.is_special());
        let misuse = &facts.misuse_observed;
        let seen = |m: &[Misuse]| -> Vec<Misuse> {
            misuse.iter().copied().filter(|x| m.contains(x)).collect()
        };

        let mut exfiltrated = false;
        let mut hostile_recipient = false;
        let mut confidentiality_likelihood = None;
        let confidentiality = facts.confidentiality.map(|c| {
            exfiltrated = r.exfiltrated(&c);
            let only_hashed_passwords = passwords_unintelligible
                && facts
                    .data_categories
                    .iter()
                    .all(|d| *d == DataCategory::Credentials);
            // A recipient who intends harm to the people themselves (v2).
            hostile_recipient = c.recipients == Recipients::Hostile;
            // Data handed on with malicious intent (an insider selling to a
            // competitor, a social engineer): in the hands it was meant for.
            let hostile_hands = hostile_recipient
                || (matches!(c.recipients, Recipients::Known | Recipients::Trusted) && hostile);
            let likelihood = if r.data_unintelligible() {
                Likelihood::new(4, B::Unintelligible)
            } else if only_hashed_passwords {
                Likelihood::new(4, B::OnlyHashedPasswords)
            } else {
                match c.recipients {
                    Recipients::None => Likelihood::new(4, B::NoRecipient),
                    _ if hostile_hands => Likelihood::new(16, B::Hostile),
                    Recipients::Trusted => Likelihood::new(4, B::TrustedRecipient),
                    Recipients::Known if c.retrieved_or_deleted == Some(true) => {
                        // Art. 9/10 data in a stranger's hands keep at least
                        // a risk (EDPB 9/2022 para 102; see `assess`).
                        Likelihood::new(4, B::Retrieved { special })
                    }
                    Recipients::Known => {
                        Likelihood::new(if special { 12 } else { 8 }, B::KnownRecipient { special })
                    }
                    Recipients::Public => Likelihood::new(16, B::Published),
                    Recipients::Unknown | Recipients::UnknownExtent if exfiltrated => {
                        Likelihood::new(16, B::Exfiltrated)
                    }
                    Recipients::Unknown | Recipients::UnknownExtent => {
                        let evidence = r.evidence(&c);
                        let anyone = c.recipients == Recipients::UnknownExtent;
                        let exposure_hours = if anyone { r.exposure_hours(&c) } else { None };
                        let q = evidence_quarters(evidence)
                            + if anyone && evidence != Evidence::LogsComplete {
                                duration_quarters(exposure_hours)
                            } else {
                                0
                            };
                        Likelihood::new(
                            q,
                            B::NoExfiltration {
                                evidence,
                                exposure_hours,
                                reachable_by_anyone: anyone,
                            },
                        )
                    }
                    // Always in hostile hands (the arm above); kept for the match.
                    Recipients::Hostile => Likelihood::new(16, B::Hostile),
                }
            };
            let observed = seen(&[
                Misuse::Fraud,
                Misuse::Phishing,
                Misuse::Publication,
                Misuse::AccountTakeover,
                Misuse::Extortion,
                Misuse::Stalking,
            ]);
            let likelihood = if !observed.is_empty()
                && !matches!(likelihood.basis, B::Unintelligible | B::OnlyHashedPasswords)
            {
                Likelihood::new(16, B::MisuseObserved { misuse: observed })
            } else {
                likelihood
            };
            let exposure = match likelihood.basis {
                B::Unintelligible | B::OnlyHashedPasswords => ConfidentialityExposure::Neutralised,
                B::NoRecipient => ConfidentialityExposure::NoEvidence,
                B::NoExfiltration { .. } if likelihood.quarters < 8 => {
                    ConfidentialityExposure::NoEvidence
                }
                B::TrustedRecipient | B::Retrieved { special: false } => {
                    ConfidentialityExposure::Contained
                }
                _ => ConfidentialityExposure::Disclosed,
            };
            confidentiality_likelihood = Some(likelihood);
            exposure
        });
        let public = confidentiality == Some(ConfidentialityExposure::Disclosed)
            && (facts
                .confidentiality
                .is_some_and(|c| matches!(c.recipients, Recipients::Public))
                || misuse.contains(&Misuse::Publication));

        let integrity_lost = facts.integrity.is_some() && !r.integrity_recoverable();
        let integrity_likelihood = facts.integrity.map(|_| {
            let observed = seen(&[Misuse::Fraud, Misuse::AccountTakeover]);
            if !observed.is_empty() {
                Likelihood::new(16, B::MisuseObserved { misuse: observed })
            } else if integrity_lost {
                Likelihood::new(12, B::IntegrityUnrecoverable)
            } else if hostile {
                Likelihood::new(8, B::AlteredByAttacker)
            } else {
                Likelihood::new(4, B::IntegrityRestored)
            }
        });

        let care = facts.has_context(ControllerContext::HealthCare)
            || facts
                .data_subjects
                .categories
                .contains(&SubjectCategory::Patients);
        let (availability, availability_likelihood) = match facts.availability {
            None => (AvailabilityLoss::NotAffected, None),
            Some(_) if r.availability_permanent() => (
                AvailabilityLoss::Permanent,
                Some(Likelihood::new(16, B::PermanentLoss)),
            ),
            Some(_) => {
                let backup = r.backup();
                let hours = r.restored_hours();
                let q = unavailability_quarters(hours, backup, care);
                let loss = if backup == Backup::Current {
                    AvailabilityLoss::Restored
                } else {
                    AvailabilityLoss::Temporary
                };
                (
                    loss,
                    Some(Likelihood::new(
                        q,
                        B::Unavailable {
                            hours,
                            backup,
                            care,
                        },
                    )),
                )
            }
        };

        Exposure {
            confidentiality,
            integrity_lost,
            availability,
            // An unavailability that matters: limited likelihood or more.
            availability_lost: availability_likelihood
                .as_ref()
                .is_some_and(|l| l.quarters >= 8),
            availability_permanent: availability == AvailabilityLoss::Permanent,
            hostile,
            hostile_recipient,
            exfiltrated,
            public,
            key_compromised,
            passwords_unintelligible,
            care,
            vulnerable: r.vulnerable(),
            confidentiality_likelihood,
            integrity_likelihood,
            availability_likelihood,
        }
    }
}
