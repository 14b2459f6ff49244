//! Whether a data protection officer must be designated: Art. 37(1) GDPR and,
//! for German controllers and processors, § 38(1) BDSG — explained.

use serde::{Deserialize, Serialize};

use crate::options::Language;
use crate::reason::Reason;

/// § 38(1) sentence 1 BDSG: "in der Regel mindestens 20 Personen ständig mit
/// der automatisierten Verarbeitung personenbezogener Daten beschäftigt"
/// (10 until the 2019 amendment).
pub const BDSG_HEADCOUNT: u32 = 20;

/// The facts the DPO duty depends on.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DpoFacts {
    /// Whether German law applies (§ 38 BDSG): seat in Germany.
    pub german: bool,
    /// Persons regularly and permanently engaged in automated processing of personal data.
    pub persons_processing_automatically: u32,
    /// A public authority or body (Art. 37(1)(a)).
    #[serde(default)]
    pub public_body: bool,
    /// Core activities: regular and systematic monitoring of data subjects on a large scale (Art. 37(1)(b)).
    #[serde(default)]
    pub large_scale_monitoring: bool,
    /// Core activities: large-scale processing of Art. 9 or Art. 10 data (Art. 37(1)(c)).
    #[serde(default)]
    pub large_scale_special_categories: bool,
    /// Processing that requires a DPIA under Art. 35 (§ 38(1) sentence 2 BDSG).
    #[serde(default)]
    pub dpia_required: bool,
    /// Commercial processing for transfer, anonymised transfer, or market or
    /// opinion research (§ 38(1) sentence 2 BDSG).
    #[serde(default)]
    pub commercial_transfer_or_research: bool,
}

/// The answer, with the rule behind every part of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct DpoDuty {
    /// Whether a DPO must be designated.
    pub required: bool,
    /// Why (each rule that applies, or why none does), and what follows.
    pub reasons: Vec<Reason>,
}

/// Decides the DPO duty.
///
/// ```
/// use dsgvo_core::{Language, dpo::{DpoFacts, dpo_duty}};
/// let shop = DpoFacts { german: true, persons_processing_automatically: 20, ..Default::default() };
/// assert!(dpo_duty(&shop, Language::En).required);
/// let small = DpoFacts { persons_processing_automatically: 19, ..shop };
/// assert!(!dpo_duty(&small, Language::En).required);
/// ```
pub fn dpo_duty(f: &DpoFacts, lang: Language) -> DpoDuty {
    let de = lang == Language::De;
    let t = |d: &str, e: &str| if de { d.to_string() } else { e.to_string() };
    let required = f.public_body
        || f.large_scale_monitoring
        || f.large_scale_special_categories
        || (f.german
            && (f.persons_processing_automatically >= BDSG_HEADCOUNT
                || f.dpia_required
                || f.commercial_transfer_or_research));
    let mut reasons = Vec::new();
    let mut add = |code: &str, text: String, source: &str| {
        reasons.push(Reason {
            code: code.into(),
            text,
            source: source.into(),
        })
    };
    if f.public_body {
        add(
            "art37_1_a",
            t(
                "Öffentliche Stelle: Benennung erforderlich.",
                "Public authority or body: designation required.",
            ),
            "Art. 37(1)(a) GDPR",
        );
    }
    if f.large_scale_monitoring {
        add(
            "art37_1_b",
            t(
                "Kerntätigkeit ist die umfangreiche regelmäßige und systematische Überwachung betroffener Personen: Benennung erforderlich.",
                "Core activities consist of regular and systematic monitoring of data subjects on a large scale: designation required.",
            ),
            "Art. 37(1)(b) GDPR",
        );
    }
    if f.large_scale_special_categories {
        add(
            "art37_1_c",
            t(
                "Kerntätigkeit ist die umfangreiche Verarbeitung besonderer Kategorien (Art. 9) oder von Daten über Straftaten (Art. 10): Benennung erforderlich.",
                "Core activities consist of large-scale processing of special categories (Art. 9) or criminal offence data (Art. 10): designation required.",
            ),
            "Art. 37(1)(c) GDPR",
        );
    }
    if f.german {
        if f.persons_processing_automatically >= BDSG_HEADCOUNT {
            add(
                "bdsg_38_headcount",
                if de {
                    format!(
                        "{} Personen sind in der Regel ständig mit der automatisierten Verarbeitung beschäftigt (Schwelle: {BDSG_HEADCOUNT}): Benennung erforderlich.",
                        f.persons_processing_automatically
                    )
                } else {
                    format!(
                        "{} persons are regularly and permanently engaged in automated processing (threshold: {BDSG_HEADCOUNT}): designation required.",
                        f.persons_processing_automatically
                    )
                },
                "§ 38(1) sentence 1 BDSG",
            );
        }
        if f.dpia_required {
            add(
                "bdsg_38_dpia",
                t(
                    "Verarbeitungen, die einer Datenschutz-Folgenabschätzung (Art. 35 DSGVO) unterliegen: Benennung unabhängig von der Personenzahl erforderlich.",
                    "Processing subject to a data protection impact assessment (Art. 35 GDPR): designation required regardless of headcount.",
                ),
                "§ 38(1) sentence 2 BDSG",
            );
        }
        if f.commercial_transfer_or_research {
            add(
                "bdsg_38_commercial",
                t(
                    "Geschäftsmäßige Verarbeitung zur Übermittlung, anonymisierten Übermittlung oder Markt- und Meinungsforschung: Benennung unabhängig von der Personenzahl erforderlich.",
                    "Commercial processing for transfer, anonymised transfer, or market or opinion research: designation required regardless of headcount.",
                ),
                "§ 38(1) sentence 2 BDSG",
            );
        }
    }
    if required {
        add(
            "art37_7_publish",
            t(
                "Die Kontaktdaten der oder des Datenschutzbeauftragten sind zu veröffentlichen und der Aufsichtsbehörde mitzuteilen.",
                "Publish the data protection officer's contact details and communicate them to the supervisory authority.",
            ),
            "Art. 37(7) GDPR",
        );
        if f.german {
            add(
                "bdsg_38_2_protection",
                t(
                    "Bei Pflichtbenennung gelten Abberufungs- und Kündigungsschutz sowie Verschwiegenheit (§ 38 Abs. 2 i. V. m. § 6 Abs. 4, 5 Satz 2, Abs. 6 BDSG).",
                    "Where designation is mandatory, protection against dismissal and confidentiality apply (§ 38(2) with § 6(4), (5) sentence 2, (6) BDSG).",
                ),
                "§ 38(2) BDSG",
            );
        }
    } else {
        add(
            "no_dpo_duty",
            if f.german {
                if de {
                    format!(
                        "Keine Pflicht: keine Kerntätigkeit nach Art. 37 Abs. 1 DSGVO, weniger als {BDSG_HEADCOUNT} Personen ständig mit automatisierter Verarbeitung beschäftigt, keine DSFA-pflichtige und keine geschäftsmäßige Übermittlungsverarbeitung. Eine freiwillige Benennung ist möglich; die Pflichten der DSGVO gelten unverändert."
                    )
                } else {
                    format!(
                        "No duty: no core activity under Art. 37(1) GDPR, fewer than {BDSG_HEADCOUNT} persons permanently engaged in automated processing, no processing subject to a DPIA and no commercial transfer processing. A voluntary designation is possible; the GDPR's duties apply unchanged."
                    )
                }
            } else {
                t(
                    "Keine Pflicht nach Art. 37 Abs. 1 DSGVO; nationales Recht kann weitere Fälle vorsehen (Art. 37 Abs. 4).",
                    "No duty under Art. 37(1) GDPR; national law may add cases (Art. 37(4)).",
                )
            },
            if f.german {
                "Art. 37(1) GDPR; § 38(1) BDSG"
            } else {
                "Art. 37(1), (4) GDPR"
            },
        );
    }
    DpoDuty { required, reasons }
}
