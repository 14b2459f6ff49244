//! German and English names of the closed value sets, for texts shown to people.

use crate::facts::{Cause, DataCategory, Recipients};
use crate::options::Language;
use crate::risk::{Harm, RiskLevel, SeverityBand};

/// A value with a German and an English name.
pub trait Label {
    /// The name in `lang`.
    fn label(&self, lang: Language) -> &'static str;
}

macro_rules! labels {
    ($ty:ty { $($variant:path => ($de:literal, $en:literal)),+ $(,)? }) => {
        impl Label for $ty {
            fn label(&self, lang: Language) -> &'static str {
                let (de, en) = match self { $($variant => ($de, $en)),+ };
                match lang { Language::De => de, Language::En => en }
            }
        }
    };
}

labels!(RiskLevel {
    RiskLevel::Unlikely => ("voraussichtlich kein Risiko", "unlikely to result in a risk"),
    RiskLevel::Risk => ("Risiko", "risk"),
    RiskLevel::High => ("hohes Risiko", "high risk"),
});

labels!(SeverityBand {
    SeverityBand::Low => ("niedrig", "low"),
    SeverityBand::Medium => ("mittel", "medium"),
    SeverityBand::High => ("hoch", "high"),
    SeverityBand::VeryHigh => ("sehr hoch", "very high"),
});

labels!(DataCategory {
    DataCategory::Identity => ("Identitätsdaten", "identity data"),
    DataCategory::Contact => ("Kontaktdaten", "contact details"),
    DataCategory::Order => ("Bestelldaten", "order data"),
    DataCategory::Employment => ("Beschäftigtendaten", "employment data"),
    DataCategory::Behaviour => ("Verhaltensdaten", "behavioural data"),
    DataCategory::Location => ("Standortdaten", "location data"),
    DataCategory::Communications => ("Kommunikationsinhalte", "communications content"),
    DataCategory::Financial => ("Finanzdaten", "financial data"),
    DataCategory::Invoice => ("Rechnungsdaten", "invoice data"),
    DataCategory::BankAccount => ("Bankverbindung", "bank account"),
    DataCategory::PaymentCard => ("Zahlungskartendaten", "payment card data"),
    DataCategory::Credentials => ("Zugangsdaten", "credentials"),
    DataCategory::GovernmentId => ("Ausweis- oder Steuernummern", "government identifiers"),
    DataCategory::Health => ("Gesundheitsdaten", "health data"),
    DataCategory::SpecialCategory => ("besondere Kategorien (Art. 9)", "special categories (Art. 9)"),
    DataCategory::Criminal => ("Daten über Straftaten (Art. 10)", "criminal offence data (Art. 10)"),
});

labels!(crate::facts::ControllerContext {
    crate::facts::ControllerContext::HealthCare => ("Gesundheitsbereich", "health care"),
    crate::facts::ControllerContext::SexLife => ("Sexualleben", "sex life"),
    crate::facts::ControllerContext::Religion => ("Religion oder Weltanschauung", "religion or beliefs"),
    crate::facts::ControllerContext::Politics => ("politische Meinungen", "political opinions"),
    crate::facts::ControllerContext::TradeUnion => ("Gewerkschaftszugehörigkeit", "trade union membership"),
    crate::facts::ControllerContext::CriminalJustice => ("Straftaten (Art. 10 DSGVO)", "criminal offences (Art. 10 GDPR)"),
    crate::facts::ControllerContext::FinancialStatus => ("finanzielle Verhältnisse", "financial status"),
    crate::facts::ControllerContext::Children => ("Angebot für Kinder", "a service for children"),
    crate::facts::ControllerContext::ProfessionalSecrecy => ("Berufsgeheimnis (§ 203 StGB)", "professional secrecy (§ 203 StGB)"),
    crate::facts::ControllerContext::TelecomProvider => ("Telekommunikationsanbieter", "telecommunications provider"),
});

labels!(crate::facts::Evidence {
    crate::facts::Evidence::LogsComplete => ("vollständige Protokolle", "complete logs"),
    crate::facts::Evidence::LogsPartial => ("lückenhafte Protokolle", "partial logs"),
    crate::facts::Evidence::None => ("keine Protokolle", "no logs"),
});

labels!(crate::facts::Misuse {
    crate::facts::Misuse::Fraud => ("Betrug", "fraud"),
    crate::facts::Misuse::Phishing => ("gezieltes Phishing", "targeted phishing"),
    crate::facts::Misuse::Publication => ("Veröffentlichung", "publication"),
    crate::facts::Misuse::AccountTakeover => ("Übernahme von Kundenkonten", "account takeover"),
    crate::facts::Misuse::Extortion => ("Erpressung", "extortion"),
    crate::facts::Misuse::Stalking => ("Nachstellung", "stalking"),
});

labels!(Recipients {
    Recipients::None => ("niemand", "nobody"),
    Recipients::Trusted => ("ein vertrauenswürdiger Empfänger", "a trusted recipient"),
    Recipients::Known => ("bekannte Empfänger", "known recipients"),
    Recipients::Unknown => ("unbekannte Empfänger", "unknown recipients"),
    Recipients::Public => ("die Öffentlichkeit", "the public"),
    Recipients::UnknownExtent => ("ein unbekannter Kreis", "an unknown number of people"),
    Recipients::Hostile => ("ein Empfänger mit Schädigungsabsicht", "a recipient who intends harm"),
});

labels!(Cause {
    Cause::Ransomware => ("Ransomware", "ransomware"),
    Cause::Malware => ("Schadsoftware", "malware"),
    Cause::Hacking => ("Hackerangriff", "hacking"),
    Cause::CredentialStuffing => ("Credential Stuffing", "credential stuffing"),
    Cause::Phishing => ("Phishing", "phishing"),
    Cause::InsiderMalicious => ("vorsätzliche Handlung eines Beschäftigten", "malicious insider"),
    Cause::InsiderError => ("Fehler eines Beschäftigten", "insider error"),
    Cause::MisdeliveryPost => ("Fehlversand per Post", "postal misdelivery"),
    Cause::MisdeliveryEmail => ("Fehlversand per E-Mail", "e-mail misdelivery"),
    Cause::LostDevice => ("verlorenes Gerät", "lost device"),
    Cause::StolenDevice => ("gestohlenes Gerät", "stolen device"),
    Cause::StolenPaper => ("gestohlene Papierunterlagen", "stolen paper files"),
    Cause::PublicationError => ("versehentliche Veröffentlichung", "publication error"),
    Cause::SystemError => ("Systemfehler", "system error"),
    Cause::ProcessorIncident => ("Vorfall beim Auftragsverarbeiter", "processor incident"),
    Cause::SocialEngineering => ("Social Engineering", "social engineering"),
    Cause::Other => ("sonstige Ursache", "other cause"),
});

labels!(Harm {
    Harm::LossOfControl => ("Verlust der Kontrolle über die eigenen Daten", "loss of control over personal data"),
    Harm::LimitationOfRights => ("Einschränkung der Rechte", "limitation of rights"),
    Harm::Discrimination => ("Diskriminierung", "discrimination"),
    Harm::IdentityTheft => ("Identitätsdiebstahl", "identity theft"),
    Harm::Fraud => ("Betrug", "fraud"),
    Harm::FinancialLoss => ("finanzielle Verluste", "financial loss"),
    Harm::UnauthorisedReversalOfPseudonymisation => ("unbefugte Aufhebung der Pseudonymisierung", "unauthorised reversal of pseudonymisation"),
    Harm::ReputationalDamage => ("Rufschädigung", "damage to reputation"),
    Harm::LossOfProfessionalSecrecy => ("Verlust der Vertraulichkeit von Berufsgeheimnissen", "loss of confidentiality of data protected by professional secrecy"),
    Harm::EconomicOrSocialDisadvantage => ("erhebliche wirtschaftliche oder gesellschaftliche Nachteile", "significant economic or social disadvantage"),
    Harm::PhysicalHarm => ("körperlicher Schaden", "physical harm"),
});

/// A number of quarters (`5` → `1.25`) with the decimal separator of `lang`.
pub(crate) fn quarters(q: u16, lang: Language) -> String {
    let sep = match lang {
        Language::De => ',',
        Language::En => '.',
    };
    let fraction = ["0", "25", "5", "75"][usize::from(q % 4)];
    format!("{}{sep}{fraction}", q / 4)
}

/// A count with thousands separators (`800000` → `800.000` / `800,000`).
pub(crate) fn count(n: u64, lang: Language) -> String {
    let digits = n.to_string();
    let sep = match lang {
        Language::De => '.',
        Language::En => ',',
    };
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(ch);
    }
    out
}

labels!(crate::risk::Level {
    crate::risk::Level::Negligible => ("geringfügig", "negligible"),
    crate::risk::Level::Limited => ("überschaubar", "limited"),
    crate::risk::Level::Significant => ("substanziell", "significant"),
    crate::risk::Level::Maximum => ("groß", "maximum"),
});

labels!(crate::facts::Identifiability {
    crate::facts::Identifiability::Negligible => ("vernachlässigbar", "negligible"),
    crate::facts::Identifiability::Limited => ("begrenzt", "limited"),
    crate::facts::Identifiability::Significant => ("erheblich", "significant"),
    crate::facts::Identifiability::Maximum => ("maximal", "maximum"),
});

labels!(crate::facts::BreachType {
    crate::facts::BreachType::Confidentiality => ("Verletzung der Vertraulichkeit", "confidentiality breach"),
    crate::facts::BreachType::Integrity => ("Verletzung der Integrität", "integrity breach"),
    crate::facts::BreachType::Availability => ("Verletzung der Verfügbarkeit", "availability breach"),
});

labels!(crate::facts::SubjectCategory {
    crate::facts::SubjectCategory::Customers => ("Kundinnen und Kunden", "customers"),
    crate::facts::SubjectCategory::Prospects => ("Interessenten", "prospects"),
    crate::facts::SubjectCategory::NewsletterSubscribers => ("Newsletter-Abonnenten", "newsletter subscribers"),
    crate::facts::SubjectCategory::Employees => ("Beschäftigte", "employees"),
    crate::facts::SubjectCategory::FormerEmployees => ("ehemalige Beschäftigte", "former employees"),
    crate::facts::SubjectCategory::Applicants => ("Bewerberinnen und Bewerber", "applicants"),
    crate::facts::SubjectCategory::Patients => ("Patientinnen und Patienten", "patients"),
    crate::facts::SubjectCategory::Students => ("Schülerinnen, Schüler und Studierende", "students"),
    crate::facts::SubjectCategory::Children => ("Kinder", "children"),
    crate::facts::SubjectCategory::Users => ("Nutzerinnen und Nutzer", "users"),
    crate::facts::SubjectCategory::Other => ("sonstige Personen", "other people"),
});

labels!(crate::verdict::Art34Exemption {
    crate::verdict::Art34Exemption::A => ("Art. 34 Abs. 3 lit. a DSGVO (Daten für Unbefugte unverständlich, z. B. Verschlüsselung)", "Art. 34(3)(a) GDPR (data unintelligible, e.g. encryption)"),
    crate::verdict::Art34Exemption::B => ("Art. 34 Abs. 3 lit. b DSGVO (hohes Risiko durch nachfolgende Maßnahmen ausgeräumt)", "Art. 34(3)(b) GDPR (high risk neutralised by subsequent measures)"),
    crate::verdict::Art34Exemption::C => ("Art. 34 Abs. 3 lit. c DSGVO (unverhältnismäßiger Aufwand; öffentliche Bekanntmachung)", "Art. 34(3)(c) GDPR (disproportionate effort; public communication)"),
});

labels!(crate::facts::Tristate {
    crate::facts::Tristate::Yes => ("ja", "yes"),
    crate::facts::Tristate::No => ("nein", "no"),
    crate::facts::Tristate::Unknown => ("unbekannt", "unknown"),
});

/// `t` on the controller's clock, written for people in `lang`.
#[cfg_attr(not(feature = "documents"), allow(dead_code))] // used by the templates
pub(crate) fn local_time(
    t: chrono::DateTime<chrono::Utc>,
    facts: &crate::facts::BreachFacts,
    lang: Language,
) -> String {
    let (local, _) = crate::clock::local_time(t, &facts.controller.country, facts.aware_at);
    let zone = crate::clock::zone_abbreviation(t, &facts.controller.country, facts.aware_at);
    clock_time(local, &zone, lang)
}

/// A local time with its zone as people write it: `20.11.2026, 09:15 Uhr MEZ`
/// or `2026-11-20 09:15 CET` (German names for the German zones).
pub(crate) fn clock_time(
    local: chrono::DateTime<chrono::FixedOffset>,
    abbreviation: &str,
    lang: Language,
) -> String {
    match lang {
        Language::De => {
            let zone = match abbreviation {
                "CET" => "MEZ",
                "CEST" => "MESZ",
                "EET" => "OEZ",
                "EEST" => "OESZ",
                "WET" => "WEZ",
                "WEST" => "WESZ",
                other => other,
            };
            format!(
                "{}, {} Uhr {zone}",
                local.format("%d.%m.%Y"),
                local.format("%H:%M")
            )
        }
        Language::En => format!("{} {abbreviation}", local.format("%Y-%m-%d %H:%M")),
    }
}

labels!(crate::tom::ControlArea {
    crate::tom::ControlArea::PhysicalAccess => ("Zutrittskontrolle", "Physical access control"),
    crate::tom::ControlArea::SystemAccess => ("Zugangskontrolle", "System access control"),
    crate::tom::ControlArea::DataAccess => ("Zugriffskontrolle", "Data access control"),
    crate::tom::ControlArea::Separation => ("Trennungskontrolle", "Separation control"),
    crate::tom::ControlArea::Pseudonymisation => ("Pseudonymisierung", "Pseudonymisation"),
    crate::tom::ControlArea::Encryption => ("Verschlüsselung", "Encryption"),
    crate::tom::ControlArea::Transfer => ("Weitergabekontrolle", "Transfer control"),
    crate::tom::ControlArea::Input => ("Eingabekontrolle", "Input control"),
    crate::tom::ControlArea::DataIntegrity => ("Datenintegrität", "Data integrity"),
    crate::tom::ControlArea::Availability => ("Verfügbarkeitskontrolle", "Availability control"),
    crate::tom::ControlArea::Recoverability => ("Rasche Wiederherstellbarkeit", "Timely restoration"),
    crate::tom::ControlArea::DataProtectionManagement => ("Datenschutz-Management", "Data protection management"),
    crate::tom::ControlArea::IncidentResponse => ("Incident-Response-Management", "Incident response management"),
    crate::tom::ControlArea::PrivacyByDefault => ("Datenschutzfreundliche Voreinstellungen", "Data protection by default"),
    crate::tom::ControlArea::Processor => ("Auftragskontrolle", "Processor control"),
});

labels!(crate::tom::ShopMeasure {
    crate::tom::ShopMeasure::Tls => ("TLS-Verschlüsselung für Shop, Administration und Schnittstellen", "TLS for the shop, its admin area and interfaces"),
    crate::tom::ShopMeasure::AdminMfa => ("Mehr-Faktor-Authentisierung für Shop-Administratoren", "Multi-factor authentication for shop administrators"),
    crate::tom::ShopMeasure::SecurityUpdates => ("Zeitnahe Sicherheitsupdates für Shop-System, Plugins und Themes", "Timely security updates of shop core, plugins and themes"),
    crate::tom::ShopMeasure::PasswordHashing => ("Kundenpasswörter mit aktuellem Verfahren gehasht (z. B. Argon2id, bcrypt)", "Customer passwords hashed with a current algorithm (e.g. Argon2id, bcrypt)"),
    crate::tom::ShopMeasure::EncryptionAtRest => ("Verschlüsselung gespeicherter Kundendaten (Datenbank, Backups, Endgeräte)", "Customer data encrypted at rest (database, backups, devices)"),
    crate::tom::ShopMeasure::LeastPrivilege => ("Rollen- und Berechtigungskonzept nach dem Prinzip der minimalen Rechte", "Roles and permissions by least privilege"),
    crate::tom::ShopMeasure::Backups => ("Regelmäßige Datensicherungen", "Regular backups"),
    crate::tom::ShopMeasure::RestoreTests => ("Getestete Wiederherstellung aus der Datensicherung", "Tested restore from backup"),
    crate::tom::ShopMeasure::AccessLogging => ("Protokollierung administrativer Tätigkeiten und Datenzugriffe", "Logging of administrative activity and data access"),
    crate::tom::ShopMeasure::AccessAlerting => ("Alarmierung bei unbefugten Zugriffen", "Alerting on unauthorised access"),
    crate::tom::ShopMeasure::BreachProcedure => ("Verfahren für Sicherheitsvorfälle und Meldung von Datenschutzverletzungen (Art. 33, 34 DSGVO)", "Incident and breach notification procedure (Art. 33, 34 GDPR)"),
    crate::tom::ShopMeasure::ProcessorContracts => ("Verträge zur Auftragsverarbeitung (Art. 28 DSGVO)", "Processor contracts (Art. 28 GDPR)"),
    crate::tom::ShopMeasure::ProcessorReview => ("Sorgfältige Auswahl und regelmäßige Überprüfung der Auftragsverarbeiter", "Careful selection and regular review of processors"),
    crate::tom::ShopMeasure::DataProtectionOfficer => ("Datenschutzbeauftragte(r), soweit erforderlich", "Data protection officer, where required"),
    crate::tom::ShopMeasure::ConfidentialityCommitment => ("Verpflichtung der Beschäftigten auf Vertraulichkeit", "Staff committed to confidentiality"),
    crate::tom::ShopMeasure::StaffTraining => ("Schulung der Beschäftigten zu Datenschutz und Informationssicherheit", "Staff training in data protection and security"),
    crate::tom::ShopMeasure::DeletionConcept => ("Löschkonzept mit Aufbewahrungsfristen (§ 257 HGB, § 147 AO)", "Deletion concept with retention periods (§ 257 HGB, § 147 AO)"),
    crate::tom::ShopMeasure::SubjectRightsProcedure => ("Verfahren zur Bearbeitung von Anträgen betroffener Personen", "Procedure for data subjects' requests"),
    crate::tom::ShopMeasure::TestDataSeparation => ("Test- und Entwicklungssysteme ohne echte Kundendaten", "Test and development systems without live customer data"),
    crate::tom::ShopMeasure::PhysicalSecurity => ("Zutrittsschutz für Räume und Server (oder zertifiziertes Rechenzentrum)", "Physical security of premises and servers (or a certified data centre)"),
    crate::tom::ShopMeasure::PrivacyDefaults => ("Datenschutzfreundliche Voreinstellungen (Opt-in, Gastbestellung)", "Data protection by default (opt-in, guest checkout)"),
    crate::tom::ShopMeasure::SecurityTesting => ("Regelmäßige Sicherheitstests (Schwachstellenscans, Penetrationstests)", "Regular security testing (vulnerability scans, penetration tests)"),
    crate::tom::ShopMeasure::AdminNetworkRestriction => ("Administrationsbereich nur aus freigegebenen Netzen erreichbar", "Admin area reachable only from restricted networks"),
    crate::tom::ShopMeasure::TamperEvidentLogs => ("Manipulationsgeschützte, zentrale Protokollierung", "Tamper-evident central logging"),
});

labels!(crate::tom::ProtectionGoal {
    crate::tom::ProtectionGoal::DataMinimisation => ("Datenminimierung", "data minimisation"),
    crate::tom::ProtectionGoal::Availability => ("Verfügbarkeit", "availability"),
    crate::tom::ProtectionGoal::Integrity => ("Integrität", "integrity"),
    crate::tom::ProtectionGoal::Confidentiality => ("Vertraulichkeit", "confidentiality"),
    crate::tom::ProtectionGoal::Unlinkability => ("Nichtverkettung", "unlinkability"),
    crate::tom::ProtectionGoal::Transparency => ("Transparenz", "transparency"),
    crate::tom::ProtectionGoal::Intervenability => ("Intervenierbarkeit", "intervenability"),
});

labels!(crate::tom::Art32Point {
    crate::tom::Art32Point::A => ("Pseudonymisierung und Verschlüsselung personenbezogener Daten", "pseudonymisation and encryption of personal data"),
    crate::tom::Art32Point::B => ("Vertraulichkeit, Integrität, Verfügbarkeit und Belastbarkeit der Systeme und Dienste auf Dauer", "ongoing confidentiality, integrity, availability and resilience of processing systems and services"),
    crate::tom::Art32Point::C => ("rasche Wiederherstellung der Verfügbarkeit und des Zugangs nach einem Zwischenfall", "timely restoration of availability and access after an incident"),
    crate::tom::Art32Point::D => ("Verfahren zur regelmäßigen Überprüfung, Bewertung und Evaluierung der Wirksamkeit", "regular testing, assessing and evaluating of effectiveness"),
});

labels!(crate::tom::ProtectionNeed {
    crate::tom::ProtectionNeed::Normal => ("normal", "normal"),
    crate::tom::ProtectionNeed::High => ("hoch", "high"),
    crate::tom::ProtectionNeed::VeryHigh => ("sehr hoch", "very high"),
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quarters_are_written_exactly() {
        let en: Vec<String> = (0..9).map(|q| quarters(q, Language::En)).collect();
        assert_eq!(
            en,
            [
                "0.0", "0.25", "0.5", "0.75", "1.0", "1.25", "1.5", "1.75", "2.0"
            ]
        );
        assert_eq!(quarters(13, Language::De), "3,25");
    }
}
