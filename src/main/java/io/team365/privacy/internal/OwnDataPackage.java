package io.team365.privacy.internal;

import io.team365.audit.AuditTrail;
import io.team365.core.Ids;
import io.team365.identity.Membership;
import io.team365.identity.SignedInUser;
import io.team365.identity.TeamManagement;
import io.team365.tenancy.TenantTransactions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Component;

/**
 * "Download my data": what Team365 holds about the signed-in person, built by the subject-data engine from the
 * personal-data registry (the person is the subject: their email and user id), Client by Client, each Client's
 * package in a folder of its own. Audited in each Client.
 */
@Component
public class OwnDataPackage {

    private final SubjectData engine;
    private final TeamManagement team;
    private final TenantTransactions transactions;
    private final AuditTrail audit;

    OwnDataPackage(SubjectData engine, TeamManagement team, TenantTransactions transactions, AuditTrail audit) {
        this.engine = engine;
        this.team = team;
        this.transactions = transactions;
        this.audit = audit;
    }

    public void write(SignedInUser user, AuditTrail.Actor actor, OutputStream out) throws IOException {
        SubjectData data = engine;
        UUID requestId = Ids.newId();
        SubjectRecords subject = new SubjectRecords(
                List.of(user.email().toLowerCase(Locale.ROOT)), List.of(), List.of(), List.of(user.userId()));
        List<Membership> memberships = team.membershipsOf(user.userId());
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry("README.txt"));
            zip.write(readme(memberships).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            for (Membership membership : memberships) {
                ByteArrayOutputStream one = new ByteArrayOutputStream();
                transactions.run(membership.tenant(), user.userId(), () -> {
                    try {
                        data.writePackage(membership.tenant(), subject, requestId, one);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    audit.record(
                            membership.tenant(),
                            actor,
                            "account.data-downloaded",
                            "user",
                            user.userId().toString(),
                            Map.of("requestId", requestId.toString()));
                });
                copyInto(zip, "client-" + membership.tenant() + "/", one.toByteArray());
            }
        }
    }

    private static void copyInto(ZipOutputStream zip, String folder, byte[] inner) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(inner), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.isDirectory()) {
                    continue;
                }
                zip.putNextEntry(new ZipEntry(folder + entry.getName()));
                in.transferTo(zip);
                zip.closeEntry();
            }
        }
    }

    private static String readme(List<Membership> memberships) {
        StringBuilder text =
                new StringBuilder("What Team365 holds about you, one folder per Client you belong to (client-<id>).\n"
                        + "Each folder has JSON and CSV files per kind of data, each value with its source.\n\n");
        for (Membership membership : memberships) {
            text.append("client-")
                    .append(membership.tenant())
                    .append(": ")
                    .append(membership.clientName())
                    .append('\n');
        }
        return text.toString();
    }
}
