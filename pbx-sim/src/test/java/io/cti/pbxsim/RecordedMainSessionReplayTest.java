package io.cti.pbxsim;

import io.cti.pbxsim.testing.AmiTestClient;
import io.cti.pbxsim.testing.RecordedSession;
import io.cti.pbxsim.testing.SegmentComparator;
import io.cti.pbxsim.testing.SegmentComparator.KnownDeviation;
import io.cti.pbxsim.testing.SegmentComparator.Order;
import io.cti.pbxsim.testing.SimFixture;
import io.cti.pbxsim.testing.WireMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays what the recorded client sent to a real Asterisk 20.20.1 (ami-transcript.main.client.raw) against
 * pbx-sim over TCP, and holds pbx-sim's answers against the recorded server bytes (…server.raw), action by
 * action. Scenarios 09 (Bridge action), 10 and 11 (app_queue) are not replayed: pbx-sim has neither yet. The
 * recording's QueueMemberStatus events and {@code Queue:*} device states come from app_queue too (agent 2001
 * is a static queue member there) and are left out of the comparison.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordedMainSessionReplayTest {

    /** A scenario of the recording, the actions it consists of, and how its order is checked. */
    record Scenario(String spec, List<String> actions, Order order, List<KnownDeviation> deviations) {
        @Override
        public String toString() {
            return spec;
        }
    }

    private static final Set<String> NOT_REPLAYED = Set.of("orig-A", "orig-B", "main-21", "main-22", "main-23",
            "main-24", "main-25", "main-26", "orig-q", "main-27", "main-28", "main-29", "main-30", "main-31",
            "main-32", "main-33", "main-34", "main-35", "main-36", "main-37");

    private static final Duration SEGMENT_TIMEOUT = Duration.ofSeconds(10);

    private final RecordedSession recording = RecordedSession.reference();
    private final Map<String, List<WireMessage>> answers = new HashMap<>();
    private final Map<String, List<String>> replayProblems = new HashMap<>();
    private SimFixture sim;
    private String banner;
    private boolean closedAfterLogoff;

    static Stream<Scenario> scenarios() {
        return Stream.of(
                new Scenario("03 Login with Events: on answers, then FullyBooted and SuccessfulAuth",
                        List.of("main-1"), Order.STRICT, List.of()),
                new Scenario("04 Ping and CoreStatus answer with the recorded fields",
                        List.of("main-2", "main-4"), Order.STRICT, List.of()),
                new Scenario("04 an unknown action and a message without Action are refused, each with "
                        + "RequestBadFormat", List.of("main-7", "no-action-header"), Order.STRICT, List.of()),
                new Scenario("05 Originate into the holding context raises the Local channel's recorded events",
                        List.of("orig-1"), Order.STRICT, List.of()),
                new Scenario("06 CoreShowChannels, Status, Getvar and Setvar answer about the waiting call",
                        List.of("main-8", "main-9", "main-10", "main-11", "main-12", "main-13", "main-14"),
                        Order.STRICT, List.of()),
                new Scenario("07 Redirect to the agent route dials the agent and bridges; lists show it",
                        List.of("main-15", "main-16", "main-17", "main-18"), Order.STRICT, List.of()),
                new Scenario("08 Hangup of the bridged caller tears down both calls",
                        List.of("main-19", "main-20"), Order.PER_CHANNEL, List.of()),
                new Scenario("12a an outbound call the customer answers runs Wait, then hangs up",
                        List.of("ob-answer"), Order.STRICT, List.of()),
                new Scenario("12b a busy customer fails the originate with reason 5",
                        List.of("ob-busy"), Order.PER_CHANNEL, List.of()),
                new Scenario("12c an unanswered call times out with reason 3",
                        List.of("ob-noanswer"), Order.PER_CHANNEL, List.of()),
                new Scenario("12d congestion fails the originate with reason 8",
                        List.of("ob-congestion"), Order.PER_CHANNEL, List.of(new KnownDeviation(
                                "Event:DeviceStateChange", "State", "Asterisk works the state out on its device "
                                + "state thread: here it caught the call before its hang-up (INUSE), in the same "
                                + "flow for Busy() (12b) after it (NOT_INUSE); pbx-sim always reports the "
                                + "state after the whole change"))),
                new Scenario("12e a missing extension fails the originate with reason 0",
                        List.of("ob-invalid"), Order.STRICT, List.of()),
                new Scenario("13 a synchronous Originate answers after the outcome, without OriginateResponse",
                        List.of("main-38", "main-39"), Order.PER_CHANNEL, List.of()),
                new Scenario("14 a predictive Originate sends the answered customer to the agent route and bridges",
                        List.of("ob-predictive"), Order.PER_CHANNEL, List.of()),
                new Scenario("15 UserEvent, Events off and on, and Logoff answer as recorded",
                        List.of("main-41", "main-42", "main-43", "main-44"), Order.STRICT, List.of()));
    }

    @BeforeAll
    void replayTheRecordedClient() {
        sim = SimFixture.start(10, Duration.ofMillis(50));
        try (AmiTestClient client = AmiTestClient.connect(sim.port)) {
            banner = client.readLine(Duration.ofSeconds(5));
            for (RecordedSession.Step step : recording.steps()) {
                if (!NOT_REPLAYED.contains(step.actionId())) {
                    client.send(step.action());
                    answers.put(step.actionId(), readAnswer(client, step));
                }
            }
            closedAfterLogoff = client.closedByServer(Duration.ofSeconds(2));
        }
    }

    @AfterAll
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void replayedScenarioMatchesTheRecording(Scenario scenario) {
        SegmentComparator comparator = new SegmentComparator();
        List<String> problems = new ArrayList<>();
        for (String actionId : scenario.actions()) {
            problems.addAll(replayProblems.getOrDefault(actionId, List.of()));
            problems.addAll(comparator.compare(actionId, emulated(recording.step(actionId).recorded()),
                    answers.get(actionId), scenario.order(), scenario.deviations()));
        }
        assertThat(problems).as("differences from the recording").isEmpty();
    }

    @Test
    void theBannerIsTheRecordedLineAlone() {
        assertThat(banner).isEqualTo(recording.banner()).isEqualTo("Asterisk Call Manager/9.0.0");
    }

    @Test
    void logoffClosesTheConnectionAsRecorded() {
        assertThat(closedAfterLogoff).isTrue();
    }

    /**
     * Hangup with {@code /regex/} soft-hangs-up every match at once in Asterisk, and the channels' threads then
     * race: which hang-up reaches which channel first, and so the causes and requests reported, differ from run
     * to run. pbx-sim hangs the matches up one by one in listing order. What must hold: the list as recorded,
     * every listed channel hung up, and the bridge destroyed.
     */
    @Test
    void hangingUpByRegexListsTheChannelsAndEndsEachOfThem() {
        List<WireMessage> recorded = recording.step("main-40").recorded();
        List<WireMessage> answer = answers.get("main-40");
        assertThat(replayProblems.get("main-40")).isEmpty();
        assertThat(answer.subList(0, 6)).extracting(WireMessage::names)
                .isEqualTo(recorded.subList(0, 6).stream().map(WireMessage::names).toList());
        assertThat(answer.get(0).get("Message")).isEqualTo("Channels hung up will follow");
        assertThat(answer.get(5).get("ListItems")).isEqualTo("4");
        List<String> listed = answer.subList(1, 5).stream().map(m -> m.get("Channel")).toList();
        List<String> hungUp = answer.stream().filter(m -> m.isEvent("Hangup")).map(m -> m.get("Channel")).toList();
        assertThat(hungUp).containsExactlyInAnyOrderElementsOf(listed);
        assertThat(answer).filteredOn(m -> m.isEvent("BridgeDestroy")).hasSize(1);
        assertThat(answer.stream().map(WireMessage::kind).sorted().toList())
                .isEqualTo(emulated(recorded).stream().map(WireMessage::kind).sorted().toList());
    }

    /** Deliberate: pbx-sim writes no CDRs, so it does not claim CDRs are enabled; all else is as recorded. */
    @Test
    void coreSettingsMatchesExceptThatCdrsAreOff() {
        WireMessage recorded = recording.step("main-3").recorded().get(0);
        WireMessage answer = answers.get("main-3").get(0);
        assertThat(answer.names()).isEqualTo(recorded.names());
        assertThat(recorded.get("CoreCDRenabled")).isEqualTo("Yes");
        assertThat(answer.get("CoreCDRenabled")).isEqualTo("No");
        for (String header : recorded.names()) {
            if (!header.equals("CoreCDRenabled")) {
                assertThat(answer.get(header)).as(header).isEqualTo(recorded.get(header));
            }
        }
    }

    /** Deliberate: the version is Asterisk's (asterisk-java parses it) but the builder is pbx-sim. */
    @Test
    void coreShowVersionReportsTheRecordedVersionBuiltByPbxSim() {
        WireMessage recorded = recording.step("main-5").recorded().get(0);
        WireMessage answer = answers.get("main-5").get(0);
        assertThat(answer.names()).isEqualTo(recorded.names());
        assertThat(answer.get("Message")).isEqualTo("Command output follows");
        assertThat(recorded.get("Output")).startsWith("Asterisk 20.20.1 built by root @ vm on a x86_64");
        assertThat(answer.get("Output")).matches("Asterisk 20\\.20\\.1 built by pbx-sim @ pbx-sim on a \\S+ "
                + "running .+ on \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC");
    }

    /** Deliberate, for now: without app_queue the queue CLI command is unknown. */
    @Test
    void queueShowIsAnUnknownCommandBecauseQueuesAreNotSimulated() {
        WireMessage answer = answers.get("main-6").get(0);
        assertThat(answer.names()).containsExactly("Response", "ActionID", "Message", "Output");
        assertThat(answer.get("Response")).isEqualTo("Error");
        assertThat(answer.get("Output")).isEqualTo(
                "No such command 'queue show support' (type 'core show help queue show support' for other possible "
                        + "commands)");
    }

    private List<WireMessage> readAnswer(AmiTestClient client, RecordedSession.Step step) {
        int expected = emulated(step.recorded()).size();
        List<WireMessage> received = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        long deadline = System.nanoTime() + SEGMENT_TIMEOUT.toNanos();
        while (received.size() < expected && System.nanoTime() < deadline) {
            WireMessage message = client.read(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (message == null) {
                break;
            }
            if (received.isEmpty() && !message.isResponse()) {
                problems.add(step.actionId() + ": event before the response: " + message.kind());
                continue;
            }
            received.add(message);
        }
        if (received.size() < expected) {
            problems.add(step.actionId() + ": only " + received.size() + " of " + expected + " messages arrived");
        }
        replayProblems.put(step.actionId(), problems);
        return received;
    }

    /** The recorded messages pbx-sim is expected to reproduce: without app_queue's. */
    private static List<WireMessage> emulated(List<WireMessage> recorded) {
        return recorded.stream()
                .filter(message -> !message.isEvent("QueueMemberStatus"))
                .filter(message -> !(message.isEvent("DeviceStateChange")
                        && message.get("Device").startsWith("Queue:")))
                .toList();
    }
}
