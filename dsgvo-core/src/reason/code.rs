//! The stable code of a reason.

use std::fmt;

use compact_str::CompactString;
use serde::{Deserialize, Serialize};

/// The stable, machine-readable code of a reason (`recipient_retrieved`,
/// `enisa_severity`, ...). Codes are kept inline without a heap allocation
/// when they are at most 24 bytes long, which most are; a case log keeps
/// dozens of them per assessment.
///
/// ```
/// use dsgvo_core::ReasonCode;
///
/// let code = ReasonCode::from("enisa_severity");
/// assert_eq!(code, "enisa_severity");
/// assert_eq!(serde_json::to_string(&code).unwrap(), "\"enisa_severity\"");
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ReasonCode(CompactString);

impl ReasonCode {
    /// The code as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<&str> for ReasonCode {
    fn from(code: &str) -> Self {
        ReasonCode(CompactString::from(code))
    }
}

impl std::ops::Deref for ReasonCode {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl PartialEq<str> for ReasonCode {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for ReasonCode {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl fmt::Display for ReasonCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for ReasonCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl schemars::JsonSchema for ReasonCode {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "ReasonCode".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "Stable machine-readable code of a reason"
        })
    }
}
