//! The typestate API: each state is a type, and each transition consumes
//! the case and returns it in its next state. A transition the lifecycle
//! does not have does not compile; one the facts forbid returns an error.
//!
//! ```compile_fail
//! # use dsgvo_core::case::*;
//! # fn f(case: Tracked<states::Detected>, at: dsgvo_core::Timestamp) {
//! // A case cannot be closed before it is assessed and decided.
//! case.close(at, "dsb");
//! # }
//! ```
//!
//! ```compile_fail
//! # use dsgvo_core::case::*;
//! # fn f(case: Tracked<states::Detected>, at: dsgvo_core::Timestamp) {
//! // The authority is notified only after an assessment.
//! case.notify_authority(dsgvo_core::document::Phase::Initial, None, None, at, "dsb");
//! # }
//! ```
//!
//! ```compile_fail
//! # use dsgvo_core::case::*;
//! # fn f(case: Tracked<states::Closed>, at: dsgvo_core::Timestamp) {
//! // Nothing follows a closed case.
//! case.inform_subjects(10, at, "dsb");
//! # }
//! ```

use std::marker::PhantomData;

use super::{Action, BackdatingTolerance, Case, CaseError, CaseId, Command};
use crate::document::Phase;
use crate::facts::{Timestamp, ValidFacts};
use crate::options::AssessmentOptions;
use crate::verdict::Art34Exemption;

/// The states as types.
pub mod states {
    /// Opened, not yet assessed.
    #[derive(Debug)]
    pub struct Detected;
    /// Assessed.
    #[derive(Debug)]
    pub struct Assessed;
    /// The authority was notified.
    #[derive(Debug)]
    pub struct AuthorityNotified;
    /// Documented only.
    #[derive(Debug)]
    pub struct DocumentedOnly;
    /// The data subjects were informed.
    #[derive(Debug)]
    pub struct SubjectsInformed;
    /// Informing the data subjects is not required.
    #[derive(Debug)]
    pub struct SubjectsExempt;
    /// A public communication was made.
    #[derive(Debug)]
    pub struct PublicCommunication;
    /// Closed.
    #[derive(Debug)]
    pub struct Closed;
    /// Not a breach.
    #[derive(Debug)]
    pub struct NotABreach;
}

/// A case whose state is known at compile time.
#[derive(Debug)]
pub struct Tracked<S> {
    case: Case,
    _state: PhantomData<S>,
}

impl<S> Tracked<S> {
    /// The underlying case (its log, queries and JSON).
    pub fn case(&self) -> &Case {
        &self.case
    }

    /// Gives up the compile-time state.
    pub fn into_case(self) -> Case {
        self.case
    }

    fn step<T>(
        mut self,
        action: Action,
        at: Timestamp,
        actor: &str,
        reason: Option<&str>,
    ) -> Result<Tracked<T>, CaseError> {
        let command = Command {
            at,
            actor: actor.to_string(),
            reason: reason.map(str::to_string),
            action,
        };
        self.case.apply(command, BackdatingTolerance::default())?;
        Ok(Tracked {
            case: self.case,
            _state: PhantomData,
        })
    }
}

impl Tracked<states::Detected> {
    /// Opens a case.
    pub fn open(
        id: CaseId,
        facts: ValidFacts,
        at: Timestamp,
        actor: &str,
    ) -> Result<Self, CaseError> {
        Ok(Tracked {
            case: Case::open(id, facts, at, actor)?,
            _state: PhantomData,
        })
    }

    /// Assesses the facts.
    pub fn assess(
        self,
        options: AssessmentOptions,
        at: Timestamp,
        actor: &str,
    ) -> Result<Tracked<states::Assessed>, CaseError> {
        self.step(Action::Assess { options }, at, actor, None)
    }
}

macro_rules! transitions {
    ($($from:ident => { $($method:ident ( $($arg:ident : $ty:ty),* ) -> $to:ident = $action:expr ;)+ })+) => {
        $(impl Tracked<states::$from> {
            $(
                #[doc = concat!("Transition to `", stringify!($to), "`.")]
                pub fn $method(self, $($arg: $ty,)* at: Timestamp, actor: &str) -> Result<Tracked<states::$to>, CaseError> {
                    self.step($action, at, actor, None)
                }
            )+
        })+
    };
}

transitions! {
    Assessed => {
        notify_authority(phase: Phase, authority_reference: Option<String>, delay_reasons: Option<String>) -> AuthorityNotified
            = Action::NotifyAuthority { phase, authority_reference, delay_reasons };
        document_only() -> DocumentedOnly = Action::DocumentOnly;
        inform_subjects(people: u64) -> SubjectsInformed = Action::InformSubjects { people };
        mark_not_a_breach() -> NotABreach = Action::MarkNotABreach;
    }
    AuthorityNotified => {
        supplement(authority_reference: Option<String>) -> AuthorityNotified
            = Action::NotifyAuthority { phase: Phase::Supplement, authority_reference, delay_reasons: None };
        inform_subjects(people: u64) -> SubjectsInformed = Action::InformSubjects { people };
        exempt_subjects(exemption: Art34Exemption) -> SubjectsExempt = Action::ExemptSubjects { exemption };
        communicate_publicly() -> PublicCommunication = Action::CommunicatePublicly;
        mark_not_a_breach() -> NotABreach = Action::MarkNotABreach;
        close() -> Closed = Action::Close;
    }
    DocumentedOnly => {
        close() -> Closed = Action::Close;
        mark_not_a_breach() -> NotABreach = Action::MarkNotABreach;
    }
    SubjectsInformed => {
        notify_authority(phase: Phase, authority_reference: Option<String>, delay_reasons: Option<String>) -> SubjectsInformed
            = Action::NotifyAuthority { phase, authority_reference, delay_reasons };
        close() -> Closed = Action::Close;
    }
    SubjectsExempt => {
        close() -> Closed = Action::Close;
    }
    PublicCommunication => {
        close() -> Closed = Action::Close;
    }
}

impl Tracked<states::Assessed> {
    /// Overrides the computed decision; `justification` is required.
    pub fn override_decision(
        self,
        notify_authority: bool,
        notify_data_subjects: bool,
        justification: &str,
        at: Timestamp,
        actor: &str,
    ) -> Result<Tracked<states::Assessed>, CaseError> {
        self.step(
            Action::OverrideDecision {
                notify_authority,
                notify_data_subjects,
            },
            at,
            actor,
            Some(justification),
        )
    }
}
