//! The hash chain: every entry's SHA-256 covers a canonical encoding of the
//! entry, the case id (`dsgvo.case/2`) and the previous entry's hash, so a
//! changed byte, a changed id, a removed or reordered entry inside the log is
//! detected on load. What the chain cannot detect by itself — the last
//! entries cut off, or a log rewritten and re-hashed by someone with write
//! access — needs an anchor kept outside the case (the README's tamper
//! model).
//!
//! The canonical encoding is the compact JSON serde writes for the entry
//! types: their field order is fixed by the schema, they contain no maps, and
//! optional fields are left out when absent, so the same entry always gives
//! the same bytes.

use std::fmt;

use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};

use super::CaseId;
use super::actor::Actor;
use super::event::Event;
use crate::facts::Timestamp;

/// A SHA-256 digest, written as 64 lowercase hexadecimal digits.
///
/// ```
/// use dsgvo_core::case::{Digest, GENESIS};
///
/// let d: Digest = "00".repeat(32).parse().unwrap();
/// assert_eq!(d, GENESIS);
/// assert!("00".parse::<Digest>().is_err());
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Digest(pub [u8; 32]);

/// The `prev` of the first entry.
pub const GENESIS: Digest = Digest([0; 32]);

impl fmt::Display for Digest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut hex = [0u8; 64];
        for (i, b) in self.0.iter().enumerate() {
            hex[2 * i] = HEX[usize::from(b >> 4)];
            hex[2 * i + 1] = HEX[usize::from(b & 0xf)];
        }
        f.write_str(std::str::from_utf8(&hex).expect("hex digits are ASCII"))
    }
}

impl fmt::Debug for Digest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Digest({self})")
    }
}

const HEX: &[u8; 16] = b"0123456789abcdef";

impl std::str::FromStr for Digest {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let nibble = |c: u8| match c {
            b'0'..=b'9' => Some(c - b'0'),
            b'a'..=b'f' => Some(c - b'a' + 10),
            _ => None,
        };
        let bytes = s.as_bytes();
        if bytes.len() != 64 {
            return Err(format!(
                "a SHA-256 digest has 64 hexadecimal digits, not {}",
                bytes.len()
            ));
        }
        let mut out = [0u8; 32];
        for (i, pair) in bytes.chunks_exact(2).enumerate() {
            match (nibble(pair[0]), nibble(pair[1])) {
                (Some(h), Some(l)) => out[i] = h * 16 + l,
                _ => {
                    return Err(format!(
                        "not a lowercase hexadecimal digit at position {}",
                        2 * i + usize::from(nibble(pair[0]).is_some())
                    ));
                }
            }
        }
        Ok(Digest(out))
    }
}

impl Serialize for Digest {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Digest {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Digest;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a SHA-256 digest as 64 lowercase hexadecimal digits")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Digest, E> {
                v.parse().map_err(E::custom)
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

impl schemars::JsonSchema for Digest {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Digest".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[0-9a-f]{64}$",
            "description": "SHA-256, 64 lowercase hexadecimal digits"
        })
    }
}

/// One entry of a case's log.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// Position in the log, from 0.
    pub seq: u64,
    /// When (the caller's clock).
    pub at: Timestamp,
    /// Who.
    pub actor: Actor,
    /// Why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// What happened.
    pub event: Event,
    /// SHA-256 of the previous entry, or [`GENESIS`].
    pub prev: Digest,
    /// SHA-256 of this entry.
    pub hash: Digest,
}

impl Entry {
    /// The hash this entry must carry in the case `case`: SHA-256 over the
    /// canonical encoding of the case id and every field but `hash` —
    /// compact JSON with the fields in the order of the schema (`case`,
    /// `seq`, `at`, `actor`, `reason` when present, `event`, `prev`).
    /// `case` is `None` for a `dsgvo.case/1` log, whose hashes do not cover
    /// the id.
    ///
    /// # Examples
    ///
    /// ```
    /// use dsgvo_core::case::{Case, CaseId};
    /// use dsgvo_core::{BreachFacts, Timestamp};
    ///
    /// let facts = BreachFacts::from_json(r#"{
    ///   "schema": "dsgvo.breach-facts/1", "role": "controller",
    ///   "controller": { "name": "Beispiel Shop GmbH", "country": "DE", "region": "DE-BY", "established_in_eu": true },
    ///   "aware_at": "2026-11-20T09:15:00+01:00", "types": ["confidentiality"], "cause": "misdelivery_email",
    ///   "malicious": false, "data_categories": ["contact"],
    ///   "data_subjects": { "count": 1, "categories": ["customers"], "vulnerable": false },
    ///   "confidentiality": { "recipients": "known", "exfiltrated": "no" }
    /// }"#).unwrap();
    /// let at = Timestamp::parse("2026-11-20T09:20:00+01:00").unwrap();
    /// let case = Case::open(CaseId("2026-017".into()), facts, at, "DSB").unwrap();
    /// let first = &case.entries()[0];
    /// assert_eq!(first.compute_hash(Some(case.id())), first.hash);
    /// // The id is part of the hash: the same entry in another case differs.
    /// assert_ne!(first.compute_hash(Some(&CaseId("2026-018".into()))), first.hash);
    /// ```
    pub fn compute_hash(&self, case: Option<&CaseId>) -> Digest {
        self.hash_with(case, &mut Vec::with_capacity(2048))
    }

    /// [`Entry::compute_hash`] with a buffer the caller reuses across
    /// entries (serde writes token by token, and each small write into the
    /// hasher would cost more than the copy).
    pub(crate) fn hash_with(&self, case: Option<&CaseId>, encoded: &mut Vec<u8>) -> Digest {
        #[derive(Serialize)]
        struct Hashed<'a> {
            #[serde(skip_serializing_if = "Option::is_none")]
            case: Option<&'a str>,
            seq: u64,
            at: &'a Timestamp,
            actor: &'a str,
            #[serde(skip_serializing_if = "Option::is_none")]
            reason: Option<&'a str>,
            event: &'a Event,
            prev: &'a Digest,
        }
        let content = Hashed {
            case: case.map(|c| c.0.as_str()),
            seq: self.seq,
            at: &self.at,
            actor: &self.actor,
            reason: self.reason.as_deref(),
            event: &self.event,
            prev: &self.prev,
        };
        encoded.clear();
        serde_json::to_writer(&mut *encoded, &content).expect("entries serialise");
        let mut hasher = Sha256::new();
        hasher.update(&*encoded);
        Digest(hasher.finalize().into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_digest_reads_and_writes_lowercase_hex_and_names_what_it_expects() {
        let hex = "00ff10a0".repeat(8);
        let digest: Digest = hex.parse().unwrap();
        assert_eq!(digest.to_string(), hex);
        assert_eq!(format!("{digest:?}"), format!("Digest({hex})"));
        assert_eq!(digest.0[..4], [0x00, 0xff, 0x10, 0xa0]);
        let err = serde_json::from_str::<Digest>("1").unwrap_err().to_string();
        assert!(
            err.contains("expected a SHA-256 digest as 64 lowercase hexadecimal digits"),
            "{err}"
        );
    }
}
