//! The SDM catalogue, compiled in from `data/sdm.json` (a copy of the
//! project's reference, checked by the tests): the seven protection goals
//! with their generic measures, and the Bausteine with their reference
//! measures. Wording marked unverified in the reference stays marked here
//! ([`SdmCatalog::caveats`]).

use once_cell::sync::Lazy;
use serde::{Deserialize, Serialize};

use super::goal::ProtectionGoal;

/// The attribution the SDM's licence requires, shipped with every TOM
/// document and evaluation.
pub const SDM_ATTRIBUTION: &str = "Standard-Datenschutzmodell (SDM) V3.1 und SDM-Bausteine: Konferenz der unabhängigen Datenschutzaufsichtsbehörden des Bundes und der Länder (DSK) / LfDI Mecklenburg-Vorpommern, Datenlizenz Deutschland – Namensnennung – Version 2.0 (dl-de/by-2-0, www.govdata.de/dl-de/by-2-0). Verwendet: die sieben Gewährleistungsziele und die generischen Maßnahmen (SDM V3.1, Teil D1; Kurzbezeichnungen in eigenen Worten) sowie Maßnahmen der Bausteine 11, 41, 42, 43, 50, 51 und 60 in den Fassungen V1.0 und V1.0a (2020–2021), nach einer Transkription der amtlichen PDFs; die Zuordnung zu den Basismaßnahmen für Onlineshops ist unsere.";

/// [`SDM_ATTRIBUTION`] in English (the licence's name stays German).
pub const SDM_ATTRIBUTION_EN: &str = "Standard Data Protection Model (SDM) V3.1 and SDM Bausteine: Konferenz der unabhängigen Datenschutzaufsichtsbehörden des Bundes und der Länder (DSK) / LfDI Mecklenburg-Vorpommern, Datenlizenz Deutschland – Namensnennung – Version 2.0 (dl-de/by-2-0, www.govdata.de/dl-de/by-2-0). Used: the seven protection goals and the generic measures (SDM V3.1, part D1; short labels in our own words) and measures of Bausteine 11, 41, 42, 43, 50, 51 and 60 in versions V1.0 and V1.0a (2020–2021), from a transcription of the official PDFs; the mapping to the baseline measures for online shops is ours.";

/// The attribution in `lang`.
pub fn sdm_attribution(lang: crate::options::Language) -> &'static str {
    match lang {
        crate::options::Language::De => SDM_ATTRIBUTION,
        crate::options::Language::En => SDM_ATTRIBUTION_EN,
    }
}

/// The SDM catalogue.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SdmCatalog {
    /// The SDM version the catalogue describes.
    pub version: String,
    /// The seven goals, in SDM order.
    pub goals: Vec<SdmGoal>,
    /// The Bausteine (reference measures).
    pub bausteine: Vec<Baustein>,
    /// What is not verified against the official PDFs.
    pub caveats: Vec<String>,
    /// The licence attribution ([`SDM_ATTRIBUTION`]).
    pub attribution: &'static str,
}

/// One protection goal with its generic measures (SDM Teil D1).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SdmGoal {
    /// The goal.
    pub goal: ProtectionGoal,
    /// German name.
    pub name_de: String,
    /// English name.
    pub name_en: String,
    /// Definition in German (own words).
    pub definition_de: String,
    /// Definition in English (own words).
    pub definition_en: String,
    /// The GDPR provisions behind the goal.
    pub gdpr_basis: Vec<String>,
    /// Generic measures (`D1-VT-07`).
    pub generic_measures: Vec<SdmMeasure>,
    /// Where the generic measures come from, with their verification status.
    pub generic_measures_source: String,
}

/// A measure of the SDM: generic (D1) or a Baustein's reference measure.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SdmMeasure {
    /// `D1-VT-07`, `M11.D07`.
    pub id: String,
    /// The measure in German.
    pub text_de: String,
    /// In English, where the catalogue has it.
    pub text_en: Option<String>,
    /// The protection need from which a Baustein lists the measure
    /// (`normal`, `hoch`), where it says.
    pub from_need: Option<String>,
}

/// A Baustein of the SDM.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Baustein {
    /// Its number (`51`).
    pub number: u32,
    /// Its title (`Zugriffe auf Daten, Systeme und Prozesse regeln`).
    pub title_de: String,
    /// Its version.
    pub version: String,
    /// The goals it serves.
    pub goals: Vec<ProtectionGoal>,
    /// Its reference measures.
    pub measures: Vec<SdmMeasure>,
    /// Where it was transcribed from.
    pub source: String,
}

impl SdmCatalog {
    /// The measure with `id`, generic or from a Baustein.
    pub fn measure(&self, id: &str) -> Option<&SdmMeasure> {
        self.goals
            .iter()
            .flat_map(|g| &g.generic_measures)
            .chain(self.bausteine.iter().flat_map(|b| &b.measures))
            .find(|m| m.id == id)
    }

    /// What the catalogue's sources do not verify.
    pub fn caveats(&self) -> &[String] {
        &self.caveats
    }
}

/// The compiled-in catalogue.
///
/// ```
/// let sdm = dsgvo_core::tom::sdm_catalog();
/// assert_eq!(sdm.version, "3.1");
/// assert_eq!(sdm.goals.len(), 7);
/// assert_eq!(sdm.measure("M11.D07").unwrap().text_de, "Verschlüsselung gespeicherter Daten");
/// ```
pub fn sdm_catalog() -> &'static SdmCatalog {
    &CATALOG
}

static CATALOG: Lazy<SdmCatalog> = Lazy::new(|| {
    let raw: raw::Sdm = serde_json::from_str(include_str!("../../data/sdm.json"))
        .expect("data/sdm.json is checked by the unit tests");
    raw.into_catalog()
});

/// The reference file's layout (only what the library uses).
mod raw {
    use super::*;

    #[derive(Deserialize)]
    pub(super) struct Sdm {
        meta: Meta,
        goals: Vec<Goal>,
        bausteine: Vec<Baustein>,
    }

    #[derive(Deserialize)]
    struct Meta {
        current_version: String,
        caveats: Vec<String>,
    }

    #[derive(Deserialize)]
    struct Goal {
        id: String,
        name_de: String,
        name_en: String,
        definition_de: String,
        definition_en: String,
        gdpr_basis: Vec<String>,
        generic_measures: Vec<Generic>,
        generic_measures_source: String,
    }

    #[derive(Deserialize)]
    struct Generic {
        id: String,
        label_de: String,
        label_en: String,
    }

    #[derive(Deserialize)]
    struct Baustein {
        number: u32,
        title_de: String,
        baustein_version: String,
        goals: Vec<String>,
        measures: Vec<Measure>,
        source: String,
    }

    #[derive(Deserialize)]
    struct Measure {
        id: String,
        text_de: String,
        risk_level: Option<String>,
    }

    fn goal(id: &str) -> ProtectionGoal {
        ProtectionGoal::from_sdm_id(id).unwrap_or_else(|| panic!("sdm.json: unknown goal id {id}"))
    }

    impl Sdm {
        pub(super) fn into_catalog(self) -> SdmCatalog {
            SdmCatalog {
                version: self.meta.current_version,
                goals: self
                    .goals
                    .into_iter()
                    .map(|g| super::SdmGoal {
                        goal: goal(&g.id),
                        name_de: g.name_de,
                        name_en: g.name_en,
                        definition_de: g.definition_de,
                        definition_en: g.definition_en,
                        gdpr_basis: g.gdpr_basis,
                        generic_measures: g
                            .generic_measures
                            .into_iter()
                            .map(|m| SdmMeasure {
                                id: m.id,
                                text_de: m.label_de,
                                text_en: Some(m.label_en),
                                from_need: None,
                            })
                            .collect(),
                        generic_measures_source: g.generic_measures_source,
                    })
                    .collect(),
                bausteine: self
                    .bausteine
                    .into_iter()
                    .map(|b| super::Baustein {
                        number: b.number,
                        title_de: b.title_de,
                        version: b.baustein_version,
                        goals: b.goals.iter().map(|g| goal(g)).collect(),
                        measures: b
                            .measures
                            .into_iter()
                            .map(|m| SdmMeasure {
                                id: m.id,
                                text_de: m.text_de,
                                text_en: None,
                                from_need: m.risk_level,
                            })
                            .collect(),
                        source: b.source,
                    })
                    .collect(),
                caveats: self.meta.caveats,
                attribution: SDM_ATTRIBUTION,
            }
        }
    }
}
