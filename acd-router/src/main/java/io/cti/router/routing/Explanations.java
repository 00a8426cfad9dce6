package io.cti.router.routing;

import java.time.Instant;
import java.util.Map;

/** Puts together why a call on the board still waits. Stateless. */
final class Explanations {

    private Explanations() {
    }

    /** Whether explaining {@code e} would count a lane's agents not counted yet in {@code byLane}. */
    static boolean countsALane(CallEntry e, Map<Lane, WaitReason> byLane) {
        return waitsForAnyFreeAgent(e) && !byLane.containsKey(e.lane);
    }

    /**
     * The explanation of {@code e}; {@code byLane} shares one "no agent" reason among the calls of a lane, so a round
     * with thousands of waiting calls counts the agents once per lane, not once per call.
     */
    static WaitExplanation of(CallEntry e, AgentRegistry agents, Instant now, Map<Lane, WaitReason> byLane) {
        WaitReason reason;
        if (waitsForAnyFreeAgent(e)) {
            reason = byLane.computeIfAbsent(e.lane, l -> new WaitReason.NoEligibleAgent(l.requirements,
                    agents.unmetByAnyFreeAgent(l.requirements), agents.freeCount(), agents.busyMeeting(l.requirements)));
        } else if (e.target.queue() == null) {
            reason = new WaitReason.UnknownQueue(e.target.queueName());
        } else if (e.lane == null) {
            reason = new WaitReason.HeldForStickyAgent(e.sticky);
        } else {
            reason = new WaitReason.RoutableNow(e.lane.pool.size());
        }
        return new WaitExplanation(e.call.id(), e.target.queueName(), e.call.effectivePriorityAt(now),
                e.call.waitedAt(now), e.call.priority().terms(), e.target.terms(), e.sticky, reason);
    }

    /** A call of a known queue, in a lane, with no free agent in its pool: its wait is explained by counting agents. */
    private static boolean waitsForAnyFreeAgent(CallEntry e) {
        return e.target.queue() != null && e.lane != null && e.lane.pool.isEmpty();
    }
}
