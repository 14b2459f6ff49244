//! Breach facts — the input contract, versions 1 and 2.
//!
//! The contract lives in this repository: these types, the README section
//! "The contract", and the JSON Schema `include/breach-facts-v2.schema.json`
//! generated from them (a test keeps it current). Version 1
//! (`dsgvo.breach-facts/1`) is still read; it is the same type with the
//! v2-only fields left out, and what v1 cannot say counts as unknown, which
//! never lowers a duty.
//!
//! [`BreachFacts`] is the serde form of the JSON; [`ValidFacts`] is the same
//! data after [`BreachFacts::validate`] checked every rule that serde cannot.
//! Only `ValidFacts` can be triaged. A tri-state fact that is left out counts
//! as `"unknown"`.

mod category;
mod harm;
mod hours;
mod parties;
pub(crate) mod timestamp;
mod validate;
mod value;

use serde::{Deserialize, Serialize};

pub(crate) use category::closed_set;
pub use category::{
    Backup, BreachType, Cause, ControllerContext, DataCategory, Encryption, EnisaClass, Evidence,
    Identifiability, Misuse, PasswordHashing, Recipients, Role, SubjectCategory,
};
pub use harm::Harm;
pub use hours::Hours;
pub use parties::{InformedController, PostalAddress, Representative};
pub use timestamp::Timestamp;
pub use validate::ValidFacts;
pub use value::{Answer, ApproxCount, CountryCode, GERMAN_LAENDER, RegionCode, Tristate};

use crate::error::InputError;

/// The `schema` tag of breach facts v1.
pub const FACTS_SCHEMA_V1: &str = "dsgvo.breach-facts/1";
/// The `schema` tag of breach facts v2, the current version.
pub const FACTS_SCHEMA: &str = "dsgvo.breach-facts/2";

/// Start of the message for a wrong schema tag.
pub(crate) const SCHEMA_MISMATCH: &str = "unsupported schema";

/// The `schema` tag: `"dsgvo.breach-facts/2"` or, still read,
/// `"dsgvo.breach-facts/1"`. The version is kept, so facts are written back
/// as they came.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FactsSchema {
    /// `dsgvo.breach-facts/1`.
    V1,
    /// `dsgvo.breach-facts/2`.
    #[default]
    V2,
}

impl FactsSchema {
    /// The tag as written in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            FactsSchema::V1 => FACTS_SCHEMA_V1,
            FactsSchema::V2 => FACTS_SCHEMA,
        }
    }
}

impl Serialize for FactsSchema {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for FactsSchema {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let tag = String::deserialize(d)?;
        match tag.as_str() {
            FACTS_SCHEMA => Ok(FactsSchema::V2),
            FACTS_SCHEMA_V1 => Ok(FactsSchema::V1),
            _ => Err(serde::de::Error::custom(crate::parse::SchemaMismatch(
                format!(
                    "{SCHEMA_MISMATCH} \"{tag}\"; this library reads \"{FACTS_SCHEMA}\" and \"{FACTS_SCHEMA_V1}\""
                ),
            ))),
        }
    }
}

impl schemars::JsonSchema for FactsSchema {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "FactsSchema".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "enum": [FACTS_SCHEMA, FACTS_SCHEMA_V1] })
    }
}

/// The facts of one personal data breach (Art. 4(12)) as the caller knows
/// them at the time of assessment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Breach facts v2")]
pub struct BreachFacts {
    /// `"dsgvo.breach-facts/2"` (or `"dsgvo.breach-facts/1"`, still read).
    pub schema: FactsSchema,
    /// The caller's own identifier of the breach.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// A short title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// Whether the assessing party is the controller or a processor.
    pub role: Role,
    /// The controller (or, for `role = processor`, the processor itself).
    pub controller: Controller,
    /// When the controller became aware of the breach: starts the 72 hours.
    pub aware_at: Timestamp,
    /// When the incident was first detected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detected_at: Option<Timestamp>,
    /// When someone outside first reported signs of the breach (customers
    /// reporting phishing, a researcher, a hotel): the controller may count as
    /// aware from then (v2; AP, Booking.com, 2020).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_external_report_at: Option<Timestamp>,
    /// How the breach was discovered (German authority forms ask for it;
    /// optional addition to v1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discovered_by: Option<String>,
    /// When the breach happened; open ends allowed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub occurred: Option<Occurred>,
    /// At least one breach type.
    pub types: Vec<BreachType>,
    /// What caused the breach.
    pub cause: Cause,
    /// Intent to harm or for profit; left out = `"unknown"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub malicious: Option<Tristate>,
    /// Misuse of the data already seen (v2): fraud, phishing, publication, ...
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub misuse_observed: Vec<Misuse>,
    /// At least one category of personal data.
    pub data_categories: Vec<DataCategory>,
    /// The affected people.
    pub data_subjects: DataSubjects,
    /// Approximate number of affected records.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub records: Option<ApproxCount>,
    /// ENISA ease of identification; left out = derived from the data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identifiability: Option<Identifiability>,
    /// Required when `types` contains `"confidentiality"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidentiality: Option<Confidentiality>,
    /// Required when `types` contains `"integrity"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub integrity: Option<Integrity>,
    /// Required when `types` contains `"availability"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub availability: Option<Availability>,
    /// Protection of the affected data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub protection: Option<Protection>,
    /// Facts for the Art. 34(3)(b) and (c) exemptions (optional addition to v1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject_communication: Option<SubjectCommunication>,
    /// Measures taken (Art. 33(3)(d)).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub measures_taken: Vec<String>,
    /// Measures proposed (Art. 33(3)(d)).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub measures_proposed: Vec<String>,
    /// Likely consequences as Recital 85 harms; derived when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub likely_consequences: Vec<Harm>,
    /// What happened, in words for the affected people (v2; Art. 34(2)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description_for_subjects: Option<String>,
    /// The representative in the Union of a controller under Art. 3(2)
    /// (Art. 27; v2). Its Land decides the German authority.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub representative: Option<Representative>,
    /// For `role = processor`: the controllers it informed, and when (v2;
    /// each controller's 72 hours start then).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub controllers_informed: Vec<InformedController>,
}

impl BreachFacts {
    /// Parses breach facts from JSON and validates them.
    ///
    /// ```
    /// let err = dsgvo_core::BreachFacts::from_json(r#"{"schema": "dsgvo.breach-facts/1"}"#).unwrap_err();
    /// assert_eq!(err.first().path, "role");
    /// ```
    ///
    /// # Errors
    ///
    /// An [`InputError`] listing every problem with its
    /// field path and [`ErrorKind`](crate::ErrorKind): not JSON, too large (1
    /// MiB) or too deep, a missing or unknown field, a wrong type or value, a
    /// timestamp without offset, contradicting fields.
    pub fn from_json(text: &str) -> Result<ValidFacts, InputError> {
        let facts: BreachFacts = crate::parse::from_json_object("breach facts", text)?;
        facts.validate()
    }

    /// [`BreachFacts::from_json`] for a JSON value a door has built (the
    /// Python module converts dicts directly); the same errors.
    ///
    /// # Errors
    ///
    /// As [`BreachFacts::from_json`], for a parsed JSON value.
    pub fn from_value(value: &serde_json::Value) -> Result<ValidFacts, InputError> {
        let facts: BreachFacts = crate::parse::from_value_object("breach facts", value)?;
        facts.validate()
    }

    /// Effective `malicious` value: left out counts as unknown.
    pub fn malicious(&self) -> Tristate {
        self.malicious.unwrap_or(Tristate::Unknown)
    }

    /// Whether `types` contains `t`.
    pub fn has_type(&self, t: BreachType) -> bool {
        self.types.contains(&t)
    }

    /// The controller's contexts: `controller.contexts` in v2; in v1 the
    /// three `sector` codes the v1 contract named, read exactly.
    pub fn contexts(&self) -> &[ControllerContext] {
        match self.schema {
            FactsSchema::V2 => &self.controller.contexts,
            FactsSchema::V1 => self
                .controller
                .sector
                .as_deref()
                .map_or(&[], ControllerContext::from_v1_sector),
        }
    }

    /// Whether the controller has context `c`.
    pub fn has_context(&self, c: ControllerContext) -> bool {
        self.contexts().contains(&c)
    }
}

/// The controller (or the processor, for `role = processor`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Controller {
    /// Legal name.
    pub name: String,
    /// Country of the (main) establishment.
    pub country: CountryCode,
    /// Subdivision of the seat; required for `DE` (the Land decides the authority, § 40 BDSG).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<RegionCode>,
    /// `false` for a controller under Art. 3(2) without establishment in the EU/EEA.
    pub established_in_eu: bool,
    /// Sector as a label (`retail`, `pharmacy`, ...). In v2 it decides
    /// nothing; in v1 the codes `health`, `financial` and `telecom` are read
    /// as contexts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sector: Option<String>,
    /// What being a customer reveals, and the regimes that attach (v2).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contexts: Vec<ControllerContext>,
    /// Postal address (v2; German authority forms ask for it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<PostalAddress>,
    /// DPO or other contact point (Art. 33(3)(b)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<Contact>,
}

/// Name and contact details of the DPO or other contact point.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Name or function.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// E-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

/// When the breach happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Occurred {
    /// Start, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Timestamp>,
    /// End, if known and over.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<Timestamp>,
}

/// The affected people.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DataSubjects {
    /// How many (approximate is fine, Art. 33(4)).
    pub count: ApproxCount,
    /// Which groups.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<SubjectCategory>,
    /// Children, patients or other vulnerable people; left out = `"unknown"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vulnerable: Option<Tristate>,
    /// Member states where affected people live.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub residence: Vec<CountryCode>,
}

impl DataSubjects {
    /// Effective vulnerability: `true` when a listed group is vulnerable by
    /// definition; left out counts as unknown.
    pub fn vulnerable(&self) -> Tristate {
        if self.categories.iter().any(|c| c.is_vulnerable()) {
            return Tristate::Yes;
        }
        self.vulnerable.unwrap_or(Tristate::Unknown)
    }
}

/// Facts of a confidentiality breach.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Confidentiality {
    /// Who received or could access the data.
    pub recipients: Recipients,
    /// Whether data was copied out; left out = `"unknown"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exfiltrated: Option<Answer>,
    /// The recipient confirmed deletion or returned the data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retrieved_or_deleted: Option<bool>,
    /// What an `exfiltrated: "no"` rests on (v2); left out = unknown, read
    /// as no logs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Evidence>,
    /// Hours the data were reachable by the unauthorised (v2; fractions
    /// allowed). Left out: from `occurred`, else unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exposure_hours: Option<Hours>,
}

impl Confidentiality {
    /// Effective `exfiltrated`: left out counts as unknown.
    pub fn exfiltrated(&self) -> Answer {
        self.exfiltrated.unwrap_or(Answer::Unknown)
    }
}

/// Facts of an integrity breach.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Integrity {
    /// Whether the original data can be restored.
    pub recoverable: Tristate,
}

/// Facts of an availability breach.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Availability {
    /// Whether the data is lost for good.
    pub permanent: Tristate,
    /// Hours until the data was available again (fractions allowed, so an
    /// outage of minutes can be said: `0.25`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub restored_within_hours: Option<Hours>,
    /// Backup state; left out = unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backup: Option<Backup>,
}

/// Protection of the affected data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Protection {
    /// Encryption of the affected data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encryption: Option<Encryption>,
    /// Whether the key was compromised too; left out = unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_compromised: Option<Tristate>,
    /// How affected passwords were stored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password_hashing: Option<PasswordHashing>,
}

/// Facts for the Art. 34(3)(b) and (c) exemptions (an optional addition to v1).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SubjectCommunication {
    /// Art. 34(3)(b): subsequent measures ensure that a high risk is no longer
    /// likely to materialise (e.g. all affected passwords reset and sessions revoked).
    #[serde(default)]
    pub high_risk_neutralised: bool,
    /// Art. 34(3)(c): informing each person would involve disproportionate
    /// effort (e.g. no contact details); a public communication is due instead.
    #[serde(default)]
    pub disproportionate_effort: bool,
    /// Why, in the controller's words (kept for the Art. 33(5) documentation).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub justification: Option<String>,
}
