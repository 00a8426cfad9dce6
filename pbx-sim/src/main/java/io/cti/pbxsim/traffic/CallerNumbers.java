package io.cti.pbxsim.traffic;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Who calls in: a number drawn from {@code known} (the platform passes its customers' numbers), or, with
 * probability {@code unknownShare} (and always when the list is empty), a number the platform does not know:
 * {@code +1555} and seven random digits, never one of the known numbers. Immutable.
 */
public record CallerNumbers(List<String> known, double unknownShare) {

    public CallerNumbers {
        known = List.copyOf(known);
        if (!(unknownShare >= 0 && unknownShare <= 1)) {
            throw new IllegalArgumentException("the share of unknown callers must be in [0,1], was " + unknownShare);
        }
    }

    /** Only unknown numbers. */
    public static CallerNumbers unknownOnly() {
        return new CallerNumbers(List.of(), 1.0);
    }

    /** One caller's number. */
    String draw(SimRandom random, Set<String> knownSet) {
        if (known.isEmpty() || random.chance(unknownShare)) {
            while (true) {
                String number = String.format("+1555%07d", random.nextInt(10_000_000));
                if (!knownSet.contains(number)) {
                    return number;
                }
            }
        }
        return known.get(random.nextInt(known.size()));
    }

    Set<String> knownSet() {
        return new HashSet<>(known);
    }
}
