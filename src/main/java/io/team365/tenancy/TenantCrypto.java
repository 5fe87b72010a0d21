package io.team365.tenancy;

import io.team365.core.TenantId;

/**
 * Envelope encryption of a Client's secrets (OAuth tokens, mailbox passwords, TOTP seeds, webhook secrets): each
 * Client has its own AES-256-GCM data key, wrapped by the deployment's master key. A ciphertext is bound to its
 * Client and to a purpose, so it cannot be decrypted for another Client or copied into another field.
 */
public interface TenantCrypto {

    byte[] encrypt(TenantId tenant, String purpose, byte[] plaintext);

    /** @throws UndecryptableException if the ciphertext was altered, is another Client's or purpose's, or the key is gone */
    byte[] decrypt(TenantId tenant, String purpose, byte[] ciphertext);

    /** Crypto-shredding: deletes the Client's data key, so nothing encrypted with it can ever be read again. */
    void destroyKey(TenantId tenant);

    class UndecryptableException extends RuntimeException {
        public UndecryptableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
