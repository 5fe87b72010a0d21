package io.team365.privacy.internal;

import io.team365.core.TenantId;
import java.io.IOException;
import java.io.OutputStream;
import java.util.UUID;

/**
 * What a data-subject request does to the subject's data, in every module, worked out from the personal-data registry
 * (each module's {@code PersonalField}s and {@code SubjectRows}). Callers run inside the tenant's context and a
 * transaction; {@code requestId} names the request in the audit trail.
 */
public interface SubjectData {

    /** The subject's records in the Client: contacts and leads with the email, and a user account with it. */
    SubjectRecords find(TenantId tenant, String email);

    /** A ZIP of JSON and CSV files with every stored item about the subject, each value with its source. */
    void writePackage(TenantId tenant, SubjectRecords subject, UUID requestId, OutputStream zip) throws IOException;

    /** Deletes or anonymises everything the registry lists about the subject, then suppresses their identifiers. */
    ErasureOutcome erase(TenantId tenant, SubjectRecords subject, UUID requestId);

    /** Stops all processing of the subject's data but storage, until lifted. */
    void restrict(TenantId tenant, SubjectRecords subject, UUID requestId);

    /** Stops marketing and tracking: the subject's objection is recorded for every such purpose. */
    void object(TenantId tenant, SubjectRecords subject, UUID requestId);
}
