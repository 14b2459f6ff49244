//! The Art. 33(3) notification to the supervisory authority, in phases
//! (Art. 33(4)), with the reasons for a delay when late (Art. 33(1) s. 2).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::completeness::{DocumentKind, completeness};
use super::messages::{MessageId, Messages};
use super::view::BreachView;
use super::{DocumentError, Phase, Templates, markdown_to_text};
use crate::AssessedBreach;
use crate::facts::BreachFacts;
use crate::label::{Label, local_time};
use crate::risk::RiskLevel;
use crate::verdict::{Art34Exemption, Verdict};

/// What the caller says about the notification it is about to make.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NotificationRequest {
    /// When the notification is made (the caller's clock; the core never reads one).
    pub now: DateTime<Utc>,
    /// The phase.
    pub phase: Phase,
    /// The authority's reference of the initial notification (required for supplements).
    #[serde(default)]
    pub authority_reference: Option<String>,
    /// Why the notification comes after 72 hours (required then).
    #[serde(default)]
    pub delay_reasons: Option<String>,
}

/// One changed fact in a supplement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Change {
    /// JSON path of the fact.
    pub field: String,
    /// The new value as JSON (`null` when removed).
    pub value: String,
}

/// The content of a notification, ready for templates and as JSON.
#[derive(Clone, Debug, Serialize)]
pub struct Notification {
    /// The phase.
    pub phase: Phase,
    /// The authority's reference, for supplements.
    pub authority_reference: Option<String>,
    /// When it is made, on the controller's clock.
    pub notified_at: String,
    /// Whether it is made after the deadline.
    pub late: bool,
    /// Reasons for the delay (present whenever `late` and not a supplement).
    pub delay_reasons: Option<String>,
    /// Points still being investigated (Art. 33(4)).
    pub pending: Vec<String>,
    /// For supplements: what changed since the previous facts.
    pub changes: Vec<Change>,
    /// Whether and why (not) the data subjects are informed.
    pub subjects_informed: String,
    /// The breach.
    pub breach: BreachView,
}

impl Notification {
    /// Builds the notification. A late notification without delay reasons is
    /// refused: it cannot be produced (Art. 33(1) sentence 2).
    ///
    /// For a supplement, pass the facts of the previous notification as
    /// `previous`; only what changed is listed. The sentences come from
    /// `messages` (usually [`Templates::messages`]).
    ///
    /// # Errors
    /// `now` before awareness, a late notification without delay reasons
    /// (only where the notification is due), a supplement without the
    /// authority's reference.
    pub fn new(
        breach: &AssessedBreach,
        request: &NotificationRequest,
        previous: Option<&BreachFacts>,
        messages: &Messages,
    ) -> Result<Self, DocumentError> {
        let (facts, verdict) = (breach.facts(), breach.verdict());
        let aware_at = facts.aware_at.to_utc();
        if request.now < aware_at {
            return Err(DocumentError::NowBeforeAwareness {
                now: request.now,
                aware_at,
            });
        }
        // Art. 33(1) sentence 2 binds a notification that is due: one made of
        // the controller's own accord (the breach is unlikely to result in a
        // risk) has no 72 hours to miss.
        let late = breach.late_at(request.now);
        let reasons = request
            .delay_reasons
            .as_ref()
            .map(|r| r.trim().to_string())
            .filter(|r| !r.is_empty());
        if late && reasons.is_none() && request.phase != Phase::Supplement {
            return Err(DocumentError::DelayReasonsRequired {
                deadline: breach.deadline(),
                now: request.now,
            });
        }
        let reference = request
            .authority_reference
            .as_ref()
            .map(|r| r.trim().to_string())
            .filter(|r| !r.is_empty());
        if request.phase == Phase::Supplement && reference.is_none() {
            return Err(DocumentError::SupplementWithoutReference);
        }
        let l = verdict.language;
        let pending = match request.phase {
            Phase::Final => Vec::new(),
            _ => completeness(breach, DocumentKind::Notification)
                .into_iter()
                .map(|m| m.sentence(messages, l))
                .collect(),
        };
        Ok(Notification {
            phase: request.phase,
            authority_reference: reference,
            notified_at: local_time(request.now, facts, l),
            late,
            delay_reasons: reasons,
            pending,
            changes: previous.map(|p| changes(p, facts)).unwrap_or_default(),
            subjects_informed: subjects_informed(verdict, messages),
            breach: BreachView::new(breach, messages),
        })
    }

    /// The same notification addressed to the `index`-th competent authority
    /// (Art. 3(2): one notification per authority).
    pub fn for_authority(mut self, index: usize) -> Self {
        self.breach = self.breach.for_authority(index);
        self
    }

    /// The notification as Markdown.
    pub fn markdown(&self, templates: &Templates) -> Result<String, DocumentError> {
        templates.render(&format!("{}/notification.md", self.breach.language), self)
    }

    /// The notification as plain text.
    pub fn text(&self, templates: &Templates) -> Result<String, DocumentError> {
        self.markdown(templates).map(|m| markdown_to_text(&m))
    }

    /// The notification as JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a notification always serialises")
    }
}

/// Whether and why (not) the data subjects are informed, in plain words.
pub(crate) fn subjects_informed(v: &Verdict, messages: &Messages) -> String {
    let l = v.language;
    let say = |id| messages.get(l, id).to_string();
    if v.inform_controller {
        return say(MessageId::SubjectsInformedProcessor);
    }
    if v.notify_data_subjects {
        return say(MessageId::SubjectsInformedYes);
    }
    if let Some(e) = v.exemptions.iter().find(|e| **e != Art34Exemption::C) {
        return messages.fill(
            l,
            MessageId::SubjectsInformedExempt,
            &[("exemption", e.label(l))],
        );
    }
    if v.public_communication {
        return say(MessageId::SubjectsInformedPublic);
    }
    if v.risk == RiskLevel::High {
        return say(MessageId::SubjectsInformedNo);
    }
    messages.fill(
        l,
        MessageId::SubjectsInformedNotHigh,
        &[("risk", v.risk.label(l))],
    )
}

/// The facts that differ between two versions, as JSON paths (one level
/// into objects) with their new values.
fn changes(previous: &BreachFacts, current: &BreachFacts) -> Vec<Change> {
    let old = serde_json::to_value(previous).expect("facts serialise");
    let new = serde_json::to_value(current).expect("facts serialise");
    let mut out = Vec::new();
    diff("", &old, &new, 0, &mut out);
    out
}

fn diff(
    path: &str,
    old: &serde_json::Value,
    new: &serde_json::Value,
    depth: usize,
    out: &mut Vec<Change>,
) {
    use serde_json::Value;
    match (old, new) {
        (Value::Object(a), Value::Object(b)) if depth < 2 => {
            let mut keys: Vec<&String> = a.keys().chain(b.keys()).collect();
            keys.sort();
            keys.dedup();
            for k in keys {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                diff(
                    &p,
                    a.get(k).unwrap_or(&Value::Null),
                    b.get(k).unwrap_or(&Value::Null),
                    depth + 1,
                    out,
                );
            }
        }
        (a, b) if a != b => out.push(Change {
            field: path.to_string(),
            value: b.to_string(),
        }),
        _ => {}
    }
}
