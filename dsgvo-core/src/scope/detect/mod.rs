//! Value detectors: each says whether one cell holds a value of its kind,
//! validated where the kind has a rule (the IBAN's mod-97 check, the Luhn
//! digit of a card number, the check digit of the German tax id, a real
//! calendar date, an IP address that parses), never a loose pattern alone.
//! They read one value and keep nothing.

mod birth;
mod card;
mod country;
mod email;
mod iban;
mod ip;
mod password;
mod phone;
mod tax_id;

pub(crate) use birth::local;
pub use birth::{Date, read_date};
pub use card::{is_card_number, is_masked_card};
pub use country::read_country;
pub use email::is_email;
pub use iban::is_iban;
pub use ip::is_ip_address;
pub use password::{PasswordFormat, read_password_hash};
pub use phone::is_phone;
pub use tax_id::is_german_tax_id;

/// The characters of `value` without the separators people type into
/// numbers (spaces, `-`, `/`, `.`, `(`, `)`), or `None` when another
/// character is found.
pub(crate) fn without_separators(value: &str, keep: impl Fn(char) -> bool) -> Option<String> {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            ' ' | '-' | '/' | '.' | '(' | ')' | '\u{a0}' => {}
            c if keep(c) => out.push(c),
            _ => return None,
        }
    }
    Some(out)
}
