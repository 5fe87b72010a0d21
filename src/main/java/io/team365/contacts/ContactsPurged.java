package io.team365.contacts;

import io.team365.core.TenantId;
import java.util.List;
import java.util.UUID;

/** Contacts were deleted for good (30 days in the trash): whatever other modules keep about them must go too. */
public record ContactsPurged(TenantId tenant, List<UUID> contactIds) {}
