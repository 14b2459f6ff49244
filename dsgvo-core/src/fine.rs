//! The ceilings of administrative fines under Art. 83(4) and (5) GDPR: the
//! fixed amount or the percentage of the **undertaking's** total worldwide
//! annual turnover of the preceding financial year, whichever is higher.
//!
//! "Undertaking" is the economic unit of competition law (Recital 150;
//! Art. 101, 102 TFEU): where the controller or processor belongs to a
//! group, the group's turnover sets the ceiling, not the subsidiary's
//! (CJEU C-807/21 Deutsche Wohnen, paras 54–55; C-383/23 ILVA,
//! 13 February 2025). What the caller does not know is stated as a lower
//! bound ("at least"), never as a cap. Amounts are exact in euro cents; a
//! share below one cent is cut off (a ceiling may not exceed the percentage).

use serde::{Deserialize, Serialize};

use crate::facts::closed_set;
use crate::options::Language;
use crate::reason::Reason;

/// Art. 83(4): EUR 10 000 000.
pub const ART83_4_FIXED_EUR: u64 = 10_000_000;
/// Art. 83(5): EUR 20 000 000.
pub const ART83_5_FIXED_EUR: u64 = 20_000_000;

const CJEU: &str = "Recital 150 GDPR; CJEU C-807/21 Deutsche Wohnen, paras 54–55; CJEU C-383/23 ILVA, 13 February 2025 (ECLI:EU:C:2025:84)";

/// What the ceilings are computed from. Turnovers are the total worldwide
/// annual turnover of the preceding financial year, in euro cents.
///
/// Which turnover to pass: the **undertaking's** — the economic unit the
/// controller or processor belongs to. For a subsidiary under the decisive
/// influence of its parent that is the group's consolidated turnover, not
/// its own. Pass the own turnover as well when it is known; it is used only
/// as a lower bound when the undertaking's is not.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
pub struct FineFacts {
    /// The undertaking's (group's) turnover, in cents; `None`: not known.
    #[serde(default)]
    pub undertaking_turnover_cents: Option<u64>,
    /// The controller's or processor's own turnover as a legal entity, in
    /// cents; `None`: not known.
    #[serde(default)]
    pub own_turnover_cents: Option<u64>,
    /// Whether the legal entity forms an economic unit with others (parent
    /// or subsidiaries under decisive influence); `None`: not assessed.
    #[serde(default)]
    pub part_of_group: Option<bool>,
}

closed_set!(
    /// Whether a ceiling is the exact ceiling or only a lower bound of it.
    Bound {
        /// The undertaking's turnover is known: this is the ceiling.
        Exact = "exact",
        /// The undertaking's turnover is not known: the ceiling is at least this.
        AtLeast = "at_least",
    }
);

closed_set!(
    /// Which turnover the ceilings rest on.
    TurnoverBasis {
        /// The undertaking's (group's) turnover as given.
        Undertaking = "undertaking",
        /// The entity's own turnover; it is not part of a group, so its
        /// turnover is the undertaking's.
        OwnNotInGroup = "own_not_in_group",
        /// Only the entity's own turnover is known, and it is or may be part
        /// of a group: a lower bound.
        OwnOnly = "own_only",
        /// No turnover is known: the fixed amounts as a lower bound.
        Unknown = "unknown",
    }
);

/// One ceiling.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Ceiling {
    /// The amount in euro cents.
    pub cents: u64,
    /// Exact, or a lower bound.
    pub bound: Bound,
}

/// The two ceilings, explained.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct FineCeilings {
    /// Art. 83(4): obligations of controllers and processors under Arts. 8,
    /// 11, 25–39 (including Art. 32, 33 and 34), 42, 43.
    pub art83_4: Ceiling,
    /// Art. 83(5) (and (6)): principles, legal bases, data-subject rights,
    /// transfers, non-compliance with orders of the authority.
    pub art83_5: Ceiling,
    /// Art. 83(3): several infringements in the same or linked processing
    /// operations are fined in total at most the ceiling of the gravest one
    /// — at most `art83_5` when one of them falls under Art. 83(5), else at
    /// most `art83_4`.
    pub linked_infringements: Ceiling,
    /// The turnover the ceilings rest on.
    pub basis: TurnoverBasis,
    /// `art83_4` in whole euros (cut off below one euro), for callers of
    /// the first version.
    pub art83_4_eur: u64,
    /// `art83_5` in whole euros (cut off below one euro).
    pub art83_5_eur: u64,
    /// How each ceiling was found.
    pub reasons: Vec<Reason>,
}

/// Facts that contradict each other.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FineError {
    /// The undertaking's turnover includes the entity's own.
    #[error(
        "undertaking_turnover_cents: {undertaking} is below own_turnover_cents {own}; the undertaking's turnover includes the entity's own"
    )]
    UndertakingBelowOwn {
        /// The undertaking's turnover given.
        undertaking: u64,
        /// The own turnover given.
        own: u64,
    },
    /// An undertaking turnover different from the own one, for an entity
    /// said not to be part of a group.
    #[error(
        "part_of_group: false, but undertaking_turnover_cents {undertaking} differs from own_turnover_cents {own}"
    )]
    NotInGroupButDifferent {
        /// The undertaking's turnover given.
        undertaking: u64,
        /// The own turnover given.
        own: u64,
    },
}

/// The ceilings for `facts`.
///
/// # Errors
/// Contradicting facts ([`FineError`]), naming the field.
///
/// # Examples
/// The ILVA figures: a subsidiary with EUR 241 M in a group with EUR 881 M.
/// ```
/// use dsgvo_core::{Language, fine::{Bound, FineFacts, fine_ceilings_for}};
/// let group = FineFacts {
///     undertaking_turnover_cents: Some(881_000_000_00),
///     own_turnover_cents: Some(241_000_000_00),
///     part_of_group: Some(true),
/// };
/// let f = fine_ceilings_for(&group, Language::En).unwrap();
/// assert_eq!((f.art83_4.cents, f.art83_5.cents), (17_620_000_00, 35_240_000_00));
/// assert_eq!(f.art83_4.bound, Bound::Exact);
/// // Only the subsidiary's own turnover known: at least the fixed amounts.
/// let own = FineFacts { undertaking_turnover_cents: None, ..group };
/// let f = fine_ceilings_for(&own, Language::En).unwrap();
/// assert_eq!((f.art83_4.cents, f.art83_4.bound), (10_000_000_00, Bound::AtLeast));
/// ```
pub fn fine_ceilings_for(facts: &FineFacts, lang: Language) -> Result<FineCeilings, FineError> {
    let (turnover, basis) = basis(facts)?;
    let bound = match basis {
        TurnoverBasis::Undertaking | TurnoverBasis::OwnNotInGroup => Bound::Exact,
        TurnoverBasis::OwnOnly | TurnoverBasis::Unknown => Bound::AtLeast,
    };
    let ceiling = |fixed_eur: u64, percent: u64| Ceiling {
        cents: (fixed_eur * 100).max(share(turnover, percent)),
        bound,
    };
    let art83_4 = ceiling(ART83_4_FIXED_EUR, 2);
    let art83_5 = ceiling(ART83_5_FIXED_EUR, 4);
    let reasons = vec![
        basis_reason(basis, facts, turnover, lang),
        ceiling_reason("art83_4", art83_4, ART83_4_FIXED_EUR, 2, turnover, lang),
        ceiling_reason("art83_5", art83_5, ART83_5_FIXED_EUR, 4, turnover, lang),
        linked_reason(art83_4, art83_5, lang),
        not_an_amount_reason(lang),
    ];
    Ok(FineCeilings {
        art83_4,
        art83_5,
        linked_infringements: art83_5,
        basis,
        art83_4_eur: art83_4.cents / 100,
        art83_5_eur: art83_5.cents / 100,
        reasons,
    })
}

/// The ceilings for an undertaking whose turnover is `turnover_eur` whole
/// euros (`None`: unknown — the fixed amounts as a lower bound). The first
/// version's entry point; [`fine_ceilings_for`] also takes the entity's own
/// turnover and whether it belongs to a group.
///
/// ```
/// use dsgvo_core::{Language, fine::fine_ceilings};
/// let small = fine_ceilings(Some(3_000_000), Language::En);
/// assert_eq!((small.art83_4_eur, small.art83_5_eur), (10_000_000, 20_000_000));
/// let large = fine_ceilings(Some(2_000_000_000), Language::En);
/// assert_eq!((large.art83_4_eur, large.art83_5_eur), (40_000_000, 80_000_000));
/// ```
pub fn fine_ceilings(turnover_eur: Option<u64>, lang: Language) -> FineCeilings {
    let facts = FineFacts {
        undertaking_turnover_cents: turnover_eur.map(|t| t.saturating_mul(100)),
        ..FineFacts::default()
    };
    fine_ceilings_for(&facts, lang).expect("one turnover cannot contradict itself")
}

/// The turnover the ceilings rest on, and why.
fn basis(f: &FineFacts) -> Result<(Option<u64>, TurnoverBasis), FineError> {
    match (
        f.undertaking_turnover_cents,
        f.own_turnover_cents,
        f.part_of_group,
    ) {
        (Some(undertaking), Some(own), _) if undertaking < own => {
            Err(FineError::UndertakingBelowOwn { undertaking, own })
        }
        (Some(undertaking), Some(own), Some(false)) if undertaking != own => {
            Err(FineError::NotInGroupButDifferent { undertaking, own })
        }
        (Some(u), _, _) => Ok((Some(u), TurnoverBasis::Undertaking)),
        (None, Some(own), Some(false)) => Ok((Some(own), TurnoverBasis::OwnNotInGroup)),
        (None, Some(own), _) => Ok((Some(own), TurnoverBasis::OwnOnly)),
        (None, None, _) => Ok((None, TurnoverBasis::Unknown)),
    }
}

/// `percent` % of `turnover` cents, cut off below one cent.
fn share(turnover: Option<u64>, percent: u64) -> u64 {
    turnover.map_or(0, |t| {
        u64::try_from(u128::from(t) * u128::from(percent) / 100)
            .expect("a share is below the whole")
    })
}

/// `EUR 17,620,000.00` / `17.620.000,00 EUR`.
fn money(cents: u64, lang: Language) -> String {
    let euros = crate::label::count(cents / 100, lang);
    let rest = cents % 100;
    match lang {
        Language::De => format!("{euros},{rest:02} EUR"),
        Language::En => format!("EUR {euros}.{rest:02}"),
    }
}

use crate::explain::cited_reason as reason;

fn basis_reason(
    basis: TurnoverBasis,
    f: &FineFacts,
    turnover: Option<u64>,
    lang: Language,
) -> Reason {
    let amount = turnover.map(|t| money(t, lang)).unwrap_or_default();
    let own = f.own_turnover_cents.map(|t| money(t, lang));
    let text = match (basis, lang) {
        (TurnoverBasis::Undertaking, Language::De) => format!(
            "Maßgeblich ist der Umsatz des Unternehmens im Sinne des Wettbewerbsrechts, also der wirtschaftlichen Einheit (bei einem Konzern der Konzernumsatz): {amount}{}.",
            own.map(|o| format!("; der eigene Umsatz des Verantwortlichen ({o}) ist darin enthalten und nicht maßgeblich")).unwrap_or_default()
        ),
        (TurnoverBasis::Undertaking, Language::En) => format!(
            "What counts is the turnover of the undertaking in the sense of competition law, i.e. the economic unit (for a group, the group's turnover): {amount}{}.",
            own.map(|o| format!("; the entity's own turnover ({o}) is part of it and does not set the ceiling")).unwrap_or_default()
        ),
        (TurnoverBasis::OwnNotInGroup, Language::De) => format!(
            "Der Verantwortliche gehört keiner Unternehmensgruppe an: Sein eigener Umsatz ist der des Unternehmens ({amount})."
        ),
        (TurnoverBasis::OwnNotInGroup, Language::En) => format!(
            "The entity belongs to no group: its own turnover is the undertaking's ({amount})."
        ),
        (TurnoverBasis::OwnOnly, Language::De) => format!(
            "Bekannt ist nur der eigene Umsatz ({amount}). Gehört der Verantwortliche zu einer Unternehmensgruppe, zählt deren Umsatz; die Obergrenzen sind daher mindestens so hoch wie angegeben. Geben Sie den Umsatz der wirtschaftlichen Einheit an."
        ),
        (TurnoverBasis::OwnOnly, Language::En) => format!(
            "Only the entity's own turnover is known ({amount}). If it belongs to a group, the group's turnover counts, so the ceilings are at least the amounts given. Pass the economic unit's turnover."
        ),
        (TurnoverBasis::Unknown, Language::De) => "Der Umsatz ist nicht bekannt: Die Festbeträge sind die Untergrenze der Obergrenzen; bei einem Unternehmen mit mehr als 500.000.000 EUR Umsatz (Konzernumsatz) liegen sie höher. Nur wer kein Unternehmen ist, hat genau die Festbeträge als Obergrenze.".to_string(),
        (TurnoverBasis::Unknown, Language::En) => "The turnover is not known: the fixed amounts are the lower bound of the ceilings; for an undertaking (group) with more than EUR 500,000,000 turnover they are higher. Only where the entity is not an undertaking are the fixed amounts exactly the ceilings.".to_string(),
    };
    reason(
        "turnover_basis",
        text,
        &format!("Art. 83(4), (5) GDPR; {CJEU}"),
        lang,
    )
}

fn ceiling_reason(
    code: &str,
    c: Ceiling,
    fixed_eur: u64,
    percent: u64,
    turnover: Option<u64>,
    lang: Language,
) -> Reason {
    let at_least = c.bound == Bound::AtLeast;
    let ceiling = money(c.cents, lang);
    let fixed = money(fixed_eur * 100, lang);
    let text = match (lang, turnover) {
        (Language::De, Some(t)) => format!(
            "Höchstbetrag {}{ceiling}: der höhere Wert aus {fixed} und {percent} % des weltweiten Jahresumsatzes des vorangegangenen Geschäftsjahrs ({} von {}).",
            if at_least { "mindestens " } else { "" },
            money(share(Some(t), percent), lang),
            money(t, lang)
        ),
        (Language::En, Some(t)) => format!(
            "Ceiling {}{ceiling}: the higher of {fixed} and {percent} % of the total worldwide annual turnover of the preceding financial year ({} of {}).",
            if at_least { "at least " } else { "" },
            money(share(Some(t), percent), lang),
            money(t, lang)
        ),
        (Language::De, None) => format!(
            "Höchstbetrag mindestens {ceiling} (Festbetrag; {percent} % des Umsatzes, wenn das mehr ist)."
        ),
        (Language::En, None) => format!(
            "Ceiling at least {ceiling} (the fixed amount; {percent} % of turnover where that is more)."
        ),
    };
    let source = if code == "art83_4" {
        "Art. 83(4) GDPR (includes Art. 32, 33, 34)"
    } else {
        "Art. 83(5), (6) GDPR"
    };
    reason(code, text, source, lang)
}

fn linked_reason(art83_4: Ceiling, art83_5: Ceiling, lang: Language) -> Reason {
    let (four, five) = (money(art83_4.cents, lang), money(art83_5.cents, lang));
    let text = match lang {
        Language::De => format!(
            "Mehrere Verstöße bei denselben oder miteinander verbundenen Verarbeitungsvorgängen: Der Gesamtbetrag übersteigt nicht den Höchstbetrag für den schwerwiegendsten Verstoß – {four}, wenn alle unter Art. 83 Abs. 4 fallen, {five}, wenn einer unter Art. 83 Abs. 5 fällt."
        ),
        Language::En => format!(
            "Several infringements in the same or linked processing operations: the total does not exceed the ceiling for the gravest infringement — {four} where all fall under Art. 83(4), {five} where one falls under Art. 83(5)."
        ),
    };
    reason("art83_3", text, "Art. 83(3) GDPR", lang)
}

fn not_an_amount_reason(lang: Language) -> Reason {
    let text = match lang {
        Language::De => {
            "Das sind Obergrenzen, keine zu erwartenden Beträge: Die Behörde bemisst ein Bußgeld nach Art. 83 Abs. 2 (u. a. Schwere, Vorsatz, Schadensminderung, TOM, Zusammenarbeit, ob der Verstoß gemeldet wurde). In Deutschland keine Bußgelder gegen öffentliche Stellen (§ 43 Abs. 3 BDSG)."
        }
        Language::En => {
            "These are ceilings, not expected amounts: the authority sets a fine under Art. 83(2) (gravity, intent, mitigation, TOMs, cooperation, whether the infringement was notified, ...). In Germany no fines against public bodies (§ 43(3) BDSG)."
        }
    };
    reason(
        "ceiling_not_amount",
        text.to_string(),
        "Art. 83(2) GDPR; § 43(3) BDSG",
        lang,
    )
}
