//! A plain-text report of a verdict for people: result, deadline in UTC and
//! on the controller's clock, competent authority, reasons, next steps.

use std::fmt::Write;

use crate::clock;
use crate::facts::BreachFacts;
use crate::label::{Label, quarters};
use crate::options::Language;
use crate::verdict::{DutyKind, Verdict};

/// Renders the verdict for `facts` as text in the verdict's language.
///
/// ```
/// # use dsgvo_core::{BreachFacts, triage, summary::report};
/// # let facts = BreachFacts::from_json(r#"{"schema":"dsgvo.breach-facts/1","role":"controller",
/// #   "controller":{"name":"Shop","country":"DE","region":"DE-BY","established_in_eu":true},
/// #   "aware_at":"2026-11-20T09:15:00+01:00","types":["confidentiality"],"cause":"misdelivery_post",
/// #   "malicious":false,"data_categories":["identity","contact"],
/// #   "data_subjects":{"count":1,"vulnerable":false},
/// #   "confidentiality":{"recipients":"known","exfiltrated":"no"}}"#).unwrap();
/// let text = report(&facts, &triage(&facts, &Default::default()));
/// assert!(text.contains("Meldung an die Aufsichtsbehörde (Art. 33): nein"));
/// ```
pub fn report(facts: &BreachFacts, v: &Verdict) -> String {
    let l = v.language;
    let t = |de: &'static str, en: &'static str| if l == Language::De { de } else { en };
    let yes_no = |b: bool| if b { t("ja", "yes") } else { t("nein", "no") };
    let mut o = String::new();

    let _ = writeln!(
        o,
        "{}",
        t(
            "Verletzung des Schutzes personenbezogener Daten – Ersteinschätzung",
            "Personal data breach – initial assessment"
        )
    );
    if let Some(title) = facts.title.as_deref().or(facts.reference.as_deref()) {
        let _ = writeln!(o, "{}: {title}", t("Vorfall", "Incident"));
    }
    let _ = writeln!(
        o,
        "{}: {}",
        t("Verantwortlicher", "Controller"),
        facts.controller.name
    );
    let _ = writeln!(o);
    let _ = writeln!(
        o,
        "{}: {} (ENISA SE {} – {})",
        t("Ergebnis", "Result"),
        v.risk.label(l),
        quarters(v.severity.score_quarters(), l),
        v.severity.band.label(l)
    );
    if v.inform_controller {
        let _ = writeln!(
            o,
            "{}: {}",
            t(
                "Verantwortlichen informieren (Art. 33 Abs. 2)",
                "Inform the controller (Art. 33(2))"
            ),
            yes_no(true)
        );
    } else {
        let _ = writeln!(
            o,
            "{}: {}",
            t(
                "Meldung an die Aufsichtsbehörde (Art. 33)",
                "Notify the supervisory authority (Art. 33)"
            ),
            yes_no(v.notify_authority)
        );
        let _ = writeln!(
            o,
            "{}: {}",
            t(
                "Benachrichtigung der betroffenen Personen (Art. 34)",
                "Inform the data subjects (Art. 34)"
            ),
            yes_no(v.notify_data_subjects)
        );
        if v.public_communication {
            let _ = writeln!(
                o,
                "{}: {}",
                t(
                    "Öffentliche Bekanntmachung (Art. 34 Abs. 3 lit. c)",
                    "Public communication (Art. 34(3)(c))"
                ),
                yes_no(true)
            );
        }
    }
    if v.inform_controller {
        processor_deadlines(&mut o, v, facts, &t);
    } else {
        let due = v.notification_deadline(facts.aware_at);
        let (local, zone) = clock::local_time(due, &facts.controller.country, facts.aware_at);
        let label = if v.authority_deadline.is_some() {
            t(
                "Meldefrist (Art. 33 Abs. 1)",
                "Notification deadline (Art. 33(1))",
            )
        } else {
            t(
                "Meldefrist, falls doch gemeldet wird",
                "Deadline, should you notify after all",
            )
        };
        let _ = writeln!(
            o,
            "{label}: {} UTC = {} ({zone})",
            due.format("%Y-%m-%d %H:%M"),
            local.format("%d.%m.%Y %H:%M %:z")
        );
    }

    for a in &v.authorities {
        let _ = writeln!(
            o,
            "{}: {}",
            t(
                "Zuständige Aufsichtsbehörde",
                "Competent supervisory authority"
            ),
            a.name
        );
        let none = t("nicht bestätigt", "not confirmed");
        let _ = writeln!(
            o,
            "  E-Mail: {} · {}: {} · {}: {}",
            a.email.as_deref().unwrap_or(none),
            t("Telefon", "Phone"),
            a.phone.as_deref().unwrap_or(none),
            t("Meldeformular", "Breach form"),
            a.breach_form_url.as_deref().unwrap_or(none)
        );
    }

    if !v.warnings.is_empty() {
        let _ = writeln!(o, "\n{}:", t("Achtung", "Attention"));
        for w in &v.warnings {
            let _ = writeln!(o, "  ! {} [{}]", w.text, w.source);
        }
    }
    if let Some(m) = &v.assessment {
        let _ = writeln!(
            o,
            "\n{}: {} × {} = {}",
            t(
                "Eintrittswahrscheinlichkeit × Schwere",
                "Likelihood × severity"
            ),
            m.likelihood.label(l),
            m.severity.label(l),
            v.risk.label(l)
        );
    }

    let _ = writeln!(o, "\n{}:", t("Begründung", "Reasons"));
    for r in &v.reasons {
        let _ = writeln!(o, "  - {} [{}]", r.text, r.source);
    }
    if !v.open_questions.is_empty() {
        let _ = writeln!(
            o,
            "\n{}: {}",
            t(
                "Offene Fragen, die das Ergebnis entscheiden",
                "Open questions that decide the outcome"
            ),
            v.open_questions.join(", ")
        );
    }

    let _ = writeln!(o, "\n{}:", t("Nächste Schritte", "Next steps"));
    let mut n = 0;
    let mut step = |text: String| {
        n += 1;
        let _ = writeln!(o, "  {n}. {text}");
    };
    for d in &v.duties {
        match d.duty {
            DutyKind::InformController => step(t("Den Verantwortlichen unverzüglich informieren und bei seiner Meldung unterstützen (Art. 33 Abs. 2, Art. 28 Abs. 3 lit. f).", "Inform the controller without undue delay and assist its notification (Art. 33(2), 28(3)(f)).").into()),
            DutyKind::NotifyAuthority => {
                let due = d.due.unwrap_or_else(|| v.notification_deadline(facts.aware_at));
                let (local, _) = clock::local_time(due, &facts.controller.country, facts.aware_at);
                let abbreviation = clock::zone_abbreviation(due, &facts.controller.country, facts.aware_at);
                let fallback = [t("die zuständige Aufsichtsbehörde", "the competent supervisory authority")];
                let names: Vec<&str> = if v.authorities.is_empty() {
                    fallback.to_vec()
                } else {
                    v.authorities.iter().map(|a| a.name.as_str()).collect()
                };
                // Art. 3(2): every authority gets its own notification.
                for whom in names {
                    step(match l {
                        Language::De => format!("Bis {} an die Aufsichtsbehörde „{whom}“ melden; fehlende Angaben dürfen nachgereicht werden (Art. 33 Abs. 4).", crate::label::clock_time(local, &abbreviation, l)),
                        Language::En => format!("Notify the supervisory authority \"{whom}\" by {}; missing details may follow in phases (Art. 33(4)).", crate::label::clock_time(local, &abbreviation, l)),
                    });
                }
            }
            DutyKind::NotifyDataSubjects => step(t("Die betroffenen Personen unverzüglich in klarer und einfacher Sprache benachrichtigen (Art. 34 Abs. 2).", "Inform the data subjects without undue delay in clear and plain language (Art. 34(2)).").into()),
            DutyKind::PublicCommunication => step(t("Eine öffentliche Bekanntmachung oder gleich wirksame Maßnahme veranlassen (Art. 34 Abs. 3 lit. c).", "Make a public communication or an equally effective measure (Art. 34(3)(c)).").into()),
            DutyKind::Document => step(t("Die Verletzung mit Fakten, Auswirkungen, Abhilfemaßnahmen und dieser Begründung dokumentieren (Art. 33 Abs. 5).", "Document the breach with facts, effects, remedial action and these reasons (Art. 33(5)).").into()),
        }
    }
    if !v.open_questions.is_empty() {
        step(match l {
            Language::De => format!(
                "Offene Fragen klären und neu bewerten: {}.",
                v.open_questions.join(", ")
            ),
            Language::En => format!(
                "Clarify the open questions and assess again: {}.",
                v.open_questions.join(", ")
            ),
        });
    }
    let _ = writeln!(o, "\n{}", v.disclaimer);
    o
}

/// A processor has no deadline of its own towards the authority: each
/// controller's 72 hours start when the processor informs it.
fn processor_deadlines(
    o: &mut String,
    v: &Verdict,
    facts: &crate::facts::BreachFacts,
    t: &impl Fn(&'static str, &'static str) -> &'static str,
) {
    if v.controller_deadlines.is_empty() {
        let _ = writeln!(
            o,
            "{}",
            t(
                "Frist des Verantwortlichen: beginnt erst, wenn Sie ihn informieren (Art. 33 Abs. 2) – informieren Sie ihn unverzüglich.",
                "The controller's deadline starts only when you inform it (Art. 33(2)): inform it without undue delay."
            )
        );
    }
    for d in &v.controller_deadlines {
        let (local, zone) = clock::local_time(d.due, &facts.controller.country, facts.aware_at);
        let _ = writeln!(
            o,
            "{} ({}): {} UTC = {} ({zone})",
            t("Frist des Verantwortlichen", "The controller's deadline"),
            d.controller,
            d.due.format("%Y-%m-%d %H:%M"),
            local.format("%d.%m.%Y %H:%M %:z")
        );
    }
}
