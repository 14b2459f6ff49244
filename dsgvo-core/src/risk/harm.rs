//! Recital 85 (and 75) harms, derived from the facts.

use serde::{Deserialize, Serialize};

use crate::facts::{BreachFacts, BreachType, DataCategory, closed_set};
use crate::risk::exposure::Exposure;

closed_set!(
    /// Physical, material or non-material damage named in Recital 85 (and 75).
    Harm {
        /// Loss of control over their personal data.
        LossOfControl = "loss_of_control", /// Limitation of their rights.
        LimitationOfRights = "limitation_of_rights", /// Discrimination.
        Discrimination = "discrimination", /// Identity theft.
        IdentityTheft = "identity_theft", /// Fraud.
        Fraud = "fraud", /// Financial loss.
        FinancialLoss = "financial_loss", /// Unauthorised reversal of pseudonymisation.
        UnauthorisedReversalOfPseudonymisation = "unauthorised_reversal_of_pseudonymisation", /// Damage to reputation.
        ReputationalDamage = "reputational_damage", /// Loss of confidentiality of data protected by professional secrecy.
        LossOfProfessionalSecrecy = "loss_of_professional_secrecy", /// Any other significant economic or social disadvantage.
        EconomicOrSocialDisadvantage = "economic_or_social_disadvantage", /// Physical harm (Recital 75: physical damage).
        PhysicalHarm = "physical_harm",
    }
);

/// Derives the likely harms from the facts (Recital 85), in the order of
/// [`Harm::ALL`].
pub(crate) fn derive(
    facts: &BreachFacts,
    exposure: &Exposure,
    professional_secrecy: bool,
) -> Vec<Harm> {
    use DataCategory::*;
    let has = |c: DataCategory| facts.data_categories.contains(&c);
    let disclosed = exposure.confidentiality_disclosed();
    let hostile = disclosed && exposure.hostile;
    let credentials_usable = has(Credentials) && !exposure.passwords_unintelligible;
    let special = facts.data_categories.iter().any(|c| c.is_special());
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
    add(
        Harm::Discrimination,
        disclosed && (special || has(Employment) && hostile),
    );
    add(
        Harm::IdentityTheft,
        disclosed
            && (has(GovernmentId)
                || credentials_usable
                || has(Identity) && (has(BankAccount) || has(PaymentCard))),
    );
    add(
        Harm::Fraud,
        disclosed
            && (has(PaymentCard)
                || has(BankAccount)
                || credentials_usable
                || hostile && (has(Contact) || has(Order))),
    );
    add(
        Harm::FinancialLoss,
        disclosed
            && (has(PaymentCard)
                || has(BankAccount)
                || credentials_usable
                || has(Financial) && hostile),
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
                || exposure.public),
    );
    add(
        Harm::LossOfProfessionalSecrecy,
        disclosed && professional_secrecy,
    );
    add(
        Harm::EconomicOrSocialDisadvantage,
        disclosed && (has(Employment) || has(Financial) || has(Criminal))
            || exposure.availability_permanent,
    );
    add(
        Harm::PhysicalHarm,
        (disclosed
            && facts.data_subjects.vulnerable() == crate::facts::Tristate::Yes
            && (has(Location) || has(Contact))
            && hostile)
            || (exposure.availability_lost && exposure.health_context),
    );
    harms.sort_by_key(|h| Harm::ALL.iter().position(|x| x == h));
    harms
}
