//! A checklist item and its lifecycle: `planned → implemented → verified`,
//! `deficient` when a breach shows the measure failed or was missing (it
//! re-opens the item), `not_applicable` only with a reason. `review_due` is
//! never stored: it is derived from the last review, the interval and the
//! caller's `today`.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::TomError;
use super::area::ControlArea;
use super::baseline::ShopMeasure;
use super::breach::BreachLink;
use crate::facts::closed_set;

/// The id of a checklist item, chosen by the caller (`tls`, `2.3`).
#[derive(
    Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(transparent)]
pub struct ItemId(pub String);

impl std::fmt::Display for ItemId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// One technical or organisational measure of a checklist.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TomItem {
    /// Unique within the checklist.
    pub id: ItemId,
    /// The measure as written in the TOM document.
    pub statement: String,
    /// Where it sits in the document; left out when an import could not
    /// place it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<ControlArea>,
    /// The baseline measure it implements, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<ShopMeasure>,
    /// Who is responsible.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// Where it stands.
    pub state: ItemState,
    /// How it got there, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<ItemEvent>,
}

/// The stored state of an item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(tag = "status", rename_all = "snake_case", deny_unknown_fields)]
pub enum ItemState {
    /// Decided, not yet in place.
    Planned,
    /// In place, not yet verified.
    Implemented {
        /// Since when, where known (an imported document rarely says).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        since: Option<NaiveDate>,
    },
    /// In place and checked to work.
    Verified {
        /// The last review.
        on: NaiveDate,
        /// Who reviewed.
        by: String,
        /// What shows it works (a test report, a screenshot, a ticket).
        evidence: String,
    },
    /// A breach showed that the measure failed or was missing.
    Deficient {
        /// Since when.
        since: NaiveDate,
        /// The breach.
        breach: BreachLink,
        /// What failed.
        finding: String,
    },
    /// The measure does not apply to this processing.
    NotApplicable {
        /// Why (required).
        reason: String,
    },
}

closed_set!(
    /// The name of a state, for errors and the history.
    StateName {
        /// [`ItemState::Planned`].
        Planned = "planned",
        /// [`ItemState::Implemented`].
        Implemented = "implemented",
        /// [`ItemState::Verified`].
        Verified = "verified",
        /// [`ItemState::Deficient`].
        Deficient = "deficient",
        /// [`ItemState::NotApplicable`].
        NotApplicable = "not_applicable",
    }
);

impl ItemState {
    /// The state's name.
    pub fn name(&self) -> StateName {
        match self {
            ItemState::Planned => StateName::Planned,
            ItemState::Implemented { .. } => StateName::Implemented,
            ItemState::Verified { .. } => StateName::Verified,
            ItemState::Deficient { .. } => StateName::Deficient,
            ItemState::NotApplicable { .. } => StateName::NotApplicable,
        }
    }

    /// Whether the measure is in place (implemented or verified).
    pub fn in_place(&self) -> bool {
        matches!(
            self,
            ItemState::Implemented { .. } | ItemState::Verified { .. }
        )
    }
}

/// What a caller does with an item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(tag = "action", rename_all = "snake_case", deny_unknown_fields)]
pub enum ItemAction {
    /// Plan the measure (again).
    Plan,
    /// The measure is in place; an owner is required (given here or already set).
    Implement {
        /// Who is responsible, if it changes.
        #[serde(default)]
        owner: Option<String>,
    },
    /// The measure was checked and works.
    Verify {
        /// What shows it.
        evidence: String,
    },
    /// A breach showed the measure failed or was missing.
    MarkDeficient {
        /// The breach.
        breach: BreachLink,
        /// What failed.
        finding: String,
    },
    /// The measure does not apply.
    MarkNotApplicable {
        /// Why.
        reason: String,
    },
    /// Names who is responsible; allowed in every state.
    AssignOwner {
        /// Who.
        owner: String,
    },
}

impl ItemAction {
    /// Reads an action (`{"action": "verify", "evidence": "..."}`); errors
    /// name the field.
    pub fn from_json(text: &str) -> Result<ItemAction, crate::InputError> {
        crate::parse::from_json_object("TOM item action", text)
    }

    /// The action's name as in JSON.
    pub fn name(&self) -> &'static str {
        match self {
            ItemAction::Plan => "plan",
            ItemAction::Implement { .. } => "implement",
            ItemAction::Verify { .. } => "verify",
            ItemAction::MarkDeficient { .. } => "mark_deficient",
            ItemAction::MarkNotApplicable { .. } => "mark_not_applicable",
            ItemAction::AssignOwner { .. } => "assign_owner",
        }
    }
}

/// One step of an item's history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ItemEvent {
    /// When (the caller's date).
    pub on: NaiveDate,
    /// Who.
    pub actor: String,
    /// The state before.
    pub from: StateName,
    /// The state after.
    pub to: StateName,
    /// The evidence, finding or reason given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Where an item stands on a given day: the stored state, or `review_due`
/// when the review interval has run out.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum ItemStatus {
    /// Decided, not in place.
    Planned,
    /// In place, review not yet due.
    Implemented {
        /// When the review falls due.
        review_due: NaiveDate,
    },
    /// Verified, review not yet due.
    Verified {
        /// When the review falls due.
        review_due: NaiveDate,
    },
    /// The review fell due (on `due`, or no date is on record).
    ReviewDue {
        /// The day the review fell due; `None` when no date is on record.
        due: Option<NaiveDate>,
        /// Days since `due` (0 on the day itself).
        days_overdue: Option<i64>,
    },
    /// A breach showed the measure failed.
    Deficient,
    /// Does not apply.
    NotApplicable,
}

/// The day a review falls due: `last + months`, on the same day of the
/// month or, where that month is shorter, on its last day (31 August + 6
/// months = 28 or 29 February).
///
/// ```
/// use chrono::NaiveDate;
/// use dsgvo_core::tom::review_due;
/// let d = |s: &str| s.parse::<NaiveDate>().unwrap();
/// assert_eq!(review_due(d("2026-08-31"), 6), d("2027-02-28"));
/// assert_eq!(review_due(d("2027-08-31"), 6), d("2028-02-29"));
/// assert_eq!(review_due(d("2024-02-29"), 12), d("2025-02-28"));
/// ```
pub fn review_due(last: NaiveDate, months: u32) -> NaiveDate {
    last.checked_add_months(Months::new(months))
        .unwrap_or(NaiveDate::MAX)
}

impl TomItem {
    /// A planned item.
    pub fn planned(id: &str, statement: &str, area: Option<ControlArea>) -> TomItem {
        TomItem {
            id: ItemId(id.to_string()),
            statement: statement.to_string(),
            area,
            measure: ShopMeasure::recognise(statement, area),
            owner: None,
            state: ItemState::Planned,
            history: Vec::new(),
        }
    }

    /// Where the item stands on `today` with reviews every `months`.
    pub fn status(&self, today: NaiveDate, months: u32) -> ItemStatus {
        let last = match &self.state {
            ItemState::Planned => return ItemStatus::Planned,
            ItemState::Deficient { .. } => return ItemStatus::Deficient,
            ItemState::NotApplicable { .. } => return ItemStatus::NotApplicable,
            ItemState::Implemented { since } => *since,
            ItemState::Verified { on, .. } => Some(*on),
        };
        let Some(last) = last else {
            return ItemStatus::ReviewDue {
                due: None,
                days_overdue: None,
            };
        };
        let due = review_due(last, months);
        if today >= due {
            ItemStatus::ReviewDue {
                due: Some(due),
                days_overdue: Some((today - due).num_days()),
            }
        } else if matches!(self.state, ItemState::Verified { .. }) {
            ItemStatus::Verified { review_due: due }
        } else {
            ItemStatus::Implemented { review_due: due }
        }
    }

    /// Applies `action` on `on` by `actor`; on error nothing changes.
    pub(crate) fn apply(
        &mut self,
        action: ItemAction,
        on: NaiveDate,
        actor: &str,
    ) -> Result<(), TomError> {
        let refuse = |why: &str| TomError::Refused {
            item: self.id.clone(),
            state: self.state.name(),
            action: action.name(),
            why: why.to_string(),
        };
        let invalid = |field: &'static str, problem: &str| TomError::InvalidAction {
            item: self.id.clone(),
            field,
            problem: problem.to_string(),
        };
        if actor.trim().is_empty() {
            return Err(invalid("actor", "must name who acts"));
        }
        let from = self.state.name();
        let mut owner = self.owner.clone();
        let (next, note) = match (&self.state, &action) {
            (state, ItemAction::AssignOwner { owner: given }) => {
                if given.trim().is_empty() {
                    return Err(invalid("owner", "must not be blank"));
                }
                owner = Some(given.clone());
                (state.clone(), Some(given.clone()))
            }
            (ItemState::Planned, ItemAction::Plan) => {
                return Err(refuse("the measure is already planned"));
            }
            (_, ItemAction::Plan) => (ItemState::Planned, None),
            (
                ItemState::Planned | ItemState::Deficient { .. },
                ItemAction::Implement { owner: given },
            ) => {
                if let Some(given) = given {
                    if given.trim().is_empty() {
                        return Err(invalid("owner", "must not be blank"));
                    }
                    owner = Some(given.clone());
                }
                if owner.is_none() {
                    return Err(invalid(
                        "owner",
                        "a measure in place needs a responsible party (Art. 5(2) GDPR)",
                    ));
                }
                (ItemState::Implemented { since: Some(on) }, None)
            }
            (_, ItemAction::Implement { .. }) => {
                return Err(refuse(
                    "only a planned or deficient measure can be implemented",
                ));
            }
            (
                ItemState::Implemented { .. } | ItemState::Verified { .. },
                ItemAction::Verify { evidence },
            ) => {
                if evidence.trim().is_empty() {
                    return Err(invalid(
                        "evidence",
                        "a verification needs evidence (a test report, a ticket, a screenshot)",
                    ));
                }
                let earlier = match &self.state {
                    ItemState::Implemented { since } => *since,
                    ItemState::Verified { on, .. } => Some(*on),
                    _ => None,
                };
                if earlier.is_some_and(|e| on < e) {
                    return Err(invalid(
                        "on",
                        "a verification cannot predate the implementation or the last review",
                    ));
                }
                (
                    ItemState::Verified {
                        on,
                        by: actor.to_string(),
                        evidence: evidence.clone(),
                    },
                    Some(evidence.clone()),
                )
            }
            (_, ItemAction::Verify { .. }) => {
                return Err(refuse("only a measure in place can be verified"));
            }
            (_, ItemAction::MarkDeficient { breach, finding }) => {
                if finding.trim().is_empty() {
                    return Err(invalid("finding", "must say what failed"));
                }
                breach.check().map_err(|p| invalid("breach", &p))?;
                (
                    ItemState::Deficient {
                        since: on,
                        breach: breach.clone(),
                        finding: finding.clone(),
                    },
                    Some(finding.clone()),
                )
            }
            (ItemState::Deficient { .. }, ItemAction::MarkNotApplicable { .. }) => {
                return Err(refuse(
                    "a breach showed the measure was needed; remedy it or plan it",
                ));
            }
            (_, ItemAction::MarkNotApplicable { reason }) => {
                if reason.trim().is_empty() {
                    return Err(invalid(
                        "reason",
                        "not applicable requires a reason (Art. 5(2) GDPR)",
                    ));
                }
                (
                    ItemState::NotApplicable {
                        reason: reason.clone(),
                    },
                    Some(reason.clone()),
                )
            }
        };
        self.history.push(ItemEvent {
            on,
            actor: actor.to_string(),
            from,
            to: next.name(),
            note,
        });
        self.owner = owner;
        self.state = next;
        Ok(())
    }

    /// The checks a stored item must pass.
    pub(crate) fn check(&self) -> Result<(), (&'static str, String)> {
        if self.id.0.trim().is_empty() {
            return Err(("id", "must not be blank".into()));
        }
        if self.statement.trim().is_empty() {
            return Err(("statement", "must not be blank".into()));
        }
        if self.owner.as_deref().is_some_and(|o| o.trim().is_empty()) {
            return Err((
                "owner",
                "must not be blank; leave it out when unknown".into(),
            ));
        }
        match &self.state {
            ItemState::NotApplicable { reason } if reason.trim().is_empty() => {
                Err(("state.reason", "not applicable requires a reason".into()))
            }
            ItemState::Verified { by, evidence, .. }
                if by.trim().is_empty() || evidence.trim().is_empty() =>
            {
                Err((
                    "state",
                    "a verification names who verified and the evidence".into(),
                ))
            }
            ItemState::Deficient {
                breach, finding, ..
            } => {
                if finding.trim().is_empty() {
                    return Err(("state.finding", "must say what failed".into()));
                }
                breach.check().map_err(|p| ("state.breach", p))
            }
            _ => Ok(()),
        }
    }
}
