//! What the risk engine found, as data: each finding has a stable code
//! ([`FindingCode`]); the words are in `crate::explain`.

use super::unknowns::EiBasis;
use super::{CircumstancesOfBreach, Harm, Likelihood, RiskLevel, SeverityBand, SeverityScore};
use crate::facts::{
    BreachType, Cause, ControllerContext, DataCategory, EnisaClass, Identifiability, Recipients,
};
use crate::finding::FindingCode;

/// What the risk engine established: exposure, ENISA severity, EDPB factors, harms, unknowns.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum RiskFinding {
    AttackCause {
        cause: Cause,
    },
    Conclusion {
        risk: RiskLevel,
    },
    UnknownsAssumedWorst {
        paths: Vec<&'static str>,
    },
    Harms {
        harms: Vec<Harm>,
        derived: bool,
    },
    NotIdentifying,
    SpecialDataWithStranger,
    PeopleFactor {
        people: u64,
        quarters: u16,
    },
    Likelihood {
        breach_type: BreachType,
        likelihood: Likelihood,
    },
    Cell {
        breach_type: BreachType,
        likelihood: Likelihood,
        severity: SeverityScore,
        risk: RiskLevel,
    },
    /// A step of the ENISA 2013 score (a documented input).
    Enisa(EnisaFinding),
}

/// A step of the ENISA 2013 severity score.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum EnisaFinding {
    CredentialsHashed,
    DpcOnlyHashedCredentials,
    DpcBase {
        category: DataCategory,
        class: EnisaClass,
        score: u8,
    },
    DpcControllerContext {
        context: ControllerContext,
        from: u8,
        to: u8,
    },
    DpcVulnerable {
        from: u8,
        to: u8,
        unknown: bool,
    },
    EaseOfIdentification {
        level: Identifiability,
        basis: EiBasis,
    },
    Circumstances {
        cb: CircumstancesOfBreach,
        recipients: Option<Recipients>,
    },
    Severity {
        dpc: u8,
        ei: Identifiability,
        cb: u8,
        score: u16,
        band: SeverityBand,
    },
    FlagMoreThan100 {
        people: u64,
    },
}

impl RiskFinding {
    /// The stable code of the finding.
    pub(crate) fn code(&self) -> FindingCode {
        use FindingCode as C;
        match self {
            RiskFinding::AttackCause { .. } => C::MaliciousByCause,
            RiskFinding::Enisa(e) => e.code(),
            RiskFinding::Conclusion { risk } => match risk {
                RiskLevel::Unlikely => C::RiskUnlikely,
                RiskLevel::Risk => C::RiskPresent,
                RiskLevel::High => C::RiskHigh,
            },
            RiskFinding::UnknownsAssumedWorst { .. } => C::UnknownsAssumedWorst,
            RiskFinding::Harms { derived: true, .. } => C::HarmsDerived,
            RiskFinding::Harms { derived: false, .. } => C::HarmsGiven,
            RiskFinding::PeopleFactor { .. } => C::PeopleFactor,
            RiskFinding::Likelihood { likelihood, .. } => likelihood.basis.code(),
            RiskFinding::Cell { .. } => C::RiskMatrix,
            RiskFinding::NotIdentifying => C::DataNotIdentifying,
            RiskFinding::SpecialDataWithStranger => C::SpecialDataWithStranger,
        }
    }
}

impl EnisaFinding {
    /// The stable code of the step.
    pub(crate) fn code(&self) -> FindingCode {
        use FindingCode as C;
        match self {
            EnisaFinding::CredentialsHashed => C::CredentialsHashed,
            EnisaFinding::DpcOnlyHashedCredentials | EnisaFinding::DpcBase { .. } => {
                C::EnisaDpcBase
            }
            EnisaFinding::DpcControllerContext { .. } => C::EnisaDpcControllerContext,
            EnisaFinding::DpcVulnerable { .. } => C::EnisaDpcVulnerable,
            EnisaFinding::EaseOfIdentification { .. } => C::EnisaEi,
            EnisaFinding::Circumstances { .. } => C::EnisaCb,
            EnisaFinding::Severity { .. } => C::EnisaSeverity,
            EnisaFinding::FlagMoreThan100 { .. } => C::EnisaFlagMoreThan100,
        }
    }
}
