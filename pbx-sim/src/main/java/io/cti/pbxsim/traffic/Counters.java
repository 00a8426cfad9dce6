package io.cti.pbxsim.traffic;

import java.util.concurrent.atomic.AtomicLong;

/** The running counts behind {@link TrafficStats}; written on the clock thread, read from any. Thread-safe. */
final class Counters {

    final AtomicLong inboundCalls = new AtomicLong();
    final AtomicLong inboundAbandoned = new AtomicLong();
    final AtomicLong inboundConnected = new AtomicLong();
    final AtomicLong agentAnswers = new AtomicLong();
    final AtomicLong agentNoAnswers = new AtomicLong();
    final AtomicLong outboundDials = new AtomicLong();
    final AtomicLong outboundBusy = new AtomicLong();
    final AtomicLong outboundNoAnswer = new AtomicLong();
    final AtomicLong outboundMachines = new AtomicLong();
    final AtomicLong outboundHumans = new AtomicLong();
    final AtomicLong outboundConnected = new AtomicLong();
    final AtomicLong outboundHungUpOnSilence = new AtomicLong();
    final AtomicLong outboundUnknownNumbers = new AtomicLong();
    final AtomicLong callbackRequests = new AtomicLong();
    final AtomicLong callbackDials = new AtomicLong();
    final AtomicLong callbackAnswered = new AtomicLong();

    TrafficStats snapshot() {
        return new TrafficStats(inboundCalls.get(), inboundAbandoned.get(), inboundConnected.get(),
                agentAnswers.get(), agentNoAnswers.get(), outboundDials.get(), outboundBusy.get(),
                outboundNoAnswer.get(), outboundMachines.get(), outboundHumans.get(), outboundConnected.get(),
                outboundHungUpOnSilence.get(), outboundUnknownNumbers.get(), callbackRequests.get(),
                callbackDials.get(), callbackAnswered.get());
    }
}
