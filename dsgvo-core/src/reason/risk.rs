//! What the risk engine established: exposure, ENISA severity, EDPB factors, harms, unknowns.

use super::{EDPB_0121, ENISA_T1, Rendered, list, pick};
use crate::facts::{Cause, DataCategory, EnisaClass, Identifiability, Recipients};
use crate::label::{Label, count, quarters};
use crate::options::Language;
use crate::risk::unknowns::EiBasis;
use crate::risk::{
    CircumstancesOfBreach, Harm, LARGE_SCALE, MANY_PEOPLE, RiskLevel, SectorContext, SeverityBand,
};

/// What the risk engine established: exposure, ENISA severity, EDPB factors, harms, unknowns.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum RiskFinding {
    AttackCause {
        cause: Cause,
    },
    DataUnintelligible,
    OnlyHashedPasswords,
    NoRecipient,
    NoEvidenceOfExfiltration,
    RecipientTrusted,
    RecipientRetrieved,
    Disclosed {
        recipients: Recipients,
        exfiltrated: bool,
    },
    AvailabilityRestored {
        hours: Option<u32>,
    },
    CredentialsHashed,
    DpcOnlyHashedCredentials,
    DpcBase {
        category: DataCategory,
        class: EnisaClass,
        score: u8,
    },
    DpcControllerContext {
        sector: String,
        context: SectorContext,
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
    NoMaterialisedLoss,
    BandToRisk {
        band: SeverityBand,
        risk: RiskLevel,
    },
    SpecialCategories {
        high: bool,
    },
    FraudEnablingData {
        categories: Vec<DataCategory>,
    },
    MaliciousDisclosure,
    CriminalExfiltration {
        cause: Cause,
    },
    ManyPeople {
        people: u64,
    },
    LargeScale {
        people: u64,
    },
    AvailabilityWithoutBackup {
        permanent: bool,
    },
    IntegrityUnrecoverable,
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
            RiskFinding::DataUnintelligible => (
                "data_unintelligible",
                pick(
                    l,
                    owned(
                        "Die Daten waren nach dem Stand der Technik verschlüsselt und der Schlüssel ist nicht kompromittiert: Für Unbefugte sind sie unverständlich.",
                    ),
                    owned(
                        "The data was encrypted to the state of the art and the key is not compromised: it is unintelligible to unauthorised persons.",
                    ),
                ),
                owned(
                    "Art. 34(3)(a) GDPR; ENISA 2013, 3.3 (flag data unintelligible); EDPB Guidelines 01/2021, case 10",
                ),
            ),
            RiskFinding::OnlyHashedPasswords => (
                "only_hashed_passwords",
                pick(
                    l,
                    owned(
                        "Betroffen sind nur Passwörter, die mit einem aktuellen, gesalzenen Verfahren gehasht sind: Sie sind nicht verwendbar.",
                    ),
                    owned(
                        "Only passwords hashed with a current salted algorithm are affected: they cannot be used.",
                    ),
                ),
                format!("{EDPB_0121}, case 06"),
            ),
            RiskFinding::NoRecipient => (
                "no_recipient",
                pick(
                    l,
                    owned("Niemand Unbefugtes hat die Daten erhalten oder eingesehen."),
                    owned("No unauthorised person received or saw the data."),
                ),
                owned("ENISA 2013, Annex 3 (loss of confidentiality 0)"),
            ),
            RiskFinding::NoEvidenceOfExfiltration => (
                "no_evidence_of_exfiltration",
                pick(
                    l,
                    owned("Es gibt keinen Hinweis, dass Daten abgeflossen sind (exfiltrated: no)."),
                    owned("There is no evidence that data was copied out (exfiltrated: no)."),
                ),
                format!("{EDPB_0121}, case 01; ENISA 2013, Annex 3"),
            ),
            RiskFinding::RecipientTrusted => (
                "recipient_trusted",
                pick(
                    l,
                    owned(
                        "Die Daten gingen an einen vertrauenswürdigen, zur Vertraulichkeit verpflichteten Empfänger ohne böswillige Absicht.",
                    ),
                    owned(
                        "The data went to a trusted recipient bound to confidentiality, without malicious intent.",
                    ),
                ),
                format!("{EDPB_0121}, case 09"),
            ),
            RiskFinding::RecipientRetrieved => (
                "recipient_retrieved",
                pick(
                    l,
                    owned(
                        "Der bekannte Empfänger hat die Daten zurückgegeben oder ihre Löschung bestätigt; keine böswillige Absicht.",
                    ),
                    owned(
                        "The known recipient returned the data or confirmed its deletion; no malicious intent.",
                    ),
                ),
                format!("{EDPB_0121}, case 13"),
            ),
            RiskFinding::Disclosed {
                recipients,
                exfiltrated,
            } => (
                "data_disclosed",
                pick(
                    l,
                    format!(
                        "Die Daten wurden offengelegt{1} (Empfängerkreis: {0}).",
                        recipients.label(l),
                        if *exfiltrated {
                            " bzw. sind abgeflossen"
                        } else {
                            ""
                        }
                    ),
                    format!(
                        "The data was disclosed to {}{}.",
                        recipients.label(l),
                        if *exfiltrated { " or copied out" } else { "" }
                    ),
                ),
                owned("Art. 4(12) GDPR; EDPB Guidelines 9/2022 (type of breach)"),
            ),
            RiskFinding::AvailabilityRestored { hours } => (
                "availability_restored",
                pick(
                    l,
                    match hours {
                        Some(h) => format!(
                            "Die Daten wurden aus einem aktuellen Backup innerhalb von {h} Stunden wiederhergestellt."
                        ),
                        None => owned("Ein aktuelles Backup war vorhanden."),
                    },
                    match hours {
                        Some(h) => {
                            format!("The data was restored from a current backup within {h} hours.")
                        }
                        None => owned("A current backup was available."),
                    },
                ),
                format!("{EDPB_0121}, case 01; ENISA 2013, Annex 3 (loss of availability 0)"),
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
            RiskFinding::DpcControllerContext {
                sector,
                context,
                from,
                to,
            } => (
                "enisa_dpc_controller_context",
                pick(
                    l,
                    format!(
                        "DPC {from} → {to}: Die Branche des Verantwortlichen ({sector}) lässt Rückschlüsse {} zu.",
                        if *context == SectorContext::IntimateLife {
                            "auf Gesundheit, Sexualleben oder Überzeugungen"
                        } else {
                            "auf die finanzielle oder soziale Lage"
                        }
                    ),
                    format!(
                        "DPC {from} → {to}: the controller's sector ({sector}) allows assumptions about {}.",
                        if *context == SectorContext::IntimateLife {
                            "health, sex life or beliefs"
                        } else {
                            "financial or social status"
                        }
                    ),
                ),
                owned(
                    "ENISA 2013, Annex 1 Table 1 and A2 (special characteristics of the controller); EDPB Guidelines 9/2022 (special characteristics of the controller)",
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
            RiskFinding::NoMaterialisedLoss => (
                "no_materialised_loss",
                pick(
                    l,
                    owned(
                        "Für niemanden ist ein Verlust eingetreten: Die Daten sind geschützt, nicht abgeflossen bzw. zurückerlangt und verfügbar. Die Verletzung führt daher voraussichtlich nicht zu einem Risiko.",
                    ),
                    owned(
                        "No loss materialised for anyone: the data is protected, not copied out or retrieved, and available. The breach is therefore unlikely to result in a risk.",
                    ),
                ),
                format!(
                    "Art. 33(1) GDPR; Recitals 75–76 (likelihood and severity); {EDPB_0121}, cases 01, 09, 10, 13, 15"
                ),
            ),
            RiskFinding::BandToRisk { band, risk } => (
                "enisa_band_to_risk",
                pick(
                    l,
                    format!(
                        "Schwere „{}“ ergibt als Ausgangspunkt: {}.",
                        band.label(l),
                        risk.label(l)
                    ),
                    format!(
                        "Severity \"{}\" gives as starting point: {}.",
                        band.label(l),
                        risk.label(l)
                    ),
                ),
                owned(
                    "dsgvo method: ENISA low → unlikely, medium → risk, high/very high → high risk (ENISA 2013, 3.2 level descriptions; ENISA sets no threshold, 4.1.2)",
                ),
            ),
            RiskFinding::SpecialCategories { high } => (
                "special_categories",
                pick(
                    l,
                    if *high {
                        owned(
                            "Besondere Kategorien (Art. 9/10) wurden offengelegt: Ein Schaden ist als wahrscheinlich anzusehen; hohes Risiko.",
                        )
                    } else {
                        owned(
                            "Besondere Kategorien (Art. 9/10) sind betroffen: Ein Schaden ist als wahrscheinlich anzusehen; mindestens Risiko.",
                        )
                    },
                    if *high {
                        owned(
                            "Special categories (Art. 9/10) were disclosed: damage should be considered likely; high risk.",
                        )
                    } else {
                        owned(
                            "Special categories (Art. 9/10) are affected: damage should be considered likely; at least a risk.",
                        )
                    },
                ),
                owned("EDPB Guidelines 9/2022 para 102; Recital 75; Art. 9, 10 GDPR"),
            ),
            RiskFinding::FraudEnablingData { categories } => (
                "fraud_enabling_data",
                pick(
                    l,
                    format!(
                        "Offengelegt wurden Daten, die Identitätsdiebstahl oder Betrug ermöglichen ({}): hohes Risiko.",
                        list(categories, l)
                    ),
                    format!(
                        "Data that enables identity theft or fraud was disclosed ({}): high risk.",
                        list(categories, l)
                    ),
                ),
                format!(
                    "Recital 85 (identity theft, fraud, financial loss); {EDPB_0121}, cases 07, 14, 17"
                ),
            ),
            RiskFinding::MaliciousDisclosure => (
                "malicious_disclosure",
                pick(
                    l,
                    owned(
                        "Die Daten sind in den Händen von Personen mit böswilliger Absicht: mindestens Risiko.",
                    ),
                    owned(
                        "The data is in the hands of people with malicious intent: at least a risk.",
                    ),
                ),
                format!("{EDPB_0121}, case 08; EDPB Guidelines 9/2022 (type of breach)"),
            ),
            RiskFinding::CriminalExfiltration { cause } => (
                "criminal_exfiltration",
                pick(
                    l,
                    format!(
                        "Angreifer ({}) haben Namen zusammen mit weiteren Daten der Personen erlangt: Gezieltes Phishing, Betrug oder Identitätsdiebstahl sind wahrscheinlich; hohes Risiko.",
                        cause.label(l)
                    ),
                    format!(
                        "Attackers ({}) obtained names together with further data about the people: targeted phishing, fraud or identity theft are likely; high risk.",
                        cause.label(l)
                    ),
                ),
                format!("{EDPB_0121}, cases 05, 17, 18; Recital 85 (identity theft, fraud)"),
            ),
            RiskFinding::ManyPeople { people } => (
                "many_data_subjects",
                pick(
                    l,
                    format!(
                        "{} betroffene Personen (mehr als {MANY_PEOPLE}): mindestens Risiko.",
                        count(*people, l)
                    ),
                    format!(
                        "{} affected people (more than {MANY_PEOPLE}): at least a risk.",
                        count(*people, l)
                    ),
                ),
                owned(
                    "ENISA 2013, 3.3 (flag > 100 individuals); EDPB Guidelines 9/2022 (number of affected individuals)",
                ),
            ),
            RiskFinding::LargeScale { people } => (
                "large_scale",
                pick(
                    l,
                    format!(
                        "{} betroffene Personen (ab {}) bei mindestens mittlerer Schwere: hohes Risiko.",
                        count(*people, l),
                        count(LARGE_SCALE, l)
                    ),
                    format!(
                        "{} affected people ({} or more) at medium severity or above: high risk.",
                        count(*people, l),
                        count(LARGE_SCALE, l)
                    ),
                ),
                format!(
                    "EDPB Guidelines 9/2022 (number of affected individuals); {EDPB_0121}, case 11; threshold {LARGE_SCALE} is the dsgvo method"
                ),
            ),
            RiskFinding::AvailabilityWithoutBackup { permanent } => (
                "availability_without_backup",
                pick(
                    l,
                    if *permanent {
                        owned("Die Daten sind dauerhaft verloren: mindestens Risiko.")
                    } else {
                        owned(
                            "Kein aktuelles Backup: Die Wiederherstellung dauert und gelingt nicht sicher; mindestens Risiko.",
                        )
                    },
                    if *permanent {
                        owned("The data is permanently lost: at least a risk.")
                    } else {
                        owned(
                            "No current backup: restoring takes time and may fail; at least a risk.",
                        )
                    },
                ),
                format!("{EDPB_0121}, case 02; ENISA 2013, Annex 3 (loss of availability)"),
            ),
            RiskFinding::IntegrityUnrecoverable => (
                "integrity_unrecoverable",
                pick(
                    l,
                    owned(
                        "Veränderte Daten lassen sich nicht sicher wiederherstellen: mindestens Risiko.",
                    ),
                    owned("Altered data cannot be reliably restored: at least a risk."),
                ),
                owned("ENISA 2013, Annex 3 (loss of integrity)"),
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
        }
    }
}
