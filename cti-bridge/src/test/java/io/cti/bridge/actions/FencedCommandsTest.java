package io.cti.bridge.actions;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.ids.QueueName;
import io.cti.core.messages.CallBackCustomer;
import io.cti.core.messages.ConnectToAgent;
import io.cti.core.messages.ReservationFence;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bridge runs a command made for a reservation only while that reservation is current: a late connect of a
 * router that died or stalled sends no AMI action, is counted and acknowledged; a command with no token runs.
 */
class FencedCommandsTest {

    private static final CallId CALL = CallId.of("1.1");

    private final RecordingGateway gateway = new RecordingGateway();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<Long> asked = new ArrayList<>();
    /** Token 7 is the call's current reservation; every other one is over. */
    private final ReservationFence fence = (call, token) -> {
        asked.add(token);
        return call.equals(CALL) && token == 7;
    };
    private final BridgeCommandHandler handler = new BridgeCommandHandler(new CallControl(gateway,
            new FixedCalls(Map.of(CALL, "PJSIP/carrier-00000001"), Map.of()), CallControlSettings.defaults(),
            Duration.ofMillis(200)), Duration.ofMillis(200), registry, fence);

    @Test
    void aConnectWhoseReservationIsNoLongerCurrentSendsNoAmiAction() throws Exception {
        handler.handle(ConnectToAgent.now(CALL, AgentId.of("alice"), "7001", Duration.ofSeconds(20), 6));

        assertThat(gateway.sent).isEmpty();
        assertThat(asked).containsExactly(6L);
        assertThat(registry.get("cti.bridge.commands").tags("type", "ConnectToAgent", "outcome", "fenced")
                .counter().count()).isEqualTo(1);
    }

    @Test
    void aConnectOfTheCurrentReservationIsSent() throws Exception {
        handler.handle(ConnectToAgent.now(CALL, AgentId.of("bob"), "7002", Duration.ofSeconds(20), 7));

        assertThat(gateway.sent).hasSize(3);
        assertThat(registry.get("cti.bridge.commands").tags("type", "ConnectToAgent", "outcome", "done")
                .counter().count()).isEqualTo(1);
    }

    @Test
    void aConnectWithNoTokenIsSentWithoutAsking() throws Exception {
        handler.handle(ConnectToAgent.now(CALL, AgentId.of("bob"), "7002", Duration.ofSeconds(20)));

        assertThat(gateway.sent).hasSize(3);
        assertThat(asked).isEmpty();
    }

    @Test
    void aCallbackWhoseReservationIsOverDialsNobody() throws Exception {
        handler.handle(CallBackCustomer.now(CallId.of("cb-1-1"), AgentId.of("alice"), "7001", "+14155550123", "",
                QueueName.of("sales"), Duration.ofSeconds(20), Duration.ofSeconds(30)).fencedBy(5));

        assertThat(gateway.sent).isEmpty();
        assertThat(registry.get("cti.bridge.commands").tags("type", "CallBackCustomer", "outcome", "fenced")
                .counter().count()).isEqualTo(1);
    }

    @Test
    void aFenceThatCannotBeAskedRunsNothing() throws Exception {
        BridgeCommandHandler blind = new BridgeCommandHandler(new CallControl(gateway,
                new FixedCalls(Map.of(CALL, "PJSIP/carrier-00000001"), Map.of()), CallControlSettings.defaults(),
                Duration.ofMillis(200)), Duration.ofMillis(200), registry, (call, token) -> {
                    throw new IllegalStateException("store down");
                });

        blind.handle(ConnectToAgent.now(CALL, AgentId.of("alice"), "7001", Duration.ofSeconds(20), 7));

        assertThat(gateway.sent).isEmpty();
        assertThat(registry.get("cti.bridge.commands").tags("type", "ConnectToAgent", "outcome", "fence-unavailable")
                .counter().count()).isEqualTo(1);
    }
}
