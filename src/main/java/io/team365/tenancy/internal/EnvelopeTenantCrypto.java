package io.team365.tenancy.internal;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import io.team365.core.TenantId;
import io.team365.tenancy.TenantContext;
import io.team365.tenancy.TenantCrypto;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

@Service
class EnvelopeTenantCrypto implements TenantCrypto {

    private final JdbcClient jdbc;
    private final MasterKey masterKey;
    private final TransactionTemplate transaction;
    private final TransactionTemplate joiningTransaction;
    /** Unwrapped keys, kept a few minutes: a key destroyed on another node stops working here within that time. */
    private final Map<TenantId, Cached> unwrapped = new ConcurrentHashMap<>();

    private record Cached(Aead aead, long loadedAt) {
        boolean fresh() {
            return System.nanoTime() - loadedAt < CACHE_TTL.toNanos();
        }
    }

    static final Duration CACHE_TTL = Duration.ofMinutes(5);

    EnvelopeTenantCrypto(JdbcClient jdbc, MasterKey masterKey, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.masterKey = masterKey;
        this.transaction = new TransactionTemplate(transactions);
        // a connection of its own, bound to the key's tenant, whatever transaction the caller is in
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.joiningTransaction = new TransactionTemplate(transactions);
    }

    @Override
    public byte[] encrypt(TenantId tenant, String purpose, byte[] plaintext) {
        try {
            return dataKey(tenant, true).orElseThrow().encrypt(plaintext, associatedData(tenant, purpose));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    @Override
    public byte[] decrypt(TenantId tenant, String purpose, byte[] ciphertext) {
        Aead key = dataKey(tenant, false)
                .orElseThrow(() -> new UndecryptableException("The Client's data key does not exist", null));
        try {
            return key.decrypt(ciphertext, associatedData(tenant, purpose));
        } catch (GeneralSecurityException e) {
            throw new UndecryptableException("The ciphertext is altered or belongs elsewhere", e);
        }
    }

    @Override
    public void destroyKey(TenantId tenant) {
        TenantContext.runAs(
                tenant,
                null,
                () -> transaction.executeWithoutResult(
                        status -> jdbc.sql("delete from tenant_keys where tenant_id = :tenant")
                                .param("tenant", tenant.value())
                                .update()));
        unwrapped.remove(tenant);
    }

    private Optional<Aead> dataKey(TenantId tenant, boolean createIfMissing) {
        Cached cached = unwrapped.get(tenant);
        if (cached != null && cached.fresh()) {
            return Optional.of(cached.aead());
        }
        // the caller's transaction when it already works for this tenant (no second pooled connection), else one
        // of its own bound to the tenant
        boolean joinable = TransactionSynchronizationManager.isActualTransactionActive()
                && TenantContext.tenant().filter(tenant::equals).isPresent();
        TransactionTemplate template = joinable ? joiningTransaction : transaction;
        Optional<Aead> key = TenantContext.callAs(
                tenant,
                TenantContext.user().orElse(null),
                () -> template.execute(status ->
                        load(tenant).or(() -> createIfMissing ? Optional.of(create(tenant)) : Optional.empty())));
        key.ifPresentOrElse(
                k -> unwrapped.put(tenant, new Cached(k, System.nanoTime())), () -> unwrapped.remove(tenant));
        return key;
    }

    private Optional<Aead> load(TenantId tenant) {
        return jdbc.sql("select wrapped_keyset from tenant_keys where tenant_id = :tenant")
                .param("tenant", tenant.value())
                .query(byte[].class)
                .optional()
                .map(wrapped -> unwrap(tenant, wrapped));
    }

    /** Concurrent first uses may both generate a key; the insert keeps one, and both then use the stored one. */
    private Aead create(TenantId tenant) {
        try {
            KeysetHandle handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            byte[] wrapped =
                    TinkProtoKeysetFormat.serializeEncryptedKeyset(handle, masterKey.aead(), keyAssociatedData(tenant));
            jdbc.sql("insert into tenant_keys (tenant_id, wrapped_keyset) values (:tenant, :wrapped)"
                            + " on conflict (tenant_id) do nothing")
                    .param("tenant", tenant.value())
                    .param("wrapped", wrapped)
                    .update();
            return load(tenant).orElseThrow();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not create a data key", e);
        }
    }

    private Aead unwrap(TenantId tenant, byte[] wrapped) {
        try {
            return TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, masterKey.aead(), keyAssociatedData(tenant))
                    .getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new UndecryptableException("The data key cannot be unwrapped with this master key", e);
        }
    }

    private static byte[] keyAssociatedData(TenantId tenant) {
        return ("team365-tenant-key:" + tenant).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] associatedData(TenantId tenant, String purpose) {
        return ("team365:" + tenant + ":" + purpose).getBytes(StandardCharsets.UTF_8);
    }
}
