package io.team365.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every text people read comes from the bundle: each message must parse, and each key a template names must exist. */
class MessagesTests {

    private static final Pattern LETTER_APOSTROPHE_LETTER = Pattern.compile("\\p{L}'\\p{L}");

    private static final Pattern KEY_IN_TEMPLATE = Pattern.compile("page\\.t\\(\"([a-z0-9.\\-]+)\"");

    @Test
    void everyMessageIsAValidMessageFormat() throws IOException {
        Properties messages = messages();
        List<String> broken = new ArrayList<>();
        messages.forEach((key, value) -> {
            try {
                new MessageFormat(value.toString());
            } catch (IllegalArgumentException e) {
                broken.add(key + ": " + e.getMessage());
            }
        });
        assertThat(broken).isEmpty();
        assertThat(messages).hasSizeGreaterThan(200);
    }

    /**
     * Messages always go through MessageFormat (spring.messages.always-use-message-format), which takes a single
     * apostrophe as a quote and drops it: "the server's name" would read "the servers name". Write it as ''.
     */
    @Test
    void noApostropheIsLostToMessageFormat() throws IOException {
        List<String> eaten = new ArrayList<>();
        messages().forEach((key, value) -> {
            String text = value.toString();
            String shown = formatted(text);
            if (LETTER_APOSTROPHE_LETTER.matcher(text.replace("''", "")).find()
                    && !LETTER_APOSTROPHE_LETTER.matcher(shown).find()) {
                eaten.add(key + ": " + shown);
            }
        });
        assertThat(eaten).isEmpty();
    }

    /** The message as people read it, with arguments of whatever type its placeholders take. */
    private static String formatted(String text) {
        for (Object argument : new Object[] {1, "x", new java.util.Date()}) {
            try {
                return new MessageFormat(text).format(new Object[] {argument, argument, argument, argument});
            } catch (IllegalArgumentException wrongType) {
                // a placeholder wants another type: try the next
            }
        }
        return new MessageFormat(text).toPattern();
    }

    @Test
    void everyKeyATemplateUsesExists() throws IOException {
        Properties messages = messages();
        List<String> missing = new ArrayList<>();
        try (Stream<Path> templates = Files.walk(Path.of("src/main/jte"))) {
            for (Path template :
                    templates.filter(p -> p.toString().endsWith(".jte")).toList()) {
                Matcher keys = KEY_IN_TEMPLATE.matcher(Files.readString(template));
                while (keys.find()) {
                    boolean prefixOfADynamicKey = keys.group(1).endsWith(".");
                    if (!prefixOfADynamicKey && !messages.containsKey(keys.group(1))) {
                        missing.add(template.getFileName() + ": " + keys.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    private static Properties messages() throws IOException {
        Properties properties = new Properties();
        // every bundle spring.messages.basename names: the shared one and each module's own
        Properties settings = new Properties();
        try (InputStream in = MessagesTests.class.getResourceAsStream("/application.properties")) {
            settings.load(in);
        }
        for (String basename : settings.getProperty("spring.messages.basename").split(",")) {
            try (InputStream in = MessagesTests.class.getResourceAsStream("/" + basename.strip() + ".properties")) {
                assertThat(in).as(basename + ".properties exists").isNotNull();
                Properties bundle = new Properties();
                bundle.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
                bundle.forEach((key, value) -> assertThat(properties.put(key, value))
                        .as("message key " + key + " is defined once across the bundles")
                        .isNull());
            }
        }
        return properties;
    }
}
