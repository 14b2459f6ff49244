//! Warnings: where the facts and the law disagree, or where time presses.
//! They change no duty; they tell the user what an authority would ask.

use chrono::{DateTime, Duration, Utc};

use crate::facts::{BreachFacts, Role};
use crate::finding::FindingCode;
use crate::risk::{Assessment, Harm, RiskLevel};

/// How far detection or a first outside report may precede the stated
/// awareness before we warn: 24 hours. Our choice: the law sets no such
/// number; the AP held Booking.com aware "at the latest" when customer
/// reports already told enough (AP, Booking.com, 10 December 2020).
pub const AWARENESS_SLACK_HOURS: i64 = 24;

/// The warnings for an assessed breach.
pub(crate) fn warnings(
    facts: &BreachFacts,
    a: &Assessment,
    exemption_b_refused: bool,
    deadline: impl Fn(DateTime<Utc>) -> DateTime<Utc>,
) -> Vec<WarningFinding> {
    let mut out = Vec::new();
    let aware = facts.aware_at.to_utc();
    let earliest = [
        facts.detected_at.map(|t| (t.to_utc(), false)),
        facts.first_external_report_at.map(|t| (t.to_utc(), true)),
    ]
    .into_iter()
    .flatten()
    .min_by_key(|(t, _)| *t);
    if let Some((at, external)) = earliest {
        if aware - at > Duration::hours(AWARENESS_SLACK_HOURS) {
            out.push(WarningFinding::AwarenessLate {
                at,
                external,
                deadline_from_then: deadline(at),
            });
        }
    }
    if exemption_b_refused {
        out.push(WarningFinding::Art34bWhilePublic);
    }
    let imminent = !facts.misuse_observed.is_empty()
        || a.harms.contains(&Harm::PhysicalHarm)
        || (a.exposure.public && facts.data_categories.iter().any(|c| c.is_special()));
    if a.risk == RiskLevel::High && imminent && facts.role == Role::Controller {
        out.push(WarningFinding::InformPeopleFirst);
    }
    if facts.role == Role::Processor && facts.controllers_informed.is_empty() {
        out.push(WarningFinding::InformControllerNow);
    }
    out
}

/// A disagreement between the facts and the law, or an urgency.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum WarningFinding {
    /// Detection or an outside report came more than a day before the stated awareness.
    AwarenessLate {
        at: DateTime<Utc>,
        external: bool,
        deadline_from_then: DateTime<Utc>,
    },
    /// Art. 34(3)(b) was claimed, but the data were published.
    Art34bWhilePublic,
    /// Harm is imminent: tell the people now, if need be before the authority.
    InformPeopleFirst,
    /// A processor has not yet recorded informing any controller.
    InformControllerNow,
}

impl WarningFinding {
    /// The stable code of the warning.
    pub(crate) fn code(&self) -> FindingCode {
        match self {
            WarningFinding::AwarenessLate { .. } => FindingCode::WarningAwarenessLate,
            WarningFinding::Art34bWhilePublic => FindingCode::WarningArt34bPublished,
            WarningFinding::InformPeopleFirst => FindingCode::WarningInformPeopleNow,
            WarningFinding::InformControllerNow => FindingCode::WarningInformController,
        }
    }
}
