//! Findings about the statements of an imported document that describe no
//! measure: a negation ("unverschlüsselt gespeichert") shows a gap, a
//! belief or a vague claim protects nothing, advice to customers is not a
//! measure of the organisation. Each is reported with its reason, never
//! counted as a measure (Art. 24(1), Art. 32(1) GDPR: measures must be
//! implemented and demonstrable).

use serde::Serialize;

use super::checklist::NonMeasure;
use super::statement::Modality;
use crate::label::Label;
use crate::options::Language;
use crate::reason::Reason;

/// A statement of the document that is no measure, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct NonMeasureFinding {
    /// The statement as written.
    pub statement: String,
    /// Its line in the document, where known.
    pub line: Option<usize>,
    /// What it says.
    pub modality: Modality,
    /// Why it is no measure, and the rule.
    #[serde(flatten)]
    pub reason: Reason,
}

/// The finding about one non-measure of an imported document.
pub fn finding(n: &NonMeasure, lang: Language) -> NonMeasureFinding {
    let de = lang == Language::De;
    let s = &n.statement;
    let cue = n.cue.as_deref().unwrap_or("");
    let measure = n.measure.map(|m| m.label(lang));
    let (code, text, source) = match (n.modality, measure) {
        (Modality::Negated, Some(m)) => (
            "statement_negated",
            if de {
                format!(
                    "„{s}“ sagt, dass die Maßnahme „{m}“ fehlt („{cue}“): Sie zählt nicht als Maßnahme, sondern zeigt eine Lücke."
                )
            } else {
                format!(
                    "\"{s}\" says that the measure \"{m}\" is absent (\"{cue}\"): it does not count as a measure; it shows a gap."
                )
            },
            "Art. 32(1) GDPR",
        ),
        (Modality::Negated, None) => (
            "statement_negated",
            if de {
                format!("„{s}“ verneint eine Kontrolle („{cue}“) und beschreibt keine Maßnahme.")
            } else {
                format!("\"{s}\" denies a control (\"{cue}\") and describes no measure.")
            },
            "Art. 32(1) GDPR",
        ),
        (Modality::Belief, _) => (
            "belief_not_measure",
            if de {
                format!(
                    "„{s}“ ist eine Überzeugung („{cue}“), keine Maßnahme: niemand handelt, nichts wird kontrolliert. Beschreiben Sie, was geschieht (z. B. Verpflichtung auf Vertraulichkeit, Berechtigungskonzept, Protokollierung)."
                )
            } else {
                format!(
                    "\"{s}\" states a belief (\"{cue}\"), not a measure: nobody acts, nothing is controlled. Describe what is done (e.g. confidentiality commitments, a permission concept, logging)."
                )
            },
            "Art. 24(1), Art. 32(1) GDPR",
        ),
        (Modality::Vague, _) => (
            "vague_claim",
            match (de, cue.is_empty()) {
                (true, false) => format!(
                    "„{s}“ behauptet Schutz („{cue}“), nennt aber keine Kontrolle: was, wie, wie oft und von wem. So ist es nicht nachweisbar."
                ),
                (true, true) => format!(
                    "„{s}“ nennt keine Kontrolle und keine Handlung: was, wie, wie oft und von wem. So ist es nicht nachweisbar."
                ),
                (false, false) => format!(
                    "\"{s}\" claims protection (\"{cue}\") but names no control: what, how, how often and by whom. It cannot be demonstrated."
                ),
                (false, true) => format!(
                    "\"{s}\" names no control and no action: what, how, how often and by whom. It cannot be demonstrated."
                ),
            },
            "Art. 5(2), Art. 32(1) GDPR",
        ),
        (Modality::RecommendedToOthers, _) => (
            "advice_to_others",
            if de {
                format!(
                    "„{s}“ ist ein Rat an andere („{cue}“), keine Maßnahme des Verantwortlichen."
                )
            } else {
                format!("\"{s}\" is advice to others (\"{cue}\"), not a measure of the controller.")
            },
            "Art. 24(1), Art. 32(1) GDPR",
        ),
        (Modality::InPlace | Modality::Planned, _) => (
            "not_a_measure",
            if de {
                format!("„{s}“ beschreibt keine Maßnahme.")
            } else {
                format!("\"{s}\" describes no measure.")
            },
            "Art. 32(1) GDPR",
        ),
    };
    NonMeasureFinding {
        statement: n.statement.clone(),
        line: n.line,
        modality: n.modality,
        reason: crate::explain::cited_reason(code, text, source, lang),
    }
}
