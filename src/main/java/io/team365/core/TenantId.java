package io.team365.core;

import java.util.Objects;
import java.util.UUID;

/** The id of a Client (tenant). Every tenant-owned row carries it as the first column of its key. */
public record TenantId(UUID value) implements java.io.Serializable {

    /** The platform's own pseudo-tenant, for mail that belongs to no Client (password resets). */
    public static final TenantId PLATFORM = new TenantId(new UUID(0, 0));

    public TenantId {
        Objects.requireNonNull(value, "value");
    }

    public static TenantId of(String value) {
        return new TenantId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
