package io.team365.bench;

import io.team365.core.TenantId;
import io.team365.tenancy.TenantCrypto;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Bench-only: stores a mail account directly in SQL when the accounts API is not part of the build. The password is
 * sealed exactly as the server seals it: the server's own envelope encryption classes, loaded in this JVM with the
 * master key from the bench data directory and the Client's data key from its database, purpose
 * {@code mail.account.secret}. Nothing else of the server is bypassed: the sync finds the account as it finds any.
 */
final class BenchMailAccount {

    private BenchMailAccount() {}

    static UUID insert(BenchDatabase db, BenchTenant tenant, String address, String password, int imapPort, Path dataDir)
            throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection c = db.connect(BenchDatabase.OWNER, tenant.tenantId())) {
            SingleConnectionDataSource source = new SingleConnectionDataSource(c, true);
            JdbcClient jdbc = JdbcClient.create(source);
            Class<?> masterKeyType = Class.forName("io.team365.tenancy.internal.MasterKey");
            Constructor<?> masterKeyOf = masterKeyType.getDeclaredConstructor(String.class, String.class);
            masterKeyOf.setAccessible(true);
            Object masterKey = masterKeyOf.newInstance(
                    System.getenv().getOrDefault("TEAM365_MASTER_KEY", ""),
                    dataDir.toAbsolutePath().toString());
            Constructor<?> cryptoOf = Class.forName("io.team365.tenancy.internal.EnvelopeTenantCrypto")
                    .getDeclaredConstructor(JdbcClient.class, masterKeyType, PlatformTransactionManager.class);
            cryptoOf.setAccessible(true);
            TenantCrypto crypto = (TenantCrypto) cryptoOf.newInstance(jdbc, masterKey, new DataSourceTransactionManager(
                    source));
            byte[] sealed = crypto.encrypt(
                    new TenantId(tenant.tenantId()), "mail.account.secret", password.getBytes(StandardCharsets.UTF_8));
            try (PreparedStatement insert = c.prepareStatement("""
                    insert into mail_accounts (tenant_id, id, owner_id, provider, email, username, imap_host, imap_port,
                        imap_security, smtp_host, smtp_port, smtp_security, secret, sync_days, status, next_sync_at,
                        created_at, updated_at)
                    values (?, ?, ?, 'imap', ?, ?, '127.0.0.1', ?, 'none', '127.0.0.1', ?, 'none', ?, 3650, 'new',
                        now(), now(), now())
                    """)) {
                insert.setObject(1, tenant.tenantId());
                insert.setObject(2, id);
                insert.setObject(3, tenant.userId());
                insert.setString(4, address);
                insert.setString(5, address);
                insert.setInt(6, imapPort);
                insert.setInt(7, imapPort);
                insert.setBytes(8, sealed);
                insert.executeUpdate();
            }
        }
        return id;
    }
}
