//! The stable codes of everything the engines find. Every reason of a
//! verdict carries one of these as its `code`; the words for each live in
//! [`crate::explain`]. A code, once published, keeps its meaning.

use serde::{Deserialize, Serialize};

use crate::facts::closed_set;

closed_set!(
    /// The code of a finding (the verdict's `reasons[].code` and
    /// `warnings[].code`).
    FindingCode {
        /// The cause is an attack: malicious intent assumed.
        MaliciousByCause = "malicious_by_cause",
        /// Passwords hashed to the state of the art.
        CredentialsHashed = "credentials_hashed",
        /// ENISA data processing context of the most critical category.
        EnisaDpcBase = "enisa_dpc_base",
        /// DPC raised by the controller's context.
        EnisaDpcControllerContext = "enisa_dpc_controller_context",
        /// DPC raised for vulnerable people.
        EnisaDpcVulnerable = "enisa_dpc_vulnerable",
        /// ENISA ease of identification.
        EnisaEi = "enisa_ei",
        /// ENISA circumstances of the breach.
        EnisaCb = "enisa_cb",
        /// ENISA severity score.
        EnisaSeverity = "enisa_severity",
        /// ENISA flag: more than 100 people.
        EnisaFlagMoreThan100 = "enisa_flag_more_than_100",
        /// The number of people as a graded factor.
        PeopleFactor = "people_factor",
        /// Likelihood: unintelligible data.
        DataUnintelligible = "data_unintelligible",
        /// Likelihood: only salted password hashes.
        OnlyHashedPasswords = "only_hashed_passwords",
        /// Likelihood: nobody received the data.
        NoRecipient = "no_recipient",
        /// Likelihood: a trusted recipient.
        RecipientTrusted = "recipient_trusted",
        /// Likelihood: a known recipient returned or deleted the data.
        RecipientRetrieved = "recipient_retrieved",
        /// Likelihood: Art. 9/10 data returned or deleted by a known recipient.
        SpecialDataRetrieved = "special_data_retrieved",
        /// Likelihood: a known recipient still has the data.
        RecipientKnown = "recipient_known",
        /// Likelihood: hostile hands.
        RecipientHostile = "recipient_hostile",
        /// Likelihood: data copied out.
        DataExfiltrated = "data_exfiltrated",
        /// Likelihood: data published.
        DataPublished = "data_published",
        /// Likelihood: "not copied", on this evidence.
        ExfiltrationEvidence = "exfiltration_evidence",
        /// Likelihood: misuse already seen.
        MisuseObserved = "misuse_observed",
        /// Likelihood: altered data restored.
        IntegrityRestored = "integrity_restored",
        /// Likelihood: altered by an attacker, restored.
        IntegrityAlteredByAttacker = "integrity_altered_by_attacker",
        /// Likelihood: altered data cannot be restored.
        IntegrityUnrecoverable = "integrity_unrecoverable",
        /// Likelihood: data lost for good.
        AvailabilityPermanent = "availability_permanent",
        /// Likelihood: unavailable for a while.
        AvailabilityRestored = "availability_restored",
        /// The cell of the matrix.
        RiskMatrix = "risk_matrix",
        /// Data that does not identify people.
        DataNotIdentifying = "data_not_identifying",
        /// Art. 9/10 data that reached a stranger stay at least a risk.
        SpecialDataWithStranger = "special_data_with_stranger",
        /// Result: unlikely to result in a risk.
        RiskUnlikely = "risk_unlikely",
        /// Result: a risk.
        RiskPresent = "risk_present",
        /// Result: a high risk.
        RiskHigh = "risk_high",
        /// Unknown facts read at their worst.
        UnknownsAssumedWorst = "unknowns_assumed_worst",
        /// Likely consequences derived from the facts.
        HarmsDerived = "harms_derived",
        /// Likely consequences as given.
        HarmsGiven = "harms_given",
        /// Every breach is documented.
        DocumentAlways = "document_always",
        /// A processor informs its controllers.
        ProcessorInformController = "processor_inform_controller",
        /// The notify-always policy.
        PolicyNotifyAlways = "policy_notify_always",
        /// Deadline: 72 hours exactly.
        DeadlineExact72h = "deadline_exact_72h",
        /// Deadline: Regulation 1182/71.
        DeadlineRegulation118271 = "deadline_regulation_1182_71",
        /// Art. 34(3)(a) applies.
        Art34_3A = "art34_3_a",
        /// Art. 34(3)(b) applies.
        Art34_3B = "art34_3_b",
        /// Art. 34(3)(c) applies.
        Art34_3C = "art34_3_c",
        /// No communication to the data subjects: no high risk.
        NoSubjectCommunication = "no_subject_communication",
        /// Authority: the BfDI for telecommunications providers.
        AuthorityBfdiTelecom = "authority_bfdi_telecom",
        /// Authority: the Land of the seat.
        AuthorityLand = "authority_land",
        /// Authority: the national authority.
        AuthorityNational = "authority_national",
        /// Authority: a country outside the EU/EEA directory.
        AuthorityUnknownCountry = "authority_unknown_country",
        /// Authority: lead authority for cross-border breaches.
        AuthorityLead = "authority_lead",
        /// Authority: every authority where people live (Art. 3(2)).
        AuthorityEveryResidence = "authority_every_residence",
        /// Authority: the German Land is open.
        AuthorityGermanLandUnknown = "authority_german_land_unknown",
        /// Warning: awareness dated late.
        WarningAwarenessLate = "warning_awareness_late",
        /// Warning: Art. 34(3)(b) claimed for published data.
        WarningArt34bPublished = "warning_art34b_published",
        /// Warning: inform the people now.
        WarningInformPeopleNow = "warning_inform_people_now",
        /// Warning: inform the controller.
        WarningInformController = "warning_inform_controller",
    }
);

impl From<FindingCode> for crate::ReasonCode {
    fn from(code: FindingCode) -> Self {
        crate::ReasonCode::from(code.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::FindingCode;

    #[test]
    fn codes_are_unique_lower_snake_case() {
        let mut seen = std::collections::HashSet::new();
        for c in FindingCode::ALL {
            assert!(seen.insert(c.as_str()), "{c} twice");
            assert!(
                c.as_str()
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
                "{c}"
            );
        }
    }
}
