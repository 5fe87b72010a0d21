package io.team365.privacy.requests;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The rights a data subject can exercise (the privacy policy's "Your Rights and Choices"). */
public enum RequestType {
    ACCESS,
    RECTIFICATION,
    ERASURE,
    RESTRICTION,
    OBJECTION,
    PORTABILITY;

    /** The name in the API and the database. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Access and portability end in a package for the subject to download. */
    public boolean producesPackage() {
        return this == ACCESS || this == PORTABILITY;
    }

    public static Optional<RequestType> parse(String value) {
        return Arrays.stream(values()).filter(t -> t.value().equals(value)).findFirst();
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(RequestType::value).toList();
    }
}
