package io.cti.pbxsim.calls;

import io.cti.pbxsim.clock.VirtualClock;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/** A PBX on a virtual clock with a given dialplan, its events logged; time passes only when a test runs it. */
final class VirtualPbx implements AutoCloseable {

    final VirtualClock clock = VirtualClock.create();
    final Pbx pbx;
    final EventLog events = new EventLog();

    VirtualPbx(Dialplan dialplan) {
        pbx = Pbx.start(PbxConfig.of(clock, dialplan));
        pbx.subscribe(events);
    }

    VirtualPbx(String extensionsConf) {
        this(Dialplan.parse(extensionsConf));
    }

    /** Lets {@code duration} of simulated time pass. */
    void run(Duration duration) {
        try {
            clock.runFor(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the simulation ran", e);
        }
    }

    List<ManagerEvent> all(Predicate<ManagerEvent> condition) {
        return events.all().stream().filter(condition).toList();
    }

    /** The first event matching, failing the test when there is none. */
    ManagerEvent first(Predicate<ManagerEvent> condition) {
        return events.all().stream().filter(condition).findFirst()
                .orElseThrow(() -> new AssertionError("no such event among " + events.names()));
    }

    @Override
    public void close() {
        pbx.close();
    }
}
