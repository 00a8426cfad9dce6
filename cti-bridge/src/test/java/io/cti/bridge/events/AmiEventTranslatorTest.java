package io.cti.bridge.events;

import io.cti.bridge.testing.Facts;
import io.cti.core.ids.CallId;
import io.cti.core.messages.AgentLegUnanswered;
import io.cti.core.messages.CallArrived;
import io.cti.core.messages.CallbackDialed;
import io.cti.core.messages.CallbackRequested;
import io.cti.core.messages.OriginateOutcome;
import io.cti.core.messages.CallConnected;
import io.cti.core.messages.DomainEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.asteriskjava.manager.event.ManagerEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.cti.bridge.testing.AmiFrames.channel;
import static io.cti.bridge.testing.AmiFrames.event;
import static org.assertj.core.api.Assertions.assertThat;

/** Rules for events the recording lacks: AMD, hold, transfers, SIP phones, platform hang-ups, resync. */
class AmiEventTranslatorTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final String CUSTOMER = "PJSIP/carrier-00000001";
    private static final String AGENT = "PJSIP/2001-00000002";

    private final List<DomainEvent> out = new ArrayList<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AmiEventTranslator translator = new AmiEventTranslator(TranslatorSettings.defaults(), out::add,
            registry);

    @Test
    void amdResultNeedsBothVariablesInEitherOrderAndIsToldOnce() {
        feed(event(channel("Newchannel", CUSTOMER, "1.1", "1.1")));
        feed(event(channel("VarSet", CUSTOMER, "1.1", "1.1", "Variable: AMDCAUSE", "Value: TOOLONG-5000")));
        assertThat(out).isEmpty();

        feed(event(channel("VarSet", CUSTOMER, "1.1", "1.1", "Variable: AMDSTATUS", "Value: MACHINE")));
        feed(event(channel("VarSet", CUSTOMER, "1.1", "1.1", "Variable: AMDSTATUS", "Value: MACHINE")));

        assertThat(Facts.of(out)).containsExactly("AmdResult[callId=1.1, verdict=MACHINE, cause=TOOLONG-5000]");
    }

    @Test
    void holdAndResumeFollowTheChannelsHoldState() {
        feed(event(channel("Newchannel", CUSTOMER, "1.1", "1.1")));
        ManagerEvent hold = event(channel("Hold", CUSTOMER, "1.1", "1.1", "MusicClass: default"));
        feed(hold);
        feed(hold);
        feed(event(channel("Unhold", CUSTOMER, "1.1", "1.1")));

        assertThat(Facts.of(out)).containsExactly("CallHeld[callId=1.1, channel=" + CUSTOMER + "]",
                "CallResumed[callId=1.1, channel=" + CUSTOMER + "]");
    }

    @Test
    void aBlindTransferIsToldOnceWithItsDestination() {
        feed(event(channel("Newchannel", CUSTOMER, "1.1", "1.1")));
        ManagerEvent transfer = event("Event: BlindTransfer", "Result: Success", "TransfererChannel: " + AGENT,
                "TransfererUniqueid: 1.2", "TransfererLinkedid: 1.1", "TransfereeChannel: " + CUSTOMER,
                "TransfereeUniqueid: 1.1", "TransfereeLinkedid: 1.1", "IsExternal: No", "Context: sales",
                "Extension: 300");
        feed(transfer);
        feed(transfer);

        assertThat(Facts.of(out)).containsExactly("CallTransferred[callId=1.1, kind=BLIND, target=300@sales]");
    }

    @Test
    void sipPhonesTellWhoHungUpAndTheirDeviceStates() {
        arriveAndConnect();
        feed(event("Event: DeviceStateChange", "Device: PJSIP/2001", "State: INUSE"));
        feed(event("Event: DeviceStateChange", "Device: PJSIP/2001", "State: INUSE"));
        feed(event("Event: DeviceStateChange", "Device: Queue:support_avail", "State: INUSE"));
        // The agent's phone sends BYE: a HangupRequest on the agent's channel, then both channels hang up.
        feed(event(channel("HangupRequest", AGENT, "1.2", "1.1")));
        feed(event(channel("Hangup", AGENT, "1.2", "1.1", "Cause: 16", "Cause-txt: Normal Clearing")));
        feed(event(channel("SoftHangupRequest", CUSTOMER, "1.1", "1.1", "Cause: 16")));
        feed(event(channel("Hangup", CUSTOMER, "1.1", "1.1", "Cause: 16", "Cause-txt: Normal Clearing")));
        translator.tick(T0.plusSeconds(5));

        assertThat(Facts.of(out)).containsExactly(
                "CallArrived[callId=1.1, channel=" + CUSTOMER + ", uniqueId=1.1, ani=+4930123456, dnis=100, queue=support, ivrChoices=[]]",
                "AgentLegRinging[callId=1.1, endpoint=PJSIP/2001, channel=" + AGENT + "]",
                "CallConnected[callId=1.1, endpoint=PJSIP/2001, channel=" + AGENT + "]",
                "AgentPhoneState[endpoint=PJSIP/2001, state=INUSE]",
                "CallEnded[callId=1.1, causeCode=16, causeText=Normal Clearing, hungUpBy=AGENT]");
    }

    @Test
    void aHangupTheBridgeAskedForNamesThePlatform() {
        arriveAndConnect();
        translator.hangupRequestedByPlatform(CallId.of("1.1"));
        feed(event(channel("HangupRequest", CUSTOMER, "1.1", "1.1")));
        feed(event(channel("Hangup", CUSTOMER, "1.1", "1.1", "Cause: 16")));
        feed(event(channel("Hangup", AGENT, "1.2", "1.1", "Cause: 16")));
        translator.tick(T0.plusSeconds(5));

        assertThat(Facts.of(out)).last().isEqualTo("CallEnded[callId=1.1, causeCode=16, causeText=Normal Clearing, hungUpBy=PLATFORM]");
    }

    @Test
    void callDirectoryNamesTheLiveChannelsOfACall() {
        arriveAndConnect();

        assertThat(translator.customerChannel(CallId.of("1.1"))).contains(CUSTOMER);
        assertThat(translator.agentChannel(CallId.of("1.1"))).contains(AGENT);
        assertThat(translator.customerChannel(CallId.of("9.9"))).isEmpty();

        feed(event(channel("Hangup", CUSTOMER, "1.1", "1.1", "Cause: 16")));
        assertThat(translator.customerChannel(CallId.of("1.1"))).isEmpty();
    }

    @Test
    void resyncEndsVanishedCallsAdoptsUnknownOnesAndTellsNothingTwice() {
        arriveAndConnect();
        feed(event(channel("Newchannel", "PJSIP/carrier-00000003", "3.3", "3.3")));
        feed(event(channel("UserEvent", "PJSIP/carrier-00000003", "3.3", "3.3", "UserEvent: AcdEnter",
                "Skill: billing")));
        out.clear();

        long mark = translator.beginResync();
        // Call 1.1 is still live; call 3.3 vanished while the link was down; call 5.5 started meanwhile and
        // waits in the holding context; call 7.7 is some other live call.
        translator.reconcile(mark, List.of(
                new LiveChannel(CUSTOMER, "1.1", "1.1", "cti-hold", "100", "+4930123456", null),
                new LiveChannel(AGENT, "1.2", "1.1", "cti-agent-connect", "2001", "2001", null),
                new LiveChannel("PJSIP/carrier-00000005", "5.5", "5.5", "cti-hold", "100", "+4930999888", "sales"),
                new LiveChannel("PJSIP/3001-00000007", "7.7", "7.7", "internal", "3002", "3001", null)), T0.plusSeconds(1));

        assertThat(Facts.of(out)).containsExactly(
                "CallEnded[callId=3.3, causeCode=0, causeText=lost during PBX disconnect, hungUpBy=UNKNOWN]",
                "CallArrived[callId=5.5, channel=PJSIP/carrier-00000005, uniqueId=5.5, ani=+4930999888, dnis=100, queue=sales, ivrChoices=[]]");

        // The same snapshot again (a second reconnect) tells nothing new, and the lost call stays ended.
        out.clear();
        translator.reconcile(translator.beginResync(), List.of(
                new LiveChannel(CUSTOMER, "1.1", "1.1", "cti-hold", "100", "+4930123456", null),
                new LiveChannel(AGENT, "1.2", "1.1", "cti-agent-connect", "2001", "2001", null),
                new LiveChannel("PJSIP/carrier-00000005", "5.5", "5.5", "cti-hold", "100", "+4930999888", "sales"),
                new LiveChannel("PJSIP/3001-00000007", "7.7", "7.7", "internal", "3002", "3001", null)), T0.plusSeconds(2));
        feed(event(channel("Hangup", "PJSIP/carrier-00000003", "3.3", "3.3", "Cause: 16")));
        assertThat(out).isEmpty();
        assertThat(registry.get("cti.bridge.resync.lost").counter().count()).isEqualTo(1);
        assertThat(registry.get("cti.bridge.resync.adopted").counter().count()).isEqualTo(2);
    }

    @Test
    void aCallWithEventsDuringTheResyncIsNotEndedByTheSnapshot() {
        long mark = translator.beginResync();
        feed(event(channel("Newchannel", CUSTOMER, "1.1", "1.1")));
        feed(event(channel("UserEvent", CUSTOMER, "1.1", "1.1", "UserEvent: AcdEnter", "Skill: support")));
        out.clear();

        translator.reconcile(mark, List.of(), T0.plusSeconds(1));

        assertThat(out).isEmpty();
        assertThat(translator.customerChannel(CallId.of("1.1"))).contains(CUSTOMER);
    }

    @Test
    void anAgentLegThatRingsOutIsToldUnansweredOnceWithItsDialStatus() {
        arriveAndRing();
        ManagerEvent ringOut = event(channel("DialEnd", CUSTOMER, "1.1", "1.1", "DestChannel: " + AGENT,
                "DestUniqueid: 1.2", "DestLinkedid: 1.1", "DialStatus: NOANSWER"));
        feed(ringOut);
        feed(ringOut);

        assertThat(Facts.of(out)).containsExactly(
                "CallArrived[callId=1.1, channel=" + CUSTOMER + ", uniqueId=1.1, ani=+4930123456, dnis=100, queue=support, ivrChoices=[]]",
                "AgentLegRinging[callId=1.1, endpoint=PJSIP/2001, channel=" + AGENT + "]",
                "AgentLegUnanswered[callId=1.1, endpoint=PJSIP/2001, channel=" + AGENT + ", dialStatus=NOANSWER]");
    }

    @Test
    void everyStatusButAnswerIsAnUnansweredAgentLeg() {
        feed(event(channel("Newchannel", CUSTOMER, "1.1", "1.1")));
        String[] statuses = {"NOANSWER", "BUSY", "CHANUNAVAIL", "CONGESTION", "CANCEL"};
        for (int leg = 0; leg < statuses.length; leg++) {
            feed(event(channel("DialEnd", CUSTOMER, "1.1", "1.1", "DestChannel: PJSIP/200" + leg + "-0000000" + leg,
                    "DestUniqueid: 1." + (leg + 2), "DestLinkedid: 1.1", "DialStatus: " + statuses[leg])));
        }

        assertThat(out).filteredOn(AgentLegUnanswered.class::isInstance).extracting(event ->
                ((AgentLegUnanswered) event).dialStatus()).containsExactly(statuses);
        assertThat(out).noneMatch(CallConnected.class::isInstance);
    }

    @Test
    void aDialEndBeforeItsDialBeginStillTellsRingingThenUnansweredOnce() {
        feed(event(channel("DialEnd", CUSTOMER, "1.1", "1.1", "DestChannel: " + AGENT, "DestUniqueid: 1.2",
                "DestLinkedid: 1.1", "DialStatus: BUSY")));
        feed(event(channel("DialBegin", CUSTOMER, "1.1", "1.1", "DestChannel: " + AGENT, "DestUniqueid: 1.2",
                "DestLinkedid: 1.1", "DialString: 2001")));

        assertThat(Facts.of(out)).containsExactly(
                "AgentLegRinging[callId=1.1, endpoint=PJSIP/2001, channel=" + AGENT + "]",
                "AgentLegUnanswered[callId=1.1, endpoint=PJSIP/2001, channel=" + AGENT + ", dialStatus=BUSY]");
    }

    @Test
    void aRedialAfterRonaRingsAndConnectsTheNextAgent() {
        arriveAndRing();
        feed(event(channel("DialEnd", CUSTOMER, "1.1", "1.1", "DestChannel: " + AGENT, "DestUniqueid: 1.2",
                "DestLinkedid: 1.1", "DialStatus: NOANSWER")));
        feed(event(channel("DialBegin", CUSTOMER, "1.1", "1.1", "DestChannel: PJSIP/2002-00000003",
                "DestUniqueid: 1.3", "DestLinkedid: 1.1", "DialString: 2002")));
        feed(event(channel("DialEnd", CUSTOMER, "1.1", "1.1", "DestChannel: PJSIP/2002-00000003",
                "DestUniqueid: 1.3", "DestLinkedid: 1.1", "DialStatus: ANSWER")));

        assertThat(Facts.of(out)).endsWith(
                "AgentLegUnanswered[callId=1.1, endpoint=PJSIP/2001, channel=" + AGENT + ", dialStatus=NOANSWER]",
                "AgentLegRinging[callId=1.1, endpoint=PJSIP/2002, channel=PJSIP/2002-00000003]",
                "CallConnected[callId=1.1, endpoint=PJSIP/2002, channel=PJSIP/2002-00000003]");
        assertThat(translator.agentChannel(CallId.of("1.1"))).contains("PJSIP/2002-00000003");
    }

    @Test
    void theCallersIvrChoicesTravelWithTheArrival() {
        feed(event(channel("Newchannel", CUSTOMER, "1.1", "1.1")));
        feed(event(channel("UserEvent", CUSTOMER, "1.1", "1.1", "UserEvent: AcdEnter", "Skill: sales",
                "CallId: 1.1", "Dnis: 5550000", "Ivr: 2 sales| 4 billing |")));

        assertThat(out).singleElement().isInstanceOfSatisfying(CallArrived.class,
                arrived -> assertThat(arrived.ivrChoices()).containsExactly("2 sales", "4 billing"));
    }

    @Test
    void aCallerAdoptedOnResyncKeepsTheIvrChoicesReadFromTheChannel() {
        translator.reconcile(translator.beginResync(), List.of(new LiveChannel(CUSTOMER, "1.1", "1.1", "cti-hold",
                "5550000", "+4930123456", "sales", "2 sales")), T0);

        assertThat(out).singleElement().isInstanceOfSatisfying(CallArrived.class,
                arrived -> assertThat(arrived.ivrChoices()).containsExactly("2 sales"));
    }

    @Test
    void aCallerAskingForACallbackIsToldOnceWithTheMomentTheirCallEntered() {
        translator.onEvent(event(channel("Newchannel", CUSTOMER, "1.1", "1.1")), T0);
        ManagerEvent asked = event(channel("UserEvent", CUSTOMER, "1.1", "1.1", "UserEvent: AcdCallback",
                "CallId: 1.1", "Skill: support", "Number: +4930123456", "Dnis: 5550000", "Ivr: 9 callback"));
        translator.onEvent(asked, T0.plusSeconds(12));
        translator.onEvent(asked, T0.plusSeconds(13));

        assertThat(out).singleElement().isInstanceOfSatisfying(CallbackRequested.class, request -> {
            assertThat(request.callId()).isEqualTo(CallId.of("1.1"));
            assertThat(request.queue().value()).isEqualTo("support");
            assertThat(request.callerNumber()).isEqualTo("+4930123456");
            assertThat(request.dnis()).isEqualTo("5550000");
            assertThat(request.ivrChoices()).containsExactly("9 callback");
            assertThat(request.enteredAt()).isEqualTo(T0);
            assertThat(request.occurredAt()).isEqualTo(T0.plusSeconds(12));
        });
    }

    @Test
    void aCallbackRingsTheAgentAsItsAgentLegAndTellsHowTheCustomerLegWent() {
        translator.callbackPlaced(CallId.of("cb-7-1"), "PJSIP/2001", "ref-1");
        String customer = "PJSIP/trunk-00000009";
        feed(event(channel("Newchannel", AGENT, "cb-7-1", "cb-7-1")));
        feed(event("Event: DialBegin", "DestChannel: " + AGENT, "DestUniqueid: cb-7-1", "DestLinkedid: cb-7-1",
                "DialString: 2001"));
        feed(event("Event: DialEnd", "DestChannel: " + AGENT, "DestUniqueid: cb-7-1", "DestLinkedid: cb-7-1",
                "DialStatus: ANSWER"));
        // asterisk-java hands an event only the part of the ActionID after its own prefix ("<internal>#").
        feed(event("Event: OriginateResponse", "ActionID: 1_0#ref-1", "Response: Success", "Channel: " + AGENT,
                "Context: cti-callback", "Exten: s", "Reason: 4", "Uniqueid: cb-7-1"));
        feed(event(channel("DialBegin", AGENT, "cb-7-1", "cb-7-1", "DestChannel: " + customer,
                "DestUniqueid: 9.9", "DestLinkedid: cb-7-1", "DialString: +4930123456@trunk")));
        feed(event(channel("DialEnd", AGENT, "cb-7-1", "cb-7-1", "DestChannel: " + customer,
                "DestUniqueid: 9.9", "DestLinkedid: cb-7-1", "DialStatus: ANSWER")));
        feed(event(channel("HangupRequest", customer, "9.9", "cb-7-1")));
        feed(event(channel("Hangup", customer, "9.9", "cb-7-1", "Cause: 16")));
        feed(event(channel("Hangup", AGENT, "cb-7-1", "cb-7-1", "Cause: 16")));
        translator.tick(T0.plusSeconds(5));

        assertThat(Facts.of(out)).filteredOn(fact -> !fact.startsWith("OriginateResult")).containsExactly(
                "AgentLegRinging[callId=cb-7-1, endpoint=PJSIP/2001, channel=" + AGENT + "]",
                "CallConnected[callId=cb-7-1, endpoint=PJSIP/2001, channel=" + AGENT + "]",
                "CallbackDialed[callId=cb-7-1, channel=" + customer + ", outcome=ANSWERED, dialStatus=ANSWER]",
                "CallEnded[callId=cb-7-1, causeCode=16, causeText=Normal Clearing, hungUpBy=CUSTOMER]");
    }

    @Test
    void aCallbackCustomerWhoIsBusyIsToldOnceAndNeverAsAnAgentLeg() {
        translator.callbackPlaced(CallId.of("cb-7-2"), "PJSIP/2001", "ref-2");
        feed(event("Event: DialEnd", "DestChannel: " + AGENT, "DestUniqueid: cb-7-2", "DestLinkedid: cb-7-2",
                "DialStatus: ANSWER"));
        ManagerEvent busy = event(channel("DialEnd", AGENT, "cb-7-2", "cb-7-2", "DestChannel: PJSIP/trunk-0000000a",
                "DestUniqueid: 9.10", "DestLinkedid: cb-7-2", "DialStatus: BUSY"));
        feed(busy);
        feed(busy);

        assertThat(out).filteredOn(CallbackDialed.class::isInstance).singleElement()
                .isInstanceOfSatisfying(CallbackDialed.class, dialed -> {
                    assertThat(dialed.outcome()).isEqualTo(OriginateOutcome.BUSY);
                    assertThat(dialed.reached()).isFalse();
                });
        assertThat(out).noneMatch(AgentLegUnanswered.class::isInstance);
    }

    @Test
    void aCallbackWhoseAgentNeverAnswersIsAnUnansweredAgentLegEvenWithoutAChannel() {
        translator.callbackPlaced(CallId.of("cb-7-3"), "PJSIP/2009", "ref-3");
        ManagerEvent failed = event("Event: OriginateResponse", "ActionID: 1_0#ref-3", "Response: Failure",
                "Channel: PJSIP/2009", "Context: cti-callback", "Exten: s", "Reason: 3", "Uniqueid: <unknown>");
        feed(failed);
        feed(failed);

        assertThat(Facts.ofType(out, AgentLegUnanswered.class)).containsExactly(
                "AgentLegUnanswered[callId=cb-7-3, endpoint=PJSIP/2009, channel=, dialStatus=NOANSWER]");
    }

    @Test
    void aCallbackAgentLegToldUnansweredByItsDialEndIsNotToldAgainByTheOriginateResponse() {
        translator.callbackPlaced(CallId.of("cb-7-4"), "PJSIP/2001", "ref-4");
        feed(event("Event: DialBegin", "DestChannel: " + AGENT, "DestUniqueid: cb-7-4", "DestLinkedid: cb-7-4",
                "DialString: 2001"));
        feed(event("Event: DialEnd", "DestChannel: " + AGENT, "DestUniqueid: cb-7-4", "DestLinkedid: cb-7-4",
                "DialStatus: BUSY"));
        feed(event("Event: OriginateResponse", "ActionID: 1_0#ref-4", "Response: Failure", "Channel: PJSIP/2001",
                "Context: cti-callback", "Exten: s", "Reason: 5", "Uniqueid: <unknown>"));

        assertThat(Facts.ofType(out, AgentLegUnanswered.class)).containsExactly(
                "AgentLegUnanswered[callId=cb-7-4, endpoint=PJSIP/2001, channel=" + AGENT + ", dialStatus=BUSY]");
    }

    private void arriveAndRing() {
        feed(event(channel("Newchannel", CUSTOMER, "1.1", "1.1")));
        feed(event(channel("UserEvent", CUSTOMER, "1.1", "1.1", "UserEvent: AcdEnter", "Skill: support")));
        feed(event(channel("DialBegin", CUSTOMER, "1.1", "1.1", "DestChannel: " + AGENT, "DestUniqueid: 1.2",
                "DestLinkedid: 1.1", "DialString: 2001")));
    }

    private void arriveAndConnect() {
        feed(event(channel("Newchannel", CUSTOMER, "1.1", "1.1")));
        feed(event(channel("UserEvent", CUSTOMER, "1.1", "1.1", "UserEvent: AcdEnter", "Skill: support")));
        feed(event(channel("DialBegin", CUSTOMER, "1.1", "1.1", "DestChannel: " + AGENT, "DestUniqueid: 1.2",
                "DestLinkedid: 1.1", "DialString: 2001")));
        feed(event(channel("DialEnd", CUSTOMER, "1.1", "1.1", "DestChannel: " + AGENT, "DestUniqueid: 1.2",
                "DestLinkedid: 1.1", "DialStatus: ANSWER")));
    }

    private void feed(ManagerEvent event) {
        translator.onEvent(event, T0);
    }
}
