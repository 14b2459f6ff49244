//! Telephone numbers as people write them: international (`+49 30 1234567`,
//! `0049 …`) or national with the trunk prefix (`030 1234567`,
//! `0171/1234567`).

/// Whether `value` is a telephone number: only digits and the separators
/// people type, a leading `+`, `00` or `0`, and 7 to 15 digits in all
/// (ITU-T E.164 allows at most 15). Order numbers and amounts do not start
/// with `0`; a customer number that does is told apart by its header.
///
/// ```
/// use dsgvo_core::scope::detect::is_phone;
/// assert!(is_phone("+49 30 1234567"));
/// assert!(is_phone("0171/1234567"));
/// assert!(!is_phone("1234567"));
/// ```
pub fn is_phone(value: &str) -> bool {
    let value = super::trimmed(value);
    let (international, rest) = match value.strip_prefix('+') {
        Some(rest) => (true, rest),
        None => (false, value),
    };
    let Some(digits) = super::without_separators(rest, super::digit) else {
        return false;
    };
    let digits = if international {
        &*digits
    } else if let Some(d) = digits
        .strip_prefix("00")
        .or_else(|| digits.strip_prefix('0'))
    {
        d
    } else {
        return false;
    };
    (6..=15).contains(&digits.len()) && !digits.starts_with('0')
}

#[cfg(test)]
mod tests {
    use super::is_phone;

    #[test]
    fn numbers_need_a_prefix_and_a_plausible_length() {
        for ok in [
            "+49 30 1234567",
            "+43 1 5321234",
            "0049 (0)30-1234567".replace("(0)", "").as_str(),
            "030 1234567",
            "0171/1234567",
            "+1 (212) 555-0100",
        ] {
            assert!(is_phone(ok), "{ok}");
        }
        for bad in [
            "1234567",              // no prefix: an order number
            "+49",                  // too short
            "+49 1234567890123456", // 18 digits
            "030 12 34 x",
            "00",
            "0",
            "2026-11-19",
            "",
        ] {
            assert!(!is_phone(bad), "{bad}");
        }
    }
}
