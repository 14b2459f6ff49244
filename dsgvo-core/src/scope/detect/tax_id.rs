//! The German tax identification number (Steuerliche Identifikationsnummer,
//! § 139b AO): eleven digits, the first not zero, the last a check digit
//! by ISO/IEC 7064 MOD 11,10.

/// Whether `value` is a German tax id with a valid check digit (spaces
/// allowed).
///
/// ```
/// use dsgvo_core::scope::detect::is_german_tax_id;
/// assert!(is_german_tax_id("86095742719"));
/// assert!(!is_german_tax_id("86095742718"));
/// ```
pub fn is_german_tax_id(value: &str) -> bool {
    let Some(digits) = super::without_separators(value, super::digit) else {
        return false;
    };
    let d: Vec<u32> = digits.bytes().map(|b| u32::from(b - b'0')).collect();
    if d.len() != 11 || d[0] == 0 {
        return false;
    }
    let mut product = 10;
    for &digit in &d[..10] {
        let mut sum = (digit + product) % 10;
        if sum == 0 {
            sum = 10;
        }
        product = (sum * 2) % 11;
    }
    let check = (11 - product) % 10;
    check == d[10]
}

#[cfg(test)]
mod tests {
    use super::is_german_tax_id;

    #[test]
    fn the_check_digit_decides() {
        // Check digits computed by hand with the MOD 11,10 rule.
        for ok in ["86095742719", "47036892816", "57549285017", "25768131411"] {
            assert!(is_german_tax_id(ok), "{ok}");
        }
        assert!(is_german_tax_id("86 095 742 719"));
        for bad in [
            "86095742718",
            "06095742719",
            "8609574271",
            "860957427190",
            "8609574271x",
            "",
        ] {
            assert!(!is_german_tax_id(bad), "{bad}");
        }
    }
}
