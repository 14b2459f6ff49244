//! The four levels of each axis of the risk matrix, counted in quarters so
//! that every step is exact integer arithmetic.

use serde::{Deserialize, Serialize};

use crate::facts::closed_set;

closed_set!(
    /// A level of likelihood or of severity (German: geringfügig,
    /// überschaubar, substanziell, groß — the four-step scale German
    /// authorities use for risk assessments; DSK Kurzpapier Nr. 18,
    /// wording NOT VERIFIED against the paper in this repository).
    Level {
        /// Score below 2 (1.0–1.75).
        Negligible = "negligible",
        /// Score 2 to below 3.
        Limited = "limited",
        /// Score 3 to below 4.
        Significant = "significant",
        /// Score 4.
        Maximum = "maximum",
    }
);

impl Level {
    /// The level of a score given in quarters (score × 4; 4 = 1.0).
    pub fn from_quarters(q: u16) -> Level {
        match q {
            0..8 => Level::Negligible,
            8..12 => Level::Limited,
            12..16 => Level::Significant,
            _ => Level::Maximum,
        }
    }

    /// The lowest score of the level, in quarters.
    pub fn floor_quarters(self) -> u16 {
        match self {
            Level::Negligible => 4,
            Level::Limited => 8,
            Level::Significant => 12,
            Level::Maximum => 16,
        }
    }

    pub(crate) fn index(self) -> usize {
        match self {
            Level::Negligible => 0,
            Level::Limited => 1,
            Level::Significant => 2,
            Level::Maximum => 3,
        }
    }
}
