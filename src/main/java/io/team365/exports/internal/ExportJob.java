package io.team365.exports.internal;

import io.team365.audit.AuditTrail;
import io.team365.core.TenantId;
import io.team365.core.exporting.ExportColumn;
import io.team365.exports.Export;
import io.team365.identity.Member;
import io.team365.identity.SignedInUser;
import io.team365.identity.TeamManagement;
import io.team365.tenancy.TenantContext;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Writes an export's file in the background, as the person who asked for it (their Client, and the records they may
 * see): rows stream from a database cursor in one read-only transaction through a buffered writer into a temporary
 * file, which is renamed into place when complete. Progress is saved in short transactions of their own every few
 * thousand rows; a cancelled export stops at the next of those.
 */
@Component
public class ExportJob implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ExportJob.class);
    private static final int PROGRESS_EVERY = 5000;
    private static final int BUFFER = 1 << 16;

    /**
     * Two threads of the job's own, not a bean (a TaskExecutor bean would also become the one {@code @Async} uses):
     * a large export never holds up other background work, and more exports at once wait in line ("queued").
     */
    private final ThreadPoolTaskExecutor executor;

    private final ExportRecords records;
    private final ExportSources sources;
    private final ExportFiles files;
    private final TeamManagement team;
    private final AuditTrail audit;
    private final ObjectMapper json;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    ExportJob(
            ExportRecords records,
            ExportSources sources,
            ExportFiles files,
            TeamManagement team,
            AuditTrail audit,
            ObjectMapper json,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(2);
        executor.setMaxPoolSize(2);
        executor.setQueueCapacity(10_000);
        executor.setThreadNamePrefix("export-");
        executor.initialize();
        this.records = records;
        this.sources = sources;
        this.files = files;
        this.team = team;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public void destroy() {
        executor.shutdown();
    }

    /** Queues the export's job; call once the export's row is committed. */
    public void submit(Export export, SignedInUser user) {
        executor.execute(() -> runAs(user, () -> run(export, user)));
    }

    private static void runAs(SignedInUser user, Runnable work) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, List.of()));
        SecurityContextHolder.setContext(context);
        try {
            TenantContext.runAs(user.tenant(), user.userId(), work);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void run(Export export, SignedInUser user) {
        TenantId tenant = user.tenant();
        UUID id = export.id();
        if (!Boolean.TRUE.equals(ownTransaction.execute(s -> records.start(id, clock.instant())))) {
            return;
        }
        Path temporary = null;
        try {
            temporary = files.temporary(tenant, id);
            long written = write(export, temporary);
            Path target = files.file(tenant, id);
            files.publish(temporary, target);
            long size = Files.size(target);
            boolean done = Boolean.TRUE.equals(ownTransaction.execute(s -> {
                boolean finished = records.finish(id, written, size, clock.instant());
                if (finished) {
                    audit.record(
                            tenant,
                            new AuditTrail.Actor(user.userId(), user.email(), null, null),
                            "export.finished",
                            "export",
                            id.toString(),
                            Map.of(
                                    "object",
                                    export.object().value(),
                                    "format",
                                    export.format().value(),
                                    "rows",
                                    written));
                }
                return finished;
            }));
            if (!done) {
                ExportFiles.deleteQuietly(target);
            }
        } catch (Cancelled cancelled) {
            log.info("Export {} was cancelled", id);
        } catch (RuntimeException | IOException e) {
            log.warn("Export {} failed", id, e);
            ownTransaction.executeWithoutResult(s -> records.fail(id, "exports.error.failed", clock.instant()));
        } finally {
            if (temporary != null) {
                ExportFiles.deleteQuietly(temporary);
            }
        }
    }

    /** Streams the rows into the file; returns how many were written. */
    private long write(Export export, Path file) throws IOException {
        Map<String, String> userNames = new HashMap<>();
        for (Member member : team.members()) {
            userNames.put(member.userId().toString(), member.name());
        }
        // CSV writes bytes straight into the file (its own buffer); JSON and vCard write text through the Writer
        try (OutputStream bytes = Files.newOutputStream(file);
                Writer out = new BufferedWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), BUFFER)) {
            ExportWriter writer = switch (export.format()) {
                case CSV -> new CsvExportWriter(bytes, userNames);
                case JSON -> new JsonExportWriter(out, json);
                case VCF -> new VcardExportWriter(out, json);
            };
            List<ExportColumn> columns = writer.select(sources.columns(export.object()));
            writer.begin();
            long[] count = {0};
            sources.forEach(export.object(), export.selection(), columns, row -> {
                try {
                    writer.row(row);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (++count[0] % PROGRESS_EVERY == 0) {
                    long processed = count[0];
                    if (!Boolean.TRUE.equals(ownTransaction.execute(s -> records.progress(export.id(), processed)))) {
                        throw new Cancelled();
                    }
                }
            });
            writer.end();
            return count[0];
        }
    }

    /** The export was cancelled (or deleted) while it ran. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super(null, null, false, false);
        }
    }
}
