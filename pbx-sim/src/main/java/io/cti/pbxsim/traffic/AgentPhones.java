package io.cti.pbxsim.traffic;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The agents' phones: endpoints such as {@code PJSIP/2001} that, when the PBX calls them, ring for a
 * {@code ringDelay} and are picked up, except that with probability {@code noAnswer} nobody picks up (the call
 * rings until the dialplan gives up: RONA). A live outbound answer (a call carrying the platform dialplan's
 * {@code CTI_DIRECTION=outbound}) is answered automatically after {@code autoAnswer}, as predictive dialing needs:
 * the callee hangs up after two seconds of silence. Once connected the agent stays until the other party hangs up.
 * Immutable.
 */
public record AgentPhones(List<String> devices, Delay ringDelay, double noAnswer, Delay autoAnswer) {

    public AgentPhones {
        devices = List.copyOf(devices);
        for (String device : devices) {
            if (device.indexOf('/') <= 0) {
                throw new IllegalArgumentException("an agent phone is a device such as PJSIP/2001, not " + device);
            }
        }
        ringDelay = ringDelay == null ? Delay.uniform(2, 6) : ringDelay;
        autoAnswer = autoAnswer == null ? Delay.fixed(0.5) : autoAnswer;
        if (!(noAnswer >= 0 && noAnswer <= 1)) {
            throw new IllegalArgumentException("the no-answer probability must be in [0,1], was " + noAnswer);
        }
    }

    /** {@code PJSIP/<first>} to {@code PJSIP/<last>}, ringing 2-6 s, always answered. */
    public static AgentPhones range(int first, int last) {
        return new AgentPhones(IntStream.rangeClosed(first, last)
                .mapToObj(extension -> "PJSIP/" + extension).toList(), null, 0, null);
    }

    public AgentPhones withRingDelay(Delay delay) {
        return new AgentPhones(devices, delay, noAnswer, autoAnswer);
    }

    public AgentPhones withNoAnswer(double probability) {
        return new AgentPhones(devices, ringDelay, probability, autoAnswer);
    }

    public AgentPhones withAutoAnswer(Delay delay) {
        return new AgentPhones(devices, ringDelay, noAnswer, delay);
    }
}
