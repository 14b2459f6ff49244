//! Small value types of the facts: tri-state answers, approximate counts,
//! country and region codes.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer, de};

use crate::parse::Contradiction;

/// `true`, `false` or `"unknown"`: many facts are not known at hour zero.
/// An unknown fact is assessed as its worse plausible value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tristate {
    /// `true`
    Yes,
    /// `false`
    No,
    /// `"unknown"`
    Unknown,
}

impl Tristate {
    /// `Some(bool)` when known.
    pub fn known(self) -> Option<bool> {
        match self {
            Tristate::Yes => Some(true),
            Tristate::No => Some(false),
            Tristate::Unknown => None,
        }
    }
}

impl From<bool> for Tristate {
    fn from(b: bool) -> Self {
        if b { Tristate::Yes } else { Tristate::No }
    }
}

impl Serialize for Tristate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Tristate::Yes => s.serialize_bool(true),
            Tristate::No => s.serialize_bool(false),
            Tristate::Unknown => s.serialize_str("unknown"),
        }
    }
}

impl<'de> Deserialize<'de> for Tristate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl de::Visitor<'_> for Visitor {
            type Value = Tristate;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("true, false or \"unknown\"")
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Tristate, E> {
                Ok(v.into())
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Tristate, E> {
                match v {
                    "unknown" => Ok(Tristate::Unknown),
                    _ => Err(E::unknown_variant(v, &["true", "false", "unknown"])),
                }
            }
        }
        d.deserialize_any(Visitor)
    }
}

impl schemars::JsonSchema for Tristate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Tristate".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "true, false or \"unknown\" (assessed as the worse plausible value)",
            "oneOf": [ { "type": "boolean" }, { "const": "unknown" } ]
        })
    }
}

/// `"yes"`, `"no"` or `"unknown"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// `"yes"`
    Yes,
    /// `"no"`
    No,
    /// `"unknown"`
    Unknown,
}

/// An approximate number (Art. 33(3)(a) and (4) allow approximations): a
/// plain integer or `{ "min": .., "max": .. }`. The form the caller used is
/// kept when the facts are written back.
///
/// ```
/// use dsgvo_core::facts::ApproxCount;
/// let c: ApproxCount = serde_json::from_str(r#"{"min": 300, "max": 800}"#).unwrap();
/// assert_eq!((c.min(), c.max()), (300, 800));
/// assert!(serde_json::from_str::<ApproxCount>(r#"{"min": 9, "max": 1}"#).is_err());
/// assert!(serde_json::from_str::<ApproxCount>("-3").is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ApproxCount {
    /// A known number.
    Exact(u64),
    /// A range; `min <= max`.
    Range {
        /// Lower bound.
        min: u64,
        /// Upper bound.
        max: u64,
    },
}

impl ApproxCount {
    /// The lower bound.
    pub fn min(self) -> u64 {
        match self {
            ApproxCount::Exact(n) => n,
            ApproxCount::Range { min, .. } => min,
        }
    }
    /// The upper bound.
    pub fn max(self) -> u64 {
        match self {
            ApproxCount::Exact(n) => n,
            ApproxCount::Range { max, .. } => max,
        }
    }
}

impl fmt::Display for ApproxCount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            ApproxCount::Exact(n) => write!(f, "{n}"),
            ApproxCount::Range { min, max } if min == max => write!(f, "{min}"),
            ApproxCount::Range { min, max } => write!(f, "{min}–{max}"),
        }
    }
}

impl Serialize for ApproxCount {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        match *self {
            ApproxCount::Exact(n) => s.serialize_u64(n),
            ApproxCount::Range { min, max } => {
                let mut st = s.serialize_struct("ApproxCount", 2)?;
                st.serialize_field("min", &min)?;
                st.serialize_field("max", &max)?;
                st.end()
            }
        }
    }
}

impl<'de> Deserialize<'de> for ApproxCount {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> de::Visitor<'de> for Visitor {
            type Value = ApproxCount;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a non-negative integer or {\"min\": .., \"max\": ..}")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<ApproxCount, E> {
                Ok(ApproxCount::Exact(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<ApproxCount, E> {
                u64::try_from(v)
                    .map(ApproxCount::Exact)
                    .map_err(|_| E::custom(format!("must not be negative (got {v})")))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<ApproxCount, E> {
                Err(E::custom(format!("must be a whole number (got {v})")))
            }
            fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<ApproxCount, A::Error> {
                let (mut min, mut max) = (None, None);
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "min" => min = Some(map.next_value::<Bound>()?.0),
                        "max" => max = Some(map.next_value::<Bound>()?.0),
                        other => return Err(de::Error::unknown_field(other, &["min", "max"])),
                    }
                }
                let min = min.ok_or_else(|| de::Error::missing_field("min"))?;
                let max = max.ok_or_else(|| de::Error::missing_field("max"))?;
                if min > max {
                    return Err(de::Error::custom(Contradiction(format!(
                        "min ({min}) is greater than max ({max})"
                    ))));
                }
                Ok(ApproxCount::Range { min, max })
            }
        }
        d.deserialize_any(Visitor)
    }
}

/// One bound of a range: a non-negative integer with a clear error otherwise.
struct Bound(u64);

impl<'de> Deserialize<'de> for Bound {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match ApproxCount::deserialize(d)? {
            ApproxCount::Exact(n) => Ok(Bound(n)),
            ApproxCount::Range { .. } => Err(de::Error::custom("a bound must be a plain integer")),
        }
    }
}

impl schemars::JsonSchema for ApproxCount {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "ApproxCount".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A number or an approximate range (Art. 33(3)(a), 33(4)); min <= max",
            "oneOf": [
                { "type": "integer", "minimum": 0 },
                {
                    "type": "object",
                    "properties": {
                        "min": { "type": "integer", "minimum": 0 },
                        "max": { "type": "integer", "minimum": 0 }
                    },
                    "required": ["min", "max"],
                    "additionalProperties": false
                }
            ]
        })
    }
}

macro_rules! code_newtype {
    ($(#[$doc:meta])* $name:ident, $check:expr, $expected:literal, $pattern:literal) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// Checks and wraps a code.
            pub fn new(code: &str) -> Result<Self, String> {
                let check: fn(&str) -> bool = $check;
                if check(code) {
                    Ok($name(code.to_string()))
                } else {
                    Err(format!(concat!("\"{}\" is not ", $expected), code))
                }
            }
            /// The code as written.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                $name::new(&s).map_err(de::Error::custom)
            }
        }

        impl schemars::JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }
            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({ "type": "string", "pattern": $pattern, "description": $expected })
            }
        }
    };
}

code_newtype!(
    /// ISO 3166-1 alpha-2 country code, upper case (`DE`, `AT`, `US`): one
    /// of the 249 codes ISO assigns (the `isocountry` crate's list), so a
    /// typo such as `XX`, or the EU's own `EL` and `UK`, is refused.
    CountryCode,
    |s| s.len() == 2
        && s.bytes().all(|b| b.is_ascii_uppercase())
        && isocountry::CountryCode::for_alpha2(s).is_ok(),
    "an assigned ISO 3166-1 alpha-2 country code in upper case (e.g. \"DE\"; Greece is \"GR\", the United Kingdom \"GB\")",
    "^[A-Z]{2}$"
);

code_newtype!(
    /// ISO 3166-2 subdivision code (`DE-BY`).
    RegionCode,
    |s| {
        let (country, sub) = s.split_once('-').unwrap_or(("", ""));
        country.len() == 2
            && country.bytes().all(|b| b.is_ascii_uppercase())
            && (1..=3).contains(&sub.len())
            && sub.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
    },
    "an ISO 3166-2 subdivision code (e.g. \"DE-BY\")",
    "^[A-Z]{2}-[A-Z0-9]{1,3}$"
);

impl RegionCode {
    /// The country part (`DE` of `DE-BY`).
    pub fn country(&self) -> &str {
        &self.0[..2]
    }
}

/// ISO 3166-2 codes of the 16 German Länder.
pub const GERMAN_LAENDER: [&str; 16] = [
    "DE-BW", "DE-BY", "DE-BE", "DE-BB", "DE-HB", "DE-HH", "DE-HE", "DE-MV", "DE-NI", "DE-NW",
    "DE-RP", "DE-SL", "DE-SN", "DE-ST", "DE-SH", "DE-TH",
];
