//! The closed sets a TOM is described with: the seven SDM protection goals,
//! the four points of Art. 32(1) and the protection need.

use serde::{Deserialize, Serialize};

use crate::facts::closed_set;

use crate::options::Language;

closed_set!(
    /// A protection goal of the Standard-Datenschutzmodell (SDM V3.1). Data
    /// minimisation is the overarching goal that shapes the other six.
    ProtectionGoal {
        /// Datenminimierung (DM).
        DataMinimisation = "data_minimisation",
        /// Verfügbarkeit (VF).
        Availability = "availability",
        /// Integrität (IG).
        Integrity = "integrity",
        /// Vertraulichkeit (VT).
        Confidentiality = "confidentiality",
        /// Nichtverkettung (NV).
        Unlinkability = "unlinkability",
        /// Transparenz (TP).
        Transparency = "transparency",
        /// Intervenierbarkeit (IV).
        Intervenability = "intervenability",
    }
);

impl ProtectionGoal {
    /// The SDM's two-letter id (`VT`).
    pub fn sdm_id(self) -> &'static str {
        match self {
            ProtectionGoal::DataMinimisation => "DM",
            ProtectionGoal::Availability => "VF",
            ProtectionGoal::Integrity => "IG",
            ProtectionGoal::Confidentiality => "VT",
            ProtectionGoal::Unlinkability => "NV",
            ProtectionGoal::Transparency => "TP",
            ProtectionGoal::Intervenability => "IV",
        }
    }

    /// The goal with SDM id `id`.
    pub fn from_sdm_id(id: &str) -> Option<ProtectionGoal> {
        ProtectionGoal::ALL
            .iter()
            .copied()
            .find(|g| g.sdm_id() == id)
    }
}

closed_set!(
    /// A point of Art. 32(1) GDPR.
    Art32Point {
        /// (a) pseudonymisation and encryption.
        A = "a",
        /// (b) ongoing confidentiality, integrity, availability and resilience.
        B = "b",
        /// (c) timely restoration after an incident.
        C = "c",
        /// (d) regular testing, assessing and evaluating.
        D = "d",
    }
);

impl Art32Point {
    /// `Art. 32(1)(a)` or `Art. 32 Abs. 1 lit. a DSGVO`.
    pub fn citation(self, lang: Language) -> &'static str {
        match (self, lang) {
            (Art32Point::A, Language::De) => "Art. 32 Abs. 1 lit. a DSGVO",
            (Art32Point::B, Language::De) => "Art. 32 Abs. 1 lit. b DSGVO",
            (Art32Point::C, Language::De) => "Art. 32 Abs. 1 lit. c DSGVO",
            (Art32Point::D, Language::De) => "Art. 32 Abs. 1 lit. d DSGVO",
            (Art32Point::A, Language::En) => "Art. 32(1)(a) GDPR",
            (Art32Point::B, Language::En) => "Art. 32(1)(b) GDPR",
            (Art32Point::C, Language::En) => "Art. 32(1)(c) GDPR",
            (Art32Point::D, Language::En) => "Art. 32(1)(d) GDPR",
        }
    }
}

closed_set!(
    /// The protection need (Schutzbedarf) of the processing, in the SDM's three
    /// levels. A higher need requires more measures and shorter reviews.
    ProtectionNeed {
        /// normal.
        Normal = "normal",
        /// hoch.
        High = "high",
        /// sehr hoch.
        VeryHigh = "very_high",
    }
);

// closed_set! generates the enum; the default is spelled out here.
#[allow(clippy::derivable_impls)]
impl Default for ProtectionNeed {
    fn default() -> Self {
        ProtectionNeed::Normal
    }
}

impl ProtectionNeed {
    /// The review interval this library applies when the checklist sets
    /// none: 12, 6 or 3 months. Our policy, not a legal rule: Art. 32(1)(d)
    /// requires regular review without fixing an interval.
    pub fn default_review_months(self) -> u32 {
        match self {
            ProtectionNeed::Normal => 12,
            ProtectionNeed::High => 6,
            ProtectionNeed::VeryHigh => 3,
        }
    }
}
