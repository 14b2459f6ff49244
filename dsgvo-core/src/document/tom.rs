//! The TOM document (Art. 32 GDPR) in the common German layout — four
//! sections (Vertraulichkeit, Integrität, Verfügbarkeit und Belastbarkeit,
//! Verfahren zur regelmäßigen Überprüfung) with the control areas beneath —
//! ready to attach to a record of processing (Art. 30(1)(g)) or a processor
//! contract (Art. 28(3)(c)).

use chrono::NaiveDate;
use serde::Serialize;

use super::{DocumentError, Templates};
use crate::label::Label;
use crate::options::Language;
use crate::tom::{Checklist, ControlArea, ItemState, ItemStatus, Section, TomItem};

/// The format of the TOM document.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum TomFormat {
    /// Markdown.
    Markdown,
    /// HTML (escaped).
    Html,
}

#[derive(Serialize)]
struct View {
    organisation: String,
    protection_need: &'static str,
    today: String,
    review_months: u32,
    sections: Vec<SectionView>,
    unplaced: Vec<ItemView>,
    /// Statements of the imported document that are no measure, each with
    /// its reason (never listed as measures).
    non_measures: Vec<String>,
    attribution: &'static str,
    disclaimer: &'static str,
}

#[derive(Serialize)]
struct SectionView {
    number: usize,
    title: &'static str,
    areas: Vec<AreaView>,
}

#[derive(Serialize)]
struct AreaView {
    name: &'static str,
    items: Vec<ItemView>,
}

#[derive(Serialize)]
struct ItemView {
    id: String,
    statement: String,
    status: &'static str,
    owner: Option<String>,
    detail: Option<String>,
}

/// Renders the TOM document of `checklist` as it stands on `today`.
///
/// ```
/// use dsgvo_core::Language;
/// use dsgvo_core::document::{Templates, TomFormat, tom_document};
/// use dsgvo_core::tom::{Checklist, ProtectionNeed};
/// let c = Checklist::baseline("Beispiel Shop GmbH", ProtectionNeed::Normal, Language::De);
/// let md = tom_document(&c, "2026-11-22".parse().unwrap(), Language::De, TomFormat::Markdown, &Templates::builtin()).unwrap();
/// assert!(md.starts_with("# Technische und organisatorische Maßnahmen"));
/// assert!(md.contains("Datenlizenz Deutschland"));
/// ```
pub fn tom_document(
    checklist: &Checklist,
    today: NaiveDate,
    lang: Language,
    format: TomFormat,
    templates: &Templates,
) -> Result<String, DocumentError> {
    let months = checklist.review_months();
    let view_of = |i: &TomItem| item_view(i, today, months, lang);
    let sections = Section::ALL
        .iter()
        .enumerate()
        .map(|(n, s)| SectionView {
            number: n + 1,
            title: s.title(lang),
            areas: s
                .areas()
                .map(|a: ControlArea| AreaView {
                    name: a.label(lang),
                    items: checklist
                        .items
                        .iter()
                        .filter(|i| i.area.or(i.measure.map(|m| m.spec().area)) == Some(a))
                        .map(view_of)
                        .collect(),
                })
                .collect(),
        })
        .collect();
    let view = View {
        organisation: checklist.organisation.clone(),
        protection_need: checklist.protection_need.label(lang),
        today: today.to_string(),
        review_months: months,
        sections,
        unplaced: checklist
            .items
            .iter()
            .filter(|i| i.area.is_none() && i.measure.is_none())
            .map(view_of)
            .collect(),
        non_measures: evaluate_non_measures(checklist, lang),
        attribution: crate::tom::sdm_attribution(lang),
        disclaimer: crate::verdict::disclaimer(lang),
    };
    let name = match (lang, format) {
        (Language::De, TomFormat::Markdown) => "de/tom.md",
        (Language::En, TomFormat::Markdown) => "en/tom.md",
        (Language::De, TomFormat::Html) => "de/tom.html",
        (Language::En, TomFormat::Html) => "en/tom.html",
    };
    templates.render(name, &view)
}

fn item_view(item: &TomItem, today: NaiveDate, months: u32, lang: Language) -> ItemView {
    let de = lang == Language::De;
    let (status, detail) = match (item.status(today, months), &item.state) {
        (ItemStatus::Planned, _) => (if de { "geplant" } else { "planned" }, None),
        (ItemStatus::Implemented { review_due }, _) => (
            if de { "umgesetzt" } else { "implemented" },
            Some(if de {
                format!("nächste Überprüfung bis {review_due}")
            } else {
                format!("next review by {review_due}")
            }),
        ),
        (ItemStatus::Verified { review_due }, ItemState::Verified { on, evidence, .. }) => (
            if de { "geprüft" } else { "verified" },
            Some(if de {
                format!("geprüft am {on} ({evidence}); nächste Überprüfung bis {review_due}")
            } else {
                format!("verified on {on} ({evidence}); next review by {review_due}")
            }),
        ),
        (ItemStatus::Verified { .. }, _) => (if de { "geprüft" } else { "verified" }, None),
        (ItemStatus::ReviewDue { due, .. }, _) => (
            if de {
                "Überprüfung fällig"
            } else {
                "review due"
            },
            Some(match (due, de) {
                (Some(d), true) => format!("fällig seit {d}"),
                (Some(d), false) => format!("due since {d}"),
                (None, true) => "kein Prüfdatum dokumentiert".into(),
                (None, false) => "no review date on record".into(),
            }),
        ),
        (
            ItemStatus::Deficient,
            ItemState::Deficient {
                since,
                breach,
                finding,
            },
        ) => (
            if de { "mangelhaft" } else { "deficient" },
            Some(if de {
                format!("seit {since}, Verletzung {}: {finding}", breach.reference)
            } else {
                format!("since {since}, breach {}: {finding}", breach.reference)
            }),
        ),
        (ItemStatus::Deficient, _) => (if de { "mangelhaft" } else { "deficient" }, None),
        (ItemStatus::NotApplicable, ItemState::NotApplicable { reason }) => (
            if de {
                "nicht anwendbar"
            } else {
                "not applicable"
            },
            Some(reason.clone()),
        ),
        (ItemStatus::NotApplicable, _) => (
            if de {
                "nicht anwendbar"
            } else {
                "not applicable"
            },
            None,
        ),
    };
    // A statement that is no measure is kept, and said to be none.
    let (status, detail) = if crate::tom::is_measure(item) {
        (status, detail)
    } else {
        (
            if de {
                "keine Maßnahme"
            } else {
                "not a measure"
            },
            Some(if de {
                "beschreibt keine Handlung und keine Kontrolle".to_string()
            } else {
                "describes no action and no control".to_string()
            }),
        )
    };
    ItemView {
        id: item.id.0.clone(),
        statement: item.statement.clone(),
        status,
        owner: item.owner.clone(),
        detail,
    }
}

/// The reasons why the document's non-measures are none.
fn evaluate_non_measures(checklist: &Checklist, lang: Language) -> Vec<String> {
    checklist
        .non_measures
        .iter()
        .map(|n| crate::tom::non_measure_finding(n, lang).reason.text)
        .collect()
}
