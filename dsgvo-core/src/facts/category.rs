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
        Financial = "financial", /// IBAN / account number.
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
            Financial | BankAccount | PaymentCard | Credentials | GovernmentId => {
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
        UnknownExtent = "unknown_extent",
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
