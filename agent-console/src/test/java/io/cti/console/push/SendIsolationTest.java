package io.cti.console.push;

import io.cti.console.access.ConsolePrincipal;
import io.cti.console.access.Role;
import io.cti.core.messages.AgentStatus;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.socket.WebSocketSession;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The hub's fan-out never waits on a socket: here one wallboard's container send hangs (as a send can behind a
 * control frame on a jammed connection) while the agent's socket and another wallboard keep receiving every frame in
 * order. The container is the unit seam: each socket's async remote is a stand-in that records what it was given and
 * on which thread.
 */
class SendIsolationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final int STATES = 50;

    private final ExecutorService sender = Executors.newCachedThreadPool();
    private final ExecutorService closer = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);
    private final PushHub hub = new PushHub(new PushFrames(JsonMapper.builder().build()),
            Clock.fixed(Floor.NOW, ZoneOffset.UTC), Duration.ofMinutes(1));

    @AfterEach
    void release() {
        release.countDown();
        sender.shutdownNow();
        closer.shutdownNow();
    }

    @Test
    void aWallboardWhoseSendHangsNeitherHoldsUpTheFanOutNorTheOtherSockets() {
        Remote agentSocket = new Remote(false);
        Remote stuckWallboard = new Remote(true);
        Remote otherWallboard = new Remote(false);
        // Room for every frame of the test, so that the stuck one is not cut off before the others are checked.
        int room = STATES * 2;
        hub.connect(session("s-agent", new ConsolePrincipal("amy", "Amy", Set.of(Role.AGENT), "agent-7"), agentSocket, room));
        PushSession stuck = session("s-stuck", new ConsolePrincipal("sam", "Sam", Set.of(Role.SUPERVISOR), null),
                stuckWallboard, room);
        hub.connect(stuck);
        hub.connect(session("s-other", new ConsolePrincipal("sue", "Sue", Set.of(Role.SUPERVISOR), null), otherWallboard, room));
        List<Thread> fanOutThread = new CopyOnWriteArrayList<>();

        CompletableFuture<Void> fanOut = CompletableFuture.runAsync(() -> {
            fanOutThread.add(Thread.currentThread());
            for (int i = 0; i < STATES; i++) {
                hub.publish(Floor.state("agent-7", i % 2 == 0 ? AgentStatus.READY : AgentStatus.NOT_READY, null));
            }
        });

        await().atMost(PATIENCE).until(fanOut::isDone);
        assertThat(fanOut).isNotCompletedExceptionally();
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(agentSocket.sent).hasSize(STATES + 1);
            assertThat(otherWallboard.sent).hasSize(STATES + 1);
        });
        // The snapshot first, then every state in the order it was published.
        assertThat(agentSocket.sent.get(0)).contains("agent-snapshot");
        assertThat(otherWallboard.sent.get(0)).contains("wallboard-snapshot");
        for (int i = 1; i <= STATES; i++) {
            String expected = i % 2 == 1 ? "READY" : "NOT_READY";
            assertThat(agentSocket.sent.get(i)).contains("\"" + expected + "\"");
            assertThat(otherWallboard.sent.get(i)).isEqualTo(agentSocket.sent.get(i));
        }
        // The stuck wallboard's container still holds its first frame; the rest waits in its queue.
        assertThat(stuckWallboard.sent).hasSize(1);
        assertThat(stuck.isOpen()).isTrue();
        assertThat(hub.cutOffs()).isZero();
        assertThat(stuckWallboard.hanging.getCount()).isZero();
        // No socket's container send ever ran on the fan-out's thread.
        assertThat(agentSocket.threads).doesNotContainAnyElementsOf(fanOutThread);
        assertThat(otherWallboard.threads).doesNotContainAnyElementsOf(fanOutThread);
        assertThat(stuckWallboard.threads).doesNotContainAnyElementsOf(fanOutThread);
    }

    @Test
    void aSocketThatFallsBehindTheQueueLimitIsCutOffWithoutTouchingTheOthers() {
        Remote stuckAgent = new Remote(true);
        Remote wallboard = new Remote(false);
        ConsolePrincipal amy = new ConsolePrincipal("amy", "Amy", Set.of(Role.AGENT), "agent-7");
        PushSession stuck = session("s-stuck", amy, stuckAgent);
        // On a thread of its own, so that a fan-out that waited on the stuck socket fails the test instead of hanging it.
        CompletableFuture<Integer> fanOut = CompletableFuture.supplyAsync(() -> {
            hub.connect(stuck);
            hub.connect(session("s-board", new ConsolePrincipal("sue", "Sue", Set.of(Role.SUPERVISOR), null), wallboard));
            await().atMost(PATIENCE).until(() -> stuckAgent.hanging.getCount() == 0); // its snapshot is in the container
            int count = 0;
            while (hub.sessionsOf(io.cti.core.ids.AgentId.of("agent-7")) == 1) {
                hub.publish(Floor.state("agent-7", count % 2 == 0 ? AgentStatus.READY : AgentStatus.NOT_READY, null));
                count++;
            }
            return count;
        });

        await().atMost(PATIENCE).until(fanOut::isDone);
        int published = fanOut.join();
        // 8 frames allowed to wait: the snapshot in the container, 8 queued, the next one over the limit.
        assertThat(published).isEqualTo(9);
        assertThat(stuck.isOpen()).isFalse();
        int total = published;
        await().atMost(PATIENCE).until(() -> wallboard.sent.size() == total + 1);
        assertThat(hub.sessions()).isEqualTo(1);
        await().atMost(PATIENCE).until(() -> hub.cutOffs() == 1);
    }

    private PushSession session(String id, ConsolePrincipal user, Remote remote) {
        return session(id, user, remote, 8);
    }

    private PushSession session(String id, ConsolePrincipal user, Remote remote, int maxFrames) {
        WebSocketSession socket = mock(WebSocketSession.class);
        when(socket.getId()).thenReturn(id);
        jakarta.websocket.Session container = mock(jakarta.websocket.Session.class);
        when(container.getAsyncRemote()).thenReturn(remote.endpoint);
        when(container.getUserProperties()).thenReturn(new HashMap<>());
        PushSession[] self = new PushSession[1];
        self[0] = new PushSession(socket, container, user, "http-" + id,
                new SendLimits(maxFrames, 1 << 20, Duration.ofMinutes(5)), sender, closer, () -> hub.cutOff(self[0]));
        return self[0];
    }

    /** A container's async remote: completes every send at once, or (hanging) never returns from the first. */
    private final class Remote {

        final RemoteEndpoint.Async endpoint = mock(RemoteEndpoint.Async.class);
        final List<String> sent = new CopyOnWriteArrayList<>();
        final List<Thread> threads = new CopyOnWriteArrayList<>();
        final CountDownLatch hanging = new CountDownLatch(1);

        Remote(boolean hangs) {
            doAnswer(call -> {
                sent.add(call.getArgument(0));
                threads.add(Thread.currentThread());
                if (hangs) {
                    hanging.countDown();
                    release.await();
                    return null;
                }
                ((SendHandler) call.getArgument(1)).onResult(new SendResult());
                return null;
            }).when(endpoint).sendText(anyString(), any(SendHandler.class));
        }
    }
}
