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
mod shape;
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
pub(crate) use shape::Shape;
pub use tax_id::is_german_tax_id;

/// The longest number the detectors read (E.164 has 15 digits, a card 19,
/// a masked card 19 positions).
const LONGEST_NUMBER: usize = 24;

/// The ASCII characters of a number as typed, without its separators; on
/// the stack, as the detectors run on every cell of a table.
pub(crate) struct Compact {
    bytes: [u8; LONGEST_NUMBER],
    len: usize,
}

impl std::ops::Deref for Compact {
    type Target = str;

    fn deref(&self) -> &str {
        // Only ASCII bytes are ever stored.
        std::str::from_utf8(&self.bytes[..self.len]).unwrap_or("")
    }
}

/// The characters of `value` without the separators people type into
/// numbers (spaces, `-`, `/`, `.`, `(`, `)`), each mapped by `keep` to the
/// ASCII byte it stands for; `None` when another character is found or
/// the number is longer than any the detectors read.
pub(crate) fn without_separators(
    value: &str,
    keep: impl Fn(char) -> Option<u8>,
) -> Option<Compact> {
    let mut out = Compact {
        bytes: [0; LONGEST_NUMBER],
        len: 0,
    };
    for c in value.chars() {
        match c {
            ' ' | '-' | '/' | '.' | '(' | ')' | '\u{a0}' => {}
            c => {
                let b = keep(c).filter(u8::is_ascii)?;
                *out.bytes.get_mut(out.len)? = b;
                out.len += 1;
            }
        }
    }
    Some(out)
}

/// `value` without leading and trailing white space, as `str::trim` gives
/// it; a value that starts and ends with a visible ASCII character (most
/// cells) is returned without looking further.
pub(crate) fn trimmed(value: &str) -> &str {
    match value.as_bytes() {
        [first, .., last] if first.is_ascii_graphic() && last.is_ascii_graphic() => value,
        [only] if only.is_ascii_graphic() => value,
        _ => value.trim(),
    }
}

/// `c` when it is an ASCII digit.
pub(crate) fn digit(c: char) -> Option<u8> {
    c.is_ascii_digit().then_some(c as u8)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn trimmed_is_trim(value in "[ \t\u{a0}\u{2003}\u{3000}a-zA-Zä0-9.@]{0,8}") {
            prop_assert_eq!(super::trimmed(&value), value.trim());
        }
    }
}
