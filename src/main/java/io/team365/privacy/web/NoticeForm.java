package io.team365.privacy.web;

/** What an admin typed for a new notice version, shown again when it is refused. */
public record NoticeForm(String body, String effectiveOn, boolean material, String summary) {}
