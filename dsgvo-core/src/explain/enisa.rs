//! The words for the steps of the ENISA 2013 score.

use super::{EDPB_0121, ENISA_T1, Text, pick};
use crate::facts::DataCategory;
use crate::label::{Label, count, quarters};
use crate::options::Language;
use crate::risk::EnisaFinding;
use crate::risk::unknowns::EiBasis;

/// The words for an [`EnisaFinding`] in `lang`: text and source.
pub(crate) fn render(f: &EnisaFinding, lang: Language) -> Text {
    let l = lang;
    let owned = |s: &str| s.to_string();
    match f {
        EnisaFinding::CredentialsHashed => (
            pick!(
                l,
                owned(
                    "Die Passwörter sind nach dem Stand der Technik gehasht und zählen nicht als nutzbare Zugangsdaten.",
                ),
                owned(
                    "The passwords are hashed to the state of the art and do not count as usable credentials.",
                ),
            ),
            format!(
                "ENISA 2013, 3.1.1 step 1 (credentials scored by what they give access to); {EDPB_0121}, case 06"
            ),
        ),
        EnisaFinding::DpcOnlyHashedCredentials => (
            pick!(
                l,
                owned(
                    "Datenverarbeitungskontext DPC = 1: nur gehashte Zugangsdaten, bewertet als einfache Daten.",
                ),
                owned(
                    "Data processing context DPC = 1: only hashed credentials, scored as simple data.",
                ),
            ),
            owned(ENISA_T1),
        ),
        EnisaFinding::DpcBase {
            category,
            class,
            score,
        } => {
            let adj = match (category, class.base_score().cmp(score)) {
                (DataCategory::PaymentCard, _) => pick!(
                    l,
                    owned(" (vollständige Kartendaten ermöglichen Betrug: +1)"),
                    owned(" (full card data enables fraud: +1)"),
                ),
                (DataCategory::BankAccount, _) => pick!(
                    l,
                    owned(" (bloße Kontonummer ohne weiteren Einblick: −1)"),
                    owned(" (bare account number without further insight: −1)"),
                ),
                _ => String::new(),
            };
            (
                pick!(
                    l,
                    format!(
                        "Datenverarbeitungskontext DPC = {score}: kritischste Kategorie {} (ENISA-Klasse Basiswert {}){adj}.",
                        category.label(l),
                        class.base_score()
                    ),
                    format!(
                        "Data processing context DPC = {score}: most critical category {} (ENISA class base score {}){adj}.",
                        category.label(l),
                        class.base_score()
                    ),
                ),
                format!("{ENISA_T1}; 3.1.1 (highest category counts)"),
            )
        }
        EnisaFinding::DpcControllerContext { context, from, to } => (
            pick!(
                l,
                format!(
                    "DPC {from} → {to}: Kunde dieses Verantwortlichen zu sein, lässt Rückschlüsse zu (Kontext: {}).",
                    context.label(l)
                ),
                format!(
                    "DPC {from} → {to}: being this controller's customer reveals something (context: {}).",
                    context.label(l)
                ),
            ),
            owned(
                "ENISA 2013, Annex 1 Table 1 and A2 (special characteristics of the controller); EDPB Guidelines 9/2022 IV.B (special characteristics of the controller)",
            ),
        ),
        EnisaFinding::DpcVulnerable { from, to, unknown } => (
            pick!(
                l,
                format!(
                    "DPC {from} → {to}: {}",
                    if *unknown {
                        "Ob schutzbedürftige Personen (z. B. Kinder, Patienten) betroffen sind, ist unbekannt; es wird der ungünstigere Fall angenommen."
                    } else {
                        "Schutzbedürftige Personen (z. B. Kinder, Patienten) sind betroffen."
                    }
                ),
                format!(
                    "DPC {from} → {to}: {}",
                    if *unknown {
                        "whether vulnerable people (e.g. children, patients) are affected is unknown; the worse case is assumed."
                    } else {
                        "vulnerable people (e.g. children, patients) are affected."
                    }
                ),
            ),
            owned(
                "ENISA 2013, Annex 1 A2 (special characteristics of the individuals); Recital 75; EDPB Guidelines 9/2022 (vulnerable individuals)",
            ),
        ),
        EnisaFinding::EaseOfIdentification { level, basis } => {
            let v = quarters(u16::from(level.quarters()), l);
            let why_de = match basis {
                EiBasis::Given => "angegeben",
                EiBasis::DirectIdentifiers => {
                    "Namen oder Ausweisnummern identifizieren unmittelbar"
                }
                EiBasis::Assumed => "nicht angegeben, ungünstigster Wert angenommen",
            };
            let why_en = match basis {
                EiBasis::Given => "as given",
                EiBasis::DirectIdentifiers => "names or ID numbers identify directly",
                EiBasis::Assumed => "not given, worst value assumed",
            };
            (
                pick!(
                    l,
                    format!(
                        "Identifizierbarkeit EI = {v} ({}: {why_de}).",
                        level.label(l)
                    ),
                    format!(
                        "Ease of identification EI = {v} ({}: {why_en}).",
                        level.label(l)
                    ),
                ),
                owned("ENISA 2013, 3.1.2 and Annex 2 (EI)"),
            )
        }
        EnisaFinding::Circumstances { cb, recipients } => {
            let q = |n: u8| quarters(u16::from(n), l);
            let total = q(cb.confidentiality + cb.integrity + cb.availability + cb.malicious);
            let rec = recipients
                .map(|r| format!(" ({})", r.label(l)))
                .unwrap_or_default();
            (
                pick!(
                    l,
                    format!(
                        "Umstände CB = {total}: Vertraulichkeit {}{rec}, Integrität {}, Verfügbarkeit {}, böswillige Absicht {}.",
                        q(cb.confidentiality),
                        q(cb.integrity),
                        q(cb.availability),
                        q(cb.malicious)
                    ),
                    format!(
                        "Circumstances CB = {total}: confidentiality {}{rec}, integrity {}, availability {}, malicious intent {}.",
                        q(cb.confidentiality),
                        q(cb.integrity),
                        q(cb.availability),
                        q(cb.malicious)
                    ),
                ),
                owned("ENISA 2013, 3.1.3 and Annex 3 (CB elements are added)"),
            )
        }
        EnisaFinding::Severity {
            dpc,
            ei,
            cb,
            score,
            band,
        } => {
            let (e, c, s) = (
                quarters(u16::from(ei.quarters()), l),
                quarters(u16::from(*cb), l),
                quarters(*score, l),
            );
            (
                pick!(
                    l,
                    format!(
                        "Schwere SE = DPC × EI + CB = {dpc} × {e} + {c} = {s}: Stufe {}.",
                        band.label(l)
                    ),
                    format!(
                        "Severity SE = DPC × EI + CB = {dpc} × {e} + {c} = {s}: level {}.",
                        band.label(l)
                    ),
                ),
                owned(
                    "ENISA 2013, 3.2 (severity levels: low < 2 ≤ medium < 3 ≤ high < 4 ≤ very high)",
                ),
            )
        }
        EnisaFinding::FlagMoreThan100 { people } => (
            pick!(
                l,
                format!(
                    "Mehr als 100 Personen sind betroffen ({}).",
                    count(*people, l)
                ),
                format!("More than 100 people are affected ({}).", count(*people, l)),
            ),
            owned("ENISA 2013, 3.3 (flags)"),
        ),
    }
}
