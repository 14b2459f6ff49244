//! IP addresses (IPv4 dotted quad, IPv6), as shops log them with orders.

/// Whether `value` is an IPv4 or IPv6 address.
///
/// ```
/// use dsgvo_core::scope::detect::is_ip_address;
/// assert!(is_ip_address("192.0.2.17"));
/// assert!(is_ip_address("2001:db8::1"));
/// assert!(!is_ip_address("1.2.3"));
/// ```
pub fn is_ip_address(value: &str) -> bool {
    // `core::net` holds the address types only: no socket, no lookup.
    super::trimmed(value).parse::<core::net::IpAddr>().is_ok()
}

#[cfg(test)]
mod tests {
    use super::is_ip_address;

    #[test]
    fn addresses_parse_versions_and_dates_do_not() {
        for ok in ["192.0.2.17", "10.0.0.1", "2001:db8::1", "::1"] {
            assert!(is_ip_address(ok), "{ok}");
        }
        for bad in ["1.2.3", "256.1.1.1", "1.2.3.4.5", "19.11.2026", "v1.2", ""] {
            assert!(!is_ip_address(bad), "{bad}");
        }
    }
}
