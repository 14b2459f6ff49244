//! The reasons of a verdict: a stable code, a text in the verdict's
//! language, and the source behind it. The engines find; `crate::explain`
//! puts their findings into words; this is the form the verdict carries.

mod code;

use serde::{Deserialize, Serialize};

pub use code::ReasonCode;

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
