package io.cti.bridge.e2e;

import io.cti.bridge.connection.AmiLinkState;
import io.cti.bridge.testing.Facts;
import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.messages.CallArrived;
import io.cti.core.messages.CallConnected;
import io.cti.core.messages.CallEnded;
import io.cti.core.messages.ConnectToAgent;
import io.cti.pbxsim.calls.ChannelSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * pbx-sim drops the bridge's AMI connection mid-call, over and over, while calls start and end behind the
 * bridge's back. After every resync no call is lost or told twice, and the bridge's calls are pbx-sim's live
 * calls; the drops leave no threads behind.
 */
class ReconnectOverAmiTest {

    private static final int DROPS = 20;
    private static final Duration WAIT = Duration.ofSeconds(15);
    /** Long enough that what the test does right after a drop happens while the bridge is away. */
    private static final Duration BACKOFF = Duration.ofMillis(300);

    private SimulatedPbx pbx;

    @BeforeEach
    void start() {
        pbx = SimulatedPbx.started(BACKOFF);
        for (int agent = 2001; agent <= 2005; agent++) {
            pbx.agentAnswering("PJSIP/" + agent);
        }
    }

    @AfterEach
    void stop() {
        pbx.close();
    }

    @Test
    void twentyDropsMidCallLoseNothingTellNothingTwiceAndLeaveNoThreads() {
        Deque<ChannelSnapshot> live = new ArrayDeque<>();
        Set<String> endedWhileDown = new HashSet<>();
        Set<String> endedWhileUp = new HashSet<>();
        // Warm up one drop so that pools (the link's, asterisk-java's, Netty's) exist before counting threads.
        dropAndAwaitResync();
        int threadsBefore = Thread.activeCount();

        for (int drop = 0; drop < DROPS; drop++) {
            // A call the bridge sees arrive; every other one reaches an agent before the drop.
            ChannelSnapshot seen = pbx.inboundCall("+49301000" + String.format("%03d", drop));
            live.addLast(seen);
            await().atMost(WAIT).until(() -> arrived().contains(seen.linkedid()));
            if (drop % 2 == 0) {
                pbx.bridge.callControl().execute(ConnectToAgent.now(CallId.of(seen.linkedid()),
                        AgentId.of("agent-" + drop), "200" + (1 + drop % 5), Duration.ofSeconds(10))).join();
                await().atMost(WAIT).until(() -> connected().contains(seen.linkedid()));
            }

            int logins = pbx.logins();
            pbx.server().dropConnections();
            await().atMost(WAIT).until(() -> pbx.bridge.linkState() != AmiLinkState.UP);
            // While the bridge is away: the oldest call ends and a new one starts.
            if (live.size() > 1) {
                ChannelSnapshot gone = live.pollFirst();
                pbx.pbx().hangupFromFarEnd(gone.name(), 16).join();
                endedWhileDown.add(gone.linkedid());
            }
            live.addLast(pbx.inboundCall("+49302000" + String.format("%03d", drop)));
            pbx.awaitLinkUpAndResynced(logins + 1);

            assertBridgeMatchesPbx();
        }
        // With the link up, the rest end in plain sight.
        for (ChannelSnapshot call : live) {
            pbx.pbx().hangupFromFarEnd(call.name(), 16).join();
            endedWhileUp.add(call.linkedid());
        }
        await().atMost(WAIT).until(() -> ended().keySet().containsAll(endedWhileUp));

        assertBridgeMatchesPbx();
        Map<String, CallEnded> ended = ended();
        assertThat(endedWhileDown).hasSize(DROPS - 1).allSatisfy(id ->
                assertThat(ended.get(id).causeText()).isEqualTo(CallEnded.LOST_DURING_PBX_DISCONNECT));
        assertThat(endedWhileUp).hasSize(DROPS + 1).allSatisfy(id ->
                assertThat(ended.get(id).causeCode()).isEqualTo(16));
        assertThat(arrived()).hasSize(2 * DROPS).containsAll(ended.keySet());
        await().atMost(WAIT).untilAsserted(() -> assertThat(Thread.activeCount()).isLessThanOrEqualTo(threadsBefore + 3));
    }

    /** Every call is announced once and ended at most once, and the calls open in the bridge are pbx-sim's. */
    private void assertBridgeMatchesPbx() {
        // Calls that started or ended just now may still be arriving or settling (CallEnded waits out late events).
        await().atMost(WAIT).untilAsserted(() -> {
            List<String> arrivals = ids(pbx.published(CallArrived.class), CallArrived::callId);
            List<String> endings = ids(pbx.published(CallEnded.class), CallEnded::callId);
            assertThat(arrivals).doesNotHaveDuplicates();
            assertThat(endings).doesNotHaveDuplicates();
            assertThat(ids(pbx.published(CallConnected.class), CallConnected::callId)).doesNotHaveDuplicates();
            Set<String> open = new HashSet<>(arrivals);
            open.removeAll(endings);
            assertThat(open).as(() -> "published " + Facts.of(pbx.callEvents())).isEqualTo(pbx.liveCalls());
        });
    }

    private static <T> List<String> ids(List<T> events, Function<T, CallId> callId) {
        return events.stream().map(event -> callId.apply(event).value()).toList();
    }

    private void dropAndAwaitResync() {
        int logins = pbx.logins();
        pbx.server().dropConnections();
        pbx.awaitLinkUpAndResynced(logins + 1);
    }

    private Set<String> arrived() {
        return pbx.published(CallArrived.class).stream().map(event -> event.callId().value()).collect(Collectors.toSet());
    }

    private Set<String> connected() {
        return pbx.published(CallConnected.class).stream().map(event -> event.callId().value()).collect(Collectors.toSet());
    }

    private Map<String, CallEnded> ended() {
        return pbx.published(CallEnded.class).stream().collect(Collectors.toMap(event -> event.callId().value(),
                Function.identity()));
    }
}
