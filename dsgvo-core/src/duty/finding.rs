//! What the duty rules found, as data, with stable codes.

use chrono::{DateTime, FixedOffset, Utc};

use crate::finding::FindingCode;
use crate::options::{DeadlineRule, Policy};
use crate::risk::RiskLevel;

/// What the duty rules established: policy, exemptions, deadline, processor duty.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum DutyFinding {
    DocumentAlways,
    Processor,
    Policy {
        policy: Policy,
        risk: RiskLevel,
    },
    Deadline {
        rule: DeadlineRule,
        due: DateTime<Utc>,
        /// The deadline on the controller's clock, and its zone's abbreviation.
        local: DateTime<FixedOffset>,
        zone: String,
    },
    Art34a,
    Art34b,
    Art34c,
    Art34NoSubjects {
        risk: RiskLevel,
    },
}

impl DutyFinding {
    /// The stable code of the finding.
    pub(crate) fn code(&self) -> FindingCode {
        use FindingCode as C;
        match self {
            DutyFinding::DocumentAlways => C::DocumentAlways,
            DutyFinding::Processor => C::ProcessorInformController,
            DutyFinding::Policy { .. } => C::PolicyNotifyAlways,
            DutyFinding::Deadline {
                rule: DeadlineRule::Exact72h,
                ..
            } => C::DeadlineExact72h,
            DutyFinding::Deadline {
                rule: DeadlineRule::Regulation118271,
                ..
            } => C::DeadlineRegulation118271,
            DutyFinding::Art34a => C::Art34_3A,
            DutyFinding::Art34b => C::Art34_3B,
            DutyFinding::Art34c => C::Art34_3C,
            DutyFinding::Art34NoSubjects { .. } => C::NoSubjectCommunication,
        }
    }
}
