//! Payment card numbers (ISO/IEC 7812): 12 to 19 digits with a valid Luhn
//! check digit and an issuer prefix in use; and the masked forms receipts
//! and shop back ends show (`**** **** **** 4242`, `411111******1111`).

/// Whether `value` is a full card number.
///
/// ```
/// use dsgvo_core::scope::detect::is_card_number;
/// assert!(is_card_number("4111 1111 1111 1111"));
/// assert!(!is_card_number("4111 1111 1111 1112"));
/// ```
pub fn is_card_number(value: &str) -> bool {
    let Some(digits) = super::without_separators(value, super::digit) else {
        return false;
    };
    (12..=19).contains(&digits.len()) && issuer_prefix(&digits) && luhn(&digits)
}

/// Whether `value` is a masked card number: 12 to 19 positions, at most the
/// first six and the last four digits shown, at least four masked by `*`,
/// `X`, `x` or `•`, and the last four shown.
pub fn is_masked_card(value: &str) -> bool {
    // Every mask character stands as `*` (a value without one has no four
    // masked positions below).
    let Some(chars) = super::without_separators(value, |c| match c {
        '*' | 'X' | 'x' | '•' => Some(b'*'),
        c => super::digit(c),
    }) else {
        return false;
    };
    let b = chars.as_bytes();
    let n = b.len();
    if !(12..=19).contains(&n) {
        return false;
    }
    let lead = b.iter().take_while(|c| c.is_ascii_digit()).count();
    let tail = b.iter().rev().take_while(|c| c.is_ascii_digit()).count();
    let masked = n.saturating_sub(lead + tail);
    lead <= 6 && tail == 4 && masked >= 4 && b[lead..n - tail].iter().all(|c| *c == b'*')
}

/// The issuer prefixes of the card schemes shops take (ISO/IEC 7812 major
/// industry identifiers 2 to 6: Mastercard 2221–2720 and 51–55, Visa 4,
/// American Express 34 and 37, Diners 36 and 38, JCB 3528–3589, Discover,
/// Maestro and UnionPay 6, Maestro 50 and 56–58).
fn issuer_prefix(digits: &str) -> bool {
    let two: u32 = digits[..2].parse().unwrap_or(0);
    let four: u32 = digits[..4].parse().unwrap_or(0);
    digits.starts_with('4')
        || digits.starts_with('6')
        || (51..=58).contains(&two)
        || two == 50
        || matches!(two, 34 | 36 | 37 | 38)
        || (2221..=2720).contains(&four)
        || (3528..=3589).contains(&four)
}

/// The Luhn (mod 10) check over all digits.
fn luhn(digits: &str) -> bool {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 1 {
                let twice = d * 2;
                twice / 10 + twice % 10 // the sum of its digits
            } else {
                d
            }
        })
        .sum();
    sum % 10 == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_numbers_need_the_luhn_digit_and_an_issuer() {
        // The schemes' published test numbers.
        for ok in [
            "4111111111111111",
            "4242 4242 4242 4242",
            "5555-5555-5555-4444",
            "2223003122003222",
            "378282246310005",
            "6011111111111117",
            "3530111333300000",
        ] {
            assert!(is_card_number(ok), "{ok}");
        }
        for bad in [
            "4111111111111112",     // Luhn digit wrong
            "1234567812345670",     // Luhn right, no issuer starts with 1
            "41111111111",          // 11 digits
            "41111111111111111111", // 20 digits
            "4111 1111 1111 111a",
            "",
        ] {
            assert!(!is_card_number(bad), "{bad}");
        }
        assert!(luhn("79927398713"));
        assert!(!luhn("79927398710"));
    }

    #[test]
    fn masked_numbers_show_at_most_six_and_four_digits() {
        for ok in [
            "**** **** **** 4242",
            "XXXXXXXXXXXX1111",
            "411111******1111",
            "•••• •••• •••• 0005",
        ] {
            assert!(is_masked_card(ok), "{ok}");
        }
        for bad in [
            "4111111111111111",   // not masked
            "4111111*11111111",   // too little masked
            "4111111****11111",   // seven digits shown in front
            "**** **** **** 424", // three at the end
            "****",               // too short
            "**** **** **** 42a2",
        ] {
            assert!(!is_masked_card(bad), "{bad}");
        }
    }
}
