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
    DataCategory::BankAccount => ("Bankverbindung", "bank account"),
    DataCategory::PaymentCard => ("Zahlungskartendaten", "payment card data"),
    DataCategory::Credentials => ("Zugangsdaten", "credentials"),
    DataCategory::GovernmentId => ("Ausweis- oder Steuernummern", "government identifiers"),
    DataCategory::Health => ("Gesundheitsdaten", "health data"),
    DataCategory::SpecialCategory => ("besondere Kategorien (Art. 9)", "special categories (Art. 9)"),
    DataCategory::Criminal => ("Daten über Straftaten (Art. 10)", "criminal offence data (Art. 10)"),
});

labels!(Recipients {
    Recipients::None => ("niemand", "nobody"),
    Recipients::Trusted => ("ein vertrauenswürdiger Empfänger", "a trusted recipient"),
    Recipients::Known => ("bekannte Empfänger", "known recipients"),
    Recipients::Unknown => ("unbekannte Empfänger", "unknown recipients"),
    Recipients::Public => ("die Öffentlichkeit", "the public"),
    Recipients::UnknownExtent => ("ein unbekannter Kreis", "an unknown number of people"),
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
    let text = format!("{}", f64::from(q) / 4.0);
    let text = if text.contains('.') {
        text
    } else {
        format!("{text}.0")
    };
    match lang {
        Language::De => text.replace('.', ","),
        Language::En => text,
    }
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
pub(crate) fn local_time(
    t: chrono::DateTime<chrono::Utc>,
    facts: &crate::facts::BreachFacts,
    lang: Language,
) -> String {
    let (local, zone) = crate::clock::local_time(t, &facts.controller.country, facts.aware_at);
    match lang {
        Language::De => format!("{} Uhr ({zone})", local.format("%d.%m.%Y %H:%M")),
        Language::En => format!("{} ({zone})", local.format("%Y-%m-%d %H:%M")),
    }
}
