//! The words: every finding of the engines put into German or English, with
//! the article, recital, guideline, decision or table behind it.
//!
//! The engines (`risk`, `duty`, `authority`, `warning`) decide and record
//! typed findings with stable codes ([`FindingCode`]); nothing below this
//! module knows a word. A shop can override the wording of any code in
//! either language with [`Texts`]; `{text}` in an override stands for the
//! built-in wording, so a shop can also add to it.

mod authority;
mod cite;
mod duty;
mod enisa;
mod method;
mod risk;
mod warning;

use std::collections::BTreeMap;

pub use cite::german_citation;

use serde::{Deserialize, Serialize};

use crate::authority::AuthorityFinding;
use crate::duty::DutyFinding;
use crate::finding::FindingCode;
use crate::label::Label;
use crate::options::Language;
use crate::reason::{Reason, ReasonCode};
use crate::risk::RiskFinding;
use crate::warning::WarningFinding;

/// A finding in words: text and source.
pub(crate) type Text = (String, String);

/// A shop's own wording for one finding code.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Wording {
    /// German text; `{text}` stands for the built-in wording.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub de: Option<String>,
    /// English text; `{text}` stands for the built-in wording.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

/// Overrides of the built-in wording, by finding code. The source of a
/// reason is never overridden: the legal basis stays what it is.
///
/// ```
/// use dsgvo_core::explain::{Texts, Wording};
/// use dsgvo_core::finding::FindingCode;
/// let mut texts = Texts::default();
/// texts.set(FindingCode::DocumentAlways, Wording {
///     de: Some("{text} Ablage: Ordner Datenschutz/Pannen.".into()),
///     en: None,
/// });
/// # let facts = dsgvo_core::BreachFacts::from_json(r#"{"schema": "dsgvo.breach-facts/2", "role": "controller",
/// #   "controller": { "name": "Shop", "country": "DE", "region": "DE-BY", "established_in_eu": true },
/// #   "aware_at": "2026-11-20T09:15:00+01:00", "types": ["confidentiality"], "cause": "misdelivery_post",
/// #   "data_categories": ["identity"], "data_subjects": { "count": 1 },
/// #   "confidentiality": { "recipients": "known" } }"#).unwrap();
/// let v = dsgvo_core::triage_with_texts(&facts, &Default::default(), &texts);
/// let r = v.reasons.iter().find(|r| r.code == "document_always").unwrap();
/// assert!(r.text.ends_with("Ablage: Ordner Datenschutz/Pannen."));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(transparent)]
pub struct Texts(BTreeMap<FindingCode, Wording>);

impl Texts {
    /// Sets the wording of `code`.
    pub fn set(&mut self, code: FindingCode, wording: Wording) {
        self.0.insert(code, wording);
    }

    fn apply(&self, code: FindingCode, lang: Language, built_in: String) -> String {
        let own = self.0.get(&code).and_then(|w| match lang {
            Language::De => w.de.as_deref(),
            Language::En => w.en.as_deref(),
        });
        match own {
            Some(template) => template.replace("{text}", &built_in),
            None => built_in,
        }
    }
}

/// A finding of any engine.
pub(crate) enum Finding<'a> {
    Risk(&'a RiskFinding),
    Duty(&'a DutyFinding),
    Authority(&'a AuthorityFinding),
    Warning(&'a WarningFinding),
}

impl Finding<'_> {
    fn code(&self) -> FindingCode {
        match self {
            Finding::Risk(f) => f.code(),
            Finding::Duty(f) => f.code(),
            Finding::Authority(f) => f.code(),
            Finding::Warning(f) => f.code(),
        }
    }

    fn words(&self, lang: Language) -> Text {
        match self {
            Finding::Risk(f) => risk::render(f, lang),
            Finding::Duty(f) => duty::render(f, lang),
            Finding::Authority(f) => authority::render(f, lang),
            Finding::Warning(f) => warning::render(f, lang),
        }
    }
}

/// A finding as a reason of the verdict.
pub(crate) fn reason(finding: Finding<'_>, lang: Language, texts: &Texts) -> Reason {
    let code = finding.code();
    let (text, source) = finding.words(lang);
    Reason {
        code: ReasonCode::from(code),
        text: texts.apply(code, lang, text),
        source: match lang {
            Language::De => german_citation(&source),
            Language::En => source,
        },
    }
}

/// A reason worded outside the engines (DPO, fines, TOMs): `source` is
/// written once in the international form and cited the German way in
/// German.
pub(crate) fn cited_reason(code: &str, text: String, source: &str, lang: Language) -> Reason {
    Reason {
        code: ReasonCode::from(code),
        text,
        source: match lang {
            Language::De => german_citation(source),
            Language::En => source.to_string(),
        },
    }
}

/// The German or the English text; only the one asked for is built.
macro_rules! pick {
    ($lang:expr, $de:expr, $en:expr $(,)?) => {
        match $lang {
            crate::options::Language::De => $de,
            crate::options::Language::En => $en,
        }
    };
}
use pick;

fn list<T: Label>(items: &[T], lang: Language) -> String {
    items
        .iter()
        .map(|i| i.label(lang))
        .collect::<Vec<_>>()
        .join(", ")
}

const ENISA_T1: &str = "ENISA 2013, Annex 1 Table 1 (DPC)";
const EDPB_0121: &str = "EDPB Guidelines 01/2021";
