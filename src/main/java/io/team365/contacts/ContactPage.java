package io.team365.contacts;

import java.util.List;

/** One page of contacts and the cursor of the next page (null on the last). */
public record ContactPage(List<Contact> contacts, String nextCursor) {}
