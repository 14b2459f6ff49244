//! What the risk engine established: exposure, ENISA severity, EDPB factors, harms, unknowns.

use super::method;
use super::{EDPB_0121, ENISA_T1, Rendered, list, pick};
use crate::facts::{
    BreachType, Cause, ControllerContext, DataCategory, EnisaClass, Identifiability, Recipients,
};
use crate::label::{Label, count, quarters};
use crate::options::Language;
use crate::risk::unknowns::EiBasis;
use crate::risk::{
    CircumstancesOfBreach, Harm, Likelihood, RiskLevel, SeverityBand, SeverityScore,
};

/// What the risk engine established: exposure, ENISA severity, EDPB factors, harms, unknowns.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum RiskFinding {
    AttackCause {
        cause: Cause,
    },
    CredentialsHashed,
    DpcOnlyHashedCredentials,
    DpcBase {
        category: DataCategory,
        class: EnisaClass,
        score: u8,
    },
    DpcControllerContext {
        context: ControllerContext,
        from: u8,
        to: u8,
    },
    DpcVulnerable {
        from: u8,
        to: u8,
        unknown: bool,
    },
    EaseOfIdentification {
        level: Identifiability,
        basis: EiBasis,
    },
    Circumstances {
        cb: CircumstancesOfBreach,
        recipients: Option<Recipients>,
    },
    Severity {
        dpc: u8,
        ei: Identifiability,
        cb: u8,
        score: u16,
        band: SeverityBand,
    },
    FlagMoreThan100 {
        people: u64,
    },
    Conclusion {
        risk: RiskLevel,
    },
    UnknownsAssumedWorst {
        paths: Vec<&'static str>,
    },
    Harms {
        harms: Vec<Harm>,
        derived: bool,
    },
    NotIdentifying,
    SpecialDataWithStranger,
    PeopleFactor {
        people: u64,
        quarters: u16,
    },
    Likelihood {
        breach_type: BreachType,
        likelihood: Likelihood,
    },
    Cell {
        breach_type: BreachType,
        likelihood: Likelihood,
        severity: SeverityScore,
        risk: RiskLevel,
    },
}

impl RiskFinding {
    /// Renders the finding in `lang`.
    pub(crate) fn render(&self, lang: Language) -> Rendered {
        let l = lang;
        let owned = |s: &str| s.to_string();
        match self {
            RiskFinding::AttackCause { cause } => (
                "malicious_by_cause",
                pick(
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
            RiskFinding::CredentialsHashed => (
                "credentials_hashed",
                pick(
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
            RiskFinding::DpcOnlyHashedCredentials => (
                "enisa_dpc_base",
                pick(
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
            RiskFinding::DpcBase {
                category,
                class,
                score,
            } => {
                let adj = match (category, class.base_score().cmp(score)) {
                    (DataCategory::PaymentCard, _) => pick(
                        l,
                        owned(" (vollständige Kartendaten ermöglichen Betrug: +1)"),
                        owned(" (full card data enables fraud: +1)"),
                    ),
                    (DataCategory::BankAccount, _) => pick(
                        l,
                        owned(" (bloße Kontonummer ohne weiteren Einblick: −1)"),
                        owned(" (bare account number without further insight: −1)"),
                    ),
                    _ => String::new(),
                };
                (
                    "enisa_dpc_base",
                    pick(
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
            RiskFinding::DpcControllerContext { context, from, to } => (
                "enisa_dpc_controller_context",
                pick(
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
            RiskFinding::DpcVulnerable { from, to, unknown } => (
                "enisa_dpc_vulnerable",
                pick(
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
            RiskFinding::EaseOfIdentification { level, basis } => {
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
                    "enisa_ei",
                    pick(
                        l,
                        format!("Identifizierbarkeit EI = {v} ({level}: {why_de})."),
                        format!("Ease of identification EI = {v} ({level}: {why_en})."),
                    ),
                    owned("ENISA 2013, 3.1.2 and Annex 2 (EI)"),
                )
            }
            RiskFinding::Circumstances { cb, recipients } => {
                let q = |n: u8| quarters(u16::from(n), l);
                let total = q(cb.confidentiality + cb.integrity + cb.availability + cb.malicious);
                let rec = recipients
                    .map(|r| format!(" ({})", r.label(l)))
                    .unwrap_or_default();
                (
                    "enisa_cb",
                    pick(
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
            RiskFinding::Severity {
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
                    "enisa_severity",
                    pick(
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
            RiskFinding::FlagMoreThan100 { people } => (
                "enisa_flag_more_than_100",
                pick(
                    l,
                    format!(
                        "Mehr als 100 Personen sind betroffen ({}).",
                        count(*people, l)
                    ),
                    format!("More than 100 people are affected ({}).", count(*people, l)),
                ),
                owned("ENISA 2013, 3.3 (flags)"),
            ),
            RiskFinding::Conclusion { risk } => (
                match risk {
                    RiskLevel::Unlikely => "risk_unlikely",
                    RiskLevel::Risk => "risk_present",
                    RiskLevel::High => "risk_high",
                },
                match risk {
                    RiskLevel::Unlikely => pick(
                        l,
                        owned(
                            "Ergebnis: Die Verletzung führt voraussichtlich nicht zu einem Risiko für die Rechte und Freiheiten natürlicher Personen; keine Meldepflicht nach Art. 33 Abs. 1.",
                        ),
                        owned(
                            "Result: the breach is unlikely to result in a risk to the rights and freedoms of natural persons; no notification under Art. 33(1).",
                        ),
                    ),
                    RiskLevel::Risk => pick(
                        l,
                        owned(
                            "Ergebnis: Risiko. Meldung an die Aufsichtsbehörde (Art. 33 Abs. 1); eine Benachrichtigung der betroffenen Personen ist nicht erforderlich, weil kein hohes Risiko besteht.",
                        ),
                        owned(
                            "Result: risk. Notify the supervisory authority (Art. 33(1)); informing the data subjects is not required because the risk is not high.",
                        ),
                    ),
                    RiskLevel::High => pick(
                        l,
                        owned(
                            "Ergebnis: hohes Risiko. Meldung an die Aufsichtsbehörde (Art. 33 Abs. 1) und Benachrichtigung der betroffenen Personen (Art. 34 Abs. 1).",
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
                "unknowns_assumed_worst",
                pick(
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
                if *derived {
                    "harms_derived"
                } else {
                    "harms_given"
                },
                pick(
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
                "people_factor",
                pick(
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
                "data_not_identifying",
                pick(
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
                "special_data_with_stranger",
                pick(
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
}
