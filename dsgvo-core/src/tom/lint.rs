//! Statements that are not measures. A TOM document often contains
//! sentences that protect nothing — "Die Integrität unserer Mitarbeiter
//! steht außer Frage" — or measures nobody is responsible for. Art. 24(1)
//! and Art. 32(1) GDPR require measures that are implemented and can be
//! demonstrated; a belief is neither.

use serde::Serialize;

use super::item::{ItemId, TomItem};
use super::statement::{Modality, StatementReading, read_statement};
use crate::options::Language;
use crate::reason::{Reason, ReasonCode};

/// A finding about one item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct ItemFinding {
    /// The item.
    pub item: ItemId,
    /// What is wrong, why, and the rule behind it.
    #[serde(flatten)]
    pub reason: Reason,
}

const SOURCE_MEASURE: &str = "Art. 24 Abs. 1, Art. 32 Abs. 1 DSGVO";
const SOURCE_MEASURE_EN: &str = "Art. 24(1), Art. 32(1) GDPR";

/// What the lint reads from a statement, once.
struct Reading {
    /// The statement read word by word.
    statement: StatementReading,
    /// It names a baseline measure (or is linked to one).
    recognised: bool,
}

impl Reading {
    fn of(item: &TomItem) -> Reading {
        let statement = read_statement(&item.statement, item.area);
        Reading {
            recognised: item.measure.is_some() || statement.measure.is_some(),
            statement,
        }
    }

    fn is_measure(&self) -> bool {
        self.recognised || self.statement.is_measure()
    }
}

/// Whether the statement describes a measure at all: it names a baseline
/// measure or a control, and states no mere belief. Statements that
/// describe no measure count for no protection goal, even when marked
/// implemented.
pub fn is_measure(item: &TomItem) -> bool {
    Reading::of(item).is_measure()
}

/// The findings about `item`.
pub fn lint(item: &TomItem, lang: Language) -> Vec<ItemFinding> {
    let de = lang == Language::De;
    let reading = Reading::of(item);
    let mut out = Vec::new();
    let mut add = |code: &str, de_text: String, en_text: String, source: (&str, &str)| {
        out.push(ItemFinding {
            item: item.id.clone(),
            reason: Reason {
                code: ReasonCode::from(code),
                text: if de { de_text } else { en_text },
                source: if de { source.0 } else { source.1 }.to_string(),
            },
        })
    };
    let belief = (reading.statement.modality == Modality::Belief && !reading.recognised)
        .then(|| reading.statement.cue.clone())
        .flatten();
    if let Some(phrase) = belief {
        add(
            "belief_not_measure",
            format!(
                "„{}“ ist eine Überzeugung („{phrase}“), keine Maßnahme: niemand handelt, nichts wird kontrolliert. Beschreiben Sie, was geschieht (z. B. Verpflichtung auf Vertraulichkeit, Berechtigungskonzept, Protokollierung).",
                item.statement
            ),
            format!(
                "\"{}\" states a belief (\"{phrase}\"), not a measure: nobody acts, nothing is controlled. Describe what is done (e.g. confidentiality commitments, a permission concept, logging).",
                item.statement
            ),
            (SOURCE_MEASURE, SOURCE_MEASURE_EN),
        );
    } else if !reading.recognised && !reading.statement.names_control {
        add(
            "no_control",
            format!(
                "„{}“ nennt keine Kontrolle und keine Handlung; als Maßnahme ist es nicht nachweisbar.",
                item.statement
            ),
            format!(
                "\"{}\" names no control and no action; it cannot be demonstrated as a measure.",
                item.statement
            ),
            (
                "Art. 5 Abs. 2, Art. 32 Abs. 1 DSGVO; SDM V3.1 Teil D1",
                "Art. 5(2), Art. 32(1) GDPR; SDM V3.1 part D1",
            ),
        );
    }
    if item.state.in_place() && item.owner.is_none() {
        add(
            "no_responsible_party",
            "Für diese Maßnahme ist niemand verantwortlich benannt; ohne Zuständigkeit wird sie weder betrieben noch überprüft.".into(),
            "Nobody is named responsible for this measure; without an owner it is neither run nor reviewed.".into(),
            (
                "Art. 5 Abs. 2, Art. 24 Abs. 1 DSGVO",
                "Art. 5(2), Art. 24(1) GDPR",
            ),
        );
    }
    if item.area.is_none() && item.measure.is_none() {
        add(
            "unplaced",
            "Die Maßnahme ist keinem Kontrollbereich zugeordnet und zählt für kein Gewährleistungsziel, solange sie keinem Bereich oder keiner Basismaßnahme zugeordnet ist.".into(),
            "The measure is not assigned to a control area and counts for no protection goal until it is assigned to an area or a baseline measure.".into(),
            ("Art. 32 Abs. 1 DSGVO; SDM V3.1", "Art. 32(1) GDPR; SDM V3.1"),
        );
    }
    out
}
