//! The TOM document (Art. 32 GDPR) in the common German layout — four
//! sections (Vertraulichkeit, Integrität, Verfügbarkeit und Belastbarkeit,
//! Verfahren zur regelmäßigen Überprüfung) with the control areas beneath —
//! ready to attach to a record of processing (Art. 30(1)(g)) or a processor
//! contract (Art. 28(3)(c)).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{DocumentError, Templates};
use crate::label::Label;
use crate::options::Language;
use crate::tom::{Checklist, ControlArea, ItemState, ItemStatus, Section, TomItem};

crate::facts::closed_set!(
    /// The format of the TOM document, spelled the same at every door.
    TomFormat {
        /// Markdown.
        Markdown = "markdown",
        /// HTML (escaped).
        Html = "html",
    }
);

#[derive(Serialize)]
struct View {
    organisation: String,
    protection_need: &'static str,
    /// Why; `None`: the document says the reason is missing.
    protection_need_reason: Option<String>,
    today: String,
    review_months: u32,
    scope: Option<crate::tom::TomScope>,
    approval: Option<ApprovalView>,
    /// The Art. 32(1)(d) procedure as it stands.
    review: ReviewView,
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
    /// The Art. 32(1) points of the area (`Art. 32 Abs. 1 lit. a DSGVO`).
    basis: String,
    items: Vec<ItemView>,
    /// Measures of this area's kind documented under another area (TLS
    /// under "Weitergabekontrolle" is also encryption, Art. 32(1)(a)).
    see_also: Vec<String>,
}

#[derive(Serialize)]
struct ApprovalView {
    version: String,
    approved_by: String,
    approved_on: String,
}

/// `22.11.2026` or `2026-11-22`.
fn date(d: NaiveDate, lang: Language) -> String {
    match lang {
        Language::De => d.format("%d.%m.%Y").to_string(),
        Language::En => d.to_string(),
    }
}

/// The review procedure of Art. 32(1)(d), from the checklist.
#[derive(Serialize)]
struct ReviewView {
    months: u32,
    in_place: usize,
    verified: usize,
    due: usize,
    without_owner: usize,
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
    let dpo = checklist
        .dpo
        .as_ref()
        .map(|f| crate::dpo::dpo_duty(f, lang).outcome);
    let view_of = |i: &TomItem| item_view(i, today, months, lang, dpo);
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
                    basis: basis(a, lang),
                    items: checklist
                        .items
                        .iter()
                        .filter(|i| i.area.or(i.measure.map(|m| m.spec().area)) == Some(a))
                        .map(view_of)
                        .collect(),
                    see_also: see_also(checklist, a, lang),
                })
                .collect(),
        })
        .collect();
    let view = View {
        organisation: checklist.organisation.clone(),
        protection_need: checklist.protection_need.label(lang),
        protection_need_reason: checklist.protection_need_reason.clone(),
        today: date(today, lang),
        review_months: months,
        scope: checklist.scope.clone(),
        approval: checklist.approval.as_ref().map(|a| ApprovalView {
            version: a.version.clone(),
            approved_by: a.approved_by.clone(),
            approved_on: date(a.approved_on, lang),
        }),
        review: review(checklist, today, months),
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

/// `Art. 32 Abs. 1 lit. a DSGVO` (or `lit. a, b`) for the area's points.
fn basis(area: ControlArea, lang: Language) -> String {
    let letters: Vec<&str> = area.art32().iter().map(|p| p.as_str()).collect();
    match lang {
        Language::De => format!("Art. 32 Abs. 1 lit. {} DSGVO", letters.join(", ")),
        Language::En => format!("Art. 32(1)({}) GDPR", letters.join("), (")),
    }
}

/// Items documented under another area whose measure also serves this
/// area's Art. 32(1)(a) kind: encryption and pseudonymisation are asked for
/// by name, and TLS or password hashing count for them.
fn see_also(checklist: &Checklist, area: ControlArea, lang: Language) -> Vec<String> {
    if area != ControlArea::Encryption {
        return Vec::new();
    }
    checklist
        .items
        .iter()
        .filter(|i| i.state.in_place() && i.area != Some(area))
        .filter(|i| {
            i.measure
                .is_some_and(|m| m.spec().art32.contains(&crate::tom::Art32Point::A))
        })
        .map(|i| {
            let under = i.area.map(|a| a.label(lang)).unwrap_or_default();
            match lang {
                Language::De => format!("{} (siehe {under})", i.statement),
                Language::En => format!("{} (see {under})", i.statement),
            }
        })
        .collect()
}

fn review(checklist: &Checklist, today: NaiveDate, months: u32) -> ReviewView {
    let statuses: Vec<ItemStatus> = checklist
        .items
        .iter()
        .map(|i| i.status(today, months))
        .collect();
    ReviewView {
        months,
        in_place: checklist
            .items
            .iter()
            .filter(|i| i.state.in_place())
            .count(),
        verified: statuses
            .iter()
            .filter(|s| matches!(s, ItemStatus::Verified { .. }))
            .count(),
        due: statuses
            .iter()
            .filter(|s| matches!(s, ItemStatus::ReviewDue { .. }))
            .count(),
        without_owner: checklist
            .items
            .iter()
            .filter(|i| i.state.in_place() && i.owner.is_none())
            .count(),
    }
}

fn item_view(
    item: &TomItem,
    today: NaiveDate,
    months: u32,
    lang: Language,
    dpo: Option<crate::dpo::DpoOutcome>,
) -> ItemView {
    let de = lang == Language::De;
    // The DPO line says what the DPO evaluation says.
    if item.measure == Some(crate::tom::ShopMeasure::DataProtectionOfficer)
        && dpo == Some(crate::dpo::DpoOutcome::NotRequired)
        && !item.state.in_place()
    {
        return ItemView {
            id: item.id.0.clone(),
            statement: item.statement.clone(),
            status: if de {
                "nicht erforderlich"
            } else {
                "not required"
            },
            owner: item.owner.clone(),
            detail: Some(if de {
                "keine Benennungspflicht nach Art. 37 Abs. 1 DSGVO und § 38 BDSG (siehe Bewertung)"
                    .into()
            } else {
                "no duty to designate under Art. 37(1) GDPR and § 38 BDSG (see the evaluation)"
                    .into()
            }),
        };
    }
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
