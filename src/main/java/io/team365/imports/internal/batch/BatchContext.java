package io.team365.imports.internal.batch;

import io.team365.core.TenantId;
import io.team365.imports.ImportObject;
import java.util.UUID;

/**
 * What every batch of one import needs to know: the Client, the import, who started it (the owner of what it
 * creates), what to do with duplicates, the region of phone numbers without a country code, and the consent purpose
 * the importing person stated (null when none).
 */
public record BatchContext(
        TenantId tenant,
        UUID importId,
        ImportObject object,
        String fileName,
        UUID owner,
        String onDuplicate,
        String region,
        String consentPurpose) {

    public boolean skipDuplicates() {
        return "skip".equals(onDuplicate);
    }

    public boolean createDuplicates() {
        return "create".equals(onDuplicate);
    }

    /** The detail of every value's source: the file's name. */
    public String sourceDetail() {
        return fileName;
    }
}
