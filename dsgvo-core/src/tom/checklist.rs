//! The TOM checklist: `dsgvo.tom-checklist/1`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::TomError;
use super::area::ControlArea;
use super::baseline::ShopMeasure;
use super::breach::{BreachLink, FailedMeasure};
use super::goal::ProtectionNeed;
use super::item::{ItemAction, ItemId, ItemState, TomItem};
use super::statement::Modality;
use crate::dpo::DpoFacts;
use crate::error::{ErrorKind, FieldError, InputError};
use crate::label::Label;
use crate::options::Language;

/// The `schema` tag of a TOM checklist.
pub const CHECKLIST_SCHEMA: &str = "dsgvo.tom-checklist/1";

/// The `schema` tag: only `"dsgvo.tom-checklist/1"` is accepted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct ChecklistSchema;

impl Serialize for ChecklistSchema {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(CHECKLIST_SCHEMA)
    }
}

impl<'de> Deserialize<'de> for ChecklistSchema {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let tag = String::deserialize(d)?;
        if tag == CHECKLIST_SCHEMA {
            Ok(ChecklistSchema)
        } else {
            Err(serde::de::Error::custom(crate::parse::SchemaMismatch(
                format!(
                    "{} \"{tag}\"; this library reads \"{CHECKLIST_SCHEMA}\"",
                    crate::facts::SCHEMA_MISMATCH
                ),
            )))
        }
    }
}

impl schemars::JsonSchema for ChecklistSchema {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "ChecklistSchema".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "const": CHECKLIST_SCHEMA })
    }
}

/// The technical and organisational measures of one controller or
/// processor (Art. 32, Art. 30(1)(g)), with their state.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "dsgvo.tom-checklist/1")]
pub struct Checklist {
    /// Always `dsgvo.tom-checklist/1`.
    pub schema: ChecklistSchema,
    /// The controller or processor.
    pub organisation: String,
    /// The protection need of the processing.
    pub protection_need: ProtectionNeed,
    /// Months between reviews (1–36); left out = 12, 6 or 3 by protection need.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_interval_months: Option<u32>,
    /// The facts the DPO duty depends on; left out = not assessed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dpo: Option<DpoFacts>,
    /// What the measures protect: processing, systems, service providers,
    /// data. Left out, the document says the scope is missing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<TomScope>,
    /// Why the protection need is what it is (the harm the data could do,
    /// the people concerned). Left out, the document says the reason is
    /// missing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub protection_need_reason: Option<String>,
    /// Version and approval of the document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approval: Option<Approval>,
    /// The measures.
    pub items: Vec<TomItem>,
    /// Statements of an imported document that are no measure: negations,
    /// beliefs, vague claims, advice to others. Kept, so that nothing of
    /// the document is lost and the evaluation can report them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub non_measures: Vec<NonMeasure>,
}

/// What the technical and organisational measures cover.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TomScope {
    /// The processing activities (as in the record of processing, Art. 30).
    #[serde(default)]
    pub processing: Vec<String>,
    /// The systems (shop software, ERP, mail, hosting).
    #[serde(default)]
    pub systems: Vec<String>,
    /// Service providers and processors (hoster, payment, shipping).
    #[serde(default)]
    pub service_providers: Vec<String>,
    /// The categories of personal data.
    #[serde(default)]
    pub data_categories: Vec<String>,
}

/// Version and approval of a TOM document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Approval {
    /// The document's version ("1.3").
    pub version: String,
    /// Who approved it (management, by role or name).
    pub approved_by: String,
    /// When.
    pub approved_on: NaiveDate,
}

/// A statement of an imported TOM document that describes no measure of
/// the organisation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NonMeasure {
    /// The statement as written (wrapped lines joined).
    pub statement: String,
    /// The line of the document it starts on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// The area it stood under or names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<ControlArea>,
    /// The baseline measure it names (e.g. negated), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<ShopMeasure>,
    /// What it says: negated, belief, vague or a recommendation to others.
    pub modality: Modality,
    /// The words that showed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<String>,
}

impl Checklist {
    /// An empty checklist.
    pub fn new(organisation: &str, protection_need: ProtectionNeed) -> Checklist {
        Checklist {
            schema: ChecklistSchema,
            organisation: organisation.to_string(),
            protection_need,
            review_interval_months: None,
            dpo: None,
            scope: None,
            protection_need_reason: None,
            approval: None,
            items: Vec::new(),
            non_measures: Vec::new(),
        }
    }

    /// A checklist with every baseline measure required at `need`, planned.
    ///
    /// ```
    /// use dsgvo_core::tom::{Checklist, ProtectionNeed, ShopMeasure};
    /// let c = Checklist::baseline("Beispiel Shop GmbH", ProtectionNeed::High, dsgvo_core::Language::De);
    /// assert_eq!(c.items.len(), ShopMeasure::required_at(ProtectionNeed::High).len());
    /// assert_eq!(c.items[0].id.0, "tls");
    /// ```
    pub fn baseline(organisation: &str, need: ProtectionNeed, lang: Language) -> Checklist {
        let mut c = Checklist::new(organisation, need);
        for m in ShopMeasure::required_at(need) {
            c.items.push(TomItem {
                id: ItemId(measure_id(m)),
                statement: m.label(lang).to_string(),
                area: Some(m.spec().area),
                measure: Some(m),
                owner: None,
                state: ItemState::Planned,
                history: Vec::new(),
            });
        }
        c
    }

    /// Reads and validates a checklist; errors name the field.
    ///
    /// # Errors
    ///
    /// An [`InputError`](crate::InputError) naming the field.
    pub fn from_json(text: &str) -> Result<Checklist, InputError> {
        let c: Checklist = crate::parse::from_json_object(DOCUMENT, text)?;
        c.check()?;
        Ok(c)
    }

    /// The checklist as JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("checklists serialise")
    }

    /// The months between reviews.
    pub fn review_months(&self) -> u32 {
        self.review_interval_months
            .unwrap_or_else(|| self.protection_need.default_review_months())
    }

    /// The item with `id`.
    pub fn item(&self, id: &str) -> Option<&TomItem> {
        self.items.iter().find(|i| i.id.0 == id)
    }

    /// Adds an item; its id must be new.
    ///
    /// # Errors
    ///
    /// [`TomError::DuplicateItem`] for an id in use,
    /// [`TomError::InvalidAction`] for an item that breaks the checklist's
    /// rules (a measure in place without an owner).
    pub fn add(&mut self, item: TomItem) -> Result<(), TomError> {
        if self.item(&item.id.0).is_some() {
            return Err(TomError::DuplicateItem { item: item.id });
        }
        item.check()
            .map_err(|(field, problem)| TomError::InvalidAction {
                item: item.id.clone(),
                field,
                problem,
            })?;
        self.items.push(item);
        Ok(())
    }

    /// Applies `action` to item `id` on `on` (the caller's date) by
    /// `actor`; on error nothing changes.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use dsgvo_core::tom::{Checklist, ItemAction, ProtectionNeed, TomError};
    /// let mut c = Checklist::baseline("Shop", ProtectionNeed::Normal, dsgvo_core::Language::De);
    /// let on: NaiveDate = "2026-11-20".parse().unwrap();
    /// let err = c.apply("tls", ItemAction::Verify { evidence: "SSL Labs A+".into() }, on, "DSB").unwrap_err();
    /// assert!(matches!(err, TomError::Refused { .. }), "{err}");
    /// c.apply("tls", ItemAction::Implement { owner: Some("IT".into()) }, on, "DSB").unwrap();
    /// c.apply("tls", ItemAction::Verify { evidence: "SSL Labs A+".into() }, on, "DSB").unwrap();
    /// assert_eq!(c.item("tls").unwrap().history.len(), 2);
    /// ```
    ///
    /// # Errors
    ///
    /// [`TomError::UnknownItem`], [`TomError::Refused`] where the item's state
    /// does not allow the action, [`TomError::InvalidAction`] for a missing or
    /// blank field.
    pub fn apply(
        &mut self,
        id: &str,
        action: ItemAction,
        on: NaiveDate,
        actor: &str,
    ) -> Result<&TomItem, TomError> {
        let item = self
            .items
            .iter_mut()
            .find(|i| i.id.0 == id)
            .ok_or_else(|| TomError::UnknownItem {
                item: ItemId(id.to_string()),
            })?;
        item.apply(action, on, actor)?;
        Ok(item)
    }

    /// Records a breach that showed `failed` measures to have failed or to
    /// be missing: every item implementing such a measure turns deficient
    /// (even one marked not applicable: the breach shows it applies); a
    /// measure without an item gets a new, deficient one. Returns the ids
    /// of the items changed. On error nothing changes.
    pub fn record_breach(
        &mut self,
        breach: &BreachLink,
        failed: &[FailedMeasure],
        on: NaiveDate,
        actor: &str,
        lang: Language,
    ) -> Result<Vec<ItemId>, TomError> {
        let mut next = self.clone();
        let mut changed = Vec::new();
        for f in failed {
            let action = || ItemAction::MarkDeficient {
                breach: breach.clone(),
                finding: f.finding.clone(),
            };
            let ids: Vec<ItemId> = next
                .items
                .iter()
                .filter(|i| i.measure == Some(f.measure))
                .map(|i| i.id.clone())
                .collect();
            if ids.is_empty() {
                let mut id = measure_id(f.measure);
                while next.item(&id).is_some() {
                    id.push('\'');
                }
                let mut item = TomItem {
                    id: ItemId(id.clone()),
                    statement: f.measure.label(lang).to_string(),
                    area: Some(f.measure.spec().area),
                    measure: Some(f.measure),
                    owner: None,
                    state: ItemState::Planned,
                    history: Vec::new(),
                };
                item.apply(action(), on, actor)?;
                next.items.push(item);
                changed.push(ItemId(id));
                continue;
            }
            for id in ids {
                next.apply(&id.0, action(), on, actor)?;
                if !changed.contains(&id) {
                    changed.push(id);
                }
            }
        }
        *self = next;
        Ok(changed)
    }

    fn check(&self) -> Result<(), InputError> {
        let err = |path: String, kind, message: String| {
            InputError::single(DOCUMENT, FieldError::new(&path, kind, message))
        };
        if self.organisation.trim().is_empty() {
            return Err(err(
                "organisation".into(),
                ErrorKind::InvalidValue,
                "must name the controller or processor".into(),
            ));
        }
        if let Some(m) = self.review_interval_months {
            if !(1..=36).contains(&m) {
                return Err(err(
                    "review_interval_months".into(),
                    ErrorKind::InvalidValue,
                    format!("{m} is outside 1–36 months"),
                ));
            }
        }
        for (n, item) in self.items.iter().enumerate() {
            if let Err((field, problem)) = item.check() {
                return Err(err(
                    format!("items[{n}].{field}"),
                    ErrorKind::InvalidValue,
                    problem,
                ));
            }
            if self.items[..n].iter().any(|i| i.id == item.id) {
                return Err(err(
                    format!("items[{n}].id"),
                    ErrorKind::Inconsistent,
                    format!("\"{}\" is used by an earlier item", item.id),
                ));
            }
        }
        Ok(())
    }
}

const DOCUMENT: &str = "TOM checklist";

/// The item id the baseline uses for a measure (`encryption_at_rest`).
pub(crate) fn measure_id(m: ShopMeasure) -> String {
    m.as_str().to_string()
}
