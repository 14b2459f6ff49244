//! The likely consequences named in Recital 85 (and 75): facts vocabulary,
//! because callers state them (`likely_consequences`) and the risk engine
//! derives them.

use serde::{Deserialize, Serialize};

use super::closed_set;

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
