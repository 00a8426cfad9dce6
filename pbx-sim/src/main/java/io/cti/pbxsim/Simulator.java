package io.cti.pbxsim;

import io.cti.pbxsim.ami.AmiServer;
import io.cti.pbxsim.ami.AmiServerConfig;
import io.cti.pbxsim.calls.Pbx;
import io.cti.pbxsim.calls.PbxConfig;
import io.cti.pbxsim.clock.SimClock;
import io.cti.pbxsim.traffic.Traffic;

import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * A running pbx-sim: the simulated PBX on its clock, its AMI server (when it has accounts) and its traffic (when
 * it has a plan). How the platform embeds pbx-sim and how the standalone load generator runs it:
 *
 * <pre>{@code
 * Simulator sim = Simulator.start(SimulatorConfig.embedded(List.of(new AmiUser("cti", secret)))
 *         .withTraffic(TrafficPlan.demo(seed, customerNumbers, 30)));
 * int port = sim.port();      // connect the bridge to 127.0.0.1:port
 * ...
 * sim.close();
 * }</pre>
 *
 * Thread-safe; closing stops traffic, AMI and the clock.
 */
public final class Simulator implements AutoCloseable {

    private final Pbx pbx;
    private final AmiServer server;
    private final int port;
    private final Traffic traffic;
    private final LongAdder events;

    private Simulator(Pbx pbx, AmiServer server, int port, Traffic traffic, LongAdder events) {
        this.pbx = pbx;
        this.server = server;
        this.port = port;
        this.traffic = traffic;
        this.events = events;
    }

    /** Starts the PBX, then AMI, then the traffic; fails (with nothing left running) if AMI cannot listen. */
    public static Simulator start(SimulatorConfig config) {
        SimClock clock = config.clock().get();
        Pbx pbx = Pbx.start(PbxConfig.of(clock, config.dialplan()));
        LongAdder events = new LongAdder();
        pbx.subscribe(event -> events.increment());
        AmiServer server = null;
        int port = -1;
        try {
            if (!config.users().isEmpty()) {
                server = new AmiServer(pbx, AmiServerConfig.defaults(config.users()));
                port = server.start(config.host(), config.port());
            }
        } catch (RuntimeException e) {
            pbx.close();
            throw e;
        }
        return new Simulator(pbx, server, port,
                config.traffic() == null ? null : Traffic.start(pbx, config.traffic()), events);
    }

    public Pbx pbx() {
        return pbx;
    }

    public SimClock clock() {
        return pbx.clock();
    }

    /** The AMI port, or -1 without an AMI server. */
    public int port() {
        return port;
    }

    public Optional<AmiServer> server() {
        return Optional.ofNullable(server);
    }

    public Optional<Traffic> traffic() {
        return Optional.ofNullable(traffic);
    }

    /** Manager events raised so far. */
    public long events() {
        return events.sum();
    }

    @Override
    public void close() {
        if (traffic != null) {
            traffic.stop();
        }
        if (server != null) {
            server.close();
        }
        pbx.close();
    }
}
