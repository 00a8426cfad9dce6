package io.cti.router.calls;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.messages.AgentLegRinging;
import io.cti.core.messages.AgentLegUnanswered;
import io.cti.core.messages.AgentStatus;
import io.cti.core.messages.CallConnected;
import io.cti.core.messages.CallEnded;
import io.cti.core.messages.ChangeAgentState;
import io.cti.core.messages.ConnectToAgent;
import io.cti.core.messages.DomainMessage;
import io.cti.core.messages.HangupParty;
import io.cti.router.reservations.ReadyAgents;
import io.cti.router.staff.AgentProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Three router processes on one Redis, every event handled by one of them at random, as the bus's consumer group
 * spreads them, and no tick at all: each router's board learns what the others did only from the change feed and
 * refused reservations. Hundreds of calls arrive, ring, are answered or ring out (RONA) and end. After every event:
 * no agent has two calls, no call rings at two agents, and no Ready agent idles while a call waits.
 */
class RoutersSharingRedisTest {

    private static final int CALLS = 200;
    private static final int AGENTS = 8;
    private static final String UNKNOWN = "+14155559999";

    private final FlowDesk desk = new FlowDesk(FlowSettings.defaults(),
            FlowDesk.queue("sales", "sales", Duration.ZERO, Duration.ZERO, List.of()));
    private final SplittableRandom random = new SplittableRandom(11);
    private final Map<AgentId, CallId> busy = new HashMap<>();
    private final Map<CallId, AgentId> ringingAt = new HashMap<>();
    private final List<Leg> legs = new ArrayList<>();
    private final List<AgentId> ranOut = new ArrayList<>();
    private final Map<AgentId, AgentProfile> profiles = new HashMap<>();
    private List<InboundCallFlow> routers;
    private int connectsSeen;

    @AfterEach
    void closeDesks() {
        FlowDesk.closeAll();
    }

    /** One call ringing at one agent, and how far it got. */
    private static final class Leg {
        final ConnectToAgent connect;
        int step;

        Leg(ConnectToAgent connect) {
            this.connect = connect;
        }
    }

    @Test
    void routersSharingOneRedisNeverDoubleBookAndNeverLeaveAnAgentIdleBesideACall() {
        for (int i = 0; i < AGENTS; i++) {
            AgentProfile agent = desk.agent("agent-" + i);
            profiles.put(agent.id(), agent);
        }
        FlowSettings settings = FlowSettings.defaults().withDefinitionsMaxAge(Duration.ofMinutes(5));
        routers = List.of(desk.router(settings), desk.router(settings), desk.router(settings));
        profiles.keySet().forEach(agent -> handle(ChangeAgentState.now(agent, AgentStatus.READY, "")));
        int arrived = 0;
        int ended = 0;
        while (ended < CALLS) {
            boolean canArrive = arrived < CALLS;
            int choice = random.nextInt(3);
            if (choice == 0 && canArrive || legs.isEmpty() && ranOut.isEmpty() && canArrive) {
                handle(desk.arrival("c" + arrived, UNKNOWN, Instant.now()));
                arrived++;
            } else if (choice == 1 && !ranOut.isEmpty() || legs.isEmpty() && !ranOut.isEmpty()) {
                handle(ChangeAgentState.now(ranOut.remove(random.nextInt(ranOut.size())), AgentStatus.READY, ""));
            } else if (!legs.isEmpty()) {
                ended += advance(legs.get(random.nextInt(legs.size())));
            } else {
                fail("%d calls arrived, %d ended, none ringing and no agent to bring back: calls wait unrouted",
                        arrived, ended);
            }
        }

        assertThat(desk.waiting.depth(desk.sales).waiting()).isZero();
        assertThat(desk.redis.hlen(desk.keys.reservedAgents())).isZero();
    }

    /** The leg's next event; 1 when the call ended. */
    private int advance(Leg leg) {
        ConnectToAgent c = leg.connect;
        String endpoint = profiles.get(c.agentId()).endpoint().toString();
        String channel = "PJSIP/" + c.agentId().value() + "-" + c.callId().value();
        if (leg.step == 0 && random.nextInt(10) == 0) {
            finish(leg);
            ranOut.add(c.agentId());
            handle(AgentLegUnanswered.now(c.callId(), endpoint, channel, "NOANSWER"));
            return 0;
        }
        leg.step++;
        if (leg.step == 1) {
            handle(AgentLegRinging.now(c.callId(), endpoint, channel));
        } else if (leg.step == 2) {
            handle(CallConnected.now(c.callId(), endpoint, channel));
        } else {
            finish(leg);
            handle(CallEnded.now(c.callId(), 16, "Normal Clearing", HangupParty.CUSTOMER));
            return 1;
        }
        return 0;
    }

    private void finish(Leg leg) {
        legs.remove(leg);
        busy.remove(leg.connect.agentId());
        ringingAt.remove(leg.connect.callId());
    }

    private void handle(DomainMessage message) {
        routers.get(random.nextInt(routers.size())).handle(message);
        List<ConnectToAgent> connects = desk.connects();
        for (ConnectToAgent c : connects.subList(connectsSeen, connects.size())) {
            CallId otherCall = busy.putIfAbsent(c.agentId(), c.callId());
            AgentId otherAgent = ringingAt.putIfAbsent(c.callId(), c.agentId());
            assertThat(otherCall).as("%s given %s while on %s", c.agentId(), c.callId(), otherCall).isNull();
            assertThat(otherAgent).as("%s given to %s while at %s", c.callId(), c.agentId(), otherAgent).isNull();
            legs.add(new Leg(c));
        }
        connectsSeen = connects.size();
        boolean agentIdle = !ReadyAgents.on(desk.redis, desk.keys).longestIdleFirst(1).isEmpty();
        long waiting = desk.waiting.depth(desk.sales).waiting();
        assertThat(agentIdle && waiting > 0).as("after %s: a Ready agent idles while %d calls wait", message, waiting)
                .isFalse();
    }
}
