//! The breach as documents show it: every value of the facts and the
//! verdict, localized and formatted once, for all templates.

use serde::Serialize;

use super::messages::{MessageId, Messages};
use crate::AssessedBreach;
use crate::facts::{BreachFacts, Timestamp};
use crate::label::{Label, count, local_time};
use crate::options::Language;

/// A localized view of a breach and its verdict (the template context `breach`).
#[derive(Clone, Debug, Serialize)]
pub struct BreachView {
    /// `de` or `en`.
    pub language: Language,
    /// The caller's reference.
    pub reference: Option<String>,
    /// Title, or the cause when none is given.
    pub title: String,
    /// Free-text summary (for the authority and the register).
    pub summary: Option<String>,
    /// What happened, in words for the affected people: the caller's
    /// `description_for_subjects`, never the authority summary.
    pub description: Option<String>,
    /// How sure it is that others got the data: `confirmed` (copied out,
    /// published, in hostile hands or misused), `likely` (not ruled out) or
    /// `possible`; empty when no confidentiality breach.
    pub evidence: &'static str,
    /// Whether a staff member acted with intent (§ 42 BDSG may apply in Germany).
    pub insider_offence: bool,
    /// Whether the assessing party is a processor.
    pub processor: bool,
    /// For a processor: the controllers it informed, and when.
    pub controllers_informed: Vec<InformedView>,
    /// The controller.
    pub controller: ControllerView,
    /// Breach types.
    pub types: Vec<&'static str>,
    /// Whether data was disclosed or accessed (confidentiality breach).
    pub confidentiality: bool,
    /// Whether data was altered (integrity breach).
    pub integrity: bool,
    /// Whether data was lost or unavailable (availability breach).
    pub availability: bool,
    /// Cause.
    pub cause: &'static str,
    /// Whether there was malicious intent (`ja`/`nein`/`unbekannt`).
    pub malicious: &'static str,
    /// How the breach was discovered.
    pub discovered_by: Option<String>,
    /// Start of the breach, on the controller's clock.
    pub occurred_from: Option<String>,
    /// End of the breach, on the controller's clock.
    pub occurred_until: Option<String>,
    /// Awareness (starts the 72 h).
    pub aware_at: String,
    /// The day of awareness, for people (`20.11.2026`).
    pub aware_on: String,
    /// When the breach happened, for people (`vom 18.11.2026 bis zum
    /// 20.11.2026`, `seit dem 18.11.2026`), if known.
    pub period: Option<String>,
    /// Detection.
    pub detected_at: Option<String>,
    /// Categories of personal data.
    pub data_categories: Vec<&'static str>,
    /// Whether Art. 9/10 data is affected.
    pub special_categories: bool,
    /// Approximate number of people (`300–800`).
    pub subjects_count: String,
    /// Groups of people.
    pub subject_categories: Vec<&'static str>,
    /// Approximate number of records.
    pub records: Option<String>,
    /// Likely consequences (Recital 85).
    pub consequences: Vec<&'static str>,
    /// The same by their stable ids (`fraud`, `identity_theft`, ...), for
    /// templates that explain each in the reader's terms.
    pub consequence_ids: Vec<&'static str>,
    /// Measures taken.
    pub measures_taken: Vec<String>,
    /// Measures proposed.
    pub measures_proposed: Vec<String>,
    /// The assessed risk.
    pub risk: &'static str,
    /// ENISA severity, e.g. `SE 1,25 (niedrig)` (a documented input).
    pub severity: String,
    /// Both axes of the assessment, e.g. `Eintrittswahrscheinlichkeit groß ×
    /// Schwere substanziell`.
    pub matrix: Option<String>,
    /// Art. 33(1).
    pub notify_authority: bool,
    /// Art. 34(1).
    pub notify_data_subjects: bool,
    /// Art. 34(3)(c).
    pub public_communication: bool,
    /// Applicable Art. 34(3) exemptions.
    pub exemptions: Vec<&'static str>,
    /// Reasons of the verdict.
    pub reasons: Vec<ReasonView>,
    /// The authority this document is addressed to, if any.
    pub authority: Option<AuthorityView>,
    /// Every competent authority (each gets its own notification).
    pub authorities: Vec<AuthorityView>,
    /// Deadline on the controller's clock.
    pub deadline: String,
    /// Deadline in UTC.
    pub deadline_utc: String,
    /// Member states other than the controller's where affected people live.
    pub cross_border: Vec<String>,
    /// Unknown facts that decided the outcome.
    pub open_questions: Vec<String>,
    /// Whether the controller is German (§ 43(4) BDSG).
    pub german_controller: bool,
    /// Decision support, not legal advice.
    pub disclaimer: String,
}

/// The controller as shown in documents.
#[derive(Clone, Debug, Serialize)]
pub struct ControllerView {
    /// Name.
    pub name: String,
    /// Country and Land.
    pub seat: String,
    /// Postal address, one line.
    pub address: Option<String>,
    /// DPO or contact point: name.
    pub contact_name: Option<String>,
    /// DPO or contact point: e-mail.
    pub contact_email: Option<String>,
    /// DPO or contact point: phone.
    pub contact_phone: Option<String>,
}

/// A controller a processor informed.
#[derive(Clone, Debug, Serialize)]
pub struct InformedView {
    /// Name.
    pub name: String,
    /// When, on the processor's clock.
    pub at: String,
}

/// One reason.
#[derive(Clone, Debug, Serialize)]
pub struct ReasonView {
    /// Text.
    pub text: String,
    /// Source.
    pub source: String,
}

/// The authority as shown in documents (`null` values stay absent).
#[derive(Clone, Debug, Serialize)]
pub struct AuthorityView {
    /// Name.
    pub name: String,
    /// Postal address, one line.
    pub address: Option<String>,
    /// E-mail.
    pub email: Option<String>,
    /// Breach form.
    pub breach_form_url: Option<String>,
    /// How the authority accepts notifications, where it accepts only some
    /// channels (e.g. only its online form).
    pub channel: Option<String>,
}

impl BreachView {
    /// Builds the view of an assessed breach in its verdict's language,
    /// worded by `messages`.
    pub fn new(breach: &AssessedBreach, messages: &Messages) -> Self {
        let (facts, verdict) = (breach.facts(), breach.verdict());
        let l = verdict.language;
        let time = |t: Timestamp| local_time(t.to_utc(), facts, l);
        let day = |t: Timestamp| local_day(t, facts, l);
        let c = &facts.controller;
        let contact = c.contact.as_ref();
        let deadline = breach.deadline();
        let approx = |n: crate::facts::ApproxCount| match (n.min(), n.max()) {
            (a, b) if a == b => count(a, l),
            (a, b) => format!("{}–{}", count(a, l), count(b, l)),
        };
        BreachView {
            language: l,
            reference: facts.reference.clone(),
            title: facts
                .title
                .clone()
                .unwrap_or_else(|| facts.cause.label(l).to_string()),
            summary: facts.summary.clone(),
            description: facts.description_for_subjects.clone(),
            evidence: evidence(facts),
            insider_offence: facts.cause == crate::facts::Cause::InsiderMalicious,
            processor: facts.role == crate::facts::Role::Processor,
            controllers_informed: facts
                .controllers_informed
                .iter()
                .map(|c| InformedView {
                    name: c.name.clone(),
                    at: time(c.informed_at),
                })
                .collect(),
            controller: ControllerView {
                name: c.name.clone(),
                seat: match &c.region {
                    Some(r) => format!("{} ({r})", c.country),
                    None => c.country.to_string(),
                },
                address: c
                    .address
                    .as_ref()
                    .map(|a| format!("{}, {} {}, {}", a.street, a.postal_code, a.city, a.country)),
                contact_name: contact.and_then(|x| x.name.clone()),
                contact_email: contact.and_then(|x| x.email.clone()),
                contact_phone: contact.and_then(|x| x.phone.clone()),
            },
            types: facts.types.iter().map(|t| t.label(l)).collect(),
            confidentiality: facts.has_type(crate::facts::BreachType::Confidentiality),
            integrity: facts.has_type(crate::facts::BreachType::Integrity),
            availability: facts.has_type(crate::facts::BreachType::Availability),
            cause: facts.cause.label(l),
            malicious: facts.malicious().label(l),
            discovered_by: facts.discovered_by.clone(),
            occurred_from: facts.occurred.and_then(|o| o.from).map(time),
            occurred_until: facts.occurred.and_then(|o| o.until).map(time),
            aware_at: time(facts.aware_at),
            aware_on: day(facts.aware_at),
            period: period(facts, messages, l),
            detected_at: facts.detected_at.map(time),
            data_categories: facts.data_categories.iter().map(|d| d.label(l)).collect(),
            special_categories: facts.data_categories.iter().any(|d| d.is_special()),
            subjects_count: approx(facts.data_subjects.count),
            subject_categories: facts
                .data_subjects
                .categories
                .iter()
                .map(|s| s.label(l))
                .collect(),
            records: facts.records.map(approx),
            consequences: verdict.harms.iter().map(|h| h.label(l)).collect(),
            consequence_ids: verdict.harms.iter().map(|h| h.as_str()).collect(),
            measures_taken: facts.measures_taken.clone(),
            measures_proposed: facts.measures_proposed.clone(),
            risk: verdict.risk.label(l),
            severity: format!(
                "SE {} ({})",
                crate::label::quarters(verdict.severity.score_quarters(), l),
                verdict.severity.band.label(l)
            ),
            matrix: verdict.assessment.as_ref().map(|m| {
                messages.fill(
                    l,
                    MessageId::RiskMatrix,
                    &[
                        ("likelihood", m.likelihood.label(l)),
                        ("severity", m.severity.label(l)),
                    ],
                )
            }),
            notify_authority: verdict.notify_authority,
            notify_data_subjects: verdict.notify_data_subjects,
            public_communication: verdict.public_communication,
            exemptions: verdict.exemptions.iter().map(|e| e.label(l)).collect(),
            reasons: verdict
                .reasons
                .iter()
                .map(|r| ReasonView {
                    text: r.text.clone(),
                    source: r.source.clone(),
                })
                .collect(),
            authority: verdict
                .authorities
                .first()
                .map(|a| AuthorityView::new(a, l)),
            authorities: verdict
                .authorities
                .iter()
                .map(|a| AuthorityView::new(a, l))
                .collect(),
            deadline: local_time(deadline, facts, l),
            deadline_utc: deadline.format("%Y-%m-%d %H:%M UTC").to_string(),
            cross_border: facts
                .data_subjects
                .residence
                .iter()
                .filter(|r| r.as_str() != c.country.as_str())
                .map(|r| r.to_string())
                .collect(),
            open_questions: verdict.open_questions.clone(),
            german_controller: c.country.as_str() == "DE",
            disclaimer: verdict.disclaimer.clone(),
        }
    }
}

impl BreachView {
    /// The same view addressed to the `index`-th competent authority.
    pub fn for_authority(mut self, index: usize) -> Self {
        self.authority = self.authorities.get(index).cloned();
        self
    }
}

impl AuthorityView {
    fn new(a: &crate::authority::AuthorityRef, l: Language) -> Self {
        AuthorityView {
            name: a.name.clone(),
            address: a.address.as_ref().map(|x| x.replace('\n', ", ")),
            email: a.email.clone(),
            breach_form_url: a.breach_form_url.clone(),
            channel: crate::authority::channel(&a.id).map(|c| c.text(l).to_string()),
        }
    }
}

/// How sure it is that unauthorised people got the data, for the wording
/// of letters (Art. 34(2): clear and plain language that matches the facts).
fn evidence(facts: &BreachFacts) -> &'static str {
    use crate::facts::{Answer, Recipients};
    let Some(c) = facts.confidentiality else {
        return "";
    };
    let confirmed = c.exfiltrated() == Answer::Yes
        || matches!(c.recipients, Recipients::Public | Recipients::Hostile)
        || !facts.misuse_observed.is_empty();
    match (confirmed, c.exfiltrated()) {
        (true, _) => "confirmed",
        (false, Answer::Unknown) => "likely",
        (false, _) => "possible",
    }
}

/// The day of `t` on the controller's clock.
fn local_day(t: Timestamp, facts: &BreachFacts, l: Language) -> String {
    let (local, _) =
        crate::clock::local_time(t.to_utc(), &facts.controller.country, facts.aware_at);
    match l {
        Language::De => local.format("%d.%m.%Y").to_string(),
        Language::En => local.format("%-d %B %Y").to_string(),
    }
}

/// The period of the breach in words, where the facts give it.
fn period(facts: &BreachFacts, messages: &Messages, l: Language) -> Option<String> {
    let o = facts.occurred?;
    let from = o.from.map(|t| local_day(t, facts, l));
    let until = o.until.map(|t| local_day(t, facts, l));
    let id = match (&from, &until) {
        (Some(_), Some(_)) => MessageId::PeriodFromUntil,
        (Some(_), None) => MessageId::PeriodSince,
        (None, Some(_)) => MessageId::PeriodUntil,
        (None, None) => return None,
    };
    Some(messages.fill(
        l,
        id,
        &[
            ("from", from.as_deref().unwrap_or_default()),
            ("until", until.as_deref().unwrap_or_default()),
        ],
    ))
}
