//! Findings of the assessment and their rendering as reasons: every reason
//! has a stable code, a text in German or English, and its source.

mod authority;
mod code;
mod duty;
mod method;
mod risk;
mod warning;

use serde::{Deserialize, Serialize};

pub(crate) use authority::AuthorityFinding;
pub use code::ReasonCode;
pub(crate) use duty::DutyFinding;
pub(crate) use risk::RiskFinding;
pub(crate) use warning::WarningFinding;

use crate::label::Label;
use crate::options::Language;

/// One reason of a verdict.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Reason {
    /// Stable machine-readable code (`recipient_retrieved`, `enisa_severity`, ...).
    pub code: ReasonCode,
    /// The reason in the verdict's language.
    pub text: String,
    /// The article, recital, guideline or ENISA table behind it.
    pub source: String,
}

/// A finding put into words: code, text, source.
pub(crate) type Rendered = (&'static str, String, String);

impl Reason {
    pub(crate) fn from_rendered((code, text, source): Rendered) -> Self {
        Reason {
            code: ReasonCode::from(code),
            text,
            source,
        }
    }
}

pub(super) fn pick(lang: Language, de: String, en: String) -> String {
    match lang {
        Language::De => de,
        Language::En => en,
    }
}

pub(super) fn list<T: Label>(items: &[T], lang: Language) -> String {
    items
        .iter()
        .map(|i| i.label(lang))
        .collect::<Vec<_>>()
        .join(", ")
}

pub(super) const ENISA_T1: &str = "ENISA 2013, Annex 1 Table 1 (DPC)";
pub(super) const EDPB_0121: &str = "EDPB Guidelines 01/2021";
