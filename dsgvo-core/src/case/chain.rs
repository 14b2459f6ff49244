//! The hash chain: every entry's SHA-256 covers a canonical encoding of the
//! entry and the previous entry's hash, so any change to a stored case —
//! one byte, a removed or reordered entry — is detected on load.
//!
//! The canonical encoding is the compact JSON serde writes for the entry
//! types: their field order is fixed by the schema, they contain no maps, and
//! optional fields are left out when absent, so the same entry always gives
//! the same bytes.

use serde::{Deserialize, Serialize};
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
    /// The hash this entry must carry: SHA-256 over the canonical encoding
    /// of every field but `hash` — compact JSON with the fields in the order
    /// of the `dsgvo.case/1` schema (`seq`, `at`, `actor`, `reason` when
    /// present, `event`, `prev`), streamed into the hasher.
    pub fn compute_hash(&self) -> String {
        #[derive(Serialize)]
        struct Hashed<'a> {
            seq: u64,
            at: &'a Timestamp,
            actor: &'a str,
            #[serde(skip_serializing_if = "Option::is_none")]
            reason: Option<&'a str>,
            event: &'a Event,
            prev: &'a str,
        }
        let mut hasher = Sha256::new();
        let content = Hashed {
            seq: self.seq,
            at: &self.at,
            actor: &self.actor,
            reason: self.reason.as_deref(),
            event: &self.event,
            prev: &self.prev,
        };
        serde_json::to_writer(&mut hasher, &content).expect("entries serialise");
        let digest = hasher.finalize();
        let mut hex = String::with_capacity(64);
        for b in digest {
            hex.push(char::from_digit(u32::from(b >> 4), 16).expect("nibble"));
            hex.push(char::from_digit(u32::from(b & 0xf), 16).expect("nibble"));
        }
        hex
    }
}
