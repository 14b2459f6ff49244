//! What the log keeps of an assessment: the decision as it was made, not its
//! wording.
//!
//! A verdict is mostly explanation (reason texts in one language, the
//! authority's address, the disclaimer): about 4 KB of JSON. The
//! explanation is a pure function of the facts and options, which the log
//! keeps anyway, so it is re-derived on demand ([`super::Case::verdict`]).
//! The decision itself — risk, duties, deadline, exemptions, severity and the
//! codes of the reasons behind it — is recorded with the engine that made
//! it, so a later library version that would decide differently cannot
//! rewrite what was decided then ([`Decision::matches`] tells).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::ReasonCode;
use crate::RiskLevel;
use crate::risk::Severity;
use crate::verdict::{Art34Exemption, Verdict};

/// The library that made a decision (`dsgvo-core 0.1.0`).
pub const ENGINE: &str = concat!("dsgvo-core ", env!("CARGO_PKG_VERSION"));

/// The decision of one assessment, as recorded in the case log.
///
/// ```
/// use dsgvo_core::case::Decision;
/// use dsgvo_core::{AssessmentOptions, BreachFacts, triage};
///
/// let facts = BreachFacts::from_json(r#"{
///   "schema": "dsgvo.breach-facts/1",
///   "role": "controller",
///   "controller": { "name": "Beispiel Shop GmbH", "country": "DE", "region": "DE-BY", "established_in_eu": true },
///   "aware_at": "2026-11-20T09:15:00+01:00",
///   "types": ["confidentiality"],
///   "cause": "hacking",
///   "malicious": true,
///   "data_categories": ["identity", "contact", "payment_card"],
///   "data_subjects": { "count": 2500, "categories": ["customers"], "vulnerable": false },
///   "confidentiality": { "recipients": "unknown", "exfiltrated": "yes" }
/// }"#).unwrap();
/// let verdict = triage(&facts, &AssessmentOptions::default());
/// let decision = Decision::of(&verdict);
/// assert!(decision.matches(&verdict));
/// assert!(decision.notify_authority && decision.notify_data_subjects);
/// assert_eq!(decision.reasons.len(), verdict.reasons.len());
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// The risk to the rights and freedoms of natural persons.
    pub risk: RiskLevel,
    /// Art. 33(1).
    pub notify_authority: bool,
    /// Art. 34(1).
    pub notify_data_subjects: bool,
    /// Art. 34(3)(c).
    pub public_communication: bool,
    /// Art. 33(2), for processors.
    pub inform_controller: bool,
    /// The Art. 33(1) deadline (RFC 3339, UTC), when the authority must be notified.
    pub authority_deadline: Option<DateTime<Utc>>,
    /// ENISA 2013 severity.
    pub severity: Severity,
    /// Art. 34(3) exemptions that applied.
    pub exemptions: Vec<Art34Exemption>,
    /// The codes of the reasons, in order (the texts are re-derived).
    pub reasons: Vec<ReasonCode>,
    /// Unknown facts that decided the outcome.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub open_questions: Vec<String>,
    /// The library that decided ([`ENGINE`]).
    pub engine: String,
}

impl Decision {
    /// The decision a verdict states, made by this library.
    pub fn of(verdict: &Verdict) -> Decision {
        Decision {
            risk: verdict.risk,
            notify_authority: verdict.notify_authority,
            notify_data_subjects: verdict.notify_data_subjects,
            public_communication: verdict.public_communication,
            inform_controller: verdict.inform_controller,
            authority_deadline: verdict.authority_deadline,
            severity: verdict.severity.clone(),
            exemptions: verdict.exemptions.clone(),
            reasons: verdict.reasons.iter().map(|r| r.code.clone()).collect(),
            open_questions: verdict.open_questions.clone(),
            engine: ENGINE.to_string(),
        }
    }

    /// Whether `verdict` states this decision (everything but the engine).
    pub fn matches(&self, verdict: &Verdict) -> bool {
        let now = Decision::of(verdict);
        Decision {
            engine: self.engine.clone(),
            ..now
        } == *self
    }
}
