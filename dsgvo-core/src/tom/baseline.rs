//! The measures an online shop is expected to have, by protection need.
//! Which measures a shop needs is our assessment for the typical shop
//! (hosted shop software, customer accounts, payment by a provider); each
//! measure names the SDM measures it corresponds to and the rule behind it.

use serde::{Deserialize, Serialize};

use crate::facts::closed_set;

use super::area::ControlArea;
use super::goal::{Art32Point, ProtectionGoal, ProtectionNeed};
use crate::options::Language;

use Art32Point::{A, B, C, D};
use ProtectionGoal::{
    Availability as VF, Confidentiality as VT, DataMinimisation as DM, Integrity as IG,
    Intervenability as IV, Transparency as TP, Unlinkability as NV,
};

closed_set!(
    /// A measure of the shop baseline.
    ShopMeasure {
        /// TLS for the shop front end, admin area and interfaces.
        Tls = "tls",
        /// Multi-factor authentication for shop administrators.
        AdminMfa = "admin_mfa",
        /// Timely security updates of shop core, plugins and themes.
        SecurityUpdates = "security_updates",
        /// Customer passwords hashed with a current algorithm.
        PasswordHashing = "password_hashing",
        /// Customer data encrypted at rest (database, backups, devices).
        EncryptionAtRest = "encryption_at_rest",
        /// Roles and permissions by least privilege.
        LeastPrivilege = "least_privilege",
        /// Regular backups.
        Backups = "backups",
        /// Restore from backup tested.
        RestoreTests = "restore_tests",
        /// Logging of administrative and data access.
        AccessLogging = "access_logging",
        /// Alerting on unauthorised access.
        AccessAlerting = "access_alerting",
        /// Incident and breach notification procedure (Art. 33, 34).
        BreachProcedure = "breach_procedure",
        /// Processor contracts (Art. 28).
        ProcessorContracts = "processor_contracts",
        /// Selection and review of processors.
        ProcessorReview = "processor_review",
        /// A data protection officer, where required (Art. 37, § 38 BDSG).
        DataProtectionOfficer = "data_protection_officer",
        /// Staff committed to confidentiality (Art. 29, Art. 32(4)).
        ConfidentialityCommitment = "confidentiality_commitment",
        /// Staff trained in data protection and security.
        StaffTraining = "staff_training",
        /// Deletion concept with retention periods (§ 257 HGB, § 147 AO).
        DeletionConcept = "deletion_concept",
        /// Procedure for data subjects' requests (Art. 12–22).
        SubjectRightsProcedure = "subject_rights_procedure",
        /// Test and development systems without live customer data.
        TestDataSeparation = "test_data_separation",
        /// Physical security of premises and servers (or a certified data centre).
        PhysicalSecurity = "physical_security",
        /// Data protection by default (Art. 25(2)): opt-in, guest checkout.
        PrivacyDefaults = "privacy_defaults",
        /// Regular security testing (vulnerability scans, penetration tests).
        SecurityTesting = "security_testing",
        /// Admin area reachable only from restricted networks.
        AdminNetworkRestriction = "admin_network_restriction",
        /// Tamper-evident central logging.
        TamperEvidentLogs = "tamper_evident_logs",
    }
);

/// What the baseline says about one measure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MeasureSpec {
    /// Where the measure sits in a TOM document.
    pub area: ControlArea,
    /// The SDM goals it serves.
    pub goals: &'static [ProtectionGoal],
    /// The Art. 32(1) points it serves.
    pub art32: &'static [Art32Point],
    /// From which protection need it is required.
    pub required_from: ProtectionNeed,
    /// The corresponding SDM measures (generic `D1-..` or Baustein `M..`).
    pub sdm: &'static [&'static str],
    /// The rule behind it, in German and in English.
    pub basis: (&'static str, &'static str),
    /// Words by which an imported statement is recognised as this measure
    /// (lower case; the longest match wins).
    pub keywords: &'static [&'static str],
}

const fn spec(
    area: ControlArea,
    goals: &'static [ProtectionGoal],
    art32: &'static [Art32Point],
    required_from: ProtectionNeed,
    sdm: &'static [&'static str],
    basis: (&'static str, &'static str),
    keywords: &'static [&'static str],
) -> MeasureSpec {
    MeasureSpec {
        area,
        goals,
        art32,
        required_from,
        sdm,
        basis,
        keywords,
    }
}

use ControlArea as Ar;
use ProtectionNeed::{High, Normal, VeryHigh};

impl ShopMeasure {
    /// The measures required at protection need `need`.
    ///
    /// ```
    /// use dsgvo_core::tom::{ProtectionNeed, ShopMeasure};
    /// let normal = ShopMeasure::required_at(ProtectionNeed::Normal);
    /// assert!(normal.contains(&ShopMeasure::AdminMfa));
    /// assert!(!normal.contains(&ShopMeasure::EncryptionAtRest));
    /// assert!(ShopMeasure::required_at(ProtectionNeed::High).contains(&ShopMeasure::EncryptionAtRest));
    /// ```
    pub fn required_at(need: ProtectionNeed) -> Vec<ShopMeasure> {
        ShopMeasure::ALL
            .iter()
            .copied()
            .filter(|m| m.spec().required_from <= need)
            .collect()
    }

    /// The rule behind the measure in `lang`.
    pub fn basis(self, lang: Language) -> &'static str {
        let (de, en) = self.spec().basis;
        match lang {
            Language::De => de,
            Language::En => en,
        }
    }

    /// The measure's baseline entry.
    pub fn spec(self) -> MeasureSpec {
        match self {
            ShopMeasure::Tls => spec(
                Ar::Transfer,
                &[VT, IG],
                &[A, B],
                Normal,
                &["D1-VT-07"],
                ("Art. 32 Abs. 1 lit. a, b DSGVO", "Art. 32(1)(a), (b) GDPR"),
                &[
                    "tls",
                    "ssl",
                    "https",
                    "transportverschlüsselung",
                    "verschlüsselte verbindung",
                    "verschlüsselt übertragen",
                    "transport encryption",
                ],
            ),
            ShopMeasure::AdminMfa => spec(
                Ar::SystemAccess,
                &[VT, IG],
                &[B],
                Normal,
                &["D1-VT-02", "M51.S05", "M11.S18"],
                ("Art. 32 Abs. 1 lit. b DSGVO", "Art. 32(1)(b) GDPR"),
                &[
                    "zwei-faktor",
                    "2-faktor",
                    "2fa",
                    "mfa",
                    "multi-faktor",
                    "two-factor",
                    "multi-factor",
                ],
            ),
            ShopMeasure::SecurityUpdates => spec(
                Ar::SystemAccess,
                &[IG, VT, VF],
                &[B],
                Normal,
                &["D1-IG-05", "D1-IG-09"],
                (
                    "Art. 32 Abs. 1 lit. b DSGVO (Stand der Technik)",
                    "Art. 32(1)(b) GDPR (state of the art)",
                ),
                &["update", "patch", "aktualisierung", "aktualisiert"],
            ),
            ShopMeasure::PasswordHashing => spec(
                Ar::DataAccess,
                &[VT],
                &[A, B],
                Normal,
                &["D1-VT-02"],
                ("Art. 32 Abs. 1 lit. a DSGVO", "Art. 32(1)(a) GDPR"),
                &["hash", "bcrypt", "argon2", "scrypt", "gehasht"],
            ),
            ShopMeasure::EncryptionAtRest => spec(
                Ar::Encryption,
                &[VT, IG],
                &[A],
                High,
                &["D1-VT-07", "M11.D07"],
                (
                    "Art. 32 Abs. 1 lit. a DSGVO; SDM-Baustein 11 M11.D07 (ab Schutzbedarf hoch)",
                    "Art. 32(1)(a) GDPR; SDM Baustein 11 M11.D07 (from protection need \"hoch\")",
                ),
                &[
                    "verschlüsselung gespeicherter",
                    "verschlüsselt gespeichert",
                    "festplattenverschlüsselung",
                    "datenbankverschlüsselung",
                    "verschlüsselte datenbank",
                    "verschlüsselung der datenbank",
                    "verschlüsselte festplatte",
                    "encryption at rest",
                    "encrypted at rest",
                    "disk encryption",
                    "database encryption",
                ],
            ),
            ShopMeasure::LeastPrivilege => spec(
                Ar::DataAccess,
                &[VT, IG, NV],
                &[B],
                Normal,
                &["D1-VT-01", "M51.S04"],
                (
                    "Art. 32 Abs. 1 lit. b, Art. 25 Abs. 2 DSGVO",
                    "Art. 32(1)(b), Art. 25(2) GDPR",
                ),
                &[
                    "berechtigungskonzept",
                    "rollenkonzept",
                    "rollen- und berechtigungskonzept",
                    "berechtigungen",
                    "need-to-know",
                    "least privilege",
                    "permissions",
                    "roles",
                ],
            ),
            ShopMeasure::Backups => spec(
                Ar::Availability,
                &[VF],
                &[B, C],
                Normal,
                &["D1-VF-01", "M11.P07"],
                ("Art. 32 Abs. 1 lit. b, c DSGVO", "Art. 32(1)(b), (c) GDPR"),
                &["backup", "datensicherung", "sicherungskopie"],
            ),
            ShopMeasure::RestoreTests => spec(
                Ar::Recoverability,
                &[VF],
                &[C, D],
                Normal,
                &["D1-VF-06", "M11.P08"],
                ("Art. 32 Abs. 1 lit. c, d DSGVO", "Art. 32(1)(c), (d) GDPR"),
                &[
                    "wiederherstellungstest",
                    "rücksicherung",
                    "restore",
                    "wiederherstellung getestet",
                    "wiederherstellung wird getestet",
                    "wiederherstellung * getestet",
                ],
            ),
            ShopMeasure::AccessLogging => spec(
                Ar::Input,
                &[TP, IG],
                &[B, D],
                Normal,
                &["D1-TP-07", "M51.S09"],
                (
                    "Art. 32 Abs. 1 lit. b, d, Art. 5 Abs. 2 DSGVO",
                    "Art. 32(1)(b), (d), Art. 5(2) GDPR",
                ),
                &[
                    "protokollierung",
                    "protokolliert",
                    "logging",
                    "logged",
                    "logfiles",
                ],
            ),
            ShopMeasure::AccessAlerting => spec(
                Ar::IncidentResponse,
                &[TP, IG, VT],
                &[B, D],
                High,
                &["M43.S03"],
                (
                    "Art. 32 Abs. 1 lit. b, d, Art. 33 Abs. 1 DSGVO",
                    "Art. 32(1)(b), (d), Art. 33(1) GDPR",
                ),
                &[
                    "alarmierung",
                    "alarm",
                    "alert",
                    "intrusion detection",
                    "angriffserkennung",
                ],
            ),
            ShopMeasure::BreachProcedure => spec(
                Ar::IncidentResponse,
                &[TP, IV],
                &[D],
                Normal,
                &["D1-TP-11", "D1-IV-03"],
                ("Art. 33, 34 DSGVO", "Art. 33, 34 GDPR"),
                &[
                    "meldeverfahren",
                    "datenpanne",
                    "datenschutzverletzung",
                    "notfallplan",
                    "incident",
                    "breach",
                    "sicherheitsvorfall",
                ],
            ),
            ShopMeasure::ProcessorContracts => spec(
                Ar::Processor,
                &[TP, IG, VT],
                &[B],
                Normal,
                &["M42.P23", "M50.P16"],
                ("Art. 28 Abs. 3 DSGVO", "Art. 28(3) GDPR"),
                &[
                    "auftragsverarbeitungsvertrag",
                    "auftragsverarbeitungsverträge",
                    "avv",
                    "art. 28",
                    "data processing agreement",
                    "processor contract",
                ],
            ),
            ShopMeasure::ProcessorReview => spec(
                Ar::Processor,
                &[TP, IG],
                &[D],
                Normal,
                &["M50.P03"],
                (
                    "Art. 28 Abs. 1, Abs. 3 lit. h DSGVO",
                    "Art. 28(1), (3)(h) GDPR",
                ),
                &[
                    "auswahl des dienstleisters",
                    "sorgfältige auswahl",
                    "überprüfung der auftragsverarbeiter",
                    "überprüfung des dienstleisters",
                    "processor review",
                    "audit",
                ],
            ),
            ShopMeasure::DataProtectionOfficer => spec(
                Ar::DataProtectionManagement,
                &[TP, IV],
                &[D],
                Normal,
                &["D1-TP-05"],
                (
                    "Art. 37 DSGVO, § 38 BDSG (wo erforderlich)",
                    "Art. 37 GDPR, § 38 BDSG (where required)",
                ),
                &[
                    "datenschutzbeauftragte",
                    "datenschutzbeauftragten",
                    "data protection officer",
                ],
            ),
            ShopMeasure::ConfidentialityCommitment => spec(
                Ar::DataProtectionManagement,
                &[VT],
                &[B],
                Normal,
                &["D1-VT-06", "M51.P48"],
                ("Art. 29, Art. 32 Abs. 4 DSGVO", "Art. 29, Art. 32(4) GDPR"),
                &[
                    "auf vertraulichkeit verpflichtet",
                    "vertraulichkeit * verpflichtet",
                    "verpflichtet * vertraulichkeit",
                    "verpflichtung * vertraulichkeit",
                    "verpflichtung auf die vertraulichkeit",
                    "verschwiegenheit",
                    "datengeheimnis",
                    "confidentiality undertaking",
                    "committed to confidentiality",
                ],
            ),
            ShopMeasure::StaffTraining => spec(
                Ar::DataProtectionManagement,
                &[VT, TP],
                &[D],
                Normal,
                &["D1-VT-03", "M51.P26"],
                (
                    "Art. 32 Abs. 4, Art. 39 Abs. 1 lit. b DSGVO",
                    "Art. 32(4), Art. 39(1)(b) GDPR",
                ),
                &[
                    "schulung",
                    "sensibilisierung",
                    "sensibilisiert",
                    "unterweisung",
                    "geschult",
                    "training",
                    "awareness",
                ],
            ),
            ShopMeasure::DeletionConcept => spec(
                Ar::DataProtectionManagement,
                &[DM],
                &[],
                Normal,
                &["D1-DM-07", "M60.P03"],
                (
                    "Art. 5 Abs. 1 lit. e, Art. 17 DSGVO; Aufbewahrungsfristen § 257 HGB, § 147 AO",
                    "Art. 5(1)(e), Art. 17 GDPR; retention periods § 257 HGB, § 147 AO",
                ),
                &[
                    "löschkonzept",
                    "löschfristen",
                    "aufbewahrungsfristen",
                    "deletion concept",
                    "retention periods",
                ],
            ),
            ShopMeasure::SubjectRightsProcedure => spec(
                Ar::DataProtectionManagement,
                &[IV, TP],
                &[],
                Normal,
                &["D1-IV-09", "D1-TP-12"],
                ("Art. 12–22 DSGVO", "Art. 12–22 GDPR"),
                &[
                    "betroffenenrechte",
                    "betroffenenanfragen",
                    "auskunftsersuchen",
                    "anfragen betroffener personen",
                    "data subject requests",
                    "subject access",
                ],
            ),
            ShopMeasure::TestDataSeparation => spec(
                Ar::Separation,
                &[NV],
                &[B],
                Normal,
                &["D1-NV-04", "M51.S02"],
                (
                    "Art. 5 Abs. 1 lit. b, Art. 32 Abs. 1 lit. b DSGVO",
                    "Art. 5(1)(b), Art. 32(1)(b) GDPR",
                ),
                &[
                    "testsystem",
                    "testdaten",
                    "staging",
                    "entwicklungsumgebung",
                    "test data",
                    "getrennte datenbanken",
                    "mandantentrennung",
                ],
            ),
            ShopMeasure::PhysicalSecurity => spec(
                Ar::PhysicalAccess,
                &[VT],
                &[B],
                Normal,
                &["D1-VT-05"],
                ("Art. 32 Abs. 1 lit. b DSGVO", "Art. 32(1)(b) GDPR"),
                &[
                    "rechenzentrum",
                    "serverraum",
                    "schließsystem",
                    "alarmanlage",
                    "besucher",
                    "abgeschlossen",
                    "data centre",
                    "data center",
                ],
            ),
            ShopMeasure::PrivacyDefaults => spec(
                Ar::PrivacyByDefault,
                &[DM],
                &[],
                Normal,
                &["D1-DM-04"],
                ("Art. 25 Abs. 2 DSGVO", "Art. 25(2) GDPR"),
                &[
                    "voreinstellung",
                    "opt-in",
                    "gastbestellung",
                    "guest checkout",
                    "by default",
                ],
            ),
            ShopMeasure::SecurityTesting => spec(
                Ar::DataProtectionManagement,
                &[IG, VT],
                &[D],
                High,
                &["D1-IG-08", "M41.P14"],
                ("Art. 32 Abs. 1 lit. d DSGVO", "Art. 32(1)(d) GDPR"),
                &[
                    "penetrationstest",
                    "pentest",
                    "schwachstellenscan",
                    "schwachstellen",
                    "vulnerability scan",
                    "security test",
                ],
            ),
            ShopMeasure::AdminNetworkRestriction => spec(
                Ar::SystemAccess,
                &[VT],
                &[B],
                VeryHigh,
                &["D1-VT-04"],
                ("Art. 32 Abs. 1 lit. b DSGVO", "Art. 32(1)(b) GDPR"),
                &[
                    "ip-beschränkung",
                    "ip-whitelist",
                    "allowlist",
                    "vpn",
                    "ip restriction",
                ],
            ),
            ShopMeasure::TamperEvidentLogs => spec(
                Ar::Input,
                &[TP, IG],
                &[B, D],
                VeryHigh,
                &["M43.D07", "M43.P06"],
                (
                    "Art. 32 Abs. 1 lit. b, d, Art. 5 Abs. 2 DSGVO",
                    "Art. 32(1)(b), (d), Art. 5(2) GDPR",
                ),
                &[
                    "revisionssicher",
                    "manipulationssicher",
                    "protokollserver",
                    "siem",
                    "tamper-evident",
                    "tamper-proof",
                ],
            ),
        }
    }

    /// The measure named in a statement, if any — also where the statement
    /// negates or only plans it ([`read_statement`](super::read_statement)
    /// says which): whole words, an affirmed mention before a negated one,
    /// the longest keyword, then a measure of `area`.
    pub fn recognise(statement: &str, area: Option<ControlArea>) -> Option<ShopMeasure> {
        super::statement::read_statement(statement, area).measure
    }
}
