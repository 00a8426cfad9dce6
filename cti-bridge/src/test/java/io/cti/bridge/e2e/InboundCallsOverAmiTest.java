package io.cti.bridge.e2e;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.messages.AgentLegRinging;
import io.cti.core.messages.AgentLegUnanswered;
import io.cti.core.messages.CallArrived;
import io.cti.core.messages.CallConnected;
import io.cti.core.messages.CallEnded;
import io.cti.core.messages.ConnectToAgent;
import io.cti.core.messages.DomainEvent;
import io.cti.core.messages.HangupParty;
import io.cti.core.messages.Spy;
import io.cti.core.messages.SpyMode;
import io.cti.pbxsim.calls.ChannelSnapshot;
import io.cti.pbxsim.calls.ManagerEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Inbound calls end to end: pbx-sim runs the platform dialplan, the bridge follows it over a real AMI connection
 * and drives it with its commands.
 */
class InboundCallsOverAmiTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private SimulatedPbx pbx;

    @BeforeEach
    void start() {
        pbx = SimulatedPbx.started();
    }

    @AfterEach
    void stop() {
        pbx.close();
    }

    @Test
    void aCallArrivesRingsAnAgentConnectsAndEndsInThatOrderUnderOneCallId() {
        pbx.agentAnswering("PJSIP/2001");
        ChannelSnapshot customer = pbx.inboundCall(SimulatedPbx.CUSTOMER);
        CallId callId = CallId.of(customer.linkedid());
        await().atMost(WAIT).until(() -> !pbx.published(CallArrived.class).isEmpty());

        connect(callId, "2001", Duration.ofSeconds(10));
        await().atMost(WAIT).until(() -> !pbx.published(CallConnected.class).isEmpty());
        pbx.pbx().hangupFromFarEnd(customer.name(), 16).join();
        await().atMost(WAIT).until(() -> !pbx.published(CallEnded.class).isEmpty());

        List<DomainEvent> events = pbx.callEvents();
        assertThat(events).extracting(event -> event.getClass().getSimpleName())
                .containsExactly("CallArrived", "AgentLegRinging", "CallConnected", "CallEnded");
        assertThat(events).extracting(SimulatedPbx::callIdOf).containsOnly(callId);
        CallArrived arrived = (CallArrived) events.get(0);
        assertThat(arrived.queue().value()).isEqualTo("support");
        assertThat(arrived.ani()).isEqualTo(SimulatedPbx.CUSTOMER);
        assertThat(arrived.dnis()).isEqualTo(SimulatedPbx.SUPPORT_NUMBER);
        assertThat(arrived.channel()).isEqualTo(customer.name());
        assertThat(arrived.uniqueId()).isEqualTo(customer.uniqueid());
        AgentLegRinging ringing = (AgentLegRinging) events.get(1);
        assertThat(ringing.endpoint()).isEqualTo("PJSIP/2001");
        assertThat(((CallConnected) events.get(2)).channel()).isEqualTo(ringing.channel());
        CallEnded ended = (CallEnded) events.get(3);
        assertThat(ended.causeCode()).isEqualTo(16);
        assertThat(ended.hungUpBy()).isEqualTo(HangupParty.CUSTOMER);
    }

    @Test
    void anAgentWhoDoesNotAnswerIsToldUnansweredAndTheCallerWaitsAgainForTheNextAgent() {
        pbx.agentNotAnswering("PJSIP/2001");
        pbx.agentAnswering("PJSIP/2002");
        ChannelSnapshot customer = pbx.inboundCall(SimulatedPbx.CUSTOMER);
        CallId callId = CallId.of(customer.linkedid());
        await().atMost(WAIT).until(() -> !pbx.published(CallArrived.class).isEmpty());

        connect(callId, "2001", Duration.ofSeconds(1));
        await().atMost(WAIT).until(() -> !pbx.published(AgentLegUnanswered.class).isEmpty());
        // The dialplan took the caller back to holding (cti-hold,wait) and still plays music.
        await().atMost(WAIT).until(() -> "cti-hold".equals(pbx.pbx().channel(customer.name()).join()
                .orElseThrow().context()));
        connect(callId, "2002", Duration.ofSeconds(10));
        await().atMost(WAIT).until(() -> !pbx.published(CallConnected.class).isEmpty());

        List<DomainEvent> events = pbx.callEvents();
        assertThat(events).extracting(event -> event.getClass().getSimpleName()).containsExactly("CallArrived",
                "AgentLegRinging", "AgentLegUnanswered", "AgentLegRinging", "CallConnected");
        assertThat(events).extracting(SimulatedPbx::callIdOf).containsOnly(callId);
        AgentLegUnanswered rona = (AgentLegUnanswered) events.get(2);
        assertThat(rona.endpoint()).isEqualTo("PJSIP/2001");
        assertThat(rona.dialStatus()).isEqualTo("NOANSWER");
        assertThat(rona.channel()).isEqualTo(((AgentLegRinging) events.get(1)).channel());
        assertThat(((CallConnected) events.get(4)).endpoint()).isEqualTo("PJSIP/2002");
    }

    @Test
    void anAgentPhoneThatCannotBeReachedIsToldUnansweredFromTheDialplansAcdRona() {
        pbx.agentAnswering("PJSIP/2002");
        ChannelSnapshot customer = pbx.inboundCall(SimulatedPbx.CUSTOMER);
        CallId callId = CallId.of(customer.linkedid());
        await().atMost(WAIT).until(() -> !pbx.published(CallArrived.class).isEmpty());

        // 2999 is no endpoint of the PBX: Dial fails at once, no channel, no DialBegin or DialEnd.
        connect(callId, "2999", Duration.ofSeconds(10));
        await().atMost(WAIT).until(() -> !pbx.published(AgentLegUnanswered.class).isEmpty());
        await().atMost(WAIT).until(() -> "cti-hold".equals(pbx.pbx().channel(customer.name()).join()
                .orElseThrow().context()));
        connect(callId, "2002", Duration.ofSeconds(10));
        await().atMost(WAIT).until(() -> !pbx.published(CallConnected.class).isEmpty());

        assertThat(pbx.callEvents()).extracting(event -> event.getClass().getSimpleName())
                .containsExactly("CallArrived", "AgentLegUnanswered", "AgentLegRinging", "CallConnected");
        AgentLegUnanswered unreachable = pbx.published(AgentLegUnanswered.class).get(0);
        assertThat(unreachable.callId()).isEqualTo(callId);
        assertThat(unreachable.endpoint()).isEqualTo("PJSIP/2999");
        assertThat(unreachable.dialStatus()).isEqualTo("CHANUNAVAIL");
    }

    @Test
    void aBusyAgentPhoneIsAnUnansweredLegWithStatusBusy() {
        pbx.endpoint("PJSIP/2001", call -> call.busy());
        ChannelSnapshot customer = pbx.inboundCall(SimulatedPbx.CUSTOMER);
        await().atMost(WAIT).until(() -> !pbx.published(CallArrived.class).isEmpty());

        connect(CallId.of(customer.linkedid()), "2001", Duration.ofSeconds(10));

        await().atMost(WAIT).untilAsserted(() -> assertThat(pbx.published(AgentLegUnanswered.class))
                .singleElement().extracting(AgentLegUnanswered::dialStatus).isEqualTo("BUSY"));
        assertThat(pbx.published(CallEnded.class)).isEmpty();
    }

    @Test
    void aSpyCommandReachesPbxSimAsChanSpyOnTheAgentsChannel() {
        pbx.agentAnswering("PJSIP/2001");
        pbx.agentAnswering("PJSIP/9001");
        ChannelSnapshot customer = pbx.inboundCall(SimulatedPbx.CUSTOMER);
        CallId callId = CallId.of(customer.linkedid());
        await().atMost(WAIT).until(() -> !pbx.published(CallArrived.class).isEmpty());
        connect(callId, "2001", Duration.ofSeconds(10));
        await().atMost(WAIT).until(() -> !pbx.published(CallConnected.class).isEmpty());
        String agentChannel = pbx.published(CallConnected.class).get(0).channel();

        pbx.bridge.callControl().execute(Spy.now(callId, "PJSIP/9001", SpyMode.WHISPER)).join();

        await().atMost(WAIT).until(() -> pbx.raised.stream().anyMatch(event -> event.name().equals("ChanSpyStart")));
        ManagerEvent spying = pbx.raised.stream().filter(event -> event.name().equals("ChanSpyStart")).findFirst()
                .orElseThrow();
        assertThat(spying.get("SpyeeChannel")).isEqualTo(agentChannel);
        assertThat(spying.get("SpyerChannel")).startsWith("PJSIP/9001-");
        // asterisk-java writes header names in lower case, as Asterisk accepts them.
        assertThat(pbx.receivedByPbx()).contains("action: Originate").contains("application: ChanSpy")
                .contains("data: " + agentChannel + ",qEw");
    }

    private void connect(CallId callId, String extension, Duration ringTimeout) {
        pbx.bridge.callControl().execute(ConnectToAgent.now(callId, AgentId.of("agent-" + extension), extension,
                ringTimeout)).join();
    }
}
