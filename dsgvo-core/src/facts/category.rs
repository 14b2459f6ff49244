//! The closed value sets of breach facts v1 (spec sections 1, 1.1–1.3).

use serde::{Deserialize, Serialize};

macro_rules! closed_set {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, schemars::JsonSchema)]
        pub enum $name { $($(#[$vdoc])* #[serde(rename = $text)] $variant),+ }

        impl $name {
            /// Every value, in the order of the spec.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// The contract's string for this value.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }

        impl std::str::FromStr for $name {
            type Err = String;
            /// The value with the contract's string `text`; the error lists the allowed ones.
            fn from_str(text: &str) -> Result<Self, String> {
                $name::ALL.iter().copied().find(|v| v.as_str() == text).ok_or_else(|| {
                    format!("\"{text}\" is not one of: {}", [$($text),+].join(", "))
                })
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
pub(crate) use closed_set;

closed_set!(
    /// Whether the party assessing the breach is the controller or a processor.
    Role { /// Verantwortlicher (Art. 4(7)).
        Controller = "controller", /// Auftragsverarbeiter (Art. 4(8)).
        Processor = "processor" }
);

closed_set!(
    /// The three breach types of EDPB Guidelines 9/2022 (and 01/2021 para 5).
    BreachType { /// Unauthorised or accidental disclosure of or access to data.
        Confidentiality = "confidentiality", /// Unauthorised or accidental alteration.
        Integrity = "integrity", /// Loss of access or destruction.
        Availability = "availability" }
);

closed_set!(
    /// What caused the breach (spec 1.1).
    Cause {
        /// Ransomware.
        Ransomware = "ransomware", /// Other malware.
        Malware = "malware", /// Intrusion by an attacker.
        Hacking = "hacking", /// Logins with credentials leaked elsewhere.
        CredentialStuffing = "credential_stuffing", /// Phishing.
        Phishing = "phishing", /// A staff member acting with intent.
        InsiderMalicious = "insider_malicious", /// A staff member's mistake.
        InsiderError = "insider_error", /// Letter or parcel to the wrong person.
        MisdeliveryPost = "misdelivery_post", /// E-mail to the wrong person(s).
        MisdeliveryEmail = "misdelivery_email", /// A lost device.
        LostDevice = "lost_device", /// A stolen device.
        StolenDevice = "stolen_device", /// Stolen paper files.
        StolenPaper = "stolen_paper", /// Data published by mistake.
        PublicationError = "publication_error", /// A bug or misconfiguration.
        SystemError = "system_error", /// An incident at a processor.
        ProcessorIncident = "processor_incident", /// Manipulation of people.
        SocialEngineering = "social_engineering", /// Anything else.
        Other = "other",
    }
);

impl Cause {
    /// Causes that are intentional attacks by their nature (ENISA 2013,
    /// Annex 3: malicious intent), whatever `malicious` says.
    pub fn is_attack(self) -> bool {
        matches!(
            self,
            Cause::Ransomware
                | Cause::Malware
                | Cause::Hacking
                | Cause::CredentialStuffing
                | Cause::Phishing
                | Cause::InsiderMalicious
                | Cause::SocialEngineering
        )
    }
}

impl Cause {
    /// Attacks by people outside the organisation, whose purpose is abuse of
    /// the data (EDPB 01/2021 cases 05, 07, 17, 18), unlike an insider who
    /// reuses data for business (case 08).
    pub fn is_external_attack(self) -> bool {
        self.is_attack() && self != Cause::InsiderMalicious
    }
}

/// The four data-processing-context classes of ENISA 2013 (Annex 1, Table 1),
/// in increasing order of criticality.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EnisaClass {
    /// Simple data, base score 1.
    Simple,
    /// Behavioural data, base score 2.
    Behavioural,
    /// Financial data, base score 3.
    Financial,
    /// Sensitive data, base score 4.
    Sensitive,
}

impl EnisaClass {
    /// The base DPC score of the class (ENISA 2013, Annex 1, Table 1).
    pub fn base_score(self) -> u8 {
        match self {
            EnisaClass::Simple => 1,
            EnisaClass::Behavioural => 2,
            EnisaClass::Financial => 3,
            EnisaClass::Sensitive => 4,
        }
    }
}

closed_set!(
    /// Categories of personal data (spec 1.2).
    DataCategory {
        /// Name, sex, date of birth, customer number.
        Identity = "identity", /// E-mail, phone, postal address.
        Contact = "contact", /// Orders, purchase history, packing slips, delivery data.
        Order = "order", /// CV, application, working hours, payroll data.
        Employment = "employment", /// Browsing, preferences, habits, profiles.
        Behaviour = "behaviour", /// Location and traffic data.
        Location = "location", /// Content of messages or e-mails.
        Communications = "communications", /// Income, transactions, invoices, creditworthiness.
        Financial = "financial", /// Invoices or order amounts that give no significant insight into a person's finances (facts v2; ENISA 2013 Annex 1: financial data −1).
        Invoice = "invoice", /// IBAN / account number.
        BankAccount = "bank_account", /// Full card data usable for fraud.
        PaymentCard = "payment_card", /// Passwords, tokens, security answers.
        Credentials = "credentials", /// ID card, passport, tax id, social security number.
        GovernmentId = "government_id", /// Health data (Art. 9).
        Health = "health", /// Other Art. 9 data.
        SpecialCategory = "special_category", /// Convictions and offences (Art. 10).
        Criminal = "criminal",
    }
);

impl DataCategory {
    /// The ENISA 2013 class the category starts from (spec 1.2).
    pub fn enisa_class(self) -> EnisaClass {
        use DataCategory::*;
        match self {
            Identity | Contact | Order | Employment => EnisaClass::Simple,
            Behaviour | Location | Communications => EnisaClass::Behavioural,
            Financial | Invoice | BankAccount | PaymentCard | Credentials | GovernmentId => {
                EnisaClass::Financial
            }
            Health | SpecialCategory | Criminal => EnisaClass::Sensitive,
        }
    }

    /// Art. 9 or Art. 10 data.
    pub fn is_special(self) -> bool {
        self.enisa_class() == EnisaClass::Sensitive
    }
}

closed_set!(
    /// Categories of data subjects (spec 1.3).
    SubjectCategory {
        /// Customers.
        Customers = "customers", /// Prospects.
        Prospects = "prospects", /// Newsletter subscribers.
        NewsletterSubscribers = "newsletter_subscribers", /// Employees.
        Employees = "employees", /// Former employees.
        FormerEmployees = "former_employees", /// Applicants.
        Applicants = "applicants", /// Patients.
        Patients = "patients", /// Students.
        Students = "students", /// Children.
        Children = "children", /// Users.
        Users = "users", /// Others.
        Other = "other",
    }
);

impl SubjectCategory {
    /// Groups that are vulnerable by definition (Recital 75: children; EDPB
    /// 9/2022: patients and other vulnerable people).
    pub fn is_vulnerable(self) -> bool {
        matches!(self, SubjectCategory::Children | SubjectCategory::Patients)
    }
}

closed_set!(
    /// ENISA 2013 ease of identification (section 3.1.2, Annex 2).
    Identifiability {
        /// EI 0.25.
        Negligible = "negligible", /// EI 0.5.
        Limited = "limited", /// EI 0.75.
        Significant = "significant", /// EI 1.0.
        Maximum = "maximum",
    }
);

impl Identifiability {
    /// The EI value in quarters (1 = 0.25 … 4 = 1.0).
    pub fn quarters(self) -> u8 {
        match self {
            Identifiability::Negligible => 1,
            Identifiability::Limited => 2,
            Identifiability::Significant => 3,
            Identifiability::Maximum => 4,
        }
    }
}

closed_set!(
    /// Who received or could access the data.
    Recipients {
        /// Nobody (e.g. device lost and recovered unopened).
        None = "none", /// A trusted recipient bound to confidentiality.
        Trusted = "trusted", /// Known recipients.
        Known = "known", /// Unknown recipients.
        Unknown = "unknown", /// Published.
        Public = "public", /// Exposed to an unknown extent.
        UnknownExtent = "unknown_extent", /// A recipient known to intend harm to the people (a hostile ex-partner, a stalker, a fraudster who asked for the data; facts v2).
        Hostile = "hostile",
    }
);

closed_set!(
    /// Encryption of the affected data.
    Encryption {
        /// No encryption.
        None = "none", /// Weak or outdated encryption.
        Weak = "weak", /// State-of-the-art encryption.
        StateOfTheArt = "state_of_the_art",
    }
);

closed_set!(
    /// How affected passwords were stored.
    PasswordHashing {
        /// No passwords affected.
        NotApplicable = "not_applicable", /// Plain text.
        None = "none", /// Weak or unsalted hashing.
        Weak = "weak", /// A current salted password hash (Argon2, bcrypt, scrypt, ...).
        StateOfTheArt = "state_of_the_art",
    }
);

closed_set!(
    /// Backup state of data lost in an availability breach.
    Backup {
        /// No backup.
        None = "none", /// An outdated backup.
        Outdated = "outdated", /// A current backup.
        Current = "current",
    }
);

closed_set!(
    /// What being a customer of this controller reveals, and the legal
    /// regimes that attach to it (facts v2, `controller.contexts`). A closed
    /// vocabulary: the free-text `sector` decides nothing.
    ControllerContext {
        /// Health care or health products (pharmacy, medical aids): being a
        /// customer reveals health data (Art. 9; ENISA 2013 Annex 1 A2).
        HealthCare = "health_care", /// Dating, erotic or sexual products and services (Art. 9: sex life).
        SexLife = "sex_life", /// Religious or philosophical goods or communities (Art. 9).
        Religion = "religion", /// Political parties or campaigns (Art. 9: political opinions).
        Politics = "politics", /// Trade unions (Art. 9).
        TradeUnion = "trade_union", /// Criminal proceedings, probation, debt collection of offences (Art. 10).
        CriminalJustice = "criminal_justice", /// Banks, insurers, credit, debt advice, luxury goods: being a customer allows assumptions about financial status (ENISA 2013 Annex 1 A2).
        FinancialStatus = "financial_status", /// A service directed at children (Art. 8, Recital 38).
        Children = "children", /// Staff bound by professional secrecy under § 203 StGB (pharmacists, physicians, lawyers, tax advisers, insurers' medical staff).
        ProfessionalSecrecy = "professional_secrecy", /// A provider of telecommunications services: in Germany its breach notifications go to the BfDI (statutory basis UNVERIFIED, see the `authority_bfdi_telecom` reason).
        TelecomProvider = "telecom_provider",
    }
);

impl ControllerContext {
    /// The lowest ENISA DPC this context gives even simple data (ENISA 2013,
    /// Annex 1 Table 1, "+1"/"+2" for simple data whose context reveals more).
    pub fn dpc_floor(self) -> u8 {
        use ControllerContext::*;
        match self {
            HealthCare | SexLife | Religion | Politics | TradeUnion | CriminalJustice => 3,
            FinancialStatus => 2,
            Children | ProfessionalSecrecy | TelecomProvider => 1,
        }
    }

    /// The v1 `controller.sector` codes the v1 contract named as raising the
    /// context, read exactly (no substring match): `health`, `financial`,
    /// `telecom`. Any other text is a label and decides nothing.
    pub fn from_v1_sector(sector: &str) -> &'static [ControllerContext] {
        match sector {
            "health" => &[ControllerContext::HealthCare],
            "financial" => &[ControllerContext::FinancialStatus],
            "telecom" => &[ControllerContext::TelecomProvider],
            _ => &[],
        }
    }
}

closed_set!(
    /// How good the evidence is that a `"no"` about exfiltration or access
    /// rests on (facts v2, `confidentiality.evidence`).
    Evidence {
        /// Complete access logs for the whole exposure were checked.
        LogsComplete = "logs_complete", /// Logs cover part of the exposure or part of the systems.
        LogsPartial = "logs_partial", /// No logs: nobody can tell who accessed the data.
        None = "none",
    }
);

closed_set!(
    /// Misuse of the data already seen (facts v2, `misuse_observed`).
    Misuse {
        /// Fraudulent orders, payments or debits.
        Fraud = "fraud", /// Targeted phishing of the affected people with the data.
        Phishing = "phishing", /// The data were published (paste site, leak forum, social media).
        Publication = "publication", /// Customer accounts were taken over.
        AccountTakeover = "account_takeover", /// The people or the controller were blackmailed with the data.
        Extortion = "extortion", /// The data were used to find or approach a person in person (stalking, harassment).
        Stalking = "stalking",
    }
);
