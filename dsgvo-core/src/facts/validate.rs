//! Consistency rules that serde cannot check, and the [`ValidFacts`] type
//! that proves they were checked.

use std::collections::HashSet;
use std::hash::Hash;
use std::ops::Deref;

use super::{
    BreachFacts, BreachType, DataCategory, FACTS_SCHEMA, FACTS_SCHEMA_V1, FactsSchema,
    GERMAN_LAENDER, Recipients, Role, Timestamp, Tristate,
};
use crate::error::{ErrorKind, FieldError, InputError};

/// Breach facts that passed validation. Only these can be triaged.
///
/// ```compile_fail
/// // Unchecked facts do not triage: validate them first.
/// fn f(facts: dsgvo_core::BreachFacts) {
///     dsgvo_core::triage(&facts, &Default::default());
/// }
/// ```
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[serde(transparent)]
pub struct ValidFacts(BreachFacts);

impl ValidFacts {
    /// The facts.
    pub fn facts(&self) -> &BreachFacts {
        &self.0
    }

    /// Gives the facts back (for example to change them and validate again).
    pub fn into_inner(self) -> BreachFacts {
        self.0
    }
}

impl Deref for ValidFacts {
    type Target = BreachFacts;
    fn deref(&self) -> &BreachFacts {
        &self.0
    }
}

impl BreachFacts {
    /// Checks every rule of the contract that the types alone do not enforce
    /// and reports all violations at once.
    ///
    /// # Errors
    ///
    /// An [`InputError`] listing every field that breaks the
    /// contract (values out of range, contradictions, v2 fields in a v1
    /// document).
    pub fn validate(self) -> Result<ValidFacts, InputError> {
        self.check()?;
        Ok(ValidFacts(self))
    }

    /// [`BreachFacts::validate`] without taking the facts (for facts that are
    /// shared, such as those in a case log).
    pub(crate) fn check(&self) -> Result<(), InputError> {
        let mut errors = Vec::new();
        let mut push = |path: &str, kind: ErrorKind, problem: String| {
            errors.push(FieldError::new(path, kind, problem))
        };

        if self.controller.name.trim().is_empty() {
            push(
                "controller.name",
                ErrorKind::InvalidValue,
                "must not be empty".into(),
            );
        }
        match (&self.controller.region, self.controller.country.as_str()) {
            (None, "DE") => push(
                "controller.region",
                ErrorKind::MissingField,
                "required for a controller in DE: the Land of the seat decides the competent authority (§ 40 BDSG); e.g. \"DE-BY\"".into(),
            ),
            (Some(region), country) if region.country() != country => push(
                "controller.region",
                ErrorKind::Inconsistent,
                format!("\"{region}\" is not a region of controller.country \"{country}\""),
            ),
            (Some(region), "DE") if !GERMAN_LAENDER.contains(&region.as_str()) => push(
                "controller.region",
                ErrorKind::UnknownValue,
                format!("\"{region}\" is not a German Land; expected one of {}", GERMAN_LAENDER.join(", ")),
            ),
            _ => {}
        }

        if let Some(occurred) = self.occurred {
            if let (Some(from), Some(until)) = (occurred.from, occurred.until) {
                if from > until {
                    push(
                        "occurred.until",
                        ErrorKind::Inconsistent,
                        format!("{until} is before occurred.from {from}"),
                    );
                }
            }
            if let Some(from) = occurred.from {
                if self.aware_at < from {
                    push(
                        "aware_at",
                        ErrorKind::Inconsistent,
                        format!(
                            "{} is before occurred.from {from}: awareness cannot precede the breach",
                            self.aware_at
                        ),
                    );
                }
            }
        }

        self.check_times(&mut push);
        non_empty_unique("types", &self.types, &mut push);
        non_empty_unique("data_categories", &self.data_categories, &mut push);
        unique(
            "data_subjects.categories",
            &self.data_subjects.categories,
            &mut push,
        );
        unique(
            "data_subjects.residence",
            &self.data_subjects.residence,
            &mut push,
        );
        unique("likely_consequences", &self.likely_consequences, &mut push);

        if self.data_subjects.count.max() == 0 {
            push(
                "data_subjects.count",
                ErrorKind::InvalidValue,
                "must be at least 1: a personal data breach concerns at least one person".into(),
            );
        }

        for (t, present, name) in [
            (
                BreachType::Confidentiality,
                self.confidentiality.is_some(),
                "confidentiality",
            ),
            (BreachType::Integrity, self.integrity.is_some(), "integrity"),
            (
                BreachType::Availability,
                self.availability.is_some(),
                "availability",
            ),
        ] {
            match (self.has_type(t), present) {
                (true, false) => push(
                    name,
                    ErrorKind::MissingField,
                    format!("required because types contains \"{name}\""),
                ),
                (false, true) => push(
                    name,
                    ErrorKind::Inconsistent,
                    format!(
                        "given, but types does not contain \"{name}\": add the type or remove the section"
                    ),
                ),
                _ => {}
            }
        }

        unique("misuse_observed", &self.misuse_observed, &mut push);
        unique("controller.contexts", &self.controller.contexts, &mut push);
        self.check_version(&mut push);
        self.check_parties(&mut push);

        if let Some(a) = self.availability {
            if a.permanent == Tristate::Yes && a.restored_within_hours.is_some() {
                push(
                    "availability.restored_within_hours",
                    ErrorKind::Inconsistent,
                    "given, but availability.permanent is true".into(),
                );
            }
        }

        if errors.is_empty() {
            Ok(())
        } else {
            Err(InputError {
                document: "breach facts",
                errors,
            })
        }
    }
}

/// The GDPR applies from 25 May 2018 (Art. 99(2)): awareness before the
/// start of that day in the earliest time zone (UTC+14) fell under the
/// previous law, which knew no Art. 33.
const GDPR_APPLIES_FROM: &str = "2018-05-24T10:00:00Z";
/// Our plausibility bounds for every other timestamp of the facts: a year
/// from 1970 to 2099 (a mistyped year such as 9999 gives a deadline that
/// RFC 3339 cannot write).
const EARLIEST: &str = "1970-01-01T00:00:00Z";
const LATEST: &str = "2100-01-01T00:00:00Z";

fn instant(text: &str) -> chrono::DateTime<chrono::Utc> {
    text.parse().expect("the bounds are valid RFC 3339")
}

impl BreachFacts {
    /// Every timestamp lies within plausible bounds; awareness is not
    /// before the GDPR applied.
    fn check_times(&self, push: &mut impl FnMut(&str, ErrorKind, String)) {
        let (earliest, latest) = (instant(EARLIEST), instant(LATEST));
        let mut times: Vec<(String, Timestamp)> = vec![("aware_at".into(), self.aware_at)];
        let optional = [
            ("detected_at", self.detected_at),
            ("first_external_report_at", self.first_external_report_at),
            ("occurred.from", self.occurred.and_then(|o| o.from)),
            ("occurred.until", self.occurred.and_then(|o| o.until)),
        ];
        times.extend(
            optional
                .into_iter()
                .filter_map(|(p, t)| Some((p.into(), t?))),
        );
        for (i, c) in self.controllers_informed.iter().enumerate() {
            times.push((
                format!("controllers_informed[{i}].informed_at"),
                c.informed_at,
            ));
        }
        for (path, t) in times {
            let utc = t.to_utc();
            if utc < earliest || utc >= latest {
                push(
                    &path,
                    ErrorKind::InvalidValue,
                    format!("{t} is outside the years 1970 to 2099 (a mistyped year?)"),
                );
            } else if path == "aware_at" && utc < instant(GDPR_APPLIES_FROM) {
                push(
                    &path,
                    ErrorKind::InvalidValue,
                    format!(
                        "{t} is before 25 May 2018, when the GDPR began to apply (Art. 99(2)); Art. 33 does not reach earlier breaches"
                    ),
                );
            }
        }
    }

    /// A v1 document uses no v2 field or value.
    fn check_version(&self, push: &mut impl FnMut(&str, ErrorKind, String)) {
        if self.schema != FactsSchema::V1 {
            return;
        }
        let c = self.confidentiality;
        let v2_only = [
            ("controller.contexts", !self.controller.contexts.is_empty()),
            ("controller.address", self.controller.address.is_some()),
            (
                "first_external_report_at",
                self.first_external_report_at.is_some(),
            ),
            ("misuse_observed", !self.misuse_observed.is_empty()),
            (
                "description_for_subjects",
                self.description_for_subjects.is_some(),
            ),
            ("representative", self.representative.is_some()),
            (
                "controllers_informed",
                !self.controllers_informed.is_empty(),
            ),
            (
                "confidentiality.evidence",
                c.is_some_and(|c| c.evidence.is_some()),
            ),
            (
                "confidentiality.exposure_hours",
                c.is_some_and(|c| c.exposure_hours.is_some()),
            ),
            (
                "confidentiality.recipients",
                c.is_some_and(|c| c.recipients == Recipients::Hostile),
            ),
        ];
        for (path, used) in v2_only {
            if used {
                push(
                    path,
                    ErrorKind::Inconsistent,
                    format!("is part of {FACTS_SCHEMA}; this document says {FACTS_SCHEMA_V1}"),
                );
            }
        }
        for (i, d) in self.data_categories.iter().enumerate() {
            if *d == DataCategory::Invoice {
                push(
                    &format!("data_categories[{i}]"),
                    ErrorKind::Inconsistent,
                    format!(
                        "\"invoice\" is part of {FACTS_SCHEMA}; this document says {FACTS_SCHEMA_V1}"
                    ),
                );
            }
        }
    }

    /// Representative and informed controllers fit the role and seat.
    fn check_parties(&self, push: &mut impl FnMut(&str, ErrorKind, String)) {
        if let Some(rep) = &self.representative {
            if self.controller.established_in_eu {
                push(
                    "representative",
                    ErrorKind::Inconsistent,
                    "given, but controller.established_in_eu is true: only a controller under Art. 3(2) designates a representative (Art. 27)".into(),
                );
            }
            match &rep.region {
                Some(region) if region.country() != rep.country.as_str() => push(
                    "representative.region",
                    ErrorKind::Inconsistent,
                    format!(
                        "\"{region}\" is not a region of representative.country \"{}\"",
                        rep.country
                    ),
                ),
                Some(region)
                    if rep.country.as_str() == "DE"
                        && !GERMAN_LAENDER.contains(&region.as_str()) =>
                {
                    push(
                        "representative.region",
                        ErrorKind::UnknownValue,
                        format!(
                            "\"{region}\" is not a German Land; expected one of {}",
                            GERMAN_LAENDER.join(", ")
                        ),
                    )
                }
                _ => {}
            }
        }
        if !self.controllers_informed.is_empty() && self.role != Role::Processor {
            push(
                "controllers_informed",
                ErrorKind::Inconsistent,
                "given, but role is \"controller\": only a processor informs controllers (Art. 33(2))".into(),
            );
        }
        for (i, c) in self.controllers_informed.iter().enumerate() {
            if c.name.trim().is_empty() {
                push(
                    &format!("controllers_informed[{i}].name"),
                    ErrorKind::InvalidValue,
                    "must not be empty".into(),
                );
            }
        }
    }
}

fn unique<T: Eq + Hash + std::fmt::Display>(
    path: &str,
    items: &[T],
    push: &mut impl FnMut(&str, ErrorKind, String),
) {
    let mut seen = HashSet::new();
    for (i, item) in items.iter().enumerate() {
        if !seen.insert(item) {
            push(
                &format!("{path}[{i}]"),
                ErrorKind::InvalidValue,
                format!("\"{item}\" is listed twice"),
            );
        }
    }
}

fn non_empty_unique<T: Eq + Hash + std::fmt::Display>(
    path: &str,
    items: &[T],
    push: &mut impl FnMut(&str, ErrorKind, String),
) {
    if items.is_empty() {
        push(
            path,
            ErrorKind::InvalidValue,
            "must list at least one value".into(),
        );
    }
    unique(path, items, push);
}
