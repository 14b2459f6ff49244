//! What happens to a case: the actions callers take, and the entries the
//! log keeps (an action plus what the library computed, such as the decision
//! of an assessment).

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::decision::Decision;
use crate::document::Phase;
use crate::facts::{BreachFacts, Timestamp};
use crate::options::AssessmentOptions;
use crate::verdict::Art34Exemption;

/// An Art. 34(4) decision of the supervisory authority.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum AuthorityOrder {
    /// The authority requires the controller to inform the data subjects.
    RequireCommunication,
    /// The authority decides that an Art. 34(3) condition is met.
    ConfirmExemption {
        /// The exemption.
        exemption: Art34Exemption,
    },
}

/// What a caller does with a case.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Action {
    /// Assess the facts (Art. 33/34) with these options.
    Assess {
        /// Policy, deadline rule, language.
        #[serde(default)]
        options: AssessmentOptions,
    },
    /// New facts: the case is assessed again; `aware_at` must stay the same.
    UpdateFacts {
        /// The facts as known now.
        facts: Box<BreachFacts>,
    },
    /// The supervisory authority was notified (Art. 33(1), (4)).
    NotifyAuthority {
        /// Initial, supplement or final.
        phase: Phase,
        /// The authority's reference (required for supplements).
        #[serde(default)]
        authority_reference: Option<String>,
        /// Why after 72 hours (required then).
        #[serde(default)]
        delay_reasons: Option<String>,
    },
    /// The breach is documented only, not notified (Art. 33(5)).
    DocumentOnly,
    /// The data subjects were informed (Art. 34(1)).
    InformSubjects {
        /// How many people were informed.
        people: u64,
    },
    /// Informing the data subjects is not required (Art. 34(3)).
    ExemptSubjects {
        /// The exemption relied on.
        exemption: Art34Exemption,
    },
    /// A public communication was made instead (Art. 34(3)(c)).
    CommunicatePublicly,
    /// The authority decided under Art. 34(4).
    RecordAuthorityOrder {
        /// The decision.
        order: AuthorityOrder,
    },
    /// The controller overrides the computed decision; `reason` is the
    /// written justification and is required.
    OverrideDecision {
        /// Notify the authority?
        notify_authority: bool,
        /// Inform the data subjects?
        notify_data_subjects: bool,
    },
    /// A processor informed one of its controllers (Art. 33(2)).
    InformController {
        /// The controller's name.
        controller: String,
    },
    /// The investigation showed that no personal data breach occurred.
    MarkNotABreach,
    /// The case is closed.
    Close,
}

impl Action {
    /// The action's name as in JSON (`notify_authority`).
    pub fn name(&self) -> &'static str {
        match self {
            Action::Assess { .. } => "assess",
            Action::UpdateFacts { .. } => "update_facts",
            Action::NotifyAuthority { .. } => "notify_authority",
            Action::DocumentOnly => "document_only",
            Action::InformSubjects { .. } => "inform_subjects",
            Action::ExemptSubjects { .. } => "exempt_subjects",
            Action::CommunicatePublicly => "communicate_publicly",
            Action::RecordAuthorityOrder { .. } => "record_authority_order",
            Action::OverrideDecision { .. } => "override_decision",
            Action::InformController { .. } => "inform_controller",
            Action::MarkNotABreach => "mark_not_a_breach",
            Action::Close => "close",
        }
    }
}

/// An action with who took it, when, and why.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Command {
    /// When (the caller's clock).
    pub at: Timestamp,
    /// Who.
    pub actor: String,
    /// Why (required for overrides).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// What.
    pub action: Action,
}

/// How long after awareness a command may be dated: ten years (our
/// plausibility bound; a mistyped year such as 2062 would otherwise lock the
/// case, every later real command being back-dated against it).
const LATEST_AFTER_AWARENESS_DAYS: i64 = 3_653;

impl Command {
    /// Refuses what no real command says: a date more than ten years after
    /// awareness, or data subjects informed with nobody informed (an Art. 34
    /// communication to no one does not discharge the duty).
    pub(crate) fn check_plausible(&self, aware_at: Timestamp) -> Result<(), super::CaseError> {
        let latest = aware_at.to_utc() + chrono::Duration::days(LATEST_AFTER_AWARENESS_DAYS);
        if self.at.to_utc() > latest {
            return Err(super::CaseError::InvalidCommand {
                field: "at",
                problem: format!(
                    "{} is more than ten years after awareness ({aware_at}): a mistyped year?",
                    self.at
                ),
            });
        }
        if let Action::InformSubjects { people: 0 } = self.action {
            return Err(super::CaseError::InvalidCommand {
                field: "action.people",
                problem: "must be at least 1: informing nobody does not discharge the Art. 34 duty"
                    .into(),
            });
        }
        Ok(())
    }
}

/// What the log records: the opening facts, or an action with what the
/// library computed for it (the decision of an assessment is kept as it was
/// made; its explanation is re-derived, see [`Decision`]). Facts and
/// decisions are shared with the replayed state, not copied.
///
/// Read without buffering when `event` is the first key, as written here;
/// any other key order is read too.
#[derive(Clone, Debug, PartialEq, Serialize, schemars::JsonSchema)]
#[serde(tag = "event", rename_all = "snake_case", deny_unknown_fields)]
pub enum Event {
    /// The case was opened with the facts known at detection.
    Detected {
        /// The facts.
        facts: Arc<BreachFacts>,
    },
    /// The facts were assessed.
    Assessed {
        /// The options used.
        options: AssessmentOptions,
        /// The decision as made then.
        decision: Arc<Decision>,
    },
    /// New facts were assessed again.
    FactsUpdated {
        /// The new facts.
        facts: Arc<BreachFacts>,
        /// The decision as made then.
        decision: Arc<Decision>,
    },
    /// Any other action, as taken.
    Action {
        /// The action.
        action: Action,
    },
}
