package io.team365.mail.internal.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which addresses a member may make the server connect to (SSRF, ADR 0032): every address a name resolves to is
 * checked; private ones only where the deployment allows them, reserved ones never.
 */
class MailHostPolicyTests {

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A policy whose "DNS" answers every name with these addresses, counting the questions. */
    private static MailHostPolicy answering(boolean allowPrivate, List<String> asked, String... addresses) {
        return new MailHostPolicy(allowPrivate, host -> {
            asked.add(host);
            InetAddress[] answer = new InetAddress[addresses.length];
            for (int i = 0; i < addresses.length; i++) {
                answer[i] = ip(addresses[i]);
            }
            return answer;
        });
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "127.8.9.10",
                "::1",
                "10.0.0.5",
                "172.16.0.1",
                "172.31.255.254",
                "192.168.1.20",
                "100.64.0.1",
                "169.254.10.10",
                "fe80::1",
                "fc00::1",
                "fd12:3456:789a::1",
                "::ffff:10.1.2.3",
                "::127.0.0.1",
                "2002:7f00:0001::1",
                "64:ff9b::c0a8:0101"
            })
    void privateLoopbackAndLinkLocalAddressesArePrivate(String address) {
        assertThat(MailHostPolicy.kind(ip(address))).isEqualTo(MailHostPolicy.Kind.PRIVATE);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "169.254.169.254",
                "169.254.170.2",
                "100.100.100.200",
                "168.63.129.16",
                "fd00:ec2::254",
                "::ffff:169.254.169.254",
                "64:ff9b::a9fe:a9fe",
                "0.0.0.0",
                "0.1.2.3",
                "::",
                "224.0.0.251",
                "239.1.2.3",
                "ff02::1",
                "255.255.255.255",
                "240.0.0.1"
            })
    void unspecifiedMulticastAndMetadataAddressesAreReserved(String address) {
        assertThat(MailHostPolicy.kind(ip(address))).isEqualTo(MailHostPolicy.Kind.RESERVED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "142.250.74.101", "172.32.0.1", "100.128.0.1", "2606:4700::1111"})
    void publicAddressesArePublic(String address) {
        assertThat(MailHostPolicy.kind(ip(address))).isEqualTo(MailHostPolicy.Kind.PUBLIC);
    }

    @Test
    void aPrivateAnswerIsRefusedUnlessTheDeploymentAllowsIt() throws Exception {
        List<String> asked = new ArrayList<>();
        assertThatThrownBy(() -> answering(false, asked, "192.168.1.20").resolve("mail.lan"))
                .isInstanceOf(RefusedMailHost.class)
                .extracting(e -> ((RefusedMailHost) e).messageKey())
                .isEqualTo(RefusedMailHost.PRIVATE);
        assertThat(answering(true, asked, "192.168.1.20").resolve("mail.lan")).isEqualTo(ip("192.168.1.20"));
    }

    @Test
    void reservedAddressesAreRefusedEvenWhereLocalServersAreAllowed() {
        List<String> asked = new ArrayList<>();
        for (boolean allowPrivate : new boolean[] {false, true}) {
            assertThatThrownBy(() ->
                            answering(allowPrivate, asked, "169.254.169.254").resolve("metadata.evil.test"))
                    .isInstanceOf(RefusedMailHost.class)
                    .extracting(e -> ((RefusedMailHost) e).messageKey())
                    .isEqualTo(RefusedMailHost.RESERVED);
        }
    }

    @Test
    void oneBadAnswerAmongGoodOnesRefusesTheName() {
        List<String> asked = new ArrayList<>();
        assertThatThrownBy(() ->
                        answering(false, asked, "93.184.216.34", "127.0.0.1").resolve("mixed.evil.test"))
                .isInstanceOf(RefusedMailHost.class);
    }

    @Test
    void aPublicNameResolvesOnceToTheAddressUsed() throws Exception {
        List<String> asked = new ArrayList<>();
        assertThat(answering(false, asked, "93.184.216.34").resolve("imap.example.com"))
                .isEqualTo(ip("93.184.216.34"));
        assertThat(asked).containsExactly("imap.example.com");
    }

    @Test
    void aNameWithoutAddressesIsAnUnknownHost() {
        assertThatThrownBy(() -> new MailHostPolicy(false, host -> new InetAddress[0]).resolve("nothing.test"))
                .isInstanceOf(UnknownHostException.class);
    }
}
