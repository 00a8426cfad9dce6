package io.cti.core.customers;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Quintile cuts (20th, 40th, 60th and 80th percentiles) of recency, frequency and monetary value over all
 * buying customers, and the value above which a customer is in the top 20%, as of the last full refresh.
 * Single changes between full refreshes are scored against these. Immutable.
 */
public record Breakpoints(List<Integer> recencyCuts, List<Integer> frequencyCuts, List<BigDecimal> monetaryCuts,
                          BigDecimal topValueThreshold, int customersScored, Instant computedAt) {

    /** Before any customer has bought: {@link FigureRules} scores every buyer 3-3-3 and nobody top value until the first full refresh. */
    public static final Breakpoints NONE = new Breakpoints(List.of(0, 0, 0, 0), List.of(0, 0, 0, 0),
            List.of(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO), BigDecimal.ZERO, 0, Instant.EPOCH);

    public Breakpoints {
        recencyCuts = List.copyOf(recencyCuts);
        frequencyCuts = List.copyOf(frequencyCuts);
        monetaryCuts = List.copyOf(monetaryCuts);
        Objects.requireNonNull(topValueThreshold, "topValueThreshold");
        if (recencyCuts.size() != 4 || frequencyCuts.size() != 4 || monetaryCuts.size() != 4) {
            throw new IllegalArgumentException("quintiles need exactly 4 cuts each");
        }
    }

    public boolean isEmpty() {
        return customersScored == 0;
    }
}
