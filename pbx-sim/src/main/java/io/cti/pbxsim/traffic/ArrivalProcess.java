package io.cti.pbxsim.traffic;

import io.cti.pbxsim.clock.Cancellable;
import io.cti.pbxsim.clock.SimClock;

import java.time.Duration;

/**
 * A Poisson process on the simulation's clock: candidate arrivals come at the rate's peak (exponential gaps), and
 * each is kept with probability rate-now / peak (thinning), which gives a Poisson process whose rate follows a day
 * curve. Confined to the clock thread.
 */
final class ArrivalProcess {

    private final SimClock clock;
    private final SimRandom random;
    private final ArrivalRate rate;
    private final Runnable onArrival;
    private Cancellable next = Cancellable.NONE;
    private boolean stopped;

    ArrivalProcess(SimClock clock, SimRandom random, ArrivalRate rate, Runnable onArrival) {
        this.clock = clock;
        this.random = random;
        this.rate = rate;
        this.onArrival = onArrival;
    }

    void start() {
        scheduleNext();
    }

    void stop() {
        stopped = true;
        next.cancel();
    }

    private void scheduleNext() {
        double peak = rate.peakPerHour();
        if (stopped || peak <= 0) {
            return;
        }
        double gapSeconds = random.exponential(3600.0 / peak);
        next = clock.schedule(Duration.ofNanos(Math.round(gapSeconds * 1e9)), this::candidate);
    }

    private void candidate() {
        if (stopped) {
            return;
        }
        if (random.chance(rate.perHourAt(clock.now()) / rate.peakPerHour())) {
            onArrival.run();
        }
        scheduleNext();
    }
}
