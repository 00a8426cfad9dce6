package io.cti.pbxsim.testing;

import io.cti.pbxsim.ami.AmiServer;
import io.cti.pbxsim.ami.AmiServerConfig;
import io.cti.pbxsim.ami.AmiUser;
import io.cti.pbxsim.calls.Dialplan;
import io.cti.pbxsim.calls.Pbx;
import io.cti.pbxsim.calls.PbxConfig;
import io.cti.pbxsim.clock.RealTimeClock;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * A running simulator for tests: the recorded dialplan, user {@code cti}/{@code cti-secret}, a clock sped up by
 * {@code speed}, an AMI server on a free loopback port. Close it after the test.
 */
public final class SimFixture implements AutoCloseable {

    public static final String USER = "cti";
    public static final String SECRET = "cti-secret";

    public final Pbx pbx;
    public final AmiServer server;
    public final int port;
    public final double speed;

    private SimFixture(double speed, AmiServerConfig config) {
        this.speed = speed;
        Dialplan dialplan = Dialplan.parse(new String(AmiRecording.resource("recorded-extensions.conf"),
                StandardCharsets.UTF_8));
        this.pbx = Pbx.start(PbxConfig.of(RealTimeClock.accelerated(speed), dialplan));
        this.server = new AmiServer(pbx, config);
        this.port = server.start("127.0.0.1", 0);
    }

    /** Sped up {@code speed} times, wrong logins refused after {@code authFailureDelay}. */
    public static SimFixture start(double speed, Duration authFailureDelay) {
        return new SimFixture(speed, AmiServerConfig.defaults(List.of(new AmiUser(USER, SECRET)))
                .withAuthFailureDelay(authFailureDelay));
    }

    public static SimFixture start(double speed, AmiServerConfig config) {
        return new SimFixture(speed, config);
    }

    public static AmiServerConfig defaultConfig() {
        return AmiServerConfig.defaults(List.of(new AmiUser(USER, SECRET)));
    }

    public AmiTestClient login() {
        return AmiTestClient.loggedIn(port, USER, SECRET);
    }

    /** A duration of simulated time as the real time it takes at this fixture's speed. */
    public Duration real(Duration simulated) {
        return Duration.ofNanos((long) (simulated.toNanos() / speed));
    }

    @Override
    public void close() {
        server.close();
        pbx.close();
    }
}
