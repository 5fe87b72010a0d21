package io.team365.mail.internal.mime;

/** One address of a message header: the display name (may be null) and the lower-cased address. */
public record MailAddress(String name, String address) {}
