package io.cti.bridge.events;

import io.cti.bridge.testing.Facts;
import io.cti.bridge.testing.RecordedEvents;
import io.cti.core.messages.AgentPhoneState;
import io.cti.core.messages.CallEnded;
import io.cti.core.messages.DomainEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Replays the real Asterisk 20.20.1 recording through asterisk-java's event builder and the translator. */
class AmiEventTranslatorReplayTest {

    private final List<DomainEvent> out = new ArrayList<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AmiEventTranslator translator = Translators.recorded(out, registry);

    @Test
    void theRecordedMainConnectionTellsEachCallsStoryOnce() {
        replay(RecordedEvents.of("ami-transcript.txt", "main"));

        assertThat(Facts.of(out.stream().filter(event -> !(event instanceof AgentPhoneState)).toList())).containsExactly(
                // 05: Originate into the holding context; the caller waits (UserEvent AcdEnter on ;2)
                "OriginateResult[actionRef=channel:Local/100@acd-inbound-00000000;1:1795598334.0, callId=1795598334.0, outcome=ANSWERED, reasonCode=4, cause=answered]",
                "CallArrived[callId=1795598334.0, channel=Local/100@acd-inbound-00000000;2, uniqueId=1795598334.1, ani=5551001, dnis=100, queue=support, ivrChoices=[]]",
                // 07: Redirect to an agent: the agent's phone rings and answers
                "AgentLegRinging[callId=1795598334.0, endpoint=Local/2001@fake-agent, channel=Local/2001@fake-agent-00000001;1]",
                "CallConnected[callId=1795598334.0, endpoint=Local/2001@fake-agent, channel=Local/2001@fake-agent-00000001;1]",
                // 08: hang-up: one CallEnded for all four channels of the call
                "CallEnded[callId=1795598334.0, causeCode=16, causeText=Normal Clearing, hungUpBy=PBX]",
                // 09: two waiting callers bridged together; Asterisk merges their Linkedids, each call keeps its id
                "OriginateResult[actionRef=channel:Local/100@acd-inbound-00000002;1:1795598343.4, callId=1795598343.4, outcome=ANSWERED, reasonCode=4, cause=answered]",
                "CallArrived[callId=1795598343.4, channel=Local/100@acd-inbound-00000002;2, uniqueId=1795598343.5, ani=5552001, dnis=100, queue=support, ivrChoices=[]]",
                "OriginateResult[actionRef=channel:Local/100@acd-inbound-00000003;1:1795598345.6, callId=1795598345.6, outcome=ANSWERED, reasonCode=4, cause=answered]",
                "CallArrived[callId=1795598345.6, channel=Local/100@acd-inbound-00000003;2, uniqueId=1795598345.7, ani=5552002, dnis=100, queue=support, ivrChoices=[]]",
                "CallEnded[callId=1795598343.4, causeCode=16, causeText=Normal Clearing, hungUpBy=PBX]",
                "CallEnded[callId=1795598345.6, causeCode=16, causeText=Normal Clearing, hungUpBy=PBX]",
                // 10: app_queue call answered by the queue member
                "OriginateResult[actionRef=channel:Local/200@acd-inbound-00000004;1:1795598353.10, callId=1795598353.10, outcome=ANSWERED, reasonCode=4, cause=answered]",
                "CallArrived[callId=1795598353.10, channel=Local/200@acd-inbound-00000004;2, uniqueId=1795598353.11, ani=5553001, dnis=200, queue=support, ivrChoices=[]]",
                "AgentLegRinging[callId=1795598353.10, endpoint=Local/2001@fake-agent, channel=Local/2001@fake-agent-00000005;1]",
                "CallConnected[callId=1795598353.10, endpoint=Local/2001@fake-agent, channel=Local/2001@fake-agent-00000005;1]",
                "CallEnded[callId=1795598353.10, causeCode=16, causeText=Normal Clearing, hungUpBy=PBX]",
                // 12a-e: outbound outcomes; only the answered one becomes a call
                "OriginateResult[actionRef=channel:Local/answer@fake-customer-00000006;1:1795598359.14, callId=1795598359.14, outcome=ANSWERED, reasonCode=4, cause=answered]",
                "CallEnded[callId=1795598359.14, causeCode=16, causeText=Normal Clearing, hungUpBy=PBX]",
                "OriginateResult[actionRef=channel:Local/busy@fake-customer:null, callId=null, outcome=BUSY, reasonCode=5, cause=busy]",
                "OriginateResult[actionRef=channel:Local/noanswer@fake-customer:null, callId=null, outcome=NO_ANSWER, reasonCode=3, cause=no answer]",
                "OriginateResult[actionRef=channel:Local/congestion@fake-customer:null, callId=null, outcome=CONGESTION, reasonCode=8, cause=congestion]",
                "OriginateResult[actionRef=channel:Local/999@fake-customer:null, callId=null, outcome=FAILED, reasonCode=0, cause=no such extension or number, or the channel could not be created]",
                // 14: predictive: the answered customer is connected to an agent
                "OriginateResult[actionRef=channel:Local/answer@fake-customer-0000000d;1:1795598383.28, callId=1795598383.28, outcome=ANSWERED, reasonCode=4, cause=answered]",
                "AgentLegRinging[callId=1795598383.28, endpoint=Local/2001@fake-agent, channel=Local/2001@fake-agent-0000000e;1]",
                "CallConnected[callId=1795598383.28, endpoint=Local/2001@fake-agent, channel=Local/2001@fake-agent-0000000e;1]",
                "CallEnded[callId=1795598383.28, causeCode=16, causeText=Normal Clearing, hungUpBy=PBX]");
        assertThat(Facts.ofType(out, AgentPhoneState.class)).containsExactly(
                "AgentPhoneState[endpoint=Local/2001@fake-agent, state=INUSE]",
                "AgentPhoneState[endpoint=Local/2001@fake-agent, state=NOT_INUSE]",
                "AgentPhoneState[endpoint=Local/2001@fake-agent, state=INUSE]",
                "AgentPhoneState[endpoint=Local/2001@fake-agent, state=NOT_INUSE]",
                "AgentPhoneState[endpoint=Local/2001@fake-agent, state=INUSE]",
                "AgentPhoneState[endpoint=Local/2001@fake-agent, state=NOT_INUSE]");
    }

    @Test
    void aSipCallerHangingUpIsTheCustomer() {
        replay(RecordedEvents.of("ami-transcript-sipp.txt", "sip"));

        assertThat(Facts.of(out)).containsExactly(
                "CallArrived[callId=1795598450.32, channel=SIP/127.0.0.1-00000000, uniqueId=1795598450.32, ani=sipp, dnis=100, queue=support, ivrChoices=[]]",
                "CallEnded[callId=1795598450.32, causeCode=16, causeText=Normal Clearing, hungUpBy=CUSTOMER]");
    }

    @Test
    void aCallEndsOnlyAfterItHasBeenQuietForTheSettleTime() {
        List<RecordedEvents.Timed> events = RecordedEvents.of("ami-transcript-sipp.txt", "sip");
        events.forEach(timed -> translator.onEvent(timed.event(), timed.at()));
        Instant lastEvent = events.get(events.size() - 1).at();

        translator.tick(lastEvent.plusMillis(999));
        assertThat(out).noneMatch(CallEnded.class::isInstance);

        translator.tick(lastEvent.plusMillis(1000));
        assertThat(out).filteredOn(CallEnded.class::isInstance).hasSize(1);
    }

    @Test
    void replayingTheWholeRecordingTwiceTellsNoCallFactTwice() {
        List<RecordedEvents.Timed> events = RecordedEvents.of("ami-transcript.txt", "main");
        replay(events);
        List<DomainEvent> first = List.copyOf(out);

        replay(events);

        // Phone states are states, not facts: the replay takes the phone through the same changes again.
        assertThat(out.subList(first.size(), out.size())).allMatch(AgentPhoneState.class::isInstance);
    }

    @Test
    void eventsWithoutARuleAreCountedByType() {
        replay(RecordedEvents.of("ami-transcript.txt", "main"));

        assertThat(registry.get("cti.bridge.ami.events").tags("outcome", "unknown", "type", "QueueMemberStatusEvent")
                .counter().count()).isPositive();
        assertThat(registry.get("cti.bridge.ami.events").tags("outcome", "ignored", "type", "NewExtenEvent")
                .counter().count()).isPositive();
        assertThat(registry.get("cti.bridge.ami.events").tags("outcome", "handled", "type", "HangupEvent")
                .counter().count()).isPositive();
    }

    private void replay(List<RecordedEvents.Timed> events) {
        for (RecordedEvents.Timed timed : events) {
            translator.onEvent(timed.event(), timed.at());
            translator.tick(timed.at());
        }
        translator.tick(events.get(events.size() - 1).at().plusSeconds(60));
    }
}
