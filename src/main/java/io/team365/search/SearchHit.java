package io.team365.search;

import java.util.UUID;

/**
 * One record found: its kind, what to show (title and a line under it: an email and company, a domain, an amount and
 * stage), where it opens, and what matched ({@code email}, {@code phone}, {@code domain}, {@code name} or
 * {@code text}).
 */
public record SearchHit(SearchKind kind, UUID id, String title, String subtitle, String url, String match) {}
