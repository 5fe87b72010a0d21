package io.team365.customfields;

import io.team365.core.TenantId;

/** A custom field was deleted: the records of that kind drop their values of it. */
public record CustomFieldDeleted(TenantId tenant, String object, String key) {}
