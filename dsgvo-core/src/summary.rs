//! A plain-text report of a verdict for people: result, deadline in UTC and
//! on the controller's clock, competent authority, reasons, next steps.

use std::fmt::Write;

use crate::AssessedBreach;
use crate::clock;
use crate::document::{MessageId, Messages};
use crate::facts::BreachFacts;
use crate::label::{Label, quarters};
use crate::verdict::{DutyKind, Verdict};

/// Renders an assessed breach as text in its verdict's language.
///
/// ```
/// # use dsgvo_core::{AssessedBreach, BreachFacts, summary::report};
/// # let facts = BreachFacts::from_json(r#"{"schema":"dsgvo.breach-facts/1","role":"controller",
/// #   "controller":{"name":"Shop","country":"DE","region":"DE-BY","established_in_eu":true},
/// #   "aware_at":"2026-11-20T09:15:00+01:00","types":["confidentiality"],"cause":"misdelivery_post",
/// #   "malicious":false,"data_categories":["identity","contact"],
/// #   "data_subjects":{"count":1,"vulnerable":false},
/// #   "confidentiality":{"recipients":"known","exfiltrated":"no"}}"#).unwrap();
/// let text = report(&AssessedBreach::new(facts, &Default::default()));
/// assert!(text.contains("Meldung an die Aufsichtsbehörde (Art. 33 DSGVO): nein"));
/// ```
pub fn report(breach: &AssessedBreach) -> String {
    report_with(breach, Messages::builtin())
}

/// [`report`] worded by a shop's catalogue (see
/// [`Templates::with_message`](crate::document::Templates::with_message)).
pub fn report_with(breach: &AssessedBreach, messages: &Messages) -> String {
    let (facts, v) = (breach.facts(), breach.verdict());
    let l = v.language;
    let m = |id| messages.get(l, id);
    let yes_no = |b: bool| m(if b { MessageId::Yes } else { MessageId::No });
    let mut o = String::new();

    let _ = writeln!(o, "{}", m(MessageId::SummaryTitle));
    if let Some(title) = facts.title.as_deref().or(facts.reference.as_deref()) {
        let _ = writeln!(o, "{}: {title}", m(MessageId::SummaryIncident));
    }
    let _ = writeln!(
        o,
        "{}: {}",
        m(MessageId::SummaryController),
        facts.controller.name
    );
    let _ = writeln!(o);
    let _ = writeln!(
        o,
        "{}: {} (ENISA SE {} – {})",
        m(MessageId::SummaryResult),
        v.risk.label(l),
        quarters(v.severity.score_quarters(), l),
        v.severity.band.label(l)
    );
    let mut decision = |id, yes: bool| {
        let _ = writeln!(o, "{}: {}", m(id), yes_no(yes));
    };
    if v.inform_controller {
        decision(MessageId::SummaryInformController, true);
    } else {
        decision(MessageId::SummaryNotifyAuthority, v.notify_authority);
        decision(MessageId::SummaryNotifySubjects, v.notify_data_subjects);
        if v.public_communication {
            decision(MessageId::SummaryPublic, true);
        }
    }
    if v.inform_controller {
        processor_deadlines(&mut o, v, facts, messages);
    } else {
        let (due, local, zone) = (
            breach.deadline(),
            breach.deadline_local(),
            breach.time_zone(),
        );
        let label = m(if v.authority_deadline.is_some() {
            MessageId::SummaryDeadline
        } else {
            MessageId::SummaryDeadlineShouldYou
        });
        let _ = writeln!(
            o,
            "{label}: {} UTC = {} ({zone})",
            due.format("%Y-%m-%d %H:%M"),
            local.format("%d.%m.%Y %H:%M %:z")
        );
    }

    for a in &v.authorities {
        let _ = writeln!(o, "{}: {}", m(MessageId::SummaryAuthority), a.name);
        let none = m(MessageId::SummaryNotConfirmed);
        let _ = writeln!(
            o,
            "  {}: {} · {}: {} · {}: {}",
            m(MessageId::FormEmail),
            a.email.as_deref().unwrap_or(none),
            m(MessageId::FormPhone),
            a.phone.as_deref().unwrap_or(none),
            m(MessageId::SummaryBreachForm),
            a.breach_form_url.as_deref().unwrap_or(none)
        );
    }

    if !v.warnings.is_empty() {
        let _ = writeln!(o, "\n{}:", m(MessageId::SummaryAttention));
        for w in &v.warnings {
            let _ = writeln!(o, "  ! {} [{}]", w.text, w.source);
        }
    }
    if let Some(a) = &v.assessment {
        let _ = writeln!(
            o,
            "\n{}: {} × {} = {}",
            m(MessageId::SummaryMatrix),
            a.likelihood.label(l),
            a.severity.label(l),
            v.risk.label(l)
        );
    }

    let _ = writeln!(o, "\n{}:", m(MessageId::SummaryReasons));
    for r in &v.reasons {
        let _ = writeln!(o, "  - {} [{}]", r.text, r.source);
    }
    if !v.open_questions.is_empty() {
        let _ = writeln!(
            o,
            "\n{}: {}",
            m(MessageId::SummaryOpenQuestions),
            v.open_questions.join(", ")
        );
    }

    let _ = writeln!(o, "\n{}:", m(MessageId::SummaryNextSteps));
    for (n, step) in next_steps(breach, messages).iter().enumerate() {
        let _ = writeln!(o, "  {}. {step}", n + 1);
    }
    let _ = writeln!(o, "\n{}", v.disclaimer);
    o
}

/// The next steps, one per duty (one notification per authority, Art. 3(2)),
/// then the open questions.
fn next_steps(breach: &AssessedBreach, messages: &Messages) -> Vec<String> {
    let (facts, v) = (breach.facts(), breach.verdict());
    let l = v.language;
    let mut steps = Vec::new();
    for d in &v.duties {
        let id = match d.duty {
            DutyKind::InformController => MessageId::StepInformController,
            DutyKind::NotifyDataSubjects => MessageId::StepNotifySubjects,
            DutyKind::PublicCommunication => MessageId::StepPublicCommunication,
            DutyKind::Document => MessageId::StepDocument,
            DutyKind::NotifyAuthority => {
                // The duty's `due` is the verdict's deadline, which the
                // assessed breach carries on the controller's clock.
                let zone = clock::zone_abbreviation(
                    breach.deadline(),
                    &facts.controller.country,
                    facts.aware_at,
                );
                let due = crate::label::clock_time(breach.deadline_local(), &zone, l);
                if v.authorities.is_empty() {
                    steps.push(messages.fill(
                        l,
                        MessageId::StepNotifyUnknownAuthority,
                        &[("due", &due)],
                    ));
                }
                for a in &v.authorities {
                    steps.push(messages.fill(
                        l,
                        MessageId::StepNotifyAuthority,
                        &[("due", &due), ("authority", &a.name)],
                    ));
                }
                continue;
            }
        };
        steps.push(messages.get(l, id).to_string());
    }
    if !v.open_questions.is_empty() {
        steps.push(messages.fill(
            l,
            MessageId::StepClarify,
            &[("questions", &v.open_questions.join(", "))],
        ));
    }
    steps
}

/// A processor has no deadline of its own towards the authority: each
/// controller's 72 hours start when the processor informs it.
fn processor_deadlines(o: &mut String, v: &Verdict, facts: &BreachFacts, messages: &Messages) {
    let l = v.language;
    if v.controller_deadlines.is_empty() {
        let _ = writeln!(
            o,
            "{}",
            messages.get(l, MessageId::SummaryControllerDeadlinePending)
        );
    }
    for d in &v.controller_deadlines {
        let (local, zone) = clock::local_time(d.due, &facts.controller.country, facts.aware_at);
        let _ = writeln!(
            o,
            "{} ({}): {} UTC = {} ({zone})",
            messages.get(l, MessageId::SummaryControllerDeadline),
            d.controller,
            d.due.format("%Y-%m-%d %H:%M"),
            local.format("%d.%m.%Y %H:%M %:z")
        );
    }
}
