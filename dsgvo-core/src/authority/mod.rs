//! The embedded directory of supervisory authorities and the rules that pick
//! the competent ones.
//!
//! Data: `data/authorities.json`, a copy of `shared/reference/authorities.json`
//! (the 16 German Länder authorities, BfDI, BayLfD and the EU/EEA national
//! authorities). Every entry keeps its `source` and its
//! `breach_form_verification`; a value nobody could confirm is `null` and
//! stays `null` — no URL, address or number is made up.

mod channel;
mod finding;

pub use channel::{Channel, channel};

pub(crate) use finding::AuthorityFinding;

use once_cell::sync::Lazy;
use serde::{Deserialize, Serialize};

use crate::facts::BreachFacts;

/// Version of the embedded directory: the compilation it was taken from.
pub const DIRECTORY_VERSION: &str = "2026-06 (shared/reference/authorities.json; sources reviewed in archived copies up to mid-2026)";

pub use crate::facts::GERMAN_LAENDER;

/// The id of the BfDI, competent for telecommunications providers.
const BFDI: &str = "de-bund-bfdi";
/// The Bavarian authority for public bodies only (never for companies).
const BAYLFD: &str = "de-by-lfd";

/// One supervisory authority, exactly as in the directory.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SupervisoryAuthority {
    /// Directory id (`de-by-lda`).
    pub id: String,
    /// Short name (`BayLDA`).
    pub code: String,
    /// Official name.
    pub name: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    /// German Land, if any.
    pub state: Option<String>,
    /// ISO 3166-2 of the Land, if any.
    pub state_code: Option<String>,
    /// `land`, `federal`, `national (EU)`, ...
    pub level: String,
    /// Postal address.
    pub address: String,
    /// Street address, where confirmed.
    pub street_address: Option<String>,
    /// Website.
    pub website: String,
    /// Phone.
    pub phone: String,
    /// Fax.
    pub fax: Option<String>,
    /// E-mail, where known.
    pub email: Option<String>,
    /// Breach notification form, where known.
    pub breach_form_url: Option<String>,
    /// Kind of the breach form.
    pub breach_form_kind: Option<String>,
    /// How the breach form was verified.
    pub breach_form_verification: String,
    /// Information page on breach notification.
    pub breach_info_url: Option<String>,
    /// Complaint form.
    pub complaint_form_url: Option<String>,
    /// Whom the authority supervises.
    pub competent_for: String,
    /// Where the data comes from.
    pub source: String,
    /// Notes and open points.
    pub notes: Option<String>,
}

static DIRECTORY: Lazy<Vec<SupervisoryAuthority>> = Lazy::new(|| {
    serde_json::from_str(include_str!("../../data/authorities.json"))
        .expect("data/authorities.json is checked by the unit tests")
});

/// Every authority of the directory.
pub fn directory() -> &'static [SupervisoryAuthority] {
    &DIRECTORY
}

/// The authority with directory id `id`.
pub fn by_id(id: &str) -> Option<&'static SupervisoryAuthority> {
    DIRECTORY.iter().find(|a| a.id == id)
}

/// The authority for companies seated in German Land `region` (§ 40 BDSG).
pub fn land_authority(region: &str) -> Option<&'static SupervisoryAuthority> {
    DIRECTORY
        .iter()
        .find(|a| a.state_code.as_deref() == Some(region) && a.id != BAYLFD && a.level == "land")
}

/// The national authority of an EU/EEA country other than Germany.
pub fn national_authority(country: &str) -> Option<&'static SupervisoryAuthority> {
    DIRECTORY
        .iter()
        .find(|a| a.country == country && a.level.starts_with("national"))
}

/// An authority as listed in a verdict.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct AuthorityRef {
    /// Directory id.
    pub id: String,
    /// Country.
    pub country: String,
    /// German Land, if any.
    pub region: Option<String>,
    /// Official name.
    pub name: String,
    /// E-mail (`null` where not confirmed).
    pub email: Option<String>,
    /// Phone.
    pub phone: Option<String>,
    /// Website.
    pub website: Option<String>,
    /// Breach form (`null` where not confirmed).
    pub breach_form_url: Option<String>,
    /// Postal address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// How the breach form was verified.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub breach_form_verification: Option<String>,
}

impl From<&SupervisoryAuthority> for AuthorityRef {
    fn from(a: &SupervisoryAuthority) -> Self {
        AuthorityRef {
            id: a.id.clone(),
            country: a.country.clone(),
            region: a.state_code.clone(),
            name: a.name.clone(),
            email: a.email.clone(),
            phone: Some(a.phone.clone()),
            website: Some(a.website.clone()),
            breach_form_url: a.breach_form_url.clone(),
            address: Some(a.address.clone()),
            breach_form_verification: Some(a.breach_form_verification.clone()),
        }
    }
}

/// The competent authorities and why.
pub(crate) struct Competence {
    pub authorities: Vec<&'static SupervisoryAuthority>,
    pub findings: Vec<AuthorityFinding>,
    pub open_questions: Vec<&'static str>,
}

/// Picks the competent supervisory authorities for the facts.
pub(crate) fn competent(facts: &BreachFacts) -> Competence {
    let mut c = Competence {
        authorities: Vec::new(),
        findings: Vec::new(),
        open_questions: Vec::new(),
    };
    let ctl = &facts.controller;
    if ctl.established_in_eu {
        let country = ctl.country.as_str();
        if country == "DE" {
            if facts.has_context(crate::facts::ControllerContext::TelecomProvider) {
                c.authorities.extend(by_id(BFDI));
                c.findings.push(AuthorityFinding::Telecom);
            } else if let Some(a) = ctl.region.as_ref().and_then(|r| land_authority(r.as_str())) {
                c.authorities.push(a);
                c.findings.push(AuthorityFinding::Land {
                    name: a.name.clone(),
                });
            }
        } else if let Some(a) = national_authority(country) {
            c.authorities.push(a);
            c.findings.push(AuthorityFinding::National {
                name: a.name.clone(),
            });
        } else {
            c.findings.push(AuthorityFinding::NotInEea {
                country: country.to_string(),
            });
            c.open_questions.push("controller.country");
        }
        let cross_border = facts
            .data_subjects
            .residence
            .iter()
            .any(|r| r.as_str() != country);
        if cross_border && !c.authorities.is_empty() {
            c.findings.push(AuthorityFinding::Lead);
        }
    } else {
        c.findings.push(AuthorityFinding::EveryResidence);
        if facts.data_subjects.residence.is_empty() {
            c.open_questions.push("data_subjects.residence");
        }
        for country in &facts.data_subjects.residence {
            let found = if country.as_str() == "DE" {
                // Art. 3(2): the representative's Land points to a Land
                // authority; without it, every Land is an option.
                let rep = facts
                    .representative
                    .as_ref()
                    .and_then(|r| r.region.as_ref())
                    .filter(|r| r.country() == "DE");
                let a = rep.and_then(|r| land_authority(r.as_str()));
                if a.is_none() {
                    c.findings.push(AuthorityFinding::GermanLandUnknown);
                    c.open_questions.push("representative.region");
                }
                a
            } else {
                national_authority(country.as_str())
            };
            if let Some(a) = found {
                if !c.authorities.iter().any(|x| x.id == a.id) {
                    c.authorities.push(a);
                }
            }
        }
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directory_loads_and_every_land_has_its_authority() {
        assert_eq!(directory().len(), 47);
        for land in GERMAN_LAENDER {
            let a = land_authority(land).unwrap_or_else(|| panic!("no authority for {land}"));
            assert_eq!(a.level, "land");
        }
        assert_eq!(land_authority("DE-BY").unwrap().id, "de-by-lda");
        assert_eq!(by_id(BFDI).unwrap().code, "BfDI");
    }

    #[test]
    fn unconfirmed_values_stay_null() {
        // No breach form was found for NRW, Brandenburg or the BfDI: never invent one.
        for id in ["de-nw", "de-bb", "de-bund-bfdi"] {
            assert_eq!(by_id(id).unwrap().breach_form_url, None, "{id}");
        }
        assert_eq!(by_id("fr-cnil").unwrap().email, None);
    }

    #[test]
    fn every_eea_country_has_a_national_authority() {
        for cc in [
            "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "GR", "HU", "IE", "IT",
            "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI",
            "NO",
        ] {
            assert!(national_authority(cc).is_some(), "{cc}");
        }
    }
}
