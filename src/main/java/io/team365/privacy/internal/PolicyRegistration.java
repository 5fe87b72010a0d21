package io.team365.privacy.internal;

import io.team365.privacy.NoticeVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers the versions of Team365's privacy policy that ship with the release ({@code legal/privacy-policy/NAME
 * .properties} with {@code NAME.txt}), so the public page, acceptances and mail refer to rows in the database. A
 * version already registered is never changed: publishing a change means shipping a new version.
 */
@Component
class PolicyRegistration implements ApplicationRunner {

    static final String LOCATION = "classpath*:legal/privacy-policy/*.properties";
    private static final Logger log = LoggerFactory.getLogger(PolicyRegistration.class);

    private final NoticeVersions versions;
    private final Clock clock;

    PolicyRegistration(NoticeVersions versions, Clock clock) {
        this.versions = versions;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        for (Resource metadata : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
            NoticeVersion version = read(metadata);
            if (versions.registerPolicy(version)) {
                log.info(
                        "Registered privacy policy version {} (effective {})",
                        version.version(),
                        version.effectiveOn());
            }
        }
    }

    private NoticeVersion read(Resource metadata) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = metadata.getInputStream()) {
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        String name = metadata.getFilename().replaceFirst("\\.properties$", "");
        Resource text = metadata.createRelative(name + ".txt");
        String body;
        try (InputStream in = text.getInputStream()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        return new NoticeVersion(
                required(properties, "version", metadata),
                LocalDate.parse(required(properties, "effective", metadata)),
                Boolean.parseBoolean(required(properties, "material", metadata)),
                required(properties, "summary", metadata),
                body,
                clock.instant());
    }

    private static String required(Properties properties, String key, Resource from) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(from.getDescription() + " lacks " + key);
        }
        return value.strip();
    }
}
