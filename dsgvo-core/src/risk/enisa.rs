//! ENISA 2013 severity: SE = DPC × EI + CB, the quantitative spine of the
//! assessment (ENISA, "Recommendations for a methodology of the assessment of
//! severity of personal data breaches", v1.0, December 2013).
//!
//! All arithmetic is exact: EI and CB are counted in quarters, so band edges
//! (2, 3, 4) are compared without floating point.

use serde::{Deserialize, Serialize};

use super::exposure::{AvailabilityLoss, Exposure};
use super::unknowns::Reader;
use super::{EnisaFinding, RiskFinding};
use crate::facts::{
    ControllerContext, DataCategory, EnisaClass, Identifiability, PasswordHashing, Recipients,
    closed_set,
};

closed_set!(
    /// ENISA 2013 severity levels (section 3.2, table "Severity of a data breach").
    SeverityBand {
        /// SE < 2: no effect or minor inconveniences easily overcome.
        Low = "low",
        /// 2 <= SE < 3: significant inconveniences overcome with a few difficulties.
        Medium = "medium",
        /// 3 <= SE < 4: significant consequences overcome only with serious difficulties.
        High = "high",
        /// SE >= 4: significant or irreversible consequences.
        VeryHigh = "very_high",
    }
);

impl SeverityBand {
    /// The band of a score given in quarters (SE × 4).
    pub fn from_quarters(score_quarters: u16) -> SeverityBand {
        match score_quarters {
            0..8 => SeverityBand::Low,
            8..12 => SeverityBand::Medium,
            12..16 => SeverityBand::High,
            _ => SeverityBand::VeryHigh,
        }
    }
}

/// The four CB elements (ENISA 2013, 3.1.3 and Annex 3), in quarters.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct CircumstancesOfBreach {
    pub confidentiality: u8,
    pub integrity: u8,
    pub availability: u8,
    pub malicious: u8,
}

impl CircumstancesOfBreach {
    pub(crate) fn total(self) -> u8 {
        self.confidentiality + self.integrity + self.availability + self.malicious
    }
}

/// A computed ENISA severity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct EnisaScore {
    pub dpc: u8,
    pub ei: Identifiability,
    pub cb: CircumstancesOfBreach,
}

impl EnisaScore {
    pub(crate) fn score_quarters(self) -> u16 {
        u16::from(self.dpc) * u16::from(self.ei.quarters()) + u16::from(self.cb.total())
    }
    pub(crate) fn band(self) -> SeverityBand {
        SeverityBand::from_quarters(self.score_quarters())
    }
}

/// Scores the facts and records each step as a finding.
pub(crate) fn score(
    r: &mut Reader<'_>,
    exposure: &Exposure,
    findings: &mut Vec<RiskFinding>,
) -> EnisaScore {
    let dpc = data_processing_context(r, exposure, findings);
    let (ei, basis) = r.identifiability();
    findings.push(RiskFinding::Enisa(EnisaFinding::EaseOfIdentification {
        level: ei,
        basis,
    }));
    let cb = circumstances(r, exposure);
    findings.push(RiskFinding::Enisa(EnisaFinding::Circumstances {
        cb,
        recipients: r.facts.confidentiality.map(|c| c.recipients),
    }));
    let score = EnisaScore { dpc, ei, cb };
    findings.push(RiskFinding::Enisa(EnisaFinding::Severity {
        dpc,
        ei,
        cb: cb.total(),
        score: score.score_quarters(),
        band: score.band(),
    }));
    score
}

/// The DPC score of one category before context (ENISA 2013, Annex 1, Table 1).
fn category_score(c: DataCategory) -> u8 {
    match c {
        // "full financial data (e.g. credit card) enabling fraud": financial + 1
        DataCategory::PaymentCard => 4,
        // "some financial information but no significant insight, e.g. bare account numbers": financial - 1
        DataCategory::BankAccount | DataCategory::Invoice => 2,
        other => other.enisa_class().base_score(),
    }
}

fn data_processing_context(
    r: &mut Reader<'_>,
    exposure: &Exposure,
    findings: &mut Vec<RiskFinding>,
) -> u8 {
    let facts = r.facts;
    let hashed = exposure.passwords_unintelligible;
    if hashed && facts.data_categories.contains(&DataCategory::Credentials) {
        findings.push(RiskFinding::Enisa(EnisaFinding::CredentialsHashed));
    }
    let scored = facts
        .data_categories
        .iter()
        .copied()
        .filter(|c| !(hashed && *c == DataCategory::Credentials))
        .max_by_key(|c| (category_score(*c), std::cmp::Reverse(*c)));
    let mut dpc = match scored {
        Some(c) => {
            let score = category_score(c);
            findings.push(RiskFinding::Enisa(EnisaFinding::DpcBase {
                category: c,
                class: c.enisa_class(),
                score,
            }));
            score
        }
        None => {
            findings.push(RiskFinding::Enisa(EnisaFinding::DpcOnlyHashedCredentials));
            EnisaClass::Simple.base_score()
        }
    };
    let top = facts
        .contexts()
        .iter()
        .copied()
        .max_by_key(|c| (c.dpc_floor(), std::cmp::Reverse(*c)));
    if let Some(context) = top.filter(|c| c.dpc_floor() > dpc) {
        findings.push(RiskFinding::Enisa(EnisaFinding::DpcControllerContext {
            context,
            from: dpc,
            to: context.dpc_floor(),
        }));
        dpc = context.dpc_floor();
    }
    let children = facts.has_context(ControllerContext::Children);
    if (children || r.vulnerable()) && dpc < 4 {
        let unknown = !children && facts.data_subjects.vulnerable().known().is_none();
        findings.push(RiskFinding::Enisa(EnisaFinding::DpcVulnerable {
            from: dpc,
            to: dpc + 1,
            unknown,
        }));
        dpc += 1;
    }
    dpc
}

fn circumstances(r: &mut Reader<'_>, exposure: &Exposure) -> CircumstancesOfBreach {
    let mut cb = CircumstancesOfBreach::default();
    if let Some(c) = r.facts.confidentiality {
        cb.confidentiality = match c.recipients {
            Recipients::None => 0,
            Recipients::Trusted | Recipients::Known => 1,
            Recipients::Public | Recipients::UnknownExtent | Recipients::Hostile => 2,
            Recipients::Unknown if r.exfiltrated(&c) => 2,
            Recipients::Unknown => 0,
        };
    }
    if r.facts.integrity.is_some() {
        cb.integrity = match (exposure.integrity_lost, exposure.hostile) {
            (true, _) => 2,
            (false, true) => 1,
            (false, false) => 0,
        };
    }
    cb.availability = match exposure.availability {
        AvailabilityLoss::NotAffected | AvailabilityLoss::Restored => 0,
        AvailabilityLoss::Temporary => 1,
        AvailabilityLoss::Permanent => 2,
    };
    if exposure.hostile {
        cb.malicious = 2;
    }
    cb
}

/// Whether stored passwords are state-of-the-art hashes (and so not usable).
pub(crate) fn passwords_unintelligible(r: &Reader<'_>) -> bool {
    r.facts.protection.and_then(|p| p.password_hashing) == Some(PasswordHashing::StateOfTheArt)
}

/// The severity block of the verdict (ENISA 2013).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Severity {
    /// Always `"ENISA-2013"`.
    pub method: String,
    /// Data processing context, 1–4.
    pub dpc: f64,
    /// Ease of identification, 0.25–1.
    pub ei: f64,
    /// Circumstances of the breach, 0–2.
    pub cb: f64,
    /// SE = DPC × EI + CB.
    pub score: f64,
    /// ENISA severity level.
    pub band: SeverityBand,
    /// ENISA 3.3 flags: `more_than_100_individuals`, `data_unintelligible`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub flags: Vec<String>,
}

impl Severity {
    /// The score in quarters (SE × 4), exact for every ENISA score.
    pub fn score_quarters(&self) -> u16 {
        (self.score * 4.0).round() as u16
    }

    pub(crate) fn from_score(s: EnisaScore, flags: Vec<String>) -> Self {
        let q = |n: u16| f64::from(n) / 4.0;
        Severity {
            method: "ENISA-2013".into(),
            dpc: f64::from(s.dpc),
            ei: q(u16::from(s.ei.quarters())),
            cb: q(u16::from(s.cb.total())),
            score: q(s.score_quarters()),
            band: s.band(),
            flags,
        }
    }
}
