package io.team365.identity;

import io.team365.audit.AuditTrail;
import io.team365.core.Conflict;
import io.team365.core.NotFound;
import java.util.List;
import java.util.UUID;

/** The people of the current Client: listing them, changing roles, removing them. */
public interface TeamManagement {

    List<Member> members();

    /**
     * The admins and owners of the Client bound to the current transaction, for mail that something a visitor did
     * (a data-subject request) needs them; works without a signed-in user.
     */
    List<Member> administrators(io.team365.core.TenantId tenant);

    /** The ids of the current Client's people, to check an owner named on a record is one of them. */
    java.util.Set<UUID> memberIds();

    /**
     * Which records the signed-in caller may see: everything for owners, admins, and whenever the Client shows
     * members all records; otherwise their own.
     */
    RecordScope recordScope();

    /** The Clients the signed-in person belongs to. */
    List<Membership> membershipsOf(UUID userId);

    /**
     * @throws Conflict when it would leave the Client without an owner, or an admin touches an owner
     * @throws NotFound when the person is not in this Client
     */
    void changeRole(SignedInUser by, UUID userId, Role role, AuditTrail.Actor actor);

    void remove(SignedInUser by, UUID userId, AuditTrail.Actor actor);
}
