//! Likelihood × severity → risk: the matrix of the method.
//!
//! Our design, modelled on the four-by-four matrices German supervisory
//! authorities use (DSK Kurzpapier Nr. 18; cell layout ours, NOT VERIFIED
//! against the paper) and on EDPB Guidelines 9/2022 section IV.B ("the
//! higher the potential severity, the greater the significance of even a
//! slight risk"): a negligible likelihood never makes a risk — the data was
//! unintelligible, contained or never reached anyone (EDPB 01/2021 cases 01,
//! 09, 10, 13; ICO breach examples, case study 2) — and a maximum
//! likelihood always does (EDPB 9/2022, exfiltration of data that identifies
//! people is to be notified).
//!
//! ```text
//!                    likelihood →  negligible  limited  significant  maximum
//! severity maximum                 unlikely    high     high         high
//!          significant             unlikely    risk     high         high
//!          limited                 unlikely    risk     risk         risk
//!          negligible              unlikely    unlikely unlikely     risk
//! ```

use super::{Level, RiskLevel};

use RiskLevel::{High as H, Risk as R, Unlikely as U};

/// `MATRIX[severity][likelihood]`, both from negligible (0) to maximum (3).
pub const MATRIX: [[RiskLevel; 4]; 4] = [[U, U, U, R], [U, R, R, R], [U, R, H, H], [U, H, H, H]];

/// The risk of one cell.
///
/// ```
/// use dsgvo_core::risk::{Level, RiskLevel, combine};
/// assert_eq!(combine(Level::Limited, Level::Significant), RiskLevel::Risk);
/// assert_eq!(combine(Level::Maximum, Level::Negligible), RiskLevel::Risk);
/// assert_eq!(combine(Level::Negligible, Level::Maximum), RiskLevel::Unlikely);
/// ```
pub fn combine(likelihood: Level, severity: Level) -> RiskLevel {
    MATRIX[severity.index()][likelihood.index()]
}
