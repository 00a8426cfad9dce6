package io.cti.pbxsim.traffic;

import io.cti.pbxsim.calls.AnswerAudio;
import io.cti.pbxsim.calls.ChannelWatcher;
import io.cti.pbxsim.calls.EndpointBehaviour;
import io.cti.pbxsim.calls.EndpointCall;
import io.cti.pbxsim.calls.Pbx;
import io.cti.pbxsim.clock.Cancellable;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The trunk to the outbound callees: a dial of {@code <number>@<trunk>} reaches the population's callee for that
 * number, who behaves as the binding format says, all draws at the dial's moment in the callee's local hour of the
 * week: busy with probability {@code busy}; else answered with probability {@code answer[h]} after a uniform ring
 * delay, by a machine with probability {@code machine[h]} (AMD hears a long greeting; it hangs up after recording
 * for {@link #MACHINE_RECORDING}), otherwise by a person (AMD hears "Hello?") who talks for a lognormal time once
 * bridged with an agent and hangs up after 2 s of silence after their greeting if none is; else it rings until the
 * dialer gives up. A number not in the population is not in service (the call fails with cause 1). Runs on the
 * clock thread.
 */
final class CalleeLine implements EndpointBehaviour {

    static final Duration BUSY_AFTER = Duration.ofSeconds(1);
    static final Duration SILENCE_BEFORE_HANGUP = Duration.ofSeconds(2);
    static final Duration MACHINE_RECORDING = Duration.ofSeconds(30);
    private static final int UNALLOCATED_NUMBER = 1;
    private static final int NORMAL_CLEARING = 16;

    private final Pbx pbx;
    private final SimRandom random;
    private final Counters counters;
    private final Population population;

    CalleeLine(Pbx pbx, SimRandom random, Counters counters, Population population) {
        this.pbx = pbx;
        this.random = random;
        this.counters = counters;
        this.population = population;
    }

    @Override
    public void incoming(EndpointCall call) {
        counters.outboundDials.incrementAndGet();
        String dialed = call.dialed();
        int at = dialed.indexOf('@');
        Optional<Callee> found = population.callee(at >= 0 ? dialed.substring(0, at) : dialed);
        if (found.isEmpty()) {
            counters.outboundUnknownNumbers.incrementAndGet();
            call.hangup(UNALLOCATED_NUMBER);
            return;
        }
        Callee callee = found.get();
        Instant now = pbx.clock().now();
        if (random.chance(callee.busy())) {
            counters.outboundBusy.incrementAndGet();
            pbx.clock().schedule(BUSY_AFTER, call::busy);
            return;
        }
        call.ringing();
        if (!random.chance(callee.answerAt(now))) {
            counters.outboundNoAnswer.incrementAndGet();
            return;
        }
        Duration delay = Duration.ofMillis(Math.round(
                random.uniform(callee.answerDelayMin(), callee.answerDelayMax()) * 1000));
        boolean machine = random.chance(callee.machineAt(now));
        pbx.clock().schedule(delay, () -> answer(call, callee, machine));
    }

    private void answer(EndpointCall call, Callee callee, boolean machine) {
        call.answer(machine ? AnswerAudio.MACHINE : AnswerAudio.PERSON);
        Answered line = new Answered(call.channel(), callee, machine);
        pbx.watch(call.channel(), line).thenAccept(live -> {
            if (live) {
                (machine ? counters.outboundMachines : counters.outboundHumans).incrementAndGet();
                line.start();
            }
        });
    }

    /** An answered callee: a machine records, then hangs up; a person waits for an agent, talks, hangs up. */
    private final class Answered implements ChannelWatcher {
        private final String channel;
        private final Callee callee;
        private final boolean machine;
        private Cancellable timer = Cancellable.NONE;
        private boolean connected;

        Answered(String channel, Callee callee, boolean machine) {
            this.channel = channel;
            this.callee = callee;
            this.machine = machine;
        }

        void start() {
            Duration waiting = machine ? MACHINE_RECORDING
                    : AnswerAudio.PERSON.greetingEnd().plus(SILENCE_BEFORE_HANGUP);
            timer = pbx.clock().schedule(waiting, () -> {
                if (!machine && !connected) {
                    counters.outboundHungUpOnSilence.incrementAndGet();
                }
                pbx.hangupFromFarEnd(channel, NORMAL_CLEARING);
            });
        }

        @Override
        public void bridged(String peer) {
            if (machine || connected) {
                return;
            }
            connected = true;
            counters.outboundConnected.incrementAndGet();
            timer.cancel();
            Duration talk = Duration.ofMillis(Math.round(random.lognormal(callee.talkMean(), callee.talkSd()) * 1000));
            timer = pbx.clock().schedule(talk, () -> pbx.hangupFromFarEnd(channel, NORMAL_CLEARING));
        }

        @Override
        public void hungUp(int cause) {
            timer.cancel();
        }
    }
}
