package io.cti.pbxsim.traffic;

import io.cti.pbxsim.clock.VirtualClock;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Arrival processes: Poisson at a rate, or following a day curve, on the virtual clock. */
class ArrivalsTest {

    @Test
    void poissonArrivalsAverageTheirRateOverALongRun() throws InterruptedException {
        List<Instant> arrivals = arrivals(ArrivalRate.poisson(100), Duration.ofHours(1000), 11);

        // 100,000 expected; a Poisson count's standard deviation is its square root, 316: allow four of them.
        assertThat(arrivals).hasSizeBetween(100_000 - 1_264, 100_000 + 1_264);
    }

    @Test
    void poissonGapsAverageTheInverseOfTheRate() throws InterruptedException {
        List<Instant> arrivals = arrivals(ArrivalRate.poisson(360), Duration.ofHours(100), 12);
        double meanGap = Duration.between(arrivals.get(0), arrivals.get(arrivals.size() - 1)).toMillis()
                / (arrivals.size() - 1.0);

        assertThat(meanGap).isCloseTo(10_000, Percentage.withPercentage(3));
    }

    @Test
    void aDayCurveHasNoArrivalsInItsHoursWithRateZero() throws InterruptedException {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        double[] curve = new double[24];
        for (int hour = 8; hour < 20; hour++) {
            curve[hour] = 60;
        }
        List<Instant> arrivals = arrivals(ArrivalRate.dayCurve(curve, berlin), Duration.ofDays(7), 13);

        assertThat(arrivals).isNotEmpty()
                .allSatisfy(at -> assertThat(at.atZone(berlin).getHour()).isBetween(8, 19));
    }

    @Test
    void aDayCurveFollowsItsHourlyRates() throws InterruptedException {
        double[] curve = new double[24];
        curve[10] = 200;
        curve[11] = 50;
        List<Instant> arrivals = arrivals(ArrivalRate.dayCurve(curve, ZoneId.of("UTC")), Duration.ofDays(30), 14);
        long at10 = arrivals.stream().filter(at -> at.atZone(ZoneId.of("UTC")).getHour() == 10).count();
        long at11 = arrivals.size() - at10;

        // 6,000 and 1,500 expected over 30 days.
        assertThat(at10).isBetween(6_000L - 320, 6_000L + 320);
        assertThat(at11).isBetween(1_500L - 160, 1_500L + 160);
    }

    @Test
    void theSameSeedGivesTheSameArrivals() throws InterruptedException {
        assertThat(arrivals(ArrivalRate.poisson(500), Duration.ofHours(5), 99))
                .isEqualTo(arrivals(ArrivalRate.poisson(500), Duration.ofHours(5), 99));
    }

    private static List<Instant> arrivals(ArrivalRate rate, Duration run, long seed) throws InterruptedException {
        List<Instant> arrivals = new ArrayList<>();
        try (VirtualClock clock = VirtualClock.create()) {
            SimRandom random = new SimRandom(seed);
            clock.execute(() -> new ArrivalProcess(clock, random, rate, () -> arrivals.add(clock.now())).start());
            clock.runFor(run);
        }
        return arrivals;
    }
}
