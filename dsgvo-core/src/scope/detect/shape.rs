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

    /// A telephone number: digits, separators and a leading `+`; at least
    /// six digits after its prefix.
    pub fn may_be_phone(self) -> bool {
        self.only(NUMBER | PLUS) && self.digits >= 6
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

    /// An IP address: IPv4 is digits and dots, IPv6 hexadecimal digits and
    /// colons (and the dots of an embedded IPv4 address).
    pub fn may_be_ip_address(self) -> bool {
        self.only(DIGIT | DOT) || self.has(COLON) && self.only(DIGIT | HEX_LETTER | COLON | DOT)
    }

    /// An IBAN: letters, digits and spaces, at least 15 of them.
    pub fn may_be_iban(self) -> bool {
        self.only(DIGIT | ANY_LETTER | SPACE) && self.len >= 15 && self.digits >= 2
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
    /// `pbkdf2_`), a hexadecimal digest, or a digest with its salt after a
    /// colon.
    pub fn may_be_password_hash(self, first: u8) -> bool {
        first == b'$'
            || first == b'p'
            || self.has(COLON)
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
