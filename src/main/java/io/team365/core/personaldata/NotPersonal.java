package io.team365.core.personaldata;

/** A text column that holds no personal data, declared as such with the reason, so the registry test can tell. */
public record NotPersonal(String table, String column, String why) {

    public NotPersonal {
        if (why == null || why.isBlank()) {
            throw new IllegalArgumentException("say why " + table + "." + column + " is not personal data");
        }
    }
}
