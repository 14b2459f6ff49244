//! Column headers, German and English, as the common shop exports write
//! them (WooCommerce `billing_email`, Shopware `customer.email`, Shopify
//! `Billing Phone`, JTL-Wawi `cMail`): what they say a column holds. Our
//! list, matched on the normalised header (lower case, letters and digits
//! only, `ß` as `ss`), after taking off a prefix that names the address
//! or the record (`billing`, `shipping`, `customer`, `rechnungs`, …).

use super::kind::ColumnKind;

/// Normalised header names and the kind they name.
const NAMES: &[(&str, ColumnKind)] = {
    use ColumnKind::*;
    &[
        ("email", Email),
        ("mail", Email),
        ("emailaddress", Email),
        ("emailadresse", Email),
        ("useremail", Email),
        ("phone", Phone),
        ("telefon", Phone),
        ("tel", Phone),
        ("telephone", Phone),
        ("phonenumber", Phone),
        ("telefonnummer", Phone),
        ("mobile", Phone),
        ("mobil", Phone),
        ("handy", Phone),
        ("fax", Phone),
        ("name", Name),
        ("firstname", Name),
        ("lastname", Name),
        ("fullname", Name),
        ("vorname", Name),
        ("nachname", Name),
        ("surname", Name),
        ("givenname", Name),
        ("familyname", Name),
        ("displayname", Name),
        ("company", Name),
        ("firma", Name),
        ("address", Street),
        ("address1", Street),
        ("address2", Street),
        ("street", Street),
        ("strasse", Street),
        ("adresse", Street),
        ("hausnummer", Street),
        ("streetaddress", Street),
        ("adresszusatz", Street),
        ("postcode", PostalCode),
        ("zip", PostalCode),
        ("zipcode", PostalCode),
        ("plz", PostalCode),
        ("postleitzahl", PostalCode),
        ("postalcode", PostalCode),
        ("city", City),
        ("ort", City),
        ("stadt", City),
        ("town", City),
        ("country", Country),
        ("land", Country),
        ("countrycode", Country),
        ("countryiso", Country),
        ("birthday", BirthDate),
        ("dateofbirth", BirthDate),
        ("dob", BirthDate),
        ("geburtsdatum", BirthDate),
        ("birthdate", BirthDate),
        ("geburtstag", BirthDate),
        ("gender", Gender),
        ("geschlecht", Gender),
        ("anrede", Gender),
        ("salutation", Gender),
        ("title", Gender),
        ("customerid", CustomerId),
        ("kundennummer", CustomerId),
        ("kundennr", CustomerId),
        ("userid", CustomerId),
        ("customernumber", CustomerId),
        ("kundenid", CustomerId),
        ("iban", Iban),
        ("kontonummer", Iban),
        ("bankaccount", Iban),
        ("accountnumber", Iban),
        ("cardnumber", CardNumber),
        ("ccnumber", CardNumber),
        ("kreditkarte", CardNumber),
        ("kreditkartennummer", CardNumber),
        ("pan", CardNumber),
        ("creditcard", CardNumber),
        ("cardlast4", MaskedCard),
        ("last4", MaskedCard),
        ("maskedpan", MaskedCard),
        ("password", Password),
        ("passwort", Password),
        ("userpass", Password),
        ("pass", Password),
        ("passwordhash", Password),
        ("kennwort", Password),
        ("pwd", Password),
        ("taxid", TaxId),
        ("steuerid", TaxId),
        ("steueridnr", TaxId),
        ("idnr", TaxId),
        ("steueridentifikationsnummer", TaxId),
        ("personalausweisnummer", TaxId),
        ("passportnumber", TaxId),
        ("ausweisnummer", TaxId),
        ("ip", IpAddress),
        ("ipaddress", IpAddress),
        ("ipadresse", IpAddress),
        ("remoteip", IpAddress),
        ("orderid", Order),
        ("ordernumber", Order),
        ("bestellnummer", Order),
        ("ordertotal", Order),
        ("total", Order),
        ("amount", Order),
        ("betrag", Order),
        ("items", Order),
        ("artikel", Order),
        ("orderdate", Order),
        ("bestelldatum", Order),
        ("paymentmethod", Order),
        ("zahlungsart", Order),
        ("shippingmethod", Order),
        ("versandart", Order),
        ("note", FreeText),
        ("notes", FreeText),
        ("comment", FreeText),
        ("kommentar", FreeText),
        ("bemerkung", FreeText),
        ("nachricht", FreeText),
        ("message", FreeText),
        ("ordernote", FreeText),
        ("customernote", FreeText),
        ("date", Date),
        ("datum", Date),
        ("createdat", Date),
        ("datecreated", Date),
        ("updatedat", Date),
        ("timestamp", Date),
        ("zeitpunkt", Date),
    ]
};

/// Prefixes that name whose or which address a column is, taken off before
/// the lookup (and the Hungarian `c` of JTL-Wawi's `cMail`, `cVorname`).
const PREFIXES: &[&str] = &[
    "billing",
    "shipping",
    "customer",
    "rechnungs",
    "liefer",
    "kunden",
    "user",
    "order",
    "c",
];

/// The kind `header` names, if it names one.
///
/// ```
/// use dsgvo_core::scope::{ColumnKind, header_kind};
/// assert_eq!(header_kind("billing_email"), Some(ColumnKind::Email));
/// assert_eq!(header_kind("Customer.Email"), Some(ColumnKind::Email));
/// assert_eq!(header_kind("cVorname"), Some(ColumnKind::Name));
/// assert_eq!(header_kind("Straße"), Some(ColumnKind::Street));
/// assert_eq!(header_kind("sku"), None);
/// ```
pub fn header_kind(header: &str) -> Option<ColumnKind> {
    let normal = normalise(header);
    let find = |n: &str| NAMES.iter().find(|(name, _)| *name == n).map(|(_, k)| *k);
    find(&normal).or_else(|| {
        PREFIXES
            .iter()
            .filter_map(|p| normal.strip_prefix(p))
            .filter(|rest| !rest.is_empty())
            .find_map(find)
    })
}

fn normalise(header: &str) -> String {
    header
        .to_lowercase()
        .replace('ß', "ss")
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use ColumnKind::*;

    #[test]
    fn shop_export_headers_name_their_kind() {
        for (header, kind) in [
            ("billing_email", Email),
            ("billing_first_name", Name),
            ("billing_address_1", Street),
            ("billing_postcode", PostalCode),
            ("billing_country", Country),
            ("shipping_phone", Phone),
            ("customer_ip_address", IpAddress),
            ("customer_note", FreeText),
            ("customer.email", Email),
            ("Billing Name", Name),
            ("Shipping Zip", PostalCode),
            ("cMail", Email),
            ("cPLZ", PostalCode),
            ("Geburtsdatum", BirthDate),
            ("Kundennummer", CustomerId),
            ("user_pass", Password),
            ("E-Mail-Adresse", Email),
        ] {
            assert_eq!(header_kind(header), Some(kind), "{header}");
        }
        for header in ["sku", "quantity", "Menge", "status", "", "c"] {
            assert_eq!(header_kind(header), None, "{header}");
        }
    }
}
