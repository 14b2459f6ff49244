//! What a host keeps of a case outside it, so that a rewrite or a
//! truncation of the stored log is found on load.
//!
//! The hash chain alone shows that a log is whole and unchanged *as it
//! reads*: a changed entry breaks its hash, a removed entry in the middle
//! breaks the next link. It cannot show that the last entries were dropped,
//! nor a log rewritten from some entry on with every hash recomputed: the
//! recomputed log is a valid chain. Both need something kept where the log
//! is not: the anchor, the case id, its number of entries and the hash of
//! the last one, written to the register, an audit log or an e-mail to the
//! DPO after each change, and checked when the case is loaded.

use serde::{Deserialize, Serialize};

use super::{Case, CaseError, CaseId, Digest};

/// The head of a case's log as a host keeps it outside the log.
///
/// # Examples
///
/// ```
/// use dsgvo_core::case::{BackdatingTolerance, Case, CaseId};
/// use dsgvo_core::BreachFacts;
/// # let facts = BreachFacts::from_json(r#"{"schema":"dsgvo.breach-facts/1","role":"controller",
/// #   "controller":{"name":"Shop","country":"DE","region":"DE-BY","established_in_eu":true},
/// #   "aware_at":"2026-11-20T09:15:00+01:00","types":["confidentiality"],"cause":"hacking",
/// #   "data_categories":["identity","contact"],"data_subjects":{"count":500},
/// #   "confidentiality":{"recipients":"unknown","exfiltrated":"yes"}}"#).unwrap();
/// let case = Case::open(CaseId("2026-017".into()), facts.clone(), facts.aware_at, "DSB").unwrap();
/// let anchor = case.anchor(); // kept by the host, outside the stored case
/// let loaded = Case::from_json(&case.to_json(), BackdatingTolerance::default()).unwrap();
/// assert!(loaded.check_anchor(&anchor).is_ok());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CaseAnchor {
    /// The case.
    pub id: CaseId,
    /// How many entries the log had.
    pub entries: u64,
    /// The hash of its last entry.
    pub head: Digest,
}

impl Case {
    /// The anchor of the log as it stands.
    pub fn anchor(&self) -> CaseAnchor {
        let last = self.entries().last().expect("a case has its first entry");
        CaseAnchor {
            id: self.id().clone(),
            entries: self.entries().len() as u64,
            head: last.hash,
        }
    }

    /// Checks this (loaded) case against an anchor kept outside it: the
    /// same case, and the anchored log as its beginning. Entries added
    /// after the anchor was taken are allowed.
    ///
    /// # Errors
    ///
    /// [`CaseError::BrokenChain`] naming the entry: another case, entries
    /// removed from the end, or a log rewritten with recomputed hashes.
    pub fn check_anchor(&self, anchor: &CaseAnchor) -> Result<(), CaseError> {
        let broken = |seq: u64, problem: String| Err(CaseError::BrokenChain { seq, problem });
        if anchor.id != *self.id() {
            return broken(
                0,
                format!(
                    "this is case \"{}\", the anchor is for case \"{}\"",
                    self.id().0,
                    anchor.id.0
                ),
            );
        }
        let have = self.entries().len() as u64;
        if anchor.entries == 0 {
            return broken(0, "the anchor records no entries".into());
        }
        if have < anchor.entries {
            return broken(
                have,
                format!(
                    "the log has {have} entries, the anchor records {}: entries were removed",
                    anchor.entries
                ),
            );
        }
        let seq = anchor.entries - 1;
        if self.entries()[seq as usize].hash != anchor.head {
            return broken(
                seq,
                "the hash differs from the anchored head: the log was rewritten".into(),
            );
        }
        Ok(())
    }
}
