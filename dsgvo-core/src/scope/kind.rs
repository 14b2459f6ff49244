//! What a column holds, and the data category of the facts it gives.

use crate::facts::{DataCategory, closed_set};
use serde::{Deserialize, Serialize};

closed_set!(
    /// What a column of a shop's table holds.
    ColumnKind {
        /// E-mail addresses.
        Email = "email", /// Telephone numbers.
        Phone = "phone", /// Names (first, last or full).
        Name = "name", /// Street and house number, address lines.
        Street = "street", /// Postal codes.
        PostalCode = "postal_code", /// Towns.
        City = "city", /// Countries of an address.
        Country = "country", /// Dates of birth.
        BirthDate = "birth_date", /// Sex, form of address.
        Gender = "gender", /// Customer or user numbers.
        CustomerId = "customer_id", /// IBANs and account numbers.
        Iban = "iban", /// Full payment card numbers.
        CardNumber = "card_number", /// Masked card numbers (last four digits).
        MaskedCard = "masked_card", /// Stored passwords (hashed or not).
        Password = "password", /// Tax and identity document numbers.
        TaxId = "tax_id", /// IP addresses.
        IpAddress = "ip_address", /// Order numbers, amounts, items, order dates.
        Order = "order", /// Other dates and times.
        Date = "date", /// Free text (notes, messages): may hold anything, to be read by a person.
        FreeText = "free_text", /// Nothing personal recognised.
        Other = "other",
    }
);

impl ColumnKind {
    /// The data category (facts `data_categories`) a column of this kind
    /// puts into the scope, if any. Our mapping, following the categories'
    /// definitions in the facts contract: a masked card number is
    /// `financial` (it shows that and how a person paid, but cannot be used
    /// to pay); free text is `communications` (the content of messages); an
    /// IP address is `location` (traffic data).
    pub fn category(self) -> Option<DataCategory> {
        use ColumnKind as K;
        Some(match self {
            K::Email | K::Phone | K::Street | K::PostalCode | K::City | K::Country => {
                DataCategory::Contact
            }
            K::Name | K::BirthDate | K::Gender | K::CustomerId => DataCategory::Identity,
            K::Iban => DataCategory::BankAccount,
            K::CardNumber => DataCategory::PaymentCard,
            K::MaskedCard => DataCategory::Financial,
            K::Password => DataCategory::Credentials,
            K::TaxId => DataCategory::GovernmentId,
            K::IpAddress => DataCategory::Location,
            K::Order => DataCategory::Order,
            K::FreeText => DataCategory::Communications,
            K::Date | K::Other => return None,
        })
    }
}
