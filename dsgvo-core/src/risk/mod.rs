//! The risk engine: likelihood × severity (EDPB 9/2022 section IV.B), one
//! scenario per breach type, combined in the matrix of [`combine`]. ENISA
//! 2013 severity stays a documented input (the data's DPC × EI feeds the
//! severity axis; the ENISA score is reported, never used as a threshold:
//! ENISA sets none, 2013 section 4.1.2).

mod enisa;
pub(crate) mod exposure;
mod finding;
mod harm;
mod level;
mod likelihood;
mod matrix;
mod severity;
pub(crate) mod unknowns;

use serde::{Deserialize, Serialize};

pub use crate::facts::Harm;
pub(crate) use enisa::CircumstancesOfBreach;
pub use enisa::{Severity, SeverityBand};
pub use level::Level;
pub(crate) use likelihood::{Likelihood, LikelihoodBasis};
pub use matrix::{MATRIX, combine};
pub(crate) use severity::SeverityScore;
pub use severity::{harm_floor, people_quarters};

use crate::facts::{BreachFacts, BreachType, closed_set};
use enisa::EnisaScore;
use exposure::Exposure;
pub(crate) use finding::{EnisaFinding, RiskFinding};
use unknowns::{Reader, Unknown};

/// More affected people than this set ENISA's flag (ENISA 2013, 3.3); the
/// flag is reported, it decides nothing.
pub const MANY_PEOPLE: u64 = 100;

/// The name of the method, written into every verdict.
pub const METHOD: &str = "dsgvo likelihood × severity matrix v2";

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

/// One breach type assessed on both axes (verdict `assessment.scenarios`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// The breach type.
    pub breach_type: BreachType,
    /// Likelihood level.
    pub likelihood: Level,
    /// Likelihood score, 1.0–4.0 in steps of 0.25.
    pub likelihood_score: f64,
    /// Severity level.
    pub severity: Level,
    /// Severity score, 1.0–4.0 in steps of 0.25.
    pub severity_score: f64,
    /// The cell of the matrix.
    pub risk: RiskLevel,
}

/// Both axes and how they combined (verdict `assessment`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RiskAssessment {
    /// The method ([`METHOD`]).
    pub method: String,
    /// Likelihood of the decisive scenario.
    pub likelihood: Level,
    /// Severity of the decisive scenario.
    pub severity: Level,
    /// Every breach type of the facts; the highest risk decides.
    pub scenarios: Vec<Scenario>,
}

/// The result of one pass of the risk engine.
#[derive(Clone, Debug)]
pub(crate) struct Assessment {
    pub risk: RiskLevel,
    pub score: EnisaScore,
    pub exposure: Exposure,
    pub people: u64,
    pub harms: Vec<Harm>,
    pub harms_derived: bool,
    pub scenarios: Vec<Scenario>,
    pub findings: Vec<RiskFinding>,
    pub unknowns: Vec<Unknown>,
}

fn to_score(q: u16) -> f64 {
    f64::from(q.clamp(4, 16)) / 4.0
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
    let score = enisa::score(&mut r, &exposure, &mut findings);
    let people = r.subject_count();
    if people > MANY_PEOPLE {
        findings.push(RiskFinding::Enisa(EnisaFinding::FlagMoreThan100 { people }));
    }
    let (harms, harms_derived) = if facts.likely_consequences.is_empty() {
        (harm::derive(facts, &exposure), true)
    } else {
        (facts.likely_consequences.clone(), false)
    };
    findings.push(RiskFinding::PeopleFactor {
        people,
        quarters: people_quarters(people),
    });

    let data_base = u16::from(score.dpc) * u16::from(score.ei.quarters());
    let axes = [
        (
            BreachType::Confidentiality,
            &exposure.confidentiality_likelihood,
            data_base,
        ),
        (
            BreachType::Integrity,
            &exposure.integrity_likelihood,
            data_base,
        ),
        (
            BreachType::Availability,
            &exposure.availability_likelihood,
            severity::unavailability_base(exposure.care),
        ),
    ];
    let mut scenarios = Vec::new();
    for (breach_type, likelihood, base) in axes {
        let Some(likelihood) = likelihood else {
            continue;
        };
        let severity = severity::score(base, people, &harms);
        let (l, s) = (
            Level::from_quarters(likelihood.quarters),
            Level::from_quarters(severity.quarters),
        );
        let mut risk = combine(l, s);
        let identifying =
            score.ei.quarters() >= crate::facts::Identifiability::Significant.quarters();
        // EDPB 9/2022: exfiltration is to be notified where the data would
        // enable individuals to be identified; data that does not stays unlikely.
        if risk == RiskLevel::Risk
            && s == Level::Negligible
            && !identifying
            && severity.floor.is_none()
        {
            risk = RiskLevel::Unlikely;
            findings.push(RiskFinding::NotIdentifying);
        }
        // Art. 9/10 data that reached a stranger: damage is to be considered
        // likely (EDPB 9/2022 para 102); a deletion does not bring the risk
        // below "risk" (only a trusted recipient bound to confidentiality does).
        if likelihood.basis == (LikelihoodBasis::Retrieved { special: true })
            && risk < RiskLevel::Risk
        {
            risk = RiskLevel::Risk;
            findings.push(RiskFinding::SpecialDataWithStranger);
        }
        findings.push(RiskFinding::Likelihood {
            breach_type,
            likelihood: likelihood.clone(),
        });
        findings.push(RiskFinding::Cell {
            breach_type,
            likelihood: likelihood.clone(),
            severity: severity.clone(),
            risk,
        });
        scenarios.push(Scenario {
            breach_type,
            likelihood: l,
            likelihood_score: to_score(likelihood.quarters),
            severity: s,
            severity_score: to_score(severity.quarters),
            risk,
        });
    }
    let risk = scenarios
        .iter()
        .map(|s| s.risk)
        .max()
        .unwrap_or(RiskLevel::Unlikely);
    findings.push(RiskFinding::Conclusion { risk });
    Assessment {
        risk,
        score,
        exposure,
        people,
        harms,
        harms_derived,
        scenarios,
        findings,
        unknowns: r.used,
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

    /// Both axes of the decisive scenario and every scenario.
    pub(crate) fn matrix(&self) -> RiskAssessment {
        let decisive = self
            .scenarios
            .iter()
            .max_by_key(|s| (s.risk, s.severity, s.likelihood));
        RiskAssessment {
            method: METHOD.to_string(),
            likelihood: decisive.map_or(Level::Negligible, |s| s.likelihood),
            severity: decisive.map_or(Level::Negligible, |s| s.severity),
            scenarios: self.scenarios.clone(),
        }
    }
}
