//! Consistency rules that serde cannot check, and the [`ValidFacts`] type
//! that proves they were checked.

use std::collections::HashSet;
use std::hash::Hash;
use std::ops::Deref;

use super::{BreachFacts, BreachType, Tristate};
use crate::authority::GERMAN_LAENDER;
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
