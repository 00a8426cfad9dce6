package io.cti.pbxsim.traffic;

import io.cti.pbxsim.calls.EndpointBehaviour;
import io.cti.pbxsim.calls.EndpointCall;

/**
 * The trunk to the outside world for calls the PBX places ({@code <number>@<trunk>}): a number that asked for a
 * callback reaches that caller ({@link CallbackCustomers}); any other number reaches the outbound population
 * ({@link CalleeLine}), or, without one, is not in service (the call fails with cause 1). Runs on the clock thread.
 */
final class TrunkLine implements EndpointBehaviour {

    private static final int UNALLOCATED_NUMBER = 1;

    private final CallbackCustomers callbacks;
    private final CalleeLine callees;
    private final Counters counters;

    /** Either part may be null: no callbacks expected, or no population. */
    TrunkLine(CallbackCustomers callbacks, CalleeLine callees, Counters counters) {
        this.callbacks = callbacks;
        this.callees = callees;
        this.counters = counters;
    }

    @Override
    public void incoming(EndpointCall call) {
        String dialed = call.dialed();
        int at = dialed.indexOf('@');
        String number = at >= 0 ? dialed.substring(0, at) : dialed;
        if (callbacks != null && callbacks.expects(number)) {
            callbacks.incoming(call, number);
        } else if (callees != null) {
            callees.incoming(call);
        } else {
            counters.outboundUnknownNumbers.incrementAndGet();
            call.hangup(UNALLOCATED_NUMBER);
        }
    }
}
