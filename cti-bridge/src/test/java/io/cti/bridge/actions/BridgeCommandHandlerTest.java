package io.cti.bridge.actions;

import io.cti.core.ids.CallId;
import io.cti.core.messages.HangUp;
import io.cti.core.messages.SetVariable;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class BridgeCommandHandlerTest {

    private final RecordingGateway gateway = new RecordingGateway();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final BridgeCommandHandler handler = new BridgeCommandHandler(new CallControl(gateway,
            new FixedCalls(Map.of(CallId.of("1.1"), "PJSIP/carrier-00000001"), Map.of()),
            CallControlSettings.defaults(), Duration.ofMillis(200)), Duration.ofMillis(200), registry);

    @Test
    void executesCommandsAndAcknowledgesFailuresInsteadOfRetryingThem() throws Exception {
        handler.handle(HangUp.now(CallId.of("1.1")));
        assertThat(gateway.sent).hasSize(1);

        // Refused, unknown, timed out: each is counted and acknowledged (handle returns), never retried.
        assertThatCode(() -> handler.handle(SetVariable.now(CallId.of("1.1"), "X", "a\nb"))).doesNotThrowAnyException();
        assertThatCode(() -> handler.handle(HangUp.now(CallId.of("9.9")))).doesNotThrowAnyException();
        gateway.silent = true;
        assertThatCode(() -> handler.handle(HangUp.now(CallId.of("1.1")))).doesNotThrowAnyException();

        assertThat(registry.get("cti.bridge.commands").tags("type", "HangUp", "outcome", "done").counter().count()).isEqualTo(1);
        assertThat(registry.get("cti.bridge.commands").tags("type", "SetVariable", "outcome", "ami-unsafe-value")
                .counter().count()).isEqualTo(1);
        assertThat(registry.get("cti.bridge.commands").tags("type", "HangUp", "outcome", "unknown-call").counter().count())
                .isEqualTo(1);
        assertThat(registry.get("cti.bridge.commands").tags("type", "HangUp", "outcome", "ami-action-timeout")
                .counter().count()).isEqualTo(1);
        assertThat(gateway.sent).hasSize(2);
    }
}
