package io.cti.bridge.e2e;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.messages.BlindTransfer;
import io.cti.core.messages.CallArrived;
import io.cti.core.messages.CallConnected;
import io.cti.core.messages.CallHeld;
import io.cti.core.messages.CallResumed;
import io.cti.core.messages.CallTransferred;
import io.cti.core.messages.ConnectToAgent;
import io.cti.core.messages.TransferKind;
import io.cti.pbxsim.calls.ChannelSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An agent's phone holding the call, and the platform blind-transferring a connected caller, end to end. */
class HoldAndTransferOverAmiTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private SimulatedPbx pbx;
    private ChannelSnapshot customer;
    private CallId callId;
    private String agentChannel;

    @BeforeEach
    void connectedCall() {
        pbx = SimulatedPbx.started();
        pbx.agentAnswering("PJSIP/2001");
        customer = pbx.inboundCall(SimulatedPbx.CUSTOMER);
        callId = CallId.of(customer.linkedid());
        await().atMost(WAIT).until(() -> !pbx.published(CallArrived.class).isEmpty());
        pbx.bridge.callControl().execute(ConnectToAgent.now(callId, AgentId.of("agent-1"), "2001",
                Duration.ofSeconds(10))).join();
        await().atMost(WAIT).until(() -> !pbx.published(CallConnected.class).isEmpty());
        agentChannel = pbx.published(CallConnected.class).get(0).channel();
    }

    @AfterEach
    void stop() {
        pbx.close();
    }

    @Test
    void theAgentsPhoneHoldingAndResumingIsToldOnceEach() {
        pbx.pbx().hold(agentChannel, true).join();
        pbx.pbx().hold(agentChannel, true).join();
        pbx.pbx().hold(agentChannel, false).join();

        await().atMost(WAIT).until(() -> !pbx.published(CallResumed.class).isEmpty());
        assertThat(pbx.published(CallHeld.class)).singleElement().satisfies(held -> {
            assertThat(held.callId()).isEqualTo(callId);
            assertThat(held.channel()).isEqualTo(agentChannel);
        });
        assertThat(pbx.published(CallResumed.class)).singleElement()
                .satisfies(resumed -> assertThat(resumed.callId()).isEqualTo(callId));
    }

    @Test
    void aBlindTransferOfAConnectedCallerIsDoneByPbxSimAndToldOnce() {
        pbx.bridge.callControl().execute(BlindTransfer.now(callId, "cti-dnis", "5550200")).join();

        await().atMost(WAIT).until(() -> !pbx.published(CallTransferred.class).isEmpty());
        assertThat(pbx.published(CallTransferred.class)).singleElement().satisfies(transferred -> {
            assertThat(transferred.callId()).isEqualTo(callId);
            assertThat(transferred.kind()).isEqualTo(TransferKind.BLIND);
            assertThat(transferred.target()).isEqualTo("5550200@cti-dnis");
        });
        // The caller now waits for sales; the agent's leg is gone.
        await().atMost(WAIT).until(() -> "cti-hold".equals(pbx.pbx().channel(customer.name()).join()
                .orElseThrow().context()));
        assertThat(pbx.pbx().channel(agentChannel).join()).isEmpty();
        assertThat(pbx.receivedByPbx()).contains("action: BlindTransfer").contains("channel: " + agentChannel);
    }
}
