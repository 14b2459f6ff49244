//! Recital 85 (and 75) harms, derived from the facts (the vocabulary,
//! [`Harm`], belongs to the facts: callers state them too).

use crate::facts::{BreachFacts, BreachType, ControllerContext, DataCategory, Harm, Misuse};
use crate::risk::exposure::Exposure;

/// Derives the likely harms from the facts (Recital 85), in the order of
/// [`Harm::ALL`]. A harm is listed where the facts make it likely, because
/// every listed harm feeds the severity (`severity::harm_floor`).
pub(crate) fn derive(facts: &BreachFacts, exposure: &Exposure) -> Vec<Harm> {
    use DataCategory::*;
    let has = |c: DataCategory| facts.data_categories.contains(&c);
    let seen = |m: Misuse| facts.misuse_observed.contains(&m);
    let disclosed = exposure.confidentiality_disclosed();
    // Every use below stands beside `disclosed`.
    let hostile = exposure.hostile;
    let credentials_usable = has(Credentials) && !exposure.passwords_unintelligible;
    let special = facts.data_categories.iter().any(|c| c.is_special());
    let secrecy = facts.has_context(ControllerContext::ProfessionalSecrecy);
    // Criminals who copied names with further data can phish, defraud or
    // impersonate (EDPB 01/2021 cases 05, 17, 18): an external attack or a
    // malicious insider whose data went to unknown or hostile hands.
    let criminal = disclosed
        && hostile
        && (exposure.exfiltrated || exposure.public || exposure.hostile_recipient)
        && facts.cause.is_attack();
    let profile = identity_profile(facts);
    let mut harms = Vec::new();
    let mut add = |h: Harm, when: bool| {
        if when && !harms.contains(&h) {
            harms.push(h);
        }
    };

    add(
        Harm::LossOfControl,
        disclosed || facts.has_type(BreachType::Integrity),
    );
    add(
        Harm::LimitationOfRights,
        exposure.availability_lost || exposure.integrity_lost,
    );
    add(Harm::Discrimination, disclosed && special);
    add(
        Harm::IdentityTheft,
        disclosed
            && (has(GovernmentId)
                || credentials_usable
                || has(Identity) && (has(BankAccount) || has(PaymentCard))
                || criminal && profile)
            || seen(Misuse::AccountTakeover),
    );
    add(
        Harm::Fraud,
        disclosed && (has(PaymentCard) || has(BankAccount) || credentials_usable)
            || criminal && profile
            || seen(Misuse::Fraud)
            || seen(Misuse::Phishing)
            || seen(Misuse::AccountTakeover),
    );
    add(
        Harm::FinancialLoss,
        disclosed && (has(PaymentCard) || has(BankAccount) || credentials_usable)
            || seen(Misuse::Fraud)
            || seen(Misuse::AccountTakeover),
    );
    add(
        Harm::UnauthorisedReversalOfPseudonymisation,
        exposure.key_compromised,
    );
    add(
        Harm::ReputationalDamage,
        disclosed
            && (special
                || has(Communications)
                || has(Behaviour)
                || has(Financial)
                || exposure.public)
            || seen(Misuse::Publication)
            || seen(Misuse::Extortion),
    );
    add(Harm::LossOfProfessionalSecrecy, disclosed && secrecy);
    add(
        Harm::EconomicOrSocialDisadvantage,
        disclosed && (has(Employment) || has(Financial) || has(Criminal))
            || exposure.availability_permanent,
    );
    // Someone who intends harm and can find the person: physical danger
    // (ICO breach examples, case study 1; Recital 75 "physical damage").
    let findable = has(Location) || has(Contact);
    add(
        Harm::PhysicalHarm,
        (disclosed && findable && (exposure.hostile_recipient || hostile && exposure.vulnerable))
            || seen(Misuse::Stalking)
            || (exposure.availability_lost && exposure.care),
    );
    harms.sort_by_key(|h| Harm::ALL.iter().position(|x| x == h));
    harms
}

/// Names together with contact details and something more about the
/// person (orders, bookings, CV, location, finances, messages, ID numbers):
/// enough for convincing phishing or impersonation (Recital 85; AP,
/// Booking.com 2020: booking details used for phishing). Names with an
/// e-mail address alone are not.
fn identity_profile(facts: &BreachFacts) -> bool {
    use DataCategory::*;
    let has = |c: DataCategory| facts.data_categories.contains(&c);
    has(Identity)
        && has(Contact)
        && facts
            .data_categories
            .iter()
            .any(|c| !matches!(c, Identity | Contact | Credentials))
}
