package io.team365.mail.internal.account;

import io.team365.audit.AuditTrail;
import io.team365.core.InvalidInput;
import io.team365.core.NotFound;
import io.team365.core.Validation;
import io.team365.core.web.KeyedRateLimits;
import io.team365.identity.Role;
import io.team365.identity.SignedInUser;
import io.team365.mail.internal.connect.MailLogin;
import io.team365.mail.internal.connect.MailServer;
import io.team365.mail.internal.oauth.MailOAuthClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Connecting mailboxes and seeing them. A member sees their own accounts; administrators also see (and manage) the
 * ones shared with the team. Anything else is "not found", another Client's accounts included. The connection test
 * talks to the mail servers outside any database transaction; the writes that follow are one transaction with their
 * audit line and the {@link SyncRequested} event.
 */
@Service
public class MailAccountManagement {

    private final MailAccountStore store;
    private final MailConnectionTest connectionTest;
    private final MailFolderDiscovery folders;
    private final MailOAuthClient oauth;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transaction;

    /**
     * Connection tests make this server connect wherever a member says: limited per person, so they cannot be used
     * to scan a network (each node counts on its own, which is enough for that).
     */
    private final KeyedRateLimits tests = new KeyedRateLimits(Duration.ofMinutes(10));

    private final java.util.concurrent.atomic.AtomicInteger testsSinceCleanUp =
            new java.util.concurrent.atomic.AtomicInteger();

    static final int TESTS_PER_TEN_MINUTES = 30;

    MailAccountManagement(
            MailAccountStore store,
            MailConnectionTest connectionTest,
            MailFolderDiscovery folders,
            MailOAuthClient oauth,
            AuditTrail audit,
            ApplicationEventPublisher events,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.store = store;
        this.connectionTest = connectionTest;
        this.folders = folders;
        this.oauth = oauth;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    public List<MailAccount> visible() {
        SignedInUser user = SignedInUser.require();
        return transaction.execute(status -> store.visibleTo(user.userId(), isAdmin(user)));
    }

    /** The account if the signed-in user may see and manage it; otherwise not found. */
    public MailAccount view(UUID id) {
        SignedInUser user = SignedInUser.require();
        return transaction.execute(status -> store.find(id)
                .filter(account -> account.ownerId().equals(user.userId())
                        || (account.sharing() == MailAccount.Sharing.TEAM && isAdmin(user)))
                .orElseThrow(() -> new NotFound("mail account")));
    }

    public List<MailFolderDiscovery.StoredFolder> folders(UUID id) {
        view(id);
        return transaction.execute(status -> folders.stored(id));
    }

    public boolean offers(MailAccount.Provider provider) {
        return oauth.configured(provider);
    }

    /** Signs in to both servers without saving anything. @throws InvalidInput naming the field at fault */
    public void test(ConnectRequest request) {
        Checked checked = check(request);
        throttle(SignedInUser.require());
        try {
            connectionTest.run(checked.imap(), checked.smtp(), checked.login());
        } catch (MailConnectionFailed failed) {
            throw InvalidInput.of(failed.field(), failed.messageKey());
        }
    }

    /** Tests the connection, then stores the account with its folders, due for a sync at once. */
    public MailAccount connect(ConnectRequest request, AuditTrail.Actor actor) {
        SignedInUser user = SignedInUser.require();
        Checked checked = check(request);
        throttle(user);
        List<MailFolderDiscovery.ServerFolder> found;
        try {
            found = connectionTest.run(checked.imap(), checked.smtp(), checked.login());
        } catch (MailConnectionFailed failed) {
            throw InvalidInput.of(failed.field(), failed.messageKey());
        }
        MailAccount account = new MailAccount(
                user.tenant(),
                UUID.randomUUID(),
                user.userId(),
                MailAccount.Provider.IMAP,
                checked.email(),
                checked.displayName(),
                checked.username(),
                checked.imap(),
                checked.smtp(),
                checked.sharing(),
                checked.syncDays(),
                null,
                "new",
                null,
                null,
                clock.instant(),
                0);
        return transaction.execute(status -> {
            if (store.exists(user.userId(), account.email())) {
                throw InvalidInput.of("email", "mail.accounts.error.duplicate");
            }
            store.insert(account, request.password());
            folders.store(user.tenant(), account.id(), found);
            audit.record(
                    user.tenant(),
                    actor,
                    "mail.account.connected",
                    "mail_account",
                    account.id().toString(),
                    Map.of("provider", account.provider().key()));
            events.publishEvent(new SyncRequested(user.tenant(), account.id()));
            return store.find(account.id()).orElseThrow();
        });
    }

    /** "Test connection" on a stored account. @throws MailConnectionFailed saying why it failed */
    public void testStored(UUID id) {
        MailAccount account = view(id);
        if ("disconnected".equals(account.status())) {
            throw new MailConnectionFailed("imap", "mail.accounts.error.disconnected", null);
        }
        throttle(SignedInUser.require());
        MailLogin login = store.login(account);
        List<MailFolderDiscovery.ServerFolder> found = connectionTest.run(account.imap(), account.smtp(), login);
        transaction.executeWithoutResult(status -> folders.store(account.tenant(), id, found));
    }

    /** "Sync now": due at once; the sync worker hears of it. */
    public MailAccount requestSync(UUID id, AuditTrail.Actor actor) {
        MailAccount account = view(id);
        if ("disconnected".equals(account.status())) {
            throw InvalidInput.of("id", "mail.accounts.error.disconnected");
        }
        return transaction.execute(status -> {
            store.requestSync(id);
            audit.record(
                    account.tenant(), actor, "mail.account.sync-requested", "mail_account", id.toString(), Map.of());
            events.publishEvent(new SyncRequested(account.tenant(), id));
            return store.find(id).orElseThrow();
        });
    }

    /** A new password for an IMAP account (one whose password changed): tested first, then kept. */
    public MailAccount replacePassword(UUID id, String password, AuditTrail.Actor actor) {
        MailAccount account = view(id);
        if (account.provider() != MailAccount.Provider.IMAP) {
            throw InvalidInput.of("password", "mail.accounts.error.oauth-in-browser");
        }
        if (password == null || password.isEmpty() || password.length() > 1000) {
            throw InvalidInput.of("password", "validation.required");
        }
        throttle(SignedInUser.require());
        String username = account.username() == null ? account.email() : account.username();
        try {
            connectionTest.run(account.imap(), account.smtp(), MailLogin.password(username, password));
        } catch (MailConnectionFailed failed) {
            throw InvalidInput.of(failed.field(), failed.messageKey());
        }
        return transaction.execute(status -> {
            store.replacePassword(account, password);
            audit.record(account.tenant(), actor, "mail.account.reconnected", "mail_account", id.toString(), Map.of());
            events.publishEvent(new SyncRequested(account.tenant(), id));
            return store.find(id).orElseThrow();
        });
    }

    private record Checked(
            String email,
            String username,
            String displayName,
            MailServer imap,
            MailServer smtp,
            MailAccount.Sharing sharing,
            int syncDays,
            MailLogin login) {}

    private Checked check(ConnectRequest request) {
        if (request == null) {
            throw InvalidInput.of("body", "validation.required");
        }
        MailAccount.Provider provider = ConnectRequest.provider(request.provider());
        if (provider != MailAccount.Provider.IMAP) {
            throw InvalidInput.of(
                    "provider",
                    oauth.configured(provider)
                            ? "mail.accounts.error.oauth-in-browser"
                            : "mail.accounts.error.provider-not-configured");
        }
        Validation validation = Validation.start();
        String email = validation.email("email", request.email());
        String username = ConnectRequest.optionalText(validation, "username", request.username(), 254);
        String displayName = ConnectRequest.optionalText(validation, "displayName", request.displayName(), 200);
        if (request.password() == null || request.password().isEmpty()) {
            validation.reject("password", "validation.required");
        } else if (request.password().length() > 1000) {
            validation.reject("password", "validation.too-long", 1000);
        }
        MailServer imap = ConnectRequest.server(validation, "imap", request.imap());
        MailServer smtp = ConnectRequest.server(validation, "smtp", request.smtp());
        MailAccount.Sharing sharing = ConnectRequest.sharing(validation, "sharing", request.sharing());
        int syncDays = ConnectRequest.syncDays(validation, "syncDays", request.syncDays());
        validation.throwIfInvalid();
        MailLogin login = MailLogin.password(username == null ? email : username, request.password());
        return new Checked(email, username, displayName, imap, smtp, sharing, syncDays, login);
    }

    private void throttle(SignedInUser user) {
        if (testsSinceCleanUp.incrementAndGet() % 200 == 0) {
            tests.forgetIdle();
        }
        long wait = tests.take(user.tenant().value() + "/" + user.userId(), TESTS_PER_TEN_MINUTES);
        if (wait > 0) {
            throw InvalidInput.of("imap.host", "mail.accounts.error.throttled", (wait + 59) / 60);
        }
    }

    static boolean isAdmin(SignedInUser user) {
        return user.role() != null && user.role().atLeast(Role.ADMIN);
    }
}
