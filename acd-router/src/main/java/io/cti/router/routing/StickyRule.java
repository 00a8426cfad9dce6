package io.cti.router.routing;

import io.cti.router.agents.Agent;
import io.cti.router.agents.AgentState;

import java.time.Instant;

/**
 * Sticky agent: the customer's last agent gets the call if they are Ready with the skills; if they are busy but
 * logged in with the skills, the call waits for them until the queue's sticky wait (counted from when the call was
 * enqueued) is over, then goes to anyone. Holding out for an agent who is logged out or lacks the skills would only
 * delay the caller, so those calls are routed at once. Stateless.
 */
final class StickyRule {

    private StickyRule() {
    }

    static StickyCheck check(WaitingCall call, CallTarget target, AgentRegistry agents, Instant now) {
        if (call.lastAgent() == null) {
            return StickyCheck.NONE;
        }
        if (target.queue() == null || target.queue().stickyWait().isZero() || target.queue().stickyWait().isNegative()) {
            return StickyCheck.OFF;
        }
        Agent last = agents.get(call.lastAgent());
        if (last == null || last.state() instanceof AgentState.LoggedOut) {
            return new StickyCheck(StickyCheck.Outcome.UNAVAILABLE, call.lastAgent(),
                    last == null ? "unknown to the router" : "logged out", null);
        }
        String state = last.state().toString();
        if (!target.admits(last)) {
            return new StickyCheck(StickyCheck.Outcome.NOT_ELIGIBLE, last.id(), state, null);
        }
        if (agents.isFree(last.id())) {
            return new StickyCheck(StickyCheck.Outcome.HIT, last.id(), state, null);
        }
        Instant until = call.enqueuedAt().plus(target.queue().stickyWait());
        if (now.isBefore(until)) {
            return new StickyCheck(StickyCheck.Outcome.HELD, last.id(), state, until);
        }
        return new StickyCheck(StickyCheck.Outcome.GAVE_UP, last.id(), state, null);
    }
}
