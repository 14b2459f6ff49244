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
    // An IPv6 address has a colon, an IPv4 one none: one parser is tried,
    // not both as `IpAddr` does.
    let value = super::trimmed(value);
    if value.contains(':') {
        value.parse::<core::net::Ipv6Addr>().is_ok()
    } else {
        value.parse::<core::net::Ipv4Addr>().is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::is_ip_address;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        #[test]
        fn one_parser_reads_what_ip_addr_reads(
            value in "[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9a-f]{1,4}(:[0-9a-f]{0,4}){2,7}|[0-9.]{1,16}|[0-9a-f:.]{2,20}|::ffff:[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}| ?[0-9a-fA-F:. ]{1,12}"
        ) {
            proptest::prop_assert_eq!(
                is_ip_address(&value),
                value.trim().parse::<core::net::IpAddr>().is_ok()
            );
        }
    }

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
