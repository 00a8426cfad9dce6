package io.cti.pbxsim.traffic;

import io.cti.pbxsim.calls.Dialplan;
import io.cti.pbxsim.calls.ManagerEvent;
import io.cti.pbxsim.calls.Pbx;
import io.cti.pbxsim.calls.PbxConfig;
import io.cti.pbxsim.clock.VirtualClock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

/**
 * A PBX running the platform dialplan on a virtual clock, every event recorded with the simulated time it was
 * raised at; time passes only when a test runs it. Close after use.
 */
final class TrafficSim implements AutoCloseable {

    /** One event and when it was raised. */
    record Timed(Instant at, ManagerEvent event) {
    }

    final VirtualClock clock;
    final Pbx pbx;
    /** The traffic started last. */
    Traffic traffic;
    private final List<Timed> events = Collections.synchronizedList(new ArrayList<>());

    TrafficSim() {
        this(Dialplan.platform(), VirtualClock.DEFAULT_START);
    }

    TrafficSim(Dialplan dialplan, Instant start) {
        clock = VirtualClock.startingAt(start);
        pbx = Pbx.start(PbxConfig.of(clock, dialplan));
        pbx.subscribe(event -> events.add(new Timed(clock.now(), event)));
    }

    Traffic start(TrafficPlan plan) {
        traffic = Traffic.start(pbx, plan);
        traffic.started().join();
        return traffic;
    }

    void run(Duration duration) {
        try {
            clock.runFor(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the simulation ran", e);
        }
    }

    List<Timed> timed(Predicate<ManagerEvent> condition) {
        synchronized (events) {
            return events.stream().filter(timed -> condition.test(timed.event())).toList();
        }
    }

    List<ManagerEvent> events(Predicate<ManagerEvent> condition) {
        return timed(condition).stream().map(Timed::event).toList();
    }

    static Predicate<ManagerEvent> named(String name) {
        return event -> event.name().equals(name);
    }

    static Predicate<ManagerEvent> userEvent(String name) {
        return event -> event.name().equals("UserEvent") && name.equals(event.get("UserEvent"));
    }

    @Override
    public void close() {
        pbx.close();
    }
}
