package io.cti.pbxsim.traffic;

import java.util.SplittableRandom;

/**
 * The simulation's one seeded source of randomness: every draw a traffic model makes comes from here, in the order
 * the clock runs the models, so a run is reproducible from its seed. Not thread-safe: used on the clock thread only.
 */
public final class SimRandom {

    private final SplittableRandom random;

    public SimRandom(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** Uniform in [0, 1). */
    public double uniform() {
        return random.nextDouble();
    }

    /** Uniform in [min, max). */
    public double uniform(double min, double max) {
        return min + (max - min) * random.nextDouble();
    }

    /** True with probability {@code p}. */
    public boolean chance(double p) {
        return random.nextDouble() < p;
    }

    /** Uniform in [0, bound). */
    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** Exponentially distributed with the given mean. */
    public double exponential(double mean) {
        return -mean * Math.log(1.0 - random.nextDouble());
    }

    /** Standard normal (Box-Muller; one of the pair is used, so each call makes exactly two draws). */
    public double normal() {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    /** Lognormal with the given mean and standard deviation (of the value itself, not of its logarithm). */
    public double lognormal(double mean, double sd) {
        if (sd <= 0) {
            return mean;
        }
        double sigma2 = Math.log(1.0 + (sd * sd) / (mean * mean));
        double mu = Math.log(mean) - sigma2 / 2.0;
        return Math.exp(mu + Math.sqrt(sigma2) * normal());
    }
}
