package io.team365.deals;

import io.team365.core.Money;
import java.util.List;
import java.util.UUID;

/** The open deals in one stage: how many, and their value summed per currency. */
public record StageTotal(UUID stageId, String stageName, int count, List<Money> totals) {

    public StageTotal {
        totals = List.copyOf(totals);
    }
}
