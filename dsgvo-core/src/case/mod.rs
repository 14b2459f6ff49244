//! The breach case: an append-only, hash-chained event log from which the
//! state is always derived (Art. 5(2), Art. 33(5): show what was known when
//! and what was decided).
//!
//! Two APIs over one model: the erased [`Case`] with [`Case::apply`] (for
//! JSON, C and Python) and the typestate [`Tracked`] (for Rust), where an
//! illegal transition does not compile.
//!
//! Storage: [`Case::to_json`] writes `dsgvo.case/2`; [`Case::from_json`]
//! verifies the chain and replays the rules, and reports the first broken
//! entry. Unknown fields are an error (nothing is silently dropped).

mod actor;
mod anchor;
mod chain;
mod decision;
mod documents;
mod event;
mod fanout;
mod queries;
mod read;
mod register;
mod rules;
mod typed;

use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

pub use actor::Actor;
pub use anchor::CaseAnchor;
pub use chain::{Digest, Entry, GENESIS};
pub use decision::{Decision, ENGINE};
pub use documents::CaseDocumentError;
pub use event::{Action, AuthorityOrder, Command, Event};
pub use fanout::{ControllerNotice, fan_out};
pub use queries::{CaseStatus, NextStep, OpenDuty};
pub use register::{Figures, Register, RegisterFormat, RegisterRow};
pub use rules::{CaseState, Refusal};
pub use typed::{Tracked, states};

use crate::AssessedBreach;
use crate::error::InputError;
use crate::facts::{BreachFacts, Timestamp, ValidFacts};
use crate::verdict::Verdict;
use rules::Replay;

/// The `schema` tag of a stored case as this library writes it: every
/// entry's hash covers the case id.
pub const CASE_SCHEMA: &str = "dsgvo.case/2";

/// The `schema` tag of a case stored before the hashes covered the case id;
/// such cases are still read, and written back as they were.
pub const CASE_SCHEMA_V1: &str = "dsgvo.case/1";

/// The two stored forms of a case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    /// `dsgvo.case/1`: the id is outside the hashes.
    V1,
    /// `dsgvo.case/2`: every hash covers the id.
    V2,
}

impl Format {
    fn schema(self) -> &'static str {
        match self {
            Format::V1 => CASE_SCHEMA_V1,
            Format::V2 => CASE_SCHEMA,
        }
    }

    /// The id a hash covers in this format.
    fn bound(self, id: &CaseId) -> Option<&CaseId> {
        (self == Format::V2).then_some(id)
    }
}

/// The largest stored case read (16 MiB: thousands of entries).
pub const MAX_CASE_BYTES: usize = 16 << 20;

/// How far an entry's `at` may lie before the previous entry's `at`
/// (clocks of different systems differ a little). Later entries are never
/// refused; earlier ones beyond this are back-dated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BackdatingTolerance(pub Duration);

impl Default for BackdatingTolerance {
    /// Five minutes.
    fn default() -> Self {
        BackdatingTolerance(Duration::minutes(5))
    }
}

/// Why a case operation failed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CaseError {
    /// The rules forbid the action in the current state.
    #[error("{} is not allowed in state {}: {}", .0.action, .0.state, .0.why)]
    Refused(Refusal),
    /// The action's `at` lies before the previous entry beyond the tolerance.
    #[error("at: {at} is before the previous entry ({previous}) by more than the tolerance")]
    Backdated {
        /// The refused time.
        at: Timestamp,
        /// The previous entry's time.
        previous: Timestamp,
    },
    /// A command is malformed (empty actor, invalid facts, ...).
    #[error("{field}: {problem}")]
    InvalidCommand {
        /// The field.
        field: &'static str,
        /// The problem.
        problem: String,
    },
    /// A stored case failed verification at entry `seq`.
    #[error("entry {seq}: {problem}")]
    BrokenChain {
        /// The first broken entry.
        seq: u64,
        /// What is wrong.
        problem: String,
    },
    /// The register holds the case id twice (a copy, or a rewritten copy
    /// beside the original).
    #[error("case \"{id}\" is in the register twice (first as case {first})")]
    Duplicate {
        /// The id.
        id: String,
        /// The index of its first copy.
        first: usize,
    },
    /// The stored case is not valid JSON of `dsgvo.case/2` (or `/1`).
    #[error(transparent)]
    Input(#[from] InputError),
}

/// A case id chosen by the caller (e.g. `2026-017`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(transparent)]
pub struct CaseId(pub String);

/// A breach case: its id and its log. The state is derived from the log.
#[derive(Clone, Debug, PartialEq)]
pub struct Case {
    id: CaseId,
    format: Format,
    entries: Vec<Entry>,
    replay: Replay,
}

/// A case as stored: `dsgvo.case/2` (or the older `dsgvo.case/1`).
#[derive(Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "dsgvo.case/2")]
pub(crate) struct StoredCase {
    /// `dsgvo.case/2`, whose hashes cover the id; `dsgvo.case/1` (hashes
    /// without the id) is still read.
    #[schemars(extend("enum" = ["dsgvo.case/2", "dsgvo.case/1"]))]
    schema: String,
    /// The caller's case id.
    id: CaseId,
    /// The hash-chained log, oldest first.
    entries: Vec<Entry>,
}

impl Case {
    /// Opens a case with the facts known at detection. `at` is when the
    /// case is opened (the caller's clock).
    ///
    /// # Errors
    ///
    /// [`CaseError::InvalidCommand`] for a blank actor.
    pub fn open(
        id: CaseId,
        facts: ValidFacts,
        at: Timestamp,
        actor: &str,
    ) -> Result<Case, CaseError> {
        let actor = Actor::new(actor)?;
        let facts = Arc::new(facts.into_inner());
        let mut entry = Entry {
            seq: 0,
            at,
            actor,
            reason: None,
            event: Event::Detected {
                facts: Arc::clone(&facts),
            },
            prev: GENESIS,
            hash: GENESIS,
        };
        entry.hash = entry.compute_hash(Some(&id));
        Ok(Case {
            id,
            format: Format::V2,
            entries: vec![entry],
            replay: Replay::open(facts, at),
        })
    }

    /// [`Case::apply`] with the caller's clock: a command dated after `now`
    /// by more than the tolerance is refused. A mistyped date in the future
    /// (2027 for 2026) would otherwise lock the case: every later real
    /// command would be back-dated against it. The core reads no clock; the
    /// doors pass the host's time where the caller gives none.
    ///
    /// # Errors
    ///
    /// [`CaseError::InvalidCommand`] (field `at`) for a command dated after
    /// `now` plus the tolerance; otherwise as [`Case::apply`].
    ///
    /// # Examples
    ///
    /// ```
    /// # use dsgvo_core::case::{BackdatingTolerance, Case, CaseId, Command};
    /// # use dsgvo_core::BreachFacts;
    /// # let facts = BreachFacts::from_json(r#"{"schema":"dsgvo.breach-facts/1","role":"controller",
    /// #   "controller":{"name":"Shop","country":"DE","region":"DE-BY","established_in_eu":true},
    /// #   "aware_at":"2026-11-20T09:15:00+01:00","types":["confidentiality"],"cause":"hacking",
    /// #   "data_categories":["identity"],"data_subjects":{"count":500},
    /// #   "confidentiality":{"recipients":"unknown","exfiltrated":"yes"}}"#).unwrap();
    /// # let at = facts.aware_at;
    /// let mut case = Case::open(CaseId("2026-017".into()), facts, at, "DSB").unwrap();
    /// let command: Command = serde_json::from_str(
    ///     r#"{"at": "2027-11-20T10:00:00+01:00", "actor": "DSB", "action": {"type": "assess"}}"#).unwrap();
    /// let now = "2026-11-20T10:00:00+01:00".parse::<chrono::DateTime<chrono::Utc>>().unwrap();
    /// assert!(case.apply_at(command, BackdatingTolerance::default(), now).is_err());
    /// ```
    pub fn apply_at(
        &mut self,
        command: Command,
        tolerance: BackdatingTolerance,
        now: DateTime<Utc>,
    ) -> Result<&Entry, CaseError> {
        if command.at.to_utc() > now + tolerance.0 {
            return Err(CaseError::InvalidCommand {
                field: "at",
                problem: format!(
                    "{} lies after now ({}) by more than the tolerance of {} s: a mistyped date?",
                    command.at,
                    now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                    tolerance.0.num_seconds()
                ),
            });
        }
        self.apply(command, tolerance)
    }

    /// Applies a command: checks the rules and back-dating, computes what the
    /// library computes (the verdict of an assessment), and appends the entry.
    /// On error nothing changes.
    ///
    /// # Errors
    ///
    /// [`CaseError::Refused`] where the case's rules forbid the action in its
    /// state, [`CaseError::Backdated`] beyond the tolerance,
    /// [`CaseError::InvalidCommand`] for a blank actor, invalid facts, a
    /// command dated more than ten years after awareness or subjects
    /// informed with `people: 0`.
    pub fn apply(
        &mut self,
        command: Command,
        tolerance: BackdatingTolerance,
    ) -> Result<&Entry, CaseError> {
        let actor = Actor::new(&command.actor)?;
        command.check_plausible(self.replay.facts.aware_at)?;
        if command.at.to_utc() < self.replay.last_at.to_utc() - tolerance.0 {
            return Err(CaseError::Backdated {
                at: command.at,
                previous: self.replay.last_at,
            });
        }
        let event = match command.action {
            Action::Assess { options } => {
                let facts = revalidate(&self.replay.facts)?;
                Event::Assessed {
                    options,
                    decision: Arc::new(Decision::of(&crate::triage(&facts, &options))),
                }
            }
            Action::UpdateFacts { facts } => {
                let facts = facts.validate().map_err(|e| CaseError::InvalidCommand {
                    field: "facts",
                    problem: e.to_string(),
                })?;
                let verdict = crate::triage(&facts, &self.replay.options);
                Event::FactsUpdated {
                    facts: Arc::new(facts.into_inner()),
                    decision: Arc::new(Decision::of(&verdict)),
                }
            }
            action => Event::Action { action },
        };
        let mut next = self.replay.clone();
        next.step(&event, command.at, command.reason.as_deref())
            .map_err(CaseError::Refused)?;
        let prev = self.entries.last().map(|e| e.hash).unwrap_or(GENESIS);
        let mut entry = Entry {
            seq: self.entries.len() as u64,
            at: command.at,
            actor,
            reason: command.reason,
            event,
            prev,
            hash: GENESIS,
        };
        entry.hash = entry.compute_hash(self.format.bound(&self.id));
        self.entries.push(entry);
        self.replay = next;
        Ok(self.entries.last().expect("just pushed"))
    }

    /// The case id.
    pub fn id(&self) -> &CaseId {
        &self.id
    }

    /// The state, derived from the log.
    pub fn state(&self) -> CaseState {
        self.replay.state
    }

    /// The log.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The facts as known now.
    pub fn facts(&self) -> &BreachFacts {
        &self.replay.facts
    }

    /// The latest decision, as recorded when it was made, once assessed.
    pub fn decision(&self) -> Option<&Decision> {
        self.replay.decision.as_deref()
    }

    /// The first decision, kept beside any later one or an override.
    pub fn original_decision(&self) -> Option<&Decision> {
        self.entries.iter().find_map(|e| match &e.event {
            Event::Assessed { decision, .. } => Some(&**decision),
            _ => None,
        })
    }

    /// The latest verdict in full (reasons in words, authorities, duties),
    /// re-derived from the logged facts and options, once assessed. The same
    /// library gives the recorded decision again ([`Decision::matches`]); a
    /// library whose rules changed since may not, and the recorded
    /// [`Case::decision`] stays what was decided.
    pub fn verdict(&self) -> Option<Verdict> {
        self.assessed().map(|b| b.into_parts().1)
    }

    /// The latest facts with their verdict re-derived as
    /// [`Case::verdict`] does, once assessed.
    pub fn assessed(&self) -> Option<AssessedBreach> {
        self.replay.decision.as_ref()?;
        let facts = revalidate(&self.replay.facts).ok()?;
        Some(AssessedBreach::new(facts, &self.replay.options))
    }

    /// The override of the computed decision, if any: (notify authority,
    /// inform subjects). New facts end an override.
    pub fn override_decision(&self) -> Option<(bool, bool)> {
        self.replay.overridden
    }

    /// The authority's reference, once known.
    pub fn authority_reference(&self) -> Option<&str> {
        self.replay.authority_reference.as_deref()
    }

    /// Stores the case as `dsgvo.case/2` JSON (a case loaded from
    /// `dsgvo.case/1` stays in that form: re-hashing it would break its chain).
    pub fn to_json(&self) -> String {
        serde_json::to_string(&StoredCaseRef {
            schema: self.format.schema(),
            id: &self.id,
            entries: &self.entries,
        })
        .expect("cases serialise")
    }

    /// Loads a stored case: verifies every hash and link, refuses back-dated
    /// entries, and replays the rules. Reports the first broken entry.
    ///
    /// # Errors
    ///
    /// [`CaseError::Input`] for JSON that is not a stored case,
    /// [`CaseError::BrokenChain`] naming the first entry whose hash, link,
    /// sequence, time or rule fails.
    pub fn from_json(text: &str, tolerance: BackdatingTolerance) -> Result<Case, CaseError> {
        let stored: StoredCase =
            crate::parse::from_json_object_limited("case", text, MAX_CASE_BYTES)?;
        let format = match stored.schema.as_str() {
            CASE_SCHEMA => Format::V2,
            CASE_SCHEMA_V1 => Format::V1,
            _ => {
                return Err(CaseError::Input(InputError::single(
                    "case",
                    crate::error::FieldError::new(
                        "schema",
                        crate::error::ErrorKind::UnsupportedSchema,
                        format!(
                            "unsupported schema \"{}\"; this library reads \"{CASE_SCHEMA}\" and \"{CASE_SCHEMA_V1}\"",
                            stored.schema
                        ),
                    ),
                )));
            }
        };
        verify(stored.id, format, stored.entries, tolerance)
    }
}

#[derive(Serialize)]
struct StoredCaseRef<'a> {
    schema: &'static str,
    id: &'a CaseId,
    entries: &'a [Entry],
}

fn verify(
    id: CaseId,
    format: Format,
    mut entries: Vec<Entry>,
    tolerance: BackdatingTolerance,
) -> Result<Case, CaseError> {
    let broken = |seq: u64, problem: String| CaseError::BrokenChain { seq, problem };
    let Some(first) = entries.first() else {
        return Err(broken(0, "the case has no entries".into()));
    };
    let Event::Detected { facts } = &first.event else {
        return Err(broken(0, "the first entry must be `detected`".into()));
    };
    if let Err(e) = facts.check() {
        return Err(broken(0, e.to_string()));
    }
    let mut replay = Replay::open(Arc::clone(facts), first.at);
    let mut prev = GENESIS;
    let mut encoded = Vec::with_capacity(2048);
    for (i, e) in entries.iter().enumerate() {
        let seq = i as u64;
        if e.seq != seq {
            return Err(broken(
                seq,
                format!(
                    "seq is {}, expected {seq} (entries removed or reordered)",
                    e.seq
                ),
            ));
        }
        if e.prev != prev {
            return Err(broken(
                seq,
                "prev does not match the previous entry's hash".into(),
            ));
        }
        if e.hash_with(format.bound(&id), &mut encoded) != e.hash {
            return Err(broken(
                seq,
                "hash does not match the content (the entry was changed)".into(),
            ));
        }
        if e.at.to_utc() < replay.last_at.to_utc() - tolerance.0 {
            return Err(broken(
                seq,
                format!(
                    "back-dated: {} is before the previous entry ({})",
                    e.at, replay.last_at
                ),
            ));
        }
        if i > 0 {
            replay
                .step(&e.event, e.at, e.reason.as_deref())
                .map_err(|r| {
                    broken(
                        seq,
                        format!("{} refused in state {}: {}", r.action, r.state, r.why),
                    )
                })?;
        }
        prev = e.hash;
    }
    // Parsing grows the vector by doubling; a loaded case is mostly read.
    entries.shrink_to_fit();
    Ok(Case {
        id,
        format,
        entries,
        replay,
    })
}

fn revalidate(facts: &BreachFacts) -> Result<ValidFacts, CaseError> {
    facts
        .clone()
        .validate()
        .map_err(|e| CaseError::InvalidCommand {
            field: "facts",
            problem: e.to_string(),
        })
}
