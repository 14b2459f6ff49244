//! The risk engine: ENISA 2013 severity as the quantitative spine, the EDPB
//! 9/2022 risk factors, Recital 85 harms, and the unknowns that decided it.

mod context;
mod enisa;
pub(crate) mod exposure;
mod factors;
mod harm;
pub(crate) mod unknowns;

use serde::{Deserialize, Serialize};

pub use context::SectorContext;
pub(crate) use enisa::CircumstancesOfBreach;
pub use enisa::{Severity, SeverityBand};
pub use harm::Harm;

use crate::facts::{BreachFacts, closed_set};
use crate::reason::RiskFinding;
use enisa::EnisaScore;
use exposure::Exposure;
use unknowns::{Reader, Unknown};

/// More affected people than this raise a disclosure to at least a risk
/// (ENISA 2013, 3.3: the flag "more than 100 individuals").
pub const MANY_PEOPLE: u64 = 100;

/// From this number of affected people on, a disclosure of at least medium
/// severity is a high risk (EDPB 9/2022 factor "number of affected
/// individuals"; EDPB 01/2021 case 11). The GDPR sets no number: this is our
/// design choice, stated in every verdict it decides.
pub const LARGE_SCALE: u64 = 10_000;

closed_set!(
    /// The risk to the rights and freedoms of natural persons.
    RiskLevel {
        /// Unlikely to result in a risk (no notification, Art. 33(1)).
        Unlikely = "unlikely",
        /// A risk: notify the supervisory authority (Art. 33(1)).
        Risk = "risk",
        /// A high risk: also inform the data subjects (Art. 34(1)).
        High = "high",
    }
);

/// The result of one pass of the risk engine.
#[derive(Clone, Debug)]
pub(crate) struct Assessment {
    pub risk: RiskLevel,
    pub score: EnisaScore,
    pub exposure: Exposure,
    pub people: u64,
    pub findings: Vec<RiskFinding>,
    pub unknowns: Vec<Unknown>,
}

/// Assesses the facts, reading the unknowns in `optimistic` at their best
/// plausible value and all others at their worst.
pub(crate) fn assess(
    facts: &BreachFacts,
    optimistic: &[Unknown],
    ignore_encryption: bool,
) -> Assessment {
    let mut r = Reader::new(facts, optimistic, ignore_encryption);
    let mut findings = Vec::new();
    let exposure = Exposure::read(&mut r, &mut findings);
    let context = SectorContext::of(facts.controller.sector.as_deref());
    let score = enisa::score(&mut r, &exposure, context, &mut findings);
    let people = r.subject_count();
    if people > MANY_PEOPLE {
        findings.push(RiskFinding::FlagMoreThan100 { people });
    }
    let risk = factors::risk_level(facts, score, &exposure, people, &mut findings);
    findings.push(RiskFinding::Conclusion { risk });
    Assessment {
        risk,
        score,
        exposure,
        people,
        findings,
        unknowns: r.used,
    }
}

/// Likely harms: the caller's `likely_consequences`, or derived (Recital 85).
pub(crate) fn harms(facts: &BreachFacts, exposure: &Exposure) -> (Vec<Harm>, bool) {
    if facts.likely_consequences.is_empty() {
        let secrecy = SectorContext::professional_secrecy(facts.controller.sector.as_deref());
        (harm::derive(facts, exposure, secrecy), true)
    } else {
        (facts.likely_consequences.clone(), false)
    }
}

impl Assessment {
    pub(crate) fn severity(&self) -> Severity {
        let mut flags = Vec::new();
        if self.people > MANY_PEOPLE {
            flags.push("more_than_100_individuals".to_string());
        }
        if self.exposure.confidentiality == Some(exposure::ConfidentialityExposure::Neutralised) {
            flags.push("data_unintelligible".to_string());
        }
        Severity::from_score(self.score, flags)
    }
}
