//! The rules of the case lifecycle, applied by replaying the log: the state
//! is never stored, always derived from the entries.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::decision::Decision;
use super::event::{Action, AuthorityOrder, Event};
use crate::document::Phase;
use crate::facts::{BreachFacts, Timestamp, closed_set};
use crate::options::AssessmentOptions;
use crate::verdict::Art34Exemption;

closed_set!(
    /// Where a case stands.
    CaseState {
        /// Opened; not yet assessed.
        Detected = "detected",
        /// Assessed; the decision is pending.
        Assessed = "assessed",
        /// The supervisory authority was notified.
        AuthorityNotified = "authority_notified",
        /// Documented only (Art. 33(5)): no notification required.
        DocumentedOnly = "documented_only",
        /// The data subjects were informed.
        SubjectsInformed = "subjects_informed",
        /// Informing the data subjects is not required (Art. 34(3)).
        SubjectsExempt = "subjects_exempt",
        /// A public communication was made (Art. 34(3)(c)).
        PublicCommunication = "public_communication",
        /// Closed.
        Closed = "closed",
        /// The investigation showed no personal data breach.
        NotABreach = "not_a_breach",
    }
);

impl CaseState {
    /// Closed or not a breach: nothing more can happen.
    pub fn is_final(self) -> bool {
        matches!(self, CaseState::Closed | CaseState::NotABreach)
    }
}

/// The case as the log says it is after the last entry.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Replay {
    pub state: CaseState,
    pub facts: Arc<BreachFacts>,
    pub options: AssessmentOptions,
    pub decision: Option<Arc<Decision>>,
    pub overridden: Option<(bool, bool)>,
    pub order_requires_communication: bool,
    pub confirmed_exemption: Option<Art34Exemption>,
    pub notified_at: Option<Timestamp>,
    pub authority_reference: Option<String>,
    pub subjects_done: bool,
    pub exempt: bool,
    pub controllers_informed: Vec<String>,
    pub last_at: Timestamp,
}

impl Replay {
    pub(crate) fn open(facts: Arc<BreachFacts>, at: Timestamp) -> Self {
        Replay {
            state: CaseState::Detected,
            facts,
            options: AssessmentOptions::default(),
            decision: None,
            overridden: None,
            order_requires_communication: false,
            confirmed_exemption: None,
            notified_at: None,
            authority_reference: None,
            subjects_done: false,
            exempt: false,
            controllers_informed: Vec::new(),
            last_at: at,
        }
    }

    /// Must the authority be notified (the computed decision or its override)?
    pub(crate) fn must_notify_authority(&self) -> bool {
        match (self.overridden, &self.decision) {
            (Some((authority, _)), _) => authority,
            (None, Some(v)) => v.notify_authority,
            (None, None) => false,
        }
    }

    /// Must the data subjects be informed?
    pub(crate) fn must_inform_subjects(&self) -> bool {
        self.order_requires_communication
            || match (self.overridden, &self.decision) {
                (Some((_, subjects)), _) => subjects,
                (None, Some(v)) => v.notify_data_subjects || v.public_communication,
                (None, None) => false,
            }
    }

    fn refuse(&self, action: &Action, why: impl Into<String>) -> Refusal {
        Refusal {
            state: self.state,
            action: action.name(),
            why: why.into(),
        }
    }

    /// Applies one logged event, or says why the rules forbid it.
    pub(crate) fn step(
        &mut self,
        event: &Event,
        at: Timestamp,
        reason: Option<&str>,
    ) -> Result<(), Refusal> {
        use CaseState::*;
        if self.state.is_final() {
            let name = match event {
                Event::Action { action } => action.name(),
                Event::Assessed { .. } => "assess",
                Event::FactsUpdated { .. } => "update_facts",
                Event::Detected { .. } => "detected",
            };
            return Err(Refusal {
                state: self.state,
                action: name,
                why: "the case is final".into(),
            });
        }
        match event {
            Event::Detected { .. } => {
                return Err(Refusal {
                    state: self.state,
                    action: "detected",
                    why: "a case is opened only once".into(),
                });
            }
            Event::Assessed { options, decision } => {
                if self.state != Detected {
                    let action = Action::Assess { options: *options };
                    return Err(self.refuse(
                        &action,
                        "already assessed: new facts go through update_facts",
                    ));
                }
                self.options = *options;
                self.decision = Some(Arc::clone(decision));
                self.state = Assessed;
            }
            Event::FactsUpdated { facts, decision } => {
                if facts.aware_at != self.facts.aware_at {
                    let action = Action::UpdateFacts {
                        facts: Box::new((**facts).clone()),
                    };
                    return Err(self.refuse(
                        &action,
                        format!("aware_at is fixed once set ({})", self.facts.aware_at),
                    ));
                }
                self.facts = Arc::clone(facts);
                if self.state != Detected {
                    // An override justified the decision on the facts it
                    // saw; new facts end it, and a new override needs a new
                    // justification (our rule: the old one did not weigh
                    // them).
                    self.overridden = None;
                    self.decision = Some(Arc::clone(decision));
                    self.reopen();
                }
            }
            Event::Action { action } => self.act(action, at, reason)?,
        }
        self.last_at = at;
        Ok(())
    }

    /// After new facts or an authority order: duties that became due re-open.
    fn reopen(&mut self) {
        use CaseState::*;
        if self.state == DocumentedOnly
            && self.must_notify_authority()
            && self.notified_at.is_none()
        {
            self.state = Assessed;
        }
        if self.state == SubjectsExempt && self.must_inform_subjects() && !self.exempt_still_valid()
        {
            self.exempt = false;
            self.state = if self.notified_at.is_some() {
                AuthorityNotified
            } else {
                Assessed
            };
        }
    }

    /// Does Art. 34(3)(c) apply: the assessment found that informing each
    /// person involves disproportionate effort, or the authority confirmed it?
    fn public_communication_applies(&self) -> bool {
        self.confirmed_exemption == Some(Art34Exemption::C)
            || self.decision.as_ref().is_some_and(|v| {
                v.public_communication || v.exemptions.contains(&Art34Exemption::C)
            })
    }

    fn exempt_still_valid(&self) -> bool {
        !self.order_requires_communication
            && (self.confirmed_exemption.is_some()
                || self
                    .decision
                    .as_ref()
                    .is_some_and(|v| !v.exemptions.is_empty()))
    }

    fn act(&mut self, action: &Action, at: Timestamp, reason: Option<&str>) -> Result<(), Refusal> {
        use CaseState::*;
        let state = self.state;
        let allowed = |states: &[CaseState]| states.contains(&state);
        match action {
            Action::Assess { .. } | Action::UpdateFacts { .. } => {
                return Err(self.refuse(action, "logged as assessed or facts_updated events"));
            }
            Action::NotifyAuthority {
                phase,
                authority_reference,
                delay_reasons,
            } => {
                if state == Detected {
                    return Err(self.refuse(action, "assess the breach first"));
                }
                match phase {
                    Phase::Supplement => {
                        if self.notified_at.is_none() {
                            return Err(
                                self.refuse(action, "a supplement follows an initial notification")
                            );
                        }
                        if authority_reference
                            .as_deref()
                            .map(str::trim)
                            .unwrap_or("")
                            .is_empty()
                            && self.authority_reference.is_none()
                        {
                            return Err(self
                                .refuse(action, "a supplement carries the authority's reference"));
                        }
                    }
                    Phase::Initial if self.notified_at.is_some() => {
                        return Err(self.refuse(
                            action,
                            "the authority was already notified: send a supplement or the final notification",
                        ));
                    }
                    Phase::Initial | Phase::Final => {
                        if self.notified_at.is_none() {
                            let due = self.deadline();
                            let blank = delay_reasons
                                .as_deref()
                                .map(str::trim)
                                .unwrap_or("")
                                .is_empty();
                            if at.to_utc() > due && blank {
                                return Err(self.refuse(
                                    action,
                                    format!("notified after the deadline {due}: Art. 33(1) sentence 2 requires delay_reasons"),
                                ));
                            }
                            self.notified_at = Some(at);
                            if state != SubjectsInformed {
                                self.state = AuthorityNotified;
                            }
                        }
                    }
                }
                if let Some(r) = authority_reference
                    .as_deref()
                    .map(str::trim)
                    .filter(|r| !r.is_empty())
                {
                    self.authority_reference = Some(r.to_string());
                }
            }
            Action::DocumentOnly => {
                if state != Assessed {
                    return Err(self.refuse(action, "only an assessed case is documented only"));
                }
                if self.must_notify_authority() {
                    return Err(self.refuse(
                        action,
                        "the assessment requires notifying the authority; override the decision with a written justification first",
                    ));
                }
                self.state = DocumentedOnly;
            }
            Action::InformSubjects { .. } => {
                if !allowed(&[Assessed, AuthorityNotified, DocumentedOnly, SubjectsExempt]) {
                    return Err(self.refuse(action, "assess the breach first"));
                }
                self.subjects_done = true;
                self.state = SubjectsInformed;
            }
            Action::ExemptSubjects { exemption } => {
                if !allowed(&[AuthorityNotified, DocumentedOnly]) {
                    return Err(self.refuse(action, "decide on the authority notification first"));
                }
                if self.order_requires_communication {
                    return Err(self.refuse(
                        action,
                        "the authority required the communication (Art. 34(4))",
                    ));
                }
                let computed = self
                    .decision
                    .as_ref()
                    .is_some_and(|v| v.exemptions.contains(exemption));
                let confirmed = self.confirmed_exemption == Some(*exemption);
                let not_required = !self.must_inform_subjects();
                if !(computed || confirmed || not_required) {
                    return Err(self.refuse(
                        action,
                        format!("{exemption} does not apply to this assessment"),
                    ));
                }
                if *exemption == Art34Exemption::C {
                    return Err(self.refuse(
                        action,
                        "art34_3_c requires a public communication: use communicate_publicly",
                    ));
                }
                self.exempt = true;
                self.state = SubjectsExempt;
            }
            Action::CommunicatePublicly => {
                if !allowed(&[AuthorityNotified, DocumentedOnly, SubjectsExempt]) {
                    return Err(self.refuse(action, "decide on the authority notification first"));
                }
                if !self.public_communication_applies() {
                    return Err(self.refuse(
                        action,
                        "art34_3_c does not apply: a public communication replaces informing each person only where that involves disproportionate effort (Art. 34(3)(c)); use inform_subjects",
                    ));
                }
                self.subjects_done = true;
                self.state = PublicCommunication;
            }
            Action::RecordAuthorityOrder { order } => {
                if self.notified_at.is_none() {
                    return Err(self.refuse(action, "the authority decides on a notified breach"));
                }
                match order {
                    AuthorityOrder::RequireCommunication => {
                        self.order_requires_communication = true
                    }
                    AuthorityOrder::ConfirmExemption { exemption } => {
                        self.confirmed_exemption = Some(*exemption)
                    }
                }
                self.reopen();
            }
            Action::OverrideDecision {
                notify_authority,
                notify_data_subjects,
            } => {
                if !allowed(&[Assessed, AuthorityNotified, DocumentedOnly]) {
                    return Err(
                        self.refuse(action, "only an assessed, open decision can be overridden")
                    );
                }
                if reason.map(str::trim).unwrap_or("").len() < 10 {
                    return Err(self.refuse(
                        action,
                        "an override needs a written justification in `reason`",
                    ));
                }
                self.overridden = Some((*notify_authority, *notify_data_subjects));
                self.reopen();
            }
            Action::InformController { controller } => {
                if self.facts.role != crate::facts::Role::Processor {
                    return Err(
                        self.refuse(action, "only a processor informs a controller (Art. 33(2))")
                    );
                }
                if state == Detected {
                    return Err(self.refuse(action, "assess the breach first"));
                }
                if controller.trim().is_empty() {
                    return Err(self.refuse(action, "name the controller"));
                }
                self.controllers_informed
                    .push(controller.trim().to_string());
            }
            Action::MarkNotABreach => self.state = NotABreach,
            Action::Close => {
                let processor_done = self.facts.role == crate::facts::Role::Processor
                    && state == Assessed
                    && !self.controllers_informed.is_empty();
                if !processor_done
                    && !allowed(&[
                        AuthorityNotified,
                        DocumentedOnly,
                        SubjectsInformed,
                        SubjectsExempt,
                        PublicCommunication,
                    ])
                {
                    return Err(self.refuse(action, "decide on the authority notification first"));
                }
                if self.must_notify_authority() && self.notified_at.is_none() {
                    return Err(self.refuse(action, "the authority has not been notified"));
                }
                if self.must_inform_subjects() && !self.subjects_done && !self.exempt {
                    return Err(self.refuse(action, "the data subjects have not been informed"));
                }
                self.state = Closed;
            }
        }
        Ok(())
    }

    /// The Art. 33(1) deadline of the case (fixed by the awareness time).
    pub(crate) fn deadline(&self) -> chrono::DateTime<chrono::Utc> {
        crate::clock::authority_deadline(self.facts.aware_at, self.options.deadline_rule)
    }
}

/// Why the rules refused an action.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Refusal {
    /// The state the case was in.
    pub state: CaseState,
    /// The refused action.
    pub action: &'static str,
    /// Why.
    pub why: String,
}
