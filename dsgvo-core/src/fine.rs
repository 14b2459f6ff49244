//! The ceilings of administrative fines under Art. 83(4) and (5) GDPR for a
//! given worldwide annual turnover: the fixed amount or the percentage,
//! whichever is higher.

use serde::{Deserialize, Serialize};

use crate::options::Language;
use crate::reason::Reason;

/// Art. 83(4): EUR 10 000 000.
pub const ART83_4_FIXED_EUR: u64 = 10_000_000;
/// Art. 83(5): EUR 20 000 000.
pub const ART83_5_FIXED_EUR: u64 = 20_000_000;

/// The two ceilings, in whole euros.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct FineCeilings {
    /// Art. 83(4): obligations of controllers and processors under Arts. 8,
    /// 11, 25–39 (including Art. 32, 33 and 34), 42, 43.
    pub art83_4_eur: u64,
    /// Art. 83(5) (and (6)): principles, legal bases, data-subject rights,
    /// transfers, non-compliance with orders of the authority.
    pub art83_5_eur: u64,
    /// How each ceiling was found.
    pub reasons: Vec<Reason>,
}

/// The ceilings for an undertaking with `turnover_eur` worldwide annual
/// turnover in the preceding financial year (`None`: not an undertaking or
/// unknown — the fixed amounts apply).
///
/// ```
/// use dsgvo_core::{Language, fine::fine_ceilings};
/// let small = fine_ceilings(Some(3_000_000), Language::En);
/// assert_eq!((small.art83_4_eur, small.art83_5_eur), (10_000_000, 20_000_000));
/// let large = fine_ceilings(Some(2_000_000_000), Language::En);
/// assert_eq!((large.art83_4_eur, large.art83_5_eur), (40_000_000, 80_000_000));
/// ```
pub fn fine_ceilings(turnover_eur: Option<u64>, lang: Language) -> FineCeilings {
    let two_percent = turnover_eur.map(|t| t / 50).unwrap_or(0);
    let four_percent = turnover_eur.map(|t| t / 25).unwrap_or(0);
    let art83_4_eur = ART83_4_FIXED_EUR.max(two_percent);
    let art83_5_eur = ART83_5_FIXED_EUR.max(four_percent);
    let eur = |n: u64| crate::label::count(n, lang);
    let line = |fixed: u64, pct: u32, share: u64, ceiling: u64| match (lang, turnover_eur) {
        (Language::De, Some(t)) => format!(
            "Höchstbetrag {} EUR: der höhere Wert aus {} EUR und {pct} % des weltweiten Jahresumsatzes des vorangegangenen Geschäftsjahrs ({} EUR von {} EUR).",
            eur(ceiling),
            eur(fixed),
            eur(share),
            eur(t)
        ),
        (Language::En, Some(t)) => format!(
            "Ceiling EUR {}: the higher of EUR {} and {pct} % of the total worldwide annual turnover of the preceding financial year (EUR {} of EUR {}).",
            eur(ceiling),
            eur(fixed),
            eur(share),
            eur(t)
        ),
        (Language::De, None) => format!(
            "Höchstbetrag {} EUR (kein Unternehmen oder Umsatz unbekannt).",
            eur(ceiling)
        ),
        (Language::En, None) => format!(
            "Ceiling EUR {} (not an undertaking, or turnover unknown).",
            eur(ceiling)
        ),
    };
    let reasons = vec![
        Reason {
            code: "art83_4".into(),
            text: line(ART83_4_FIXED_EUR, 2, two_percent, art83_4_eur),
            source: "Art. 83(4) GDPR (includes Art. 32, 33, 34)".into(),
        },
        Reason {
            code: "art83_5".into(),
            text: line(ART83_5_FIXED_EUR, 4, four_percent, art83_5_eur),
            source: "Art. 83(5), (6) GDPR".into(),
        },
        Reason {
            code: "ceiling_not_amount".into(),
            text: match lang {
                Language::De => "Das sind Obergrenzen, keine zu erwartenden Beträge: Die Behörde bemisst ein Bußgeld nach Art. 83 Abs. 2 (u. a. Schwere, Vorsatz, Schadensminderung, TOM, Zusammenarbeit, ob der Verstoß gemeldet wurde). In Deutschland keine Bußgelder gegen öffentliche Stellen (§ 43 Abs. 3 BDSG).".into(),
                Language::En => "These are ceilings, not expected amounts: the authority sets a fine under Art. 83(2) (gravity, intent, mitigation, TOMs, cooperation, whether the infringement was notified, ...). In Germany no fines against public bodies (§ 43(3) BDSG).".into(),
            },
            source: "Art. 83(2) GDPR; § 43(3) BDSG".into(),
        },
    ];
    FineCeilings {
        art83_4_eur,
        art83_5_eur,
        reasons,
    }
}
