package io.team365.privacy.web;

import io.team365.privacy.ConsentPurpose;
import java.time.Instant;

/** One purpose's state on a contact's consent panel: granted, withdrawn, or never asked (null). */
public record ConsentRow(ConsentPurpose purpose, Boolean granted, String method, Instant at) {}
