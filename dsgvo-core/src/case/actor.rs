//! Who acted on a case.

use std::fmt;

use compact_str::CompactString;
use serde::{Deserialize, Serialize};

use super::CaseError;

/// Who acted: a person or a role, never blank. Kept inline without a heap
/// allocation up to 24 bytes; a case repeats its actors on every entry.
///
/// ```
/// use dsgvo_core::case::Actor;
///
/// assert_eq!(Actor::new("Datenschutzbeauftragte").unwrap(), "Datenschutzbeauftragte");
/// assert!(Actor::new("  ").is_err());
/// assert!(serde_json::from_str::<Actor>("\"\"").is_err());
/// ```
#[derive(Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct Actor(CompactString);

const BLANK: &str = "must name who acts";

impl Actor {
    /// The actor named `name`; a blank name is an error.
    pub fn new(name: &str) -> Result<Actor, CaseError> {
        if name.trim().is_empty() {
            return Err(CaseError::InvalidCommand {
                field: "actor",
                problem: BLANK.into(),
            });
        }
        Ok(Actor(CompactString::from(name)))
    }

    /// The name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl<'de> Deserialize<'de> for Actor {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = CompactString::deserialize(deserializer)?;
        if name.trim().is_empty() {
            return Err(serde::de::Error::custom(format_args!("actor {BLANK}")));
        }
        Ok(Actor(name))
    }
}

impl std::ops::Deref for Actor {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl PartialEq<&str> for Actor {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl fmt::Display for Actor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Actor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl schemars::JsonSchema for Actor {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Actor".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "minLength": 1,
            "pattern": "\\S",
            "description": "Who acted: a person or a role, never blank"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_actor_reads_compares_and_prints_as_its_name() {
        let actor = Actor::new("DSB").unwrap();
        assert_eq!(actor.as_str(), "DSB");
        assert!(actor == "DSB");
        assert!(actor != "DSB ");
        assert_eq!(format!("{actor}"), "DSB");
        assert_eq!(format!("{actor:?}"), "\"DSB\"");
    }
}
