package io.cti.pbxsim.traffic;

import java.time.Duration;

/**
 * How long something takes in a traffic model (an agent's phone ringing before it is picked up, a caller's
 * patience, a conversation), drawn from the simulation's {@link SimRandom}. Immutable.
 */
public sealed interface Delay {

    /** One draw. */
    Duration draw(SimRandom random);

    /** Always {@code seconds}. */
    static Delay fixed(double seconds) {
        return new Fixed(seconds);
    }

    /** Uniform between {@code min} and {@code max} seconds. */
    static Delay uniform(double min, double max) {
        return new Uniform(min, max);
    }

    /** Lognormal with this mean and standard deviation, in seconds. */
    static Delay lognormal(double mean, double sd) {
        return new LogNormal(mean, sd);
    }

    /** Exponential with this mean, in seconds. */
    static Delay exponential(double mean) {
        return new Exponential(mean);
    }

    record Fixed(double seconds) implements Delay {
        public Fixed {
            requireNonNegative(seconds, "seconds");
        }

        @Override
        public Duration draw(SimRandom random) {
            return ofSeconds(seconds);
        }
    }

    record Uniform(double min, double max) implements Delay {
        public Uniform {
            requireNonNegative(min, "min");
            if (!(max >= min)) {
                throw new IllegalArgumentException("max (" + max + ") must not be below min (" + min + ")");
            }
        }

        @Override
        public Duration draw(SimRandom random) {
            return ofSeconds(random.uniform(min, max));
        }
    }

    record LogNormal(double mean, double sd) implements Delay {
        public LogNormal {
            if (!(mean > 0)) {
                throw new IllegalArgumentException("mean must be positive, was " + mean);
            }
            requireNonNegative(sd, "sd");
        }

        @Override
        public Duration draw(SimRandom random) {
            return ofSeconds(random.lognormal(mean, sd));
        }
    }

    record Exponential(double mean) implements Delay {
        public Exponential {
            if (!(mean > 0)) {
                throw new IllegalArgumentException("mean must be positive, was " + mean);
            }
        }

        @Override
        public Duration draw(SimRandom random) {
            return ofSeconds(random.exponential(mean));
        }
    }

    private static Duration ofSeconds(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    private static void requireNonNegative(double value, String name) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number >= 0, was " + value);
        }
    }
}
