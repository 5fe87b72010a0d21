package io.team365.identity.internal;

import io.team365.core.TenantId;
import io.team365.notifications.OutboundEmail;
import io.team365.notifications.Outbox;
import io.team365.tenancy.DatabaseLookups;
import io.team365.tenancy.TenantContext;
import java.time.Duration;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mails a one-time link to an address typed by a visitor (forgot password, send the confirmation again) if, and
 * only if, it belongs to an eligible account. The caller learns nothing either way, so accounts are not revealed.
 */
@Component
class LinkMailer {

    private final UserAccounts users;
    private final OneTimeLinks links;
    private final Outbox outbox;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    LinkMailer(
            UserAccounts users,
            OneTimeLinks links,
            Outbox outbox,
            JdbcClient jdbc,
            PlatformTransactionManager transactions) {
        this.users = users;
        this.links = links;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    void sendIfEligible(
            String typedEmail,
            Predicate<UserAccount> eligible,
            String purpose,
            Duration validity,
            BiFunction<UserAccount, String, OutboundEmail> email) {
        if (typedEmail == null
                || typedEmail.isBlank()
                || typedEmail.length() > 254
                || typedEmail.chars().anyMatch(c -> c < 0x20)) {
            return;
        }
        String address = typedEmail.strip().toLowerCase(Locale.ROOT);
        TenantContext.runAs(
                TenantId.PLATFORM,
                null,
                () -> transaction.executeWithoutResult(status -> users.findByEmail(address)
                        .filter(eligible)
                        .ifPresent(account -> {
                            DatabaseLookups.asUser(jdbc, account.id());
                            String secret = links.issue(account.id(), purpose, validity);
                            outbox.enqueue(TenantId.PLATFORM, email.apply(account, secret));
                        })));
    }
}
