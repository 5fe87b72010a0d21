package io.team365.tenancy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.TinkProtoKeysetFormat;
import io.team365.core.TenantId;
import io.team365.support.IntegrationTest;
import io.team365.tenancy.TenantContext;
import io.team365.tenancy.TenantCrypto;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class TenantCryptoTests extends IntegrationTest {

    private static final byte[] SECRET = "imap-password-Ünïcode-42".getBytes(StandardCharsets.UTF_8);

    @Autowired
    TenantCrypto crypto;

    @Test
    void encryptsPerClientAndPurpose() {
        TenantId alpha = TenantId.of(signUpAndVerify("Crypto Alpha").tenantId().toString());
        TenantId beta = TenantId.of(signUpAndVerify("Crypto Beta").tenantId().toString());

        byte[] sealed = crypto.encrypt(alpha, "mail.password", SECRET);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("imap-password");
        assertThat(crypto.decrypt(alpha, "mail.password", sealed)).isEqualTo(SECRET);
        assertThat(crypto.encrypt(alpha, "mail.password", SECRET))
                .as("random nonce each time")
                .isNotEqualTo(sealed);

        assertThatThrownBy(() -> crypto.decrypt(beta, "mail.password", sealed))
                .isInstanceOf(TenantCrypto.UndecryptableException.class);
        assertThatThrownBy(() -> crypto.decrypt(alpha, "oauth.refresh-token", sealed))
                .isInstanceOf(TenantCrypto.UndecryptableException.class);
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> crypto.decrypt(alpha, "mail.password", sealed))
                .isInstanceOf(TenantCrypto.UndecryptableException.class);
    }

    @Test
    void theStoredDataKeyIsWrappedAndUselessWithoutTheMasterKey() throws GeneralSecurityException {
        TenantId tenant =
                TenantId.of(signUpAndVerify("Crypto Wrapped").tenantId().toString());
        crypto.encrypt(tenant, "totp.seed", SECRET);
        byte[] wrapped = TenantContext.callAs(
                tenant,
                null,
                () -> jdbc.sql("select wrapped_keyset from tenant_keys where tenant_id = ?")
                        .param(tenant.value())
                        .query(byte[].class)
                        .single());
        byte[] otherMaster = new byte[32];
        new SecureRandom().nextBytes(otherMaster);
        assertThatThrownBy(() -> TinkProtoKeysetFormat.parseEncryptedKeyset(
                        wrapped, MasterKey.aeadOf(otherMaster), ("team365-tenant-key:" + tenant).getBytes()))
                .isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void destroyingTheKeyMakesEverythingEncryptedWithItUnreadable() {
        TenantId tenant =
                TenantId.of(signUpAndVerify("Crypto Shredded").tenantId().toString());
        byte[] sealed = crypto.encrypt(tenant, "webhook.secret", SECRET);
        crypto.destroyKey(tenant);
        assertThatThrownBy(() -> crypto.decrypt(tenant, "webhook.secret", sealed))
                .isInstanceOf(TenantCrypto.UndecryptableException.class)
                .hasMessageContaining("does not exist");
    }
}
