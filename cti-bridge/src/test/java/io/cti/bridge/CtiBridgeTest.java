package io.cti.bridge;

import io.cti.bridge.actions.CallControlSettings;
import io.cti.bridge.connection.AmiLinkSettings;
import io.cti.bridge.connection.AmiLinkState;
import io.cti.bridge.events.AmiEventTranslator;
import io.cti.bridge.events.TranslatorSettings;
import io.cti.bridge.testing.Facts;
import io.cti.bridge.testing.RecordedEvents;
import io.cti.bridge.testing.ScriptedAmiPeer;
import io.cti.bridge.testing.Transcript;
import io.cti.core.ids.CallId;
import io.cti.core.ids.QueueName;
import io.cti.core.messages.AgentPhoneState;
import io.cti.core.messages.CallEnded;
import io.cti.core.messages.DomainEvent;
import io.cti.core.messages.HangUp;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The assembled bridge over real TCP: asterisk-java reading recorded Asterisk bytes, resync after reconnects. */
class CtiBridgeTest {

    private static final TranslatorSettings RECORDED_DIALPLAN = new TranslatorSettings(Duration.ofMillis(500),
            "Local/[0-9]+@fake-agent", QueueName.of("default"), Set.of("acd-inbound"), "ACD_SKILL", 1000, Duration.ofMinutes(2));

    private final List<DomainEvent> published = new CopyOnWriteArrayList<>();
    private ScriptedAmiPeer peer;
    private CtiBridge bridge;

    @BeforeEach
    void startPeer() throws IOException {
        peer = new ScriptedAmiPeer();
    }

    @AfterEach
    void stop() throws IOException {
        if (bridge != null) {
            bridge.close();
        }
        peer.close();
    }

    @Test
    void theRecordedServerBytesThroughARealConnectionTellWhatTheRecordingTells() {
        byte[] raw = Transcript.bytes("asterisk/ami-transcript.main.server.raw");
        peer.afterLogin(afterLoginResponse(raw));

        startBridge();

        List<String> expected = expectedFromRecording();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(callFacts(published)).containsExactlyInAnyOrderElementsOf(expected));
        assertThat(expected).hasSize(26);
    }

    @Test
    void afterEveryReconnectVanishedCallsEndAsLostUnknownOnesAreAdoptedAndNothingIsToldTwice() {
        // While the bridge was away a caller came in and waits in the holding context.
        peer.channels(List.of(
                ScriptedAmiPeer.channel("Local/100@acd-inbound-00000007;2", "1800000000.2", "1800000000.1",
                        "acd-inbound", "100", "5559001"),
                ScriptedAmiPeer.channel("Local/100@acd-inbound-00000007;1", "1800000000.1", "1800000000.1",
                        "acd-inbound", "100", "5559001")));
        peer.variables(Map.of("ACD_SKILL", "billing"));
        startBridge();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(Facts.of(published)).containsExactly(
                "CallArrived[callId=1800000000.1, channel=Local/100@acd-inbound-00000007;2, uniqueId=1800000000.2, "
                        + "ani=5559001, dnis=100, queue=billing, ivrChoices=[]]"));
        assertThat(bridge.callControl()).isNotNull();

        // The link drops and, while it is down, the caller hangs up: the PBX lists no channel any more.
        peer.channels(List.of());
        int logins = peer.logins();
        peer.dropAll();
        await().atMost(Duration.ofSeconds(5)).until(() -> peer.logins() > logins);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(Facts.ofType(published, CallEnded.class))
                .containsExactly("CallEnded[callId=1800000000.1, causeCode=0, causeText=lost during PBX disconnect, hungUpBy=UNKNOWN]"));

        // Further reconnects tell nothing more.
        for (int drop = 0; drop < 3; drop++) {
            int before = peer.logins();
            peer.dropAll();
            await().atMost(Duration.ofSeconds(5)).until(() -> peer.logins() > before
                    && bridge.linkState() == AmiLinkState.UP);
            bridge.lastResync().join();
        }
        assertThat(published).hasSize(2);
    }

    @Test
    void aCommandForAKnownCallReachesThePbx() {
        peer.channels(List.of(ScriptedAmiPeer.channel("SIP/127.0.0.1-00000000", "1800000001.1", "1800000001.1",
                "acd-inbound", "100", "sipp")));
        startBridge();
        await().atMost(Duration.ofSeconds(5)).until(() -> !published.isEmpty());

        bridge.callControl().execute(HangUp.now(CallId.of("1800000001.1"))).join();

        assertThat(peer.actionsReceived()).endsWith("Hangup");
        assertThat(peer.receivedByAll()).containsIgnoringCase("Channel: SIP/127.0.0.1-00000000");
    }

    @Test
    void garbageUnknownAndTruncatedFramesAreSkippedAndTheLinkCarriesOn() {
        startBridge();
        await().atMost(Duration.ofSeconds(5)).until(() -> bridge.linkState() == AmiLinkState.UP);

        peer.emit("Event: NoSuchEventType", "Foo: bar");
        peer.emit("\u0001\u0002 garbage without a colon", "more garbage");
        peer.emit("Event: UserEvent", "Channel: SIP/x-00000001");
        peer.emit("Event: Hangup", "Cause: not-a-number");
        peer.emit("Event: DialBegin", "DestChannel: PJSIP/2001-00000009");
        peer.emit("Event: UserEvent", "UserEvent: AcdEnter", "Channel: SIP/127.0.0.1-00000005",
                "Uniqueid: 1800000005.1", "Linkedid: 1800000005.1", "CallerIDNum: 5550005", "Exten: 100",
                "Skill: support");

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(Facts.of(published)).containsExactly(
                "CallArrived[callId=1800000005.1, channel=SIP/127.0.0.1-00000005, uniqueId=1800000005.1, "
                        + "ani=5550005, dnis=100, queue=support, ivrChoices=[]]"));
        assertThat(bridge.linkState()).isEqualTo(AmiLinkState.UP);
        assertThat(peer.logins()).isEqualTo(1);
    }

    private void startBridge() {
        AmiLinkSettings link = new AmiLinkSettings("127.0.0.1", peer.port(), "cti", "cti-secret", "on",
                Duration.ofMillis(500), Duration.ofMillis(1000), Duration.ofSeconds(3), Duration.ofMillis(500),
                Duration.ofMillis(1000), Duration.ofSeconds(3), Duration.ofMillis(20), Duration.ofMillis(200));
        bridge = new CtiBridge(link, RECORDED_DIALPLAN, CallControlSettings.defaults(), published::add,
                new SimpleMeterRegistry());
        bridge.start();
    }

    /** The same recording read through asterisk-java's builder and the translator directly. */
    private static List<String> expectedFromRecording() {
        List<DomainEvent> out = new ArrayList<>();
        AmiEventTranslator translator = new AmiEventTranslator(RECORDED_DIALPLAN, out::add, new SimpleMeterRegistry());
        List<RecordedEvents.Timed> events = RecordedEvents.of("ami-transcript.txt", "main");
        events.forEach(timed -> translator.onEvent(timed.event(), timed.at()));
        translator.tick(events.get(events.size() - 1).at().plusSeconds(60));
        return callFacts(out);
    }

    private static List<String> callFacts(List<DomainEvent> events) {
        return Facts.of(events.stream().filter(event -> !(event instanceof AgentPhoneState)).toList());
    }

    /** The recorded bytes after the banner and the login response, which the peer itself sends. */
    private static byte[] afterLoginResponse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n", text.indexOf("Response: Success")) + 4;
        return Arrays.copyOfRange(raw, end, raw.length);
    }
}
