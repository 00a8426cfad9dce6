package io.cti.pbxsim.traffic;

import io.cti.pbxsim.calls.EndpointBehaviour;
import io.cti.pbxsim.calls.EndpointCall;
import io.cti.pbxsim.clock.SimClock;

/**
 * How a supervisor's phone treats a call: it rings and answers by itself after the answer delay (auto-answer), then
 * stays on the line until the other side (ChanSpy ending with the agent's call) hangs up. Runs on the clock thread.
 */
final class SupervisorPhone implements EndpointBehaviour {

    private final SimClock clock;
    private final SimRandom random;
    private final SupervisorPhones phones;

    SupervisorPhone(SimClock clock, SimRandom random, SupervisorPhones phones) {
        this.clock = clock;
        this.random = random;
        this.phones = phones;
    }

    @Override
    public void incoming(EndpointCall call) {
        call.ringing();
        clock.schedule(phones.answerDelay().draw(random), call::answer);
    }
}
