//! Which authorities are competent and why, as data, with stable codes.

use crate::finding::FindingCode;

/// Which supervisory authorities are competent, and why.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum AuthorityFinding {
    Telecom,
    Land { name: String },
    National { name: String },
    NotInEea { country: String },
    Lead,
    EveryResidence,
    GermanLandUnknown,
}

impl AuthorityFinding {
    /// The stable code of the finding.
    pub(crate) fn code(&self) -> FindingCode {
        use FindingCode as C;
        match self {
            AuthorityFinding::Telecom => C::AuthorityBfdiTelecom,
            AuthorityFinding::Land { .. } => C::AuthorityLand,
            AuthorityFinding::National { .. } => C::AuthorityNational,
            AuthorityFinding::NotInEea { .. } => C::AuthorityUnknownCountry,
            AuthorityFinding::Lead => C::AuthorityLead,
            AuthorityFinding::EveryResidence => C::AuthorityEveryResidence,
            AuthorityFinding::GermanLandUnknown => C::AuthorityGermanLandUnknown,
        }
    }
}
