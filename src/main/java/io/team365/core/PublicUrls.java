package io.team365.core;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Absolute links for emails, built on the configured public base URL rather than on whatever Host a request named. */
@Component
public class PublicUrls {

    private final String base;

    PublicUrls(@Value("${team365.public-base-url}") String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public String link(String path) {
        return base + path;
    }
}
