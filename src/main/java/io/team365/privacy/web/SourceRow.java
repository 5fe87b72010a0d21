package io.team365.privacy.web;

import java.time.Instant;

/** One field's source on a record's "Where this data came from" panel, with texts in the reader's language. */
public record SourceRow(String field, String source, String detail, Instant at) {}
