package io.team365.deals;

import io.team365.core.Money;
import java.util.List;

/** Deals won and lost in the current calendar month (UTC), counted and valued per currency. */
public record WonLost(int wonCount, List<Money> wonValue, int lostCount, List<Money> lostValue) {

    public WonLost {
        wonValue = List.copyOf(wonValue);
        lostValue = List.copyOf(lostValue);
    }
}
