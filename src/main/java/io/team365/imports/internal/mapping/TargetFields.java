package io.team365.imports.internal.mapping;

import io.team365.imports.ImportObject;
import java.util.List;

/**
 * The fields a column can be mapped to, per object. {@code email} and {@code phone} may be the target of several
 * columns (each adds one). Custom fields are targets too, as {@code custom.<key>}.
 */
public final class TargetFields {

    public static final String CUSTOM_PREFIX = "custom.";

    private static final List<String> PERSON = List.of(
            "firstName",
            "lastName",
            "fullName",
            "email",
            "phone",
            "jobTitle",
            "company",
            "tags",
            "source",
            "street",
            "city",
            "region",
            "postalCode",
            "country",
            "website",
            "linkedin",
            "notes");

    private TargetFields() {}

    public static List<String> of(ImportObject object) {
        return switch (object) {
            case CONTACTS -> PERSON;
            case LEADS -> concat(PERSON, List.of("status"));
            case COMPANIES ->
                List.of(
                        "name",
                        "domain",
                        "website",
                        "industry",
                        "size",
                        "phone",
                        "street",
                        "city",
                        "region",
                        "postalCode",
                        "country",
                        "tags",
                        "notes");
            case DEALS ->
                List.of(
                        "name",
                        "amount",
                        "currency",
                        "closeDate",
                        "pipeline",
                        "stage",
                        "company",
                        "contactEmail",
                        "tags",
                        "notes");
        };
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
