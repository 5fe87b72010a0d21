package io.team365.mail.internal.account;

import io.team365.audit.AuditTrail;
import io.team365.core.InvalidInput;
import io.team365.core.PublicUrls;
import io.team365.core.Validation;
import io.team365.identity.SignedInUser;
import io.team365.mail.internal.connect.MailServer;
import io.team365.mail.internal.oauth.MailOAuthClient;
import io.team365.mail.internal.oauth.MailOAuthSettings;
import io.team365.mail.internal.oauth.OAuthFailure;
import io.team365.mail.internal.oauth.Pkce;
import java.io.Serializable;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Connecting Gmail and Microsoft 365 through the OAuth2 authorization code flow with PKCE (ADR 0021). The start
 * keeps a {@link Pending} authorization (state, verifier) in the user's session; the provider sends the browser back
 * with a code and the state, which must match; the code is exchanged for tokens, which are sealed with the Client's
 * key. Connecting an address the user already has connects that account again (after a revoked consent).
 */
@Service
public class MailOAuthConnect {

    static final String CALLBACK = "/settings/mail/accounts/oauth/callback";
    private static final Duration PENDING_FOR = Duration.ofMinutes(10);

    private final MailOAuthClient client;
    private final MailAccountStore store;
    private final OAuthAccessTokens tokens;
    private final PublicUrls urls;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transaction;

    MailOAuthConnect(
            MailOAuthClient client,
            MailAccountStore store,
            OAuthAccessTokens tokens,
            PublicUrls urls,
            AuditTrail audit,
            ApplicationEventPublisher events,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.client = client;
        this.store = store;
        this.tokens = tokens;
        this.urls = urls;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** An authorization under way, kept in the session until the provider sends the user back. */
    public record Pending(
            String provider, String state, String verifier, String loginHint, String sharing, Instant startedAt)
            implements Serializable {

        @Override
        public String toString() {
            return "Pending[" + provider + "]";
        }
    }

    public record Start(Pending pending, URI authorizeUri) {}

    public Start start(String providerName, String loginHint, String sharing) {
        MailAccount.Provider provider = ConnectRequest.provider(providerName);
        if (provider == MailAccount.Provider.IMAP) {
            throw InvalidInput.of("provider", "mail.accounts.error.provider");
        }
        if (!client.configured(provider)) {
            throw InvalidInput.of("provider", "mail.accounts.error.provider-not-configured");
        }
        Validation validation = Validation.start();
        String hint = null;
        if (loginHint != null && !loginHint.isBlank() || provider == MailAccount.Provider.MICROSOFT) {
            // Microsoft's tokens for IMAP carry no address: the user says which mailbox they connect
            hint = validation.email("email", loginHint);
        }
        ConnectRequest.sharing(validation, "sharing", sharing);
        validation.throwIfInvalid();
        Pkce pkce = Pkce.create();
        Pending pending =
                new Pending(provider.key(), Pkce.randomToken(), pkce.verifier(), hint, sharing, clock.instant());
        return new Start(pending, client.authorizeUri(provider, urls.link(CALLBACK), pending.state(), pkce, hint));
    }

    /**
     * The provider sent the user back. {@code error} is the provider's answer when the user refused.
     *
     * @throws InvalidInput with a message key saying what went wrong (nothing is stored then)
     */
    public MailAccount finish(Pending pending, String state, String code, String error, AuditTrail.Actor actor) {
        if (pending == null
                || state == null
                || !MessageDigest.isEqual(
                        pending.state().getBytes(StandardCharsets.US_ASCII), state.getBytes(StandardCharsets.US_ASCII))
                || pending.startedAt().plus(PENDING_FOR).isBefore(clock.instant())) {
            throw InvalidInput.of("state", "mail.accounts.error.oauth-state");
        }
        if (error != null || code == null || code.isBlank()) {
            throw InvalidInput.of("provider", MailConnectionTest.OAUTH_CONSENT);
        }
        MailAccount.Provider provider = ConnectRequest.provider(pending.provider());
        MailOAuthClient.Tokens granted;
        try {
            granted = client.exchange(provider, code, pending.verifier(), urls.link(CALLBACK));
        } catch (OAuthFailure failure) {
            throw InvalidInput.of(
                    "provider",
                    failure.consentRevoked() ? MailConnectionTest.OAUTH_CONSENT : "mail.accounts.error.oauth-failed");
        }
        if (granted.refreshToken() == null || !grantsMail(provider, granted.scope())) {
            // the user unticked the mail permission (Google's granular consent), or no offline access was granted
            client.revoke(provider, granted.refreshToken() != null ? granted.refreshToken() : granted.accessToken());
            throw InvalidInput.of("provider", MailConnectionTest.OAUTH_CONSENT);
        }
        String email = granted.email() != null ? granted.email().toLowerCase(Locale.ROOT) : pending.loginHint();
        if (email == null || !Validation.isEmail(email)) {
            throw InvalidInput.of("email", "mail.accounts.error.oauth-no-email");
        }
        SignedInUser user = SignedInUser.require();
        return transaction.execute(status -> {
            Optional<MailAccount> existing = store.visibleTo(user.userId(), false).stream()
                    .filter(a -> a.ownerId().equals(user.userId()) && a.email().equals(email))
                    .findFirst();
            UUID id;
            if (existing.isPresent()) {
                if (existing.get().provider() != provider) {
                    throw InvalidInput.of("email", "mail.accounts.error.duplicate");
                }
                id = existing.get().id();
                tokens.store(user.tenant(), id, granted);
                store.reactivate(id);
            } else {
                id = UUID.randomUUID();
                MailOAuthSettings.Provider servers = client.settings(provider);
                store.insert(
                        new MailAccount(
                                user.tenant(),
                                id,
                                user.userId(),
                                provider,
                                email,
                                null,
                                null,
                                server(servers.getImapHost(), servers.getImapPort(), servers.getImapSecurity()),
                                server(servers.getSmtpHost(), servers.getSmtpPort(), servers.getSmtpSecurity()),
                                ConnectRequest.sharing(Validation.start(), "sharing", pending.sharing()),
                                90,
                                null,
                                "new",
                                null,
                                null,
                                clock.instant(),
                                0),
                        granted.refreshToken());
                tokens.store(user.tenant(), id, granted);
            }
            audit.record(
                    user.tenant(),
                    actor,
                    existing.isPresent() ? "mail.account.reconnected" : "mail.account.connected",
                    "mail_account",
                    id.toString(),
                    Map.of("provider", provider.key()));
            events.publishEvent(new SyncRequested(user.tenant(), id));
            return store.find(id).orElseThrow();
        });
    }

    private static boolean grantsMail(MailAccount.Provider provider, String scope) {
        if (scope == null || scope.isBlank()) {
            // a provider may leave the scope out when it granted exactly what was asked (RFC 6749, 5.1)
            return true;
        }
        return provider == MailAccount.Provider.GMAIL
                ? java.util.Arrays.asList(scope.split(" ")).contains("https://mail.google.com/")
                : scope.contains("IMAP.AccessAsUser.All") && scope.contains("SMTP.Send");
    }

    private static MailServer server(String host, int port, String security) {
        return new MailServer(host, port, MailServer.Security.valueOf(security.toUpperCase(Locale.ROOT)));
    }
}
