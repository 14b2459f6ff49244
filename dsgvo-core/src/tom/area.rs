//! Where a measure sits in a German TOM document: the eight control areas
//! of the Anlage zu § 9 BDSG a.F. that most templates still use, the items
//! the common Art. 32 layout adds, and the § 64(3) BDSG terms that modern
//! templates borrow — each mapped onto SDM goals and Art. 32(1) points.

use serde::{Deserialize, Serialize};

use crate::facts::closed_set;

use super::goal::{Art32Point, ProtectionGoal};
use crate::options::Language;

use Art32Point::{A, B, C, D};
use ProtectionGoal::{
    Availability as VF, Confidentiality as VT, DataMinimisation as DM, Integrity as IG,
    Intervenability as IV, Transparency as TP, Unlinkability as NV,
};

closed_set!(
    /// A control area (Kontrollbereich) of a TOM document.
    ControlArea {
        /// Zutrittskontrolle: keep unauthorised persons away from premises and equipment.
        PhysicalAccess = "physical_access",
        /// Zugangskontrolle: prevent unauthorised use of systems.
        SystemAccess = "system_access",
        /// Zugriffskontrolle: users reach only the data they are authorised for.
        DataAccess = "data_access",
        /// Trennungskontrolle: data collected for different purposes are processed separately.
        Separation = "separation",
        /// Pseudonymisierung (Art. 32(1)(a), Art. 25(1)).
        Pseudonymisation = "pseudonymisation",
        /// Verschlüsselung (Art. 32(1)(a)).
        Encryption = "encryption",
        /// Weitergabekontrolle: protect data in transmission and transport.
        Transfer = "transfer",
        /// Eingabekontrolle: establish who entered, changed or removed data.
        Input = "input",
        /// Datenintegrität (§ 64(3) no. 11 BDSG): stored data cannot be damaged by malfunctions.
        DataIntegrity = "data_integrity",
        /// Verfügbarkeitskontrolle: protect against accidental destruction or loss.
        Availability = "availability",
        /// Rasche Wiederherstellbarkeit (Art. 32(1)(c)).
        Recoverability = "recoverability",
        /// Datenschutz-Management: review, assessment and evaluation (Art. 32(1)(d)).
        DataProtectionManagement = "data_protection_management",
        /// Incident-Response-Management: detecting and handling incidents and breaches.
        IncidentResponse = "incident_response",
        /// Datenschutzfreundliche Voreinstellungen (Art. 25(2)).
        PrivacyByDefault = "privacy_by_default",
        /// Auftragskontrolle: processors act only on the controller's instructions.
        Processor = "processor",
    }
);

/// A section of the common German Art. 32 layout.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    /// 1. Vertraulichkeit.
    Confidentiality,
    /// 2. Integrität.
    Integrity,
    /// 3. Verfügbarkeit und Belastbarkeit.
    Availability,
    /// 4. Verfahren zur regelmäßigen Überprüfung, Bewertung und Evaluierung.
    Review,
}

impl Section {
    /// The section's stable id (`confidentiality`, `integrity`,
    /// `availability`, `review`).
    pub fn id(self) -> &'static str {
        match self {
            Section::Confidentiality => "confidentiality",
            Section::Integrity => "integrity",
            Section::Availability => "availability",
            Section::Review => "review",
        }
    }

    /// The four sections in document order.
    pub const ALL: &'static [Section] = &[
        Section::Confidentiality,
        Section::Integrity,
        Section::Availability,
        Section::Review,
    ];

    /// The section's heading.
    pub fn title(self, lang: Language) -> &'static str {
        match (self, lang) {
            (Section::Confidentiality, Language::De) => {
                "Vertraulichkeit (Art. 32 Abs. 1 lit. b DSGVO)"
            }
            (Section::Confidentiality, Language::En) => "Confidentiality (Art. 32(1)(b) GDPR)",
            (Section::Integrity, Language::De) => "Integrität (Art. 32 Abs. 1 lit. b DSGVO)",
            (Section::Integrity, Language::En) => "Integrity (Art. 32(1)(b) GDPR)",
            (Section::Availability, Language::De) => {
                "Verfügbarkeit und Belastbarkeit (Art. 32 Abs. 1 lit. b, c DSGVO)"
            }
            (Section::Availability, Language::En) => {
                "Availability and resilience (Art. 32(1)(b), (c) GDPR)"
            }
            (Section::Review, Language::De) => {
                "Verfahren zur regelmäßigen Überprüfung, Bewertung und Evaluierung (Art. 32 Abs. 1 lit. d, Art. 25 Abs. 1 DSGVO)"
            }
            (Section::Review, Language::En) => {
                "Process for regular testing, assessing and evaluating (Art. 32(1)(d), Art. 25(1) GDPR)"
            }
        }
    }

    /// The section a heading of the common Art. 32 layout names
    /// ("3. Gewährleistung der Vertraulichkeit", "Integrität", "Verfahren
    /// regelmäßiger Überprüfung"), by whole words.
    pub fn from_heading(heading: &str) -> Option<Section> {
        let ws = super::statement::words(heading);
        let names: &[(&str, Section)] = &[
            ("vertraulichkeit", Section::Confidentiality),
            ("confidentiality", Section::Confidentiality),
            ("integrität", Section::Integrity),
            ("integrity", Section::Integrity),
            ("verfügbarkeit", Section::Availability),
            ("belastbarkeit", Section::Availability),
            ("availability", Section::Availability),
            ("resilience", Section::Availability),
            ("überprüfung", Section::Review),
            ("evaluierung", Section::Review),
            ("evaluation", Section::Review),
            ("evaluating", Section::Review),
        ];
        names
            .iter()
            .find(|(name, _)| super::statement::find(&ws, name).is_some())
            .map(|(_, s)| *s)
    }

    /// The control areas of this section, in document order.
    pub fn areas(self) -> impl Iterator<Item = ControlArea> {
        ControlArea::ALL
            .iter()
            .copied()
            .filter(move |a| a.section() == self)
    }
}

impl ControlArea {
    /// The eight control areas of the Anlage zu § 9 Satz 1 BDSG a.F.
    pub const CLASSIC: &'static [ControlArea] = &[
        ControlArea::PhysicalAccess,
        ControlArea::SystemAccess,
        ControlArea::DataAccess,
        ControlArea::Transfer,
        ControlArea::Input,
        ControlArea::Processor,
        ControlArea::Availability,
        ControlArea::Separation,
    ];

    /// The SDM goals the area serves. For the eight classic areas as in
    /// `sdm.json` (`old_bdsg_9_annex_controls`, common German practice);
    /// for the others our assessment from the common layout and the SDM
    /// generic measures (D1).
    pub fn goals(self) -> &'static [ProtectionGoal] {
        match self {
            ControlArea::PhysicalAccess => &[VT],
            ControlArea::SystemAccess => &[VT, IG],
            ControlArea::DataAccess => &[VT, IG, NV],
            ControlArea::Separation => &[NV],
            ControlArea::Pseudonymisation => &[VT, NV, DM],
            ControlArea::Encryption => &[VT, IG],
            ControlArea::Transfer => &[VT, IG, TP],
            ControlArea::Input => &[TP, IG],
            ControlArea::DataIntegrity => &[IG],
            ControlArea::Availability => &[VF],
            ControlArea::Recoverability => &[VF],
            ControlArea::DataProtectionManagement => &[TP, IV, DM],
            ControlArea::IncidentResponse => &[TP, IV],
            ControlArea::PrivacyByDefault => &[DM],
            ControlArea::Processor => &[TP, IG, VT],
        }
    }

    /// The Art. 32(1) points the area serves (same sources as [`Self::goals`]).
    pub fn art32(self) -> &'static [Art32Point] {
        match self {
            ControlArea::PhysicalAccess
            | ControlArea::SystemAccess
            | ControlArea::DataAccess
            | ControlArea::Separation
            | ControlArea::DataIntegrity
            | ControlArea::Processor => &[B],
            ControlArea::Pseudonymisation | ControlArea::Encryption => &[A],
            ControlArea::Transfer => &[A, B],
            ControlArea::Input => &[B, D],
            ControlArea::Availability => &[B, C],
            ControlArea::Recoverability => &[C],
            ControlArea::DataProtectionManagement
            | ControlArea::IncidentResponse
            | ControlArea::PrivacyByDefault => &[D],
        }
    }

    /// The section of the common layout the area belongs to.
    pub fn section(self) -> Section {
        match self {
            ControlArea::PhysicalAccess
            | ControlArea::SystemAccess
            | ControlArea::DataAccess
            | ControlArea::Separation
            | ControlArea::Pseudonymisation
            | ControlArea::Encryption => Section::Confidentiality,
            ControlArea::Transfer | ControlArea::Input | ControlArea::DataIntegrity => {
                Section::Integrity
            }
            ControlArea::Availability | ControlArea::Recoverability => Section::Availability,
            ControlArea::DataProtectionManagement
            | ControlArea::IncidentResponse
            | ControlArea::PrivacyByDefault
            | ControlArea::Processor => Section::Review,
        }
    }

    /// Recognises a heading of a TOM document: the German and English names
    /// of the area and the § 64(3) BDSG terms mapped onto it (see
    /// [`BDSG_64_3`]). Longer names are tried first, so that
    /// "Verfügbarkeitskontrolle" is not read as "Verfügbarkeit" of another
    /// area.
    pub fn from_heading(heading: &str) -> Option<ControlArea> {
        let ws = super::statement::words(heading);
        let mut best: Option<(usize, ControlArea)> = None;
        for (name, area) in HEADINGS.iter().chain(BDSG_64_3.iter()) {
            if super::statement::find(&ws, &name.to_lowercase()).is_some()
                && best.is_none_or(|(len, _)| name.len() > len)
            {
                best = Some((name.len(), *area));
            }
        }
        best.map(|(_, a)| a)
    }
}

/// Names a heading may use for an area (German and English, with and
/// without "-kontrolle").
const HEADINGS: &[(&str, ControlArea)] = &[
    ("Zutrittskontrolle", ControlArea::PhysicalAccess),
    ("Zutritt", ControlArea::PhysicalAccess),
    ("physical access", ControlArea::PhysicalAccess),
    ("Zugangskontrolle", ControlArea::SystemAccess),
    ("Zugang", ControlArea::SystemAccess),
    ("system access", ControlArea::SystemAccess),
    ("Zugriffskontrolle", ControlArea::DataAccess),
    ("Zugriff", ControlArea::DataAccess),
    ("data access", ControlArea::DataAccess),
    ("Trennungskontrolle", ControlArea::Separation),
    ("Trennungsgebot", ControlArea::Separation),
    ("Trennung", ControlArea::Separation),
    ("separation", ControlArea::Separation),
    ("Pseudonymisierung", ControlArea::Pseudonymisation),
    ("pseudonymisation", ControlArea::Pseudonymisation),
    ("Verschlüsselung", ControlArea::Encryption),
    ("encryption", ControlArea::Encryption),
    ("Weitergabekontrolle", ControlArea::Transfer),
    ("Weitergabe", ControlArea::Transfer),
    ("transfer", ControlArea::Transfer),
    ("Eingabekontrolle", ControlArea::Input),
    ("Eingabe", ControlArea::Input),
    ("input", ControlArea::Input),
    ("Verfügbarkeitskontrolle", ControlArea::Availability),
    ("Verfügbarkeit", ControlArea::Availability),
    ("availability", ControlArea::Availability),
    ("Wiederherstellbarkeit", ControlArea::Recoverability),
    ("Wiederherstellung", ControlArea::Recoverability),
    ("recoverability", ControlArea::Recoverability),
    ("restoration", ControlArea::Recoverability),
    (
        "Datenschutz-Management",
        ControlArea::DataProtectionManagement,
    ),
    (
        "Datenschutzmanagement",
        ControlArea::DataProtectionManagement,
    ),
    (
        "data protection management",
        ControlArea::DataProtectionManagement,
    ),
    ("Incident-Response", ControlArea::IncidentResponse),
    ("Incident Response", ControlArea::IncidentResponse),
    ("Voreinstellungen", ControlArea::PrivacyByDefault),
    ("privacy by default", ControlArea::PrivacyByDefault),
    ("Auftragskontrolle", ControlArea::Processor),
    ("Auftragsverarbeitung", ControlArea::Processor),
    ("processor", ControlArea::Processor),
    ("job control", ControlArea::Processor),
];

/// The controls of § 64(3) BDSG and the area each is read into — our
/// assessment, by the content of each control. § 64 BDSG governs Part 3
/// BDSG (police and justice), not shops; the terms appear because modern
/// templates borrow them. Its "Zugangskontrolle" (no. 1) means access to
/// equipment, but a shop document using the word means system access, as
/// in the old annex; it is read that way.
pub const BDSG_64_3: &[(&str, ControlArea)] = &[
    ("Datenträgerkontrolle", ControlArea::DataAccess),
    ("Speicherkontrolle", ControlArea::DataAccess),
    ("Benutzerkontrolle", ControlArea::SystemAccess),
    ("Übertragungskontrolle", ControlArea::Transfer),
    ("Transportkontrolle", ControlArea::Transfer),
    ("Zuverlässigkeit", ControlArea::Availability),
    ("Datenintegrität", ControlArea::DataIntegrity),
    ("Trennbarkeit", ControlArea::Separation),
];
