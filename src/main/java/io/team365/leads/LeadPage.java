package io.team365.leads;

import java.util.List;

/** One page of leads and the cursor of the next page (null on the last). */
public record LeadPage(List<Lead> leads, String nextCursor) {}
