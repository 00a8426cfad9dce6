package io.cti.pbxsim.traffic;

import io.cti.pbxsim.calls.ChannelWatcher;
import io.cti.pbxsim.calls.EndpointCall;
import io.cti.pbxsim.calls.ManagerEvent;
import io.cti.pbxsim.calls.Pbx;
import io.cti.pbxsim.calls.PbxListener;
import io.cti.pbxsim.clock.Cancellable;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The callers waiting for a callback: learnt from the platform dialplan's {@code UserEvent: AcdCallback} (its
 * {@code Number}), they answer the platform's dial to that number through the trunk as {@link CallbackAnswering}
 * says, talk once bridged with the agent, and hang up. A caller who took the callback waits for no other; one who
 * did not is still expected (the platform tries again). Confined to the clock thread.
 */
final class CallbackCustomers implements PbxListener {

    private static final int NORMAL_CLEARING = 16;

    private final Pbx pbx;
    private final SimRandom random;
    private final Counters counters;
    private final CallbackAnswering answering;
    /** Number -> how many callbacks that number still waits for. */
    private final Map<String, Integer> awaiting = new HashMap<>();

    CallbackCustomers(Pbx pbx, SimRandom random, Counters counters, CallbackAnswering answering) {
        this.pbx = pbx;
        this.random = random;
        this.counters = counters;
        this.answering = answering;
    }

    @Override
    public void onEvent(ManagerEvent event) {
        String number = event.get("Number");
        if ("UserEvent".equals(event.name()) && "AcdCallback".equals(event.get("UserEvent")) && number != null
                && !number.isEmpty()) {
            counters.callbackRequests.incrementAndGet();
            awaiting.merge(number, 1, Integer::sum);
        }
    }

    /** Whether {@code number} asked for a callback it has not taken yet. */
    boolean expects(String number) {
        return awaiting.containsKey(number);
    }

    /** The platform dials {@code number}, which asked for a callback. */
    void incoming(EndpointCall call, String number) {
        counters.callbackDials.incrementAndGet();
        double draw = random.uniform();
        if (draw < answering.busy()) {
            pbx.clock().schedule(CalleeLine.BUSY_AFTER, call::busy);
            return;
        }
        call.ringing();
        if (draw >= answering.busy() + answering.answer()) {
            return;
        }
        Duration delay = answering.ringDelay().draw(random);
        pbx.clock().schedule(delay, () -> {
            // Followed before answering: the agent is on the line already, so answering bridges at once.
            pbx.watch(call.channel(), new Talker(call.channel())).thenAccept(live -> {
                if (live) {
                    counters.callbackAnswered.incrementAndGet();
                    awaiting.computeIfPresent(number, (n, count) -> count > 1 ? count - 1 : null);
                    call.answer();
                }
            });
        });
    }

    /** An answered callback: talks once bridged with the agent, then hangs up. */
    private final class Talker implements ChannelWatcher {
        private final String channel;
        private Cancellable timer = Cancellable.NONE;
        private boolean connected;

        Talker(String channel) {
            this.channel = channel;
        }

        @Override
        public void bridged(String peer) {
            if (connected) {
                return;
            }
            connected = true;
            timer = pbx.clock().schedule(answering.talk().draw(random),
                    () -> pbx.hangupFromFarEnd(channel, NORMAL_CLEARING));
        }

        @Override
        public void hungUp(int cause) {
            timer.cancel();
        }
    }
}
