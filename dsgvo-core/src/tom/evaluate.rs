//! The evaluation of a checklist on a given day: coverage per SDM goal and
//! per Art. 32(1) point, gaps against the shop baseline for the protection
//! need, overdue reviews and statements that are not measures — each
//! finding explained with the rule behind it.

use chrono::NaiveDate;
use serde::Serialize;

use super::area::ControlArea;
use super::baseline::ShopMeasure;
use super::catalog::sdm_attribution;
use super::checklist::Checklist;
use super::goal::{Art32Point, ProtectionGoal, ProtectionNeed};
use super::item::{ItemId, ItemState, ItemStatus, TomItem};
use super::lint::{ItemFinding, is_measure, lint};
use super::non_measure::{self, NonMeasureFinding};
use crate::dpo::dpo_duty;
use crate::label::Label;
use crate::options::Language;
use crate::reason::{Reason, ReasonCode};

/// The `schema` tag of an evaluation.
pub const EVALUATION_SCHEMA: &str = "dsgvo.tom-evaluation/1";

/// A checklist evaluated on one day.
#[derive(Clone, Debug, PartialEq, Serialize, schemars::JsonSchema)]
pub struct TomEvaluation {
    /// Always `dsgvo.tom-evaluation/1`.
    pub schema: &'static str,
    /// The controller or processor.
    pub organisation: String,
    /// The protection need evaluated against.
    pub protection_need: ProtectionNeed,
    /// The day evaluated (the caller's).
    pub today: NaiveDate,
    /// Months between reviews applied.
    pub review_interval_months: u32,
    /// Every item and where it stands today.
    pub items: Vec<ItemReport>,
    /// Coverage per SDM protection goal, in SDM order.
    pub by_goal: Vec<GoalCoverage>,
    /// Coverage per Art. 32(1) point.
    pub by_art32: Vec<Art32Coverage>,
    /// Baseline measures required at this protection need that are not in place.
    pub gaps: Vec<Gap>,
    /// Items whose review fell due.
    pub overdue_reviews: Vec<OverdueReview>,
    /// Statements that are not measures, measures without an owner, items not placed.
    pub lint: Vec<ItemFinding>,
    /// Statements of the imported document that describe no measure
    /// (negations, beliefs, vague claims, advice to others), with reasons.
    pub non_measures: Vec<NonMeasureFinding>,
    /// Findings about the checklist as a whole (uncovered goals, the DPO
    /// duty, baseline measures marked not applicable).
    pub reasons: Vec<Reason>,
    /// The SDM licence attribution.
    pub attribution: &'static str,
    /// Decision support, not legal advice.
    pub disclaimer: String,
}

/// One item on the day evaluated.
#[derive(Clone, Debug, PartialEq, Serialize, schemars::JsonSchema)]
pub struct ItemReport {
    /// The item.
    pub id: ItemId,
    /// Its statement.
    pub statement: String,
    /// Its area.
    pub area: Option<ControlArea>,
    /// The baseline measure it implements.
    pub measure: Option<ShopMeasure>,
    /// Who is responsible.
    pub owner: Option<String>,
    /// The SDM goals it serves (its area's and its measure's).
    pub goals: Vec<ProtectionGoal>,
    /// Where it stands today.
    pub status: ItemStatus,
}

/// Coverage of one SDM goal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct GoalCoverage {
    /// The goal.
    pub goal: ProtectionGoal,
    /// Baseline measures for this goal required at the protection need.
    pub required: usize,
    /// Of those, in place.
    pub met: usize,
    /// Items in place that serve the goal (baseline or not).
    pub items_in_place: usize,
    /// Items serving the goal that a breach showed deficient.
    pub items_deficient: usize,
    /// The required measures not in place.
    pub missing: Vec<ShopMeasure>,
}

/// Coverage of one Art. 32(1) point.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Art32Coverage {
    /// The point.
    pub point: Art32Point,
    /// Baseline measures for this point required at the protection need.
    pub required: usize,
    /// Of those, in place.
    pub met: usize,
    /// Items in place that serve the point.
    pub items_in_place: usize,
    /// The required measures not in place.
    pub missing: Vec<ShopMeasure>,
}

/// A baseline measure that is required and not in place.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Gap {
    /// The measure.
    pub measure: ShopMeasure,
    /// From which protection need it is required.
    pub required_from: ProtectionNeed,
    /// The items implementing it (planned or deficient), if any.
    pub items: Vec<ItemId>,
    /// Why it is a gap and the rule behind the measure.
    pub reason: Reason,
}

/// An item whose review fell due.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct OverdueReview {
    /// The item.
    pub item: ItemId,
    /// When it fell due; `None` when no date is on record.
    pub due: Option<NaiveDate>,
    /// Days since then.
    pub days_overdue: Option<i64>,
}

impl TomEvaluation {
    /// The evaluation as JSON (`dsgvo.tom-evaluation/1`).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("evaluations serialise")
    }
}

impl TomItem {
    /// The SDM goals the item serves: its baseline measure's; without one,
    /// only the primary goal of its area (the first of
    /// [`ControlArea::goals`]) — an item under "Datenschutz-Management"
    /// does not prove data minimisation, transparency and intervenability
    /// at once. So a goal no measure serves is always reported. The
    /// primary-goal rule is ours.
    pub fn goals(&self) -> Vec<ProtectionGoal> {
        let mut goals = match (self.measure, self.area) {
            (Some(m), _) => m.spec().goals.to_vec(),
            (None, Some(a)) => a.goals().iter().take(1).copied().collect(),
            _ => Vec::new(),
        };
        goals.sort();
        goals
    }

    /// The Art. 32(1) points the item serves, by the same rule (without a
    /// measure, the area's first point).
    pub fn art32(&self) -> Vec<Art32Point> {
        let mut points = match (self.measure, self.area) {
            (Some(m), _) => m.spec().art32.to_vec(),
            (None, Some(a)) => a.art32().iter().take(1).copied().collect(),
            _ => Vec::new(),
        };
        points.sort();
        points
    }
}

/// Evaluates `checklist` on `today` (the caller's date).
///
/// ```
/// use dsgvo_core::tom::{Checklist, ProtectionNeed, evaluate};
/// let c = Checklist::baseline("Beispiel Shop GmbH", ProtectionNeed::Normal, dsgvo_core::Language::En);
/// let e = evaluate(&c, "2026-11-22".parse().unwrap(), dsgvo_core::Language::En);
/// // Everything is only planned: every required measure is a gap.
/// assert_eq!(e.gaps.len(), c.items.len());
/// assert!(e.by_goal.iter().all(|g| g.met == 0));
/// ```
pub fn evaluate(checklist: &Checklist, today: NaiveDate, lang: Language) -> TomEvaluation {
    let de = lang == Language::De;
    let t = |d: String, e: String| if de { d } else { e };
    let months = checklist.review_months();
    let mut reasons = Vec::new();

    // Which baseline measures are required, and which are excused.
    let mut required = ShopMeasure::required_at(checklist.protection_need);
    match &checklist.dpo {
        Some(facts) => {
            let duty = dpo_duty(facts, lang);
            // Only a duty decided "no" excuses the measure; an open one keeps it.
            if duty.outcome == crate::dpo::DpoOutcome::NotRequired {
                required.retain(|m| *m != ShopMeasure::DataProtectionOfficer);
            }
            reasons.extend(duty.reasons);
        }
        None => reasons.push(reason(
            "dpo_duty_not_assessed",
            t(
                "Ob ein Datenschutzbeauftragter benannt werden muss, ist nicht geprüft (Angaben unter `dpo` fehlen); die Maßnahme bleibt deshalb gefordert.".into(),
                "Whether a data protection officer must be designated was not assessed (no `dpo` facts); the measure therefore stays required.".into(),
            ),
            if de { "Art. 37 DSGVO, § 38 BDSG" } else { "Art. 37 GDPR, § 38 BDSG" },
        )),
    }
    let excused: Vec<&TomItem> = checklist
        .items
        .iter()
        .filter(|i| matches!(i.state, ItemState::NotApplicable { .. }) && i.measure.is_some())
        .collect();
    for item in &excused {
        let (Some(m), ItemState::NotApplicable { reason: why }) = (item.measure, &item.state)
        else {
            continue;
        };
        if !required.contains(&m) {
            continue;
        }
        let in_place = checklist
            .items
            .iter()
            .any(|i| i.measure == Some(m) && i.state.in_place());
        if !in_place {
            required.retain(|r| *r != m);
            reasons.push(reason(
                "baseline_not_applicable",
                t(
                    format!("„{}“ ist als nicht anwendbar erklärt: {why}. Prüfen Sie die Begründung bei jeder Überprüfung.", m.label(lang)),
                    format!("\"{}\" is declared not applicable: {why}. Check the reason at every review.", m.label(lang)),
                ),
                m.basis(lang),
            ));
        }
    }

    let in_place = |m: ShopMeasure| {
        checklist
            .items
            .iter()
            .any(|i| i.measure == Some(m) && i.state.in_place())
    };

    // What each item serves and whether it counts, read once.
    let read: Vec<ItemReading> = checklist
        .items
        .iter()
        .map(|i| ItemReading {
            goals: i.goals(),
            art32: i.art32(),
            counts: i.state.in_place() && is_measure(i),
            deficient: matches!(i.state, ItemState::Deficient { .. }),
        })
        .collect();
    let items: Vec<ItemReport> = checklist
        .items
        .iter()
        .zip(&read)
        .map(|(i, r)| ItemReport {
            id: i.id.clone(),
            statement: i.statement.clone(),
            area: i.area,
            measure: i.measure,
            owner: i.owner.clone(),
            goals: r.goals.clone(),
            status: i.status(today, months),
        })
        .collect();

    let by_goal: Vec<GoalCoverage> = ProtectionGoal::ALL
        .iter()
        .map(|&goal| {
            let req: Vec<ShopMeasure> = required
                .iter()
                .copied()
                .filter(|m| m.spec().goals.contains(&goal))
                .collect();
            let serving = read.iter().filter(|r| r.goals.contains(&goal));
            GoalCoverage {
                goal,
                required: req.len(),
                met: req.iter().filter(|m| in_place(**m)).count(),
                items_in_place: serving.clone().filter(|r| r.counts).count(),
                items_deficient: serving.filter(|r| r.deficient).count(),
                missing: req.into_iter().filter(|m| !in_place(*m)).collect(),
            }
        })
        .collect();
    for g in &by_goal {
        if g.items_in_place == 0 {
            reasons.push(reason(
                "goal_uncovered",
                t(
                    format!(
                        "Keine umgesetzte Maßnahme dient dem Gewährleistungsziel {}.",
                        g.goal.label(lang)
                    ),
                    format!(
                        "No measure in place serves the protection goal of {}.",
                        g.goal.label(lang)
                    ),
                ),
                if de {
                    "SDM V3.1, Gewährleistungsziele; Art. 32 Abs. 1 DSGVO"
                } else {
                    "SDM V3.1, protection goals; Art. 32(1) GDPR"
                },
            ));
        }
    }

    let by_art32: Vec<Art32Coverage> = Art32Point::ALL
        .iter()
        .map(|&point| {
            let req: Vec<ShopMeasure> = required
                .iter()
                .copied()
                .filter(|m| m.spec().art32.contains(&point))
                .collect();
            Art32Coverage {
                point,
                required: req.len(),
                met: req.iter().filter(|m| in_place(**m)).count(),
                items_in_place: read
                    .iter()
                    .filter(|r| r.counts && r.art32.contains(&point))
                    .count(),
                missing: req.into_iter().filter(|m| !in_place(*m)).collect(),
            }
        })
        .collect();

    let gaps: Vec<Gap> = required
        .iter()
        .copied()
        .filter(|m| !in_place(*m))
        .map(|m| gap(checklist, m, lang))
        .collect();

    let overdue_reviews = items
        .iter()
        .filter_map(|r| match r.status {
            ItemStatus::ReviewDue { due, days_overdue } => Some(OverdueReview {
                item: r.id.clone(),
                due,
                days_overdue,
            }),
            _ => None,
        })
        .collect();

    TomEvaluation {
        schema: EVALUATION_SCHEMA,
        organisation: checklist.organisation.clone(),
        protection_need: checklist.protection_need,
        today,
        review_interval_months: months,
        items,
        by_goal,
        by_art32,
        gaps,
        overdue_reviews,
        lint: checklist.items.iter().flat_map(|i| lint(i, lang)).collect(),
        non_measures: checklist
            .non_measures
            .iter()
            .map(|n| non_measure::finding(n, lang))
            .collect(),
        reasons,
        attribution: sdm_attribution(lang),
        disclaimer: crate::verdict::disclaimer(lang).to_string(),
    }
}

/// What the evaluation reads from one item.
struct ItemReading {
    goals: Vec<ProtectionGoal>,
    art32: Vec<Art32Point>,
    /// In place and a measure at all.
    counts: bool,
    deficient: bool,
}

fn gap(checklist: &Checklist, m: ShopMeasure, lang: Language) -> Gap {
    let de = lang == Language::De;
    let items: Vec<&TomItem> = checklist
        .items
        .iter()
        .filter(|i| i.measure == Some(m))
        .collect();
    let deficient = items.iter().find_map(|i| match &i.state {
        ItemState::Deficient {
            breach, finding, ..
        } => Some((breach, finding)),
        _ => None,
    });
    let label = m.label(lang);
    let need = m.spec().required_from.label(lang);
    let (code, text) = match (deficient, items.is_empty()) {
        (Some((breach, finding)), _) => (
            "gap_deficient",
            if de {
                format!(
                    "„{label}“ hat bei der Verletzung {} versagt: {finding}",
                    breach.reference
                )
            } else {
                format!(
                    "\"{label}\" failed in breach {}: {finding}",
                    breach.reference
                )
            },
        ),
        (None, true) => (
            "gap_missing",
            if de {
                format!("„{label}“ fehlt; gefordert ab Schutzbedarf {need}.")
            } else {
                format!("\"{label}\" is missing; required from protection need {need}.")
            },
        ),
        (None, false) => (
            "gap_planned",
            if de {
                format!(
                    "„{label}“ ist geplant, aber nicht umgesetzt; gefordert ab Schutzbedarf {need}."
                )
            } else {
                format!(
                    "\"{label}\" is planned but not in place; required from protection need {need}."
                )
            },
        ),
    };
    Gap {
        measure: m,
        required_from: m.spec().required_from,
        items: items.iter().map(|i| i.id.clone()).collect(),
        reason: reason(code, text, m.basis(lang)),
    }
}

fn reason(code: &str, text: String, source: &str) -> Reason {
    Reason {
        code: ReasonCode::from(code),
        text,
        source: source.to_string(),
    }
}
