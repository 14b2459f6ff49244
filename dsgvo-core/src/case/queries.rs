//! Questions about a case at a moment the caller passes in: what is still
//! due, by when, whether it is overdue, and what to do next.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::{Case, CaseState};
use crate::verdict::DutyKind;

/// A duty that is still open.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OpenDuty {
    /// The duty.
    pub duty: DutyKind,
    /// When it is due (UTC); `None`: without undue delay, no fixed limit.
    pub due: Option<DateTime<Utc>>,
    /// Seconds left until `due` (negative when overdue).
    pub remaining_seconds: Option<i64>,
    /// Whether `due` has passed.
    pub overdue: bool,
}

/// Where a case stands at a moment: what every door reports for it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CaseStatus {
    /// The case id.
    pub id: super::CaseId,
    /// The state derived from the log.
    pub state: CaseState,
    /// The latest decision, as recorded.
    pub decision: Option<super::Decision>,
    /// The explained verdict for it, re-derived.
    pub verdict: Option<crate::Verdict>,
    /// The duties still open at the moment.
    pub open_duties: Vec<OpenDuty>,
    /// Whether a notification now must give reasons for the delay.
    pub delay_justification_needed: bool,
    /// The next recommended step.
    pub next_step: NextStep,
}

/// The next recommended step.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "step", rename_all = "snake_case")]
pub enum NextStep {
    /// Assess the breach (the 72 hours run from awareness already).
    Assess {
        /// The Art. 33(1) deadline that runs regardless.
        due: DateTime<Utc>,
    },
    /// Notify the supervisory authority.
    NotifyAuthority {
        /// The deadline.
        due: DateTime<Utc>,
        /// Whether it has passed (then give the reasons for the delay).
        overdue: bool,
    },
    /// Decide: notify the authority or document only.
    Decide,
    /// Inform the data subjects.
    InformSubjects,
    /// Processor: inform the controller(s) (Art. 33(2)).
    InformController,
    /// Make the public communication.
    CommunicatePublicly,
    /// Nothing is due: close the case.
    Close,
    /// The case is final.
    Nothing,
}

impl Case {
    /// The duties still open at `now`.
    ///
    /// ```
    /// # use dsgvo_core::{BreachFacts, Timestamp, case::*};
    /// # let facts = BreachFacts::from_json(r#"{"schema":"dsgvo.breach-facts/1","role":"controller",
    /// #   "controller":{"name":"Shop","country":"DE","region":"DE-BY","established_in_eu":true},
    /// #   "aware_at":"2026-11-20T09:15:00+01:00","types":["confidentiality"],"cause":"hacking",
    /// #   "data_categories":["identity","payment_card"],"data_subjects":{"count":500},
    /// #   "confidentiality":{"recipients":"unknown","exfiltrated":"yes"}}"#).unwrap();
    /// let at = Timestamp::parse("2026-11-20T10:00:00+01:00").unwrap();
    /// let case = Tracked::open(CaseId("2026-017".into()), facts, at, "dsb")?
    ///     .assess(Default::default(), at, "dsb")?;
    /// let now = Timestamp::parse("2026-11-22T09:15:00+01:00").unwrap().to_utc();
    /// let duties = case.case().open_duties(now);
    /// assert_eq!(duties[0].remaining_seconds, Some(24 * 3600));
    /// # Ok::<(), CaseError>(())
    /// ```
    pub fn open_duties(&self, now: DateTime<Utc>) -> Vec<OpenDuty> {
        let r = &self.replay;
        if r.state.is_final() || r.state == CaseState::Detected {
            return Vec::new();
        }
        let mut out = Vec::new();
        let informs = r.decision.as_ref().is_some_and(|v| v.inform_controller);
        if informs && r.controllers_informed.is_empty() {
            out.push(OpenDuty {
                duty: DutyKind::InformController,
                due: None,
                remaining_seconds: None,
                overdue: false,
            });
        }
        if r.must_notify_authority() && r.notified_at.is_none() {
            let due = r.deadline();
            out.push(OpenDuty {
                duty: DutyKind::NotifyAuthority,
                due: Some(due),
                remaining_seconds: Some((due - now).num_seconds()),
                overdue: now > due,
            });
        }
        if r.must_inform_subjects() && !r.subjects_done && !r.exempt {
            let public = r.overridden.is_none()
                && !r.order_requires_communication
                && r.decision.as_ref().is_some_and(|v| v.public_communication);
            let duty = if public {
                DutyKind::PublicCommunication
            } else {
                DutyKind::NotifyDataSubjects
            };
            out.push(OpenDuty {
                duty,
                due: None,
                remaining_seconds: None,
                overdue: false,
            });
        }
        out
    }

    /// Whether a notification made at `now` must give reasons for the delay
    /// (Art. 33(1) sentence 2).
    pub fn delay_justification_needed(&self, now: DateTime<Utc>) -> bool {
        self.open_duties(now)
            .iter()
            .any(|d| d.duty == DutyKind::NotifyAuthority && d.overdue)
    }

    /// Everything above at `now`, in one value.
    pub fn status(&self, now: DateTime<Utc>) -> CaseStatus {
        CaseStatus {
            id: self.id().clone(),
            state: self.state(),
            decision: self.decision().cloned(),
            verdict: self.verdict(),
            open_duties: self.open_duties(now),
            delay_justification_needed: self.delay_justification_needed(now),
            next_step: self.next_step(now),
        }
    }

    /// The next recommended step at `now`.
    pub fn next_step(&self, now: DateTime<Utc>) -> NextStep {
        let r = &self.replay;
        if r.state.is_final() {
            return NextStep::Nothing;
        }
        if r.state == CaseState::Detected {
            return NextStep::Assess { due: r.deadline() };
        }
        if let Some(d) = self.open_duties(now).into_iter().next() {
            return match d.duty {
                DutyKind::NotifyAuthority => NextStep::NotifyAuthority {
                    due: d.due.unwrap_or_else(|| r.deadline()),
                    overdue: d.overdue,
                },
                DutyKind::PublicCommunication => NextStep::CommunicatePublicly,
                DutyKind::InformController => NextStep::InformController,
                _ => NextStep::InformSubjects,
            };
        }
        let processor = r.facts.role == crate::facts::Role::Processor;
        if r.state == CaseState::Assessed && !processor {
            NextStep::Decide
        } else {
            NextStep::Close
        }
    }
}
