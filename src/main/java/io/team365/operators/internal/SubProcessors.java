package io.team365.operators.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The service providers (sub-processors) that may process Personal Data or Client Data for Team365, as the privacy
 * policy's "Service Providers" section describes them, read once from {@code legal/sub-processors.properties}.
 */
@Component
public class SubProcessors {

    /** One provider: what it does for Team365, where, and which data it may see. */
    public record SubProcessor(String name, String purpose, String location, String data) {}

    private final List<SubProcessor> all;
    private final String updated;

    SubProcessors() {
        Properties file = load();
        this.updated = file.getProperty("updated", "");
        List<SubProcessor> providers = new ArrayList<>();
        for (int i = 1; file.getProperty("provider." + i + ".name") != null; i++) {
            providers.add(new SubProcessor(
                    required(file, i, "name"),
                    required(file, i, "purpose"),
                    required(file, i, "location"),
                    required(file, i, "data")));
        }
        if (providers.isEmpty()) {
            throw new IllegalStateException("legal/sub-processors.properties lists no provider");
        }
        this.all = List.copyOf(providers);
    }

    public List<SubProcessor> all() {
        return all;
    }

    public String updated() {
        return updated;
    }

    private static String required(Properties file, int index, String key) {
        String value = file.getProperty("provider." + index + "." + key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("legal/sub-processors.properties: provider " + index + " lacks " + key);
        }
        return value.strip();
    }

    private static Properties load() {
        Properties file = new Properties();
        try (InputStream in = new ClassPathResource("legal/sub-processors.properties").getInputStream();
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            file.load(reader);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
