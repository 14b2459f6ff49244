//! The hash chain: every entry's SHA-256 covers a canonical encoding of the
//! entry and the previous entry's hash, so any change to a stored case —
//! one byte, a removed or reordered entry — is detected on load.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};

use super::event::Event;
use crate::facts::Timestamp;

/// The `prev` of the first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One entry of a case's log.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// Position in the log, from 0.
    pub seq: u64,
    /// When (the caller's clock).
    pub at: Timestamp,
    /// Who.
    pub actor: String,
    /// Why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// What happened.
    pub event: Event,
    /// SHA-256 of the previous entry (hex), or [`GENESIS`].
    pub prev: String,
    /// SHA-256 of this entry (hex).
    pub hash: String,
}

impl Entry {
    /// The hash this entry must carry: SHA-256 over the canonical JSON of
    /// every field but `hash`.
    pub fn compute_hash(&self) -> String {
        let mut v = serde_json::to_value(self).expect("entries serialise");
        if let Value::Object(map) = &mut v {
            map.remove("hash");
        }
        let mut canonical = String::new();
        write_canonical(&v, &mut canonical);
        let digest = Sha256::digest(canonical.as_bytes());
        digest.iter().map(|b| format!("{b:02x}")).collect()
    }
}

/// JSON with object keys sorted and no whitespace: the same value always
/// gives the same bytes, whatever order a map was built in.
pub(crate) fn write_canonical(v: &Value, out: &mut String) {
    match v {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            out.push('{');
            for (i, k) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String(k.clone()).to_string());
                out.push(':');
                write_canonical(&map[k], out);
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_canonical(item, out);
            }
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}
