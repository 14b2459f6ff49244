//! Reading log entries fast. serde reads an internally tagged enum
//! (`{"event": "detected", "facts": {...}}`) by first copying the whole
//! object into a generic tree, because the tag may come last. A case log is
//! mostly such entries, with the breach facts inside, so a register of
//! 100,000 cases would be read twice. Here the tag is read first when it
//! comes first — as this library writes it, and as databases that sort keys
//! by length (MySQL, PostgreSQL `jsonb`) keep it — and the body is read
//! straight into its type; any other key order is still read, through a
//! buffer.

use std::sync::Arc;

use serde::de::value::MapAccessDeserializer;
use serde::de::{Deserializer, MapAccess, Visitor};
use serde::{Deserialize, de::Error as _};

use super::decision::Decision;
use super::event::{Action, Event};
use crate::facts::BreachFacts;
use crate::options::AssessmentOptions;

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum Kind {
    Detected,
    Assessed,
    FactsUpdated,
    Action,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DetectedBody {
    facts: Arc<BreachFacts>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AssessedBody {
    options: AssessmentOptions,
    decision: Arc<Decision>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FactsUpdatedBody {
    facts: Arc<BreachFacts>,
    decision: Arc<Decision>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ActionBody {
    action: Action,
}

/// Reads the fields after the tag into the variant `kind` names.
fn body<'de, D: Deserializer<'de>>(kind: Kind, de: D) -> Result<Event, D::Error> {
    Ok(match kind {
        Kind::Detected => Event::Detected {
            facts: DetectedBody::deserialize(de)?.facts,
        },
        Kind::Assessed => {
            let b = AssessedBody::deserialize(de)?;
            Event::Assessed {
                options: b.options,
                decision: b.decision,
            }
        }
        Kind::FactsUpdated => {
            let b = FactsUpdatedBody::deserialize(de)?;
            Event::FactsUpdated {
                facts: b.facts,
                decision: b.decision,
            }
        }
        Kind::Action => Event::Action {
            action: ActionBody::deserialize(de)?.action,
        },
    })
}

const TAG: &str = "event";

struct EventVisitor;

impl<'de> Visitor<'de> for EventVisitor {
    type Value = Event;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a log event: an object with an `event` field")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Event, A::Error> {
        let Some(first) = map.next_key::<String>()? else {
            return Err(A::Error::missing_field(TAG));
        };
        if first == TAG {
            let kind: Kind = map.next_value()?;
            return body(kind, MapAccessDeserializer::new(map));
        }
        // Another key order: buffer the object, then read it.
        let mut rest = serde_json::Map::new();
        let mut key = Some(first);
        let mut kind = None;
        while let Some(k) = key {
            if k == TAG {
                if kind.is_some() {
                    return Err(A::Error::duplicate_field(TAG));
                }
                kind = Some(map.next_value::<Kind>()?);
            } else {
                let value: serde_json::Value = map.next_value()?;
                if rest.insert(k.clone(), value).is_some() {
                    return Err(A::Error::custom(format_args!("duplicate field `{k}`")));
                }
            }
            key = map.next_key::<String>()?;
        }
        let kind = kind.ok_or_else(|| A::Error::missing_field(TAG))?;
        body(kind, serde_json::Value::Object(rest)).map_err(A::Error::custom)
    }
}

impl<'de> Deserialize<'de> for Event {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Event, D::Error> {
        deserializer.deserialize_map(EventVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tag_may_come_anywhere_and_errors_name_the_problem() {
        let first = r#"{"event":"action","action":{"type":"close"}}"#;
        let last = r#"{"action":{"type":"close"},"event":"action"}"#;
        let a: Event = serde_json::from_str(first).unwrap();
        let b: Event = serde_json::from_str(last).unwrap();
        assert_eq!(a, b);
        assert_eq!(serde_json::to_string(&a).unwrap(), first);

        let err = |text: &str| serde_json::from_str::<Event>(text).unwrap_err().to_string();
        assert!(err(r#"{"action":{"type":"close"}}"#).contains("missing field `event`"));
        assert!(err(r#"{"event":"action"}"#).contains("missing field `action`"));
        assert!(err(r#"{"event":"closed","action":{}}"#).contains("unknown variant `closed`"));
        assert!(
            err(r#"{"event":"action","action":{"type":"close"},"x":1}"#)
                .contains("unknown field `x`")
        );
        assert!(
            err(r#"{"action":{"type":"close"},"x":1,"event":"action"}"#)
                .contains("unknown field `x`")
        );
        assert!(
            err(r#"{"action":{"type":"close"},"event":"action","event":"action"}"#)
                .contains("duplicate field `event`")
        );
    }
}
