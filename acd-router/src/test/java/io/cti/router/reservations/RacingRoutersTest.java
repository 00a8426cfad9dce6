package io.cti.router.reservations;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.ids.QueueName;
import io.cti.router.waiting.RouterKeys;
import io.cti.router.waiting.QueuedCall;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several routers, each with its own connection, race for the same calls and agents, the way router processes on
 * one Redis would. Each router checks on every grant that nobody else holds the agent or the call; afterwards the
 * whole history of grants is checked, and so is the state left in Redis.
 */
class RacingRoutersTest {

    private static final int ROUTERS = 4;
    private static final int CALLS = 5_000;
    private static final int AGENTS = 200;
    private static final List<QueueName> QUEUES = IntStream.range(0, 5).mapToObj(i -> QueueName.of("q" + i)).toList();
    /** A guard against a hung test, not a performance bound: the run takes a few seconds. */
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(2);

    private final RouterKeys keys = RedisForTests.uniqueKeys();
    private final Map<AgentId, FencingToken> agentHolders = new ConcurrentHashMap<>();
    private final Map<CallId, FencingToken> callHolders = new ConcurrentHashMap<>();
    private final Queue<Reservation> granted = new ConcurrentLinkedQueue<>();
    private final Queue<Reservation> released = new ConcurrentLinkedQueue<>();
    private final Queue<String> violations = new ConcurrentLinkedQueue<>();
    private final AtomicInteger answered = new AtomicInteger();

    @Test
    void routersRacingForThousandsOfCallsNeverGiveOneAgentTwoCallsNorOneCallTwoAgents() throws Exception {
        try (Desk setup = new Desk(keys, "setup")) {
            SplittableRandom random = new SplittableRandom(7);
            for (int i = 0; i < CALLS; i++) {
                setup.enqueue("call-" + i, QUEUES.get(random.nextInt(QUEUES.size())), random.nextDouble(1_000_000));
            }
            for (int i = 0; i < AGENTS; i++) {
                setup.ready("agent-" + i, i);
            }
        }

        ExecutorService routers = Executors.newFixedThreadPool(ROUTERS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int r = 0; r < ROUTERS; r++) {
                int seed = r;
                running.add(routers.submit(() -> route("router-" + seed, new SplittableRandom(seed))));
            }
            for (Future<?> router : running) {
                router.get();
            }
        } finally {
            routers.shutdownNow();
        }

        assertThat(violations).isEmpty();
        assertThat(answered.get()).isEqualTo(CALLS);
        checkHistory();
        checkNothingLeftOver();
    }

    private Void route(String name, SplittableRandom random) {
        Instant giveUp = Instant.now().plus(GIVE_UP_AFTER);
        try (Desk desk = new Desk(keys, name)) {
            while (answered.get() < CALLS && Instant.now().isBefore(giveUp)) {
                List<QueuedCall> heads = desk.waiting.heads(QUEUES.get(random.nextInt(QUEUES.size())), 4);
                List<ReadyAgent> idlest = desk.agents.longestIdleFirst(4);
                if (heads.isEmpty() || idlest.isEmpty()) {
                    continue;
                }
                // Picking among the first few makes routers collide on the same calls and agents, as they would.
                CallId call = heads.get(random.nextInt(heads.size())).id();
                AgentId agent = random.nextInt(4) == 0 ? AgentId.of("agent-" + random.nextInt(AGENTS))
                        : idlest.get(random.nextInt(idlest.size())).agent();
                desk.reservations.reserve(call, agent, Duration.ofMinutes(1)).reservation()
                        .ifPresent(reservation -> settle(desk, reservation, random));
            }
        }
        return null;
    }

    private void settle(Desk desk, Reservation reservation, SplittableRandom random) {
        granted.add(reservation);
        hold(agentHolders, reservation.agent(), reservation);
        hold(callHolders, reservation.call(), reservation);
        if (random.nextInt(10) == 0) {
            // RONA-like: let go of both before Redis does, so the next holder never finds us still holding.
            agentHolders.remove(reservation.agent());
            callHolders.remove(reservation.call());
            expectDone(desk.reservations.release(reservation.token()), reservation);
            released.add(reservation);
            return;
        }
        expectDone(desk.reservations.complete(reservation.token()), reservation);
        answered.incrementAndGet();
        callHolders.remove(reservation.call());
        // The agent is busy now; only making them Ready again lets another router reserve them.
        agentHolders.remove(reservation.agent());
        if (!desk.agents.markReady(reservation.agent(), Instant.now())) {
            violations.add("agent " + reservation.agent() + " could not become Ready after answering");
        }
    }

    private <K> void hold(Map<K, FencingToken> holders, K held, Reservation reservation) {
        FencingToken other = holders.putIfAbsent(held, reservation.token());
        if (other != null) {
            violations.add(held + " granted to token " + reservation.token() + " while token " + other + " held it");
        }
    }

    private void expectDone(TokenOutcome outcome, Reservation reservation) {
        if (outcome != TokenOutcome.DONE) {
            violations.add("settling " + reservation + " gave " + outcome);
        }
    }

    private void checkHistory() {
        List<Reservation> history = new ArrayList<>(granted);
        Set<FencingToken> tokens = new HashSet<>();
        Map<CallId, Integer> grantsPerCall = new HashMap<>();
        for (Reservation reservation : history) {
            assertThat(tokens.add(reservation.token())).as("token %s given once", reservation.token()).isTrue();
            grantsPerCall.merge(reservation.call(), 1, Integer::sum);
        }
        Map<CallId, Integer> releasesPerCall = new HashMap<>();
        released.forEach(r -> releasesPerCall.merge(r.call(), 1, Integer::sum));
        assertThat(grantsPerCall).hasSize(CALLS);
        grantsPerCall.forEach((call, grants) -> assertThat(grants)
                .as("grants of %s: one per release, plus the one that was answered", call)
                .isEqualTo(releasesPerCall.getOrDefault(call, 0) + 1));
        assertThat(released).as("the run exercised releases too").isNotEmpty();
    }

    private void checkNothingLeftOver() {
        try (Desk desk = new Desk(keys, "inspector")) {
            RedisCommands<String, String> redis = desk.connection.sync();
            for (QueueName queue : QUEUES) {
                assertThat(desk.waiting.depth(queue).waiting()).isZero();
            }
            assertThat(redis.hlen(keys.reservedAgents())).isZero();
            assertThat(redis.zcard(keys.deadlines())).isZero();
            assertThat(redis.zcard(keys.readyAgents())).isEqualTo(AGENTS);
            assertThat(Long.parseLong(redis.get(keys.tokens()))).isEqualTo(granted.size());
        }
    }
}
