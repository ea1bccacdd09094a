//! Which client a request comes from, for the per-client rate limits.
//!
//! Behind a reverse proxy every request arrives from the proxy's address, so
//! the client's own address is read from `Forwarded` (RFC 7239) or
//! `X-Forwarded-For`, but only when the TCP peer is a proxy the configuration
//! trusts (`RELAIS_TRUSTED_PROXIES`); anyone else could forge those headers to
//! escape a limit. The list is read from the right (the hop nearest to us) and
//! the first address that is not a trusted proxy is the client.
//!
//! IPv6 clients are counted per /64: one subscriber usually holds a whole /64
//! and could otherwise change address at every attempt.

#![cfg(feature = "ssr")]

use std::net::{IpAddr, Ipv6Addr, SocketAddr};
use std::str::FromStr;

use ipnet::IpNet;

/// The proxies whose forwarding headers are believed (addresses or CIDR blocks).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<IpNet>);

impl TrustedProxies {
    /// Parses `10.0.0.1, 192.168.0.0/16, ::1`; an empty text trusts nobody.
    pub fn parse(text: &str) -> Result<TrustedProxies, String> {
        text.split(',')
            .map(str::trim)
            .filter(|item| !item.is_empty())
            .map(|item| {
                IpNet::from_str(item)
                    .or_else(|_| IpAddr::from_str(item).map(IpNet::from))
                    .map_err(|_| format!("{item:?} is neither an address nor a CIDR block"))
            })
            .collect::<Result<Vec<_>, _>>()
            .map(TrustedProxies)
    }

    pub fn contains(&self, ip: IpAddr) -> bool {
        let ip = canonical(ip);
        self.0.iter().any(|net| net.contains(&ip))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// The forwarding headers of a request, as received.
#[derive(Debug, Default, Clone, Copy)]
pub struct ForwardingHeaders<'a> {
    /// Every `Forwarded` header, in order.
    pub forwarded: &'a [&'a str],
    /// Every `X-Forwarded-For` header, in order.
    pub x_forwarded_for: &'a [&'a str],
}

/// The client's address: the peer itself, unless the peer is a trusted proxy;
/// then the nearest address in the forwarding chain that is not a trusted
/// proxy. A chain that cannot be read stops at the last trusted hop.
pub fn client_address(
    peer: IpAddr,
    headers: ForwardingHeaders<'_>,
    trusted: &TrustedProxies,
) -> IpAddr {
    let mut client = canonical(peer);
    if !trusted.contains(client) {
        return client;
    }
    // `Forwarded` is the standard; `X-Forwarded-For` only when it is absent.
    let chain: Vec<&str> = if headers.forwarded.is_empty() {
        headers
            .x_forwarded_for
            .iter()
            .flat_map(|h| h.split(','))
            .map(str::trim)
            .collect()
    } else {
        headers
            .forwarded
            .iter()
            .flat_map(|h| h.split(','))
            .filter_map(forwarded_for)
            .collect()
    };
    for hop in chain.iter().rev() {
        let Some(ip) = parse_hop(hop) else {
            break;
        };
        client = ip;
        if !trusted.contains(ip) {
            break;
        }
    }
    client
}

/// What rate limits count a client under: the address itself for IPv4, its
/// /64 network for IPv6.
pub fn limit_key(ip: IpAddr) -> String {
    match canonical(ip) {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => {
            let s = v6.segments();
            let network = Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0);
            format!("{network}/64")
        }
    }
}

/// An IPv4 address written as IPv6 (`::ffff:192.0.2.1`) is the IPv4 address.
fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        v4 => v4,
    }
}

/// The `for=` value of one element of a `Forwarded` header, unquoted.
fn forwarded_for(element: &str) -> Option<&str> {
    element.split(';').find_map(|pair| {
        let (name, value) = pair.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("for")
            .then(|| value.trim().trim_matches('"'))
    })
}

/// `192.0.2.1`, `192.0.2.1:4711`, `2001:db8::1` or `[2001:db8::1]:4711`.
fn parse_hop(hop: &str) -> Option<IpAddr> {
    let hop = hop.trim();
    IpAddr::from_str(hop)
        .ok()
        .or_else(|| SocketAddr::from_str(hop).ok().map(|s| s.ip()))
        .or_else(|| IpAddr::from_str(hop.strip_prefix('[')?.strip_suffix(']')?).ok())
        .map(canonical)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().expect("address")
    }

    fn trusted(text: &str) -> TrustedProxies {
        TrustedProxies::parse(text).expect("valid list")
    }

    fn xff<'a>(values: &'a [&'a str]) -> ForwardingHeaders<'a> {
        ForwardingHeaders {
            forwarded: &[],
            x_forwarded_for: values,
        }
    }

    #[test]
    fn an_untrusted_peer_is_the_client_whatever_it_forwards() {
        let none = TrustedProxies::default();
        assert_eq!(
            client_address(ip("198.51.100.9"), xff(&["203.0.113.5"]), &none),
            ip("198.51.100.9")
        );
        let proxy = trusted("10.0.0.1");
        assert_eq!(
            client_address(ip("198.51.100.9"), xff(&["203.0.113.5"]), &proxy),
            ip("198.51.100.9")
        );
    }

    #[test]
    fn behind_a_trusted_proxy_the_nearest_untrusted_hop_is_the_client() {
        let proxies = trusted("10.0.0.0/8, 192.168.1.1");
        // The client forged the first entry; the proxies appended the rest.
        let chain = ["1.1.1.1, 203.0.113.5", "10.1.2.3"];
        assert_eq!(
            client_address(ip("192.168.1.1"), xff(&chain), &proxies),
            ip("203.0.113.5")
        );
        // Only proxies in the chain: the farthest one.
        assert_eq!(
            client_address(ip("10.0.0.1"), xff(&["10.0.0.2"]), &proxies),
            ip("10.0.0.2")
        );
        // No header: the proxy itself.
        assert_eq!(
            client_address(ip("10.0.0.1"), xff(&[]), &proxies),
            ip("10.0.0.1")
        );
    }

    #[test]
    fn a_garbled_chain_stops_at_the_last_trusted_hop() {
        let proxies = trusted("10.0.0.1");
        assert_eq!(
            client_address(ip("10.0.0.1"), xff(&["nonsense"]), &proxies),
            ip("10.0.0.1")
        );
        assert_eq!(
            client_address(ip("10.0.0.1"), xff(&["203.0.113.5:4711"]), &proxies),
            ip("203.0.113.5")
        );
    }

    #[test]
    fn the_standard_header_wins_and_its_forms_are_read() {
        let proxies = trusted("10.0.0.1");
        let headers = ForwardingHeaders {
            forwarded: &[r#"for=192.0.2.60;proto=https, For="[2001:db8:cafe::17]:4711""#],
            x_forwarded_for: &["203.0.113.5"],
        };
        assert_eq!(
            client_address(ip("10.0.0.1"), headers, &proxies),
            ip("2001:db8:cafe::17")
        );
    }

    #[test]
    fn ipv6_clients_are_counted_per_slash_64_and_mapped_ipv4_as_ipv4() {
        assert_eq!(limit_key(ip("2001:db8:1:2:aaaa::1")), "2001:db8:1:2::/64");
        assert_eq!(
            limit_key(ip("2001:db8:1:2:bbbb::9")),
            limit_key(ip("2001:db8:1:2:aaaa::1"))
        );
        assert_ne!(
            limit_key(ip("2001:db8:1:3::1")),
            limit_key(ip("2001:db8:1:2::1"))
        );
        assert_eq!(limit_key(ip("::ffff:192.0.2.1")), "192.0.2.1");
        assert!(trusted("127.0.0.1").contains(ip("::ffff:127.0.0.1")));
    }

    #[test]
    fn the_list_is_checked() {
        assert!(trusted("").is_empty());
        assert!(TrustedProxies::parse("10.0.0.0/33").is_err());
        assert!(TrustedProxies::parse("proxy.local").is_err());
        assert_eq!(trusted(" ::1 , 10.0.0.0/8 ").0.len(), 2);
    }
}
