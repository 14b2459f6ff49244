//! What the detectors find in one cell. Each detector runs only where the
//! cell's [`Shape`] allows its kind; the findings are those of every
//! detector run on the cell (pinned in the tests below).

use serde::{Deserialize, Serialize};

use super::detect::{self, Date, PasswordFormat, Shape};
use crate::facts::{CountryCode, closed_set};

closed_set!(
    /// What a detector recognised in a cell.
    Evidence {
        /// An e-mail address.
        Email = "email", /// A telephone number.
        Phone = "phone", /// An IBAN with valid check digits.
        Iban = "iban", /// A card number with a valid Luhn digit.
        CardNumber = "card_number", /// A masked card number.
        MaskedCard = "masked_card", /// A calendar date.
        Date = "date", /// A country code or name.
        Country = "country", /// An IP address.
        IpAddress = "ip_address", /// A password hash.
        PasswordHash = "password_hash", /// A German tax id with a valid check digit.
        TaxId = "tax_id", /// Text of more than 40 characters with spaces.
        LongText = "long_text",
    }
);

impl Evidence {
    /// Its position in [`Evidence::ALL`].
    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

/// What the detectors found in one (trimmed, non-empty) cell.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Findings {
    /// One bit per [`Evidence`], by its index.
    evidence: u16,
    pub date: Option<Date>,
    pub country: Option<CountryCode>,
    pub password: Option<PasswordFormat>,
}

impl Findings {
    fn add(&mut self, e: Evidence) {
        self.evidence |= 1 << e.index();
    }

    /// Whether a detector recognised `e`.
    pub fn has(&self, e: Evidence) -> bool {
        self.evidence & (1 << e.index()) != 0
    }
}

/// Runs the detectors on the trimmed, non-empty `value`. Numbers are looked
/// for in cells that start like one (a digit, `+`, `(`, or a mask
/// character), IBANs in cells that start with a letter.
pub(crate) fn findings(value: &str) -> Findings {
    let mut found = Findings::default();
    let shape = Shape::of(value);
    let first = value.as_bytes()[0];
    if shape.may_be_email() && detect::is_email(value) {
        found.add(Evidence::Email);
    }
    if starts_like_a_number(value) {
        numbers(value, shape, &mut found);
    } else if shape.may_be_ip_address() && detect::is_ip_address(value) {
        found.add(Evidence::IpAddress);
    }
    if shape.may_be_iban(first) && detect::is_iban(value) {
        found.add(Evidence::Iban);
    }
    found.date = shape
        .may_be_date()
        .then(|| detect::read_date(value))
        .flatten();
    if found.date.is_some() {
        found.add(Evidence::Date);
    }
    found.country = shape
        .may_be_country()
        .then(|| detect::read_country(value))
        .flatten();
    if found.country.is_some() {
        found.add(Evidence::Country);
    }
    found.password = shape
        .may_be_password_hash(first)
        .then(|| detect::read_password_hash(value))
        .flatten();
    if found.password.is_some() {
        found.add(Evidence::PasswordHash);
    }
    // Bytes first: a value of at most 40 bytes has at most 40 characters.
    if shape.may_be_long_text() && value.chars().count() > 40 {
        found.add(Evidence::LongText);
    }
    found
}

/// Whether `value` starts as the numbers people type do: a digit, `+`,
/// `(`, or a mask character.
fn starts_like_a_number(value: &str) -> bool {
    let first = value.as_bytes()[0];
    first.is_ascii_digit()
        || matches!(first, b'+' | b'*' | b'X' | b'x' | b'(')
        || value.starts_with('•')
}

/// The detectors of numbers people type.
fn numbers(value: &str, shape: Shape, found: &mut Findings) {
    if shape.may_be_phone(value) && detect::is_phone(value) {
        found.add(Evidence::Phone);
    }
    if shape.may_be_card_number() && detect::is_card_number(value) {
        found.add(Evidence::CardNumber);
    } else if shape.may_be_masked_card() && detect::is_masked_card(value) {
        found.add(Evidence::MaskedCard);
    }
    if shape.may_be_tax_id() && detect::is_german_tax_id(value) {
        found.add(Evidence::TaxId);
    }
    if shape.may_be_ip_address() && detect::is_ip_address(value) {
        found.add(Evidence::IpAddress);
    }
}

/// Serialises per-evidence counts as a map of the non-zero ones.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct EvidenceCounts([u64; Evidence::ALL.len()]);

impl EvidenceCounts {
    /// Counts the evidence of one cell.
    pub fn add(&mut self, found: &Findings) {
        let mut bits = found.evidence;
        while bits != 0 {
            let i = bits.trailing_zeros() as usize;
            self.0[i] += 1;
            bits &= bits - 1;
        }
    }

    /// The cells with `e`.
    pub fn get(&self, e: Evidence) -> u64 {
        self.0[e.index()]
    }

    /// Adds the counts of another part of the table.
    pub fn merge(&mut self, other: &EvidenceCounts) {
        for (a, b) in self.0.iter_mut().zip(other.0) {
            *a += b;
        }
    }

    /// The non-zero counts by evidence.
    pub fn to_map(&self) -> std::collections::BTreeMap<Evidence, u64> {
        Evidence::ALL
            .iter()
            .map(|e| (*e, self.get(*e)))
            .filter(|(_, n)| *n > 0)
            .collect()
    }
}

impl Serialize for EvidenceCounts {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.to_map().serialize(s)
    }
}

impl<'de> Deserialize<'de> for EvidenceCounts {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let map = std::collections::BTreeMap::<Evidence, u64>::deserialize(d)?;
        let mut counts = EvidenceCounts::default();
        for (e, n) in map {
            counts.0[e.index()] = n;
        }
        Ok(counts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Every detector on every cell, without the shapes' gates: what
    /// [`findings`] must find.
    fn ungated(value: &str) -> Findings {
        let mut found = Findings::default();
        let first = value.as_bytes()[0];
        let mut seen = |e, yes: bool| {
            if yes {
                found.add(e);
            }
        };
        seen(Evidence::Email, detect::is_email(value));
        if starts_like_a_number(value) {
            seen(Evidence::Phone, detect::is_phone(value));
            let card = detect::is_card_number(value);
            seen(Evidence::CardNumber, card);
            seen(Evidence::MaskedCard, !card && detect::is_masked_card(value));
            seen(Evidence::TaxId, detect::is_german_tax_id(value));
        }
        seen(Evidence::IpAddress, detect::is_ip_address(value));
        seen(
            Evidence::Iban,
            first.is_ascii_alphabetic() && detect::is_iban(value),
        );
        let long = value.chars().count() > 40 && value.contains(' ');
        seen(Evidence::LongText, long);
        found.date = detect::read_date(value);
        found.country = detect::read_country(value);
        found.password = detect::read_password_hash(value);
        for (e, yes) in [
            (Evidence::Date, found.date.is_some()),
            (Evidence::Country, found.country.is_some()),
            (Evidence::PasswordHash, found.password.is_some()),
        ] {
            if yes {
                found.add(e);
            }
        }
        found
    }

    /// Cells of every kind the detectors know, valid and near misses.
    const KNOWN: &[&str] = &[
        "erika@example.de",
        "erika@localhost",
        "+49 30 1234567",
        "0171/1234567",
        "030\u{a0}1234567",
        "4111 1111 1111 1111",
        "4111-1111-1111-1112",
        "500000000009",
        "4000000000000000006",
        "+123456",
        "0301234",
        "(0)30 1234567",
        "+49 (0)30 1234567",
        "1.2.3.4",
        "255.255.255.255",
        "1.2.3.4.5",
        "**** **** **** 4242",
        "411111******1111",
        "XXXX XXXX XXXX 4242",
        "•••• •••• •••• 4242",
        "86095742719",
        "860 957 427 19",
        "192.0.2.17",
        "2001:db8::1",
        "::ffff:192.0.2.1",
        "FE80::1",
        "DE89 3704 0044 0532 0130 00",
        "de89370400440532013000",
        "NO9386011117947",
        "2008-02-29",
        "29.02.2008",
        "1.3.2008 08:15",
        "1.3.2008",
        "2026-11-19T08:15:00+01:00",
        "2026-11-19T08:15:00Z",
        "2026-11-19 08:15:00",
        "DE",
        "aut",
        "usa",
        "Österreich",
        "vereinigtes königreich",
        "$2y$10$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234",
        "$wp$2y$10$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234",
        "pbkdf2_sha256$600000$abcdefghijklmnop$abcdefghijklmnopqrstuvwxyz",
        "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo",
        "5f4dcc3b5aa765d61d8327deb882cf99",
        "5f4dcc3b5aa765d61d8327deb882cf99:salz",
        "5f4dcc3b5aa765d61d8327deb882cf99:s",
        "da39a3ee5e6b4b0d3255bfef95601890afd80709",
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e",
        "Bitte beim Nachbarn abgeben, falls niemand zu Hause ist.",
        "abcd efghiabcd efghiabcd efghiabcd efghix",
        "Musterstraße 5",
        "SKU-123",
        "123.45",
    ];

    #[test]
    fn evidence_is_counted_and_stored_as_the_non_zero_counts() {
        let mut counts = EvidenceCounts::default();
        for value in ["erika@example.de", "max@example.at", "DE"] {
            counts.add(&findings(value));
        }
        let map = counts.to_map();
        assert_eq!(
            map.into_iter().collect::<Vec<_>>(),
            [(Evidence::Email, 2), (Evidence::Country, 1)]
        );
        let json = serde_json::to_string(&counts).unwrap();
        assert_eq!(json, r#"{"email":2,"country":1}"#);
        let back: EvidenceCounts = serde_json::from_str(&json).unwrap();
        assert_eq!(back, counts);
        let mut twice = back.clone();
        twice.merge(&counts);
        assert_eq!(
            (twice.get(Evidence::Email), twice.get(Evidence::Phone)),
            (4, 0)
        );
    }

    #[test]
    fn known_cells_are_found_as_without_the_gates() {
        for value in KNOWN {
            assert_eq!(findings(value), ungated(value), "{value:?}");
        }
        assert!(findings("erika@example.de").has(Evidence::Email));
        assert!(!findings("erika@example.de").has(Evidence::Country));
        assert!(findings("DE89 3704 0044 0532 0130 00").has(Evidence::Iban));
        assert!(findings("•••• •••• •••• 4242").has(Evidence::MaskedCard));
    }

    /// Cells made of the characters the detectors look at, and edits of
    /// the known cells.
    fn cell() -> impl Strategy<Value = String> {
        let alphabet = prop::sample::select(
            "0123456789abcdefxXyzADEFZT .-/()@:+*$_,;=\u{a0}•öß"
                .chars()
                .collect::<Vec<_>>(),
        );
        let built = prop::collection::vec(alphabet, 1..70).prop_map(|c| c.into_iter().collect());
        let edited = (
            prop::sample::select(KNOWN),
            any::<prop::sample::Index>(),
            prop::sample::select(vec!["", "0", "x", " ", ":", "-", "*", "a", "$"]),
        )
            .prop_map(|(known, at, insert)| {
                let chars: Vec<char> = known.chars().collect();
                let at = at.index(chars.len() + 1);
                let mut out: String = chars[..at.min(chars.len())].iter().collect();
                out.push_str(insert);
                out.extend(chars.iter().skip(at + 1));
                out
            });
        prop_oneof![built, edited].prop_map(|s: String| s.trim().to_string())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn the_gates_change_no_finding(value in cell()) {
            prop_assume!(!value.is_empty());
            prop_assert_eq!(findings(&value), ungated(&value));
        }
    }
}
