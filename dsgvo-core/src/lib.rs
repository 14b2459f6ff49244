//! # dsgvo-core
//!
//! The pure domain core of `dsgvo`: personal data breaches under the GDPR
//! (DSGVO). Facts in, an explained Art. 33/34 verdict out.
//!
//! The core reads no files, network, environment or clock: callers pass
//! every input, including the current time where one is needed. The same
//! facts always give the same verdict.
//!
//! ```
//! use dsgvo_core::{AssessmentOptions, BreachFacts, RiskLevel, triage};
//!
//! let facts = BreachFacts::from_json(r#"{
//!   "schema": "dsgvo.breach-facts/1",
//!   "role": "controller",
//!   "controller": { "name": "Beispiel Shop GmbH", "country": "DE", "region": "DE-BY", "established_in_eu": true },
//!   "aware_at": "2026-11-20T09:15:00+01:00",
//!   "types": ["confidentiality"],
//!   "cause": "hacking",
//!   "malicious": true,
//!   "data_categories": ["identity", "contact", "payment_card"],
//!   "data_subjects": { "count": 2500, "categories": ["customers"], "vulnerable": false },
//!   "confidentiality": { "recipients": "unknown", "exfiltrated": "yes" }
//! }"#).unwrap();
//! let verdict = triage(&facts, &AssessmentOptions::default());
//! assert_eq!(verdict.risk, RiskLevel::High);
//! assert!(verdict.notify_authority && verdict.notify_data_subjects);
//! assert_eq!(verdict.authority_deadline.unwrap().to_rfc3339(), "2026-11-23T08:15:00+00:00");
//! assert_eq!(verdict.authorities[0].id, "de-by-lda");
//! ```
//!
//! The output is decision support, not legal advice.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod assessed;
pub mod authority;
pub mod case;
pub mod clock;
pub mod document;
pub mod door;
pub mod dpo;
mod duty;
pub mod error;
mod error_code;
pub mod explain;
pub mod facts;
pub mod finding;
pub mod fine;
pub mod label;
pub mod options;
mod parallel;
pub mod parse;
mod reason;
pub mod risk;
pub mod schema;
pub mod scope;
pub mod summary;
pub mod tom;
pub mod verdict;
mod warning;

pub use assessed::AssessedBreach;
pub use error::{ErrorKind, FieldError, InputError};
pub use error_code::{Coded, ErrorCode};
pub use facts::{BreachFacts, Timestamp, ValidFacts};
pub use options::{AssessmentOptions, DeadlineRule, Language, Policy};
pub use parse::MAX_INPUT_BYTES;
pub use reason::{Reason, ReasonCode};
pub use risk::{Harm, RiskLevel, Severity, SeverityBand};
pub use verdict::{Art34Exemption, Duty, DutyKind, Verdict};

use risk::unknowns::Unknown;

/// The version of this library.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Triages a breach: risk, duties, deadline, competent authorities, reasons.
pub fn triage(facts: &ValidFacts, options: &AssessmentOptions) -> Verdict {
    triage_with_texts(facts, options, &explain::Texts::default())
}

/// [`triage`] with a shop's own wording for some reasons (the decision is
/// the same; only the words change).
pub fn triage_with_texts(
    facts: &ValidFacts,
    options: &AssessmentOptions,
    texts: &explain::Texts,
) -> Verdict {
    let f = facts.facts();
    let lang = options.language;
    let mut a = risk::assess(f, &[], false);
    let decision = duty::decide(f, &a, options);
    let competence = authority::competent(f);
    let controller = f.role == facts::Role::Controller;

    let mut findings = std::mem::take(&mut a.findings);
    findings.push(risk::RiskFinding::Harms {
        harms: a.harms.clone(),
        derived: a.harms_derived,
    });
    if !a.unknowns.is_empty() {
        let mut paths: Vec<&'static str> = a.unknowns.iter().map(|u| u.path()).collect();
        paths.sort_unstable();
        findings.push(risk::RiskFinding::UnknownsAssumedWorst { paths });
    }
    let explain = |f: explain::Finding<'_>| explain::reason(f, lang, texts);
    let mut reasons: Vec<Reason> = findings
        .iter()
        .map(|f| explain(explain::Finding::Risk(f)))
        .collect();
    reasons.extend(
        decision
            .findings
            .iter()
            .map(|f| explain(explain::Finding::Duty(f))),
    );
    if controller {
        reasons.extend(
            competence
                .findings
                .iter()
                .map(|f| explain(explain::Finding::Authority(f))),
        );
    }

    let mut open_questions: Vec<String> = decisive_unknowns(f, &a)
        .into_iter()
        .map(|u| u.path().to_string())
        .collect();
    if controller {
        open_questions.extend(competence.open_questions.iter().map(|p| p.to_string()));
    }

    let deadline = decision
        .duties
        .iter()
        .find(|d| d.duty == DutyKind::NotifyAuthority)
        .and_then(|d| d.due);
    let (deadline_local, zone) = match deadline {
        Some(due) => {
            let (local, zone) = clock::local_time(due, &f.controller.country, f.aware_at);
            (Some(local.to_rfc3339()), Some(zone))
        }
        None => (None, None),
    };
    let rule = options.deadline_rule;
    let warnings = warning::warnings(f, &a, duty::exemption_b_refused(f, &a), |at| {
        clock::authority_deadline(at.into(), rule)
    })
    .iter()
    .map(|w| explain(explain::Finding::Warning(w)))
    .collect();
    let controller_deadlines = f
        .controllers_informed
        .iter()
        .filter(|_| !controller)
        .map(|c| verdict::ControllerDeadline {
            controller: c.name.clone(),
            informed_at: c.informed_at.to_utc(),
            due: clock::authority_deadline(c.informed_at, rule),
        })
        .collect();

    Verdict {
        schema: verdict::VERDICT_SCHEMA.to_string(),
        policy: options.policy,
        risk: a.risk,
        notify_authority: decision.notify_authority,
        notify_data_subjects: decision.notify_data_subjects,
        public_communication: decision.public_communication,
        inform_controller: decision.inform_controller,
        authority_deadline: deadline,
        deadline_rule: options.deadline_rule,
        authority_deadline_local: deadline_local,
        time_zone: zone,
        severity: a.severity(),
        assessment: Some(a.matrix()),
        warnings,
        controller_deadlines,
        exemptions: decision.exemptions,
        harms: a.harms,
        authorities: if controller {
            competence
                .authorities
                .iter()
                .map(|a| authority::AuthorityRef::from(*a))
                .collect()
        } else {
            Vec::new()
        },
        duties: decision.duties,
        reasons,
        open_questions,
        language: lang,
        disclaimer: verdict::disclaimer(lang).to_string(),
    }
}

/// Triages facts given as JSON, with options as JSON (`None`: defaults), and
/// returns the verdict as JSON.
///
/// ```
/// let err = dsgvo_core::triage_json(r#"{"schema": "dsgvo.breach-facts/3"}"#, None).unwrap_err();
/// assert_eq!(err.first().kind, dsgvo_core::ErrorKind::UnsupportedSchema);
/// ```
///
/// # Errors
///
/// An [`InputError`] naming the document (`breach facts` or `assessment
/// options`) and the field, as [`BreachFacts::from_json`] and
/// [`AssessmentOptions::from_json`] report it.
pub fn triage_json(facts: &str, options: Option<&str>) -> Result<String, InputError> {
    let facts = BreachFacts::from_json(facts)?;
    let options = options
        .map(AssessmentOptions::from_json)
        .transpose()?
        .unwrap_or_default();
    Ok(triage(&facts, &options).to_json())
}

/// The unknown facts whose worst-case reading decided the risk: each one
/// that changes the risk when read at its best, or, when none does alone,
/// all of them if together they do.
fn decisive_unknowns(facts: &BreachFacts, a: &risk::Assessment) -> Vec<Unknown> {
    let mut decisive: Vec<Unknown> = a
        .unknowns
        .iter()
        .copied()
        .filter(|u| risk::assess(facts, &[*u], false).risk != a.risk)
        .collect();
    if decisive.is_empty()
        && !a.unknowns.is_empty()
        && risk::assess(facts, &a.unknowns, false).risk != a.risk
    {
        decisive = a.unknowns.clone();
    }
    decisive.sort_unstable();
    decisive
}
