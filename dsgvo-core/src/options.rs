//! Assessment options (spec section 2): policy, deadline rule, language.

use serde::{Deserialize, Serialize};

use crate::error::InputError;
use crate::facts::closed_set;

closed_set!(
    /// Which line the verdict takes on notification.
    Policy {
        /// Art. 33/34 as the EDPB reads them: the legal minimum.
        RiskBased = "risk_based",
        /// Notify the authority and inform the data subjects for every breach:
        /// the cautious line German practitioners recommend for legal certainty.
        NotifyAlways = "notify_always",
    }
);

closed_set!(
    /// How the 72 hours of Art. 33(1) are counted.
    DeadlineRule {
        /// `aware_at` + 72 h: the safe reading.
        Exact72h = "exact_72h",
        /// Regulation (EEC, Euratom) No 1182/71, Art. 3(1): the hour in which
        /// awareness falls is not counted; the 72 h start at the next full hour.
        Regulation118271 = "regulation_1182_71",
    }
);

closed_set!(
    /// Language of every human-readable text.
    Language {
        /// Deutsch.
        De = "de",
        /// English.
        En = "en",
    }
);

// closed_set! generates the enums; their defaults are spelled out here.
#[allow(clippy::derivable_impls)]
impl Default for Policy {
    fn default() -> Self {
        Policy::RiskBased
    }
}
#[allow(clippy::derivable_impls)]
impl Default for DeadlineRule {
    fn default() -> Self {
        DeadlineRule::Exact72h
    }
}
#[allow(clippy::derivable_impls)]
impl Default for Language {
    fn default() -> Self {
        Language::De
    }
}

/// Options beside the facts. Every field has a default, so `{}` is valid.
///
/// ```
/// use dsgvo_core::{AssessmentOptions, Policy};
/// let o = AssessmentOptions::from_json(r#"{"policy": "notify_always"}"#).unwrap();
/// assert_eq!(o.policy, Policy::NotifyAlways);
/// assert!(AssessmentOptions::from_json(r#"{"policy": "sometimes"}"#).is_err());
/// ```
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Assessment options v1")]
pub struct AssessmentOptions {
    /// `risk_based` (default) or `notify_always`.
    #[serde(default)]
    pub policy: Policy,
    /// `exact_72h` (default) or `regulation_1182_71`.
    #[serde(default)]
    pub deadline_rule: DeadlineRule,
    /// `de` (default) or `en`.
    #[serde(default)]
    pub language: Language,
}

impl AssessmentOptions {
    /// Parses options from JSON.
    ///
    /// # Errors
    ///
    /// An [`InputError`] naming the field: not JSON, an
    /// unknown field or value.
    pub fn from_json(text: &str) -> Result<Self, InputError> {
        crate::parse::from_json_object("assessment options", text)
    }
}
