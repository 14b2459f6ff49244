//! The severity axis: how bad the consequences would be for the people if
//! they materialise (EDPB 9/2022 section IV.B: nature, sensitivity and
//! volume of the data, ease of identification, severity of consequences,
//! special characteristics of the individuals and of the controller, number
//! of affected individuals). Scores in quarters (4 = 1.0), capped at 4.0.

use super::Harm;

/// The highest severity score, in quarters (4.0).
pub(crate) const MAX_QUARTERS: u16 = 16;

/// The number of people as a graded factor: +0.25 per power of ten above
/// one hundred, at most +1.25 (101–1,000: +0.25; up to 10,000: +0.5; up to
/// 100,000: +0.75; up to a million: +1.0; more: +1.25). Our choice: the GDPR
/// and the EDPB name the number as a factor (Recital 75 "a large number of
/// data subjects"; EDPB 9/2022 IV.B), never a threshold, so no number
/// decides alone.
///
/// ```
/// # use dsgvo_core::risk::people_quarters;
/// assert_eq!(people_quarters(100), 0);
/// assert_eq!(people_quarters(101), 1);
/// assert_eq!(people_quarters(10_000), 2);
/// assert_eq!(people_quarters(12_000_000), 5);
/// ```
pub fn people_quarters(people: u64) -> u16 {
    let mut bound = 100u64;
    let mut q = 0;
    while people > bound && q < 5 {
        bound = bound.saturating_mul(10);
        q += 1;
    }
    q
}

/// The least severity a likely harm means, in quarters. Our mapping of the
/// consequences EDPB 9/2022 IV.B names ("threat to life, impact on financial
/// situation, impact on reputation, psychological harm") and of Recital 85:
/// physical harm is maximum; identity theft, fraud, financial loss,
/// discrimination and the loss of professional secrecy are significant;
/// reputational damage, other economic or social disadvantage and the
/// reversal of pseudonymisation are limited; loss of control and limitation
/// of rights alone set no floor (every breach has them).
pub fn harm_floor(h: Harm) -> u16 {
    match h {
        Harm::PhysicalHarm => 16,
        Harm::IdentityTheft
        | Harm::Fraud
        | Harm::FinancialLoss
        | Harm::Discrimination
        | Harm::LossOfProfessionalSecrecy => 12,
        Harm::ReputationalDamage
        | Harm::EconomicOrSocialDisadvantage
        | Harm::UnauthorisedReversalOfPseudonymisation => 8,
        Harm::LossOfControl | Harm::LimitationOfRights => 0,
    }
}

/// A severity score and what set it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct SeverityScore {
    /// What the data alone would mean (ENISA DPC × EI for disclosure and
    /// alteration; for unavailability 2.0, or 4.0 where the data are needed
    /// for care).
    pub base: u16,
    /// The number of people.
    pub people: u16,
    /// The harm that raised the score, if one did.
    pub floor: Option<Harm>,
    /// The result, capped at 4.0.
    pub quarters: u16,
}

/// Combines base, people and harms.
pub(crate) fn score(base: u16, people: u64, harms: &[Harm]) -> SeverityScore {
    let people = people_quarters(people);
    let sum = (base + people).min(MAX_QUARTERS);
    let top = harms.iter().copied().max_by_key(|h| harm_floor(*h));
    let (quarters, floor) = match top {
        Some(h) if harm_floor(h) > sum => (harm_floor(h), Some(h)),
        _ => (sum, None),
    };
    SeverityScore {
        base,
        people,
        floor,
        quarters,
    }
}

/// The base severity of unavailability, in quarters: 2.0 — people cannot
/// be served or exercise their rights for a while (EDPB 9/2022: delays in
/// deliveries, "a significant impact on customers") — or 4.0 where the data
/// are needed for care (EDPB 01/2021 case 03). Our scores.
pub(crate) fn unavailability_base(care: bool) -> u16 {
    if care { 16 } else { 8 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn harms_raise_but_never_lower() {
        let s = score(4, 1, &[Harm::PhysicalHarm]);
        assert_eq!((s.quarters, s.floor), (16, Some(Harm::PhysicalHarm)));
        let s = score(14, 1, &[Harm::ReputationalDamage]);
        assert_eq!((s.quarters, s.floor), (14, None));
        assert_eq!(score(16, 12_000_000, &[]).quarters, 16);
        assert_eq!(score(8, 12_000_000, &[]).quarters, 13);
    }

    #[test]
    fn every_harm_has_its_floor() {
        let floors: Vec<u16> = Harm::ALL.iter().map(|h| harm_floor(*h)).collect();
        assert_eq!(floors, vec![0, 0, 12, 12, 12, 12, 8, 8, 12, 8, 16]);
    }
}
