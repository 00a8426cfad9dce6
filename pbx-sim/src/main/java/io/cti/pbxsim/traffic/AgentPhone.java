package io.cti.pbxsim.traffic;

import io.cti.pbxsim.calls.EndpointBehaviour;
import io.cti.pbxsim.calls.EndpointCall;
import io.cti.pbxsim.clock.SimClock;

/**
 * How an agent's phone treats a call: it rings; a live outbound answer is picked up automatically; otherwise with
 * the no-answer probability nobody picks up (the dialplan's ring timeout ends it: RONA), or it is picked up after a
 * ring delay. The agent then stays on the line until the other party hangs up. Runs on the clock thread.
 */
final class AgentPhone implements EndpointBehaviour {

    private final SimClock clock;
    private final SimRandom random;
    private final Counters counters;
    private final AgentPhones phones;

    AgentPhone(SimClock clock, SimRandom random, Counters counters, AgentPhones phones) {
        this.clock = clock;
        this.random = random;
        this.counters = counters;
        this.phones = phones;
    }

    @Override
    public void incoming(EndpointCall call) {
        call.ringing();
        if ("outbound".equals(call.variable("CTI_DIRECTION"))) {
            clock.schedule(phones.autoAnswer().draw(random), () -> {
                counters.agentAnswers.incrementAndGet();
                call.answer();
            });
            return;
        }
        if (random.chance(phones.noAnswer())) {
            counters.agentNoAnswers.incrementAndGet();
            return;
        }
        clock.schedule(phones.ringDelay().draw(random), () -> {
            counters.agentAnswers.incrementAndGet();
            call.answer();
        });
    }
}
