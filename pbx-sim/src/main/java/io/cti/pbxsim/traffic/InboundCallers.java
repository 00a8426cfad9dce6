package io.cti.pbxsim.traffic;

import io.cti.pbxsim.calls.ChannelWatcher;
import io.cti.pbxsim.calls.InboundCall;
import io.cti.pbxsim.calls.Party;
import io.cti.pbxsim.calls.Pbx;
import io.cti.pbxsim.clock.Cancellable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Inbound callers: for each queue an arrival process places calls through the inbound trunk to the queue's number
 * (keying its IVR digits when asked); each caller waits at most their patience for an agent, and once connected
 * talks for their talk time and hangs up. Confined to the clock thread.
 */
final class InboundCallers {

    /** The Q.850 cause a PJSIP caller's BYE gives: normal clearing. */
    private static final int NORMAL_CLEARING = 16;

    private final Pbx pbx;
    private final SimRandom random;
    private final Counters counters;
    private final TrafficPlan plan;
    private final Set<String> knownNumbers;
    private final List<ArrivalProcess> arrivals = new ArrayList<>();

    InboundCallers(Pbx pbx, SimRandom random, Counters counters, TrafficPlan plan) {
        this.pbx = pbx;
        this.random = random;
        this.counters = counters;
        this.plan = plan;
        this.knownNumbers = plan.callers().knownSet();
    }

    void start() {
        for (InboundQueue queue : plan.queues()) {
            ArrivalProcess process = new ArrivalProcess(pbx.clock(), random, queue.rate(), () -> arrive(queue));
            arrivals.add(process);
            process.start();
        }
    }

    void stop() {
        arrivals.forEach(ArrivalProcess::stop);
    }

    private void arrive(InboundQueue queue) {
        String number = plan.callers().draw(random, knownNumbers);
        Duration patience = queue.patience().draw(random);
        int slash = plan.inboundTrunk().indexOf('/');
        InboundCall call = InboundCall.of(plan.inboundTrunk().substring(0, slash),
                plan.inboundTrunk().substring(slash + 1), new Party(number, ""), plan.inboundContext(),
                queue.dnis()).withDtmf(queue.keys(random));
        counters.inboundCalls.incrementAndGet();
        pbx.inboundCall(call).thenAccept(channel -> {
            Caller caller = new Caller(channel.name(), queue);
            pbx.watch(channel.name(), caller).thenAccept(found -> {
                if (found) {
                    caller.waitAtMost(patience);
                }
            });
        });
    }

    /** One caller: gives up after their patience unless an agent came, then talks and hangs up. */
    private final class Caller implements ChannelWatcher {
        private final String channel;
        private final InboundQueue queue;
        private Cancellable timer = Cancellable.NONE;
        private boolean connected;
        private boolean gone;

        Caller(String channel, InboundQueue queue) {
            this.channel = channel;
            this.queue = queue;
        }

        void waitAtMost(Duration patience) {
            if (!connected && !gone) {
                timer = pbx.clock().schedule(patience, this::giveUp);
            }
        }

        @Override
        public void bridged(String peer) {
            if (connected) {
                return;
            }
            connected = true;
            counters.inboundConnected.incrementAndGet();
            timer.cancel();
            timer = pbx.clock().schedule(queue.talk().draw(random),
                    () -> pbx.hangupFromFarEnd(channel, NORMAL_CLEARING));
        }

        @Override
        public void hungUp(int cause) {
            gone = true;
            timer.cancel();
        }

        private void giveUp() {
            if (!connected) {
                counters.inboundAbandoned.incrementAndGet();
                pbx.hangupFromFarEnd(channel, NORMAL_CLEARING);
            }
        }
    }
}
