//! What the risk engine established: exposure, ENISA severity, EDPB factors, harms, unknowns.

use super::{EDPB_0121, Text, enisa, list, method, pick};
use crate::label::{Label, count, quarters};
use crate::options::Language;
use crate::risk::RiskFinding;
use crate::risk::RiskLevel;

/// The words for a [`RiskFinding`] in `lang`: text and source.
pub(crate) fn render(f: &RiskFinding, lang: Language) -> Text {
    let l = lang;
    let owned = |s: &str| s.to_string();
    match f {
        RiskFinding::AttackCause { cause } => (
            pick!(
                l,
                format!(
                    "Die Ursache ({}) ist ein vorsätzlicher Angriff; böswillige Absicht wird angenommen.",
                    cause.label(l)
                ),
                format!(
                    "The cause ({}) is an intentional attack; malicious intent is assumed.",
                    cause.label(l)
                ),
            ),
            owned("ENISA 2013, Annex 3 (malicious intent)"),
        ),
        RiskFinding::Enisa(e) => enisa::render(e, l),
        RiskFinding::Conclusion { risk } => (
            match risk {
                RiskLevel::Unlikely => pick!(
                    l,
                    owned(
                        "Ergebnis: Die Verletzung führt voraussichtlich nicht zu einem Risiko für die Rechte und Freiheiten natürlicher Personen; keine Meldepflicht nach Art. 33 Abs. 1 DSGVO.",
                    ),
                    owned(
                        "Result: the breach is unlikely to result in a risk to the rights and freedoms of natural persons; no notification under Art. 33(1).",
                    ),
                ),
                RiskLevel::Risk => pick!(
                    l,
                    owned(
                        "Ergebnis: Risiko. Meldung an die Aufsichtsbehörde (Art. 33 Abs. 1 DSGVO); eine Benachrichtigung der betroffenen Personen ist nicht erforderlich, weil kein hohes Risiko besteht.",
                    ),
                    owned(
                        "Result: risk. Notify the supervisory authority (Art. 33(1)); informing the data subjects is not required because the risk is not high.",
                    ),
                ),
                RiskLevel::High => pick!(
                    l,
                    owned(
                        "Ergebnis: hohes Risiko. Meldung an die Aufsichtsbehörde (Art. 33 Abs. 1 DSGVO) und Benachrichtigung der betroffenen Personen (Art. 34 Abs. 1 DSGVO).",
                    ),
                    owned(
                        "Result: high risk. Notify the supervisory authority (Art. 33(1)) and inform the data subjects (Art. 34(1)).",
                    ),
                ),
            },
            match risk {
                RiskLevel::Unlikely => owned("Art. 33(1) GDPR; Recital 85"),
                RiskLevel::Risk => owned("Art. 33(1), 34(1) GDPR"),
                RiskLevel::High => owned("Art. 33(1), 34(1) GDPR; Recital 86"),
            },
        ),
        RiskFinding::UnknownsAssumedWorst { paths } => (
            pick!(
                l,
                format!(
                    "Unbekannt und daher ungünstig angenommen: {}. Klären Sie diese Punkte – ein unbekannter Umstand senkt nie eine Pflicht.",
                    paths.join(", ")
                ),
                format!(
                    "Unknown and therefore assumed at their worst: {}. Clarify these points — an unknown fact never lowers a duty.",
                    paths.join(", ")
                ),
            ),
            owned(
                "EDPB Guidelines 9/2022 paras 52–53 (approximate information, phased notification); Art. 33(4) GDPR",
            ),
        ),
        RiskFinding::Harms { harms, derived } => (
            pick!(
                l,
                format!(
                    "{}: {}.",
                    if *derived {
                        "Wahrscheinliche Folgen, abgeleitet aus den Fakten"
                    } else {
                        "Wahrscheinliche Folgen laut Angabe"
                    },
                    if harms.is_empty() {
                        "keine".to_string()
                    } else {
                        list(harms, l)
                    }
                ),
                format!(
                    "{}: {}.",
                    if *derived {
                        "Likely consequences, derived from the facts"
                    } else {
                        "Likely consequences as given"
                    },
                    if harms.is_empty() {
                        "none".to_string()
                    } else {
                        list(harms, l)
                    }
                ),
            ),
            owned("Recital 85; Recital 75; Art. 33(3)(c) GDPR"),
        ),
        RiskFinding::PeopleFactor {
            people,
            quarters: q,
        } => (
            pick!(
                l,
                format!(
                    "Anzahl der betroffenen Personen: {} – das erhöht die Schwere um {} (ein abgestufter Faktor, keine Schwelle).",
                    count(*people, l),
                    quarters(*q, l)
                ),
                format!(
                    "Number of affected people: {} — this adds {} to the severity (a graded factor, not a threshold).",
                    count(*people, l),
                    quarters(*q, l)
                ),
            ),
            owned(
                "Recital 75; EDPB Guidelines 9/2022 IV.B (number of affected individuals); +0.25 per power of ten above 100, at most +1.25: dsgvo method (our choice)",
            ),
        ),
        RiskFinding::Likelihood {
            breach_type,
            likelihood,
        } => method::likelihood(*breach_type, likelihood, l),
        RiskFinding::Cell {
            breach_type,
            likelihood,
            severity,
            risk,
        } => method::cell(*breach_type, likelihood, severity, *risk, l),
        RiskFinding::NotIdentifying => (
            pick!(
                l,
                owned(
                    "Die Daten lassen kaum Rückschlüsse auf bestimmte Personen zu (Identifizierbarkeit begrenzt) und die Schwere ist geringfügig: Auch ein Abfluss führt voraussichtlich nicht zu einem Risiko.",
                ),
                owned(
                    "The data hardly points to particular people (limited identifiability) and the severity is negligible: even copied out, it is unlikely to result in a risk.",
                ),
            ),
            format!(
                "{EDPB_0121}, case 06; EDPB Guidelines 9/2022 (exfiltration is to be notified where the data would enable individuals to be identified); ENISA 2013, 3.1.2"
            ),
        ),
        RiskFinding::SpecialDataWithStranger => (
            pick!(
                l,
                owned(
                    "Besondere Kategorien (Art. 9/10) haben Außenstehende erreicht: Ein Schaden ist als wahrscheinlich anzusehen; auch nach bestätigter Löschung bleibt es mindestens bei einem Risiko (Meldung an die Aufsichtsbehörde).",
                ),
                owned(
                    "Special categories (Art. 9/10) reached outsiders: damage should be considered likely; even after a confirmed deletion the breach stays at least a risk (notify the supervisory authority).",
                ),
            ),
            owned(
                "EDPB Guidelines 9/2022 para 102; Art. 9, 10 GDPR; ICO, personal data breach examples, case study 2 (a colleague inside the organisation who deleted: log only)",
            ),
        ),
    }
}
