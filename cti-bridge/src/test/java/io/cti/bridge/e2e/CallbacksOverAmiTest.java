package io.cti.bridge.e2e;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.ids.QueueName;
import io.cti.core.messages.AgentLegRinging;
import io.cti.core.messages.AgentLegUnanswered;
import io.cti.core.messages.CallArrived;
import io.cti.core.messages.CallBackCustomer;
import io.cti.core.messages.CallConnected;
import io.cti.core.messages.CallEnded;
import io.cti.core.messages.CallbackDialed;
import io.cti.core.messages.CallbackRequested;
import io.cti.core.messages.DomainEvent;
import io.cti.core.messages.HangupParty;
import io.cti.core.messages.OriginateOutcome;
import io.cti.pbxsim.calls.ChannelSnapshot;
import io.cti.pbxsim.calls.EndpointCall;
import io.cti.pbxsim.calls.InboundCall;
import io.cti.pbxsim.calls.ManagerEvent;
import io.cti.pbxsim.calls.Party;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * IVR choices and callbacks end to end: pbx-sim runs the platform dialplan, the bridge follows it over a real AMI
 * connection and places callbacks with CallBackCustomer.
 */
class CallbacksOverAmiTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String IVR_NUMBER = "5550000";
    private static final CallId CALLBACK = CallId.of("cb-41-1");

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
    void anIvrCallerArrivesWithTheChoiceTheyKeyed() {
        ivrCall("2");

        await().atMost(WAIT).until(() -> !pbx.published(CallArrived.class).isEmpty());
        CallArrived arrived = pbx.published(CallArrived.class).get(0);
        assertThat(arrived.queue().value()).isEqualTo("sales");
        assertThat(arrived.ivrChoices()).containsExactly("2 sales");
    }

    @Test
    void aCallerPressingNineIsACallbackRequestWithTheirNumberQueueAndTheMomentTheyEntered() {
        ChannelSnapshot caller = ivrCall("9");

        await().atMost(WAIT).until(() -> !pbx.published(CallbackRequested.class).isEmpty());
        CallbackRequested request = pbx.published(CallbackRequested.class).get(0);
        assertThat(request.callId()).isEqualTo(CallId.of(caller.linkedid()));
        assertThat(request.callerNumber()).isEqualTo(SimulatedPbx.CUSTOMER);
        assertThat(request.queue().value()).isEqualTo("support");
        assertThat(request.dnis()).isEqualTo(IVR_NUMBER);
        assertThat(request.ivrChoices()).containsExactly("9 callback");
        // The menu took a second or more before the caller keyed 9: they entered before they asked.
        assertThat(request.enteredAt()).isBefore(request.occurredAt().minusMillis(500));
        assertThat(pbx.published(CallArrived.class)).isEmpty();
    }

    @Test
    void aCallbackRingsTheAgentFirstThenTheCustomerAndIsFollowedUnderTheRoutersCallId() {
        pbx.agentAnswering("PJSIP/2001");
        pbx.endpoint("PJSIP/trunk", call -> {
            call.ringing();
            call.answer();
        });

        callBack(Duration.ofSeconds(10));
        await().atMost(WAIT).until(() -> !pbx.published(CallbackDialed.class).isEmpty());
        String customer = pbx.published(CallbackDialed.class).get(0).channel();
        pbx.pbx().hangupFromFarEnd(customer, 16).join();
        await().atMost(WAIT).until(() -> !pbx.published(CallEnded.class).isEmpty());

        List<DomainEvent> events = pbx.eventsOf(CALLBACK);
        assertThat(events).extracting(event -> event.getClass().getSimpleName()).containsSubsequence(
                "AgentLegRinging", "CallConnected", "CallbackDialed", "CallEnded");
        assertThat(((AgentLegRinging) events.get(0)).endpoint()).isEqualTo("PJSIP/2001");
        CallbackDialed dialed = pbx.published(CallbackDialed.class).get(0);
        assertThat(dialed.outcome()).isEqualTo(OriginateOutcome.ANSWERED);
        assertThat(customer).startsWith("PJSIP/trunk-");
        assertThat(pbx.published(CallConnected.class)).singleElement()
                .satisfies(connected -> assertThat(connected.endpoint()).isEqualTo("PJSIP/2001"));
        assertThat(pbx.published(CallEnded.class).get(0).hungUpBy()).isEqualTo(HangupParty.CUSTOMER);
        List<String> dialOrder = pbx.raised.stream().filter(event -> event.name().equals("DialBegin"))
                .map(event -> event.get("DestChannel")).toList();
        assertThat(dialOrder).hasSize(2);
        assertThat(dialOrder.get(0)).startsWith("PJSIP/2001-");
        assertThat(dialOrder.get(1)).isEqualTo(customer);
        ManagerEvent customerDial = pbx.raised.stream().filter(event -> event.name().equals("DialBegin")
                && customer.equals(event.get("DestChannel"))).findFirst().orElseThrow();
        assertThat(customerDial.get("DialString")).isEqualTo(SimulatedPbx.CUSTOMER + "@trunk");
        assertThat(pbx.receivedByPbx()).containsIgnoringCase("channelid: " + CALLBACK.value());
    }

    @Test
    void anAgentWhoDoesNotAnswerACallbackIsToldUnansweredOnceAndNoCustomerIsDialed() {
        pbx.agentNotAnswering("PJSIP/2001");
        pbx.endpoint("PJSIP/trunk", EndpointCall::answer);

        callBack(Duration.ofSeconds(1));

        await().atMost(WAIT).until(() -> !pbx.published(CallEnded.class).isEmpty());
        assertThat(pbx.published(AgentLegUnanswered.class)).singleElement().satisfies(rona -> {
            assertThat(rona.callId()).isEqualTo(CALLBACK);
            assertThat(rona.endpoint()).isEqualTo("PJSIP/2001");
            assertThat(rona.dialStatus()).isEqualTo("NOANSWER");
        });
        assertThat(pbx.published(CallbackDialed.class)).isEmpty();
        assertThat(pbx.raised).noneMatch(event -> event.name().equals("DialBegin")
                && event.get("DestChannel").startsWith("PJSIP/trunk-"));
    }

    @Test
    void aBusyCustomerIsToldAsTheCallbacksDialOutcomeAndTheCallEnds() {
        pbx.agentAnswering("PJSIP/2001");
        pbx.endpoint("PJSIP/trunk", EndpointCall::busy);

        callBack(Duration.ofSeconds(10));

        await().atMost(WAIT).until(() -> !pbx.published(CallEnded.class).isEmpty());
        assertThat(pbx.published(CallbackDialed.class)).singleElement().satisfies(dialed -> {
            assertThat(dialed.outcome()).isEqualTo(OriginateOutcome.BUSY);
            assertThat(dialed.dialStatus()).isEqualTo("BUSY");
        });
        assertThat(pbx.published(AgentLegUnanswered.class)).isEmpty();
    }

    private ChannelSnapshot ivrCall(String digits) {
        return pbx.pbx().inboundCall(InboundCall.of("PJSIP", "carrier", new Party(SimulatedPbx.CUSTOMER, ""),
                "cti-inbound", IVR_NUMBER).withDtmf(digits)).join();
    }

    private void callBack(Duration ringTimeout) {
        pbx.bridge.callControl().execute(CallBackCustomer.now(CALLBACK, AgentId.of("alice"), "2001",
                SimulatedPbx.CUSTOMER, "5550100", QueueName.of("support"), ringTimeout, Duration.ofSeconds(20))).join();
    }
}
