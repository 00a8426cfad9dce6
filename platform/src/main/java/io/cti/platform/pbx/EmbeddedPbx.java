package io.cti.platform.pbx;

import io.cti.pbxsim.Simulator;
import io.cti.pbxsim.SimulatorConfig;
import io.cti.pbxsim.ami.AmiUser;
import io.cti.platform.bridge.AmiEndpoint;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * The pbx-sim the platform runs when no Asterisk is configured: AMI on a loopback port, the platform's dialplan,
 * real time, one account whose secret is drawn anew on every start (nothing outside this process ever needs it,
 * so it is never logged or written anywhere). Traffic is started separately, once the customers are loaded.
 * Thread-safe; closing stops the simulator.
 */
public final class EmbeddedPbx implements AutoCloseable {

    private static final String LOOPBACK = "127.0.0.1";

    private final Simulator simulator;
    private final AmiEndpoint endpoint;

    private EmbeddedPbx(Simulator simulator, AmiEndpoint endpoint) {
        this.simulator = simulator;
        this.endpoint = endpoint;
    }

    /** Starts pbx-sim listening on {@code port} of the loopback interface (0: a free one). */
    static EmbeddedPbx start(String username, int port) {
        String secret = newSecret();
        Simulator simulator = Simulator.start(SimulatorConfig.embedded(List.of(new AmiUser(username, secret)))
                .withAddress(LOOPBACK, port));
        return new EmbeddedPbx(simulator, new AmiEndpoint(LOOPBACK, simulator.port(), username, secret, true));
    }

    public Simulator simulator() {
        return simulator;
    }

    /** Where and as whom the bridge logs in. */
    public AmiEndpoint endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        simulator.close();
    }

    private static String newSecret() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        // URL-safe Base64: printable, no characters AMI's "key: value" lines could trip over
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
