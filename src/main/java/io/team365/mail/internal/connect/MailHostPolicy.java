package io.team365.mail.internal.connect;

import io.team365.core.NetworkAddresses;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where a member may make the server connect (SSRF, ADR 0032). The host name of an IMAP or SMTP server is resolved
 * once per connection; every address it resolves to must be public, and the connection then goes to that checked
 * address ({@link PinnedSocketFactory}), so a name that answers differently a moment later (DNS rebinding) cannot
 * redirect it. Loopback, private (RFC 1918, RFC 4193, RFC 6598) and link-local addresses are refused unless the
 * deployment sets {@code team365.mail.allow-private-hosts=true} (a self-hoster whose mail server is on the LAN);
 * unspecified, multicast, broadcast and cloud metadata addresses are refused always.
 */
@Component
public class MailHostPolicy {

    /** Resolves a host name to all its addresses (the system resolver; tests give their own). */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** What kind of address it is, for the mail servers' purposes. */
    public enum Kind {
        PUBLIC,
        PRIVATE,
        RESERVED
    }

    private final boolean allowPrivate;
    private final Resolver resolver;

    @Autowired
    MailHostPolicy(@Value("${team365.mail.allow-private-hosts:false}") boolean allowPrivate) {
        this(allowPrivate, InetAddress::getAllByName);
    }

    public MailHostPolicy(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /**
     * The address to connect to for {@code host}: resolved once, every address checked.
     *
     * @throws UnknownHostException when the name does not resolve
     * @throws RefusedMailHost when any address is not allowed (one bad answer refuses the name)
     */
    public InetAddress resolve(String host) throws UnknownHostException, RefusedMailHost {
        InetAddress[] addresses = resolver.resolve(host);
        if (addresses == null || addresses.length == 0) {
            throw new UnknownHostException("no address");
        }
        Kind worst = Kind.valueOf(NetworkAddresses.worstOf(addresses).name());
        if (worst == Kind.RESERVED) {
            throw new RefusedMailHost(RefusedMailHost.RESERVED);
        }
        if (worst == Kind.PRIVATE && !allowPrivate) {
            throw new RefusedMailHost(RefusedMailHost.PRIVATE);
        }
        return addresses[0];
    }

    /** The kind of an address (see {@link NetworkAddresses}). */
    public static Kind kind(InetAddress address) {
        return Kind.valueOf(NetworkAddresses.kind(address).name());
    }
}
