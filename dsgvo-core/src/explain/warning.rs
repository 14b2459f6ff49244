//! The words for the warnings.

use super::{Text, pick};
use crate::options::Language;
use crate::warning::WarningFinding;

/// The words for a [`WarningFinding`] in `l`: text and source.
pub(crate) fn render(f: &WarningFinding, l: Language) -> Text {
    let owned = |s: &str| s.to_string();
    match f {
        WarningFinding::AwarenessLate {
            at,
            external,
            deadline_from_then,
        } => (
            pick!(
                l,
                format!(
                    "{} am {} UTC – mehr als einen Tag vor der angegebenen Kenntnis. Eine Aufsichtsbehörde kann die Kenntnis auf diesen Zeitpunkt legen; die 72 Stunden endeten dann am {} UTC.",
                    if *external {
                        "Erste Hinweise von außen kamen"
                    } else {
                        "Der Vorfall wurde entdeckt"
                    },
                    at.format("%d.%m.%Y %H:%M"),
                    deadline_from_then.format("%d.%m.%Y %H:%M")
                ),
                format!(
                    "{} on {} UTC — more than a day before the stated awareness. A supervisory authority may date the awareness to then; the 72 hours would have ended on {} UTC.",
                    if *external {
                        "First reports from outside came"
                    } else {
                        "The incident was detected"
                    },
                    at.format("%Y-%m-%d %H:%M"),
                    deadline_from_then.format("%Y-%m-%d %H:%M")
                ),
            ),
            owned(
                "Art. 33(1) GDPR; EDPB Guidelines 9/2022 II.A.2 (awareness: a reasonable degree of certainty); AP, Booking.com, 10 December 2020; one-day tolerance: dsgvo method (our choice)",
            ),
        ),
        WarningFinding::Art34bWhilePublic => (
            pick!(
                l,
                owned(
                    "Art. 34 Abs. 3 lit. b DSGVO wird nicht angewandt: Die Daten wurden veröffentlicht; spätere Maßnahmen wie ein Zurücksetzen der Passwörter machen veröffentlichte Namen, Anschriften oder Inhalte nicht wieder vertraulich.",
                ),
                owned(
                    "Art. 34(3)(b) GDPR is not applied: the data was published; later measures such as a password reset do not make published names, addresses or contents confidential again.",
                ),
            ),
            owned("Art. 34(3)(b) GDPR; EDPB Guidelines 9/2022 III.C"),
        ),
        WarningFinding::InformPeopleFirst => (
            pick!(
                l,
                owned(
                    "Der Schaden steht unmittelbar bevor oder ist schon eingetreten: Benachrichtigen Sie die betroffenen Personen jetzt, notfalls noch vor der Meldung an die Aufsichtsbehörde, damit sie sich schützen können.",
                ),
                owned(
                    "Harm is imminent or has begun: inform the data subjects now, if need be before notifying the supervisory authority, so that they can protect themselves.",
                ),
            ),
            owned("Art. 34(1) GDPR (without undue delay); EDPB Guidelines 9/2022 para 59"),
        ),
        WarningFinding::InformControllerNow => (
            pick!(
                l,
                owned(
                    "Noch ist kein informierter Verantwortlicher erfasst: Informieren Sie jeden betroffenen Verantwortlichen unverzüglich; seine 72 Stunden beginnen erst mit Ihrer Information.",
                ),
                owned(
                    "No informed controller is recorded yet: inform each affected controller without undue delay; its 72 hours start only with your notice.",
                ),
            ),
            owned("Art. 33(2), 28(3)(f) GDPR; EDPB Guidelines 9/2022 II.A.4"),
        ),
    }
}
