package io.team365.identity.internal;

import io.team365.tenancy.DatabaseLookups;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Following the emailed link proves the address; sign-in is refused until then. */
@Service
public class EmailVerifications {

    private final OneTimeLinks links;
    private final UserAccounts users;
    private final IdentityMail mail;
    private final LinkMailer linkMailer;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    EmailVerifications(
            OneTimeLinks links,
            UserAccounts users,
            IdentityMail mail,
            LinkMailer linkMailer,
            JdbcClient jdbc,
            PlatformTransactionManager transactions) {
        this.links = links;
        this.users = users;
        this.mail = mail;
        this.linkMailer = linkMailer;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** True if the link was genuine and unused; the link is used up and the address verified in one transaction. */
    public boolean verify(String token) {
        return Boolean.TRUE.equals(transaction.execute(status -> links.redeem(token, OneTimeLinks.VERIFY_EMAIL)
                .map(user -> {
                    DatabaseLookups.asUser(jdbc, user);
                    users.markEmailVerified(user);
                    return true;
                })
                .orElse(false)));
    }

    /** Sends a new link if the address has an unverified account; says nothing either way, to not reveal accounts. */
    public void resend(String email) {
        linkMailer.sendIfEligible(
                email,
                account -> !account.emailVerified(),
                OneTimeLinks.VERIFY_EMAIL,
                SignUps.VERIFICATION_VALIDITY,
                (account, secret) -> mail.verification(account.email(), account.name(), secret));
    }
}
