package io.team365.deals;

import java.util.List;

/** One page of deals and the cursor of the next page (null on the last). */
public record DealPage(List<Deal> deals, String nextCursor) {}
