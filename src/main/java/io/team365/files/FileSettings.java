package io.team365.files;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of attachments ({@code team365.files.*}).
 *
 * @param directory where the local file store keeps blobs, one sub-folder per Client; placeholders such as
 *     {@code ${team365.data-dir}} are resolved against the environment
 * @param maxSize the largest file accepted; the container's multipart limits
 *     ({@code spring.servlet.multipart.max-file-size}, {@code max-request-size}) must be at least this large
 * @param storage which {@link FileStorage} keeps the blobs; only {@code local} exists so far
 */
@ConfigurationProperties("team365.files")
public record FileSettings(
        @DefaultValue("${team365.data-dir}/files") String directory,
        @DefaultValue("25MB") DataSize maxSize,
        @DefaultValue("local") String storage) {}
