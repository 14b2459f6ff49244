//! Technical and organisational measures (Art. 32 GDPR) as a living
//! checklist: the SDM catalogue, a baseline for online shops by protection
//! need, items with a lifecycle that breaches re-open, an evaluation with
//! explained findings, and the import of existing TOM documents.
//!
//! ```
//! use chrono::NaiveDate;
//! use dsgvo_core::Language;
//! use dsgvo_core::tom::{BreachLink, Checklist, FailedMeasure, ItemAction, ProtectionNeed, ShopMeasure, evaluate};
//!
//! let on: NaiveDate = "2026-03-01".parse().unwrap();
//! let mut c = Checklist::baseline("Beispiel Shop GmbH", ProtectionNeed::High, Language::En);
//! c.apply("encryption_at_rest", ItemAction::Implement { owner: Some("IT".into()) }, on, "DSB").unwrap();
//! // A stolen laptop held an unencrypted customer export.
//! let failed = [FailedMeasure { measure: ShopMeasure::EncryptionAtRest, finding: "export on laptop not encrypted".into() }];
//! c.record_breach(&BreachLink::reference("2026-017"), &failed, "2026-11-20".parse().unwrap(), "DSB", Language::En).unwrap();
//! let e = evaluate(&c, "2026-11-22".parse().unwrap(), Language::En);
//! let gap = e.gaps.iter().find(|g| g.measure == ShopMeasure::EncryptionAtRest).unwrap();
//! assert_eq!(gap.reason.code, "gap_deficient");
//! ```
//!
//! The SDM material is used under "Datenlizenz Deutschland – Namensnennung
//! 2.0" ([`SDM_ATTRIBUTION`]).

mod area;
mod baseline;
mod breach;
mod catalog;
mod checklist;
mod evaluate;
mod goal;
mod import;
mod item;
mod layout;
mod lint;
mod non_measure;
mod statement;

pub use area::{BDSG_64_3, ControlArea, Section};
pub use baseline::{MeasureSpec, ShopMeasure};
pub use breach::{BreachLink, FailedMeasure, failed_measures};
pub use catalog::{
    Baustein, SDM_ATTRIBUTION, SDM_ATTRIBUTION_EN, SdmCatalog, SdmGoal, SdmMeasure,
    sdm_attribution, sdm_catalog,
};
pub use checklist::{Approval, CHECKLIST_SCHEMA, Checklist, ChecklistSchema, NonMeasure, TomScope};
pub use evaluate::{
    Art32Coverage, EVALUATION_SCHEMA, Gap, GoalCoverage, ItemReport, OverdueReview, TomEvaluation,
    evaluate,
};
pub use goal::{Art32Point, ProtectionGoal, ProtectionNeed};
pub use import::{ImportReport, ImportedSection, import_document};
pub use item::{
    ItemAction, ItemEvent, ItemId, ItemState, ItemStatus, StateName, TomItem, review_due,
};
pub use lint::{ItemFinding, is_measure, lint};
pub use non_measure::{NonMeasureFinding, finding as non_measure_finding};
pub use statement::{Modality, StatementReading, read_statement};

/// A checklist operation was refused; nothing changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TomError {
    /// The action is not allowed in the item's state.
    #[error("item {item}: {action} refused in state {state}: {why}")]
    Refused {
        /// The item.
        item: ItemId,
        /// Its state.
        state: StateName,
        /// The refused action.
        action: &'static str,
        /// Why.
        why: String,
    },
    /// A field of the action is missing or invalid.
    #[error("item {item}: {field}: {problem}")]
    InvalidAction {
        /// The item.
        item: ItemId,
        /// The field.
        field: &'static str,
        /// What is wrong.
        problem: String,
    },
    /// No item has this id.
    #[error("item {item}: no such item in the checklist")]
    UnknownItem {
        /// The id asked for.
        item: ItemId,
    },
    /// An item with this id exists already.
    #[error("item {item}: an item with this id exists already")]
    DuplicateItem {
        /// The id.
        item: ItemId,
    },
}
