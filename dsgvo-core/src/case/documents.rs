//! A case produces its documents from its own log: the notification of the
//! next phase (a supplement lists what changed since the facts of the last
//! notification and carries the authority's reference), and the full set.

use chrono::{DateTime, Utc};

use super::{Action, Case, Event};
use crate::document::{
    self, Document, DocumentError, Notification, NotificationRequest, Phase, Templates,
};
use crate::facts::BreachFacts;

/// Why a case cannot produce documents yet.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CaseDocumentError {
    /// The case has not been assessed.
    #[error("the case has not been assessed yet: assess it first")]
    NotAssessed,
    /// The document itself could not be produced.
    #[error(transparent)]
    Document(#[from] DocumentError),
}

impl Case {
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
    /// one, a supplement after it. `now` is when it is made.
    pub fn notification(
        &self,
        now: DateTime<Utc>,
        delay_reasons: Option<&str>,
    ) -> Result<Notification, CaseDocumentError> {
        let verdict = self.verdict().ok_or(CaseDocumentError::NotAssessed)?;
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
            self.facts(),
            verdict,
            &request,
            previous.as_ref(),
        )?)
    }

    /// Every document for the case as it stands (see [`document::bundle`]).
    pub fn documents(
        &self,
        templates: &Templates,
        now: DateTime<Utc>,
        delay_reasons: Option<&str>,
    ) -> Result<Vec<Document>, CaseDocumentError> {
        let verdict = self.verdict().ok_or(CaseDocumentError::NotAssessed)?;
        Ok(document::bundle(
            self.facts(),
            verdict,
            templates,
            now,
            delay_reasons,
        )?)
    }
}
