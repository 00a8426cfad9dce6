package io.cti.bridge.e2e;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.messages.CallArrived;
import io.cti.core.messages.CallConnected;
import io.cti.core.messages.CallEnded;
import io.cti.core.messages.CallHeld;
import io.cti.core.messages.CallResumed;
import io.cti.core.messages.ConnectToAgent;
import io.cti.core.messages.HoldCaller;
import io.cti.core.messages.ResumeCaller;
import io.cti.pbxsim.calls.ChannelSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Hold from the agent's desktop over real AMI with pbx-sim on the platform dialplan: HoldCaller puts the caller on
 * music with the agent still up (CallHeld), ResumeCaller bridges them again (CallResumed), and a party hanging up
 * during the hold does not leave the other waiting.
 */
class DeskHoldOverAmiTest {

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
    void holdThenResumeIsToldAsCallHeldAndCallResumedOfTheCaller() {
        pbx.bridge.callControl().execute(HoldCaller.now(callId)).join();
        await().atMost(WAIT).until(() -> !pbx.published(CallHeld.class).isEmpty());
        ChannelSnapshot held = pbx.pbx().channel(customer.name()).join().orElseThrow();
        assertThat(held.context()).isEqualTo("cti-held");
        assertThat(held.application()).isEqualTo("MusicOnHold");
        assertThat(pbx.pbx().channel(agentChannel).join()).get()
                .satisfies(agent -> assertThat(agent.application()).isEqualTo("Wait"));

        pbx.bridge.callControl().execute(ResumeCaller.now(callId)).join();
        await().atMost(WAIT).until(() -> !pbx.published(CallResumed.class).isEmpty());

        assertThat(pbx.published(CallHeld.class)).singleElement().satisfies(event -> {
            assertThat(event.callId()).isEqualTo(callId);
            assertThat(event.channel()).isEqualTo(customer.name());
        });
        assertThat(pbx.published(CallResumed.class)).singleElement().satisfies(event -> {
            assertThat(event.callId()).isEqualTo(callId);
            assertThat(event.channel()).isEqualTo(customer.name());
        });
        assertThat(pbx.pbx().channel(customer.name()).join().orElseThrow().bridgeId())
                .isEqualTo(pbx.pbx().channel(agentChannel).join().orElseThrow().bridgeId()).isNotEmpty();
        assertThat(pbx.receivedByPbx()).contains("action: Redirect").contains("extrachannel: " + agentChannel)
                .contains("action: Bridge").contains("channel1: " + customer.name());
    }

    @Test
    void aSecondHoldAfterAResumeIsToldAgain() {
        for (int i = 0; i < 2; i++) {
            int round = i + 1;
            pbx.bridge.callControl().execute(HoldCaller.now(callId)).join();
            await().atMost(WAIT).until(() -> pbx.published(CallHeld.class).size() == round);
            pbx.bridge.callControl().execute(ResumeCaller.now(callId)).join();
            await().atMost(WAIT).until(() -> pbx.published(CallResumed.class).size() == round);
        }
        assertThat(pbx.published(CallEnded.class)).isEmpty();
    }

    @Test
    void aCallerHangingUpOnHoldEndsTheAgentsChannelAndTheCall() {
        pbx.bridge.callControl().execute(HoldCaller.now(callId)).join();
        await().atMost(WAIT).until(() -> !pbx.published(CallHeld.class).isEmpty());

        pbx.pbx().hangupFromFarEnd(customer.name(), 16).join();

        await().atMost(WAIT).until(() -> !pbx.published(CallEnded.class).isEmpty());
        assertThat(pbx.pbx().channels().join()).isEmpty();
        assertThat(pbx.published(CallResumed.class)).isEmpty();
    }

    @Test
    void anAgentHangingUpAfterTheResumeEndsTheCallAsUsual() {
        pbx.bridge.callControl().execute(HoldCaller.now(callId)).join();
        await().atMost(WAIT).until(() -> !pbx.published(CallHeld.class).isEmpty());
        pbx.bridge.callControl().execute(ResumeCaller.now(callId)).join();
        await().atMost(WAIT).until(() -> !pbx.published(CallResumed.class).isEmpty());

        pbx.pbx().hangupFromFarEnd(agentChannel, 16).join();

        await().atMost(WAIT).until(() -> !pbx.published(CallEnded.class).isEmpty());
        assertThat(pbx.pbx().channels().join()).isEmpty();
    }
}
