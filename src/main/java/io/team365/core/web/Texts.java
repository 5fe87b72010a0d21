package io.team365.core.web;

import java.util.Locale;
import org.springframework.context.MessageSource;

/** A text from the bundle that never fails: a missing or malformed message shows its key instead of an error page. */
public final class Texts {

    private Texts() {}

    public static String of(MessageSource messages, String key, Object[] args, Locale locale) {
        try {
            return messages.getMessage(key, args, key, locale);
        } catch (IllegalArgumentException malformed) {
            return key;
        }
    }
}
