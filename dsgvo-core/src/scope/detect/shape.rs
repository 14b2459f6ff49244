//! The shape of a cell: which classes of characters it holds and how many
//! digits, found in one pass over its bytes. Each detector has a shape
//! without which it cannot say yes (an IBAN has no `@`, a card number no
//! letter), so a detector runs only on the cells whose shape allows its
//! kind. The gates only save work: a detector run on any other cell would
//! say no as well (pinned against the ungated detectors in `cell`'s tests).

/// A class of bytes.
type Class = u16;

const DIGIT: Class = 1;
/// `A`–`F`, `a`–`f`: letters of hexadecimal digests.
const HEX_LETTER: Class = 1 << 1;
/// `X` and `x`: mask characters of card numbers.
const X: Class = 1 << 2;
/// Any other ASCII letter.
const LETTER: Class = 1 << 3;
const SPACE: Class = 1 << 4;
const DOT: Class = 1 << 5;
const DASH: Class = 1 << 6;
/// `/`, `(`, `)`: the other separators typed into numbers.
const SEPARATOR: Class = 1 << 7;
const AT: Class = 1 << 8;
const COLON: Class = 1 << 9;
const PLUS: Class = 1 << 10;
const STAR: Class = 1 << 11;
/// A byte of a character beyond ASCII (letters such as `ö`, the no-break
/// space, `•`).
const NON_ASCII: Class = 1 << 12;
/// Any other ASCII character.
const OTHER: Class = 1 << 13;

const fn class_of(b: u8) -> Class {
    match b {
        b'0'..=b'9' => DIGIT,
        b'A'..=b'F' | b'a'..=b'f' => HEX_LETTER,
        b'X' | b'x' => X,
        b'A'..=b'Z' | b'a'..=b'z' => LETTER,
        b' ' => SPACE,
        b'.' => DOT,
        b'-' => DASH,
        b'/' | b'(' | b')' => SEPARATOR,
        b'@' => AT,
        b':' => COLON,
        b'+' => PLUS,
        b'*' => STAR,
        0x80.. => NON_ASCII,
        _ => OTHER,
    }
}

static CLASSES: [Class; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = class_of(b as u8);
        b += 1;
    }
    table
};

/// Letters of either kind.
const ANY_LETTER: Class = HEX_LETTER | X | LETTER;
/// What a number may hold besides its digits: the separators people type
/// (the no-break space among them, beyond ASCII).
const NUMBER: Class = DIGIT | SPACE | DOT | DASH | SEPARATOR | NON_ASCII;

/// The classes of characters of one cell and its digits.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Shape {
    classes: Class,
    digits: usize,
    len: usize,
}

impl Shape {
    /// The shape of `value`.
    pub fn of(value: &str) -> Shape {
        let mut classes = 0;
        let mut digits = 0;
        for &b in value.as_bytes() {
            classes |= CLASSES[usize::from(b)];
            digits += usize::from(b.is_ascii_digit());
        }
        Shape {
            classes,
            digits,
            len: value.len(),
        }
    }

    /// Whether the cell holds no class but `allowed`.
    fn only(self, allowed: Class) -> bool {
        self.classes & !allowed == 0
    }

    fn has(self, class: Class) -> bool {
        self.classes & class != 0
    }

    /// An e-mail address has its `@`.
    pub fn may_be_email(self) -> bool {
        self.has(AT)
    }

    /// A telephone number (`value` of this shape): digits, separators and
    /// a leading `+`, or a first digit `0`; at least six digits after its
    /// prefix.
    pub fn may_be_phone(self, value: &str) -> bool {
        self.only(NUMBER | PLUS)
            && self.digits >= 6
            && (value.starts_with('+') || value.bytes().find(u8::is_ascii_digit) == Some(b'0'))
    }

    /// A card number: 12 to 19 digits and separators.
    pub fn may_be_card_number(self) -> bool {
        self.only(NUMBER) && (12..=19).contains(&self.digits)
    }

    /// A masked card number: a mask character (`*`, `X`, `x`, or `•`
    /// beyond ASCII), digits and separators; its last four digits shown.
    pub fn may_be_masked_card(self) -> bool {
        self.has(STAR | X | NON_ASCII) && self.only(NUMBER | STAR | X) && self.digits >= 4
    }

    /// A German tax id: eleven digits and separators.
    pub fn may_be_tax_id(self) -> bool {
        self.only(NUMBER) && self.digits == 11
    }

    /// An IP address: IPv4 is 7 to 15 digits and dots, IPv6 hexadecimal
    /// digits and colons (and the dots of an embedded IPv4 address).
    pub fn may_be_ip_address(self) -> bool {
        let v4 = self.has(DOT) && self.only(DIGIT | DOT) && (7..=15).contains(&self.len);
        v4 || self.has(COLON) && self.only(DIGIT | HEX_LETTER | COLON | DOT)
    }

    /// An IBAN: its country's letters first, then letters, digits and
    /// spaces, at least 15 of them.
    pub fn may_be_iban(self, first: u8) -> bool {
        first.is_ascii_alphabetic()
            && self.only(DIGIT | ANY_LETTER | SPACE)
            && self.len >= 15
            && self.digits >= 2
    }

    /// A date: the dashes of ISO 8601 or the dots of the German form, and
    /// at least six digits (`1.3.2008`).
    pub fn may_be_date(self) -> bool {
        self.has(DASH | DOT) && self.digits >= 6
    }

    /// A country: letters and spaces only.
    pub fn may_be_country(self) -> bool {
        self.only(ANY_LETTER | SPACE | NON_ASCII)
    }

    /// A password hash: a modular crypt format (a `$`, or Django's
    /// `pbkdf2_`), a hexadecimal digest, or a digest (32 digits at least)
    /// with its salt after a colon.
    pub fn may_be_password_hash(self, first: u8) -> bool {
        first == b'$'
            || first == b'p'
            || self.has(COLON) && self.len >= 34
            || self.only(DIGIT | HEX_LETTER) && matches!(self.len, 32 | 40 | 64 | 128)
    }

    /// Free text has a space and more than 40 bytes.
    pub fn may_be_long_text(self) -> bool {
        self.has(SPACE) && self.len > 40
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The detectors a cell's shape lets run.
    fn gates(value: &str) -> Vec<&'static str> {
        let s = Shape::of(value);
        let first = value.as_bytes()[0];
        [
            ("email", s.may_be_email()),
            ("phone", s.may_be_phone(value)),
            ("card_number", s.may_be_card_number()),
            ("masked_card", s.may_be_masked_card()),
            ("tax_id", s.may_be_tax_id()),
            ("ip_address", s.may_be_ip_address()),
            ("iban", s.may_be_iban(first)),
            ("date", s.may_be_date()),
            ("country", s.may_be_country()),
            ("password_hash", s.may_be_password_hash(first)),
            ("long_text", s.may_be_long_text()),
        ]
        .into_iter()
        .filter_map(|(name, open)| open.then_some(name))
        .collect()
    }

    // What makes scoping fast: the cells of a shop's table run the one or
    // two detectors of their own kind, not all eleven.
    #[test]
    fn typical_cells_run_only_the_detectors_of_their_kind() {
        for (value, expected) in [
            ("500123", &[][..]),
            ("123.45", &[]),
            ("SKU-123", &[]),
            ("Erika Mustermann", &["country"]),
            ("DE", &["country"]),
            ("kunde1@example.org", &["email"]),
            ("+49 30 1234567", &["phone"]),
            ("030 1234567", &["phone"]),
            ("4111 1111 1111 1111", &["card_number"]),
            ("**** **** **** 1234", &["masked_card"]),
            ("86095742719", &["tax_id"]),
            ("192.0.2.17", &["ip_address", "date"]),
            ("2001:db8::1", &["ip_address"]),
            ("DE89370400440532013000", &["iban"]),
            ("12.03.1990", &["ip_address", "date"]),
            ("2026-11-05 10:03:00", &["date"]),
            (
                "$2y$10$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234",
                &["password_hash"],
            ),
            ("5f4dcc3b5aa765d61d8327deb882cf99", &["password_hash"]),
            ("5f4dcc3b5aa765d61d8327deb882cf99:s", &["password_hash"]),
            (
                "Bitte beim Nachbarn abgeben, falls niemand zu Hause ist.",
                &["long_text"],
            ),
            ("abcd efghiabcd efghiabcd efghiabcd efghi", &["country"]), // 40 bytes
        ] {
            assert_eq!(gates(value), expected, "{value}");
        }
    }

    #[test]
    fn every_byte_has_exactly_one_class() {
        for b in 0..=255u8 {
            assert_eq!(CLASSES[usize::from(b)].count_ones(), 1, "{b}");
        }
        let shape = Shape::of("DE89 3704-x*@:+/ö");
        assert_eq!(shape.digits, 6);
        assert!(shape.has(HEX_LETTER | LETTER | X | STAR | AT | COLON | PLUS | SEPARATOR));
        assert!(shape.has(NON_ASCII) && shape.has(DASH) && shape.has(SPACE));
        assert!(!shape.has(DOT | OTHER));
    }
}
