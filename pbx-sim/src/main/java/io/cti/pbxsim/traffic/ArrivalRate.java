package io.cti.pbxsim.traffic;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;

/**
 * How many calls arrive per hour: a constant rate (a Poisson process), or a day curve giving the rate for each hour
 * of the day in a time zone (a Poisson process whose rate follows the clock). Immutable.
 */
public sealed interface ArrivalRate {

    /** The rate, in calls per hour, at {@code time}. */
    double perHourAt(Instant time);

    /** The highest rate this ever has (what arrivals are drawn at before thinning to the rate of the moment). */
    double peakPerHour();

    /** {@code perHour} calls per hour, around the clock. */
    static ArrivalRate poisson(double perHour) {
        return new Constant(perHour);
    }

    /** {@code perHourOfDay[h]} calls per hour during hour {@code h} (0-23) of the day in {@code zone}. */
    static ArrivalRate dayCurve(double[] perHourOfDay, ZoneId zone) {
        return new DayCurve(perHourOfDay, zone);
    }

    record Constant(double perHour) implements ArrivalRate {
        public Constant {
            if (!(perHour >= 0) || Double.isInfinite(perHour)) {
                throw new IllegalArgumentException("a rate must be a finite number of calls per hour >= 0, was "
                        + perHour);
            }
        }

        @Override
        public double perHourAt(Instant time) {
            return perHour;
        }

        @Override
        public double peakPerHour() {
            return perHour;
        }
    }

    record DayCurve(double[] perHourOfDay, ZoneId zone) implements ArrivalRate {
        public DayCurve {
            if (perHourOfDay == null || perHourOfDay.length != 24) {
                throw new IllegalArgumentException("a day curve needs 24 hourly rates, got "
                        + (perHourOfDay == null ? 0 : perHourOfDay.length));
            }
            for (double rate : perHourOfDay) {
                if (!(rate >= 0) || Double.isInfinite(rate)) {
                    throw new IllegalArgumentException("hourly rates must be finite and >= 0: "
                            + Arrays.toString(perHourOfDay));
                }
            }
            perHourOfDay = perHourOfDay.clone();
            zone = zone == null ? ZoneId.of("UTC") : zone;
        }

        @Override
        public double[] perHourOfDay() {
            return perHourOfDay.clone();
        }

        @Override
        public double perHourAt(Instant time) {
            return perHourOfDay[time.atZone(zone).getHour()];
        }

        @Override
        public double peakPerHour() {
            return Arrays.stream(perHourOfDay).max().orElse(0);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof DayCurve curve && Arrays.equals(perHourOfDay, curve.perHourOfDay)
                    && zone.equals(curve.zone);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(perHourOfDay) + zone.hashCode();
        }

        @Override
        public String toString() {
            return "DayCurve" + Arrays.toString(perHourOfDay) + " in " + zone;
        }
    }
}
