//! The words for the two axes and the matrix cell: one function per
//! finding, the likelihood bases as a table of codes, texts and sources.

use super::{EDPB_0121, Text, list, pick};
use crate::facts::{Backup, BreachType, Evidence};
use crate::label::{Label, quarters};
use crate::options::Language;
use crate::risk::{Level, Likelihood, LikelihoodBasis as B, RiskLevel, SeverityScore};

const MATRIX_SOURCE: &str = "EDPB Guidelines 9/2022 IV.B (likelihood and severity); Recitals 75–76; four-level scales as in DSK Kurzpapier Nr. 18 (NOT VERIFIED); cell layout and scores: dsgvo method (our choice)";

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn hours_text(h: Option<crate::facts::Hours>, l: Language) -> String {
    match (h, l) {
        (Some(h), Language::De) => format!("{} Stunden", h.to_string().replace('.', ",")),
        (Some(h), Language::En) => format!("{h} hours"),
        (None, Language::De) => "unbekannt lange (ungünstig angenommen)".into(),
        (None, Language::En) => "for an unknown time (assumed long)".into(),
    }
}

/// The basis of a likelihood: German, English, source.
fn basis(b: &B) -> (String, String, String) {
    let s = |x: &str| x.to_string();
    match b {
        B::Unintelligible => (
            s(
                "Die Daten waren nach dem Stand der Technik verschlüsselt, der Schlüssel ist nicht kompromittiert: Für Unbefugte sind sie unverständlich.",
            ),
            s(
                "The data was encrypted to the state of the art and the key is not compromised: it is unintelligible to unauthorised persons.",
            ),
            format!("Art. 34(3)(a) GDPR; {EDPB_0121}, case 10"),
        ),
        B::OnlyHashedPasswords => (
            s(
                "Betroffen sind nur Passwörter, die mit einem aktuellen, gesalzenen Verfahren gehasht sind: Sie sind nicht verwendbar.",
            ),
            s(
                "Only passwords hashed with a current salted algorithm are affected: they cannot be used.",
            ),
            format!("{EDPB_0121}, case 06"),
        ),
        B::NoRecipient => (
            s("Niemand Unbefugtes hat die Daten erhalten oder eingesehen."),
            s("No unauthorised person received or saw the data."),
            s("ENISA 2013, Annex 3 (loss of confidentiality 0)"),
        ),
        B::TrustedRecipient => (
            s(
                "Die Daten gingen an einen vertrauenswürdigen, zur Vertraulichkeit verpflichteten Empfänger ohne böswillige Absicht.",
            ),
            s(
                "The data went to a trusted recipient bound to confidentiality, without malicious intent.",
            ),
            format!("{EDPB_0121}, case 09; ICO, personal data breach examples, case study 2"),
        ),
        B::Retrieved { special: false } => (
            s(
                "Der bekannte Empfänger hat die Daten zurückgegeben oder ihre Löschung bestätigt; keine böswillige Absicht.",
            ),
            s(
                "The known recipient returned the data or confirmed its deletion; no malicious intent.",
            ),
            format!("{EDPB_0121}, case 13"),
        ),
        B::Retrieved { special: true } => (
            s(
                "Besondere Kategorien (Art. 9/10) waren bei einem bekannten Empfänger ohne böswillige Absicht, der sie zurückgegeben oder gelöscht hat.",
            ),
            s(
                "Special categories (Art. 9/10) were with a known recipient without malicious intent who returned or deleted them.",
            ),
            s("EDPB Guidelines 9/2022 para 102; Art. 9, 10 GDPR"),
        ),
        B::KnownRecipient { special } => (
            if *special {
                s(
                    "Besondere Kategorien (Art. 9/10) sind bei einem bekannten Empfänger, der sie nicht gelöscht hat: Ein Schaden ist als wahrscheinlich anzusehen.",
                )
            } else {
                s(
                    "Die Daten sind bei einem bekannten Empfänger ohne böswillige Absicht, der sie (noch) nicht gelöscht hat.",
                )
            },
            if *special {
                s(
                    "Special categories (Art. 9/10) are with a known recipient who has not deleted them: damage should be considered likely.",
                )
            } else {
                s(
                    "The data is with a known recipient without malicious intent who has not (yet) deleted it.",
                )
            },
            s(
                "EDPB Guidelines 9/2022 para 102 and Annex B (a statement sent to the wrong customer); ENISA 2013, Annex 3",
            ),
        ),
        B::Hostile => (
            s(
                "Die Daten sind in den Händen von Personen, die sie absichtlich erlangt haben oder den Betroffenen schaden wollen.",
            ),
            s(
                "The data is in the hands of people who obtained it on purpose or intend to harm the people concerned.",
            ),
            format!("{EDPB_0121}, case 08; ICO, personal data breach examples, case study 1"),
        ),
        B::Exfiltrated => (
            s(
                "Die Daten sind abgeflossen (oder ein Abfluss ist nicht ausgeschlossen und wird angenommen).",
            ),
            s("The data was copied out (or copying is not ruled out and is assumed)."),
            format!(
                "{EDPB_0121}, cases 05, 18; EDPB Guidelines 9/2022 (exfiltration of data that identifies people is to be notified)"
            ),
        ),
        B::Published => (
            s("Die Daten wurden veröffentlicht."),
            s("The data was published."),
            s("EDPB Guidelines 9/2022 para 59; ENISA 2013, Annex 3"),
        ),
        B::NoExfiltration {
            evidence,
            exposure_hours,
            reachable_by_anyone,
        } => {
            let (de_e, en_e) = match evidence {
                Evidence::LogsComplete => (
                    "vollständige Zugriffsprotokolle belegen, dass nichts abgeflossen ist",
                    "complete access logs show that nothing was copied",
                ),
                Evidence::LogsPartial => (
                    "die Protokolle sind lückenhaft; ein Abfluss ist nicht ausgeschlossen",
                    "the logs are partial; copying is not ruled out",
                ),
                Evidence::None => (
                    "es gibt keine Protokolle (oder ihre Güte ist nicht angegeben); ein Abfluss ist nicht ausgeschlossen",
                    "there are no logs (or their quality is not stated); copying is not ruled out",
                ),
            };
            let (de_r, en_r) = if *reachable_by_anyone {
                (
                    format!(
                        " Die Daten waren für jeden erreichbar, {}.",
                        hours_text(*exposure_hours, Language::De)
                    ),
                    format!(
                        " The data was reachable by anyone, {}.",
                        hours_text(*exposure_hours, Language::En)
                    ),
                )
            } else {
                (String::new(), String::new())
            };
            (
                format!("Unbefugte hatten Zugriff; kein Abfluss bekannt, aber {de_e}.{de_r}"),
                format!("Unauthorised people had access; no copying known, but {en_e}.{en_r}"),
                s(
                    "CNIL SAN-2021-020 (Slimpay: no access logging; absence of proven harm does not remove the duty); EDPB Guidelines 9/2022 IV.B; evidence and duration scores: dsgvo method (our choice)",
                ),
            )
        }
        B::MisuseObserved { misuse } => (
            format!(
                "Ein Missbrauch der Daten wurde bereits beobachtet ({}).",
                list(misuse, Language::De)
            ),
            format!(
                "Misuse of the data has already been seen ({}).",
                list(misuse, Language::En)
            ),
            s(
                "Recital 85; AP, Booking.com, 10 December 2020 (phishing with booking data); EDPB Guidelines 9/2022 para 59",
            ),
        ),
        B::IntegrityRestored => (
            s(
                "Veränderte Daten wurden ohne böswillige Absicht verändert und sind wiederhergestellt.",
            ),
            s("The altered data was changed without malicious intent and has been restored."),
            s("ENISA 2013, Annex 3 (loss of integrity)"),
        ),
        B::AlteredByAttacker => (
            s(
                "Ein Angreifer hat Daten verändert; sie sind wiederhergestellt, ein Missbrauch in der Zwischenzeit ist nicht ausgeschlossen.",
            ),
            s(
                "An attacker altered data; it has been restored, but misuse in the meantime is not ruled out.",
            ),
            s("ENISA 2013, Annex 3 (loss of integrity, malicious intent)"),
        ),
        B::IntegrityUnrecoverable => (
            s("Veränderte Daten lassen sich nicht sicher wiederherstellen."),
            s("Altered data cannot be reliably restored."),
            s("ENISA 2013, Annex 3 (loss of integrity)"),
        ),
        B::PermanentLoss => (
            s("Die Daten sind dauerhaft verloren."),
            s("The data is permanently lost."),
            s(
                "ENISA 2013, Annex 3 (loss of availability); EDPB 9/2022 Annex B (ransomware without backup)",
            ),
        ),
        B::Unavailable {
            hours,
            backup,
            care,
        } => {
            let (de_b, en_b) = match backup {
                Backup::Current => ("aus einem aktuellen Backup", "from a current backup"),
                Backup::Outdated => (
                    "nur aus einem veralteten Backup",
                    "only from an outdated backup",
                ),
                Backup::None => ("ohne Backup", "without a backup"),
            };
            let (de_c, en_c) = if *care {
                (
                    " Die Daten werden für die Versorgung von Menschen gebraucht; dort zählen Stunden.",
                    " The data is needed for care; hours matter there.",
                )
            } else {
                ("", "")
            };
            (
                format!(
                    "Die Daten waren {} nicht verfügbar und wurden {de_b} wiederhergestellt.{de_c}",
                    hours_text(*hours, Language::De)
                ),
                format!(
                    "The data was unavailable {} and was restored {en_b}.{en_c}",
                    hours_text(*hours, Language::En)
                ),
                format!(
                    "EDPB Guidelines 9/2022 Annex B (ransomware restored in good time from a backup; hospital records unavailable for 30 hours); {EDPB_0121}, cases 01–03; duration graded by powers of ten (no 24-hour threshold): dsgvo method (our choice)"
                ),
            )
        }
    }
}

/// The likelihood of one breach type, with its basis.
pub(super) fn likelihood(t: BreachType, li: &Likelihood, l: Language) -> Text {
    let (de, en, source) = basis(&li.basis);
    let level = Level::from_quarters(li.quarters);
    let score = quarters(li.quarters.clamp(4, 16), l);
    (
        pick!(
            l,
            format!(
                "{de} Eintrittswahrscheinlichkeit ({}): {} ({score}).",
                t.label(Language::De),
                level.label(Language::De)
            ),
            format!(
                "{en} Likelihood ({}): {} ({score}).",
                t.label(Language::En),
                level.label(Language::En)
            ),
        ),
        source,
    )
}

/// The cell of the matrix for one breach type.
pub(super) fn cell(
    t: BreachType,
    li: &Likelihood,
    s: &SeverityScore,
    risk: RiskLevel,
    l: Language,
) -> Text {
    let (ll, sl) = (
        Level::from_quarters(li.quarters),
        Level::from_quarters(s.quarters),
    );
    let (de_floor, en_floor) = match s.floor {
        Some(h) => (
            format!(
                ", angehoben wegen der wahrscheinlichen Folge „{}“",
                h.label(Language::De)
            ),
            format!(
                ", raised by the likely consequence \"{}\"",
                h.label(Language::En)
            ),
        ),
        None => (String::new(), String::new()),
    };
    (
        pick!(
            l,
            format!(
                "{}: Schwere {} ({}: Daten {} + Anzahl {}{de_floor}) × Eintrittswahrscheinlichkeit {} ergibt: {}.",
                t.label(Language::De),
                sl.label(Language::De),
                quarters(s.quarters.clamp(4, 16), Language::De),
                quarters(s.base, Language::De),
                quarters(s.people, Language::De),
                ll.label(Language::De),
                risk.label(Language::De)
            ),
            format!(
                "{}: severity {} ({}: data {} + number {}{en_floor}) × likelihood {} gives: {}.",
                capitalised(t.label(Language::En)),
                sl.label(Language::En),
                quarters(s.quarters.clamp(4, 16), Language::En),
                quarters(s.base, Language::En),
                quarters(s.people, Language::En),
                ll.label(Language::En),
                risk.label(Language::En)
            ),
        ),
        MATRIX_SOURCE.to_string(),
    )
}
