//! What the duty rules established: policy, exemptions, deadline, processor duty.

use super::{Text, pick};
use crate::duty::DutyFinding;
use crate::label::Label;
use crate::options::{DeadlineRule, Language};

/// The words for a [`DutyFinding`] in `lang`: text and source.
pub(crate) fn render(f: &DutyFinding, lang: Language) -> Text {
    let l = lang;
    let owned = |s: &str| s.to_string();
    match f {
        DutyFinding::DocumentAlways => (
            pick!(
                l,
                owned(
                    "Jede Verletzung wird dokumentiert – mit Fakten, Auswirkungen und Abhilfemaßnahmen, auch ohne Meldung.",
                ),
                owned(
                    "Every breach is documented — facts, effects and remedial action — also when it is not notified.",
                ),
            ),
            owned("Art. 33(5) GDPR; EDPB Guidelines 01/2021 para 15"),
        ),
        DutyFinding::Processor => (
            pick!(
                l,
                owned(
                    "Sie handeln als Auftragsverarbeiter: Informieren Sie den Verantwortlichen unverzüglich. Die Meldung an die Aufsichtsbehörde und die Risikobewertung obliegen dem Verantwortlichen; die Bewertung hier ist eine Hilfe für ihn.",
                ),
                owned(
                    "You act as a processor: inform the controller without undue delay. Notifying the authority and assessing the risk are the controller's; the assessment here is an aid for it.",
                ),
            ),
            owned("Art. 33(2), 28(3)(f) GDPR; EDPB Guidelines 9/2022 (processor obligations)"),
        ),
        DutyFinding::Policy { policy: _, risk } => (
            pick!(
                l,
                format!(
                    "Richtlinie „immer melden“: Aufsichtsbehörde und betroffene Personen werden unabhängig vom Risiko ({}) informiert, um Rechtssicherheit zu schaffen.",
                    risk.label(l)
                ),
                format!(
                    "Policy \"notify always\": the authority and the data subjects are informed whatever the risk ({}), for legal certainty.",
                    risk.label(l)
                ),
            ),
            owned(
                "IT-Recht Kanzlei, Checkliste Datenpannen (16.04.2024); Art. 83(2)(h) GDPR (notification as a fining factor)",
            ),
        ),
        DutyFinding::Deadline {
            rule,
            due,
            local,
            zone,
        } => {
            let local = crate::label::clock_time(*local, zone, l);
            (
                match rule {
                    DeadlineRule::Exact72h => pick!(
                        l,
                        format!(
                            "Frist: 72 Stunden ab Kenntnis, in UTC gerechnet: {} ({local}).",
                            due.format("%Y-%m-%dT%H:%M:%SZ")
                        ),
                        format!(
                            "Deadline: 72 hours from awareness, computed in UTC: {} ({local}).",
                            due.format("%Y-%m-%dT%H:%M:%SZ")
                        ),
                    ),
                    DeadlineRule::Regulation118271 => pick!(
                        l,
                        format!(
                            "Frist nach VO 1182/71: Die Stunde der Kenntnisnahme zählt nicht mit, 72 Stunden ab der nächsten vollen Stunde: {} ({local}).",
                            due.format("%Y-%m-%dT%H:%M:%SZ")
                        ),
                        format!(
                            "Deadline under Reg. 1182/71: the hour of awareness is not counted, 72 hours from the next full hour: {} ({local}).",
                            due.format("%Y-%m-%dT%H:%M:%SZ")
                        ),
                    ),
                },
                match rule {
                    DeadlineRule::Exact72h => owned("Art. 33(1) GDPR"),
                    DeadlineRule::Regulation118271 => owned(
                        "Art. 33(1) GDPR; Regulation (EEC, Euratom) No 1182/71, Art. 3(1), 3(2)(a), 3(3)",
                    ),
                },
            )
        }
        DutyFinding::Art34a => (
            pick!(
                l,
                owned(
                    "Ohne die Verschlüsselung bestünde ein hohes Risiko; weil die Daten für Unbefugte unverständlich sind, entfällt die Benachrichtigung der betroffenen Personen.",
                ),
                owned(
                    "Without the encryption the risk would be high; because the data is unintelligible to unauthorised persons, the data subjects need not be informed.",
                ),
            ),
            owned("Art. 34(3)(a) GDPR"),
        ),
        DutyFinding::Art34b => (
            pick!(
                l,
                owned(
                    "Nachfolgende Maßnahmen stellen sicher, dass das hohe Risiko aller Wahrscheinlichkeit nach nicht mehr besteht: keine Benachrichtigung der betroffenen Personen. Die Meldung an die Behörde bleibt.",
                ),
                owned(
                    "Subsequent measures ensure that the high risk is no longer likely to materialise: the data subjects need not be informed. The notification to the authority remains.",
                ),
            ),
            owned("Art. 34(3)(b) GDPR"),
        ),
        DutyFinding::Art34c => (
            pick!(
                l,
                owned(
                    "Eine Einzelbenachrichtigung wäre mit unverhältnismäßigem Aufwand verbunden: Stattdessen ist eine öffentliche Bekanntmachung oder gleich wirksame Maßnahme erforderlich.",
                ),
                owned(
                    "Informing each person would involve disproportionate effort: a public communication or an equally effective measure is required instead.",
                ),
            ),
            owned("Art. 34(3)(c) GDPR"),
        ),
        DutyFinding::Art34NoSubjects { risk } => (
            pick!(
                l,
                format!(
                    "Keine Benachrichtigung der betroffenen Personen erforderlich: {} ist kein hohes Risiko. Die Aufsichtsbehörde kann sie dennoch verlangen.",
                    risk.label(l)
                ),
                format!(
                    "Informing the data subjects is not required: {} is not a high risk. The authority may still require it.",
                    risk.label(l)
                ),
            ),
            owned("Art. 34(1), 34(4) GDPR"),
        ),
    }
}
