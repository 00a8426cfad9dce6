package io.cti.pbxsim.traffic;

import java.util.List;

/**
 * The supervisors' phones: endpoints such as {@code PJSIP/3001} that the platform rings to listen to, whisper to
 * or barge in on an agent's call (an Originate of the phone to ChanSpy). In the demo nobody sits at them, so they
 * answer by themselves after {@code answerDelay}, as a supervisor's headset set to auto-answer would, and stay on
 * the line until the spying ends. Immutable.
 */
public record SupervisorPhones(List<String> devices, Delay answerDelay) {

    /** The demo supervisor's phone, as the console's demo supervisor has it. */
    public static final String DEMO_DEVICE = "PJSIP/3001";

    public SupervisorPhones {
        devices = List.copyOf(devices);
        for (String device : devices) {
            if (device.indexOf('/') <= 0) {
                throw new IllegalArgumentException("a supervisor phone is a device such as PJSIP/3001, not " + device);
            }
        }
        answerDelay = answerDelay == null ? Delay.fixed(1) : answerDelay;
    }

    /** The demo's one supervisor phone, {@value #DEMO_DEVICE}, answering after a second. */
    public static SupervisorPhones demo() {
        return new SupervisorPhones(List.of(DEMO_DEVICE), null);
    }

    public SupervisorPhones withAnswerDelay(Delay delay) {
        return new SupervisorPhones(devices, delay);
    }
}
