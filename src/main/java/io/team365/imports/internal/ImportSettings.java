package io.team365.imports.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of imports ({@code team365.imports.*}).
 *
 * @param directory where uploaded files wait for their import, one sub-folder per Client
 * @param maxSize the largest file accepted (the container's multipart limits must be at least this large)
 * @param batchSize records per batch: each batch is one transaction that also advances the checkpoint
 * @param lease how long a worker holds a running import without finishing a batch; after that another worker (or
 *     this server after a restart) resumes it from its checkpoint
 * @param pollInterval how often the worker looks for queued imports and imports whose worker died
 * @param concurrency how many imports one server runs at once
 */
@ConfigurationProperties("team365.imports")
public record ImportSettings(
        @DefaultValue("${team365.data-dir}/imports") String directory,
        @DefaultValue("200MB") DataSize maxSize,
        @DefaultValue("5000") int batchSize,
        @DefaultValue("60s") Duration lease,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("2") int concurrency) {}
