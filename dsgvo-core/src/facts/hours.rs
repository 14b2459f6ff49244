//! A duration in hours that may have fractions: an outage of minutes is
//! `0.25`. Whole numbers are written back as integers, so facts stored by
//! earlier versions keep their bytes (and their case-log hashes).

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer, de};

/// A non-negative, finite number of hours.
///
/// ```
/// use dsgvo_core::facts::Hours;
/// let h: Hours = serde_json::from_str("0.25").unwrap();
/// assert_eq!(h.minutes(), 15);
/// assert_eq!(serde_json::to_string(&serde_json::from_str::<Hours>("30").unwrap()).unwrap(), "30");
/// assert!(serde_json::from_str::<Hours>("-1").is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd)]
pub struct Hours(f64);

// Only finite, non-negative values are ever constructed, so equality is total.
impl Eq for Hours {}

impl Hours {
    /// Checks and wraps a number of hours.
    ///
    /// # Errors
    /// When `h` is negative, infinite or NaN.
    pub fn new(h: f64) -> Result<Hours, String> {
        if h.is_finite() && h >= 0.0 {
            Ok(Hours(h))
        } else {
            Err(format!("must be a non-negative number of hours (got {h})"))
        }
    }

    /// The hours.
    pub fn get(self) -> f64 {
        self.0
    }

    /// Whole minutes, rounded down (used for exact comparisons).
    pub fn minutes(self) -> u64 {
        // Finite and non-negative: the cast saturates for absurd values.
        (self.0 * 60.0).floor() as u64
    }
}

impl fmt::Display for Hours {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl Serialize for Hours {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.0.fract() == 0.0 && self.0 < 9_007_199_254_740_992.0 {
            s.serialize_u64(self.0 as u64)
        } else {
            s.serialize_f64(self.0)
        }
    }
}

impl<'de> Deserialize<'de> for Hours {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let h = f64::deserialize(d)?;
        Hours::new(h).map_err(de::Error::custom)
    }
}

impl schemars::JsonSchema for Hours {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Hours".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "number",
            "minimum": 0,
            "description": "Hours; fractions allowed (0.25 = 15 minutes)"
        })
    }
}
