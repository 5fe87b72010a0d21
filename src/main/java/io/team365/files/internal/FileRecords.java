package io.team365.files.internal;

import io.team365.core.RecordTable;
import io.team365.files.FileSettings;
import io.team365.files.FileStorage;
import java.nio.file.Path;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The attachments table for the shared trash purge, and the file store chosen by {@code team365.files.storage}. */
@Configuration
class FileRecords {

    @Bean
    RecordTable attachmentTable() {
        return new RecordTable("attachment", "attachments");
    }

    @Bean
    @ConditionalOnProperty(name = "team365.files.storage", havingValue = "local", matchIfMissing = true)
    FileStorage localFileStorage(FileSettings settings, Environment environment) {
        return new LocalFileStorage(Path.of(environment.resolvePlaceholders(settings.directory())));
    }
}
