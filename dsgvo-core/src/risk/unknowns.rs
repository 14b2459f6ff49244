//! Unknown facts: read as the worse plausible value, and recorded so the
//! verdict can say which unknowns decided it.

use crate::facts::{
    Answer, Backup, BreachFacts, Confidentiality, DataCategory, Encryption, Evidence, Hours,
    Identifiability, Tristate,
};

/// A fact that can be unknown at the time of assessment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Unknown {
    Malicious,
    Vulnerable,
    Exfiltrated,
    KeyCompromised,
    IntegrityRecoverable,
    AvailabilityPermanent,
    Backup,
    Identifiability,
    SubjectCount,
    Evidence,
    ExposureHours,
    RestoredHours,
}

impl Unknown {
    /// Every unknown.
    #[cfg(test)]
    pub(crate) const ALL: [Unknown; 12] = [
        Unknown::Malicious,
        Unknown::Vulnerable,
        Unknown::Exfiltrated,
        Unknown::KeyCompromised,
        Unknown::IntegrityRecoverable,
        Unknown::AvailabilityPermanent,
        Unknown::Backup,
        Unknown::Identifiability,
        Unknown::SubjectCount,
        Unknown::Evidence,
        Unknown::ExposureHours,
        Unknown::RestoredHours,
    ];

    /// The JSON path of the fact (the value of `open_questions`).
    pub(crate) fn path(self) -> &'static str {
        match self {
            Unknown::Malicious => "malicious",
            Unknown::Vulnerable => "data_subjects.vulnerable",
            Unknown::Exfiltrated => "confidentiality.exfiltrated",
            Unknown::KeyCompromised => "protection.key_compromised",
            Unknown::IntegrityRecoverable => "integrity.recoverable",
            Unknown::AvailabilityPermanent => "availability.permanent",
            Unknown::Backup => "availability.backup",
            Unknown::Identifiability => "identifiability",
            Unknown::SubjectCount => "data_subjects.count",
            Unknown::Evidence => "confidentiality.evidence",
            Unknown::ExposureHours => "confidentiality.exposure_hours",
            Unknown::RestoredHours => "availability.restored_within_hours",
        }
    }
}

/// Reads facts for the risk engine. Each unknown is read as its worse
/// plausible value unless it is in `optimistic` (used only to find out which
/// unknowns decided the outcome), and every unknown read is recorded.
pub(crate) struct Reader<'a> {
    pub(crate) facts: &'a BreachFacts,
    optimistic: &'a [Unknown],
    /// Read the facts as if the data had not been encrypted (to test Art. 34(3)(a)).
    pub(crate) ignore_encryption: bool,
    pub(crate) used: Vec<Unknown>,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(
        facts: &'a BreachFacts,
        optimistic: &'a [Unknown],
        ignore_encryption: bool,
    ) -> Self {
        Reader {
            facts,
            optimistic,
            ignore_encryption,
            used: Vec::new(),
        }
    }

    /// Records `u` and tells whether to read it optimistically.
    fn unknown(&mut self, u: Unknown) -> bool {
        if !self.used.contains(&u) {
            self.used.push(u);
        }
        self.optimistic.contains(&u)
    }

    fn tristate(&mut self, value: Tristate, u: Unknown, worst: bool) -> bool {
        match value.known() {
            Some(b) => b,
            None => {
                if self.unknown(u) {
                    !worst
                } else {
                    worst
                }
            }
        }
    }

    /// Intent to harm: attacks by their nature count as malicious.
    pub(crate) fn malicious(&mut self) -> bool {
        self.facts.cause.is_attack()
            || self.tristate(self.facts.malicious(), Unknown::Malicious, true)
    }

    pub(crate) fn vulnerable(&mut self) -> bool {
        self.tristate(
            self.facts.data_subjects.vulnerable(),
            Unknown::Vulnerable,
            true,
        )
    }

    pub(crate) fn exfiltrated(&mut self, c: &Confidentiality) -> bool {
        match c.exfiltrated() {
            Answer::Yes => true,
            Answer::No => false,
            Answer::Unknown => !self.unknown(Unknown::Exfiltrated),
        }
    }

    /// The affected data is unintelligible to unauthorised persons:
    /// state-of-the-art encryption with a key that is not compromised.
    pub(crate) fn data_unintelligible(&mut self) -> bool {
        if self.ignore_encryption {
            return false;
        }
        let Some(p) = self.facts.protection else {
            return false;
        };
        if p.encryption != Some(Encryption::StateOfTheArt) {
            return false;
        }
        !self.key_compromised()
    }

    pub(crate) fn key_compromised(&mut self) -> bool {
        let value = self
            .facts
            .protection
            .and_then(|p| p.key_compromised)
            .unwrap_or(Tristate::Unknown);
        self.tristate(value, Unknown::KeyCompromised, true)
    }

    pub(crate) fn integrity_recoverable(&mut self) -> bool {
        let value = self
            .facts
            .integrity
            .map(|i| i.recoverable)
            .unwrap_or(Tristate::Yes);
        self.tristate(value, Unknown::IntegrityRecoverable, false)
    }

    pub(crate) fn availability_permanent(&mut self) -> bool {
        let value = self
            .facts
            .availability
            .map(|a| a.permanent)
            .unwrap_or(Tristate::No);
        self.tristate(value, Unknown::AvailabilityPermanent, true)
    }

    pub(crate) fn backup(&mut self) -> Backup {
        match self.facts.availability.and_then(|a| a.backup) {
            Some(b) => b,
            None if self.unknown(Unknown::Backup) => Backup::Current,
            None => Backup::None,
        }
    }

    /// ENISA ease of identification and whether it was given, derived from
    /// directly identifying data, or assumed.
    pub(crate) fn identifiability(&mut self) -> (Identifiability, EiBasis) {
        if let Some(i) = self.facts.identifiability {
            return (i, EiBasis::Given);
        }
        let direct = [DataCategory::Identity, DataCategory::GovernmentId];
        if self
            .facts
            .data_categories
            .iter()
            .any(|c| direct.contains(c))
        {
            return (Identifiability::Maximum, EiBasis::DirectIdentifiers);
        }
        if self.unknown(Unknown::Identifiability) {
            (Identifiability::Limited, EiBasis::Assumed)
        } else {
            (Identifiability::Maximum, EiBasis::Assumed)
        }
    }

    /// The evidence an `exfiltrated: "no"` rests on; unknown (and every v1
    /// document) is read as no logs.
    pub(crate) fn evidence(&mut self, c: &Confidentiality) -> Evidence {
        match c.evidence {
            Some(e) => e,
            None if self.unknown(Unknown::Evidence) => Evidence::LogsComplete,
            None => Evidence::None,
        }
    }

    /// Hours the data were reachable: given, or from `occurred`; unknown is
    /// read as long (`None`).
    pub(crate) fn exposure_hours(&mut self, c: &Confidentiality) -> Option<Hours> {
        if let Some(h) = c.exposure_hours {
            return Some(h);
        }
        if let Some(o) = self.facts.occurred {
            if let (Some(from), Some(until)) = (o.from, o.until) {
                let minutes = (until.to_utc() - from.to_utc()).num_minutes().max(0);
                return Hours::new(minutes as f64 / 60.0).ok();
            }
        }
        if self.unknown(Unknown::ExposureHours) {
            Hours::new(0.0).ok()
        } else {
            None
        }
    }

    /// Hours until the data were available again; unknown is read as long.
    pub(crate) fn restored_hours(&mut self) -> Option<Hours> {
        match self
            .facts
            .availability
            .and_then(|a| a.restored_within_hours)
        {
            Some(h) => Some(h),
            None if self.unknown(Unknown::RestoredHours) => Hours::new(0.0).ok(),
            None => None,
        }
    }

    /// Number of affected people: the upper bound of a range.
    pub(crate) fn subject_count(&mut self) -> u64 {
        let c = self.facts.data_subjects.count;
        if c.min() == c.max() {
            c.max()
        } else if self.unknown(Unknown::SubjectCount) {
            c.min()
        } else {
            c.max()
        }
    }
}

/// Where the EI value came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum EiBasis {
    Given,
    DirectIdentifiers,
    Assumed,
}
