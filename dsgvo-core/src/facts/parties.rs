//! The parties around a breach beside the controller: its postal address,
//! its representative in the Union (Art. 27), and, for a processor, the
//! controllers it informed (Art. 33(2)).

use serde::{Deserialize, Serialize};

use super::{CountryCode, RegionCode, Timestamp};

/// A postal address (German authority forms ask for the controller's).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PostalAddress {
    /// Street and number.
    pub street: String,
    /// Postal code.
    pub postal_code: String,
    /// City.
    pub city: String,
    /// Country.
    pub country: CountryCode,
}

/// The representative in the Union of a controller not established there
/// (Art. 27). Its presence does not trigger the one-stop shop (EDPB 9/2022
/// para 73), but in Germany its Land points to a Land authority.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Representative {
    /// Name of the representative.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Member state of the representative.
    pub country: CountryCode,
    /// Subdivision (for `DE`, the Land: `DE-BE`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<RegionCode>,
}

/// A controller a processor informed (Art. 33(2)), and when: the
/// controller's 72 hours start then (EDPB 9/2022, section II.A.4).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InformedController {
    /// The controller's name.
    pub name: String,
    /// When the processor informed it.
    pub informed_at: Timestamp,
}
