//! The likelihood axis: how probable it is that the harm materialises,
//! read from what happened to the data (EDPB 9/2022 section IV.B: "the
//! likelihood of harm occurring"; Recitals 75–76). One value per breach
//! type, each with the basis that set it. Scores in quarters (4 = 1.0).

use crate::facts::{Backup, Evidence, Hours, Misuse};
use crate::finding::FindingCode;

use LikelihoodBasis as B;

/// Why a breach type got its likelihood.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum LikelihoodBasis {
    /// State-of-the-art encryption, key safe (Art. 34(3)(a)).
    Unintelligible,
    /// Only salted state-of-the-art password hashes.
    OnlyHashedPasswords,
    /// Nobody unauthorised received the data.
    NoRecipient,
    /// A recipient bound to confidentiality, without ill intent.
    TrustedRecipient,
    /// A known recipient without ill intent returned or deleted the data.
    Retrieved { special: bool },
    /// A known recipient without ill intent still has the data.
    KnownRecipient { special: bool },
    /// A recipient who intends harm, or malicious intent behind the disclosure.
    Hostile,
    /// Data copied out by unknown people (or unknown whether, read at worst).
    Exfiltrated,
    /// Published.
    Published,
    /// Accessed by unknown people; exfiltration denied on this evidence.
    NoExfiltration {
        evidence: Evidence,
        exposure_hours: Option<Hours>,
        reachable_by_anyone: bool,
    },
    /// Misuse already seen.
    MisuseObserved { misuse: Vec<Misuse> },
    /// Altered data restored, no ill intent.
    IntegrityRestored,
    /// Altered by an attacker, restored.
    AlteredByAttacker,
    /// Altered data cannot be restored reliably.
    IntegrityUnrecoverable,
    /// Data lost for good.
    PermanentLoss,
    /// Unavailable for a while.
    Unavailable {
        hours: Option<Hours>,
        backup: Backup,
        care: bool,
    },
}

impl LikelihoodBasis {
    /// The stable code of the basis.
    pub(crate) fn code(&self) -> FindingCode {
        use FindingCode as C;
        match self {
            B::Unintelligible => C::DataUnintelligible,
            B::OnlyHashedPasswords => C::OnlyHashedPasswords,
            B::NoRecipient => C::NoRecipient,
            B::TrustedRecipient => C::RecipientTrusted,
            B::Retrieved { special: false } => C::RecipientRetrieved,
            B::Retrieved { special: true } => C::SpecialDataRetrieved,
            B::KnownRecipient { .. } => C::RecipientKnown,
            B::Hostile => C::RecipientHostile,
            B::Exfiltrated => C::DataExfiltrated,
            B::Published => C::DataPublished,
            B::NoExfiltration { .. } => C::ExfiltrationEvidence,
            B::MisuseObserved { .. } => C::MisuseObserved,
            B::IntegrityRestored => C::IntegrityRestored,
            B::AlteredByAttacker => C::IntegrityAlteredByAttacker,
            B::IntegrityUnrecoverable => C::IntegrityUnrecoverable,
            B::PermanentLoss => C::AvailabilityPermanent,
            B::Unavailable { .. } => C::AvailabilityRestored,
        }
    }
}

/// A likelihood score and its basis.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Likelihood {
    pub quarters: u16,
    pub basis: LikelihoodBasis,
}

impl Likelihood {
    pub(crate) fn new(quarters: u16, basis: LikelihoodBasis) -> Self {
        Likelihood { quarters, basis }
    }
}

/// Evidence behind an `exfiltrated: "no"`: complete logs make a copy
/// improbable, partial logs leave doubt, none leave it open (EDPB 9/2022
/// section IV.B; CNIL SAN-2021-020: no logging, misuse "probably" not
/// happened, Art. 34 still infringed). Our scores: 1.0 / 2.0 / 3.0.
pub(crate) fn evidence_quarters(e: Evidence) -> u16 {
    match e {
        Evidence::LogsComplete => 4,
        Evidence::LogsPartial => 8,
        Evidence::None => 12,
    }
}

/// How long data sat where anyone could reach it, graded by powers of ten
/// (our choice: +0.25 per decade of hours above one hour, at most +1.0;
/// a graded factor, no single hour decides). `None`: unknown, read at worst.
pub(crate) fn duration_quarters(hours: Option<Hours>) -> u16 {
    decades(hours, 4)
}

/// Decades of hours above one: ≤ 1 h → 0, ≤ 10 h → 1, ≤ 100 h → 2, … up to `cap`.
fn decades(hours: Option<Hours>, cap: u16) -> u16 {
    let Some(h) = hours else { return cap };
    let minutes = h.minutes();
    let mut bound = 60u64;
    let mut n = 0;
    while minutes > bound && n < cap {
        bound *= 10;
        n += 1;
    }
    n
}

/// Unavailability: 1.0 for at most an hour, +0.25 per decade of hours up to
/// +0.75; a backup that is outdated adds 0.75, none 1.25; where the data are
/// needed for care (health care, patients) the duration counts twice, because
/// hours matter there (EDPB 01/2021 case 03; EDPB 9/2022 Annex B, hospital records
/// unavailable for 30 hours). Our scores, named in every verdict.
pub(crate) fn unavailability_quarters(hours: Option<Hours>, backup: Backup, care: bool) -> u16 {
    let backup_q = match backup {
        Backup::Current => 0,
        Backup::Outdated => 3,
        Backup::None => 5,
    };
    let d = decades(hours, 3);
    4 + d + backup_q + if care { d } else { 0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(x: f64) -> Option<Hours> {
        Some(Hours::new(x).unwrap())
    }

    #[test]
    fn decades_grade_without_a_day_cliff() {
        assert_eq!(duration_quarters(h(0.25)), 0);
        assert_eq!(duration_quarters(h(1.0)), 0);
        assert_eq!(duration_quarters(h(1.5)), 1);
        assert_eq!(duration_quarters(h(20.0)), 2);
        assert_eq!(duration_quarters(h(30.0)), 2);
        assert_eq!(duration_quarters(h(101.0)), 3);
        assert_eq!(duration_quarters(h(40_000.0)), 4);
        assert_eq!(duration_quarters(None), 4);
    }

    #[test]
    fn an_outage_restored_from_backup_after_20_or_30_hours_scores_the_same() {
        let a = unavailability_quarters(h(20.0), Backup::Current, false);
        let b = unavailability_quarters(h(30.0), Backup::Current, false);
        assert_eq!((a, b), (6, 6));
        assert_eq!(unavailability_quarters(h(0.2), Backup::Current, false), 4);
        assert_eq!(unavailability_quarters(h(120.0), Backup::None, false), 12);
        assert_eq!(unavailability_quarters(h(48.0), Backup::Current, true), 8);
        assert_eq!(unavailability_quarters(h(0.5), Backup::Current, true), 4);
    }

    #[test]
    fn evidence_orders_the_reading_of_a_no() {
        assert!(
            evidence_quarters(Evidence::LogsComplete) < evidence_quarters(Evidence::LogsPartial)
        );
        assert!(evidence_quarters(Evidence::LogsPartial) < evidence_quarters(Evidence::None));
        assert_eq!(evidence_quarters(Evidence::None), 12);
    }
}
