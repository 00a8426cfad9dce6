package io.cti.pbxsim;

import io.cti.pbxsim.ami.AmiUser;
import io.cti.pbxsim.calls.Dialplan;
import io.cti.pbxsim.clock.RealTimeClock;
import io.cti.pbxsim.clock.SimClock;
import io.cti.pbxsim.traffic.TrafficPlan;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What a {@link Simulator} runs: a clock (made when the simulator starts), a dialplan, the AMI accounts (none: no
 * AMI server), where AMI listens ({@code port} 0 picks a free one), and the traffic (null: none, the PBX only
 * answers what AMI clients ask). Immutable.
 */
public record SimulatorConfig(Supplier<SimClock> clock, Dialplan dialplan, List<AmiUser> users, String host,
                              int port, TrafficPlan traffic) {

    public SimulatorConfig {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(dialplan, "dialplan");
        users = List.copyOf(users == null ? List.of() : users);
        host = host == null ? "127.0.0.1" : host;
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("not a port: " + port);
        }
    }

    /**
     * pbx-sim inside the platform: real time, the platform dialplan, AMI on a free loopback port for
     * {@code users}, no traffic yet (add it with {@link #withTraffic}).
     */
    public static SimulatorConfig embedded(List<AmiUser> users) {
        return new SimulatorConfig(RealTimeClock::create, Dialplan.platform(), users, null, 0,
                null);
    }

    public SimulatorConfig withTraffic(TrafficPlan plan) {
        return new SimulatorConfig(clock, dialplan, users, host, port, plan);
    }

    public SimulatorConfig withClock(Supplier<SimClock> newClock) {
        return new SimulatorConfig(newClock, dialplan, users, host, port, traffic);
    }

    public SimulatorConfig withDialplan(Dialplan newDialplan) {
        return new SimulatorConfig(clock, newDialplan, users, host, port, traffic);
    }

    public SimulatorConfig withAddress(String newHost, int newPort) {
        return new SimulatorConfig(clock, dialplan, users, newHost, newPort, traffic);
    }
}
