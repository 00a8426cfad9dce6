package io.cti.pbxsim.traffic;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What IVR callers key at the menu prompt, each with a relative weight: digits such as {@code "2"} (the empty string
 * for keying nothing, so the menu times out). A caller draws one entry from the simulation's seeded randomness, so
 * the mix is reproducible. Immutable.
 */
public record IvrChoices(Map<String, Double> weights) {

    public IvrChoices {
        if (weights == null || weights.isEmpty()) {
            throw new IllegalArgumentException("IVR choices need at least one choice");
        }
        double total = 0;
        for (Map.Entry<String, Double> choice : weights.entrySet()) {
            if (choice.getKey() == null || !choice.getKey().matches("[0-9*#]*")) {
                throw new IllegalArgumentException("an IVR choice is keyed as 0-9, * or #, not " + choice.getKey());
            }
            Double weight = choice.getValue();
            if (weight == null || !(weight >= 0) || weight.isInfinite()) {
                throw new IllegalArgumentException("the weight of IVR choice '" + choice.getKey()
                        + "' must be a finite number >= 0, was " + weight);
            }
            total += weight;
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("IVR choices need a positive total weight, were " + weights);
        }
        // Kept in the given order: the draw walks it, and the same order makes the same run.
        weights = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(weights));
    }

    /** Choices with weights given as alternating digits and weight: {@code of("1", 40.0, "2", 50.0, "", 10.0)}. */
    public static IvrChoices of(Object... digitsAndWeights) {
        if (digitsAndWeights.length == 0 || digitsAndWeights.length % 2 != 0) {
            throw new IllegalArgumentException("IVR choices are given as digits and weight pairs");
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        for (int i = 0; i < digitsAndWeights.length; i += 2) {
            weights.put((String) digitsAndWeights[i], ((Number) digitsAndWeights[i + 1]).doubleValue());
        }
        return new IvrChoices(weights);
    }

    /** One caller's keys: one draw. */
    String draw(SimRandom random) {
        double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        double at = random.uniform() * total;
        String last = "";
        for (Map.Entry<String, Double> choice : weights.entrySet()) {
            if (choice.getValue() <= 0) {
                continue;
            }
            last = choice.getKey();
            at -= choice.getValue();
            if (at < 0) {
                return last;
            }
        }
        return last;
    }
}
