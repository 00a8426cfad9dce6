package io.cti.console.push;

import io.cti.console.access.ConsolePrincipal;
import io.cti.core.ids.AgentId;
import io.cti.core.messages.AgentStateChanged;
import io.cti.core.messages.CallControlRefused;
import io.cti.core.messages.DomainMessage;
import io.cti.core.messages.QueueFiguresUpdated;
import io.cti.core.messages.ScreenPopReady;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fans the floor's events out to the open push sockets, in memory: a screen-pop and a refused call control only to
 * the sockets of the agent they are for, an agent's state to that agent's sockets and to every wallboard, queue
 * figures to every wallboard. Who gets
 * what is decided from each socket's logged-in user alone. Taking an event into the {@link LiveBoard} and fanning it
 * out happen under one lock with connecting, so a new socket's snapshot and the events after it never overlap or
 * leave a gap. Offering a frame never blocks (see {@link PushSession}), so the lock is held briefly. Thread-safe.
 */
final class PushHub {

    private static final Logger log = LoggerFactory.getLogger(PushHub.class);

    private final PushFrames frames;
    private final Clock clock;
    private final Duration popMaxAge;
    private final LiveBoard board = new LiveBoard();
    private final Map<AgentId, Set<PushSession>> byAgent = new HashMap<>();
    private final Set<PushSession> wallboards = new LinkedHashSet<>();
    private final Set<PushSession> all = new LinkedHashSet<>();
    private final AtomicLong cutOffs = new AtomicLong();
    private final AtomicLong stalePops = new AtomicLong();

    PushHub(PushFrames frames, Clock clock, Duration popMaxAge) {
        this.frames = frames;
        this.clock = clock;
        this.popMaxAge = popMaxAge;
    }

    /** Registers an open socket and queues its snapshots: the agent's own state and pop, and/or the wallboard. */
    synchronized void connect(PushSession session) {
        ConsolePrincipal user = session.user();
        all.add(session);
        user.agent().ifPresent(agent -> {
            byAgent.computeIfAbsent(agent, a -> new LinkedHashSet<>()).add(session);
            session.offer(agentSnapshot(agent));
        });
        if (user.watchesTheFloor()) {
            wallboards.add(session);
            session.offer(frames.wallboardSnapshot(board.queues(), board.agents()));
        }
    }

    /** Sends the socket its snapshots again (a client that thinks it missed something asks for them). */
    synchronized void resend(PushSession session) {
        if (all.contains(session)) {
            disconnect(session);
            connect(session);
        }
    }

    synchronized void disconnect(PushSession session) {
        all.remove(session);
        wallboards.remove(session);
        session.user().agent().ifPresent(agent -> {
            Set<PushSession> sessions = byAgent.get(agent);
            if (sessions != null && sessions.remove(session) && sessions.isEmpty()) {
                byAgent.remove(agent);
            }
        });
    }

    /** A socket was cut off for not reading. */
    void cutOff(PushSession session) {
        cutOffs.incrementAndGet();
        disconnect(session);
    }

    /** Takes one event from the bus; other messages are ignored. */
    void publish(DomainMessage message) {
        if (message instanceof ScreenPopReady pop) {
            publishPop(pop);
        } else if (message instanceof AgentStateChanged state) {
            publishState(state);
        } else if (message instanceof QueueFiguresUpdated figures) {
            publishFigures(figures);
        } else if (message instanceof CallControlRefused refused) {
            publishRefusal(refused);
        }
    }

    /** Seeds the board (from the router, at start) without sending anything. */
    synchronized void seed(List<AgentStateChanged> states, List<QueueFiguresUpdated> figures) {
        states.forEach(board::apply);
        figures.forEach(board::apply);
    }

    /** Queues a heartbeat to every socket; this also cuts off any socket whose frame has been in flight too long. */
    void heartbeat() {
        OutboundFrame beat = frames.heartbeat(clock.instant());
        for (PushSession session : snapshotOf(all)) {
            session.offer(beat);
        }
    }

    /** The agent's snapshot frame, as a socket of theirs gets it on connect. */
    synchronized OutboundFrame agentSnapshot(AgentId agent) {
        return frames.agentSnapshot(agent.value(), board.stateOf(agent).orElse(null), board.popOf(agent).orElse(null));
    }

    synchronized Optional<AgentStateChanged> stateOf(AgentId agent) {
        return board.stateOf(agent);
    }

    /** The agent connected to {@code call} now, as the board knows it. */
    synchronized Optional<AgentStateChanged> agentOn(io.cti.core.ids.CallId call) {
        return board.agents().stream()
                .filter(s -> s.status() == io.cti.core.messages.AgentStatus.ON_CALL && call.equals(s.callId()))
                .findFirst();
    }

    /**
     * What {@code agent} may transfer a call to, as the board knows it: every queue, and every other agent with their
     * name and state (no calls: an agent sees only their own).
     */
    synchronized TransferTargets transferTargets(AgentId agent, Map<AgentId, String> names) {
        return new TransferTargets(board.queues().stream().map(f -> f.queue().value()).sorted().toList(),
                board.agents().stream().filter(s -> !s.agentId().equals(agent))
                        .map(s -> new TransferTargets.Agent(s.agentId().value(),
                                names.getOrDefault(s.agentId(), s.agentId().value()), s.status().name()))
                        .sorted(java.util.Comparator.comparing(TransferTargets.Agent::agentId)).toList());
    }

    synchronized int sessions() {
        return all.size();
    }

    synchronized int sessionsOf(AgentId agent) {
        return byAgent.getOrDefault(agent, Set.of()).size();
    }

    long cutOffs() {
        return cutOffs.get();
    }

    long stalePops() {
        return stalePops.get();
    }

    /** Closes every socket opened in the login session {@code httpSessionId} (it ended). */
    void closeHttpSession(String httpSessionId, int code, String reason) {
        for (PushSession session : snapshotOf(all)) {
            if (session.httpSessionId().equals(httpSessionId)) {
                disconnect(session);
                session.close(code, reason);
            }
        }
    }

    /** Closes every socket of {@code username} (their sessions were revoked). */
    void closeUser(String username, int code, String reason) {
        for (PushSession session : snapshotOf(all)) {
            if (session.user().username().equals(username)) {
                disconnect(session);
                session.close(code, reason);
            }
        }
    }

    private void publishPop(ScreenPopReady pop) {
        if (pop.occurredAt().isBefore(clock.instant().minus(popMaxAge))) {
            // A pop read long after it was raised (the console was down): the call has moved on.
            stalePops.incrementAndGet();
            log.debug("not pushing stale pop of call {} for {}", pop.callId(), pop.agentId());
            return;
        }
        OutboundFrame frame = frames.pop(pop);
        synchronized (this) {
            if (board.apply(pop)) {
                deliver(byAgent.get(pop.agentId()), frame);
            }
        }
    }

    /** Only the agent's own sockets: the refusal says what they asked for and may name the customer's number. */
    private void publishRefusal(CallControlRefused refused) {
        OutboundFrame frame = frames.refused(refused);
        synchronized (this) {
            deliver(byAgent.get(refused.agentId()), frame);
        }
    }

    private void publishState(AgentStateChanged state) {
        OutboundFrame frame = frames.agentState(state);
        synchronized (this) {
            if (board.apply(state)) {
                Set<PushSession> own = byAgent.get(state.agentId());
                if (own == null || own.isEmpty()) {
                    deliver(wallboards, frame);
                } else {
                    // An agent who also watches the floor gets their own state once.
                    Set<PushSession> targets = new LinkedHashSet<>(own);
                    targets.addAll(wallboards);
                    deliver(targets, frame);
                }
            }
        }
    }

    private void publishFigures(QueueFiguresUpdated figures) {
        OutboundFrame frame = frames.queueFigures(figures);
        synchronized (this) {
            if (board.apply(figures)) {
                deliver(wallboards, frame);
            }
        }
    }

    private void deliver(Set<PushSession> targets, OutboundFrame frame) {
        if (targets == null || targets.isEmpty()) {
            return;
        }
        List<PushSession> gone = new ArrayList<>();
        for (PushSession session : targets) {
            if (!session.offer(frame)) {
                gone.add(session);
            }
        }
        gone.forEach(this::disconnect);
    }

    private synchronized List<PushSession> snapshotOf(Set<PushSession> sessions) {
        return List.copyOf(sessions);
    }
}
