package io.team365.imports.internal.batch;

import io.team365.core.InvalidInput;
import io.team365.core.web.Texts;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Why a record was rejected, in words: the fields and messages of a failed check (English, for the CSV). */
@Component
public class Reasons {

    private final MessageSource messages;

    Reasons(MessageSource messages) {
        this.messages = messages;
    }

    public String of(InvalidInput invalid) {
        return invalid.errors().stream()
                .map(e -> e.field() + ": " + Texts.of(messages, e.messageKey(), e.args(), Locale.ENGLISH))
                .collect(Collectors.joining("; "));
    }

    /** One of this module's messages. */
    public String text(String key, Object... args) {
        return Texts.of(messages, key, args, Locale.ENGLISH);
    }
}
