//! International Bank Account Numbers (ISO 13616): the country's length and
//! the mod-97 check (ISO 7064 MOD 97-10).

/// The IBAN length of the countries of the EEA, Switzerland and the United
/// Kingdom (SWIFT IBAN registry); other countries: 15 to 34 characters.
const LENGTHS: &[([u8; 2], usize)] = &[
    (*b"AT", 20),
    (*b"BE", 16),
    (*b"BG", 22),
    (*b"CH", 21),
    (*b"CY", 28),
    (*b"CZ", 24),
    (*b"DE", 22),
    (*b"DK", 18),
    (*b"EE", 20),
    (*b"ES", 24),
    (*b"FI", 18),
    (*b"FR", 27),
    (*b"GB", 22),
    (*b"GR", 27),
    (*b"HR", 21),
    (*b"HU", 28),
    (*b"IE", 22),
    (*b"IS", 26),
    (*b"IT", 27),
    (*b"LI", 21),
    (*b"LT", 20),
    (*b"LU", 20),
    (*b"LV", 21),
    (*b"MT", 31),
    (*b"NL", 18),
    (*b"NO", 15),
    (*b"PL", 28),
    (*b"PT", 25),
    (*b"RO", 24),
    (*b"SE", 24),
    (*b"SI", 19),
    (*b"SK", 24),
];

/// Whether `value` is an IBAN (spaces allowed, either case) whose check
/// digits are right.
///
/// ```
/// use dsgvo_core::scope::detect::is_iban;
/// assert!(is_iban("DE89 3704 0044 0532 0130 00"));
/// assert!(!is_iban("DE89 3704 0044 0532 0130 01"));
/// ```
pub fn is_iban(value: &str) -> bool {
    // The IBAN without its spaces, in capitals, on the stack: at most 34
    // characters (ISO 13616), all ASCII (a byte of a wider character is
    // not, so the first one refuses the value).
    let mut buffer = [0u8; 34];
    let mut len = 0;
    for b in value.bytes().filter(|b| *b != b' ') {
        if !b.is_ascii() || len == buffer.len() {
            return false;
        }
        buffer[len] = b.to_ascii_uppercase();
        len += 1;
    }
    let bytes = &buffer[..len];
    if len < 15 {
        return false; // Norway's 15 characters are the shortest
    }
    let shape = bytes[..2].iter().all(u8::is_ascii_uppercase)
        && bytes[2..4].iter().all(u8::is_ascii_digit)
        && bytes[4..].iter().all(u8::is_ascii_alphanumeric);
    let length = LENGTHS
        .iter()
        .find(|(c, _)| *c == [bytes[0], bytes[1]])
        .is_none_or(|(_, n)| *n == len);
    shape && length && mod97(&bytes[4..], &bytes[..4]) == 1
}

/// The remainder mod 97 of the number the rearranged IBAN spells (letters
/// as 10 to 35): its digits gathered in a `u64`, reduced when it grows
/// large (the remainder of the whole is that of the reduced number).
fn mod97(bban: &[u8], head: &[u8]) -> u32 {
    let mut r: u64 = 0;
    let mut push = |d: u64| {
        r = r * 10 + d;
        if r >= 1 << 56 {
            r %= 97;
        }
    };
    for &b in bban.iter().chain(head) {
        if b.is_ascii_digit() {
            push(u64::from(b - b'0'));
        } else {
            let v = u64::from(b - b'A') + 10;
            push(v / 10);
            push(v % 10);
        }
    }
    (r % 97) as u32
}

#[cfg(test)]
mod tests {
    use super::is_iban;

    #[test]
    fn the_check_digits_and_the_length_decide() {
        // Published example IBANs (the registry's and banks' examples).
        for ok in [
            "DE89370400440532013000",
            "de89 3704 0044 0532 0130 00",
            "AT611904300234573201",
            "GB82WEST12345698765432",
            "FR1420041010050500013M02606",
            "NL91ABNA0417164300",
            "CH9300762011623852957",
            "NO9386011117947", // 15 characters, the shortest country length
            "LC55HEMM000100010012001200023015", // 32 characters
            "MT84MALT011000012345MTLCAST001S", // seven letters in a row
        ] {
            assert!(is_iban(ok), "{ok}");
        }
        for bad in [
            "DE89370400440532013001", // a digit changed
            "DE98370400440532013000", // check digits swapped
            "DE8937040044053201300",  // one short for Germany
            "AT61190430023457320",    // one short for Austria
            "XX89370400440532013000", // letters where the check fails
            "1234567890123456",
            "NO938601111794",                        // 14 characters
            "DE89370400440532013#00",                // a sign among the digits, length right
            "DE89370400440532013000000000000000000", // more than 34
            "DE89-3704-0044-0532-0130-00",
            "",
        ] {
            assert!(!is_iban(bad), "{bad}");
        }
    }
}
