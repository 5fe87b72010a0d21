package io.team365.core;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Set;

/**
 * What kind of network address a name the server is asked to connect to resolves to (SSRF): the mail servers a
 * member types (mail, ADR 0032) and the sign-in provider an admin configures (identity, ADR 0028) go only where
 * the deployment allows.
 */
public final class NetworkAddresses {

    /** Public; private (loopback, RFC 1918, RFC 4193, RFC 6598, link-local); reserved (never connected to). */
    public enum Kind {
        PUBLIC,
        PRIVATE,
        RESERVED
    }

    /** Cloud instance metadata services: AWS/GCP/Azure/OpenStack, AWS IPv6, Alibaba, Azure's wire server. */
    private static final Set<String> METADATA =
            Set.of("169.254.169.254", "169.254.170.2", "100.100.100.200", "168.63.129.16", "fd00:ec2:0:0:0:0:0:254");

    private NetworkAddresses() {}

    /** The least public kind among the addresses a name resolves to (one bad answer spoils the name). */
    public static Kind worstOf(InetAddress[] addresses) {
        return Arrays.stream(addresses).map(NetworkAddresses::kind).reduce(Kind.PUBLIC, NetworkAddresses::worse);
    }

    private static Kind worse(Kind a, Kind b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    /** The kind of an address; IPv4 embedded in IPv6 (compatible, NAT64, 6to4) counts as the IPv4 address. */
    public static Kind kind(InetAddress address) {
        if (METADATA.contains(address.getHostAddress())) {
            return Kind.RESERVED;
        }
        if (address instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            InetAddress embedded = embeddedIpv4(b);
            if (embedded != null) {
                return kind(embedded);
            }
            if ((b[0] & 0xfe) == 0xfc) { // fc00::/7 unique local (RFC 4193)
                return Kind.PRIVATE;
            }
        }
        if (address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return Kind.RESERVED;
        }
        if (address instanceof Inet4Address) {
            byte[] b = address.getAddress();
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0 || first >= 240) { // "this network", reserved and broadcast
                return Kind.RESERVED;
            }
            if (first == 100 && second >= 64 && second < 128) { // 100.64.0.0/10 carrier-grade NAT (RFC 6598)
                return Kind.PRIVATE;
            }
        }
        if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()) {
            return Kind.PRIVATE;
        }
        return Kind.PUBLIC;
    }

    private static InetAddress embeddedIpv4(byte[] b) {
        boolean zeroPrefix = true;
        for (int i = 0; i < 12; i++) {
            zeroPrefix &= b[i] == 0;
        }
        boolean nat64 = (b[0] & 0xff) == 0x00
                && (b[1] & 0xff) == 0x64
                && (b[2] & 0xff) == 0xff
                && (b[3] & 0xff) == 0x9b
                && Arrays.equals(Arrays.copyOfRange(b, 4, 12), new byte[8]);
        byte[] v4 = null;
        if ((zeroPrefix && !(b[12] == 0 && b[13] == 0 && b[14] == 0 && (b[15] == 0 || b[15] == 1))) || nat64) {
            v4 = Arrays.copyOfRange(b, 12, 16); // ::a.b.c.d (not :: or ::1) and 64:ff9b::a.b.c.d
        } else if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            v4 = Arrays.copyOfRange(b, 2, 6); // 2002:a.b.c.d::/48 (6to4)
        }
        if (v4 == null) {
            return null;
        }
        try {
            return InetAddress.getByAddress(v4);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
