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
    Harm::LossOfControl => ("Verlust der Kontrolle über die eigenen Daten", "loss of control over their personal data"),
    Harm::LimitationOfRights => ("Einschränkung der Rechte", "limitation of their rights"),
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
