//! A breach assessed: its facts and their verdict as one value, with the
//! Art. 33(1) deadline worked out once.
//!
//! Documents, reports and cases take an [`AssessedBreach`], never a loose
//! `(facts, verdict)` pair: the only way to make one is to triage the facts,
//! so a verdict cannot travel with facts it was not made from.

use chrono::{DateTime, FixedOffset, Utc};

use crate::explain::Texts;
use crate::facts::ValidFacts;
use crate::options::{AssessmentOptions, Language};
use crate::verdict::Verdict;

/// Breach facts together with the verdict made from them and the Art. 33(1)
/// deadline on the UTC and the controller's clock.
///
/// # Examples
///
/// ```
/// use dsgvo_core::{AssessedBreach, AssessmentOptions, BreachFacts, RiskLevel};
///
/// let facts = BreachFacts::from_json(r#"{
///   "schema": "dsgvo.breach-facts/1",
///   "role": "controller",
///   "controller": { "name": "Beispiel Shop GmbH", "country": "DE", "region": "DE-BY", "established_in_eu": true },
///   "aware_at": "2026-11-20T09:15:00+01:00",
///   "types": ["confidentiality"],
///   "cause": "hacking",
///   "malicious": true,
///   "data_categories": ["identity", "contact", "payment_card"],
///   "data_subjects": { "count": 2500, "categories": ["customers"], "vulnerable": false },
///   "confidentiality": { "recipients": "unknown", "exfiltrated": "yes" }
/// }"#).unwrap();
/// let breach = AssessedBreach::new(facts, &AssessmentOptions::default());
/// assert_eq!(breach.verdict().risk, RiskLevel::High);
/// assert_eq!(breach.deadline().to_rfc3339(), "2026-11-23T08:15:00+00:00");
/// assert_eq!(breach.deadline_local().to_rfc3339(), "2026-11-23T09:15:00+01:00");
/// assert_eq!(breach.time_zone(), "Europe/Berlin");
/// ```
///
/// A verdict cannot be paired with other facts by hand:
///
/// ```compile_fail
/// fn pair(facts: dsgvo_core::ValidFacts, verdict: dsgvo_core::Verdict) {
///     let deadline = verdict.authority_deadline.unwrap();
///     let _ = dsgvo_core::AssessedBreach { facts, verdict, deadline };
/// }
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct AssessedBreach {
    facts: ValidFacts,
    verdict: Verdict,
    deadline: DateTime<Utc>,
    deadline_local: DateTime<FixedOffset>,
    time_zone: String,
}

impl AssessedBreach {
    /// Triages `facts` with `options` (see [`crate::triage`]).
    pub fn new(facts: ValidFacts, options: &AssessmentOptions) -> AssessedBreach {
        AssessedBreach::with_texts(facts, options, &Texts::default())
    }

    /// [`AssessedBreach::new`] with a shop's own wording for some reasons
    /// (see [`crate::triage_with_texts`]).
    pub fn with_texts(
        facts: ValidFacts,
        options: &AssessmentOptions,
        texts: &Texts,
    ) -> AssessedBreach {
        let verdict = crate::triage_with_texts(&facts, options, texts);
        // Where no notification is due, the deadline is the one a
        // notification made of the controller's own accord would have:
        // the same rule, counted from awareness.
        let deadline = verdict.authority_deadline.unwrap_or_else(|| {
            crate::clock::authority_deadline(facts.aware_at, verdict.deadline_rule)
        });
        let (deadline_local, time_zone) =
            crate::clock::local_time(deadline, &facts.controller.country, facts.aware_at);
        AssessedBreach {
            facts,
            verdict,
            deadline,
            deadline_local,
            time_zone,
        }
    }

    /// The same breach assessed with the same policy and deadline rule, its
    /// reasons and documents worded in `lang` (the decision does not depend
    /// on the language).
    pub fn in_language(&self, lang: Language) -> AssessedBreach {
        let options = AssessmentOptions {
            policy: self.verdict.policy,
            deadline_rule: self.verdict.deadline_rule,
            language: lang,
        };
        AssessedBreach::new(self.facts.clone(), &options)
    }

    /// The facts (validated).
    pub fn facts(&self) -> &ValidFacts {
        &self.facts
    }

    /// The verdict made from [`AssessedBreach::facts`].
    pub fn verdict(&self) -> &Verdict {
        &self.verdict
    }

    /// The Art. 33(1) deadline: the verdict's `authority_deadline` where the
    /// authority must be notified, else the deadline a notification would
    /// have (same rule, counted from awareness).
    pub fn deadline(&self) -> DateTime<Utc> {
        self.deadline
    }

    /// [`AssessedBreach::deadline`] on the controller's clock (its
    /// country's legal time, or the offset of `aware_at` outside the EU/EEA).
    pub fn deadline_local(&self) -> DateTime<FixedOffset> {
        self.deadline_local
    }

    /// Whether a notification made at `at` comes after the deadline of a
    /// notification that is due (Art. 33(1) sentence 2 binds only those).
    pub fn late_at(&self, at: DateTime<Utc>) -> bool {
        self.verdict.notify_authority && at > self.deadline
    }

    /// The zone of [`AssessedBreach::deadline_local`]: its IANA name
    /// (`Europe/Berlin`), or `UTC+hh:mm` where the country has none of ours.
    pub fn time_zone(&self) -> &str {
        &self.time_zone
    }

    /// The language of the verdict and of every document made from it.
    pub fn language(&self) -> Language {
        self.verdict.language
    }

    /// The facts and the verdict, taken apart.
    pub fn into_parts(self) -> (ValidFacts, Verdict) {
        (self.facts, self.verdict)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::BreachFacts;
    use chrono::Duration;

    fn breach(cause_and_recipients: &str, lang: Language) -> AssessedBreach {
        let facts = BreachFacts::from_json(&format!(
            r#"{{"schema":"dsgvo.breach-facts/1","role":"controller",
            "controller":{{"name":"Shop","country":"AT","established_in_eu":true}},
            "aware_at":"2026-03-27T10:00:00+01:00","types":["confidentiality"],
            "data_categories":["identity","contact"],
            "data_subjects":{{"count":1,"vulnerable":false}},{cause_and_recipients}}}"#
        ))
        .unwrap();
        AssessedBreach::new(
            facts,
            &AssessmentOptions {
                language: lang,
                ..Default::default()
            },
        )
    }

    /// One letter to a known, trustworthy recipient: no notification due.
    fn misdelivered(lang: Language) -> AssessedBreach {
        breach(
            r#""cause":"misdelivery_post","malicious":false,
            "confidentiality":{"recipients":"known","exfiltrated":"no"}"#,
            lang,
        )
    }

    fn hacked() -> AssessedBreach {
        breach(
            r#""cause":"hacking","malicious":true,
            "confidentiality":{"recipients":"unknown","exfiltrated":"yes"}"#,
            Language::De,
        )
    }

    #[test]
    fn without_a_due_notification_the_deadline_is_72_hours_after_awareness() {
        let b = misdelivered(Language::De);
        assert!(!b.verdict().notify_authority);
        assert_eq!(b.verdict().authority_deadline, None);
        // Art. 33(1): 72 hours from awareness (09:00 UTC on 27 March).
        assert_eq!(b.deadline().to_rfc3339(), "2026-03-30T09:00:00+00:00");
        // Vienna changed to summer time on 29 March 2026.
        assert_eq!(b.deadline_local().to_rfc3339(), "2026-03-30T11:00:00+02:00");
        assert_eq!(b.time_zone(), "Europe/Vienna");
        // A voluntary notification has no 72 hours to miss.
        assert!(!b.late_at(b.deadline() + Duration::days(30)));
    }

    #[test]
    fn a_due_notification_is_late_one_second_after_the_deadline() {
        let b = hacked();
        assert!(b.verdict().notify_authority);
        assert_eq!(b.verdict().authority_deadline, Some(b.deadline()));
        assert!(!b.late_at(b.deadline()));
        assert!(b.late_at(b.deadline() + Duration::seconds(1)));
    }

    #[test]
    fn another_language_keeps_the_decision_and_changes_the_words() {
        let de = hacked();
        let en = de.in_language(Language::En);
        assert_eq!(en.language(), Language::En);
        assert_eq!(en.deadline(), de.deadline());
        assert_eq!(en.facts(), de.facts());
        let decision = |b: &AssessedBreach| crate::case::Decision::of(b.verdict());
        assert_eq!(
            crate::case::Decision {
                engine: String::new(),
                ..decision(&en)
            },
            crate::case::Decision {
                engine: String::new(),
                ..decision(&de)
            }
        );
        assert_ne!(en.verdict().disclaimer, de.verdict().disclaimer);
        let (facts, verdict) = en.into_parts();
        assert_eq!(facts.controller.country.as_str(), "AT");
        assert_eq!(verdict.language, Language::En);
    }
}
