//! A case produces its documents from its own log: the notification of the
//! next phase (a supplement lists what changed since the facts of the last
//! notification and carries the authority's reference), and the full set.

use crate::document::DocumentError;
#[cfg(feature = "documents")]
use {
    super::{Action, Case, Event},
    crate::AssessedBreach,
    crate::document::{self, Document, Notification, NotificationRequest, Phase, Templates},
    crate::facts::BreachFacts,
    chrono::{DateTime, Utc},
};

/// Why a case cannot produce documents yet.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CaseDocumentError {
    /// The case has not been assessed.
    #[error("the case has not been assessed yet: assess it first")]
    NotAssessed,
    /// This library would decide differently from the decision recorded in
    /// the log (made by an earlier version): documents would contradict the
    /// record. Assess again with `update_facts`, or produce the documents
    /// with the version that decided.
    #[error(
        "the recorded decision was made by {engine}; this library ({}) decides differently: update the facts to record a new assessment",
        super::ENGINE
    )]
    DecisionChanged {
        /// The library that made the recorded decision.
        engine: String,
    },
    /// The document itself could not be produced.
    #[error(transparent)]
    Document(#[from] DocumentError),
}

#[cfg(feature = "documents")]
impl Case {
    /// The breach as assessed, for documents: its verdict must state the
    /// recorded decision.
    fn documented(&self) -> Result<AssessedBreach, CaseDocumentError> {
        let (Some(decision), Some(breach)) = (self.decision(), self.assessed()) else {
            return Err(CaseDocumentError::NotAssessed);
        };
        if !decision.matches(breach.verdict()) {
            return Err(CaseDocumentError::DecisionChanged {
                engine: decision.engine.clone(),
            });
        }
        Ok(breach)
    }

    /// The facts as they were when the authority was last notified.
    fn facts_at_last_notification(&self) -> Option<BreachFacts> {
        let mut facts: Option<&BreachFacts> = None;
        let mut at_notification = None;
        for e in &self.entries {
            match &e.event {
                Event::Detected { facts: f } | Event::FactsUpdated { facts: f, .. } => {
                    facts = Some(f)
                }
                Event::Action {
                    action: Action::NotifyAuthority { .. },
                } => at_notification = facts.cloned(),
                _ => {}
            }
        }
        at_notification
    }

    /// The notification to make now: initial (or final) before the first
    /// one, a supplement after it. `now` is when it is made; the sentences
    /// come from `templates`' catalogue.
    pub fn notification(
        &self,
        templates: &Templates,
        now: DateTime<Utc>,
        delay_reasons: Option<&str>,
    ) -> Result<Notification, CaseDocumentError> {
        let breach = self.documented()?;
        let previous = self.facts_at_last_notification();
        let phase = if previous.is_some() {
            Phase::Supplement
        } else {
            Phase::Initial
        };
        let request = NotificationRequest {
            now,
            phase,
            authority_reference: self.authority_reference().map(str::to_string),
            delay_reasons: delay_reasons.map(str::to_string),
        };
        Ok(Notification::new(
            &breach,
            &request,
            previous.as_ref(),
            templates.messages(),
        )?)
    }

    /// Every document for the case as it stands (see [`document::bundle`]).
    pub fn documents(
        &self,
        templates: &Templates,
        now: DateTime<Utc>,
        delay_reasons: Option<&str>,
    ) -> Result<Vec<Document>, CaseDocumentError> {
        let breach = self.documented()?;
        Ok(document::bundle(&breach, templates, now, delay_reasons)?)
    }
}
