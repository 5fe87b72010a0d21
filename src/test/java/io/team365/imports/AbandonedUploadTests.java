package io.team365.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.core.TenantId;
import io.team365.imports.internal.ImportFiles;
import io.team365.support.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Uploads nobody turned into an import are deleted after a day; recent ones stay. */
class AbandonedUploadTests extends IntegrationTest {

    @Autowired
    ImportFiles files;

    @Test
    void uploadsLeftInTheWizardAreDeletedOnceTheyAreADayOld() throws Exception {
        TenantId tenant = new TenantId(UUID.randomUUID());
        Path old = upload(tenant, Instant.now().minus(Duration.ofDays(2)));
        Path recent = upload(tenant, Instant.now().minus(Duration.ofHours(1)));
        Path halfReceived = files.incoming();
        Files.setLastModifiedTime(halfReceived, FileTime.from(Instant.now().minus(Duration.ofDays(3))));

        int deleted = files.deleteAbandonedUploads(Instant.now().minus(Duration.ofDays(1)));

        assertThat(deleted).isGreaterThanOrEqualTo(2);
        assertThat(old).doesNotExist();
        assertThat(halfReceived).doesNotExist();
        assertThat(recent).exists();
        Files.delete(recent);
    }

    private Path upload(TenantId tenant, Instant touched) throws Exception {
        Path incoming = files.incoming();
        Files.writeString(incoming, "firstName,email\nAna,ana@example.test\n");
        UUID token = UUID.randomUUID();
        files.stage(incoming, tenant, token);
        Path staged = files.staged(tenant, token);
        Files.setLastModifiedTime(staged, FileTime.from(touched));
        return staged;
    }
}
